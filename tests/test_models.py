"""The schema: migrations, constraints and tokens, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from models import Attendee, Base, Contact, Departure, Event, PhraseEmbedding, hash_token, utcnow
from models.db import make_engine, make_session_factory
from models.migrate import current_revision, head_revision, upgrade


@pytest.fixture
def engine(database_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):  # type: ignore[no-untyped-def]
    with make_session_factory(engine)() as session:
        yield session


def make_attendee(event: Event, email: str, **kw) -> Attendee:  # type: ignore[no-untyped-def]
    attendee = Attendee(event=event, email=email, name=kw.pop("name", "Ada"), **kw)
    attendee.issue_private_token()
    return attendee


def test_migrations_reach_head_and_match_the_models(engine) -> None:  # type: ignore[no-untyped-def]
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_upgrade_twice_is_harmless(engine) -> None:  # type: ignore[no-untyped-def]
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_one_email_once_per_event(session) -> None:  # type: ignore[no-untyped-def]
    event = Event(slug="conf", name="Conf")
    session.add_all([make_attendee(event, "a@example.org")])
    session.commit()
    session.add(make_attendee(event, "a@example.org"))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    other = Event(slug="other", name="Other")
    session.add(make_attendee(other, "a@example.org"))
    session.commit()  # the same person may attend another event


def test_tokens_are_opaque_and_private_link_is_stored_hashed(session) -> None:  # type: ignore[no-untyped-def]
    event = Event(slug="conf", name="Conf")
    # A distinctive id: a random token contains a short one like "1" by chance.
    attendee = Attendee(id=918273, event=event, email="a@example.org", name="Ada")
    token = attendee.issue_private_token()
    session.add(attendee)
    session.commit()
    assert len(attendee.badge_token) >= 32 and str(attendee.id) not in attendee.badge_token
    assert token not in (attendee.private_token_hash, attendee.badge_token)
    assert attendee.private_token_hash == hash_token(token)
    assert attendee.private_token_matches(token)
    assert not attendee.private_token_matches(token + "x")


def test_lists_and_embeddings_round_trip(session) -> None:  # type: ignore[no-untyped-def]
    event = Event(slug="conf", name="Conf")
    attendee = make_attendee(event, "a@example.org", interests=["carbon capture", "Ökologie"])
    session.add_all(
        [attendee, PhraseEmbedding(model="m", text_hash="h", text="x", dim=2, vector=b"\0" * 8)]
    )
    session.commit()
    session.expire_all()
    assert session.get(Attendee, attendee.id).interests == ["carbon capture", "Ökologie"]
    assert session.scalars(sa.select(PhraseEmbedding)).one().vector == b"\0" * 8


def test_deleting_an_event_removes_its_attendees_and_contacts(session) -> None:  # type: ignore[no-untyped-def]
    event = Event(slug="conf", name="Conf")
    a, b = make_attendee(event, "a@example.org"), make_attendee(event, "b@example.org")
    session.add_all([a, b])
    session.flush()
    session.add(Contact(event_id=event.id, owner_id=a.id, other_id=b.id, follow_up_by=utcnow()))
    session.commit()
    session.delete(event)
    session.commit()
    assert session.scalar(sa.select(sa.func.count(Attendee.id))) == 0
    assert session.scalar(sa.select(sa.func.count(Contact.id))) == 0


def test_each_attendee_deleted_leaves_one_departure_of_their_own_event(session) -> None:  # type: ignore[no-untyped-def]
    """A worker learns who left from `Departure` rows (not by counting attendees)."""
    conf, other = Event(slug="conf", name="Conf"), Event(slug="other", name="Other")
    people = [make_attendee(conf, f"{n}@example.org") for n in "abc"]
    session.add_all([*people, make_attendee(other, "d@example.org")])
    session.commit()
    session.delete(people[0])
    session.commit()
    session.delete(people[1])
    session.delete(people[2])
    session.commit()
    rows = session.execute(
        sa.select(Departure.event_id, sa.func.count()).group_by(Departure.event_id)
    )
    assert dict(rows.all()) == {conf.id: 3}
    session.expire_all()  # conf.attendees as the database has them now: none
    session.delete(conf)
    session.commit()
    assert session.scalar(sa.select(sa.func.count(Departure.id))) == 0, "gone with the event"


def test_deleting_ones_data_does_not_wait_for_a_matching_run(postgres_url) -> None:  # type: ignore[no-untyped-def]
    """A run holds its event's row locked until it commits (`lock_event`; PostgreSQL
    only, SQLite's runs take no lock); a departure writes nothing to that row, so a
    deletion meanwhile goes through."""
    from web.services.matching import lock_event

    engine = make_engine(postgres_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory() as setup:
        event = Event(slug="conf", name="Conf")
        setup.add_all([event, make_attendee(event, "a@example.org")])
        setup.commit()
        event_id = event.id
    with factory() as run, factory() as leaver:
        lock_event(run, run.get_one(Event, event_id))  # a run in progress
        leaver.execute(sa.text("SET LOCAL lock_timeout = '2s'"))
        leaver.delete(leaver.scalars(sa.select(Attendee)).one())
        leaver.commit()  # raised LockNotAvailable when the event's row was written
        run.rollback()
    engine.dispose()
