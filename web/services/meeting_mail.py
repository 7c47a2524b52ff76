"""Meeting emails: a request received, a time proposed, a booking, a cancellation, a reminder.

Each notification worth an email is a job (web/tasks.py `notification_mail`), asked
for when it is made. Only attendees who keep email notifications on get them. A
notification is claimed (`emailed_at` committed) before its email is sent, so it is
never sent twice; a failed send releases the claim, and the job retries. Links
appear only when a public base URL is configured, never built from a request's Host
header.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from email.message import EmailMessage

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Meeting, MeetingSlot, Notification, utcnow
from models.meetings import MEETING_ACCEPTED
from web.services import notifications
from web.services.meeting_times import slot_label, zone_label, zone_of

log = logging.getLogger(__name__)

# Reminders go out for meetings starting within this time (run the command every few
# minutes, e.g. from cron or the job queue's scheduler).
REMIND_BEFORE = dt.timedelta(minutes=60)

Deliver = Callable[[EmailMessage], bool]

_SUBJECTS = {
    notifications.REQUEST: "{who} would like to meet you at {event}",
    notifications.PROPOSED: "{who} proposed another time to meet at {event}",
    notifications.RESCHEDULE: "{who} would like to move your meeting at {event}",
    notifications.ACCEPTED: "Booked: your meeting with {who} at {event}",
    notifications.CANCELLED: "Cancelled: your meeting with {who} at {event}",
    notifications.REMINDER: "Soon: your meeting with {who} at {event}",
}


def notification_email(session: Session, note_id: int, base_url: str) -> EmailMessage | None:
    """The email for one notification, or None when it gets no email.

    No email: a kind that is not worth one ("not available" is told on the page
    only), an attendee who turned emails off, one already emailed.
    """
    note = session.get(Notification, note_id)
    if note is None or note.kind not in notifications.EMAILED or note.emailed_at is not None:
        return None
    attendee, meeting = note.attendee, note.meeting
    if not attendee.email_notifications or meeting is None:
        return None
    event = attendee.event
    zone = zone_of(event)
    who = note.actor.name if note.actor is not None else "Someone"
    message = EmailMessage()
    message["To"] = attendee.email
    message["Subject"] = _SUBJECTS[note.kind].format(who=who, event=event.name)
    line = notifications.describe(note, zone)
    parts = [f"Hi {attendee.name},", line.text]
    if note.kind == notifications.REQUEST and meeting.message:
        parts.append(f"{who} wrote: “{meeting.message}”")
    if meeting.slot is not None:
        where = f"\nWhere: {meeting.place.name}" if meeting.place is not None else ""
        when = f"{slot_label(meeting.slot, zone)}, {zone_label(zone, meeting.slot.start)}"
        parts.append(f"When: {when}{where}")
    page = f"{base_url.rstrip('/')}/e/{event.slug}/me/meetings/{meeting.id}" if base_url else ""
    if line.needs_answer:
        parts.append(
            f"Accept, propose another time or decline: {page}"
            if page
            else f"Open your page for {event.name} to accept, propose another time or decline."
        )
    elif page:
        parts.append(f"Your meeting, with a calendar file: {page}")
    parts.append(
        "You get these emails because you signed up to "
        f"{event.name}. Turn them off under Notifications on your page."
    )
    message.set_content("\n\n".join(parts) + "\n\n— Common Ground\n")
    return message


def email_notification(session: Session, note_id: int, base_url: str, deliver: Deliver) -> bool:
    """Email one notification if it gets one; False only when sending failed.

    Commits its claim before sending (and the release when sending failed).
    """
    message = notification_email(session, note_id, base_url)
    if message is None:
        return True
    claimed = session.execute(
        sa.update(Notification)
        .where(Notification.id == note_id, Notification.emailed_at.is_(None))
        .values(emailed_at=utcnow())
    )
    session.commit()
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return True  # sent already
    if deliver(message):
        return True
    session.execute(
        sa.update(Notification).where(Notification.id == note_id).values(emailed_at=None)
    )
    session.commit()
    return False


def due_reminders(session: Session, now: dt.datetime) -> list[int]:
    """Booked meetings starting within REMIND_BEFORE that were not reminded yet."""
    return list(
        session.scalars(
            sa.select(Meeting.id)
            .join(MeetingSlot, MeetingSlot.id == Meeting.slot_id)
            .where(
                Meeting.status == MEETING_ACCEPTED,
                Meeting.reminded_at.is_(None),
                MeetingSlot.starts_at > now,
                MeetingSlot.starts_at <= now + REMIND_BEFORE,
            )
            .order_by(MeetingSlot.starts_at)
        )
    )


def remind_meetings(session: Session, now: dt.datetime) -> list[int]:
    """Remind both people of each meeting that starts soon; returns the meetings' ids.

    Each meeting is claimed (`reminded_at`) with its two notifications, whose emails
    are jobs that go once the caller commits: runs that overlap never remind twice.
    Flushes.
    """
    made: list[int] = []
    for meeting_id in due_reminders(session, now):
        claimed = session.execute(
            sa.update(Meeting)
            .where(Meeting.id == meeting_id, Meeting.reminded_at.is_(None))
            .values(reminded_at=now)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            continue
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        for person in (meeting.requester_id, meeting.recipient_id):
            notifications.notify(
                session, person, notifications.REMINDER, meeting.other_id(person), meeting
            )
        made.append(meeting_id)
    log.info("meeting reminders: %d meetings", len(made))
    return made
