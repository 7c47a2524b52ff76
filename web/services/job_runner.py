"""Running jobs: claim, do, record — so each job takes effect once, whatever dies.

A worker (a thread of the web process, or `commonground worker`) runs a job by id:

1. **Claim** it in one UPDATE: waiting (pending or queued, and due), or running
   with a heartbeat older than `stale_after` (its worker died). Anything else — done,
   failed, alive elsewhere — is left alone, so a message delivered twice runs once.
2. **Do** it in a session of its own, and mark it done *in the same transaction*:
   the job's writes and its "done" commit together, or neither does. A heartbeat
   thread keeps `heartbeat_at` fresh meanwhile.
3. On an error, **retry** with exponential backoff (back to pending, `run_after`
   set) or, out of attempts, **fail** and tell the job's `on_give_up`.

`due()` lists the jobs to hand out (again): committed but never handed to the
broker (it was down, or the process stopped right after the commit), due retries,
queued ones the broker lost, and running ones whose worker died.

No Flask here: the host passes `around`, a context every job runs in (the app's).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session, sessionmaker

from matcher import Matcher
from models import Job, utcnow
from models.job import JOB_DONE, JOB_FAILED, JOB_PENDING, JOB_QUEUED, JOB_RUNNING
from web.services import log_context
from web.services.jobs import REGISTRY, GiveUp, JobContext, Retry

log = logging.getLogger(__name__)

DONE, RETRY, FAILED, SKIPPED = "done", "retry", "failed", "skipped"
Outcome = tuple[str, float]  # (what happened, seconds until a retry is due)
Observer = Callable[[str, str, float], None]  # (job name, outcome, seconds taken)


def worker_name() -> str:
    """host:pid of this process, as recorded on the jobs it runs."""
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


class JobRunner:
    """Claims and runs jobs of one process, with one heartbeat thread for all of them."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        matcher: Matcher,
        *,
        around: Callable[[], AbstractContextManager[Any]] | None = None,
        heartbeat_every: float = 5.0,
        stale_after: float = 30.0,
        requeue_after: float = 600.0,
        grace: float = 5.0,
    ) -> None:
        self.sessions = sessions
        self.matcher = matcher
        self.around = around or contextlib.nullcontext
        self.heartbeat_every = heartbeat_every
        self.stale_after = dt.timedelta(seconds=stale_after)
        self.requeue_after = dt.timedelta(seconds=requeue_after)
        self.grace = dt.timedelta(seconds=grace)
        self.observers: list[Observer] = []
        self._running: dict[int, str] = {}  # job id -> worker name it was claimed as
        self._lock = threading.Lock()
        self._beat: threading.Thread | None = None

    # -- one job ---------------------------------------------------------------

    def run(self, job_id: int) -> Outcome:
        """Claim and do the job `job_id`; returns (outcome, seconds until its retry)."""
        me = f"{worker_name()}/{threading.get_ident() % 10_000}"[:120]
        token = log_context.bind(f"job-{job_id}")
        try:
            return self._run(job_id, me)
        finally:
            log_context.reset(token)

    def _run(self, job_id: int, me: str) -> Outcome:
        claimed = self._claim(job_id, me)
        if claimed is None:
            return SKIPPED, 0.0
        name, args, attempt = claimed
        started = time.perf_counter()
        with self._lock:
            self._running[job_id] = me
        self._ensure_heartbeat()
        try:
            outcome = self._do(job_id, me, name, args, attempt)
        finally:
            with self._lock:
                self._running.pop(job_id, None)
        took = time.perf_counter() - started
        for observe in self.observers:
            observe(name, outcome[0], took)
        return outcome

    def _claim(self, job_id: int, me: str) -> tuple[str, dict[str, Any], int] | None:
        now = utcnow()
        with self.sessions() as session:
            result = session.execute(
                sa.update(Job)
                .where(
                    Job.id == job_id,
                    sa.or_(
                        sa.and_(
                            Job.state.in_((JOB_PENDING, JOB_QUEUED)),
                            sa.or_(Job.run_after.is_(None), Job.run_after <= now),
                        ),
                        self._abandoned(now),
                    ),
                )
                .values(
                    state=JOB_RUNNING,
                    attempts=Job.attempts + 1,
                    worker=me,
                    started_at=now,
                    heartbeat_at=now,
                )
            )
            if cast(CursorResult[Any], result).rowcount != 1:
                session.rollback()
                return None
            row = session.get_one(Job, job_id)
            claimed = (row.name, dict(row.args or {}), row.attempts)
            session.commit()
        if claimed[2] > 1:
            log.info("job %s (%s): attempt %d", job_id, claimed[0], claimed[2])
        return claimed

    def _do(self, job_id: int, me: str, name: str, args: dict[str, Any], attempt: int) -> Outcome:
        spec = REGISTRY.get(name)
        with self.around(), self.sessions() as session:
            try:
                if spec is None:
                    raise GiveUp(f"no job is registered as {name!r}")
                ctx = JobContext(job_id, name, attempt, session, self.sessions, self.matcher)
                spec.handler(ctx, **args)
                if not self._finish(session, job_id, me, attempt, JOB_DONE):
                    session.rollback()
                    log.warning("job %s (%s) was taken over meanwhile: dropped", job_id, name)
                    return SKIPPED, 0.0
                session.commit()
                return DONE, 0.0
            except Exception as exc:
                session.rollback()
                error = _describe(exc)
                final = isinstance(exc, GiveUp) or spec is None or attempt >= spec.max_attempts
                if isinstance(exc, Retry | GiveUp):
                    log.warning("job %s (%s), attempt %d: %s", job_id, name, attempt, error)
                else:
                    log.exception("job %s (%s), attempt %d failed", job_id, name, attempt)
                if final:
                    if spec is not None and spec.on_give_up is not None:
                        spec.on_give_up(session, args, error)
                    self._finish(session, job_id, me, attempt, JOB_FAILED, error)
                    session.commit()
                    return FAILED, 0.0
                assert spec is not None
                delay = spec.delay(attempt)
                session.execute(
                    sa.update(Job)
                    .where(Job.id == job_id, Job.worker == me, Job.attempts == attempt)
                    .values(state=JOB_PENDING, run_after=utcnow() + delay, error=error)
                )
                session.commit()
                return RETRY, delay.total_seconds()

    def _abandoned(self, now: dt.datetime) -> sa.ColumnElement[bool]:
        """Running, but its worker stopped beating: it died."""
        return sa.and_(Job.state == JOB_RUNNING, Job.heartbeat_at < now - self.stale_after)

    def _finish(
        self, session: Session, job_id: int, me: str, attempt: int, state: str, error: str = ""
    ) -> bool:
        """Record the outcome if this worker still holds the job; False when it does not."""
        result = session.execute(
            sa.update(Job)
            .where(Job.id == job_id, Job.worker == me, Job.attempts == attempt)
            .values(state=state, finished_at=utcnow(), error=error or None)
        )
        return cast(CursorResult[Any], result).rowcount == 1

    # -- heartbeats --------------------------------------------------------------

    def _ensure_heartbeat(self) -> None:
        with self._lock:
            if self._beat is None or not self._beat.is_alive():
                self._beat = threading.Thread(target=self._heartbeat, name="job-heartbeat")
                self._beat.daemon = True
                self._beat.start()

    def _heartbeat(self) -> None:
        while True:
            time.sleep(self.heartbeat_every)
            with self._lock:
                running = dict(self._running)
            if not running:
                with self._lock:
                    if not self._running:  # nothing to keep alive: end until the next job
                        self._beat = None
                        return
                continue
            try:
                with self.sessions() as session:
                    for job_id, me in running.items():
                        session.execute(
                            sa.update(Job)
                            .where(Job.id == job_id, Job.worker == me)
                            .values(heartbeat_at=utcnow())
                        )
                    session.commit()
            except Exception:  # best effort: a missed beat or two is within stale_after
                log.warning("could not record job heartbeats", exc_info=True)

    # -- handing out -------------------------------------------------------------

    def due(self, limit: int = 500) -> list[tuple[int, str]]:
        """Jobs to hand to the backend (again): (id, name), oldest first."""
        now = utcnow()
        grace = self.grace
        with self.sessions() as session:
            rows = session.execute(
                sa.select(Job.id, Job.name)
                .where(
                    sa.or_(
                        sa.and_(
                            Job.state == JOB_PENDING,
                            sa.or_(
                                sa.and_(Job.run_after.is_(None), Job.created_at <= now - grace),
                                Job.run_after <= now,
                            ),
                        ),
                        sa.and_(Job.state == JOB_QUEUED, Job.queued_at <= now - self.requeue_after),
                        self._abandoned(now),
                    )
                )
                .order_by(Job.id)
                .limit(limit)
            ).all()
        return [(int(i), str(n)) for i, n in rows]

    def mark_queued(self, job_ids: list[int]) -> None:
        """Record that these jobs were handed to the broker (unless they moved on already)."""
        if not job_ids:
            return
        now = utcnow()
        with self.sessions() as session:
            session.execute(
                sa.update(Job)
                .where(
                    Job.id.in_(job_ids),
                    sa.or_(
                        Job.state.in_((JOB_PENDING, JOB_QUEUED)),
                        self._abandoned(now),
                    ),
                )
                .values(state=JOB_QUEUED, queued_at=now)
            )
            session.commit()


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:1000] if text else type(exc).__name__
