"""The organizer's meeting times and places, and what deleting people or events leaves."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from fixtures_meetings import World, place_names, slot_count

from models import Attendee, Booking, Event, Meeting, MeetingPlace, MeetingSlot, Notification
from web.services import availability, booking, meeting_setup
from web.services.meeting_setup import SetupError
from web.services.meeting_times import slot_label, zone_of

DAY = dt.date(2030, 6, 12)


def _event(session, world: World) -> Event:  # type: ignore[no-untyped-def]
    event: Event = world.get(session, Event, world.event_id)
    return event


def test_a_window_in_the_event_time_zone_is_cut_into_utc_slots(world: World) -> None:
    with world.sessions() as session:
        event = _event(session, world)
        meeting_setup.set_time_zone(event, "America/New_York")
        slots = meeting_setup.add_window(session, event, DAY, dt.time(9, 0), dt.time(10, 10), 15)
        session.commit()
        # 70 minutes hold four whole 15-minute slots; the 10 left over are not a slot.
        assert len(slots) == 4
        assert slots[0].start == dt.datetime(2030, 6, 12, 13, 0, tzinfo=dt.UTC)  # EDT = UTC-4
        assert slot_label(slots[-1], zone_of(event)) == "Wed 12 Jun, 09:45–10:00"
        (window,) = meeting_setup.windows(session, event)
        assert (window.slots, window.minutes, window.booked) == (4, 15, 0)


def test_overlapping_windows_and_bad_times_are_refused_with_a_reason(world: World) -> None:
    with world.sessions() as session:
        event = _event(session, world)
        meeting_setup.add_window(session, event, DAY, dt.time(9, 0), dt.time(12, 0), 30)
        with pytest.raises(SetupError, match="overlap"):
            meeting_setup.add_window(session, event, DAY, dt.time(11, 45), dt.time(13, 0), 15)
        with pytest.raises(SetupError, match="after the start"):
            meeting_setup.add_window(session, event, DAY, dt.time(14, 0), dt.time(13, 0), 15)
        with pytest.raises(SetupError, match="shorter than one"):
            meeting_setup.add_window(session, event, DAY, dt.time(14, 0), dt.time(14, 10), 15)
        with pytest.raises(SetupError, match="time zone"):
            meeting_setup.set_time_zone(event, "Mars/Olympus")
        meeting_setup.add_window(session, event, DAY, dt.time(12, 0), dt.time(13, 0), 15)
        # Adjacent windows of different lengths stay two windows.
        assert [x.minutes for x in meeting_setup.windows(session, event)] == [30, 15]


def test_removing_a_window_keeps_the_times_someone_uses(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 3)
    world.place()
    with world.sessions() as session:
        meeting, _ = booking.request_meeting(
            session, world.get(session, Attendee, a), world.get(session, Attendee, b), slots[1]
        )
        session.commit()
        (window,) = meeting_setup.windows(session, _event(session, world))
        removed, kept = meeting_setup.remove_window(
            session, _event(session, world), window.first_id, window.last_id
        )
        session.commit()
        assert (removed, kept) == (2, 1)
        assert session.scalars(sa.select(MeetingSlot.id)).all() == [slots[1]]


def test_places_are_numbered_and_capacity_cannot_drop_below_what_is_booked(world: World) -> None:
    a, b, c, d = world.people(4)
    (slot,) = world.window(1, 1)
    with world.sessions() as session:
        event = _event(session, world)
        meeting_setup.add_places(session, event, "  Table ", 3, 1)
        lounge = meeting_setup.add_places(session, event, "Lounge", 1, 2)[0].id
        with pytest.raises(SetupError, match="already a place called “Lounge”"):
            meeting_setup.add_places(session, event, "Lounge", 1, 1)
        meeting_setup.add_places(session, event, "Table", 2, 1)
        session.commit()
        assert place_names(session, world.event_id) == [
            "Lounge",
            "Table 1",
            "Table 2",
            "Table 3",
            "Table 4",
            "Table 5",
        ]
        for place in meeting_setup.places_of(session, event):
            if place.id != lounge:
                meeting_setup.remove_place(session, place)
        session.commit()
    for x, y in ((a, b), (c, d)):
        with world.sessions() as session:
            meeting, _ = booking.request_meeting(
                session, world.get(session, Attendee, x), world.get(session, Attendee, y), slot
            )
            booking.accept(session, meeting, world.get(session, Attendee, y))
            session.commit()
    with world.sessions() as session:
        place = world.get(session, MeetingPlace, lounge)
        with pytest.raises(SetupError, match="2 meetings booked at one time"):
            meeting_setup.set_capacity(session, place, 1)
        with pytest.raises(SetupError, match="booked meeting"):
            meeting_setup.remove_place(session, place)
        meeting_setup.set_capacity(session, place, 4)
        session.commit()
        assert availability.free_slots(session, world.event_id, (world.people(2, "z"))) == [
            world.get(session, MeetingSlot, slot)
        ]


def test_deleting_a_person_or_the_event_takes_their_meetings_along(world: World) -> None:
    a, b, c = world.people(3)
    slots = world.window(1, 2)
    world.place()
    for x, y, slot in ((a, b, slots[0]), (a, c, slots[1])):
        with world.sessions() as session:
            meeting, _ = booking.request_meeting(
                session, world.get(session, Attendee, x), world.get(session, Attendee, y), slot
            )
            booking.accept(session, meeting, world.get(session, Attendee, y))
            session.commit()
    with world.sessions() as session:
        session.delete(world.get(session, Attendee, a))
        session.commit()
        assert session.scalar(sa.select(sa.func.count()).select_from(Meeting)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0
        # The freed slots and places stay for others.
        assert slot_count(session, world.event_id) == 2
    with world.sessions() as session:
        b_person = world.get(session, Attendee, b)
        meeting, _ = booking.request_meeting(
            session, b_person, world.get(session, Attendee, c), slots[0]
        )
        booking.accept(session, meeting, world.get(session, Attendee, c))
        session.commit()
        session.delete(_event(session, world))
        session.commit()
        assert session.scalar(sa.select(sa.func.count()).select_from(MeetingSlot)) == 0


def test_the_demo_gets_places_and_meeting_times_from_today_once(world: World) -> None:
    now = dt.datetime(2030, 6, 12, 11, 0, tzinfo=dt.UTC)
    with world.sessions() as session:
        event = _event(session, world)
        added = meeting_setup.ensure_demo_meetings(session, event, now)
        session.commit()
        assert event.timezone == "Europe/Lisbon"
        # 3 days of 09:00-12:30 and 14:00-18:00 in 15-minute slots.
        assert added == 3 * (14 + 16)
        assert meeting_setup.ensure_demo_meetings(session, event, now) == 0
        assert len(place_names(session, world.event_id)) == 13
        later = now + dt.timedelta(days=1)
        assert meeting_setup.ensure_demo_meetings(session, event, later) == 30
