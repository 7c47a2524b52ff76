"""Organizer password reset by email: a link that works once and for an hour, the same
answer for unknown addresses, and a new password signs every other browser out."""

from __future__ import annotations

import re
import time

import pytest
import sqlalchemy as sa
from fixtures_organizer import PASSWORD
from itsdangerous.timed import TimestampSigner
from test_organizer_links import mail_app  # noqa: F401 (the fixture, shared)

from models import Job
from models.job import JOB_DONE
from web.queue import wait_for_jobs

NEW = "a brand new passphrase"


@pytest.fixture
def reset_app(mail_app, make_organizer):  # type: ignore[no-untyped-def]  # noqa: F811 (the fixture)
    """SMTP on a local server and PUBLIC_BASE_URL set, with one organizer account."""
    app, _ = mail_app
    make_organizer(app, email="host@example.org")
    return mail_app


def _link(inbox) -> str:  # type: ignore[no-untyped-def]
    assert inbox.received.wait(10), "no email arrived"
    body = inbox.messages[-1].get_content()
    found = re.search(r"https://meet\.example\.org(/organizer/password/reset/\S+)", body)
    assert found, body
    return found[1]


def test_a_reset_link_sets_a_new_password_once_and_signs_other_browsers_out(  # type: ignore[no-untyped-def]
    reset_app, login
) -> None:
    app, inbox = reset_app
    elsewhere = app.test_client()
    login(elsewhere, email="host@example.org")
    assert elsewhere.get("/organizer/").status_code == 200

    me = app.test_client()
    assert "Forgot your password?" in me.get("/organizer/login").text
    asked = me.post("/organizer/password/forgot", data={"email": "Host@Example.org"})
    assert asked.status_code == 303
    path = _link(inbox)
    assert inbox.messages[-1]["To"] == "host@example.org"

    page = me.get(path)
    assert page.status_code == 200 and "Choose a new password" in page.text
    short = me.post(path, data={"password": "short", "again": "short"})
    assert short.status_code == 400 and "Use at least 10 characters." in short.text
    differ = me.post(path, data={"password": NEW, "again": NEW + "!"})
    assert differ.status_code == 400 and "The two passwords differ" in differ.text
    done = me.post(path, data={"password": NEW, "again": NEW})
    assert done.status_code == 303 and done.headers["Location"].endswith("/organizer/login")

    # The other browser is signed out; the old password is gone; the new one works.
    assert elsewhere.get("/organizer/").status_code == 302
    assert login(me, email="host@example.org", password=PASSWORD).status_code == 401
    assert login(me, email="host@example.org", password=NEW).status_code == 302
    # The link worked once.
    used = app.test_client().get(path)
    assert used.status_code == 410 and "This link no longer works" in used.text


def test_an_unknown_address_gets_the_same_answer_and_no_mail(reset_app) -> None:  # type: ignore[no-untyped-def]
    app, inbox = reset_app
    client = app.test_client()
    known = client.post("/organizer/password/forgot", data={"email": "host@example.org"})
    _link(inbox)
    inbox.received.clear()
    unknown = client.post("/organizer/password/forgot", data={"email": "nobody@example.org"})
    assert unknown.status_code == known.status_code == 303
    assert unknown.headers["Location"] == known.headers["Location"]
    assert not inbox.received.wait(1.5)
    assert len(inbox.messages) == 1


def test_forged_or_expired_links_do_nothing(reset_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app, inbox = reset_app
    client = app.test_client()
    client.post("/organizer/password/forgot", data={"email": "host@example.org"})
    path = _link(inbox)
    assert client.get(path[:-3] + "abc").status_code == 410
    assert client.post(path + "x", data={"password": NEW, "again": NEW}).status_code == 410
    assert client.get(path).status_code == 200
    # Two hours later, the link has expired.
    later = int(time.time()) + 2 * 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    assert client.get(path).status_code == 410


def test_without_smtp_the_page_says_how_to_reset_on_the_server(  # type: ignore[no-untyped-def]
    app, client, make_organizer, login
) -> None:
    make_organizer(app, email="host@example.org")
    page = client.get("/organizer/password/forgot")
    assert "commonground create-organizer YOUR@EMAIL --reset-password" in page.text
    client.post("/organizer/password/forgot", data={"email": "host@example.org"})
    assert login(client, email="host@example.org").status_code == 302  # nothing changed


def test_the_reset_mail_is_a_job_asked_for_the_same_way_for_any_address(reset_app) -> None:  # type: ignore[no-untyped-def]
    """Known or unknown, the request writes one `password_reset_mail` job; the job
    mails an account only, so the request's work tells nothing."""
    app, inbox = reset_app
    client = app.test_client()
    client.post("/organizer/password/forgot", data={"email": "host@example.org"})
    client.post("/organizer/password/forgot", data={"email": "nobody@example.org"})
    wait_for_jobs(app)
    _link(inbox)
    with app.extensions["cg_sessions"]() as session:
        jobs = session.scalars(sa.select(Job).order_by(Job.id)).all()
    assert [(j.name, j.args["email"], j.state) for j in jobs] == [
        ("password_reset_mail", "host@example.org", JOB_DONE),
        ("password_reset_mail", "nobody@example.org", JOB_DONE),
    ]
    assert len(inbox.messages) == 1
