"""Matching runs: in the background, with progress that survives a reload, one at a time."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Sequence

import numpy as np
import pytest
import sqlalchemy as sa
from conftest import FakeEncoder

from matcher.encoding import ModelUnavailable
from models import MatchRun, Suggestion, utcnow
from web.queue import wait_for_jobs

TOPICS = ["carbon capture", "heat pumps", "grid storage", "climate policy", "soil carbon"]
HOBBIES = ["trail running", "jazz", "sailing", "birdwatching"]


class GatedEncoder(FakeEncoder):
    """The fake encoder, but it waits for `gate` (a run in progress) or fails on request."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.fail = False

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self.fail:
            raise ModelUnavailable(
                "Could not load the embedding model 'nope'. Check MATCHER_MODEL."
            )
        assert self.gate.wait(30), "the test never opened the gate"
        return super().encode(texts)


def people(n: int = 12) -> list[dict[str, object]]:
    return [
        {
            "email": f"p{i}@example.org",
            "name": f"Person {i}",
            "interests": [TOPICS[i % 5], TOPICS[(i + 2) % 5]],
            "personal_interests": [HOBBIES[i % 4]],
            "looking_for": ["a co-founder"] if i % 2 else [],
            "offering": ["engineering help"] if i % 3 == 0 else [],
        }
        for i in range(n)
    ]


@pytest.fixture
def setup(app_factory, database_url, make_event, make_attendees, login, make_organizer):  # type: ignore[no-untyped-def]
    encoder = GatedEncoder()
    app = app_factory(database_url=database_url, encoder=encoder)
    event_id = make_event(app, make_organizer(app))
    make_attendees(app, event_id, people())
    client = app.test_client()
    login(client)
    yield app, client, encoder
    encoder.gate.set()
    wait_for_jobs(app)


def status(client) -> dict[str, object]:  # type: ignore[no-untyped-def]
    response = client.get(
        "/organizer/events/climate/match/status", headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    return response.get_json()["run"]


def wait_until(predicate, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_a_run_works_in_the_background_and_reports_progress(setup, count) -> None:  # type: ignore[no-untyped-def]
    app, client, encoder = setup
    assert status(client)["status"] == "none"
    encoder.gate.clear()  # the run will stop inside the matcher until we let it go
    response = client.post("/organizer/events/climate/match")
    assert response.status_code == 302  # returned at once, the run goes on

    # The run waits inside the encoder: the status names that phase.
    running = wait_until(
        lambda: (s := status(client))["label"].startswith("Understanding interests") and s
    )
    assert running["status"] == "running" and 0 < running["progress"] < 1
    # Other requests are not blocked, and a reload shows the progress.
    started = time.monotonic()
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert time.monotonic() - started < 5
    assert 'data-run-status="running"' in page and "Understanding interests" in page
    # Only one run per event at a time.
    again = client.post("/organizer/events/climate/match", headers={"Accept": "application/json"})
    assert again.status_code == 409
    assert again.get_json()["run"]["id"] == running["id"]

    encoder.gate.set()
    done = wait_until(lambda: (s := status(client))["status"] == "done" and s)
    assert done["progress"] == 1.0 and done["suggestions"] > 0
    assert count(app, Suggestion) == done["suggestions"]
    assert count(app, MatchRun, MatchRun.active_event_id.is_not(None)) == 0
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert f"Done: {done['suggestions']} suggested introductions." in page
    assert 'data-stat="with_suggestions">12<' in page


def test_a_failed_run_records_why_and_can_run_again(setup, count) -> None:  # type: ignore[no-untyped-def]
    app, client, encoder = setup
    encoder.fail = True
    client.post("/organizer/events/climate/match")
    wait_for_jobs(app)
    failed = status(client)
    assert failed["status"] == "failed"
    assert "Check MATCHER_MODEL" in failed["error"]
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "The last run failed" in page and "Traceback" not in page

    encoder.fail = False
    client.post("/organizer/events/climate/match")
    wait_for_jobs(app)
    assert status(client)["status"] == "done"
    assert count(app, Suggestion) > 0


def test_a_run_whose_worker_died_does_not_block_the_next(setup) -> None:  # type: ignore[no-untyped-def]
    app, client, _ = setup
    with app.extensions["cg_sessions"]() as session:
        event_id = session.scalar(sa.text("SELECT id FROM events"))
        long_ago = utcnow() - dt.timedelta(hours=1)
        session.add(
            MatchRun(
                event_id=event_id, active_event_id=event_id, heartbeat_at=long_ago, progress=0.4
            )
        )
        session.commit()
    # The page shows the dead run as failed, so the organizer can start another.
    dead = status(client)
    assert dead["status"] == "failed" and "stopped unexpectedly" in dead["error"]
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "data-run-button disabled" not in page.replace("\n", " ")
    client.post("/organizer/events/climate/match")
    wait_for_jobs(app)
    with app.extensions["cg_sessions"]() as session:
        runs = session.scalars(sa.select(MatchRun).order_by(MatchRun.id)).all()
    assert [r.status for r in runs] == ["failed", "done"]
    assert "stopped unexpectedly" in (runs[0].error or "")


def test_match_command_shows_progress_and_skips_unchanged_inputs(  # type: ignore[no-untyped-def]
    app, runner, make_event, make_attendees
) -> None:
    event_id = make_event(app, None)
    make_attendees(app, event_id, people(8))
    result = runner.invoke(args=["match", "climate"])
    assert result.exit_code == 0, result.output
    assert (
        "Matching" in result.output and "suggested introductions for event climate" in result.output
    )
    with app.extensions["cg_sessions"]() as session:
        first_ids = set(session.scalars(sa.select(Suggestion.id)))
    assert first_ids
    again = runner.invoke(args=["match", "climate"])
    assert again.exit_code == 0, again.output
    with app.extensions["cg_sessions"]() as session:
        assert set(session.scalars(sa.select(Suggestion.id))) == first_ids  # nothing recomputed
        assert [r.status for r in session.scalars(sa.select(MatchRun))] == ["done", "done"]
    make_attendees(
        app, event_id, [{"email": "new@example.org", "name": "New", "interests": ["jazz"]}]
    )
    assert runner.invoke(args=["match", "climate"]).exit_code == 0
    with app.extensions["cg_sessions"]() as session:
        assert set(session.scalars(sa.select(Suggestion.id))) != first_ids
    assert runner.invoke(args=["match", "nope"]).exit_code == 1


def test_matching_an_event_without_profiles_says_what_is_missing(  # type: ignore[no-untyped-def]
    app, runner, make_event, make_attendees
) -> None:
    event_id = make_event(app, None)
    make_attendees(app, event_id, [{"email": "a@example.org", "name": "Only Name"}])
    result = runner.invoke(args=["match", "climate"])
    assert result.exit_code == 0, result.output
    assert (
        "No suggestions for event climate: at least two attendees need interests" in result.output
    )


def test_a_run_that_forks_workers_stores_the_same_suggestions(setup) -> None:  # type: ignore[no-untyped-def]
    """Large runs score and explain in forked processes (matcher.parallel), from the
    run's background thread with the database session open: same rows, and the
    database connections of the worker keep working afterwards."""
    from matcher.matcher import MatchParams

    app, client, _ = setup
    matcher = app.extensions["cg_matcher"]

    def run_and_read() -> list[tuple[int, int, int, dict[str, object]]]:
        client.post("/organizer/events/climate/match")
        wait_for_jobs(app)
        assert status(client)["status"] == "done"
        with app.extensions["cg_sessions"]() as session:
            rows = session.execute(
                sa.select(
                    Suggestion.attendee_id, Suggestion.other_id, Suggestion.rank, Suggestion.detail
                ).order_by(Suggestion.attendee_id, Suggestion.rank)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]

    matcher.params = MatchParams(processes=1)
    serial = run_and_read()
    matcher.params = MatchParams(processes=2, parallel_scores_from=0, parallel_explain_from=0)
    forked = run_and_read()
    assert len(serial) >= 12 * 3
    assert forked == serial
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert f"Done: {len(forked)} suggested introductions." in page
