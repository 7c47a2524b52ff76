"""Factory fixtures for the attendee side: events, sign-ups through the real form, links.

The plain data (`profile`, `LINK`) and checks (`assert_csp_clean`) create nothing and
are imported; everything that writes rows, signs a client in or serves the app is a
fixture. The factories hold no state, so one of each serves the whole session.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from models import Attendee, Event

LINK = re.compile(r'id="private-link" href="https?://[^/"]+/m/([A-Za-z0-9_-]+)"')
INLINE = re.compile(r"<style|\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=", re.IGNORECASE)


def profile(**overrides: Any) -> dict[str, Any]:
    """A complete sign-up form submission; override any field (None leaves it out)."""
    data: dict[str, Any] = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "headline": "Engineer at Analytical Engines",
        "interests": "marathons; carbon capture; compilers",
        "personal_interests": "chess; poetry",
        "looking_for": "a technical co-founder",
        "offering": "mentoring in mathematics",
        "organizations": "University of London; Babbage & Co",
        "about": "Working on the first general-purpose programs.",
        "links": "https://example.org/ada",
        "listed": "y",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def assert_csp_clean(html: str) -> None:
    """No inline style, inline script or event-handler attribute (strict CSP)."""
    match = INLINE.search(html)
    assert match is None, (
        f"inline code in page: {html[max(0, match.start() - 80) : match.end() + 80]}"
    )


@pytest.fixture(scope="session")
def make_public_event() -> Callable[..., int]:
    """`make_public_event(app, slug="conf", name="Conf 2026", **fields)`: its id."""

    def make(app: Flask, slug: str = "conf", name: str = "Conf 2026", **kw: Any) -> int:
        with app.app_context():
            sessions = app.extensions["cg_sessions"]
            with sessions() as session:
                event = Event(slug=slug, name=name, **kw)
                session.add(event)
                session.commit()
                return event.id

    return make


@pytest.fixture(scope="session")
def sign_up() -> Callable[..., str]:
    """`sign_up(client, slug="conf", **profile_overrides)`: the private token shown.

    The matching that follows a sign-up is a job: the welcome page is opened once it
    is done, as a person who reads the page a moment later sees it.
    """

    def submit(client: FlaskClient, slug: str = "conf", **overrides: Any) -> str:
        from web.queue import wait_for_jobs

        response = client.post(f"/e/{slug}/join", data=profile(**overrides))
        if response.status_code == 303:
            wait_for_jobs(client.application)
            response = client.get(response.headers["Location"], follow_redirects=True)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        match = LINK.search(response.get_data(as_text=True))
        assert match, "the private link is shown after sign-up"
        return match.group(1)

    return submit


@pytest.fixture(scope="session")
def open_private_link() -> Callable[[FlaskClient, str], Any]:
    """`open_private_link(client, token)`: the link, then "Open my page", as its owner would."""

    def open_link(client: FlaskClient, token: str) -> Any:
        response = client.get(f"/m/{token}")
        if response.status_code == 200 and 'id="confirm-link"' in response.get_data(as_text=True):
            response = client.post(f"/m/{token}")
        return response

    return open_link


@pytest.fixture(scope="session")
def list_attendees() -> Callable[..., list[Attendee]]:
    """`list_attendees(app, slug="conf")`: the event's attendees, detached, by id."""

    def read(app: Flask, slug: str = "conf") -> list[Attendee]:
        with app.extensions["cg_sessions"]() as session:
            return list(
                session.scalars(
                    sa.select(Attendee)
                    .join(Event, Event.id == Attendee.event_id)
                    .where(Event.slug == slug)
                    .order_by(Attendee.id)
                )
            )

    return read


@pytest.fixture(scope="session")
def serve_app() -> Callable[[Flask], contextlib.AbstractContextManager[str]]:
    """`with serve_app(app) as base_url:` the app on a free local port, in a thread."""

    @contextlib.contextmanager
    def serve(app: Flask) -> Iterator[str]:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join(timeout=10)
            server.server_close()

    return serve


@pytest.fixture(scope="session")
def refresh_event_now() -> Callable[[Flask, int], None]:
    """`refresh_event_now(app, event_id)`: every list recomputed as a job, waited for."""

    def refresh(app: Flask, event_id: int) -> None:
        from models import Job
        from web.queue import wait_for_jobs
        from web.services.jobs import enqueue

        with app.extensions["cg_sessions"]() as session:
            job = enqueue(session, "refresh_event", {"event_id": event_id}, event_id=event_id)
            session.commit()
        assert wait_for_jobs(app)
        with app.extensions["cg_sessions"]() as session:
            assert session.get_one(Job, job.id).state == "done"

    return refresh
