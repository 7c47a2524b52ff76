"""`commonground worker` and `commonground scheduler`: the job queue's processes.

Run any number of workers, on any host that reaches the database and the broker
(BROKER_URL); one scheduler for the periodic jobs (or `worker --beat` on one host).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from web import metrics
from web.config import broker_url
from web.extensions import get_matcher, this_app
from web.queue import queue_names, start_relay
from web.services.jobs import QUEUES

NO_BROKER = (
    "BROKER_URL is not set, so jobs run inside the web server (no worker needed). "
    "Set BROKER_URL=redis://host:6379/0 or amqp://user:password@host:5672// to run workers."
)


def _celery() -> object:
    if not broker_url():
        raise click.ClickException(NO_BROKER)
    return current_app.extensions["cg_celery"]


@click.command("worker")
@click.option(
    "--concurrency", "-c", default=2, show_default=True, help="Jobs this process runs at once."
)
@click.option(
    "--queues",
    "-Q",
    default=",".join(QUEUES),
    show_default=True,
    help="Which queues to take jobs from: default (refreshes, mail), matching (runs).",
)
@click.option("--beat", is_flag=True, help="Also run the scheduler (on one worker only).")
@click.option(
    "--metrics-port", type=int, default=0, help="Serve Prometheus metrics on this port (0: no)."
)
@click.option("--loglevel", "-l", default="INFO", show_default=True)
@with_appcontext
def worker_command(
    concurrency: int, queues: str, beat: bool, metrics_port: int, loglevel: str
) -> None:
    """Run background jobs from the broker: matching, refreshes, imports' and reminder mail.

    The model is loaded before the first job. Jobs are acknowledged only when done:
    if this process dies, another worker takes its jobs over.
    """
    celery = _celery()
    names = queue_names(this_app())
    wanted = [q.strip() for q in queues.split(",") if q.strip()]
    unknown = [q for q in wanted if q not in names]
    if unknown or not wanted:
        raise click.BadParameter(f"choose from {', '.join(QUEUES)}", param_hint="--queues")
    app = this_app()
    get_matcher().warm_up()  # the first job should not wait for the model
    start_relay(app)
    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, registry=metrics.registry(app))
    argv = [
        "worker",
        "--pool=threads",
        f"--concurrency={max(1, concurrency)}",
        f"--queues={','.join(names[q] for q in wanted)}",
        f"--hostname=commonground-{os.getpid()}@{socket.gethostname()}",
        "--without-mingle",
        "--without-gossip",
        f"--loglevel={loglevel}",
    ]
    if beat:
        argv += ["--beat", f"--schedule={_schedule_file()}"]
    celery.worker_main(argv)  # type: ignore[attr-defined]


@click.command("scheduler")
@click.option("--loglevel", "-l", default="INFO", show_default=True)
@with_appcontext
def scheduler_command(loglevel: str) -> None:
    """Ask for periodic jobs (follow-up reminders hourly, forgetting old jobs); run one.

    Without it, run `commonground send-reminders` hourly from cron instead.
    """
    celery = _celery()
    celery.start(  # type: ignore[attr-defined]
        ["beat", f"--schedule={_schedule_file()}", f"--loglevel={loglevel}"]
    )


def _schedule_file() -> Path:
    return Path(current_app.instance_path) / "celerybeat-schedule"
