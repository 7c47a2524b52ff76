"""Saved contacts: saving with consent, mutual ties, follow-up state.

Functions here flush; the request (or CLI command) boundary commits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from matcher import CommonGround, Matcher, Profile, Tie
from matcher.followup import Draft, draft_follow_up
from matcher.starters import make_starters
from models import FOLLOW_UP_AFTER, Attendee, Contact, Scan, Suggestion, utcnow
from web.matching import get_matcher, pair_common_ground, profile_of

log = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 1000

# A signed-in attendee opening the same badge again within this window (the
# page after saving, a reload, coming back to it) is the same scan: one row.
SCAN_REPEAT_WINDOW = dt.timedelta(minutes=10)

# Pairs whose matcher common ground each worker keeps (scan -> save -> page
# again, My contacts): a few KiB each.
COMMON_GROUND_CACHE_SIZE = 2048


def aware(moment: dt.datetime) -> dt.datetime:
    """`moment` as an aware UTC datetime (SQLite hands back naive ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def find_contact(session: Session, owner: Attendee, other: Attendee) -> Contact | None:
    """`owner`'s saved contact of `other`, if any."""
    return session.scalar(
        sa.select(Contact).where(Contact.owner_id == owner.id, Contact.other_id == other.id)
    )


def save_contact(
    session: Session, owner: Attendee, other: Attendee, note: str
) -> tuple[Contact, bool]:
    """Save `other` to `owner`'s contacts, or update the note; returns (contact, created).

    Saving twice never duplicates (a double tap racing itself included). The pair
    counts as met: its suggestions leave both people's lists.
    """
    if owner.id == other.id or owner.event_id != other.event_id:
        raise ValueError("a contact is another attendee of the same event")
    note = note.strip()[:MAX_NOTE_LENGTH]
    contact = find_contact(session, owner, other)
    created = contact is None
    if contact is None:
        contact = Contact(
            event_id=owner.event_id,
            owner_id=owner.id,
            other_id=other.id,
            note=note,
            follow_up_by=utcnow() + FOLLOW_UP_AFTER,
        )
        try:
            with session.begin_nested():
                session.add(contact)
        except IntegrityError:
            # Another request saved the same pair first: update that one.
            log.info("attendee %s saved contact %s twice at once", owner.id, other.id)
            created = False
            contact = find_contact(session, owner, other)
            if contact is None:  # pragma: no cover - the conflicting row vanished
                raise
    contact.note = note
    session.execute(
        sa.delete(Suggestion).where(
            sa.or_(
                sa.and_(Suggestion.attendee_id == owner.id, Suggestion.other_id == other.id),
                sa.and_(Suggestion.attendee_id == other.id, Suggestion.other_id == owner.id),
            )
        )
    )
    session.flush()
    log.info("attendee %s %s contact %s", owner.id, "saved" if created else "updated", other.id)
    return contact, created


# Built once: constructing a statement costs more than running it on SQLite.
_PAIR_CONTACTS = sa.select(Contact).where(
    sa.or_(
        sa.and_(Contact.owner_id == sa.bindparam("a"), Contact.other_id == sa.bindparam("b")),
        sa.and_(Contact.owner_id == sa.bindparam("b"), Contact.other_id == sa.bindparam("a")),
    )
)


def pair_contacts(
    session: Session, a: Attendee, b: Attendee
) -> tuple[Contact | None, Contact | None]:
    """(`a`'s saved contact of `b`, `b`'s saved contact of `a`), in one query."""
    mine = theirs = None
    for contact in session.scalars(_PAIR_CONTACTS, {"a": a.id, "b": b.id}):
        if contact.owner_id == a.id:
            mine = contact
        else:
            theirs = contact
    return mine, theirs


def may_see_email(other: Attendee, mine: Contact | None, theirs: Contact | None) -> bool:
    """Whether the viewer may see `other`'s email, given the pair's contacts.

    `mine` is the viewer's saved contact of `other`, `theirs` the reverse. Only
    after the viewer saved `other`, and only if `other` agreed to share their
    email on exchange or saved the viewer too.
    """
    if mine is None:
        return False
    return bool(other.share_email) or theirs is not None


def has_saved(session: Session, owner: Attendee, other: Attendee) -> bool:
    """Whether `owner` saved `other`."""
    return find_contact(session, owner, other) is not None


def email_visible(session: Session, viewer: Attendee, other: Attendee) -> bool:
    """Whether `viewer` may see `other`'s email (see `may_see_email`)."""
    return may_see_email(other, *pair_contacts(session, viewer, other))


_SAVED_BY_BOTH = (
    sa.select(Attendee)
    .join(Contact, Contact.other_id == Attendee.id)
    .where(
        Contact.owner_id == sa.bindparam("a"),
        Contact.other_id.in_(
            sa.select(Contact.other_id).where(Contact.owner_id == sa.bindparam("b"))
        ),
        Attendee.id != sa.bindparam("a"),
        Attendee.id != sa.bindparam("b"),
    )
    .order_by(Attendee.name)
)


def saved_by_both(session: Session, a: Attendee, b: Attendee) -> list[Attendee]:
    """People `a` and `b` have both already saved at this event."""
    return list(session.scalars(_SAVED_BY_BOTH, {"a": a.id, "b": b.id}))


class _CommonGroundCache:
    """A small LRU of the matcher's common ground per pair, for one worker's matcher.

    Keys hold both profiles as the matcher sees them (a digest of every field,
    ids included) and the model's name: an edited profile is a new key, so a
    stale answer is never served; old keys simply age out.
    """

    def __init__(self, matcher: Matcher, size: int) -> None:
        self.matcher = matcher
        self.size = size
        self._items: OrderedDict[tuple[str, bytes, bytes], dict[str, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, bytes, bytes]) -> dict[str, object] | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[str, bytes, bytes], value: dict[str, object]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _common_ground_cache() -> _CommonGroundCache:
    matcher = get_matcher()
    cache: _CommonGroundCache | None = current_app.extensions.get("cg_common_ground_cache")
    if cache is None or cache.matcher is not matcher:
        cache = _CommonGroundCache(matcher, COMMON_GROUND_CACHE_SIZE)
        current_app.extensions["cg_common_ground_cache"] = cache
    return cache


def _profile_digest(profile: Profile) -> bytes:
    return hashlib.blake2b(repr(profile).encode("utf-8"), digest_size=16).digest()


def cached_pair_common_ground(a: Attendee, b: Attendee) -> CommonGround:
    """The matcher's common ground of `a` and `b` (a fresh copy, ours to extend).

    Remembered per worker for the pair's current profiles: opening the same
    badge again, the page after saving and My contacts skip the matcher. A
    failure is not remembered.
    """
    cache = _common_ground_cache()
    model = str(getattr(cache.matcher.encoder, "name", ""))
    key = (model, _profile_digest(profile_of(a)), _profile_digest(profile_of(b)))
    data = cache.get(key)
    if data is None:
        data = pair_common_ground(a, b).to_dict()
        cache.put(key, data)
    return CommonGround.from_dict(data)


def common_ground_with_ties(session: Session, a: Attendee, b: Attendee) -> CommonGround:
    """The pair's common ground from `a`'s side, plus the people both have saved.

    The starters are made again so they can use those mutual contacts too. When
    the matcher fails (say the model is missing), the result is empty common
    ground with starters from the profiles, so the page still works.
    """
    try:
        cg = cached_pair_common_ground(a, b)
    except Exception:
        # The scan moment must work even when the model cannot: the profiles
        # alone still give grounded starters, and saving still works.
        log.exception("common ground of attendees %s and %s failed", a.id, b.id)
        cg = CommonGround(score=0.0)
    known = {(t.kind, t.b.casefold()) for t in cg.ties}
    added = False
    for person in saved_by_both(session, a, b):
        if ("contact", person.name.casefold()) not in known:
            cg.ties.append(Tie(kind="contact", a=person.name, b=person.name))
            added = True
    if added or not cg.starters:
        cg.starters = make_starters(profile_of(a), profile_of(b), cg)
    return cg


def record_scan(session: Session, scanned: Attendee, scanner: Attendee | None) -> None:
    """Remember that `scanned`'s badge was opened (by `scanner` when signed in).

    Every anonymous opening is a row. A signed-in scanner opening the same badge
    again within SCAN_REPEAT_WINDOW of their last recorded scan of it adds no
    row: that is still the same encounter (the page after saving, a reload).
    Two openings at the very same moment may still both be recorded.

    Call it last in a request: under SQLite the insert holds the database's one
    write lock until the request commits.
    """
    if scanner is not None:
        if scanner.id == scanned.id:
            return
        recent = session.scalars(
            _RECENT_SCANNERS,
            {"scanned": scanned.id, "since": utcnow() - SCAN_REPEAT_WINDOW},
        )
        if scanner.id in set(recent):
            return
    session.execute(
        _INSERT_SCAN,
        {
            "event_id": scanned.event_id,
            "scanner_id": scanner.id if scanner else None,
            "scanned_id": scanned.id,
        },
    )


# Filtered on the badge only, so SQLite walks the badge's few scans (its index)
# rather than everything the scanner ever opened.
_RECENT_SCANNERS = sa.select(Scan.scanner_id).where(
    Scan.scanned_id == sa.bindparam("scanned"), Scan.created_at >= sa.bindparam("since")
)
_INSERT_SCAN = sa.insert(cast(sa.Table, Scan.__table__))  # plain Core: no ORM bulk machinery


def follow_up_state(contact: Contact, now: dt.datetime | None = None) -> str:
    """ "done", "overdue" (past its follow-up-by time) or "due"."""
    if contact.followed_up_at is not None:
        return "done"
    now = now or utcnow()
    return "overdue" if aware(contact.follow_up_by) < now else "due"


def set_done(contact: Contact, done: bool) -> None:
    """Mark a follow-up done (now) or not done again."""
    contact.followed_up_at = utcnow() if done else None


@dataclass
class ContactView:
    """One saved contact as "My contacts" shows it."""

    contact: Contact
    other: Attendee
    state: str
    email: str | None
    mutual: bool
    common_ground: CommonGround
    draft: Draft


def my_contacts(session: Session, owner: Attendee, event_name: str) -> list[ContactView]:
    """`owner`'s saved contacts, newest first, with state, consented email and a draft."""
    contacts = session.scalars(
        sa.select(Contact)
        .where(Contact.owner_id == owner.id)
        .options(selectinload(Contact.other))
        .order_by(Contact.created_at.desc(), Contact.id.desc())
    ).all()
    saved_me = set(session.scalars(sa.select(Contact.owner_id).where(Contact.other_id == owner.id)))
    now = utcnow()
    views = []
    for contact in contacts:
        other = contact.other
        mutual = other.id in saved_me
        cg = common_ground_with_ties(session, owner, other)
        views.append(
            ContactView(
                contact=contact,
                other=other,
                state=follow_up_state(contact, now),
                email=other.email if (other.share_email or mutual) else None,
                mutual=mutual,
                common_ground=cg,
                draft=draft_follow_up(
                    profile_of(owner), profile_of(other), cg, contact.note, event_name
                ),
            )
        )
    return views


def pending_requests(session: Session, owner: Attendee) -> list[Attendee]:
    """People who saved `owner` whom `owner` has not saved back (their requests)."""
    mine = sa.select(Contact.other_id).where(Contact.owner_id == owner.id)
    return list(
        session.scalars(
            sa.select(Attendee)
            .join(Contact, Contact.owner_id == Attendee.id)
            .where(Contact.other_id == owner.id, Attendee.id.not_in(mine))
            .order_by(Contact.created_at.desc())
        )
    )


def scanned_not_saved(session: Session, owner: Attendee, limit: int = 10) -> list[Attendee]:
    """People whose badge `owner` scanned but has not saved, most recent first."""
    mine = sa.select(Contact.other_id).where(Contact.owner_id == owner.id)
    latest = (
        sa.select(Scan.scanned_id, sa.func.max(Scan.created_at).label("at"))
        .where(Scan.scanner_id == owner.id, Scan.scanned_id.not_in(mine))
        .group_by(Scan.scanned_id)
        .subquery()
    )
    return list(
        session.scalars(
            sa.select(Attendee)
            .join(latest, latest.c.scanned_id == Attendee.id)
            .order_by(latest.c.at.desc(), Attendee.id)
            .limit(limit)
        )
    )
