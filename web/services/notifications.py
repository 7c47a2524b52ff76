"""Notifications on my page: what happened to my meetings, unread until I look.

`notify` records one and, for the kinds worth an email, asks for the job that emails
it (web/tasks.py `notification_mail`, web.services.meeting_mail) in the same
transaction: it goes once the change is committed. Flushes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from models import Meeting, Notification, utcnow
from models.meetings import MEETING_PENDING
from web.services.jobs import enqueue
from web.services.meeting_times import slot_label

# What happened (Notification.kind).
REQUEST = "request"  # someone would like to meet you
PROPOSED = "proposed"  # the other person proposed another time
RESCHEDULE = "reschedule"  # the other person wants to move a booked meeting
ACCEPTED = "accepted"  # your meeting is booked
UNAVAILABLE = "unavailable"  # your request was declined: "not available", nothing more
WITHDRAWN = "withdrawn"  # a request to you was withdrawn
CANCELLED = "cancelled"  # a booked meeting was cancelled
REMINDER = "reminder"  # your meeting starts soon

# Kinds worth an email (with the attendee's consent): someone waits for an answer,
# a time is fixed or dropped, or the meeting is about to start.
EMAILED = frozenset({REQUEST, PROPOSED, RESCHEDULE, ACCEPTED, CANCELLED, REMINDER})
# Kinds that ask for an answer: the list shows them with a call to action.
NEEDS_ANSWER = frozenset({REQUEST, PROPOSED, RESCHEDULE})


def notify(
    session: Session, attendee_id: int, kind: str, actor_id: int | None, meeting: Meeting
) -> Notification:
    """Tell `attendee` that `kind` happened to `meeting` (done by `actor`)."""
    note = Notification(
        event_id=meeting.event_id,
        attendee_id=attendee_id,
        kind=kind,
        actor_id=actor_id,
        meeting_id=meeting.id,
    )
    session.add(note)
    session.flush()
    if kind in EMAILED:
        enqueue(session, "notification_mail", {"note_id": note.id}, event_id=meeting.event_id)
    return note


def unread_count(session: Session, attendee_id: int) -> int:
    """How many notifications `attendee` has not seen."""
    return int(session.scalar(_UNREAD, {"attendee_id": attendee_id}) or 0)


# Built once: every attendee page's nav asks (building costs more than running it);
# plain Core over the table, the ORM's layer costing more than the count.
_NOTIFICATIONS = Notification.__table__.c
_UNREAD = sa.select(sa.func.count()).where(
    _NOTIFICATIONS.attendee_id == sa.bindparam("attendee_id"), _NOTIFICATIONS.read_at.is_(None)
)


def recent(session: Session, attendee_id: int, limit: int = 50) -> list[Notification]:
    """`attendee`'s notifications, newest first."""
    return list(session.scalars(_RECENT, {"attendee_id": attendee_id, "limit": limit}))


_RECENT = (
    sa.select(Notification)
    .where(Notification.attendee_id == sa.bindparam("attendee_id"))
    .options(
        selectinload(Notification.actor),
        selectinload(Notification.meeting).selectinload(Meeting.slot),
        selectinload(Notification.meeting).selectinload(Meeting.place),
    )
    .order_by(Notification.created_at.desc(), Notification.id.desc())
    .limit(sa.bindparam("limit"))
)


def mark_read(session: Session, attendee_id: int, now: dt.datetime | None = None) -> int:
    """Mark every unread notification of `attendee` read; returns how many."""
    result = session.execute(
        sa.update(Notification)
        .where(Notification.attendee_id == attendee_id, Notification.read_at.is_(None))
        .values(read_at=now or utcnow())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Line:
    """A notification as one line of text, and whether it asks for an answer."""

    text: str
    needs_answer: bool


def describe(note: Notification, zone: ZoneInfo) -> Line:
    """The notification in words, with the meeting's time in the event's zone."""
    who = note.actor.name if note.actor is not None else "Someone"
    meeting = note.meeting
    when = slot_label(meeting.slot, zone) if meeting and meeting.slot else ""
    on = f" on {when}" if when else ""
    colon = f": {when}" if when else ""
    where = f", {meeting.place.name}" if meeting and meeting.place else ""
    texts = {
        REQUEST: f"{who} would like to meet you{on}.",
        PROPOSED: f"{who} proposed another time{colon}.",
        RESCHEDULE: f"{who} would like to move your meeting{(' to ' + when) if when else ''}.",
        ACCEPTED: f"Your meeting with {who} is booked{colon}{where}.",
        UNAVAILABLE: f"{who} is not available.",
        WITHDRAWN: f"{who} withdrew their meeting request.",
        CANCELLED: f"{who} cancelled your meeting{on}.",
        REMINDER: f"Your meeting with {who} starts soon{colon}{where}.",
    }
    waiting = (
        meeting is not None
        and meeting.status == MEETING_PENDING
        and meeting.awaiting_id == note.attendee_id
    )
    return Line(texts.get(note.kind, f"News about {who}."), note.kind in NEEDS_ANSWER and waiting)
