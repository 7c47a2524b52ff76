"""Booking meetings: requests, answers, and never a double booking (SQLite and PostgreSQL).

The services are Flask-free, so these tests drive them on a migrated database directly;
the concurrency tests use one connection per thread against PostgreSQL.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
import sqlalchemy as sa
from fixtures_meetings import World
from sqlalchemy.exc import IntegrityError

from models import Attendee, Booking, Meeting, Notification, PairExclusion
from models.meetings import MEETING_ACCEPTED, MEETING_DECLINED, MEETING_PENDING
from web.services import availability, booking, meeting_times, notifications
from web.services.booking import MeetingError


def _request(world: World, a: int, b: int, slot: int | None, message: str = "") -> int:
    with world.sessions() as session:
        meeting, created = booking.request_meeting(
            session, world.get(session, Attendee, a), world.get(session, Attendee, b), slot, message
        )
        session.commit()
        assert created
        return meeting.id


def _act(world: World, action: str, meeting_id: int, by: int, *args: object) -> str | None:
    """Run a booking action in its own transaction; the refusal's message, or None."""
    with world.sessions() as session:
        meeting = world.get(session, Meeting, meeting_id)
        try:
            getattr(booking, action)(session, meeting, world.get(session, Attendee, by), *args)
        except MeetingError as exc:
            session.rollback()
            return str(exc)
        session.commit()
        return None


def _kinds(world: World, attendee: int) -> list[str]:
    with world.sessions() as session:
        return list(
            session.scalars(
                sa.select(Notification.kind)
                .where(Notification.attendee_id == attendee)
                .order_by(Notification.id)
            )
        )


def test_accepting_a_request_books_the_time_for_both_and_a_place(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 4)
    (table,) = world.place("Table", 1, 1)
    meeting_id = _request(world, a, b, slots[1], "Soil carbon over coffee?")
    assert _kinds(world, b) == ["request"]
    assert _act(world, "accept", meeting_id, b) is None
    with world.sessions() as session:
        meeting = world.get(session, Meeting, meeting_id)
        assert (meeting.status, meeting.slot_id, meeting.place_id) == (
            MEETING_ACCEPTED,
            slots[1],
            table,
        )
        booked = session.execute(sa.select(Booking.attendee_id, Booking.slot_id)).all()
        assert sorted(booked) == [(a, slots[1]), (b, slots[1])]
        # Booked pairs are not suggested again while the meeting stands.
        assert session.scalar(sa.select(PairExclusion.reason)) == "meeting"
    assert _kinds(world, a) == ["accepted"]


def test_the_same_request_accepted_twice_books_once(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 2)
    world.place("Table", 2, 1)
    meeting_id = _request(world, a, b, slots[0])
    assert _act(world, "accept", meeting_id, b) is None
    assert _act(world, "accept", meeting_id, b) == "This meeting is already booked."
    with world.sessions() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 2


def test_nobody_is_booked_twice_at_one_time(world: World) -> None:
    a1, a2, a3, b = world.people(4)
    slots = world.window(1, 2)
    world.place("Table", 5, 1)
    first = _request(world, a1, b, slots[0])
    second = _request(world, a2, b, slots[0])
    assert _act(world, "accept", first, b) is None
    assert _act(world, "accept", second, b) == (
        "You already have a meeting at that time. Propose another time."
    )
    # The other way round: the one who asked got booked elsewhere meanwhile.
    third = _request(world, a1, a3, slots[1])
    fourth = _request(world, a1, a2, slots[1])
    assert _act(world, "accept", third, a3) is None
    assert _act(world, "accept", fourth, a2) == (
        "Person P0 is no longer free at that time. Propose another time."
    )
    with world.sessions() as session:
        assert world.get(session, Meeting, second).status == MEETING_PENDING


def test_a_full_place_refuses_the_booking_and_frees_nothing_else(world: World) -> None:
    a1, b1, a2, b2 = world.people(4)
    slots = world.window(1, 1)
    world.place("Lounge", 1, 1)
    ok = _request(world, a1, b1, slots[0])
    full = _request(world, a2, b2, slots[0])
    assert _act(world, "accept", ok, b1) is None
    assert _act(world, "accept", full, b2) == (
        "Every meeting place is full at that time. Propose another time."
    )
    with world.sessions() as session:
        # The refused accept left no booking behind for its two people.
        assert session.scalars(sa.select(Booking.attendee_id)).all() == sorted([a1, b1])
        assert world.get(session, Meeting, full).status == MEETING_PENDING
        assert availability.free_slots(session, world.event_id, (a2, b2)) == []


def test_the_database_refuses_a_second_meeting_in_a_taken_seat(world: World) -> None:
    a1, b1, a2, b2 = world.people(4)
    slots = world.window(1, 1)
    (place,) = world.place("Table", 1, 1)
    ok = _request(world, a1, b1, slots[0])
    other = _request(world, a2, b2, slots[0])
    assert _act(world, "accept", ok, b1) is None
    with world.sessions() as session, pytest.raises(IntegrityError):
        # Bypassing the code's checks: the seat constraint still holds.
        session.execute(
            sa.update(Meeting)
            .where(Meeting.id == other)
            .values(status=MEETING_ACCEPTED, place_id=place, seat=1)
        )
        session.flush()
    with world.sessions() as session, pytest.raises(IntegrityError):
        # ...and so does the seat count: there is no seat 2 at a one-person table.
        session.execute(
            sa.update(Meeting).where(Meeting.id == other).values(place_id=place, seat=2)
        )
        session.flush()
    with world.sessions() as session, pytest.raises(IntegrityError):
        session.add(Booking(attendee_id=b1, slot_id=slots[0], meeting_id=other))
        session.flush()


def test_a_declined_request_tells_the_requester_only_not_available(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 1)
    world.place()
    meeting_id = _request(world, a, b, slots[0])
    assert _act(world, "decline", meeting_id, b) is None
    with world.sessions() as session:
        assert world.get(session, Meeting, meeting_id).status == MEETING_DECLINED
        (note,) = notifications.recent(session, a)
        event_zone = meeting_times.zone_of(world.get(session, Meeting, meeting_id).requester.event)
        assert notifications.describe(note, event_zone).text == "Person P1 is not available."


def test_proposing_another_time_hands_the_answer_back(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 3)
    world.place()
    meeting_id = _request(world, a, b, slots[0])
    assert _act(world, "accept", meeting_id, a) == (
        "This request waits for the other person's answer."
    )
    assert _act(world, "propose", meeting_id, b, slots[2]) is None
    assert _act(world, "accept", meeting_id, b) == (
        "This request waits for the other person's answer."
    )
    assert _act(world, "accept", meeting_id, a) is None
    with world.sessions() as session:
        assert world.get(session, Meeting, meeting_id).slot_id == slots[2]
    assert _kinds(world, a) == ["proposed"]
    assert _kinds(world, b) == ["request", "accepted"]


def test_rescheduling_and_cancelling_free_the_time_and_the_seat(world: World) -> None:
    a, b, c, d = world.people(4)
    slots = world.window(1, 2)
    world.place("Table", 1, 1)
    meeting_id = _request(world, a, b, slots[0])
    assert _act(world, "accept", meeting_id, b) is None
    assert _act(world, "propose", meeting_id, a, slots[1]) is None  # reschedule
    with world.sessions() as session:
        meeting = world.get(session, Meeting, meeting_id)
        assert (meeting.status, meeting.place_id, meeting.sequence) == (MEETING_PENDING, None, 1)
        assert session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(PairExclusion)) == 0
    # The released seat at the first time is free for someone else.
    other = _request(world, c, d, slots[0])
    assert _act(world, "accept", other, d) is None
    assert _act(world, "accept", meeting_id, b) is None
    assert _act(world, "cancel", meeting_id, b) is None
    assert _kinds(world, a)[-1] == "cancelled"
    with world.sessions() as session:
        assert session.scalars(sa.select(Booking.meeting_id).distinct()).all() == [other]
        assert availability.free_slots(session, world.event_id, (a, b)) != []


def test_a_pair_has_one_open_request_whoever_asks(world: World) -> None:
    a, b = world.people(2)
    slots = world.window(1, 2)
    world.place()
    first = _request(world, a, b, slots[0])
    with world.sessions() as session:
        again, created = booking.request_meeting(
            session, world.get(session, Attendee, b), world.get(session, Attendee, a), slots[1]
        )
        assert (again.id, created) == (first, False)


def test_a_request_needs_a_future_time_when_the_event_has_times(world: World) -> None:
    a, b = world.people(2)
    past = world.window(-1, 1)
    world.window(1, 1)
    world.place()
    with world.sessions() as session:
        me, other = world.get(session, Attendee, a), world.get(session, Attendee, b)
        with pytest.raises(MeetingError, match="Choose a time"):
            booking.request_meeting(session, me, other, None)
        with pytest.raises(MeetingError, match="already started"):
            booking.request_meeting(session, me, other, past[0])


def _concurrent(world: World, jobs: list[tuple[int, int]]) -> list[str | None]:
    """Accept every (meeting, by) at once, each in its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    results: list[str | None] = [None] * len(jobs)

    def run(i: int, meeting_id: int, by: int) -> None:
        barrier.wait()
        try:
            results[i] = _act(world, "accept", meeting_id, by)
        except Exception as exc:  # a database error is a failure of the test
            results[i] = f"ERROR {exc!r}"

    threads = [threading.Thread(target=run, args=(i, *job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


@pytest.mark.postgres
def test_fifty_concurrent_accepts_for_one_places_last_seat_book_exactly_one(
    postgres_url: str,
    make_world,
) -> None:
    world = make_world(postgres_url)
    people = world.people(104)
    (slot,) = world.window(1, 1)
    world.place("Lounge", 1, 3)
    # Two of the lounge's three seats are taken: one seat is left.
    for i in (0, 2):
        taken = _request(world, people[100 + i], people[101 + i], slot)
        assert _act(world, "accept", taken, people[101 + i]) is None
    requests = [_request(world, people[2 * i], people[2 * i + 1], slot) for i in range(50)]
    results = _concurrent(world, [(m, people[2 * i + 1]) for i, m in enumerate(requests)])
    assert Counter(results) == {
        None: 1,
        "Every meeting place is full at that time. Propose another time.": 49,
    }
    with world.sessions() as session:
        seats = session.execute(
            sa.select(Meeting.place_id, Meeting.seat).where(Meeting.status == MEETING_ACCEPTED)
        ).all()
        assert len(seats) == 3 and len(set(seats)) == 3
        assert session.scalar(sa.select(sa.func.count()).select_from(Booking)) == 6


@pytest.mark.postgres
def test_twenty_concurrent_accepts_by_one_person_at_one_time_book_exactly_one(
    postgres_url: str,
    make_world,
) -> None:
    world = make_world(postgres_url)
    askers = world.people(20, "a")
    (busy,) = world.people(1, "b")
    (slot,) = world.window(1, 1)
    world.place("Table", 30, 1)
    requests = [_request(world, asker, busy, slot) for asker in askers]
    results = _concurrent(world, [(m, busy) for m in requests])
    assert Counter(results) == {
        None: 1,
        "You already have a meeting at that time. Propose another time.": 19,
    }
    with world.sessions() as session:
        assert (
            session.scalar(
                sa.select(sa.func.count()).select_from(Booking).where(Booking.attendee_id == busy)
            )
            == 1
        )
