"""Every attendee deleted is counted on their event (`Event.departures`).

A worker's matching state asks on every scan whether the event's attendees changed
(`web.services.event_states`): arrivals and edits show in the highest id and the
latest update, each one lookup at the end of an index; departures show here, where
counting the attendees read every one of them (0.2-0.5 ms at 10,000, on each scan).
Counted in the flush that deletes them, so no path that removes an attendee through
the ORM can forget it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models.attendee import Attendee
from models.event import Event


@sa.event.listens_for(Session, "before_flush")
def count_departures(session: Session, _context: Any, _instances: Any) -> None:
    """Add the attendees this flush deletes to their events' departures."""
    gone = Counter(a.event_id for a in session.deleted if isinstance(a, Attendee))
    for event_id, n in gone.items():
        session.connection().execute(
            sa.update(Event).where(Event.id == event_id).values(departures=Event.departures + n)
        )
