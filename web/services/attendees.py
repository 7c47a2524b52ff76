"""Attendees' own state changes and queries: sign-up, profile edits, deletion, my list.

Everything here only flushes; the request boundary commits.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, load_only

from matcher import CommonGround
from models import FIELDS_BY_NAME, LIST_FIELDS, Attendee, Event, RoundAssignment, Suggestion
from web.services.forgetting import forget_phrases

log = logging.getLogger(__name__)

TAG_SUGGESTIONS = 40


class ProfileInput(Protocol):
    """A validated profile (the sign-up or edit form) that can write itself to an attendee."""

    def fill(self, attendee: Attendee) -> None:
        """Set every profile field of `attendee`."""

    def merge_into(self, attendee: Attendee) -> None:
        """Update `attendee`, keeping what was left empty and never loosening consent."""


def find_by_email(session: Session, event: Event, email: str) -> Attendee | None:
    """The attendee of `event` with this (normalised) email."""
    return session.scalar(
        sa.select(Attendee).where(Attendee.event_id == event.id, Attendee.email == email)
    )


def create_signup(
    session: Session, event: Event, email: str, form: ProfileInput
) -> tuple[Attendee, str] | None:
    """Create the attendee of a sign-up and issue their private link: (attendee, token).

    None when the email is already registered for the event, including by a sign-up
    that won a race a moment ago (the unique constraint decides): a sign-up form is
    no proof of owning an email, so it never opens or changes an existing profile.
    """
    if find_by_email(session, event, email) is not None:
        return None
    attendee = Attendee(event_id=event.id, email=email)
    form.fill(attendee)
    token = attendee.issue_private_token()
    try:
        with session.begin_nested():
            session.add(attendee)
            session.flush()
    except IntegrityError:
        return None
    log.info("event %s: attendee %s created", event.slug, attendee.id)
    return attendee, token


def update_from_signup(session: Session, attendee: Attendee, form: ProfileInput) -> None:
    """The signed-in owner sent the sign-up form again: update what they typed.

    Empty fields keep their values and consent never loosens (`merge_into`); the
    private link stays the same.
    """
    form.merge_into(attendee)
    attendee.profile_version += 1
    session.flush()


def update_profile(session: Session, attendee: Attendee, form: ProfileInput) -> None:
    """Apply the edit form to `attendee`."""
    form.fill(attendee)
    attendee.profile_version += 1
    session.flush()


def delete_attendee(session: Session, attendee: Attendee) -> None:
    """Remove the attendee and, by cascade, their suggestions, scans, contacts and exclusions."""
    event_slug, attendee_id = attendee.event.slug, attendee.id
    # Rows pointing at the attendee go by the database's ON DELETE CASCADE
    # (PostgreSQL; SQLite with foreign keys on, see models.db).
    forget_phrases(session, attendee)  # cached embeddings of phrases only they used
    _forget_seat_notes(session, attendee)
    session.delete(attendee)
    session.flush()
    log.info("event %s: attendee %s deleted their data", event_slug, attendee_id)


def table_mates(session: Session, seat: RoundAssignment) -> list[RoundAssignment]:
    """The other seats at the same table in the same round."""
    if seat.table_number is None:
        return []
    return list(
        session.scalars(
            sa.select(RoundAssignment).where(
                RoundAssignment.event_id == seat.event_id,
                RoundAssignment.round_number == seat.round_number,
                RoundAssignment.table_number == seat.table_number,
                RoundAssignment.attendee_id != seat.attendee_id,
            )
        )
    )


def _forget_seat_notes(session: Session, attendee: Attendee) -> None:
    """Table-mates' notes about `attendee` ("you both …", keyed by their id) go with them."""
    key = str(attendee.id)
    seats = session.scalars(
        sa.select(RoundAssignment).where(RoundAssignment.attendee_id == attendee.id)
    )
    for seat in list(seats):
        for mate in table_mates(session, seat):
            if key in (mate.notes or {}):
                mate.notes = {k: v for k, v in mate.notes.items() if k != key}


def event_tags(session: Session, event: Event) -> dict[str, list[str]]:
    """Tag suggestions per list field: phrases at least two listed attendees used.

    Only phrases shared by several people are offered, so a suggestion never
    reveals one person's profile. Goals (looking for, can offer) share one pool:
    one person's need is phrased like another's offer.
    """
    pools = {n: "goals" if FIELDS_BY_NAME[n].phrases == "goal" else n for n in LIST_FIELDS}
    rows = session.execute(
        sa.select(*(getattr(Attendee, name) for name in LIST_FIELDS)).where(
            Attendee.event_id == event.id, Attendee.listed.is_(True)
        )
    ).all()
    counters: dict[str, Counter[str]] = {pool: Counter() for pool in pools.values()}
    spelling: dict[str, str] = {}
    for row in rows:
        items_by_pool: dict[str, set[str]] = {pool: set() for pool in counters}
        for name, items in zip(LIST_FIELDS, row, strict=True):
            items_by_pool[pools[name]].update(str(i).strip() for i in items or [] if str(i).strip())
        for pool, items in items_by_pool.items():
            for item in items:
                norm = item.casefold()
                spelling.setdefault(norm, item)
                counters[pool][norm] += 1
    tags = {
        pool: [spelling[t] for t, n in counter.most_common(TAG_SUGGESTIONS) if n >= 2]
        for pool, counter in counters.items()
    }
    return {name: tags[pools[name]] for name in LIST_FIELDS}


@dataclass
class SuggestedPerson:
    """One suggested introduction as my page shows it."""

    other: Attendee
    rank: int
    score: float
    common_ground: CommonGround
    starters: list[str] = field(default_factory=list)

    @property
    def filled(self) -> bool:
        """A fill of a short list (`matcher.fill`): nothing in common was found."""
        return any(tie.kind == "nearby" for tie in self.common_ground.ties)


# Built once: my page asks on every visit (building costs more than running it). The
# cards show who the others are, not their profiles: their name and headline only
# (loading whole rows decoded six JSON lists a person, a tenth of my page).
_MY_SUGGESTIONS = (
    sa.select(Suggestion, Attendee)
    .join(Attendee, Attendee.id == Suggestion.other_id)
    .where(Suggestion.attendee_id == sa.bindparam("me"), Attendee.listed.is_(True))
    .options(load_only(Attendee.id, Attendee.event_id, Attendee.name, Attendee.headline))
    .order_by(Suggestion.rank, Suggestion.id)
)


def my_suggestions(session: Session, attendee: Attendee, limit: int = 5) -> list[SuggestedPerson]:
    """The attendee's stored suggestions, best first, each with reasons.

    People who have since chosen not to be listed, and suggestions without a reason,
    are left out.
    """
    rows = session.execute(_MY_SUGGESTIONS, {"me": attendee.id}).all()
    people: list[SuggestedPerson] = []
    for suggestion, other in rows:
        try:
            cg = CommonGround.from_dict(suggestion.detail or {})
        except (TypeError, ValueError):
            log.warning("suggestion %s has an unreadable detail", suggestion.id)
            continue
        if not cg.reasons:
            continue
        people.append(SuggestedPerson(other, suggestion.rank, suggestion.score, cg, cg.starters))
        if len(people) >= limit:
            break
    return people
