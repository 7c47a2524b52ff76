"""Meeting requests and their answers: request, accept (book), decline, propose, cancel.

Accepting books the slot for both people and a seat at a place with room. The
database makes a double booking impossible (see models.meetings); the code here
only picks what to try and explains a refusal. Concurrent accepts are safe on
PostgreSQL and SQLite alike: the loser of a race gets a MeetingError, never a
second booking. Every function flushes; the caller commits.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Attendee, Booking, Meeting, MeetingPlace, MeetingSlot, PlaceSeat, utcnow
from models.meetings import (
    MEETING_ACCEPTED,
    MEETING_CANCELLED,
    MEETING_DECLINED,
    MEETING_EXPIRED,
    MEETING_PENDING,
    OPEN_STATUSES,
)
from web.services import notifications, pairs
from web.services.availability import busy, future_slots, of_pair, open_meeting

log = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 300
SEAT_ATTEMPTS = 20  # a seat taken under us is retried with the next free one


class MeetingError(ValueError):
    """The action cannot be done; the message says why, in the user's words."""


def _expire_stale(session: Session, a_id: int, b_id: int, now: dt.datetime) -> None:
    """Close the pair's request left unanswered until its time started."""
    stale = sa.select(MeetingSlot.id).where(MeetingSlot.starts_at <= now)
    session.execute(
        sa.update(Meeting)
        .where(of_pair(a_id, b_id), Meeting.status == MEETING_PENDING, Meeting.slot_id.in_(stale))
        .values(status=MEETING_EXPIRED),  # awaiting_id stays: who did not answer
        execution_options={"synchronize_session": False},
    )


def _slot_of_event(session: Session, slot_id: int | None, event_id: int) -> MeetingSlot | None:
    if slot_id is None:
        return None
    slot = session.get(MeetingSlot, slot_id)
    if slot is None or slot.event_id != event_id:
        raise MeetingError("That time is not one of this event's meeting times.")
    return slot


def _check_time(
    session: Session, slot: MeetingSlot | None, event_id: int, now: dt.datetime
) -> None:
    if slot is None:
        if future_slots(session, event_id, now):
            raise MeetingError("Choose a time for the meeting.")
        return
    if slot.start <= now:
        raise MeetingError("That time has already started. Choose a later one.")


def request_meeting(
    session: Session,
    requester: Attendee,
    recipient: Attendee,
    slot_id: int | None,
    message: str = "",
    detail: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> tuple[Meeting, bool]:
    """Ask `recipient` for a meeting at `slot_id`; returns (meeting, created).

    A pair has one open meeting at a time: asking again (a double tap, or both asking
    each other at once) returns the open one; after a meeting, they may ask again.
    `detail` is the pair's common ground from the requester's side, kept with the meeting.
    """
    now = now or utcnow()
    if requester.id == recipient.id or requester.event_id != recipient.event_id:
        raise MeetingError("A meeting is between two attendees of the same event.")
    existing = open_meeting(session, requester.id, recipient.id, now)
    if existing is not None:
        return existing, False
    slot = _slot_of_event(session, slot_id, requester.event_id)
    _check_time(session, slot, requester.event_id, now)
    if slot is not None and busy(session, (requester.id,), slot.id):
        raise MeetingError("You already have a meeting at that time. Choose another time.")
    _expire_stale(session, requester.id, recipient.id, now)
    low, high = sorted((requester.id, recipient.id))
    meeting = Meeting(
        event_id=requester.event_id,
        requester_id=requester.id,
        recipient_id=recipient.id,
        pair_low=low,
        pair_high=high,
        message=message.strip()[:MAX_MESSAGE_LENGTH],
        status=MEETING_PENDING,
        awaiting_id=recipient.id,
        slot_id=slot.id if slot else None,
        detail=detail or {},
    )
    try:
        with session.begin_nested():
            session.add(meeting)
            session.flush()
    except IntegrityError:
        # The pair's request was made a moment ago (a double tap, or both at once).
        existing = open_meeting(session, requester.id, recipient.id, now)
        if existing is None:
            raise
        return existing, False
    notifications.notify(session, recipient.id, notifications.REQUEST, requester.id, meeting)
    log.info("meeting %s requested by %s with %s", meeting.id, requester.id, recipient.id)
    return meeting, True


def _claim(session: Session, meeting: Meeting, by: Attendee, statuses: tuple[str, ...]) -> None:
    """Take the meeting for this answer, or explain why it is no longer open to it.

    A conditional UPDATE: it locks the row (PostgreSQL) or the database (SQLite)
    until the caller commits, so two answers to one meeting never both pass.
    """
    condition = [Meeting.id == meeting.id, Meeting.status.in_(statuses)]
    if statuses == (MEETING_PENDING,):
        condition.append(Meeting.awaiting_id == by.id)
    result = session.execute(
        sa.update(Meeting).where(*condition).values(updated_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    session.refresh(meeting)
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return
    if meeting.status == MEETING_ACCEPTED:
        raise MeetingError("This meeting is already booked.")
    if meeting.status in (MEETING_DECLINED, MEETING_CANCELLED):
        raise MeetingError("This request is closed.")
    raise MeetingError("This request waits for the other person's answer.")


def _participant(meeting: Meeting, by: Attendee) -> None:
    if by.id not in (meeting.requester_id, meeting.recipient_id):
        raise MeetingError("This is not your meeting.")


def accept(
    session: Session, meeting: Meeting, by: Attendee, now: dt.datetime | None = None
) -> None:
    """Accept the proposed time: book it for both and take a seat at a place with room.

    Raises MeetingError (nothing booked) when the time has passed, either person is
    no longer free then, or every place is full at that time.
    """
    now = now or utcnow()
    _participant(meeting, by)
    _claim(session, meeting, by, (MEETING_PENDING,))
    slot = meeting.slot
    if slot is None:
        if future_slots(session, meeting.event_id, now):
            raise MeetingError("Choose a time first: propose one of the meeting times.")
    elif slot.start <= now:
        raise MeetingError("That time has passed. Propose another time.")
    else:
        with session.begin_nested():
            _book_people(session, meeting, slot.id, by)
            _take_seat(session, meeting, slot.id)
    meeting.status = MEETING_ACCEPTED
    meeting.awaiting_id = None
    session.flush()
    other = meeting.other_id(by.id)
    pairs.exclude_pair(session, meeting.requester_id, meeting.recipient_id, pairs.MEETING)
    notifications.notify(session, other, notifications.ACCEPTED, by.id, meeting)
    log.info(
        "meeting %s accepted: slot %s, place %s", meeting.id, meeting.slot_id, meeting.place_id
    )


def _book_people(session: Session, meeting: Meeting, slot_id: int, by: Attendee) -> None:
    # In id order: concurrent bookings lock people in one global order (no deadlock).
    people = sorted((meeting.requester_id, meeting.recipient_id))
    try:
        with session.begin_nested():
            for person in people:
                session.add(Booking(attendee_id=person, slot_id=slot_id, meeting_id=meeting.id))
                session.flush()
    except IntegrityError:
        taken = busy(session, tuple(people), slot_id)
        if by.id in taken:
            raise MeetingError(
                "You already have a meeting at that time. Propose another time."
            ) from None
        raise MeetingError(
            f"{meeting.other(by.id).name} is no longer free at that time. Propose another time."
        ) from None


_FREE_SEAT = (
    sa.select(PlaceSeat.place_id, PlaceSeat.seat)
    .join(MeetingPlace, MeetingPlace.id == PlaceSeat.place_id)
    .where(
        MeetingPlace.event_id == sa.bindparam("event_id"),
        ~sa.exists().where(
            Meeting.slot_id == sa.bindparam("slot_id"),
            Meeting.place_id == PlaceSeat.place_id,
            Meeting.seat == PlaceSeat.seat,
        ),
    )
    .order_by(MeetingPlace.id, PlaceSeat.seat)  # the organizer's order: tables first, then overflow
    .limit(1)
)


def _take_seat(session: Session, meeting: Meeting, slot_id: int) -> None:
    """Put the meeting on the first free seat; a seat taken meanwhile is retried."""
    for _ in range(SEAT_ATTEMPTS):
        free = session.execute(
            _FREE_SEAT, {"event_id": meeting.event_id, "slot_id": slot_id}
        ).first()
        if free is None:
            break
        try:
            with session.begin_nested():
                meeting.place_id, meeting.seat = free
                session.flush()
            return
        except IntegrityError:
            log.info("meeting %s: seat %s taken meanwhile, trying the next", meeting.id, free)
    raise MeetingError("Every meeting place is full at that time. Propose another time.")


def _release(session: Session, meeting: Meeting) -> None:
    """Free the meeting's slot for both people and its seat."""
    session.execute(sa.delete(Booking).where(Booking.meeting_id == meeting.id))
    meeting.place_id = None
    meeting.seat = None


def decline(session: Session, meeting: Meeting, by: Attendee) -> None:
    """Say no to a request; the other person is told only that you are not available."""
    _participant(meeting, by)
    _claim(session, meeting, by, (MEETING_PENDING,))
    meeting.status = MEETING_DECLINED
    meeting.awaiting_id = None
    meeting.cancelled_by_id = by.id
    session.flush()
    notifications.notify(
        session, meeting.other_id(by.id), notifications.UNAVAILABLE, by.id, meeting
    )


def propose(
    session: Session,
    meeting: Meeting,
    by: Attendee,
    slot_id: int | None,
    now: dt.datetime | None = None,
) -> None:
    """Propose another time; the other person answers next.

    On a booked meeting this is a reschedule: the booked time and place are released
    at once, and the meeting waits for the other person to accept the new time.
    """
    now = now or utcnow()
    _participant(meeting, by)
    slot = _slot_of_event(session, slot_id, meeting.event_id)
    if slot is None:
        raise MeetingError("Choose a time for the meeting.")
    _check_time(session, slot, meeting.event_id, now)
    if slot.id == meeting.slot_id and meeting.status in OPEN_STATUSES:
        if meeting.status == MEETING_ACCEPTED:
            raise MeetingError("Your meeting is already at that time.")
        if meeting.awaiting_id == by.id:
            raise MeetingError("That is the time proposed to you: accept it, or choose another.")
        return  # the asker proposing their own time again: nothing changes
    if busy(session, (by.id,), slot.id):
        raise MeetingError("You already have a meeting at that time. Choose another time.")
    _claim(session, meeting, by, OPEN_STATUSES)
    was_booked = meeting.status == MEETING_ACCEPTED
    if was_booked:
        _release(session, meeting)
        pairs.include_pair(session, meeting.requester_id, meeting.recipient_id, pairs.MEETING)
        meeting.sequence += 1
    meeting.slot_id = slot.id
    meeting.status = MEETING_PENDING
    meeting.awaiting_id = meeting.other_id(by.id)
    meeting.reminded_at = None
    session.flush()
    kind = notifications.RESCHEDULE if was_booked else notifications.PROPOSED
    notifications.notify(session, meeting.other_id(by.id), kind, by.id, meeting)


def cancel(session: Session, meeting: Meeting, by: Attendee) -> None:
    """Cancel a booked meeting, or withdraw a request; both free the time and place.

    Cancelling a request you were asked to answer is declining it.
    """
    _participant(meeting, by)
    if meeting.status == MEETING_PENDING and meeting.awaiting_id == by.id:
        decline(session, meeting, by)
        return
    _claim(session, meeting, by, OPEN_STATUSES)
    was_booked = meeting.status == MEETING_ACCEPTED
    _release(session, meeting)
    meeting.status = MEETING_CANCELLED
    meeting.awaiting_id = None
    meeting.cancelled_by_id = by.id
    meeting.sequence += 1
    pairs.include_pair(session, meeting.requester_id, meeting.recipient_id, pairs.MEETING)
    session.flush()
    kind = notifications.CANCELLED if was_booked else notifications.WITHDRAWN
    notifications.notify(session, meeting.other_id(by.id), kind, by.id, meeting)
