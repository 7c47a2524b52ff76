"""Shared fixtures: the app on a fresh database, clients, PostgreSQL, encoders."""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

IN_CI = os.environ.get("CI") == "true"
# Factory fixtures, one module per area (tests ask for them as arguments).
pytest_plugins = [
    "fixtures_api",
    "fixtures_attendee",
    "fixtures_meetings",
    "fixtures_organizer",
    "fixtures_queue",
    "fixtures_suggestions",
]

PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def require_tool(name: str) -> str:
    """Path of an external tool; skip without it, except under CI=true where it must exist."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (scripts/test.sh installs it when run as root)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


# --- the browser -------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(message: str) -> None:
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian chromium driven by Playwright (headless), shared by the session."""
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} is not installed (scripts/test.sh installs it when run as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - test extra not installed
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser.iphone_13 = {  # type: ignore[attr-defined]
            k: v for k, v in playwright.devices["iPhone 13"].items() if k != "default_browser_type"
        }
        yield browser
        browser.close()


# --- databases ---------------------------------------------------------------


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Admin URL of the PostgreSQL server; required under CI=true."""
    if not _postgres_reachable():
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI=true but {PG_ADMIN_URL} is unreachable")
        pytest.skip("PostgreSQL is not reachable")
    yield PG_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return str(request.getfixturevalue("postgres_url"))


# --- brokers -----------------------------------------------------------------

BROKERS = {
    "redis": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
    "rabbitmq": os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//"),
}


def _broker_reachable(url: str) -> bool:
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=3) as connection:
            connection.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


@pytest.fixture(params=sorted(BROKERS))
def broker_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs on Redis and on RabbitMQ; required under CI=true."""
    url = BROKERS[request.param]
    if not _broker_reachable(url):
        _missing(f"the {request.param} broker at {url} is unreachable")
    return url


# --- encoders ----------------------------------------------------------------


class FakeEncoder:
    """Deterministic bag-of-words vectors: for tests about mechanics, not quality.

    Phrases sharing a word get a positive similarity; unrelated ones are near 0.
    """

    name = "fake-encoder"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts_encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts_encoded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                h = int(hashlib.sha256(word.encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0
                out[i, (h >> 8) % self.dim] += 0.5
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    """A tiny deterministic encoder for mechanics tests."""
    return FakeEncoder()


@pytest.fixture(scope="session")
def real_encoder():  # type: ignore[no-untyped-def]
    """The bundled all-MiniLM-L6-v2, loaded once for the whole session."""
    from matcher import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    encoder.warm_up()
    return encoder


@pytest.fixture(scope="session")
def quality_event(real_encoder):  # type: ignore[no-untyped-def]
    """A human-judged quality set, matched once a session with the real model when a
    test first asks for it (read-only for tests): `quality_event("blind4")`."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import human_set

    from matcher import Matcher

    matched = {}

    def event(name: str):  # type: ignore[no-untyped-def]
        if name not in matched:
            state = Matcher(encoder=real_encoder).event(human_set.load_set(name).profiles, k=5)
            state.rematch()
            matched[name] = state
        return matched[name]

    return event


@pytest.fixture(scope="session")
def blind2_event(quality_event):  # type: ignore[no-untyped-def]
    """The blind2 quality set matched once with the real model (read-only for tests)."""
    return quality_event("blind2")


# --- mail ---------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on right now (loopback)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpInbox:
    """What the local SMTP server received, as parsed messages."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.received = threading.Event()
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
        self.received.set()
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, SmtpInbox]]:
    """A real SMTP server (aiosmtpd) on a free loopback port: yields (port, inbox)."""
    from aiosmtpd.controller import Controller

    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


# --- the app -----------------------------------------------------------------


@pytest.fixture
def app_factory(tmp_path):  # type: ignore[no-untyped-def]
    """Build an app on a fresh, migrated database; `encoder` may be injected."""
    from models.migrate import upgrade
    from web import create_app

    apps = []

    def make(database_url: str | None = None, encoder=None, **config):  # type: ignore[no-untyped-def]
        cfg = {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": database_url or f"sqlite:///{tmp_path / f'app{len(apps)}.db'}",
            "WTF_CSRF_ENABLED": False,
            "MATCHER_ENCODER": encoder,
        }
        cfg.update(config)
        app = create_app(cfg)
        upgrade(app.extensions["cg_engine"])
        apps.append(app)
        return app

    yield make
    from web.queue import job_backend, wait_for_jobs

    for app in apps:
        wait_for_jobs(app)  # work a request left running after its answer
        backend = job_backend(app)
        if hasattr(backend, "close"):
            backend.close()
        app.extensions["cg_engine"].dispose()


@pytest.fixture
def app(app_factory, fake_encoder):  # type: ignore[no-untyped-def]
    """The app on a temp SQLite database with the fake encoder (mechanics tests)."""
    return app_factory(encoder=fake_encoder)


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def runner(app):  # type: ignore[no-untyped-def]
    return app.test_cli_runner()
