"""Writing imported records: batched inserts and updates keyed by lower-cased email.

Works on plain rows (no ORM objects are kept), so memory stays flat however long the
file is. Flushes only; the caller commits, so an import is all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import PROFILE_FIELDS, Attendee, utcnow
from models.attendee import hash_token, new_badge_token, new_private_token
from web.services.importing.records import AttendeeRecord

PROFILE_COLUMNS = tuple(f.name for f in PROFILE_FIELDS)
# A new attendee's values for what the file leaves out (the name is always given).
EMPTY: dict[str, Any] = {
    f.name: [] if f.is_list else None if f.name == "external_id" else ""
    for f in PROFILE_FIELDS
    if f.name != "name"
}


@dataclass
class Written:
    """What one batch did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Which emails this batch inserted and updated (the rest were unchanged).
    created_emails: set[str] = field(default_factory=set)
    updated_emails: set[str] = field(default_factory=set)


def existing_emails(session: Session, event_id: int, emails: Sequence[str]) -> set[str]:
    """Which of `emails` are already registered for the event."""
    if not emails:
        return set()
    found = session.scalars(
        sa.select(Attendee.email).where(Attendee.event_id == event_id, Attendee.email.in_(emails))
    )
    return set(found)


# Told about each new attendee and their private-link token (e.g. to email it).
OnCreated = Callable[[AttendeeRecord, str], None]


def write_batch(
    session: Session,
    event_id: int,
    records: Sequence[AttendeeRecord],
    on_created: OnCreated | None = None,
) -> Written:
    """Insert new attendees and update registered ones; empty cells never erase data."""
    columns = [getattr(Attendee, c) for c in ("id", "email", *PROFILE_COLUMNS, "extra")]
    current = {
        row.email: row
        for row in session.execute(
            sa.select(*columns, Attendee.profile_version).where(
                Attendee.event_id == event_id,
                Attendee.email.in_([r.email for r in records]),
            )
        )
    }
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    written = Written()
    for record in records:
        row = current.get(record.email)
        if row is None:
            token = new_private_token()
            inserts.append(_new_row(event_id, record, token, now))
            written.created_emails.add(record.email)
            if on_created is not None:
                on_created(record, token)
            continue
        changes = {k: v for k, v in record.values.items() if getattr(row, k) != v}
        extra = {**(row.extra or {}), **record.extra}
        if extra != (row.extra or {}):
            changes["extra"] = extra
        if changes:
            changes.update(id=row.id, profile_version=row.profile_version + 1, updated_at=now)
            updates.append(changes)
            written.updated_emails.add(record.email)
        else:
            written.unchanged += 1
    if inserts:
        # Core executemany: several times faster than ORM bulk inserts here.
        session.execute(sa.insert(cast(sa.Table, Attendee.__table__)), inserts)
        written.created = len(inserts)
    if updates:
        session.execute(sa.update(Attendee), updates)
        written.updated = len(updates)
    return written


def _new_row(event_id: int, record: AttendeeRecord, token: str, now: Any) -> dict[str, Any]:
    # The private link is issued like a self sign-up's; only its hash is stored.
    return {
        **EMPTY,
        **record.values,
        "event_id": event_id,
        "email": record.email,
        "extra": record.extra,
        "listed": True,
        "share_email": False,
        "badge_token": new_badge_token(),
        "private_token_hash": hash_token(token),
        "profile_version": 1,
        "created_at": now,
        "updated_at": now,
    }
