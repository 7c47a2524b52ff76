"""The JSON shapes of the API's resources (the OpenAPI schemas describe the same)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matcher import CommonGround
from models import PROFILE_FIELDS, Attendee, Event, MatchRun, Suggestion
from web.badges.qr import scan_url


def iso(value: dt.datetime | dt.date | None) -> str | None:
    """An ISO 8601 timestamp in UTC (SQLite returns naive datetimes: they are UTC)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def event_json(event: Event, attendees: int | None = None) -> dict[str, Any]:
    """An event as its organizer's tools see it."""
    body: dict[str, Any] = {
        "slug": event.slug,
        "name": event.name,
        "starts_on": iso(event.starts_on),
        "signup_open": event.signup_open,
        "suggestions_per_attendee": event.suggestions_per_attendee,
        "created_at": iso(event.created_at),
    }
    if attendees is not None:
        body["attendees"] = attendees
    return body


def attendee_json(attendee: Attendee) -> dict[str, Any]:
    """An attendee as the event's organizer sees it: their registration data, with the email.

    Only the organizer (who owns the registration data) gets this shape; consent flags
    are the attendee's own choices and are read-only here.
    """
    return {
        "id": attendee.id,
        "email": attendee.email,
        **{
            f.name: list(getattr(attendee, f.name)) if f.is_list else getattr(attendee, f.name)
            for f in PROFILE_FIELDS
        },
        "extra": {str(k): str(v) for k, v in (attendee.extra or {}).items()},
        "listed": attendee.listed,
        "share_email": attendee.share_email,
        "badge_url": scan_url(attendee.badge_token),
        "created_at": iso(attendee.created_at),
        "updated_at": iso(attendee.updated_at),
    }


def person_json(other: Attendee) -> dict[str, Any]:
    """A suggested person: what they show to others; the email only if they agreed to share it."""
    return {
        "id": other.id,
        "name": other.name,
        "headline": other.headline,
        "external_id": other.external_id,
        "email": other.email if other.share_email else None,
    }


def suggestion_json(suggestion: Suggestion, other: Attendee) -> dict[str, Any]:
    """One suggested introduction with its reasons and conversation starters: the
    stored common ground, as the suggestion card shows it."""
    cg = CommonGround.from_dict(suggestion.detail or {})
    return {
        "rank": suggestion.rank,
        "score": round(float(suggestion.score), 4),
        "person": person_json(other),
        "reasons": [r for r in cg.reasons if r.strip()],
        "starters": [s for s in cg.starters if s.strip()],
        "shared": [{"mine": s.a, "theirs": s.b} for s in cg.shared],
        "complements": [
            {
                "who_needs": "attendee" if c.seeker == "a" else "person",
                "need": c.need,
                "offer": c.offer,
            }
            for c in cg.complements
        ],
    }


def run_json(run: MatchRun) -> dict[str, Any]:
    """A matching run and its progress."""
    return {
        "id": run.id,
        "status": run.status,
        "phase": run.phase,
        "progress": round(float(run.progress), 3),
        "suggestions": run.suggestions,
        "error": run.error,
        "started_at": iso(run.started_at),
        "finished_at": iso(run.finished_at),
    }
