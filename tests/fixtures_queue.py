"""Fixtures for the job-queue tests: a deployment (database, gunicorn, `commonground worker`s)
and a Redis of our own.

Everything runs the real app (tests/served_app.py, with the fake encoder) against a
real PostgreSQL database and a real broker. The machine's shared Redis and RabbitMQ
are only ever used through queue names of our own (JOB_QUEUE_PREFIX); the test that
stops a broker starts its own `redis-server` on a free port (`own_redis`). `people` and
`CSRF` create nothing and are imported.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from conftest import free_port

from models import Attendee, Event, Job, MatchRun, Organizer, Suggestion
from models.db import make_engine, make_session_factory
from models.migrate import upgrade
from web.services.api_keys import create_key

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TOPICS = ["carbon capture", "heat pumps", "soil carbon", "grid storage", "climate policy"]


def people(n: int, tag: str = "") -> list[dict[str, Any]]:
    """`n` attendees with overlapping interests (the same for every event given `tag`)."""
    return [
        {
            "email": f"p{i}{tag}@example.org",
            "name": f"Person {i}",
            "interests": [TOPICS[i % 5], f"topic {i % 7}", f"theme {i % 3}{tag}"],
            "looking_for": ["a co-founder"] if i % 2 else [],
            "offering": ["engineering help"] if i % 3 == 0 else [],
        }
        for i in range(n)
    ]


class Deployment:
    """A database with events, and the environment its processes share."""

    def __init__(self, database_url: str, broker_url: str, tmp: Path, **env: str) -> None:
        self.url = database_url
        self.engine = make_engine(database_url)
        upgrade(self.engine)
        self.sessions = make_session_factory(self.engine)
        self.tmp = tmp
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "BROKER_URL": broker_url,
            "JOB_QUEUE_PREFIX": f"cgtest-{uuid.uuid4().hex[:10]}",
            "SECRET_KEY": "test-secret",
            "RATELIMIT_ENABLED": "0",
            "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
            "HF_HUB_OFFLINE": "1",
            "JOB_STALE_AFTER": "6",  # a killed worker's job is taken over within seconds
            **env,
        }
        self.processes: list[tuple[subprocess.Popen[bytes], Path]] = []
        self.key = ""

    # -- data ------------------------------------------------------------------

    def add_event(self, slug: str, attendees: list[dict[str, Any]]) -> int:
        """An event of the test organizer with these attendees; returns its id."""
        with self.sessions() as session:
            organizer = session.scalar(sa.select(Organizer))
            if organizer is None:
                organizer = Organizer(email="org@example.org", password_hash="x")
                session.add(organizer)
                session.flush()
                _row, self.key = create_key(session, organizer, "queue tests")
            event = Event(slug=slug, name=slug.title(), organizer_id=organizer.id)
            session.add(event)
            session.flush()
            for person in attendees:
                attendee = Attendee(event_id=event.id, **person)
                attendee.issue_private_token()
                session.add(attendee)
            session.commit()
            return event.id

    def jobs(self, *where: Any) -> list[Job]:
        """Job rows (detached), oldest first."""
        with self.sessions() as session:
            return list(session.scalars(sa.select(Job).where(*where).order_by(Job.id)))

    def runs(self) -> dict[int, MatchRun]:
        """Every matching run by id."""
        with self.sessions() as session:
            return {r.id: r for r in session.scalars(sa.select(MatchRun))}

    def lists(self, event_id: int) -> dict[str, list[tuple[int, str, float]]]:
        """Each attendee's suggestions as (rank, other's email, score), by email."""
        with self.sessions() as session:
            email = dict(session.execute(sa.select(Attendee.id, Attendee.email)).all())
            lists: dict[str, list[tuple[int, str, float]]] = {}
            rows = session.scalars(sa.select(Suggestion).where(Suggestion.event_id == event_id))
            for s in rows:
                lists.setdefault(email[s.attendee_id], []).append(
                    (s.rank, email[s.other_id], round(s.score, 6))
                )
        return {k: sorted(v) for k, v in lists.items()}

    def wait_for(self, what: str, check: Any, timeout: float = 120.0) -> Any:
        """Poll `check()` until it is truthy; fail naming `what` (with the logs)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            time.sleep(0.3)
        raise AssertionError(f"timed out waiting for {what}\n{self.logs()[-6000:]}")

    # -- processes -------------------------------------------------------------

    def _start(self, name: str, args: list[str], **env: str) -> subprocess.Popen[bytes]:
        log_path = self.tmp / f"{name}-{len(self.processes)}.log"
        with log_path.open("wb") as log_file:  # the child keeps its own copy
            process = subprocess.Popen(
                args,
                env={**self.env, **env},
                cwd=self.tmp,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append((process, log_path))
        return process

    def worker(self, **env: str) -> subprocess.Popen[bytes]:
        """A `commonground worker` (threads, 2 at once), once it is ready."""
        process = self._start(
            "worker",
            [str(BIN / "flask"), "--app", "served_app:create_app", "worker", "-c", "2"],
            **env,
        )
        log_path = self.processes[-1][1]
        self.wait_for(
            "the worker to start",
            lambda: process.poll() is not None or b" ready." in log_path.read_bytes(),
            120,
        )
        assert process.poll() is None, log_path.read_text()[-3000:]
        return process

    def gunicorn(self, workers: int = 2) -> tuple[subprocess.Popen[bytes], str]:
        """gunicorn with `workers` sync workers; (process, base URL) once it answers."""
        port = free_port()
        process = self._start(
            "gunicorn",
            [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}",
             "--timeout", "120", "served_app:create_app()"],
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"

        def up() -> bool:
            assert process.poll() is None, self.logs()[-3000:]
            try:
                return requests.get(f"{base}/healthz", timeout=2).status_code == 200
            except requests.RequestException:
                return False

        self.wait_for("gunicorn to answer", up, 120)
        return process, base

    def api(self, base: str, method: str, path: str, **kw: Any) -> requests.Response:
        """An API call with the organizer's key."""
        headers = {"Authorization": f"Bearer {self.key}"}
        return requests.request(method, f"{base}/api/v1{path}", headers=headers, timeout=30, **kw)

    def logs(self) -> str:
        """Every process's output so far."""
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')}" for _, path in self.processes
        )

    def stop(self) -> None:
        """Stop every process this deployment started (their whole process groups)."""
        for process, _ in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _ in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        self.engine.dispose()


@pytest.fixture
def make_deployment(postgres_url: str, tmp_path: Path) -> Iterator[Callable[..., Deployment]]:
    """`make_deployment(broker_url, **env)`: a Deployment on this test's PostgreSQL database.

    The processes it starts are stopped when the test ends.
    """
    made: list[Deployment] = []

    def make(broker_url: str, **env: str) -> Deployment:
        deployment = Deployment(postgres_url, broker_url, tmp_path, **env)
        made.append(deployment)
        return deployment

    yield make
    for deployment in made:
        deployment.stop()


@pytest.fixture
def deployment(make_deployment: Callable[..., Deployment], broker_url: str) -> Deployment:
    """A deployment on this test's database and broker (Redis and RabbitMQ each)."""
    return make_deployment(broker_url)


@pytest.fixture(scope="session")
def sign_up_over_http() -> Callable[[str, str, str, str], requests.Response]:
    """`sign_up_over_http(base, slug, email, interests)`: one person signs up through the real
    form (CSRF on); the response to the POST."""

    def sign_up(base: str, slug: str, email: str, interests: str) -> requests.Response:
        with requests.Session() as phone:
            form = phone.get(f"{base}/e/{slug}/join", timeout=30)
            token = CSRF.search(form.text)
            assert token, form.text[:500]
            return phone.post(
                f"{base}/e/{slug}/join",
                data={
                    "csrf_token": token.group(1),
                    "name": email.split("@")[0].title(),
                    "email": email,
                    "interests": interests,
                    "listed": "y",
                },
                allow_redirects=False,
                timeout=30,
            )

    return sign_up


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[tuple[str, Callable[[], None], Callable[[], None]]]:
    """A `redis-server` of this test on a free port: (URL, stop(), start()).

    It keeps nothing on disk, like a broker restarted after a crash: what was in it
    is gone, and only the database can say what work is still to do.
    """
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed"
    port = free_port()
    state: dict[str, subprocess.Popen[bytes]] = {}

    def start() -> None:
        state["p"] = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), 0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("our redis-server did not start")

    def stop() -> None:
        process = state.pop("p", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(10)

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", stop, start
    finally:
        stop()
