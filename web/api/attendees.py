"""Attendees of an event: create or update by email (one or a batch), list, read, delete.

Writes go through the import's upsert, so they are idempotent: sending the same attendee
twice leaves one attendee, unchanged the second time. A batch is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from flask import request, url_for
from sqlalchemy.exc import IntegrityError

from models import Attendee, Event
from web.api import bp
from web.api.attendee_input import attendee_record, invalid, normalise_email
from web.api.core import ApiError, event_for_key, json_body, next_link, paginate
from web.api.resources import attendee_json
from web.db import get_session
from web.services.attendees import delete_attendee as delete_attendee_data
from web.services.importing.records import AttendeeRecord
from web.services.importing.store import write_batch

MAX_BATCH = 1000
RETRIES = 2
log = logging.getLogger(__name__)


def attendee_or_404(event: Event, email: str) -> Attendee:
    """The event's attendee with this email (any spelling of it), else a 404."""
    try:
        address = normalise_email(email)
    except ApiError:
        address = None
    attendee = (
        get_session().scalar(
            sa.select(Attendee).where(Attendee.event_id == event.id, Attendee.email == address)
        )
        if address
        else None
    )
    if attendee is None:
        raise ApiError(404, "attendee_not_found", "The event has no attendee with this email.")
    return attendee


def by_email(event_id: int, column: Any, emails: Sequence[str]) -> dict[str, Any]:
    """`column` of the event's attendees with these emails, by email."""
    rows = get_session().execute(
        sa.select(Attendee.email, column).where(
            Attendee.event_id == event_id, Attendee.email.in_(emails)
        )
    )
    return dict(rows.all())


def upsert(event: Event, records: Sequence[AttendeeRecord], prefixes: Sequence[str]) -> list[str]:
    """Write `records` (all or nothing); returns "created", "updated" or "unchanged" for each.

    When a concurrent request registered one of the emails first, the whole write is
    retried once as an update, so parallel upserts of one person never fail or duplicate.
    """
    session = get_session()
    event_id = event.id
    emails = [r.email for r in records]
    for attempt in range(RETRIES + 1):
        before = by_email(event_id, Attendee.profile_version, emails)
        for record, prefix in zip(records, prefixes, strict=True):
            if record.email not in before and "name" not in record.values:
                raise invalid(f"{prefix}name", "A new attendee needs a name (it is on the badge).")
        try:
            written = write_batch(session, event_id, records)
            session.flush()
            break
        except IntegrityError:
            session.rollback()
            log.info("event %s: concurrent upsert, attempt %d", event_id, attempt + 1)
    else:
        raise ApiError(
            409, "conflict", "Other requests changed these attendees at the same time; retry."
        )
    # What this write did itself: another request may have registered an email
    # between the check above and the write, which then only updated it.
    return [
        "created"
        if r.email in written.created_emails
        else "updated"
        if r.email in written.updated_emails
        else "unchanged"
        for r in records
    ]


def _fresh(event: Event, email: str) -> Attendee:
    return (
        get_session()
        .scalars(
            sa.select(Attendee)
            .where(Attendee.event_id == event.id, Attendee.email == email)
            .execution_options(populate_existing=True)
        )
        .one()
    )


def _saved(event: Event, record: AttendeeRecord) -> Any:
    status = upsert(event, [record], [""])[0]
    attendee = _fresh(event, record.email)
    location = url_for("api.get_attendee", slug=event.slug, email=attendee.email)
    code = 201 if status == "created" else 200
    return attendee_json(attendee), code, {"Location": location}


@bp.get("/events/<slug>/attendees")
def list_attendees(slug: str) -> Any:
    """The event's attendees in registration order, by cursor or page (with emails).

    `updated_since` (ISO 8601; UTC when no offset is given) keeps only attendees created
    or changed since then, so a sync can fetch what is new.
    """
    event = event_for_key(slug)
    stmt = sa.select(Attendee).where(Attendee.event_id == event.id)
    since = request.args.get("updated_since")
    if since:
        stmt = stmt.where(Attendee.updated_at >= parse_time(since, "updated_since"))
    body = paginate(stmt, Attendee.id, attendee_json)
    return body, 200, next_link(body["pagination"])


def parse_time(text: str, field: str) -> dt.datetime:
    """An ISO 8601 timestamp from a query parameter, in UTC (400 when it is not one)."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        example = "2026-11-25T18:00:00Z"
        raise invalid(field, f"`{field}` must be an ISO 8601 time, e.g. {example}.") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:
        raise invalid(field, f"`{field}` is out of range.") from None


@bp.post("/events/<slug>/attendees")
def create_attendee(slug: str) -> Any:
    """Create the attendee with the body's email, or update them when registered (201/200)."""
    event = event_for_key(slug)
    return _saved(event, attendee_record(json_body()))


@bp.put("/events/<slug>/attendees/<email>")
def put_attendee(slug: str, email: str) -> Any:
    """Create or update the attendee with this email (201 when new, 200 otherwise)."""
    event = event_for_key(slug)
    address = normalise_email(email, "email")
    return _saved(event, attendee_record(json_body(), email=address))


@bp.post("/events/<slug>/attendees/batch")
def batch_attendees(slug: str) -> Any:
    """Create or update up to 1,000 attendees at once: all are written, or none."""
    event = event_for_key(slug)
    body = json_body()
    items = body.get("attendees") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise invalid("attendees", "Send an object with an `attendees` list.")
    if isinstance(body, dict) and set(body) - {"attendees"}:
        field = sorted(set(body) - {"attendees"})[0]
        raise invalid(field[:60], f"Unknown field “{field[:40]}”; send only `attendees`.")
    if not items:
        raise invalid("attendees", "The `attendees` list is empty.")
    if len(items) > MAX_BATCH:
        raise invalid("attendees", f"Send at most {MAX_BATCH} attendees per batch ({len(items)}).")
    records: list[AttendeeRecord] = []
    prefixes: list[str] = []
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        prefix = f"attendees[{index}]."
        record = attendee_record(item, prefix=prefix, row=index)
        if record.email in first:
            raise invalid(
                f"{prefix}email",
                f"The email {record.email} is also in attendees[{first[record.email]}].",
            )
        first[record.email] = index
        records.append(record)
        prefixes.append(prefix)
    statuses = upsert(event, records, prefixes)
    ids = by_email(event.id, Attendee.id, list(first))
    return {
        "created": statuses.count("created"),
        "updated": statuses.count("updated"),
        "unchanged": statuses.count("unchanged"),
        "attendees": [
            {"email": r.email, "id": ids[r.email], "status": s}
            for r, s in zip(records, statuses, strict=True)
        ],
    }


@bp.get("/events/<slug>/attendees/<email>")
def get_attendee(slug: str, email: str) -> Any:
    """One attendee of the event, by email."""
    return attendee_json(attendee_or_404(event_for_key(slug), email))


@bp.delete("/events/<slug>/attendees/<email>")
def delete_attendee(slug: str, email: str) -> Any:
    """Remove the attendee and everything about them (suggestions, contacts, seats)."""
    attendee = attendee_or_404(event_for_key(slug), email)
    delete_attendee_data(get_session(), attendee)
    return "", 204
