"""Matching runs outside the request: a job (web/tasks.py `match_run`) or a command.

A run is a `MatchRun` row. Its progress is written by a small reporter thread, so the
matching never waits on the progress writes (on SQLite the matching session holds the
write lock while it saves suggestions). At most one run per event is active, enforced
by the database across every worker and host. A run whose worker died is taken over
by another worker through its job, and finishes with the same suggestions; a run
with no job left (a command that was killed) is marked failed once its heartbeat is
stale, when the next one starts.

No Flask here: runs take the app's session factory and the worker's matcher.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from matcher import Matcher, ModelUnavailable
from models import Attendee, Contact, Event, MatchRun, PairExclusion, utcnow
from models.run import RUN_DONE, RUN_FAILED, RUN_RUNNING
from web.services.jobs import enqueue, unfinished
from web.services.matching import refresh_suggestions

log = logging.getLogger(__name__)

HEARTBEAT_EVERY = 5.0  # seconds
STALE_AFTER = dt.timedelta(minutes=2)
Progress = Callable[[str, float], None]


class RunInProgress(Exception):
    """The event already has an active run."""

    def __init__(self, run: MatchRun) -> None:
        super().__init__(f"run {run.id} of event {run.event_id} is still running")
        self.run = run


def latest_run(session: Session, event: Event) -> MatchRun | None:
    """The event's most recent run, if any (a run whose worker died shows as failed)."""
    _expire_stale(session, event.id)
    session.flush()
    return session.scalar(
        sa.select(MatchRun).where(MatchRun.event_id == event.id).order_by(MatchRun.id.desc())
    )


def inputs_fingerprint(session: Session, event: Event, model: str) -> str:
    """A digest of everything a run depends on; unchanged inputs need no new run."""
    attendees = session.execute(
        sa.select(
            sa.func.count(Attendee.id), sa.func.max(Attendee.id), sa.func.max(Attendee.updated_at)
        ).where(Attendee.event_id == event.id)
    ).one()
    contacts = session.execute(
        sa.select(sa.func.count(Contact.id), sa.func.max(Contact.id)).where(
            Contact.event_id == event.id
        )
    ).one()
    declined = session.execute(
        sa.select(sa.func.count(PairExclusion.id), sa.func.max(PairExclusion.id))
        .join(Attendee, Attendee.id == PairExclusion.attendee_id)
        .where(Attendee.event_id == event.id)
    ).one()
    settings = (
        event.suggestions_per_attendee,
        event.exposure_cap,
        event.exclude_same_company,
        event.personal_weight,
    )
    text = repr((tuple(attendees), tuple(contacts), tuple(declined), settings, model))
    return hashlib.sha256(text.encode()).hexdigest()


def job_key(run_id: int) -> str:
    """The key of the job that does run `run_id`."""
    return f"run:{run_id}"


def _expire_stale(session: Session, event_id: int) -> None:
    stale = session.scalars(
        sa.select(MatchRun).where(
            MatchRun.event_id == event_id,
            MatchRun.status == RUN_RUNNING,
            MatchRun.heartbeat_at < utcnow() - STALE_AFTER,
        )
    )
    for run in stale:
        if unfinished(session, job_key(run.id)):
            continue  # waiting for a worker, or about to be taken over: not lost
        log.warning("matching run %s of event %s stopped responding", run.id, event_id)
        _finish(run, RUN_FAILED, error="The run stopped unexpectedly (was the server restarted?).")


def _finish(run: MatchRun, status: str, error: str | None = None) -> None:
    run.status = status
    run.active_event_id = None
    run.error = error
    run.finished_at = utcnow()
    if status == RUN_DONE:
        run.phase, run.progress = "done", 1.0


def start_run(session: Session, event: Event) -> MatchRun:
    """Claim the event's single active-run slot and ask a worker to do the run.

    The run and its job are written in the caller's transaction and take effect
    together when it commits. Raises `RunInProgress` when another run is active.
    Flushes.
    """
    _expire_stale(session, event.id)
    session.flush()
    run = MatchRun(event_id=event.id, active_event_id=event.id, status=RUN_RUNNING)
    try:
        with session.begin_nested():  # a refused claim leaves the caller's work intact
            session.add(run)
    except IntegrityError:
        active = session.scalar(sa.select(MatchRun).where(MatchRun.active_event_id == event.id))
        if active is None:  # it finished in between: try once more
            return start_run(session, event)
        raise RunInProgress(active) from None
    enqueue(session, "match_run", {"run_id": run.id}, event_id=event.id, key=job_key(run.id))
    return run


def give_up(session: Session, args: dict[str, object], error: str) -> None:
    """The run's job gave up (its worker died every time): the run failed. Flushes."""
    run = session.get(MatchRun, args.get("run_id"))
    if run is not None and run.status == RUN_RUNNING:
        _finish(run, RUN_FAILED, error="The run stopped unexpectedly several times; see the log.")
        session.flush()


def create_run(sessions: sessionmaker[Session], event_id: int) -> MatchRun:
    """Claim the event's single active-run slot and return the new run (committed).

    Raises `RunInProgress` when another run of the event is active.
    """
    with sessions() as session:
        _expire_stale(session, event_id)
        session.commit()
        run = MatchRun(event_id=event_id, active_event_id=event_id, status=RUN_RUNNING)
        session.add(run)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            active = session.scalar(sa.select(MatchRun).where(MatchRun.active_event_id == event_id))
            if active is None:  # it finished in between: try once more
                return create_run(sessions, event_id)
            raise RunInProgress(active) from None
        return run


class _Reporter:
    """Writes the latest progress of a run every so often, from its own thread."""

    def __init__(self, sessions: sessionmaker[Session], run_id: int) -> None:
        self.sessions = sessions
        self.run_id = run_id
        self.state: tuple[str, float] = ("starting", 0.0)
        self.written: tuple[str, float] | None = None
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.changed = threading.Event()
        self.thread = threading.Thread(
            target=self._loop, name=f"run-{run_id}-progress", daemon=True
        )

    def update(self, phase: str, progress: float) -> None:
        with self.lock:
            self.state = (phase[:40], max(0.0, min(1.0, float(progress))))
        self.changed.set()

    def _loop(self) -> None:
        while not self.stopped.is_set():
            self.changed.wait(HEARTBEAT_EVERY)
            self.changed.clear()
            if self.stopped.is_set():
                break
            with self.lock:
                phase, progress = self.state
            try:
                with self.sessions() as session:
                    session.execute(
                        sa.update(MatchRun)
                        .where(MatchRun.id == self.run_id, MatchRun.status == RUN_RUNNING)
                        .values(phase=phase, progress=progress, heartbeat_at=utcnow())
                    )
                    session.commit()
            except Exception:  # progress is best effort; the run goes on
                log.warning("could not record progress of run %s", self.run_id, exc_info=True)
            self.stopped.wait(0.3)  # at most a few writes per second

    def __enter__(self) -> _Reporter:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopped.set()
        self.changed.set()
        self.thread.join()


def execute_run(
    sessions: sessionmaker[Session],
    matcher: Matcher,
    run_id: int,
    on_progress: Progress | None = None,
) -> MatchRun:
    """Do the run `run_id` in this thread: recompute suggestions and record the outcome.

    A run already finished is left as it is (its job was delivered again); a run
    left half-done by a worker that died is done again from the start, in one
    transaction, so it ends with the suggestions an undisturbed run stores.
    """
    with sessions() as session:
        run = session.get_one(MatchRun, run_id)
        if run.status != RUN_RUNNING:
            return run
        event = session.get_one(Event, run.event_id)
        try:
            with _Reporter(sessions, run_id) as reporter:

                def progress(phase: str, fraction: float) -> None:
                    reporter.update(phase, fraction)
                    if on_progress:
                        on_progress(phase, fraction)

                progress("loading", 0.01)
                model = matcher.encoder.name
                fingerprint = inputs_fingerprint(session, event, model)
                previous = session.scalar(
                    sa.select(MatchRun)
                    .where(MatchRun.event_id == event.id, MatchRun.status == RUN_DONE)
                    .order_by(MatchRun.id.desc())
                )
                if previous is not None and previous.fingerprint == fingerprint:
                    run.suggestions = previous.suggestions
                    log.info("event %s: nothing changed since run %s", event.slug, previous.id)
                else:
                    run.suggestions = refresh_suggestions(
                        session, matcher, event, progress=progress
                    )
                run.fingerprint = fingerprint
                session.commit()
        except Exception as exc:
            session.rollback()
            log.exception("matching run %s of event %s failed", run_id, event.slug)
            message = str(exc) if isinstance(exc, ModelUnavailable) else _describe(exc)
            run = session.get_one(MatchRun, run_id)
            _finish(run, RUN_FAILED, error=message)
            session.commit()
            return run
        _finish(run, RUN_DONE)
        session.commit()
        if on_progress:
            on_progress("done", 1.0)
        return run


def _describe(exc: Exception) -> str:
    detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    name = type(exc).__name__
    return (
        f"Matching failed ({name}{': ' + detail if detail else ''}). Details are in the server log."
    )
