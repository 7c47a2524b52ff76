"""Factory fixtures for organizer accounts, their events and attendees, and signing in.

Each returns a callable taking the app first, so a test that builds its own app
(`app_factory(...)`) uses them the same way as one on the `app` fixture. They hold no
state, so one of each serves the whole session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from models import Attendee, Event, Organizer
from web.organizer.auth import (
    SESSION_KEY,
    SESSION_STAMP,
    SESSION_VERSION,
    hash_password,
    password_stamp,
)

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def make_organizer() -> Callable[..., int]:
    """`make_organizer(app, email="org@example.org", password=PASSWORD)`: its id."""

    def make(app: Flask, email: str = "org@example.org", password: str = PASSWORD) -> int:
        with app.extensions["cg_sessions"]() as session:
            organizer = Organizer(email=email, password_hash=hash_password(password))
            session.add(organizer)
            session.commit()
            return organizer.id

    return make


@pytest.fixture(scope="session")
def make_event() -> Callable[..., int]:
    """`make_event(app, organizer_id, slug="climate", name="Climate Summit", **fields)`: its id."""

    def make(app: Flask, organizer_id: int | None, slug: str = "climate", **kw: Any) -> int:
        with app.extensions["cg_sessions"]() as session:
            name = kw.pop("name", "Climate Summit")
            event = Event(slug=slug, name=name, organizer_id=organizer_id)
            for key, value in kw.items():
                setattr(event, key, value)
            session.add(event)
            session.commit()
            return event.id

    return make


@pytest.fixture(scope="session")
def make_attendees() -> Callable[[Flask, int, list[dict[str, Any]]], None]:
    """`make_attendees(app, event_id, people)`: attendees from dicts of their fields."""

    def make(app: Flask, event_id: int, people: list[dict[str, Any]]) -> None:
        with app.extensions["cg_sessions"]() as session:
            for person in people:
                attendee = Attendee(event_id=event_id, **person)
                attendee.issue_private_token()
                session.add(attendee)
            session.commit()

    return make


@pytest.fixture(scope="session")
def login() -> Callable[..., Any]:
    """`login(client, email="org@example.org", password=PASSWORD)`: sign in by the form."""

    def sign_in(
        client: FlaskClient, email: str = "org@example.org", password: str = PASSWORD
    ) -> Any:
        return client.post("/organizer/login", data={"email": email, "password": password})

    return sign_in


@pytest.fixture(scope="session")
def count() -> Callable[..., int]:
    """`count(app, model, *where)`: rows of `model` matching `where`."""

    def rows(app: Flask, model: Any, *where: Any) -> int:
        with app.extensions["cg_sessions"]() as session:
            query = sa.select(sa.func.count()).select_from(model).where(*where)
            return int(session.scalar(query) or 0)

    return rows


@pytest.fixture(scope="session")
def signed_in_everywhere(
    make_organizer: Callable[..., int],
    make_event: Callable[..., int],
    make_attendees: Callable[..., None],
) -> Callable[[Flask], tuple[FlaskClient, str]]:
    """`signed_in_everywhere(app)`: a client signed in as an organizer and as an attendee of their
    event (no forms used)."""

    def sign_in(app: Flask) -> tuple[FlaskClient, str]:
        organizer_id = make_organizer(app)
        event_id = make_event(app, organizer_id, slug="climate")
        make_attendees(
            app,
            event_id,
            [
                {"name": "Ada", "email": "ada@example.org", "interests": ["chess"]},
                {"name": "Ben", "email": "ben@example.org", "interests": ["chess"]},
            ],
        )
        with app.extensions["cg_sessions"]() as session:
            organizer = session.get_one(Organizer, organizer_id)
            ada, ben = session.query(Attendee).order_by(Attendee.id).all()
            stamp, ada_id, ben_badge = password_stamp(organizer), ada.id, ben.badge_token
        client = app.test_client()
        with client.session_transaction() as browser:
            browser[SESSION_KEY] = organizer_id
            browser[SESSION_STAMP] = stamp
            browser[SESSION_VERSION] = 1
            browser["cg_attendees"] = {str(event_id): [ada_id, 1, "test-session"]}
        return client, ben_badge

    return sign_in
