"""My data: everything stored about one attendee, as plain JSON-ready data.

Only the attendee's own data is included: their profile and consent choices, the
introductions suggested to them, the contacts they saved (with their own notes),
the badges they scanned, their speed-networking seats, the people they declined, and
their meetings, notifications and feedback (web.services.meeting_data).
What other people wrote (their notes about this attendee) stays theirs; that someone
saved or scanned this attendee is reported as a count, without who.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from models import (
    PROFILE_FIELDS,
    Attendee,
    Contact,
    Event,
    PairExclusion,
    RoundAssignment,
    Scan,
    Suggestion,
)
from web.services.attendees import table_mates
from web.services.meeting_data import meeting_data


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _count(session: Session, column: Any, attendee_id: int) -> int:
    stmt = sa.select(sa.func.count()).select_from(column.table).where(column == attendee_id)
    return int(session.scalar(stmt) or 0)


def _mate_ids(session: Session, seat: RoundAssignment) -> set[int]:
    """Who sits at my table that round, and whoever my seat's notes are about."""
    ids = {m.attendee_id for m in table_mates(session, seat)}
    return ids | {int(k) for k in (seat.notes or {}) if k.isdigit()}


def export_attendee(session: Session, attendee: Attendee) -> dict[str, Any]:
    """Everything stored about `attendee`, as plain JSON-ready data."""
    other = aliased(Attendee)
    suggestions = [
        {
            "rank": s.rank,
            "person": name,
            "score": round(float(s.score), 4),
            "reasons": list((s.detail or {}).get("reasons", [])),
            "conversation_starters": list((s.detail or {}).get("starters", [])),
        }
        for s, name in session.execute(
            sa.select(Suggestion, other.name)
            .join(other, other.id == Suggestion.other_id)
            .where(Suggestion.attendee_id == attendee.id)
            .order_by(Suggestion.rank)
        )
    ]
    contacts = [
        {
            "person": name,
            "note": c.note,
            "saved_at": _when(c.created_at),
            "follow_up_by": _when(c.follow_up_by),
            "followed_up_at": _when(c.followed_up_at),
        }
        for c, name in session.execute(
            sa.select(Contact, other.name)
            .join(other, other.id == Contact.other_id)
            .where(Contact.owner_id == attendee.id)
            .order_by(Contact.id)
        )
    ]
    scans = [
        {"badge_of": name, "at": _when(when)}
        for name, when in session.execute(
            sa.select(other.name, Scan.created_at)
            .join(other, other.id == Scan.scanned_id)
            .where(Scan.scanner_id == attendee.id)
            .order_by(Scan.id)
        )
    ]
    seats = [
        {
            "round": r.round_number,
            "table": r.table_number,
            "table_mates": [
                {"person": mate.name, "note": (r.notes or {}).get(str(mate.id), "")}
                for mate in session.scalars(
                    sa.select(Attendee)
                    .where(Attendee.id.in_(_mate_ids(session, r)))
                    .order_by(Attendee.name)
                )
            ],
        }
        for r in session.scalars(
            sa.select(RoundAssignment)
            .where(RoundAssignment.attendee_id == attendee.id)
            .order_by(RoundAssignment.round_number)
        )
    ]
    declined = list(
        session.scalars(
            sa.select(other.name)
            .join(PairExclusion, PairExclusion.other_id == other.id)
            .where(PairExclusion.attendee_id == attendee.id)
        )
    )
    event = session.get_one(Event, attendee.event_id)
    return {
        "event": {"name": event.name, "slug": event.slug},
        "profile": {
            "email": attendee.email,
            **{f.name: getattr(attendee, f.name) for f in PROFILE_FIELDS},
            "extra": attendee.extra,
        },
        "consent": {
            "listed": attendee.listed,
            "share_email": attendee.share_email,
            "meeting_emails": attendee.email_notifications,
        },
        "badge_token": attendee.badge_token,
        "created_at": _when(attendee.created_at),
        "updated_at": _when(attendee.updated_at),
        "suggested_introductions": suggestions,
        "saved_contacts": contacts,
        "badges_scanned": scans,
        "speed_networking_seats": seats,
        "declined_introductions": declined,
        "saved_by_others": _count(session, Contact.other_id, attendee.id),
        "badge_scanned_by_others": _count(session, Scan.scanned_id, attendee.id),
        **meeting_data(session, attendee),
        "private_link": "stored only as a SHA-256 hash; it cannot be recovered",
    }
