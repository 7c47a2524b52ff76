"""The organizer's view of meetings: counts, meetings per slot and place, the schedule file.

The schedule export has one row per booked meeting, in the event's time zone, written
as CSV or XLSX by the same formula-safe writers as the introductions export. Reads only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from models import Event, Meeting, MeetingPlace, MeetingSlot, utcnow
from models.meetings import (
    MEETING_ACCEPTED,
    MEETING_CANCELLED,
    MEETING_DECLINED,
    MEETING_EXPIRED,
    MEETING_PENDING,
)
from web.services.exporting import Cell, registration_key
from web.services.meeting_times import local, zone_label, zone_of

# (header, column width in the XLSX)
SCHEDULE_COLUMNS: list[tuple[str, int]] = [
    ("Date", 12),
    ("Start", 8),
    ("End", 8),
    ("Time zone", 22),
    ("Place", 18),
    ("Asked by", 26),
    ("Asked by: registration key", 28),
    ("Meeting with", 26),
    ("Meeting with: registration key", 28),
]
SCHEDULE_HEADERS = [name for name, _ in SCHEDULE_COLUMNS]


@dataclass(frozen=True)
class MeetingCounts:
    """How the event's meeting requests went (for the event page)."""

    requested: int
    booked: int
    upcoming: int
    held: int
    waiting: int
    declined: int
    cancelled: int
    slots: int
    places: int
    seats: int


def meeting_counts(session: Session, event: Event, now: dt.datetime | None = None) -> MeetingCounts:
    """Requests by outcome, booked meetings still to come and held, and the set-up."""
    now = now or utcnow()
    to_come = sa.and_(Meeting.slot_id.is_not(None), MeetingSlot.starts_at > now)
    rows = session.execute(
        sa.select(Meeting.status, to_come, sa.func.count())
        .outerjoin(MeetingSlot, MeetingSlot.id == Meeting.slot_id)
        .where(Meeting.event_id == event.id)
        .group_by(Meeting.status, to_come)
    ).all()
    statuses: Counter[str] = Counter()
    upcoming = stale = 0
    for status, future, n in rows:
        statuses[status] += n
        if status == MEETING_ACCEPTED and future:
            upcoming += n
        if status == MEETING_PENDING and future is False:
            stale += n  # its time came before an answer: not available
    places = session.execute(
        sa.select(
            sa.func.count(MeetingPlace.id), sa.func.coalesce(sa.func.sum(MeetingPlace.capacity), 0)
        ).where(MeetingPlace.event_id == event.id)
    ).one()
    slots = session.scalar(
        sa.select(sa.func.count(MeetingSlot.id)).where(MeetingSlot.event_id == event.id)
    )
    booked = statuses[MEETING_ACCEPTED]
    return MeetingCounts(
        requested=sum(statuses.values()),
        booked=booked,
        upcoming=upcoming,
        held=booked - upcoming,
        waiting=statuses[MEETING_PENDING] - stale,
        declined=statuses[MEETING_DECLINED] + statuses[MEETING_EXPIRED] + stale,
        cancelled=statuses[MEETING_CANCELLED],
        slots=int(slots or 0),
        places=int(places[0] or 0),
        seats=int(places[1] or 0),
    )


def booked_meetings(session: Session, event: Event) -> list[Meeting]:
    """The event's booked meetings, by time, then place."""
    return list(
        session.scalars(
            sa.select(Meeting)
            .join(MeetingSlot, MeetingSlot.id == Meeting.slot_id)
            .outerjoin(MeetingPlace, MeetingPlace.id == Meeting.place_id)
            .where(Meeting.event_id == event.id, Meeting.status == MEETING_ACCEPTED)
            .options(
                selectinload(Meeting.requester),
                selectinload(Meeting.recipient),
                selectinload(Meeting.slot),
                selectinload(Meeting.place),
            )
            .order_by(MeetingSlot.starts_at, MeetingPlace.id, Meeting.seat)
        )
    )


@dataclass
class SlotRow:
    """One slot of the organizer's table: its meetings by place, and what is left."""

    slot: MeetingSlot
    meetings: list[Meeting] = field(default_factory=list)
    free_seats: int = 0


def meetings_by_slot(session: Session, event: Event, include_empty: bool = False) -> list[SlotRow]:
    """Booked meetings grouped by slot (only slots with meetings unless `include_empty`)."""
    seats = int(
        session.scalar(
            sa.select(sa.func.coalesce(sa.func.sum(MeetingPlace.capacity), 0)).where(
                MeetingPlace.event_id == event.id
            )
        )
        or 0
    )
    rows: dict[int, SlotRow] = {}
    if include_empty:
        for slot in session.scalars(
            sa.select(MeetingSlot)
            .where(MeetingSlot.event_id == event.id)
            .order_by(MeetingSlot.starts_at)
        ):
            rows[slot.id] = SlotRow(slot)
    for meeting in booked_meetings(session, event):
        assert meeting.slot is not None
        rows.setdefault(meeting.slot.id, SlotRow(meeting.slot)).meetings.append(meeting)
    for row in rows.values():
        row.free_seats = max(0, seats - sum(1 for m in row.meetings if m.place_id is not None))
    return sorted(rows.values(), key=lambda r: r.slot.starts_at)


def meetings_per_place(session: Session, event: Event) -> list[tuple[MeetingPlace, int]]:
    """Each place with the number of meetings booked there."""
    rows = session.execute(
        sa.select(MeetingPlace, sa.func.count(Meeting.id))
        .outerjoin(
            Meeting,
            sa.and_(Meeting.place_id == MeetingPlace.id, Meeting.status == MEETING_ACCEPTED),
        )
        .where(MeetingPlace.event_id == event.id)
        .group_by(MeetingPlace.id)
        .order_by(MeetingPlace.id)
    ).all()
    return [(place, int(n)) for place, n in rows]


def schedule_rows(session: Session, event: Event) -> Iterator[list[Cell]]:
    """The schedule export: one row per booked meeting, by time (not yet neutralised)."""
    zone = zone_of(event)
    for meeting in booked_meetings(session, event):
        slot = meeting.slot
        assert slot is not None
        start, end = local(slot.starts_at, zone), local(slot.ends_at, zone)
        yield [
            start.date().isoformat(),
            f"{start:%H:%M}",
            f"{end:%H:%M}",
            zone_label(zone, slot.start),
            meeting.place.name if meeting.place is not None else "",
            meeting.requester.name,
            registration_key(meeting.requester),
            meeting.recipient.name,
            registration_key(meeting.recipient),
        ]


def schedule_filename(event: Event, fmt: str) -> str:
    """The download's file name, e.g. "meetings-devconf.xlsx"."""
    return f"meetings-{event.slug}.{fmt}"
