"""An attendee's meetings, notifications and answers, for "Download my data".

As the attendee sees them: a request the other person declined reads "Not available"
here too. What others answered about the attendee is theirs: only a count.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from models import Attendee, Event, Feedback
from web.services import notifications
from web.services.availability import meetings_of
from web.services.meeting_state import state_of
from web.services.meeting_times import iso_utc, zone_of


def meeting_data(session: Session, attendee: Attendee) -> dict[str, Any]:
    """`attendee`'s meetings, notifications and feedback as JSON-ready data."""
    event = session.get_one(Event, attendee.event_id)
    zone = zone_of(event)
    meetings = []
    for meeting in meetings_of(session, attendee.id):
        slot, place = meeting.slot, meeting.place
        meetings.append(
            {
                "with": meeting.other(attendee.id).name,
                "asked_by": "you" if meeting.requester_id == attendee.id else "them",
                "status": state_of(meeting, attendee).label,
                "starts_at": iso_utc(slot.starts_at) if slot else None,
                "ends_at": iso_utc(slot.ends_at) if slot else None,
                "place": place.name if place else None,
                "message": meeting.message,
            }
        )
    notes = [
        {
            "text": notifications.describe(note, zone).text,
            "at": iso_utc(note.created_at),
            "read_at": iso_utc(note.read_at) if note.read_at else None,
            "emailed_at": iso_utc(note.emailed_at) if note.emailed_at else None,
        }
        for note in notifications.recent(session, attendee.id, limit=10_000)
    ]
    other = aliased(Attendee)
    answers = [
        {
            "about": name,
            "in_common_1_to_5": f.rating,
            "would_meet_again": f.meet_again,
            "at": iso_utc(f.updated_at),
        }
        for f, name in session.execute(
            sa.select(Feedback, other.name)
            .join(other, other.id == Feedback.other_id)
            .where(Feedback.rater_id == attendee.id)
            .order_by(Feedback.id)
        )
    ]
    rated_by_others = session.scalar(
        sa.select(sa.func.count(Feedback.id)).where(Feedback.other_id == attendee.id)
    )
    return {
        "meetings": meetings,
        "notifications": notes,
        "feedback_given": answers,
        "feedback_about_you_by_others": int(rated_by_others or 0),
    }
