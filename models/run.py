"""Matching runs: one row per run, so progress survives reloads and is shared by workers."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, intpk, utcnow

RUN_RUNNING = "running"
RUN_DONE = "done"
RUN_FAILED = "failed"


class MatchRun(Base):
    """A matching run of one event: status, phase, progress and, when it failed, why."""

    __tablename__ = "match_runs"

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    # Equals event_id while the run is active and NULL afterwards: the unique
    # constraint allows one active run per event across every worker and host.
    active_event_id: Mapped[int | None] = mapped_column(unique=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=RUN_RUNNING)
    phase: Mapped[str] = mapped_column(sa.String(40), default="queued")
    progress: Mapped[float] = mapped_column(default=0.0)
    suggestions: Mapped[int | None]
    # What the run saw (attendees, contacts, settings); equal inputs need no new run.
    fingerprint: Mapped[str | None] = mapped_column(sa.String(64))
    error: Mapped[str | None] = mapped_column(sa.Text)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Refreshed while the run works; a stale heartbeat means its worker died.
    heartbeat_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]

    @property
    def active(self) -> bool:
        """Still running."""
        return self.status == RUN_RUNNING
