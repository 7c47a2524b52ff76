"""Factory fixtures for the meeting tests: a migrated database with an event, people,
slots and places (`World`), and people and sign-ins on an app.

`slot_count` and `place_names` only read through a session they are given, so they
are imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from models import Attendee, Event, MeetingPlace, MeetingSlot, utcnow
from models.db import make_engine, make_session_factory
from models.migrate import upgrade
from web.services import meeting_setup
from web.services.meeting_times import zone_of


@dataclass
class World:
    """A migrated database with one event; ids of what was made in it."""

    engine: sa.Engine
    sessions: sessionmaker[Session]
    event_id: int

    def people(self, n: int, prefix: str = "p") -> list[int]:
        """Create `n` attendees; returns their ids."""
        with self.sessions() as session:
            made = []
            for i in range(n):
                person = Attendee(
                    event_id=self.event_id,
                    email=f"{prefix}{i}@example.org",
                    name=f"Person {prefix.upper()}{i}",
                    interests=["soil carbon"],
                )
                person.issue_private_token()
                session.add(person)
                made.append(person)
            session.commit()
            return [p.id for p in made]

    def window(self, days: int, slots: int, minutes: int = 15, tz: str = "UTC") -> list[int]:
        """Add `slots` consecutive slots from 10:00 (event time) `days` days from today."""
        with self.sessions() as session:
            event = session.get(Event, self.event_id)
            assert event is not None
            event.timezone = tz
            day = (utcnow().astimezone(zone_of(event)) + dt.timedelta(days=days)).date()
            first = dt.datetime.combine(day, dt.time(10, 0))
            end = first + dt.timedelta(minutes=minutes * slots)
            assert end.date() == day, "keep test windows within one day"
            made = meeting_setup.add_window(session, event, day, first.time(), end.time(), minutes)
            session.commit()
            return [s.id for s in made]

    def place(self, name: str = "Table", count: int = 1, capacity: int = 1) -> list[int]:
        """Add places; returns their ids."""
        with self.sessions() as session:
            event = session.get(Event, self.event_id)
            assert event is not None
            made = meeting_setup.add_places(session, event, name, count, capacity)
            session.commit()
            return [p.id for p in made]

    def get(self, session: Session, model: type, ident: int):  # type: ignore[no-untyped-def]
        """`session.get` that fails loudly."""
        obj = session.get(model, ident)
        assert obj is not None, f"no {model.__name__} {ident}"
        return obj


@pytest.fixture
def make_world() -> Iterator[Callable[..., World]]:
    """`make_world(database_url, slug="conf")`: a fresh migrated database with one event.

    Its engine is disposed when the test ends.
    """
    engines: list[sa.Engine] = []

    def make(database_url: str, slug: str = "conf") -> World:
        engine = (
            make_engine(database_url, pool_size=60, max_overflow=10)
            if database_url.startswith("postgresql")
            else make_engine(database_url)
        )
        engines.append(engine)
        upgrade(engine)
        sessions = make_session_factory(engine)
        with sessions() as session:
            event = Event(slug=slug, name="Conf 2026")
            session.add(event)
            session.commit()
            event_id = event.id
        return World(engine, sessions, event_id)

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def world(make_world: Callable[..., World], database_url: str) -> World:
    """A `World` on SQLite and on PostgreSQL (the `database_url` parameters)."""
    return make_world(database_url)


def slot_count(session: Session, event_id: int) -> int:
    """How many slots the event has."""
    return int(
        session.scalar(
            sa.select(sa.func.count(MeetingSlot.id)).where(MeetingSlot.event_id == event_id)
        )
        or 0
    )


def place_names(session: Session, event_id: int) -> list[str]:
    """The event's place names, sorted."""
    return sorted(
        session.scalars(sa.select(MeetingPlace.name).where(MeetingPlace.event_id == event_id))
    )


# --- the web app ---------------------------------------------------------------


@pytest.fixture(scope="session")
def app_people() -> Callable[..., list[int]]:
    """`app_people(app, specs, slug="conf")`: the event (made if needed) and attendees' ids."""

    def make(app: Flask, specs: list[dict[str, object]], slug: str = "conf") -> list[int]:
        with app.app_context(), app.extensions["cg_sessions"]() as session:
            event = session.scalar(sa.select(Event).where(Event.slug == slug))
            if event is None:
                event = Event(slug=slug, name="Conf 2026")
                session.add(event)
                session.flush()
            made = []
            for spec in specs:
                person = Attendee(event_id=event.id, **spec)
                person.issue_private_token()
                session.add(person)
                made.append(person)
            session.commit()
            return [p.id for p in made]

    return make


@pytest.fixture(scope="session")
def app_session() -> Callable[[Flask], Session]:
    """`with app_session(app) as session:` a session on the app's database."""

    def open_session(app: Flask) -> Session:
        session: Session = app.extensions["cg_sessions"]()
        return session

    return open_session


@pytest.fixture(scope="session")
def sign_in_as(
    app_session: Callable[[Flask], Session],
) -> Callable[[FlaskClient, Flask, int], None]:
    """`sign_in_as(client, app, attendee_id)`: the client signed in by a fresh private link.

    When the link page asks to confirm (switching identity), it is confirmed.
    """

    def sign_in(client: FlaskClient, app: Flask, attendee_id: int) -> None:
        with app_session(app) as session:
            person = session.get(Attendee, attendee_id)
            assert person is not None
            token = person.issue_private_token()
            session.commit()
        response = client.get(f"/m/{token}")
        if response.status_code == 200 and b'method="post"' in response.data:
            response = client.post(f"/m/{token}")
        assert response.status_code in (302, 303), response.status_code

    return sign_in
