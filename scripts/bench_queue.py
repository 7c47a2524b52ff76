"""The job-queue half of the performance benchmark: matching throughput of `commonground
worker` processes on PostgreSQL and a real broker, and sign-ups matched by them.
Used by scripts/bench.py (section 6).

Each measurement gets a database of its own (created on the PostgreSQL server, dropped
after) and queue names of its own on the broker, so nothing is shared between them but
the machine: events matched earlier never leave phrase vectors for a later one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_match
import bench_web
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of `server_url`; dropped after."""
    name = f"cg_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Queue:
    """A database, a broker and the environment workers of this measurement share."""

    url: str
    broker: str
    prefix: str

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "BROKER_URL": self.broker,
            "JOB_QUEUE_PREFIX": self.prefix,
            "SECRET_KEY": bench_web.SECRET,
            "RATELIMIT_ENABLED": "0",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }

    def app(self, encoder: Any) -> Any:
        """The app in this process (it enqueues; the workers run the jobs)."""
        return bench_web.make_app(
            self.url, encoder, BROKER_URL=self.broker, JOB_QUEUE_PREFIX=self.prefix
        )


@contextmanager
def workers(queue: Queue, count: int, log_dir: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` `commonground worker` processes (2 jobs at once each), once all are ready
    (model loaded); stopped after."""
    procs: list[subprocess.Popen[bytes]] = []
    logs: list[Path] = []
    try:
        for i in range(count):
            log = log_dir / f"worker-{queue.prefix}-{i}.log"
            with log.open("wb") as out:
                procs.append(
                    subprocess.Popen(
                        [str(BIN / "flask"), "--app", "web:create_app", "worker", "-c", "2"],
                        cwd=ROOT, env=queue.env(), stdout=out, stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )  # fmt: skip
            logs.append(log)
        deadline = time.monotonic() + 300
        while not all(b" ready." in log.read_bytes() for log in logs):
            dead = [p for p in procs if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                raise RuntimeError("a worker did not start:\n" + logs[0].read_text()[-3000:])
            time.sleep(0.3)
        yield procs
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(10)


def store_vectors(app: Any, path: str, leave_out: Collection[str] = ()) -> None:
    """Store the phrase vectors of a `bench_match.MemoryStore` pickle in the app's
    database (the workers' shared store), but for the texts in `leave_out`."""
    import pickle

    from web.services.store import DatabaseStore

    with open(path, "rb") as f:
        vectors = pickle.load(f)
    by_model: dict[str, dict[str, Any]] = {}
    for (model, text), vec in vectors.items():
        if text not in leave_out:
            by_model.setdefault(model, {})[text] = vec
    for model, texts in by_model.items():
        DatabaseStore(app.extensions["cg_sessions"]).save(model, texts)


def _wait(check: Any, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.005)


def throughput(
    server_url: str, broker: str, encoder: Any, n_workers: int, events: int, size: int, seed: int
) -> dict[str, float]:
    """Match `events` events of `size` attendees at once with `n_workers` workers.

    Returns seconds from the runs being asked for to the last one done, and events
    per minute. Workers start (and load the model)
    before the clock starts; every event has phrases of its own (seeds differ).
    """
    from models import Event, MatchRun
    from web.services.runs import start_run

    with fresh_database(server_url) as url, tempfile.TemporaryDirectory() as tmp:
        queue = Queue(url, broker, f"cgbench-{uuid.uuid4().hex[:10]}")
        app = queue.app(encoder)
        ids = []
        for e in range(events):
            profiles = bench_match.make_event(size, seed + 1000 * (e + 1), 1.0)
            ids.append(bench_web.populate(app, url, profiles, slug=f"bench{e}").event_id)
        sessions = app.extensions["cg_sessions"]
        with workers(queue, n_workers, Path(tmp)):
            start = time.perf_counter()
            with app.app_context(), sessions() as session:
                for event_id in ids:
                    start_run(session, session.get_one(Event, event_id))
                session.commit()

            def done() -> bool:
                with sessions() as session:
                    runs = list(session.scalars(sa.select(MatchRun)))
                failed = [r.error for r in runs if r.status not in ("running", "done")]
                if failed:
                    raise RuntimeError(f"a run failed: {failed[0]}")
                return len(runs) == events and all(r.status == "done" for r in runs)

            _wait(done, "the matching runs", 3600)
            seconds = time.perf_counter() - start
        app.extensions["cg_engine"].dispose()
    return {"seconds": seconds, "per_minute": events / seconds * 60}


def signups_with_workers(
    server_url: str,
    broker: str,
    encoder: Any,
    n_workers: int,
    size: int,
    signups: int,
    seed: int,
    vectors: str | None = None,
) -> dict[str, Any]:
    """Sign-ups through the real form while `n_workers` workers run the jobs.

    An event of `size` with a full run's suggestions (made by the workers, untimed);
    then each sign-up is timed from sending the form to its refresh job being done
    (its suggestions stored), as section 3 times it in one process. The first sign-up
    of each worker builds that worker's event state: two per worker are untimed.
    `vectors`: a pickle of the event's phrase vectors (`scripts/bench_refresh.py
    --vectors` makes one), stored in the database first so the setup run does not
    embed them (22,000 texts at 10,000: tens of minutes on a loaded machine).
    """
    from models import Attendee, Event, Job, MatchRun, Suggestion
    from web.services.matching import refresh_key
    from web.services.runs import start_run

    warm = 2 * n_workers
    profiles = bench_match.make_event(size + signups + warm, seed, 1.0)
    with fresh_database(server_url) as url, tempfile.TemporaryDirectory() as tmp:
        queue = Queue(url, broker, f"cgbench-{uuid.uuid4().hex[:10]}")
        app = queue.app(encoder)
        if vectors:  # the newcomers' own texts are embedded by their sign-ups, as live
            event = set(bench_match.unique_phrases(profiles[:size]))
            store_vectors(app, vectors, set(bench_match.unique_phrases(profiles[size:])) - event)
        bench = bench_web.populate(app, url, profiles[:size])
        sessions = app.extensions["cg_sessions"]
        client = app.test_client()
        times: list[float] = []
        with workers(queue, n_workers, Path(tmp)):
            with app.app_context(), sessions() as session:
                start_run(session, session.get_one(Event, bench.event_id))
                session.commit()

            def run_done() -> bool:
                with sessions() as session:
                    status = session.scalar(sa.select(MatchRun.status))
                if status not in ("running", "done"):
                    raise RuntimeError(f"the setup run ended {status}")
                return status == "done"

            _wait(run_done, "the setup run", 3600)
            for i, p in enumerate(profiles[size:]):
                email = f"new{p.id}@bench.example"
                started = time.perf_counter()
                response = client.post(
                    f"/e/{bench.slug}/join", data=bench_web.signup_form(p, email)
                )
                if response.status_code != 303:
                    raise RuntimeError(f"sign-up failed with {response.status_code}")
                with sessions() as session:
                    me = session.scalar(sa.select(Attendee.id).where(Attendee.email == email))

                def matched(me: Any = me) -> bool:
                    with sessions() as session:
                        state = session.scalar(
                            sa.select(Job.state).where(Job.key == refresh_key(me))
                        )
                    if state == "failed":
                        raise RuntimeError("a sign-up's refresh job failed")
                    return state == "done"

                _wait(matched, "a sign-up's suggestions", 120)
                if i >= warm:
                    times.append(time.perf_counter() - started)
            with sessions() as session:
                new = [f"new{p.id}@bench.example" for p in profiles[size + warm :]]
                got = session.scalar(
                    sa.select(sa.func.count(sa.distinct(Suggestion.attendee_id)))
                    .join(Attendee, Attendee.id == Suggestion.attendee_id)
                    .where(Attendee.email.in_(new))
                )
        app.extensions["cg_engine"].dispose()
    return {"times": times, "with_suggestions": int(got or 0), "signups": len(new)}
