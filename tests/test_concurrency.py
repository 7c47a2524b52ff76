"""A sign-up burst against gunicorn with several workers, on PostgreSQL and on SQLite (WAL).

The app runs as it does in production (`gunicorn 'web:create_app()'`-style, CSRF on,
real forms) with the fake encoder (tests/served_app.py), so the test is about the
database and the workers, not the model.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from models import Attendee, Event, Suggestion
from models.db import make_engine, make_session_factory
from models.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
LINK = re.compile(r'id="private-link" href="[^"]*/m/([A-Za-z0-9_-]+)"')

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(base URL, database URL) of gunicorn with 3 workers on a migrated database with one event."""
    engine = make_engine(database_url)
    upgrade(engine)
    with make_session_factory(engine)() as session:
        session.add(Event(slug="burst", name="Burst"))
        session.commit()
    engine.dispose()
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_ENABLED": "0",  # one test client is many people here
        # Past 40 attendees a sign-up updates only the lists it changes (as large events do).
        "MATCHING_INCREMENTAL_FROM": "40",
        "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
        "HF_HUB_OFFLINE": "1",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--threads",
            "4",
            "--timeout",
            "120",
            "served_app:create_app()",
        ],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # still booting
                pass
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.3)
        yield base, database_url
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        log.close()
    text = (tmp_path / "gunicorn.log").read_text()
    assert "Traceback" not in text, text[-5000:]


def _sign_up(base: str, email: str, name: str, interests: str) -> tuple[int, str | None]:
    """One person on their own phone: open the form, send it. (status, private token)."""
    with requests.Session() as phone:
        # A fresh connection per request: no race with the server's keep-alive timeout.
        phone.headers["Connection"] = "close"
        form = phone.get(f"{base}/e/burst/join", timeout=120)
        token = CSRF.search(form.text)
        assert token, form.text[:500]
        response = phone.post(
            f"{base}/e/burst/join",
            data={
                "csrf_token": token.group(1),
                "name": name,
                "email": email,
                "interests": interests,
                "looking_for": "a co-founder",
                "offering": "advice on fundraising",
                "listed": "y",
            },
            timeout=120,
        )
        link = LINK.search(response.text)
        return response.status_code, link.group(1) if link else None


def _burst(base: str, people: list[tuple[str, str, str]]) -> list[tuple[int, str | None]]:
    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(lambda p: _sign_up(base, *p), people))


def _stored(database_url: str) -> tuple[list[Attendee], set[int]]:
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            people = list(session.scalars(sa.select(Attendee).order_by(Attendee.id)))
            suggested = set(session.scalars(sa.select(Suggestion.attendee_id)))
    finally:
        engine.dispose()
    return people, suggested


def test_a_burst_of_sign_ups_is_stored_once_each_and_everyone_gets_suggestions(served) -> None:  # type: ignore[no-untyped-def]
    base, database_url = served
    people = [
        (f"person{i}@example.org", f"Person {i}", f"carbon capture; topic {i % 9}")
        for i in range(100)
    ]
    results = _burst(base, people)
    assert Counter(code for code, _ in results) == {200: 100}
    assert all(token for _, token in results)
    stored, _ = _stored(database_url)
    assert sorted(a.email for a in stored) == sorted(email for email, _, _ in people)

    # 20 phones, one email: one attendee; the others are told the email is taken, and
    # the one link shown is the one that works.
    same = [("same@example.org", f"Same {i}", "carbon capture") for i in range(20)]
    results = _burst(base, same)
    assert Counter(code for code, _ in results) == {200: 1, 409: 19}
    stored, _ = _stored(database_url)
    assert [a.email for a in stored].count("same@example.org") == 1
    assert len(stored) == 101
    working = [t for _, t in results if t and requests.get(f"{base}/m/{t}", timeout=60).ok]
    assert len(working) == 1, "exactly one private link opens the page"

    # A matching run while sign-ups continue ends consistent: once the burst is over,
    # every stored attendee has suggestions.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
    }
    match = subprocess.Popen(
        [str(BIN / "flask"), "--app", "served_app:create_app", "match", "burst"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    more = [(f"late{i}@example.org", f"Late {i}", "carbon capture; soil") for i in range(20)]
    results = _burst(base, more)
    output, _ = match.communicate(timeout=180)
    assert match.returncode == 0, output
    assert Counter(code for code, _ in results) == {200: 20}
    deadline = time.monotonic() + 60
    while True:
        stored, suggested = _stored(database_url)
        missing = {a.email for a in stored if a.id not in suggested}
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert len(stored) == 121
    assert not missing, f"{len(missing)} attendees without suggestions: {sorted(missing)[:5]}"
