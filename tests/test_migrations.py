"""Migrations upgrade a populated database from the first revision without losing a row."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from models import Attendee, Contact, Event, Organizer, Suggestion
from models.db import make_engine, make_session_factory
from models.migrate import alembic_config, current_revision, head_revision, upgrade


def _revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _populate(engine: sa.Engine) -> None:
    """People, a suggestion and a contact, written the way the first revision's schema had them."""
    sessions = make_session_factory(engine)
    with sessions() as session:
        organizer = Organizer(email="org@example.org", password_hash="x")
        event = Event(slug="first", name="First Event", organizer=organizer)
        session.add(event)
        session.flush()
        people = []
        for i in range(30):
            person = Attendee(
                event_id=event.id,
                email=f"p{i}@example.org",
                name=f"Person {i} — Zoë",
                interests=["carbon capture", f"topic {i}"],
                extra={"T-shirt": "M"},
            )
            person.issue_private_token()
            session.add(person)
            people.append(person)
        session.flush()
        session.add(
            Suggestion(
                event_id=event.id,
                attendee_id=people[0].id,
                other_id=people[1].id,
                rank=1,
                score=0.5,
                detail={"reasons": ["You both listed carbon capture."]},
            )
        )
        session.add(
            Contact(
                event_id=event.id,
                owner_id=people[0].id,
                other_id=people[1].id,
                note="talked about soil",
                follow_up_by=people[0].created_at,
            )
        )
        session.commit()


def test_a_populated_database_upgrades_from_the_first_revision(database_url: str) -> None:
    revisions = _revisions()
    assert revisions[-1] == head_revision()
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine, revisions[0])
        assert current_revision(engine) == revisions[0]
        _populate(engine)
        before = _rows(engine)
        for revision in revisions[1:]:
            upgrade(engine, revision)
            assert current_revision(engine) == revision
        upgrade(engine)  # to head, and again: idempotent
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        after = _rows(engine)
        assert after == before
        with make_session_factory(engine)() as session:
            people = session.scalars(sa.select(Attendee).order_by(Attendee.id)).all()
            assert len(people) == 30
            assert people[0].interests == ["carbon capture", "topic 0"]
            assert people[0].extra == {"T-shirt": "M"}
            assert session.scalar(sa.select(Contact.note)) == "talked about soil"
    finally:
        engine.dispose()


def _rows(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("organizers", "events", "attendees", "suggestions", "contacts")
        }


def test_init_db_command_upgrades_an_existing_database_and_keeps_its_data(app, runner) -> None:
    with app.app_context():
        _populate(app.extensions["cg_engine"])
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    assert _rows(app.extensions["cg_engine"])["attendees"] == 30
