"""Faults: the database goes away and back, a matching worker dies, the model is missing."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from matcher.encoding import ModelUnavailable, resolve_model_path
from models import Attendee, Event, MatchRun, Suggestion

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


class TcpProxy:
    """A loopback TCP proxy to PostgreSQL that a test can cut and restore."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.listener: socket.socket | None = None
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def drop_connections(self) -> None:
        """Cut every open connection (like a database restart)."""
        with self.lock:
            conns, self.conns = self.conns, []
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def stop(self) -> None:
        """Refuse new connections and cut the open ones (the database is unreachable)."""
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
            self.listener.close()
            self.listener = None
        self.drop_connections()


@pytest.fixture
def proxied_postgres(postgres_url: str):  # type: ignore[no-untyped-def]
    url = sa.make_url(postgres_url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    yield proxy, url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    proxy.stop()


def test_database_unreachable_gives_a_friendly_503_and_recovers_without_restart(
    app_factory, fake_encoder, proxied_postgres, make_public_event, sign_up, list_attendees
) -> None:
    proxy, url = proxied_postgres
    app = app_factory(database_url=url, encoder=fake_encoder)
    make_public_event(app)
    client = app.test_client()
    assert client.get("/e/conf/join").status_code == 200

    proxy.drop_connections()  # a database restart: pooled connections are dead
    assert client.get("/e/conf/join").status_code == 200

    proxy.stop()  # unreachable
    page = client.get("/e/conf/join")
    body = page.get_data(as_text=True)
    assert page.status_code == 503
    assert "briefly unavailable" in body and "Traceback" not in body and "psycopg" not in body
    assert "Content-Security-Policy" in page.headers
    api = client.get("/e/conf/join", headers={"Accept": "application/json"})
    assert api.status_code == 503
    assert api.get_json()["error"]["code"] == "service_unavailable"
    signup = client.post("/e/conf/join", data={"name": "Ada", "email": "a@example.org"})
    assert signup.status_code == 503

    proxy.start()  # back: the same app serves again
    assert client.get("/e/conf/join").status_code == 200
    sign_up(client, name="Ada", email="ada@example.org")
    assert [a.email for a in list_attendees(app)] == ["ada@example.org"]


# --- a matching worker killed mid-run ----------------------------------------


def _flask(database_url: str, *args: str, delay: float = 0.0) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
        "FAKE_ENCODER_DELAY": str(delay),
        "HF_HUB_OFFLINE": "1",
    }
    return subprocess.Popen(
        [str(BIN / "flask"), "--app", "served_app:create_app", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _outcome(process: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = process.communicate(timeout=120)
    return process.returncode, output or ""


def _people(n: int, start: int = 0) -> list[dict[str, object]]:
    return [
        {
            "name": f"Person {i}",
            "email": f"p{i}@example.org",
            "interests": ["carbon capture", f"topic {i % 7}", f"rare {i}"],
            "looking_for": [f"goal {i % 5}"],
            "offering": [f"goal {(i + 1) % 5}"],
        }
        for i in range(start, start + n)
    ]


def test_a_matching_run_killed_midway_loses_nothing_and_the_next_run_completes(
    app_factory, fake_encoder, database_url: str
) -> None:
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    engine, sessions = app.extensions["cg_engine"], app.extensions["cg_sessions"]
    runner = app.test_cli_runner()
    with sessions() as session:
        event = Event(slug="climate", name="Climate")
        session.add(event)
        session.flush()
        for person in _people(30):
            attendee = Attendee(event_id=event.id, **person)
            attendee.issue_private_token()
            session.add(attendee)
        session.commit()

    result = runner.invoke(args=["match", "climate"])
    assert result.exit_code == 0, result.output
    with sessions() as session:
        before = session.execute(
            sa.select(Suggestion.attendee_id, Suggestion.other_id, Suggestion.rank)
        ).all()
        event = session.scalars(sa.select(Event)).one()
        for person in _people(10, start=30):  # new people: the next run has work to do
            attendee = Attendee(event_id=event.id, **person)
            attendee.issue_private_token()
            session.add(attendee)
        session.commit()
    assert len(before) > 0

    victim = _flask(database_url, "match", "climate", delay=60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with sessions() as session:
            running = session.scalar(sa.select(MatchRun).where(MatchRun.status == "running"))
        if running is not None:
            break
        time.sleep(0.2)
    assert running is not None, "the run started"
    time.sleep(1.0)
    victim.send_signal(signal.SIGKILL)
    _outcome(victim)

    with sessions() as session:
        after = session.execute(
            sa.select(Suggestion.attendee_id, Suggestion.other_id, Suggestion.rank)
        ).all()
        assert sorted(after) == sorted(before), "the killed run changed nothing"
        assert session.scalar(sa.select(sa.func.count(Attendee.id))) == 40

    # Right away, the dead run still holds the slot: a clear message, nothing started.
    result = runner.invoke(args=["match", "climate"])
    assert result.exit_code != 0 and "already running" in result.output

    # Once its heartbeat is stale (as it is two minutes later), the next run takes over.
    with sessions() as session:
        session.execute(
            sa.update(MatchRun)
            .where(MatchRun.status == "running")
            .values(heartbeat_at=sa.func.now() - sa.text("interval '10 minutes'"))
            if engine.dialect.name == "postgresql"
            else sa.update(MatchRun)
            .where(MatchRun.status == "running")
            .values(heartbeat_at=sa.text("datetime('now', '-10 minutes')"))
        )
        session.commit()
    result = runner.invoke(args=["match", "climate"])
    assert result.exit_code == 0, result.output
    with sessions() as session:
        runs = session.scalars(sa.select(MatchRun).order_by(MatchRun.id)).all()
        assert [r.status for r in runs] == ["done", "failed", "done"]
        assert "stopped" in (runs[1].error or "")
        assert all(r.active_event_id is None for r in runs)
        have = set(session.scalars(sa.select(Suggestion.attendee_id)))
        everyone = set(session.scalars(sa.select(Attendee.id)))
        assert have == everyone, "every attendee has suggestions after the next run"


# --- the model ----------------------------------------------------------------


def _broken_model(tmp_path: Path, weights: bytes | None) -> Path:
    source = Path(resolve_model_path(""))
    target = tmp_path / "broken-model"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    if weights is not None:
        (target / "model.safetensors").write_bytes(weights)
    return target


@pytest.mark.parametrize("case", ["missing", "not-a-model", "empty-weights"])
def test_a_missing_or_broken_model_stops_the_app_naming_matcher_model(tmp_path, case) -> None:  # type: ignore[no-untyped-def]
    from web import create_app

    if case == "missing":
        model = tmp_path / "no-such-model"
    elif case == "not-a-model":
        model = tmp_path / "empty-folder"
        model.mkdir()
    else:
        model = _broken_model(tmp_path, b"")
    with pytest.raises(ModelUnavailable, match="MATCHER_MODEL") as failure:
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "MATCHER_MODEL": str(model)})
    assert str(model) in str(failure.value)


def test_corrupt_weights_are_caught_at_start_with_warm_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from web import create_app

    model = _broken_model(tmp_path, b"\x08\x00\x00\x00\x00\x00\x00\x00{garbage")
    config = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "MATCHER_MODEL": str(model)}
    create_app(config)  # the files look right: the cheap check passes
    with pytest.raises(ModelUnavailable, match="MATCHER_MODEL"):
        create_app({**config, "MATCHER_WARM_UP": True})


def test_gunicorn_fails_fast_with_the_message_when_the_model_is_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "SECRET_KEY": "test-secret",
        "MATCHER_MODEL": str(tmp_path / "no-such-model"),
    }
    started = time.monotonic()
    result = subprocess.run(
        [str(BIN / "gunicorn"), "--bind", "127.0.0.1:0", "--workers", "2", "web:create_app()"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert "MATCHER_MODEL" in result.stderr and "no-such-model" in result.stderr


def test_the_command_line_names_matcher_model_without_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from web.cli import cli

    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "SECRET_KEY": "test-secret",
        "MATCHER_MODEL": str(tmp_path / "no-such-model"),
    }
    result = CliRunner().invoke(cli, ["init-db"], env=env)
    assert result.exit_code == 1
    assert "Error: MATCHER_MODEL=" in result.output and "no-such-model" in result.output
    assert "Traceback" not in result.output
