"""Events of the key's organizer: list and read."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from models import Attendee, Event
from web.api import bp
from web.api.core import current_key, event_for_key, next_link, paginate
from web.api.resources import event_json
from web.db import get_session


@bp.get("/events")
def list_events() -> Any:
    """The key's organizer's events, oldest first, one page at a time."""
    stmt = sa.select(Event).where(Event.organizer_id == current_key().organizer_id)
    body = paginate(stmt, Event.id, event_json)
    return body, 200, next_link(body["pagination"])


@bp.get("/events/<slug>")
def get_event(slug: str) -> Any:
    """One event, with how many attendees it has."""
    event = event_for_key(slug)
    count = get_session().scalar(
        sa.select(sa.func.count(Attendee.id)).where(Attendee.event_id == event.id)
    )
    return event_json(event, attendees=int(count or 0))
