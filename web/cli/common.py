"""Helpers shared by the commands: finding an event, writing a file atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click
import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from models import Event


def event_or_fail(session: Session, slug: str) -> Event:
    """The event `slug`, or a clear CLI error."""
    event = session.scalar(sa.select(Event).where(Event.slug == slug))
    if event is None:
        raise click.ClickException(f"There is no event with the short name {slug!r}.")
    return event


def valid_email(email: str) -> str:
    """`email` normalised and lower-cased, or a clear CLI error."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from None


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A file next to `path`, renamed into place at the end: a failure leaves no half file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise click.ClickException(f"Cannot write {path}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def follow_jobs(job_ids: list[int], label: str) -> tuple[int, int, int]:
    """Show the progress of jobs a command asked for; (done, retrying, failed).

    Without a broker the jobs run in this process, so the command waits for them
    (a retry with a later time is left to the next sweep of a running server).
    With a broker it says the workers do them and returns at once.
    """
    from flask import current_app

    from web.config import broker_url
    from web.queue import job_backend
    from web.services.job_backends import InProcessBackend

    if not job_ids:
        return 0, 0, 0
    if broker_url():
        click.echo(f"{label}: {len(job_ids)} job(s) queued for the workers.")
        return 0, 0, 0
    backend = job_backend()
    assert isinstance(backend, InProcessBackend)
    sessions = current_app.extensions["cg_sessions"]
    with click.progressbar(length=len(job_ids), label=label) as bar:
        shown = 0
        while True:
            counts = _job_counts(sessions, job_ids)
            settled = counts["done"] + counts["failed"] + counts["retrying"]
            bar.update(settled - shown)
            shown = settled
            if settled >= len(job_ids) or backend.wait(0.5):
                counts = _job_counts(sessions, job_ids)
                break
    return counts["done"], counts["retrying"], counts["failed"]


def _job_counts(sessions: Any, job_ids: list[int]) -> dict[str, int]:
    from models import Job
    from models.job import JOB_DONE, JOB_FAILED, JOB_PENDING

    counts = {"done": 0, "failed": 0, "retrying": 0}
    with sessions() as session:
        for start in range(0, len(job_ids), 500):
            rows = session.execute(
                sa.select(Job.state, Job.run_after).where(Job.id.in_(job_ids[start : start + 500]))
            )
            for state, run_after in rows:
                if state == JOB_DONE:
                    counts["done"] += 1
                elif state == JOB_FAILED:
                    counts["failed"] += 1
                elif state == JOB_PENDING and run_after is not None:
                    counts["retrying"] += 1
    return counts
