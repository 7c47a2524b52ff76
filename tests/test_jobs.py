"""The jobs interface with its in-process backend: after the commit, once, nothing lost.

The same runner serves the Celery workers (tests/test_queue_workers.py runs them on
the real brokers); here the jobs run in threads of the test process.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
import sqlalchemy as sa
from fixtures_attendee import profile

from models import Attendee, Event, Job, MatchRun, Suggestion, utcnow
from web.queue import job_backend, wait_for_jobs
from web.services import jobs
from web.services.job_runner import DONE, SKIPPED
from web.services.matching import refresh_key

DONE_NOTES: list[dict[str, Any]] = []


@jobs.job("test_note")
def _note(ctx: jobs.JobContext, n: int) -> None:
    """Remember that it ran (and with what); write a row, to show it commits once."""
    DONE_NOTES.append({"n": n, "attempt": ctx.attempt, "thread": threading.current_thread().name})
    ctx.session.add(Event(slug=f"note-{n}-{ctx.attempt}", name="note"))


@jobs.job("test_hijacked")
def _hijacked(ctx: jobs.JobContext) -> None:
    """Another worker takes the job over while this one works on it."""
    with ctx.sessions() as other:
        other.execute(
            sa.update(Job)
            .where(Job.id == ctx.job_id)
            .values(attempts=Job.attempts + 1, worker="another-host:1")
        )
        other.commit()
    ctx.session.add(Event(slug="hijacked", name="written by the worker that lost the job"))


@pytest.fixture(autouse=True)
def _clean_notes() -> None:
    DONE_NOTES.clear()


def _jobs(app, name: str) -> list[Job]:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return list(session.scalars(sa.select(Job).where(Job.name == name).order_by(Job.id)))


def _slugs(app) -> set[str]:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return set(session.scalars(sa.select(Event.slug)))


def test_a_job_runs_once_after_its_transaction_commits_and_never_if_it_rolls_back(app) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        jobs.enqueue(session, "test_note", {"n": 1})
        session.rollback()
        jobs.enqueue(session, "test_note", {"n": 2})
        assert DONE_NOTES == [], "nothing starts before the commit"
        session.commit()
    assert wait_for_jobs(app)
    assert [note["n"] for note in DONE_NOTES] == [2]
    assert DONE_NOTES[0]["thread"].startswith("job-default"), "a thread of this process"
    (job,) = _jobs(app, "test_note")
    assert (job.state, job.attempts, job.args) == ("done", 1, {"n": 2})
    assert "note-2-1" in _slugs(app)


def test_a_request_hands_its_jobs_over_only_when_it_ends(app_factory, fake_encoder) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder)
    seen_in_view: list[int] = []

    def view() -> str:
        from web.db import get_session

        session = get_session()
        jobs.enqueue(session, "test_note", {"n": 7})
        session.commit()  # committed mid-view: still not started before the view ends
        time.sleep(0.3)
        seen_in_view.append(len(DONE_NOTES))
        return "ok"

    app.add_url_rule("/test-enqueue", "test_enqueue", view)
    assert app.test_client().get("/test-enqueue").status_code == 200
    assert wait_for_jobs(app)
    assert seen_in_view == [0]
    assert [note["n"] for note in DONE_NOTES] == [7]


def test_a_job_delivered_twice_at_once_runs_once(app) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        job = Job(name="test_note", args={"n": 3})  # a row no backend was told about
        session.add(job)
        session.commit()
    runner = app.extensions["cg_job_runner"]
    outcomes: list[str] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(runner.run(job.id)[0])) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == [DONE] + [SKIPPED] * 3
    assert runner.run(job.id)[0] == SKIPPED, "a done job is never done again"
    assert [note["n"] for note in DONE_NOTES] == [3]


def test_a_job_whose_worker_died_is_taken_over_and_takes_effect_once(app) -> None:  # type: ignore[no-untyped-def]
    long_ago = utcnow() - dt.timedelta(minutes=5)
    with app.extensions["cg_sessions"]() as session:
        dead = Job(
            name="test_note",
            args={"n": 4},
            state="running",
            attempts=1,
            worker="gone-host:123",
            started_at=long_ago,
            heartbeat_at=long_ago,
        )
        alive = Job(
            name="test_note",
            args={"n": 5},
            state="running",
            attempts=1,
            worker="busy-host:456",
            started_at=long_ago,
            heartbeat_at=utcnow(),
        )
        never_handed_over = Job(name="test_note", args={"n": 6}, created_at=long_ago)
        session.add_all([dead, alive, never_handed_over])
        session.commit()
    assert job_backend(app).sweep(force=True) == 2
    assert wait_for_jobs(app)
    assert sorted(note["n"] for note in DONE_NOTES) == [4, 6], "the live one is left alone"
    states = {j.args["n"]: (j.state, j.attempts) for j in _jobs(app, "test_note")}
    assert states == {4: ("done", 2), 5: ("running", 1), 6: ("done", 1)}
    assert {"note-4-2", "note-6-1"} <= _slugs(app)


def test_a_worker_that_lost_its_job_to_another_records_nothing(app) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        jobs.enqueue(session, "test_hijacked")
        session.commit()
    assert wait_for_jobs(app)
    (job,) = _jobs(app, "test_hijacked")
    assert (job.state, job.worker) == ("running", "another-host:1"), "left to its new owner"
    assert "hijacked" not in _slugs(app), "its writes were rolled back with it"


def test_the_welcome_page_says_it_is_finding_people_until_the_refresh_is_done(  # type: ignore[no-untyped-def]
    app, make_public_event, make_attendees
) -> None:
    event_id = make_public_event(app)
    make_attendees(
        app,
        event_id,
        [
            {"email": "ben@example.org", "name": "Ben", "interests": ["carbon capture"]},
            {"email": "eve@example.org", "name": "Eve", "interests": ["compilers", "chess"]},
        ],
    )
    backend = job_backend(app)
    backend.closed = True  # the jobs wait (a busy or stopped worker)
    client = app.test_client()
    response = client.post("/e/conf/join", data=profile())
    assert response.status_code == 303
    page = client.get("/e/conf/welcome").get_data(as_text=True)
    assert "We are finding the people you should meet" in page
    assert '<meta name="cg-refresh"' in page, "the page updates by itself"
    assert 'id="private-link"' in page, "the link is there meanwhile"
    me = client.get("/e/conf/me").get_data(as_text=True)
    assert "Finding the people you should meet" in me and "We are still finding" not in me

    (job,) = _jobs(app, "refresh_attendee")
    assert job.key == refresh_key(job.args["attendee_id"]) and job.state == "pending"
    backend.closed = False
    app.extensions["cg_job_runner"].run(job.id)
    page = client.get("/e/conf/welcome").get_data(as_text=True)
    assert "finding the people" not in page and "refresh" not in page
    assert "People to meet" in page


def test_a_run_whose_worker_died_is_finished_by_another_with_the_same_suggestions(
    app,
    make_public_event,
    make_attendees,
) -> None:  # type: ignore[no-untyped-def]
    people = [
        {
            "email": f"p{i}@example.org",
            "name": f"Person {i}",
            "interests": [["carbon capture", "heat pumps", "soil carbon"][i % 3], f"topic {i % 4}"],
            "looking_for": ["a co-founder"] if i % 2 else [],
            "offering": ["engineering help"] if i % 3 == 0 else [],
        }
        for i in range(14)
    ]
    events = {slug: make_public_event(app, slug=slug) for slug in ("calm", "crash")}
    for event_id in events.values():
        make_attendees(app, event_id, people)
    sessions = app.extensions["cg_sessions"]
    from web.services.runs import start_run

    with sessions() as session:
        calm = start_run(session, session.get_one(Event, events["calm"]))
        session.commit()
    assert wait_for_jobs(app)
    # The other run's worker died in the middle: run and job say "running", beats stopped.
    backend = job_backend(app)
    backend.closed = True
    with sessions() as session:
        crash = start_run(session, session.get_one(Event, events["crash"]))
        session.commit()
        long_ago = utcnow() - dt.timedelta(minutes=5)
        session.execute(
            sa.update(Job)
            .where(Job.key == f"run:{crash.id}")
            .values(state="running", attempts=1, worker="gone:1", heartbeat_at=long_ago)
        )
        session.execute(
            sa.update(MatchRun)
            .where(MatchRun.id == crash.id)
            .values(phase="scoring", progress=0.4, heartbeat_at=long_ago)
        )
        session.commit()
    backend.closed = False
    assert backend.sweep(force=True) == 1
    assert wait_for_jobs(app)
    with sessions() as session:
        runs = {r.id: r for r in session.scalars(sa.select(MatchRun))}
        assert runs[calm.id].status == runs[crash.id].status == "done"
        lists = {slug: suggestions_by_email(session, event_id) for slug, event_id in events.items()}
    assert lists["crash"] == lists["calm"] and len(lists["calm"]) >= 10


def suggestions_by_email(session, event_id: int) -> dict[str, list[tuple[int, str, float]]]:  # type: ignore[no-untyped-def]
    """Each attendee's list as (rank, other's email, score), keyed by email."""
    email = dict(session.execute(sa.select(Attendee.id, Attendee.email)).all())
    lists: dict[str, list[tuple[int, str, float]]] = {}
    for s in session.scalars(sa.select(Suggestion).where(Suggestion.event_id == event_id)):
        lists.setdefault(email[s.attendee_id], []).append(
            (s.rank, email[s.other_id], round(s.score, 6))
        )
    return {k: sorted(v) for k, v in lists.items()}


def test_every_email_leaves_from_a_job() -> None:
    """Mail is sent only by the jobs of web/tasks.py (retried with backoff, never in a
    request or a thread of its own): nothing else in web/ imports `deliver` or smtplib."""
    import ast
    from pathlib import Path

    web = Path(__file__).resolve().parent.parent / "web"
    found = set()
    for path in web.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "web.mail":
                if any(alias.name == "deliver" for alias in node.names):
                    found.add((path.relative_to(web).as_posix(), "deliver"))
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in node.names]
                if "smtplib" in names:
                    found.add((path.relative_to(web).as_posix(), "smtplib"))
    assert found == {("tasks.py", "deliver"), ("mail.py", "smtplib")}, found
