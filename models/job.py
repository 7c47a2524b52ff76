"""Background jobs: the transactional outbox and the record of each job's life.

A job row is written in the same transaction as the change that asks for it (a
sign-up and its refresh commit together or not at all), then handed to a backend
(a thread of this process, or the broker) once that transaction has committed.
The row, not the broker's message, is the truth: a message lost with a broker, or a
job whose worker died, is handed out again from here (web.services.jobs).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at, intpk

JOB_PENDING = "pending"  # committed, not yet handed to a backend (or due for a retry)
JOB_QUEUED = "queued"  # handed to the broker (or to this process's threads)
JOB_RUNNING = "running"  # a worker claimed it; its heartbeat says it is alive
JOB_DONE = "done"
JOB_FAILED = "failed"  # gave up: out of attempts, or an error retrying cannot fix
UNFINISHED = (JOB_PENDING, JOB_QUEUED, JOB_RUNNING)


class Job(Base):
    """One unit of background work: a registered job `name` with JSON `args`."""

    __tablename__ = "jobs"
    __table_args__ = (sa.Index("ix_jobs_state_created_at", "state", "created_at"),)

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(sa.String(60))
    args: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # What the job is about, for the console ("3 jobs waiting") and for callers that
    # ask whether work on a thing is still to come (e.g. "refresh:<attendee id>").
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str | None] = mapped_column(sa.String(80), index=True)
    state: Mapped[str] = mapped_column(sa.String(12), default=JOB_PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    # host:pid of the worker running it (or that ran it last).
    worker: Mapped[str | None] = mapped_column(sa.String(120))
    error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[created_at]
    # Not before this time (a retry's backoff).
    run_after: Mapped[dt.datetime | None]
    queued_at: Mapped[dt.datetime | None]
    started_at: Mapped[dt.datetime | None]
    heartbeat_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
