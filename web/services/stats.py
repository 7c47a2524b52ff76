"""The numbers an organizer watches: sign-ups, complete profiles, suggestions, scans, contacts."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import LIST_FIELDS, Attendee, Contact, Event, Scan, Suggestion


@dataclass(frozen=True)
class EventStats:
    """Counts for one event, as shown on its page."""

    signups: int
    complete_profiles: int
    listed: int
    with_suggestions: int
    suggestions: int
    scans: int
    saved_contacts: int
    follow_ups_done: int


def complete_condition() -> sa.ColumnElement[bool]:
    # Mirrors Attendee.is_complete in SQL. Lists are JSON written by SQLAlchemy,
    # so an empty one is stored as the text "[]" on SQLite and PostgreSQL alike.
    non_empty = [sa.cast(getattr(Attendee, f), sa.Text) != "[]" for f in LIST_FIELDS]
    return sa.or_(
        *non_empty, sa.func.trim(Attendee.about) != "", sa.func.trim(Attendee.headline) != ""
    )


def event_stats(session: Session, event: Event) -> EventStats:
    """Count everything for `event` in a handful of aggregate queries."""

    def count(stmt: sa.Select[int]) -> int:
        return int(session.scalar(stmt) or 0)

    attendees = sa.select(sa.func.count(Attendee.id)).where(Attendee.event_id == event.id)
    contacts = sa.select(sa.func.count(Contact.id)).where(Contact.event_id == event.id)
    return EventStats(
        signups=count(attendees),
        complete_profiles=count(attendees.where(complete_condition())),
        listed=count(attendees.where(Attendee.listed.is_(True))),
        with_suggestions=count(
            sa.select(sa.func.count(sa.distinct(Suggestion.attendee_id))).where(
                Suggestion.event_id == event.id
            )
        ),
        suggestions=count(
            sa.select(sa.func.count(Suggestion.id)).where(Suggestion.event_id == event.id)
        ),
        scans=count(sa.select(sa.func.count(Scan.id)).where(Scan.event_id == event.id)),
        saved_contacts=count(contacts),
        follow_ups_done=count(contacts.where(Contact.followed_up_at.is_not(None))),
    )
