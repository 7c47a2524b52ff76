"""Tag suggestions for the profile forms, cached per worker for a minute."""

from __future__ import annotations

import time

from flask import current_app
from sqlalchemy.orm import Session

from models import Event
from web.services.attendees import event_tags

_TAGS_TTL = 60.0  # seconds; tag suggestions may lag sign-ups by a minute


def cached_event_tags(session: Session, event: Event) -> dict[str, list[str]]:
    """`event_tags`, remembered per worker for a minute.

    A sign-up rush at a large event does not re-read every profile for every form shown.
    """
    cache: dict[int, tuple[float, dict[str, list[str]]]]
    cache = current_app.extensions.setdefault("cg_event_tags", {})
    cached = cache.get(event.id)
    now = time.monotonic()
    if cached and now - cached[0] < _TAGS_TTL:
        return cached[1]
    tags = event_tags(session, event)
    if len(cache) > 1000:
        cache.clear()
    cache[event.id] = (now, tags)
    return tags
