"""Helpers for the attendee tests: events, sign-ups through the real form, tokens."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from models import Attendee, Event

LINK = re.compile(r'id="private-link" href="https?://[^/"]+/m/([A-Za-z0-9_-]+)"')


def make_event(app: Flask, slug: str = "conf", name: str = "Conf 2026", **kw: Any) -> int:
    """Create an event; returns its id."""
    with app.app_context():
        sessions = app.extensions["cg_sessions"]
        with sessions() as session:
            event = Event(slug=slug, name=name, **kw)
            session.add(event)
            session.commit()
            return event.id


def profile(**overrides: Any) -> dict[str, Any]:
    """A complete sign-up form submission; override any field."""
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


def sign_up(client: FlaskClient, slug: str = "conf", **overrides: Any) -> str:
    """Sign up through the form; returns the private token shown on the page."""
    response = client.post(f"/e/{slug}/join", data=profile(**overrides))
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    match = LINK.search(response.get_data(as_text=True))
    assert match, "the private link is shown after sign-up"
    return match.group(1)


def attendees(app: Flask, slug: str = "conf") -> list[Attendee]:
    """All attendees of the event, detached, by id."""
    with app.extensions["cg_sessions"]() as session:
        return list(
            session.scalars(
                sa.select(Attendee)
                .join(Event, Event.id == Attendee.event_id)
                .where(Event.slug == slug)
                .order_by(Attendee.id)
            )
        )


def count(app: Flask, model: Any) -> int:
    """Rows of `model` in the app's database."""
    with app.extensions["cg_sessions"]() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


INLINE = re.compile(r"<style|\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=", re.IGNORECASE)


def assert_csp_clean(html: str) -> None:
    """No inline style, inline script or event-handler attribute (strict CSP)."""
    match = INLINE.search(html)
    assert match is None, (
        f"inline code in page: {html[max(0, match.start() - 80) : match.end() + 80]}"
    )


@contextlib.contextmanager
def live_server(app: Flask) -> Iterator[str]:
    """Serve `app` on a free local port in a thread; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
