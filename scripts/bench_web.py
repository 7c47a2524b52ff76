"""The web half of the performance benchmark: an event in a real database, sign-ups,
scans, and HTTP load against gunicorn on loopback. Used by scripts/bench.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask

from matcher import Profile
from models import Attendee, Event, hash_token
from models.attendee import new_private_token

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret-not-for-production"


@dataclass
class BenchEvent:
    """An event of generated attendees in a database, with tokens to act as them."""

    app: Flask
    url: str
    slug: str
    event_id: int
    ids: list[int]
    badge: dict[int, str] = field(default_factory=dict)  # attendee id -> badge token
    private: dict[int, str] = field(default_factory=dict)  # attendee id -> private token


def make_app(url: str, encoder: Any, **config: Any) -> Flask:
    """The real app on `url` (migrated), with `encoder`, CSRF and rate limits off."""
    from models.migrate import upgrade
    from web import create_app

    app = create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": SECRET,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "MATCHER_ENCODER": encoder,
            **config,
        }
    )
    upgrade(app.extensions["cg_engine"])
    return app


def populate(app: Flask, url: str, profiles: list[Profile], slug: str = "bench") -> BenchEvent:
    """Store `profiles` as the attendees of a new event (one transaction)."""
    sessions = app.extensions["cg_sessions"]
    with sessions() as session:
        event = Event(slug=slug, name=f"Benchmark {len(profiles)}")
        session.add(event)
        session.flush()
        bench = BenchEvent(app, url, slug, event.id, [])
        people = []
        tokens = []
        for p in profiles:
            token = new_private_token()
            person = Attendee(
                event_id=event.id,
                email=f"p{p.id}@bench.example",
                name=p.name,
                headline=p.headline,
                company=p.company,
                interests=p.interests,
                personal_interests=p.personal_interests,
                looking_for=p.looking_for,
                offering=p.offering,
                organizations=p.organizations,
                about=p.about,
                links=[],
                private_token_hash=hash_token(token),
            )
            people.append(person)
            tokens.append(token)
        session.add_all(people)
        session.commit()
        for person, token in zip(people, tokens, strict=True):
            bench.ids.append(person.id)
            bench.badge[person.id] = person.badge_token
            bench.private[person.id] = token
    return bench


def full_refresh(bench: BenchEvent) -> float:
    """Recompute every suggestion of the event as an organizer's run does: seconds."""
    from web.extensions import get_matcher
    from web.services.matching import refresh_suggestions

    with bench.app.app_context():
        sessions = bench.app.extensions["cg_sessions"]
        with sessions() as session:
            event = session.get_one(Event, bench.event_id)
            start = time.perf_counter()
            refresh_suggestions(session, get_matcher(), event)
            session.commit()
            return time.perf_counter() - start


def signup_form(p: Profile, email: str) -> dict[str, str]:
    """The sign-up form as a browser posts it."""
    return {
        "name": p.name,
        "email": email,
        "headline": p.headline,
        "interests": "; ".join(p.interests),
        "personal_interests": "; ".join(p.personal_interests),
        "looking_for": "; ".join(p.looking_for),
        "offering": "; ".join(p.offering),
        "organizations": "; ".join(p.organizations),
        "about": p.about,
        "listed": "y",
    }


def signups(bench: BenchEvent, profiles: list[Profile]) -> tuple[list[float], list[float]]:
    """Sign each profile up through the real form (test client) and wait for the job that
    matches it: (wall s, CPU s) from sending the form to the suggestions being stored."""
    from web.queue import wait_for_jobs

    client = bench.app.test_client()
    times, cpu = [], []
    for p in profiles:
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.post(
            f"/e/{bench.slug}/join", data=signup_form(p, f"new{p.id}@bench.example")
        )
        if response.status_code != 303:  # stored, then off to the welcome page
            raise RuntimeError(f"sign-up failed with {response.status_code}")
        wait_for_jobs(bench.app)  # the refresh runs in a thread of this process
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu


def new_suggestions(bench: BenchEvent, emails: list[str]) -> tuple[int, int]:
    """(attendees among `emails` with at least one suggestion, how many of them)."""
    from models import Suggestion

    with bench.app.extensions["cg_sessions"]() as session:
        ids = list(
            session.scalars(
                sa.select(Attendee.id).where(
                    Attendee.event_id == bench.event_id, Attendee.email.in_(emails)
                )
            )
        )
        with_any = session.scalar(
            sa.select(sa.func.count(sa.distinct(Suggestion.attendee_id))).where(
                Suggestion.attendee_id.in_(ids)
            )
        )
    return int(with_any or 0), len(ids)


def lists_of(bench: BenchEvent, emails: list[str]) -> dict[str, set[int]]:
    """Each attendee's (by email) suggested people."""
    from models import Suggestion

    with bench.app.extensions["cg_sessions"]() as session:
        rows = session.execute(
            sa.select(Attendee.email, Suggestion.other_id)
            .join(Suggestion, Suggestion.attendee_id == Attendee.id)
            .where(Attendee.event_id == bench.event_id, Attendee.email.in_(emails))
        ).all()
    out: dict[str, set[int]] = {e: set() for e in emails}
    for email, other in rows:
        out[email].add(int(other))
    return out


def session_cookie(bench: BenchEvent, attendee_id: int) -> tuple[Any, str]:
    """A test client signed in as `attendee_id`, and its session cookie value."""
    client = bench.app.test_client()
    # The link names whose page it is; its POST signs the device in.
    response = client.post(f"/m/{bench.private[attendee_id]}")
    if response.status_code != 302:
        raise RuntimeError(f"private link failed with {response.status_code}")
    # ...and, as a browser that has shown one page, it holds the CSRF token that pages'
    # forms put in the session: a cookie without one is re-signed and sent again with
    # every page (the token is added each time), which no browser replaying its
    # cookie ever causes.
    client.get(f"/e/{bench.slug}/me")
    cookie = client.get_cookie("session")
    return client, cookie.value if cookie else ""


def scans(bench: BenchEvent, viewer: int, others: list[int]) -> tuple[list[float], list[float]]:
    """Open each other's badge as the signed-in `viewer`: (wall s, CPU s) per request."""
    client, _ = session_cookie(bench, viewer)
    times, cpu = [], []
    for other in others:
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(f"/b/{bench.badge[other]}")
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if response.status_code != 200 or b"You and" not in response.data:
            raise RuntimeError(f"scan failed with {response.status_code}")
    return times, cpu


# --- HTTP under load ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start in time")


def _parse_wrk(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    units = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}
    for pct in ("50", "90", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        if m:
            out[f"p{pct}_ms"] = float(m.group(1)) * units[m.group(2)]
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else 0.0
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = float(m.group(1)) if m else 0.0
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors += sum(int(x) for x in m.groups()) if m else 0
    out["errors"] = float(errors)
    return out


# Each wrk thread runs its own copy of the script: thread k of n takes paths k,
# k + n, k + 2n, ... so no two threads ask for the same path until the list wraps.
_LUA = """
paths = {%s}
local started = 0
setup = function(thread)
  thread:set("offset", started)
  started = started + 1
end
counter = 0
request = function()
  local i = (counter * %d + (offset or 0)) %% #paths
  counter = counter + 1
  return wrk.format("GET", paths[i + 1], {["Cookie"] = "session=%s"})
end
"""
WRK_THREADS = 2


def _warm(base: str, paths: list[str], cookie: str) -> None:
    """Requests on 8 connections at once until each path of `paths[:16]` has answered:
    both workers build the event's matching state (seconds at 10,000) before the
    measurement. One after another, every warm-up request could reach the same worker,
    and the other then built its state inside the measured seconds."""

    def get(path: str) -> None:
        req = urllib.request.Request(base + path, headers={"Cookie": f"session={cookie}"})
        with urllib.request.urlopen(req, timeout=120):
            pass

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(get, (paths * 16)[:16]))
        list(pool.map(get, (paths * 16)[:16]))


def http_load(
    bench: BenchEvent, viewer: int, targets: dict[str, list[str]], seconds: int, connections: int
) -> dict[str, dict[str, float]]:
    """gunicorn (2 sync workers) on loopback, wrk with `connections` for each target.

    `targets` maps a label to the paths to cycle through. Returns per label: rps,
    p50/p90/p99 latency (ms), requests and errors (non-2xx/3xx plus socket errors).
    """
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    _, cookie = session_cookie(bench, viewer)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": bench.url,
        "SECRET_KEY": SECRET,
        "RATELIMIT_ENABLED": "0",
        "MATCHER_WARM_UP": "1",  # as in production: model and stored phrases at start
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    with tempfile.TemporaryFile() as log_file:
        proc = subprocess.Popen(
            [gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
             "--timeout", "120", "web:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )  # fmt: skip
        results: dict[str, dict[str, float]] = {}
        try:
            _wait_up(base, proc, 120)
            with tempfile.TemporaryDirectory() as tmp:
                for label, paths in targets.items():
                    _warm(base, paths, cookie)
                    script = Path(tmp) / f"{label}.lua"
                    quoted = ", ".join(f'"{p}"' for p in paths)
                    script.write_text(_LUA % (quoted, WRK_THREADS, cookie))
                    run = subprocess.run(
                        [wrk, "-t", str(WRK_THREADS), "-c", str(connections), "-d", f"{seconds}s",
                         "--latency",
                         "--timeout", "10s", "-s", str(script), base],
                        capture_output=True, text=True, timeout=seconds + 60, check=False,
                    )  # fmt: skip
                    results[label] = _parse_wrk(run.stdout)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return results
