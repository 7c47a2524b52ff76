"""The organizer's side of meetings: the event's time zone, meeting times and places.

Times are entered as windows in the event's time zone ("Thu 3 Dec, 10:00 to 12:30,
15-minute slots") and stored as UTC slots; places have a capacity (meetings at once)
kept as seat rows the bookings point at. Flushes only.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from itertools import groupby

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Booking, Event, Meeting, MeetingPlace, MeetingSlot, PlaceSeat, utcnow
from web.services.meeting_times import local, valid_zone, zone_of

log = logging.getLogger(__name__)

SLOT_MINUTES = (5, 10, 15, 20, 30, 45, 60, 90, 120)
MAX_SLOTS_PER_WINDOW = 500
MAX_CAPACITY = 500
MAX_PLACES_AT_ONCE = 500


class SetupError(ValueError):
    """The organizer's input cannot be applied; the message says what to change."""


def set_time_zone(event: Event, name: str) -> None:
    """Show and enter the event's meeting times in the IANA zone `name`."""
    if not valid_zone(name):
        raise SetupError(f"“{name}” is not a time zone we know. Choose one from the list.")
    event.timezone = name


def add_window(
    session: Session,
    event: Event,
    day: dt.date,
    start: dt.time,
    end: dt.time,
    minutes: int,
) -> list[MeetingSlot]:
    """Cut [start, end) on `day` (event time) into `minutes`-long slots; returns them.

    A window may not overlap the event's existing slots (a person could otherwise be
    booked twice at once); a remainder shorter than one slot is left out.
    """
    if minutes not in SLOT_MINUTES:
        raise SetupError("Choose a slot length from the list.")
    zone = zone_of(event)
    first = dt.datetime.combine(day, start, tzinfo=zone).astimezone(dt.UTC)
    last = dt.datetime.combine(day, end, tzinfo=zone).astimezone(dt.UTC)
    if last <= first:
        raise SetupError("The end time must be after the start time.")
    length = dt.timedelta(minutes=minutes)
    count = int((last - first) / length)
    if count < 1:
        raise SetupError(f"The window is shorter than one {minutes}-minute slot.")
    if count > MAX_SLOTS_PER_WINDOW:
        raise SetupError(f"That makes more than {MAX_SLOTS_PER_WINDOW} slots: add it in parts.")
    end_of_slots = first + count * length
    clash = session.scalar(
        sa.select(MeetingSlot)
        .where(
            MeetingSlot.event_id == event.id,
            MeetingSlot.starts_at < end_of_slots,
            MeetingSlot.ends_at > first,
        )
        .order_by(MeetingSlot.starts_at)
        .limit(1)
    )
    if clash is not None:
        when = local(clash.starts_at, zone)
        raise SetupError(
            f"Those times overlap the meeting times already set ({when:%a %d %b, %H:%M}). "
            "Choose a window that does not overlap them."
        )
    slots = [
        MeetingSlot(
            event_id=event.id, starts_at=first + i * length, ends_at=first + (i + 1) * length
        )
        for i in range(count)
    ]
    session.add_all(slots)
    session.flush()
    log.info("event %s: %d meeting slots added", event.slug, len(slots))
    return slots


@dataclass(frozen=True)
class Window:
    """Consecutive slots of one length on one day, as the organizer entered them."""

    first_id: int
    last_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    minutes: int
    slots: int
    booked: int


def windows(session: Session, event: Event) -> list[Window]:
    """The event's slots grouped back into windows, with their booked meetings."""
    zone = zone_of(event)
    booked = dict(
        session.execute(
            sa.select(Meeting.slot_id, sa.func.count())
            .where(Meeting.event_id == event.id, Meeting.place_id.is_not(None))
            .group_by(Meeting.slot_id)
        ).all()
    )
    slots = session.scalars(
        sa.select(MeetingSlot)
        .where(MeetingSlot.event_id == event.id)
        .order_by(MeetingSlot.starts_at)
    ).all()
    out: list[Window] = []
    run: list[MeetingSlot] = []

    def close() -> None:
        if run:
            out.append(
                Window(
                    first_id=run[0].id,
                    last_id=run[-1].id,
                    starts_at=run[0].start,
                    ends_at=run[-1].end,
                    minutes=int((run[0].end - run[0].start).total_seconds() // 60),
                    slots=len(run),
                    booked=sum(booked.get(s.id, 0) for s in run),
                )
            )

    for _day, day_slots in groupby(slots, key=lambda s: local(s.starts_at, zone).date()):
        run = []
        for slot in day_slots:
            if run and (
                run[-1].end != slot.start or run[-1].end - run[-1].start != slot.end - slot.start
            ):
                close()
                run = []
            run.append(slot)
        close()
    return out


def remove_window(session: Session, event: Event, first_id: int, last_id: int) -> tuple[int, int]:
    """Remove the slots of a window that nobody uses; returns (removed, kept).

    Slots with a booked meeting or a pending request stay: cancel or move those first.
    """
    first = session.get(MeetingSlot, first_id)
    last = session.get(MeetingSlot, last_id)
    if first is None or last is None or first.event_id != event.id or last.event_id != event.id:
        raise SetupError("Those meeting times were already removed.")
    in_window = sa.select(MeetingSlot.id).where(
        MeetingSlot.event_id == event.id,
        MeetingSlot.starts_at >= first.starts_at,
        MeetingSlot.starts_at <= last.starts_at,
    )
    used = set(session.scalars(sa.select(Meeting.slot_id).where(Meeting.slot_id.in_(in_window))))
    used |= set(session.scalars(sa.select(Booking.slot_id).where(Booking.slot_id.in_(in_window))))
    ids = [i for i in session.scalars(in_window) if i not in used]
    if ids:
        session.execute(sa.delete(MeetingSlot).where(MeetingSlot.id.in_(ids)))
    session.flush()
    return len(ids), len(used)


def add_places(
    session: Session, event: Event, name: str, count: int, capacity: int
) -> list[MeetingPlace]:
    """Add one place called `name`, or `count` numbered ones ("Table 1" … "Table 12").

    Numbering goes on from the highest number there is: adding 2 tables to
    "Table 1" … "Table 3" makes "Table 4" and "Table 5".
    """
    name = " ".join(name.split())
    if not name:
        raise SetupError("Give the place a name, e.g. Table or Lounge.")
    if not 1 <= capacity <= MAX_CAPACITY:
        raise SetupError(f"Meetings at once: between 1 and {MAX_CAPACITY}.")
    if not 1 <= count <= MAX_PLACES_AT_ONCE:
        raise SetupError(f"Add between 1 and {MAX_PLACES_AT_ONCE} places at once.")
    existing = set(
        session.scalars(sa.select(MeetingPlace.name).where(MeetingPlace.event_id == event.id))
    )
    if count == 1:
        if name in existing:
            raise SetupError(f"There is already a place called “{name}”.")
        names = [name]
    else:
        # More tables: numbered on from the last "Table N" there is.
        numbers = [int(n[len(name) + 1 :]) for n in existing if _numbered(n, name)]
        start = max(numbers, default=0) + 1
        names = [f"{name} {i}" for i in range(start, start + count)]
    places = [MeetingPlace(event_id=event.id, name=n, capacity=capacity) for n in names]
    session.add_all(places)
    session.flush()
    session.add_all(
        PlaceSeat(place_id=p.id, seat=s) for p in places for s in range(1, capacity + 1)
    )
    session.flush()
    return places


def _numbered(candidate: str, name: str) -> bool:
    return candidate.startswith(name + " ") and candidate[len(name) + 1 :].isdigit()


def set_capacity(session: Session, place: MeetingPlace, capacity: int) -> None:
    """Change how many meetings `place` holds at once.

    Lowering it below the meetings already booked there at one time is refused.
    """
    if not 1 <= capacity <= MAX_CAPACITY:
        raise SetupError(f"Meetings at once: between 1 and {MAX_CAPACITY}.")
    in_use = session.scalar(
        sa.select(sa.func.max(Meeting.seat)).where(Meeting.place_id == place.id)
    )
    if in_use is not None and in_use > capacity:
        raise SetupError(
            f"{place.name} has {in_use} meetings booked at one time: cancel or move some "
            "before lowering its capacity."
        )
    session.execute(
        sa.delete(PlaceSeat).where(PlaceSeat.place_id == place.id, PlaceSeat.seat > capacity)
    )
    have = place.capacity
    session.add_all(PlaceSeat(place_id=place.id, seat=s) for s in range(have + 1, capacity + 1))
    place.capacity = capacity
    session.flush()


def remove_place(session: Session, place: MeetingPlace) -> None:
    """Remove a place nobody is booked at."""
    booked = session.scalar(
        sa.select(sa.func.count(Meeting.id)).where(Meeting.place_id == place.id)
    )
    if booked:
        raise SetupError(
            f"{place.name} has {booked} booked meeting(s): cancel or move them before removing it."
        )
    session.delete(place)
    session.flush()


def places_of(session: Session, event: Event) -> list[MeetingPlace]:
    """The event's places, in the order the organizer added them."""
    return list(
        session.scalars(
            sa.select(MeetingPlace)
            .where(MeetingPlace.event_id == event.id)
            .order_by(MeetingPlace.id)
        )
    )


# The demo event: three days of meeting times from the day it is made, and places.
DEMO_TIME_ZONE = "Europe/Lisbon"
DEMO_HOURS = ((dt.time(9, 0), dt.time(12, 30)), (dt.time(14, 0), dt.time(18, 0)))
DEMO_DAYS = 3
DEMO_PLACES = (("Table", 12, 1), ("Lounge", 1, 6))


def ensure_demo_meetings(session: Session, event: Event, now: dt.datetime | None = None) -> int:
    """Give the demo event places and meeting times from today on; returns slots added.

    Running it again adds only what is missing (a demo made last week gets this
    week's times), so the meeting journey can be tried at once.
    """
    now = now or utcnow()
    if not places_of(session, event):
        event.timezone = DEMO_TIME_ZONE
        for name, count, capacity in DEMO_PLACES:
            add_places(session, event, name, count, capacity)
    today = local(now, zone_of(event)).date()
    added = 0
    for offset in range(DEMO_DAYS):
        day = today + dt.timedelta(days=offset)
        for start, end in DEMO_HOURS:
            try:
                added += len(add_window(session, event, day, start, end, 15))
            except SetupError:
                continue  # already there
    return added
