"""Download my data: a JSON copy of everything stored about the signed-in attendee.

Only the attendee's own data is included: their profile and consent choices, the
introductions suggested to them, the contacts they saved (with their own notes),
the badges they scanned, their speed-networking seats and the people they declined.
What other people wrote (their notes about this attendee) stays theirs; that someone
saved or scanned this attendee is reported as a count, without who.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import sqlalchemy as sa
from flask import Response
from sqlalchemy.orm import Session, aliased

from models import Attendee, Contact, Event, PairExclusion, RoundAssignment, Scan, Suggestion
from web.attendee import bp
from web.attendee.auth import attendee_required
from web.db import get_session

PROFILE_FIELDS = (
    "name",
    "email",
    "headline",
    "company",
    "job_title",
    "interests",
    "personal_interests",
    "looking_for",
    "offering",
    "organizations",
    "about",
    "links",
    "extra",
    "external_id",
)


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _count(session: Session, column: Any, attendee_id: int) -> int:
    stmt = sa.select(sa.func.count()).select_from(column.table).where(column == attendee_id)
    return int(session.scalar(stmt) or 0)


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
        {"round": r.round_number, "table": r.table_number}
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
        "profile": {name: getattr(attendee, name) for name in PROFILE_FIELDS},
        "consent": {"listed": attendee.listed, "share_email": attendee.share_email},
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
        "private_link": "stored only as a SHA-256 hash; it cannot be recovered",
    }


@bp.get("/e/<slug>/me/data.json")
@attendee_required
def my_data(event: Event, attendee: Attendee) -> Response:
    """Download my data: a JSON file with everything stored about me at this event."""
    data = export_attendee(get_session(), attendee)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    filename = re.sub(r"[^A-Za-z0-9_-]+", "-", event.slug) or "event"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="common-ground-{filename}-my-data.json"',
            "Cache-Control": "private, no-store",
        },
    )
