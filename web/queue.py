"""The app's job queue: threads of this process, or Celery workers over BROKER_URL.

`init_app` binds web.services.jobs to the app's sessions: a job enqueued in a
request is handed over when the request ends (web.db), one enqueued in a command or
a job when that commits. Without BROKER_URL the jobs run in this process's threads
(`InProcessBackend`); with it they are published to the broker for
`commonground worker` processes (`BrokerBackend`), whose relay thread hands over
whatever the broker did not get (it was down) or lost.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from flask import Flask, current_app

from web.config import broker_url
from web.services import jobs
from web.services.job_backends import BrokerBackend, InProcessBackend
from web.services.job_runner import JobRunner

log = logging.getLogger(__name__)

RELAY_EVERY = 2.0  # seconds between a worker's looks for jobs the broker did not get
PRUNE_EVERY = 6 * 3600.0
MEETING_REMINDERS_EVERY = 300.0  # meeting reminders go an hour ahead


def init_app(app: Flask) -> None:
    """Create the app's job runner and backend, and bind them to its sessions."""
    import web.tasks  # noqa: F401  (registers every job by name)

    sessions = app.extensions["cg_sessions"]
    runner = JobRunner(
        sessions,
        app.extensions["cg_matcher"],
        around=app.app_context,
        stale_after=float(app.config.get("JOB_STALE_AFTER", 30.0)),
        heartbeat_every=min(5.0, float(app.config.get("JOB_STALE_AFTER", 30.0)) / 4),
        requeue_after=float(app.config.get("JOB_REQUEUE_AFTER", 600.0)),
    )
    backend: InProcessBackend | BrokerBackend
    if broker_url(app):
        celery = make_celery(app, runner)
        app.extensions["cg_celery"] = celery
        backend = BrokerBackend(runner, _publisher(app, celery))
    else:
        in_process = backend = InProcessBackend(runner)

        @app.teardown_request
        def _sweep(_exc: BaseException | None) -> None:
            in_process.sweep()  # jobs a stopped worker left behind (rate-limited)

    jobs.bind(sessions, backend.dispatch)
    app.extensions["cg_job_runner"] = runner
    app.extensions["cg_jobs"] = backend


def job_backend(app: Flask | None = None) -> InProcessBackend | BrokerBackend:
    """The app's job backend."""
    backend: InProcessBackend | BrokerBackend = (app or current_app).extensions["cg_jobs"]
    return backend


def queue_names(app: Flask) -> dict[str, str]:
    """Our queue name -> the broker's queue name (JOB_QUEUE_PREFIX.name)."""
    prefix = app.config.get("JOB_QUEUE_PREFIX") or "commonground"
    return {q: f"{prefix}.{q}" for q in jobs.QUEUES}


def wait_for_jobs(app: Flask, timeout: float = 60.0) -> bool:
    """Block until this process's in-process jobs are done (tests, commands, shutdown).

    With a broker, wait until no job is left waiting or running in the database.
    """
    backend = job_backend(app)
    if isinstance(backend, InProcessBackend):
        return backend.wait(timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.extensions["cg_sessions"]() as session:
            left = jobs.backlog(session)
        if not left.waiting and not left.running:
            return True
        time.sleep(0.2)
    return False


# --- Celery -------------------------------------------------------------------------


def make_celery(app: Flask, runner: JobRunner) -> Any:
    """The Celery app over BROKER_URL: one task runs a job by id, one asks for periodic ones.

    Messages carry only the job's id; the database row is the truth. Acknowledged
    late and rejected when their worker is lost, so the broker gives a killed
    worker's job to another; the job's claim makes a second delivery harmless.
    """
    from celery import Celery
    from kombu import Exchange, Queue

    names = queue_names(app)
    celery = Celery("commonground", broker=broker_url(app), set_as_current=False)
    celery.conf.update(
        task_queues=[Queue(name, Exchange(name), routing_key=name) for name in names.values()],
        task_default_queue=names[jobs.DEFAULT_QUEUE],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        broker_connection_timeout=2.0,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": 3600, "socket_connect_timeout": 2},
        # A job whose connection dropped keeps running; its message comes back and
        # the job's claim turns it away (web.services.job_runner).
        worker_cancel_long_running_tasks_on_connection_loss=False,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        enable_utc=True,
        timezone="UTC",
        beat_schedule={
            "follow-up reminders": {
                "task": "commonground.periodic",
                "schedule": float(app.config.get("REMINDERS_EVERY", 3600.0)),
                "args": ("send_reminders",),
            },
            "meeting reminders": {
                "task": "commonground.periodic",
                "schedule": MEETING_REMINDERS_EVERY,
                "args": ("meeting_reminders",),
            },
            "forget finished jobs": {
                "task": "commonground.periodic",
                "schedule": PRUNE_EVERY,
                "args": ("prune_jobs",),
            },
        },
    )

    @celery.task(name="commonground.run_job")
    def run_job(job_id: int) -> str:
        return runner.run(int(job_id))[0]

    @celery.task(name="commonground.periodic")
    def periodic(name: str) -> None:
        enqueue_periodic(app, name)

    celery.conf.cg_run_job = run_job
    return celery


def _publisher(app: Flask, celery: Any) -> Any:
    names = queue_names(app)

    def publish(job_id: int, queue: str) -> None:
        celery.conf.cg_run_job.apply_async((job_id,), queue=names[queue], retry=False)

    return publish


def enqueue_periodic(app: Flask, name: str) -> bool:
    """Ask for the periodic job `name` unless one is still waiting or running."""
    key = f"periodic:{name}"
    with app.extensions["cg_sessions"]() as session:
        if jobs.unfinished(session, key):
            return False
        jobs.enqueue(session, name, key=key)
        session.commit()
    return True


def start_relay(app: Flask, every: float = RELAY_EVERY) -> threading.Thread:
    """A daemon thread handing the broker every job that is due (a worker runs one)."""
    backend = job_backend(app)
    assert isinstance(backend, BrokerBackend)

    def loop() -> None:
        while True:
            try:
                backend.relay_once()
            except Exception:  # database or broker down: try again shortly
                log.warning("job relay: %s", "could not hand jobs over", exc_info=True)
            time.sleep(every)

    thread = threading.Thread(target=loop, name=f"job-relay-{os.getpid()}", daemon=True)
    thread.start()
    return thread
