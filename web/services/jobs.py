"""Background jobs: enqueue by name with JSON arguments, run after the commit.

Every piece of work that follows a request, a command or another job goes through
`enqueue(session, name, args)`. It writes a `Job` row in the caller's transaction
(the transactional outbox) and nothing else: the work is handed to a backend only
once that transaction has committed — a rolled-back sign-up leaves no job, and a
committed one always has its job. Outside a web request the hand-over happens at
the commit; a request hands its jobs over when it ends (`dispatch_deferred`), so no
view ever sees its work start half-way through.

Backends (web.services.job_backends): threads of this process (no BROKER_URL), or
Celery over the broker. Jobs are registered by name with `@job` (web/tasks.py);
`web.services.job_runner` claims and runs them, exactly once per success.

No Flask here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from matcher import Matcher
from models import Job, utcnow
from models.job import JOB_PENDING, JOB_QUEUED, JOB_RUNNING, UNFINISHED

log = logging.getLogger(__name__)

DEFAULT_QUEUE = "default"
MATCHING_QUEUE = "matching"  # long, CPU-heavy work: runs and large imports
QUEUES = (DEFAULT_QUEUE, MATCHING_QUEUE)

# Keys in Session.info.
_NEW = "cg_jobs_new"  # enqueued in the open transaction: [(id, name)]
_COMMITTED = "cg_jobs_committed"  # committed, waiting for the request to end
DEFER = "cg_jobs_defer"  # set on a request's session: hand jobs over at its end
_DISPATCH = "cg_jobs_dispatch"  # the backend's dispatch(list of (id, name))

Dispatch = Callable[[list[tuple[int, str]]], None]


class Retry(Exception):
    """Raised by a job: try again later (e.g. the mail server did not answer)."""


class GiveUp(Exception):
    """Raised by a job: retrying cannot help; the job fails with this message."""


@dataclass(frozen=True)
class JobSpec:
    """A registered job: its handler, the queue it goes to, and its retry policy.

    `handler(ctx, **args)` does the work in `ctx.session`, which the runner commits.
    Attempt n+1 waits `backoff * 2**(n-1)` seconds; after `max_attempts` the job
    fails and `on_give_up(session, args, error)` records that where users see it.
    """

    name: str
    handler: Callable[..., None]
    queue: str = DEFAULT_QUEUE
    max_attempts: int = 5
    backoff: float = 30.0
    on_give_up: Callable[[Session, dict[str, Any], str], None] | None = None

    def delay(self, attempts: int) -> dt.timedelta:
        """How long to wait before the attempt after `attempts` failed ones."""
        return dt.timedelta(seconds=self.backoff * 2 ** max(0, attempts - 1))


REGISTRY: dict[str, JobSpec] = {}


@dataclass
class JobContext:
    """What a job's handler gets besides its arguments.

    `session` is the job's own transaction: the runner commits it (with the job
    marked done) when the handler returns. `sessions` makes more, for work that
    must be durable before a side effect (an email) or that reports progress.
    """

    job_id: int
    name: str
    attempt: int  # 1 for the first try
    session: Session
    sessions: sessionmaker[Session]
    matcher: Matcher


def job(
    name: str,
    *,
    queue: str = DEFAULT_QUEUE,
    max_attempts: int = 5,
    backoff: float = 30.0,
    on_give_up: Callable[[Session, dict[str, Any], str], None] | None = None,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register the decorated function as the job `name`."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def register(handler: Callable[..., None]) -> Callable[..., None]:
        REGISTRY[name] = JobSpec(name, handler, queue, max_attempts, backoff, on_give_up)
        return handler

    return register


def spec_of(name: str) -> JobSpec:
    """The registered job `name` (KeyError names it when there is none)."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"no job is registered as {name!r}") from None


def enqueue(
    session: Session,
    name: str,
    args: dict[str, Any] | None = None,
    *,
    event_id: int | None = None,
    key: str | None = None,
) -> Job:
    """Ask for job `name` with JSON `args`, once this session's transaction commits.

    `event_id` shows the job on that event's console; `key` names what it is about
    (e.g. "refresh:12"), so pages can tell whether work on it is still to come.
    Flushes; the caller's boundary commits, and the job runs after that.
    """
    spec_of(name)
    args = dict(args or {})
    json.dumps(args)  # JSON only: a job may run on another host
    row = Job(name=name, args=args, event_id=event_id, key=key, state=JOB_PENDING)
    session.add(row)
    session.flush()
    session.info.setdefault(_NEW, []).append((row.id, name))
    log.info("job %s (%s) asked for", row.id, name)
    return row


def enqueue_many(
    session: Session,
    name: str,
    many: list[dict[str, Any]],
    *,
    event_id: int | None = None,
) -> list[Job]:
    """`enqueue` for a batch (an import's emails): one job per args dict. Flushes."""
    spec_of(name)
    rows = [Job(name=name, args=dict(args), event_id=event_id, state=JOB_PENDING) for args in many]
    for row in rows:
        json.dumps(row.args)
    session.add_all(rows)
    session.flush()  # the ORM batches these inserts
    session.info.setdefault(_NEW, []).extend((row.id, name) for row in rows)
    return rows


def enqueued(session: Session) -> list[int]:
    """Ids of the jobs asked for in this session's open transaction."""
    return [job_id for job_id, _name in session.info.get(_NEW, [])]


def bind(sessions: sessionmaker[Session], dispatch: Dispatch) -> None:
    """Hand jobs enqueued in `sessions`' sessions to `dispatch` once they are committed."""
    sessions.configure(info={_DISPATCH: dispatch})
    sa.event.listen(sessions, "after_commit", _after_commit)
    sa.event.listen(sessions, "after_soft_rollback", _after_soft_rollback)


def _after_commit(session: Session) -> None:
    new = session.info.pop(_NEW, None)
    if not new:
        return
    if session.info.get(DEFER):
        session.info.setdefault(_COMMITTED, []).extend(new)
        return
    dispatch: Dispatch | None = session.info.get(_DISPATCH)
    if dispatch is not None:  # unbound sessions (tests, scripts): the sweep finds them
        dispatch(new)


def _after_soft_rollback(session: Session, previous: SessionTransaction) -> None:
    if not previous.nested:  # the jobs' rows are gone with the transaction
        session.info.pop(_NEW, None)


def dispatch_deferred(session: Session) -> None:
    """Hand over the jobs a request committed (call when the request ends)."""
    committed = session.info.pop(_COMMITTED, None)
    dispatch: Dispatch | None = session.info.get(_DISPATCH)
    if committed and dispatch is not None:
        dispatch(committed)


# --- what is still to come ----------------------------------------------------------


def unfinished(session: Session, key: str) -> bool:
    """True while a job about `key` is waiting or running."""
    return session.scalar(_UNFINISHED, {"key": key}) is not None


# Built once: my page asks on every visit (building costs more than running it).
_UNFINISHED = (
    sa.select(Job.id).where(Job.key == sa.bindparam("key"), Job.state.in_(UNFINISHED)).limit(1)
)


@dataclass(frozen=True)
class Backlog:
    """Jobs of an event not done yet: waiting for the broker, queued, running."""

    pending: int = 0
    queued: int = 0
    running: int = 0
    oldest: dt.datetime | None = None  # when the oldest waiting one was asked for

    @property
    def waiting(self) -> int:
        """Asked for and not started."""
        return self.pending + self.queued


def backlog(session: Session, event_id: int | None = None) -> Backlog:
    """How many jobs (of `event_id`, else all) wait or run, and since when."""
    query = sa.select(Job.state, sa.func.count(Job.id), sa.func.min(Job.created_at)).where(
        Job.state.in_(UNFINISHED)
    )
    if event_id is not None:
        query = query.where(Job.event_id == event_id)
    counts: dict[str, int] = {}
    oldest: dt.datetime | None = None
    for state, count, first in session.execute(query.group_by(Job.state)):
        counts[state] = int(count)
        if state != JOB_RUNNING and first is not None:
            first = first if first.tzinfo else first.replace(tzinfo=dt.UTC)
            oldest = first if oldest is None else min(oldest, first)
    return Backlog(
        counts.get(JOB_PENDING, 0), counts.get(JOB_QUEUED, 0), counts.get(JOB_RUNNING, 0), oldest
    )


def waiting_since(backlog: Backlog, now: dt.datetime | None = None) -> float:
    """Seconds the oldest waiting job has waited (0 when none waits)."""
    if backlog.oldest is None:
        return 0.0
    return max(0.0, ((now or utcnow()) - backlog.oldest).total_seconds())


__all__ = [
    "DEFAULT_QUEUE",
    "JOB_QUEUED",
    "MATCHING_QUEUE",
    "Backlog",
    "GiveUp",
    "JobContext",
    "JobSpec",
    "Retry",
    "backlog",
    "bind",
    "dispatch_deferred",
    "enqueue",
    "enqueue_many",
    "enqueued",
    "job",
    "spec_of",
    "unfinished",
]
