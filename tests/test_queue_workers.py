"""The job queue on real services: gunicorn (2 workers), `commonground worker`s, PostgreSQL,
and the real broker — Redis and RabbitMQ each (the outage test stops a Redis of its own).

Under CI=true a broker or PostgreSQL that cannot be reached fails these tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa
from fixtures_queue import CSRF, Deployment, people

from models import Attendee, Job, Organizer, Suggestion
from web.organizer.auth import hash_password

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
PASSWORD = "pw-12345678"


def _pid(worker: str | None) -> int:
    """The process id in a job's `worker` (host:pid/thread)."""
    assert worker
    return int(worker.split(":")[1].split("/")[0])


def _match_jobs(d: Deployment) -> list[Job]:
    return d.jobs(Job.name == "match_run")


def _settled(d: Deployment) -> bool:
    """Every run has ended and so has its job.

    The worker stores the run's outcome, then marks its job done: between the two the run
    reads "done" while the job still reads "running".
    """
    runs_ended = all(r.status != "running" for r in d.runs().values())
    return runs_ended and all(j.state in ("done", "failed") for j in _match_jobs(d))


def test_five_events_matched_at_once_are_each_run_exactly_once_by_the_workers(
    deployment: Deployment,
) -> None:
    d = deployment
    events = {f"event{i}": d.add_event(f"event{i}", people(30, tag=str(i))) for i in range(5)}
    workers = [d.worker(), d.worker()]
    _web, base = d.gunicorn(2)

    with ThreadPoolExecutor(5) as pool:
        answers = list(pool.map(lambda slug: d.api(base, "POST", f"/events/{slug}/runs"), events))
    assert [a.status_code for a in answers] == [202] * 5, [a.text for a in answers]
    # A second start while one waits or runs is refused by the database.
    assert d.api(base, "POST", "/events/event0/runs").status_code in (202, 409)

    d.wait_for("every run and its job to finish", lambda: _settled(d), 180)
    runs = list(d.runs().values())
    assert {r.event_id for r in runs} == set(events.values())
    assert all(r.status == "done" and r.suggestions for r in runs), [
        (r.status, r.error) for r in runs
    ]
    jobs = _match_jobs(d)
    assert len(jobs) == len(runs)
    assert all((j.state, j.attempts) == ("done", 1) for j in jobs), "each run done exactly once"
    assert {_pid(j.worker) for j in jobs} <= {w.pid for w in workers}, "never in a web worker"
    for event_id in events.values():
        lists = d.lists(event_id)
        assert len(lists) == 30 and all(len(v) == len({o for _, o, _ in v}) for v in lists.values())
    assert "Traceback" not in d.logs()


def test_a_worker_killed_during_a_run_leaves_it_to_another_with_the_same_suggestions(
    deployment: Deployment,
) -> None:
    d = deployment
    d.env["FAKE_ENCODER_DELAY"] = "2"  # each call of the model takes a while: time to kill
    crash = d.add_event("crash", people(30))
    calm = d.add_event("calm", people(30))
    first, second = d.worker(), d.worker()
    _web, base = d.gunicorn(2)

    assert d.api(base, "POST", "/events/crash/runs").status_code == 202
    (job,) = d.wait_for(
        "the run to start on a worker",
        lambda: [j for j in _match_jobs(d) if j.state == "running" and j.worker],
    )
    victim, survivor = (first, second) if _pid(job.worker) == first.pid else (second, first)
    assert _pid(job.worker) == victim.pid
    time.sleep(1.0)  # well inside the run (the model alone takes seconds)
    assert all(r.status == "running" for r in d.runs().values())
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)

    d.wait_for("the run and its job to finish", lambda: _settled(d))
    (run,) = d.runs().values()
    assert run.status == "done" and run.suggestions, run.error
    (job,) = _match_jobs(d)
    assert (job.state, job.attempts) == ("done", 2)
    assert _pid(job.worker) == survivor.pid, "finished by the other worker"

    # An undisturbed run over the same people stores exactly the same suggestions.
    assert d.api(base, "POST", "/events/calm/runs").status_code == 202
    d.wait_for("the calm run", lambda: _settled(d))
    assert d.lists(crash) == d.lists(calm)
    assert len(d.lists(calm)) == 30


def test_restarting_the_web_workers_during_a_run_changes_nothing(deployment: Deployment) -> None:
    d = deployment
    d.env["FAKE_ENCODER_DELAY"] = "1"
    event = d.add_event("busy", people(30))
    d.worker()
    web, base = d.gunicorn(2)

    assert d.api(base, "POST", "/events/busy/runs").status_code == 202
    d.wait_for("the run to start", lambda: [j for j in _match_jobs(d) if j.state == "running"])
    before = _children(web.pid)
    assert before, "gunicorn has workers"
    web.send_signal(signal.SIGHUP)  # gunicorn replaces every web worker
    # The old workers exit on their own; one of the new ones dies outright.
    fresh = d.wait_for("new web workers", lambda: _children(web.pid) - before)
    os.kill(min(fresh), signal.SIGKILL)

    d.wait_for("the run and its job to finish", lambda: _settled(d))
    (run,) = d.runs().values()
    (job,) = _match_jobs(d)
    assert run.status == "done" and (job.state, job.attempts) == ("done", 1), "not interrupted"
    assert len(d.lists(event)) == 30
    d.wait_for("the web to answer again", lambda: _answers(f"{base}/healthz"))


def _children(pid: int) -> set[int]:
    """The processes `pid` runs now (gunicorn's web workers)."""
    listed = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return {int(child) for child in listed.stdout.split()}


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).ok
    except requests.RequestException:  # its workers are still starting
        return False


def _console(base: str, slug: str) -> requests.Session:
    """An organizer signed in on the console."""
    console = requests.Session()
    page = console.get(f"{base}/organizer/login", timeout=30)
    token = CSRF.search(page.text)
    assert token
    answer = console.post(
        f"{base}/organizer/login",
        data={"csrf_token": token.group(1), "email": "host@example.org", "password": PASSWORD},
        timeout=30,
    )
    assert answer.ok and f"/organizer/events/{slug}" in console.get(f"{base}/organizer/").text
    return console


def test_with_the_broker_down_sign_ups_answer_and_their_work_is_done_when_it_is_back(
    own_redis: tuple[str, Callable[[], None], Callable[[], None]],
    make_deployment: Callable[..., Deployment],
    sign_up_over_http: Callable[..., requests.Response],
) -> None:
    url, stop_broker, start_broker = own_redis
    d = make_deployment(url)
    event = d.add_event("outage", people(12))
    with d.sessions() as session:
        host = Organizer(email="host@example.org", password_hash=hash_password("pw-12345678"))
        session.add(host)
        session.flush()
        session.execute(
            sa.text("UPDATE events SET organizer_id = :o WHERE id = :e"),
            {"o": host.id, "e": event},
        )
        session.commit()
    d.worker()
    _web, base = d.gunicorn(2)
    console = _console(base, "outage")

    def suggested(emails: list[str]) -> bool:
        with d.sessions() as session:
            have = set(
                session.scalars(
                    sa.select(Attendee.email)
                    .join(Suggestion, Suggestion.attendee_id == Attendee.id)
                    .where(Attendee.email.in_(emails))
                )
            )
        return have == set(emails)

    assert (
        sign_up_over_http(base, "outage", "before@example.org", "carbon capture").status_code == 303
    )
    d.wait_for("the first sign-up's suggestions", lambda: suggested(["before@example.org"]))

    stop_broker()
    during = [f"during{i}@example.org" for i in range(5)]
    for email in during:
        started = time.monotonic()
        answer = sign_up_over_http(base, "outage", email, "carbon capture; soil carbon")
        assert answer.status_code == 303, answer.text[:500]
        assert time.monotonic() - started < 5, "the page answers without the broker"
    waiting = d.jobs(Job.name == "refresh_attendee", Job.state == "pending")
    assert len(waiting) == len(during), "their work waits in the database"
    time.sleep(16)  # the console speaks up once jobs wait for more than a moment
    page = console.get(f"{base}/organizer/events/outage", timeout=30).text
    assert "Background work is waiting" in page and "5 background jobs" in page
    assert not suggested(during)

    start_broker()
    d.wait_for("the queued work to be done", lambda: suggested(during), 90)
    d.wait_for(
        "every job to finish",
        lambda: all(j.state == "done" for j in d.jobs(Job.name == "refresh_attendee")),
    )
    page = console.get(f"{base}/organizer/events/outage", timeout=30).text
    assert "Background work is waiting" not in page
