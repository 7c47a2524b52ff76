"""What two attendees' history means for matching: exclusions and dropped suggestions.

A pair excluded here is never suggested again (web.matching reads `pair_exclusions`
into the matcher's `exclude`, both directions). Flushes only.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models import PairExclusion, Suggestion

log = logging.getLogger(__name__)

# Why a pair is excluded (PairExclusion.reason).
NOT_FOR_ME = "not_for_me"  # "Not for me" on a suggestion
LOW_RATING = "low_rating"  # rated 1 or 2 after meeting, or "would not meet again"
MEETING = "meeting"  # a booked meeting: they are meeting already


def forget_suggestions(session: Session, a_id: int, b_id: int) -> None:
    """Delete the pair's stored suggestions, both directions (they met or said no)."""
    session.execute(
        sa.delete(Suggestion).where(
            sa.or_(
                sa.and_(Suggestion.attendee_id == a_id, Suggestion.other_id == b_id),
                sa.and_(Suggestion.attendee_id == b_id, Suggestion.other_id == a_id),
            )
        )
    )


def exclude_pair(session: Session, attendee_id: int, other_id: int, reason: str) -> None:
    """Never suggest `other` to `attendee` (nor the reverse) again; drop current suggestions.

    A pair already excluded keeps its first reason (one row per direction).
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(PairExclusion)
        .values(attendee_id=attendee_id, other_id=other_id, reason=reason)
        .on_conflict_do_nothing()
    )
    forget_suggestions(session, attendee_id, other_id)
    session.flush()
    log.info("attendee %s excluded %s (%s)", attendee_id, other_id, reason)


def include_pair(session: Session, attendee_id: int, other_id: int, reason: str) -> None:
    """Lift an exclusion made for `reason` (e.g. a cancelled meeting); others stay."""
    session.execute(
        sa.delete(PairExclusion).where(
            PairExclusion.attendee_id == attendee_id,
            PairExclusion.other_id == other_id,
            PairExclusion.reason == reason,
        )
    )


def excluded_ids(session: Session, attendee_id: int, reasons: tuple[str, ...]) -> set[int]:
    """People `attendee` excluded for one of `reasons`."""
    return set(
        session.scalars(
            sa.select(PairExclusion.other_id).where(
                PairExclusion.attendee_id == attendee_id, PairExclusion.reason.in_(reasons)
            )
        )
    )
