"""Every attendee deleted leaves a row here: the event's departures, in order.

A worker's matching state asks on every scan whether the event's attendees changed
(`web.services.event_states`): arrivals and edits show in the highest attendee id and
the latest update, departures in the highest id here, each one lookup at the end of
an index, where counting the attendees read every one of them (0.2-0.5 ms at 10,000,
on each scan). A row of its own per departure, not a counter on the event: a matching
run holds a lock on the event's row for its whole length on PostgreSQL
(`web.services.matching.lock_event`), and deleting one's data must not wait for it.
Written in the flush that deletes the attendee, so no path that removes one through
the ORM can forget it; the rows hold no more than the event.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.attendee import Attendee
from models.base import Base, intpk


class Departure(Base):
    """An attendee of `event_id` was deleted (who is not kept)."""

    __tablename__ = "departures"
    __table_args__ = (sa.Index("ix_departures_event_id_id", "event_id", "id"),)

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))


@sa.event.listens_for(Session, "before_flush")
def count_departures(session: Session, _context: Any, _instances: Any) -> None:
    """A `Departure` for each attendee this flush deletes."""
    gone = [{"event_id": a.event_id} for a in session.deleted if isinstance(a, Attendee)]
    if gone:
        session.connection().execute(sa.insert(Departure), gone)
