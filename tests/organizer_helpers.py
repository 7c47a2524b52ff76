"""Helpers shared by the organizer tests: accounts, events and signing in."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from models import Attendee, Event, Organizer
from web.organizer.auth import hash_password

PASSWORD = "correct horse battery"


def make_organizer(app: Flask, email: str = "org@example.org", password: str = PASSWORD) -> int:
    """An organizer account; returns its id."""
    with app.extensions["cg_sessions"]() as session:
        organizer = Organizer(email=email, password_hash=hash_password(password))
        session.add(organizer)
        session.commit()
        return organizer.id


def make_event(app: Flask, organizer_id: int | None, slug: str = "climate", **kw: Any) -> int:
    """An event of `organizer_id`; returns its id."""
    with app.extensions["cg_sessions"]() as session:
        event = Event(slug=slug, name=kw.pop("name", "Climate Summit"), organizer_id=organizer_id)
        for key, value in kw.items():
            setattr(event, key, value)
        session.add(event)
        session.commit()
        return event.id


def make_attendees(app: Flask, event_id: int, people: list[dict[str, Any]]) -> None:
    """Attendees of the event from dicts of their fields."""
    with app.extensions["cg_sessions"]() as session:
        for person in people:
            attendee = Attendee(event_id=event_id, **person)
            attendee.issue_private_token()
            session.add(attendee)
        session.commit()


def login(client: FlaskClient, email: str = "org@example.org", password: str = PASSWORD) -> Any:
    """Sign in through the login form."""
    return client.post("/organizer/login", data={"email": email, "password": password})


def count(app: Flask, model: Any, *where: Any) -> int:
    """Rows of `model` matching `where`."""
    with app.extensions["cg_sessions"]() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0)
