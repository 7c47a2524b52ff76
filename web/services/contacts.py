"""Saved contacts: saving with consent, mutual ties, follow-up state.

Functions here flush; the request (or CLI command) boundary commits.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from matcher import CommonGround, Draft, Matcher, draft_follow_up
from models import FOLLOW_UP_AFTER, Attendee, Contact, Scan, utcnow
from web.services.common_ground import common_ground_with_ties
from web.services.matching import profile_of
from web.services.pairs import forget_suggestions

log = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 1000

# A signed-in attendee opening the same badge again within this window (the
# page after saving, a reload, coming back to it) is the same scan: one row.
SCAN_REPEAT_WINDOW = dt.timedelta(minutes=10)


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
    forget_suggestions(session, owner.id, other.id)
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
    session: Session, a: Attendee, b: Attendee, saved: dict[int, set[int]] | None = None
) -> tuple[Contact | None, Contact | None]:
    """(`a`'s saved contact of `b`, `b`'s saved contact of `a`), in one query; none
    when `saved` (`saved_ids` of the pair) says neither saved the other."""
    mine = theirs = None
    if saved is not None and b.id not in saved[a.id] and a.id not in saved[b.id]:
        return mine, theirs
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


def email_visible(session: Session, viewer: Attendee, other: Attendee) -> bool:
    """Whether `viewer` may see `other`'s email (see `may_see_email`)."""
    return may_see_email(other, *pair_contacts(session, viewer, other))


def record_scan(session: Session, scanned: Attendee, scanner: Attendee | None) -> None:
    """Remember that `scanned`'s badge was opened (by `scanner` when signed in).

    Every anonymous opening is a row. A signed-in scanner opening the same badge
    again within SCAN_REPEAT_WINDOW of their last recorded scan of it adds no
    row: that is still the same encounter (the page after saving, a reload).
    Two openings at the very same moment may still both be recorded.

    Call it last in a request: under SQLite the insert holds the database's one
    write lock until the request commits.
    """
    if scanner is None:
        session.execute(
            _INSERT_SCAN,
            {"event_id": scanned.event_id, "scanner_id": None, "scanned_id": scanned.id},
        )
        return
    if scanner.id == scanned.id:
        return
    now = utcnow()
    session.execute(
        _INSERT_NEW_SCAN,
        {
            "event_id": scanned.event_id,
            "scanner_id": scanner.id,
            "scanned_id": scanned.id,
            "now": now,
            "since": now - SCAN_REPEAT_WINDOW,
        },
    )


_SCANS = cast(sa.Table, Scan.__table__)
_INSERT_SCAN = sa.insert(_SCANS)  # plain Core: no ORM bulk machinery
# One statement: the row unless this scanner opened the badge within the window.
# Filtered on the badge first, so SQLite walks the badge's few scans (its index)
# rather than everything the scanner ever opened.
_INSERT_NEW_SCAN = sa.insert(_SCANS).from_select(
    ["event_id", "scanner_id", "scanned_id", "created_at"],
    sa.select(
        sa.bindparam("event_id", type_=sa.Integer),
        sa.bindparam("scanner_id", type_=sa.Integer),
        sa.bindparam("scanned_id", type_=sa.Integer),
        sa.bindparam("now", type_=_SCANS.c.created_at.type),
    ).where(
        ~sa.exists().where(
            _SCANS.c.scanned_id == sa.bindparam("scanned_id"),
            _SCANS.c.created_at >= sa.bindparam("since", type_=_SCANS.c.created_at.type),
            _SCANS.c.scanner_id == sa.bindparam("scanner_id"),
        )
    ),
)


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


def my_contacts(
    session: Session, matcher: Matcher, owner: Attendee, event_name: str
) -> list[ContactView]:
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
        cg = common_ground_with_ties(session, matcher, owner, other)
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
