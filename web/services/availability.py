"""When people can meet: open meetings of a pair, free times, who is busy when.

Read-only queries behind the booking (web.services.booking) and the pages.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from models import Booking, Meeting, MeetingPlace, MeetingSlot, PlaceSeat, utcnow
from models.meetings import OPEN_STATUSES


def of_pair(a_id: int, b_id: int) -> sa.ColumnElement[bool]:
    """The condition "a meeting between a and b", whoever asked."""
    low, high = sorted((a_id, b_id))
    return sa.and_(Meeting.pair_low == low, Meeting.pair_high == high)


def newest_of_pair(
    session: Session, a_id: int, b_id: int, *conditions: sa.ColumnElement[bool]
) -> Meeting | None:
    """The pair's newest meeting meeting `conditions` (on Meeting and its MeetingSlot)."""
    return session.scalar(
        sa.select(Meeting)
        .outerjoin(MeetingSlot, MeetingSlot.id == Meeting.slot_id)
        .where(of_pair(a_id, b_id), *conditions)
        .order_by(Meeting.id.desc())
        .limit(1)
    )


def open_meeting(
    session: Session, a_id: int, b_id: int, now: dt.datetime | None = None
) -> Meeting | None:
    """The pair's request still to answer, or booked meeting still to come (or None)."""
    now = now or utcnow()
    return newest_of_pair(
        session,
        a_id,
        b_id,
        Meeting.status.in_(OPEN_STATUSES),
        sa.or_(Meeting.slot_id.is_(None), MeetingSlot.ends_at > now),
    )


def future_slots(session: Session, event_id: int, now: dt.datetime) -> list[MeetingSlot]:
    """The event's slots that have not started yet, earliest first."""
    return list(
        session.scalars(
            sa.select(MeetingSlot)
            .where(MeetingSlot.event_id == event_id, MeetingSlot.starts_at > now)
            .order_by(MeetingSlot.starts_at)
        )
    )


def free_slots(
    session: Session, event_id: int, people: tuple[int, ...], now: dt.datetime | None = None
) -> list[MeetingSlot]:
    """Future slots where none of `people` has a meeting and some place has a free seat."""
    now = now or utcnow()
    seats = int(
        session.scalar(
            sa.select(sa.func.count())
            .select_from(PlaceSeat)
            .join(MeetingPlace, MeetingPlace.id == PlaceSeat.place_id)
            .where(MeetingPlace.event_id == event_id)
        )
        or 0
    )
    if not seats:
        return []
    taken = dict(
        session.execute(
            sa.select(Meeting.slot_id, sa.func.count())
            .where(Meeting.event_id == event_id, Meeting.place_id.is_not(None))
            .group_by(Meeting.slot_id)
        ).all()
    )
    busy = set(
        session.scalars(
            sa.select(Booking.slot_id).where(Booking.attendee_id.in_(people)).distinct()
        )
    )
    return [
        slot
        for slot in future_slots(session, event_id, now)
        if slot.id not in busy and taken.get(slot.id, 0) < seats
    ]


def busy(session: Session, people: tuple[int, ...], slot_id: int) -> set[int]:
    return set(
        session.scalars(
            sa.select(Booking.attendee_id).where(
                Booking.attendee_id.in_(people), Booking.slot_id == slot_id
            )
        )
    )


def meetings_of(session: Session, attendee_id: int) -> list[Meeting]:
    """Every meeting `attendee` asked for or was asked for, newest first."""
    return list(session.scalars(_MEETINGS_OF, {"me": attendee_id}))


# Built once: my page asks on every visit (building costs more than running it).
_MEETINGS_OF = (
    sa.select(Meeting)
    .where(
        sa.or_(
            Meeting.requester_id == sa.bindparam("me"), Meeting.recipient_id == sa.bindparam("me")
        )
    )
    .options(
        selectinload(Meeting.requester),
        selectinload(Meeting.recipient),
        selectinload(Meeting.slot),
        selectinload(Meeting.place),
    )
    .order_by(Meeting.created_at.desc(), Meeting.id.desc())
)


def latest_meeting(session: Session, a_id: int, b_id: int) -> Meeting | None:
    """The pair's newest meeting, whatever became of it (a decline stays visible as such)."""
    return newest_of_pair(session, a_id, b_id)
