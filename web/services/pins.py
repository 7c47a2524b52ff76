"""Introductions the organizer pins: kept at the top of both people's lists.

A pin is stored once per pair (`PinnedIntroduction`). Matching never chooses a
pinned pair itself; every refresh, full or incremental, calls `store_pins` after
writing the matcher's lists, which puts each pinned person at the top (rank 0) of
the other's list, explained by the matcher under the event's specificity
(`web.services.common_ground.event_common_ground`) with the organizer's note as the first reason. A
direction is left out while the person to be shown may not be suggested (not listed,
or hidden by the organizer) or while either side declined the other or already saved
them as a contact (they met). No Flask; flushes only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import CommonGround
from models import Attendee, Event, PinnedIntroduction, Suggestion
from web.services.matching import met_or_declined_pairs

log = logging.getLogger(__name__)

NOTE_MAX = 300
PINNED_RANK = 0  # before the matcher's ranks, which start at 1
DEFAULT_REASON = "The organizer thinks you two should meet."

# A pair's common ground under the event's specificity, from the first one's side
# (web.services.common_ground.event_common_ground).
CommonGroundOf = Callable[[Attendee, Attendee], CommonGround]


class PinError(ValueError):
    """A pin that cannot be made, with a message for the organizer."""


def pin(
    session: Session, event: Event, a: Attendee, b: Attendee, note: str = ""
) -> PinnedIntroduction:
    """Pin the introduction of `a` and `b` (an existing pin gets the new note). Flushes."""
    if a.event_id != event.id or b.event_id != event.id:
        raise PinError("Both people must be attendees of this event.")
    if a.id == b.id:
        raise PinError("Choose someone else: a person cannot be introduced to themselves.")
    if not (a.suggestable or b.suggestable):
        raise PinError(
            f"Neither {a.name} nor {b.name} may be suggested to others "
            "(not listed, or hidden), so this introduction could not be shown."
        )
    low, high = sorted((a.id, b.id))
    existing = session.scalar(
        sa.select(PinnedIntroduction).where(
            PinnedIntroduction.attendee_id == low, PinnedIntroduction.other_id == high
        )
    )
    if existing is None:
        existing = PinnedIntroduction(event_id=event.id, attendee_id=low, other_id=high)
        session.add(existing)
    existing.note = " ".join(note.split())[:NOTE_MAX]
    session.flush()
    log.info("event %s: pinned the introduction of %s and %s", event.slug, low, high)
    return existing


def unpin(session: Session, event: Event, pin_id: int) -> bool:
    """Remove a pin and the suggestions it put there; -> whether it existed. Flushes."""
    row = session.get(PinnedIntroduction, pin_id)
    if row is None or row.event_id != event.id:
        return False
    for x, y in ((row.attendee_id, row.other_id), (row.other_id, row.attendee_id)):
        session.execute(
            sa.delete(Suggestion).where(
                Suggestion.attendee_id == x, Suggestion.other_id == y, Suggestion.pinned.is_(True)
            )
        )
    session.delete(row)
    session.flush()
    return True


@dataclass(frozen=True)
class PinView:
    """A pin as the console shows it for one attendee."""

    id: int
    other: Attendee
    note: str
    shown_to_them: bool  # this attendee is in the other's list
    shown_to_other: bool  # the other is in this attendee's list


def pins_of(session: Session, attendee: Attendee) -> list[PinView]:
    """The pins of one attendee, with whether each direction is shown now."""
    rows = session.scalars(
        sa.select(PinnedIntroduction).where(
            sa.or_(
                PinnedIntroduction.attendee_id == attendee.id,
                PinnedIntroduction.other_id == attendee.id,
            )
        )
    ).all()
    shown = {
        (int(x), int(y))
        for x, y in session.execute(
            sa.select(Suggestion.attendee_id, Suggestion.other_id).where(
                Suggestion.pinned.is_(True),
                sa.or_(Suggestion.attendee_id == attendee.id, Suggestion.other_id == attendee.id),
            )
        )
    }
    out = []
    for row in rows:
        other_id = row.other_id if row.attendee_id == attendee.id else row.attendee_id
        other = session.get(Attendee, other_id)
        if other is not None:
            out.append(
                PinView(
                    row.id,
                    other,
                    row.note,
                    (other_id, attendee.id) in shown,
                    (attendee.id, other_id) in shown,
                )
            )
    return sorted(out, key=lambda p: p.other.name.lower())


def store_pins(session: Session, event: Event, common_ground: CommonGroundOf) -> int:
    """Make the stored lists hold exactly the event's pins that may be shown; -> rows added.

    Call after each refresh has written the matcher's lists. Flushes only.
    """
    pins = session.execute(
        sa.select(
            PinnedIntroduction.attendee_id, PinnedIntroduction.other_id, PinnedIntroduction.note
        ).where(PinnedIntroduction.event_id == event.id)
    ).all()
    if not pins:
        # Only this function stores pinned rows, and a pin's rows go with it (`unpin`,
        # or the cascade of a departure): an event without pins has none to take out.
        # Looking for them read every stored suggestion of the event (10 ms at 10,000
        # on every refresh job).
        return 0
    stored = {
        (int(x), int(y))
        for x, y in session.execute(
            sa.select(Suggestion.attendee_id, Suggestion.other_id).where(
                Suggestion.event_id == event.id, Suggestion.pinned.is_(True)
            )
        )
    }
    wanted: dict[tuple[int, int], str] = {}
    if pins:
        may_show = set(
            session.scalars(
                sa.select(Attendee.id).where(
                    Attendee.event_id == event.id,
                    Attendee.listed.is_(True),
                    Attendee.hidden.is_(False),
                )
            )
        )
        blocked = met_or_declined_pairs(session, event)
        for a, b, note in pins:
            if (str(a), str(b)) in blocked or (str(b), str(a)) in blocked:
                continue
            for x, y in ((a, b), (b, a)):
                if y in may_show:
                    wanted[(x, y)] = note
    for x, y in stored - set(wanted):
        session.execute(
            sa.delete(Suggestion).where(Suggestion.attendee_id == x, Suggestion.other_id == y)
        )
    added = 0
    for (x, y), note in wanted.items():
        if (x, y) in stored:
            continue
        # The matcher may have chosen the pair itself: the pinned row replaces it.
        session.execute(
            sa.delete(Suggestion).where(Suggestion.attendee_id == x, Suggestion.other_id == y)
        )
        cg = common_ground(session.get_one(Attendee, x), session.get_one(Attendee, y))
        cg.reasons = [f"From the organizer: {note}" if note else DEFAULT_REASON, *cg.reasons]
        session.add(
            Suggestion(
                event_id=event.id,
                attendee_id=x,
                other_id=y,
                rank=PINNED_RANK,
                score=float(cg.score),
                detail=cg.to_dict(),
                pinned=True,
            )
        )
        added += 1
    session.flush()
    if added:
        log.info("event %s: %d pinned introductions placed", event.slug, added)
    return added
