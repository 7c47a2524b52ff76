"""Migrations upgrade a populated database from the first revision without losing a row."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from models import Attendee, Base, Contact, Event, Organizer, Suggestion, utcnow
from models.db import make_engine, make_session_factory
from models.migrate import alembic_config, current_revision, head_revision, upgrade


def _revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _insert(conn: sa.Connection, tables: sa.MetaData, obj: Base) -> int:
    """Insert the model object `obj` into its table as the database has it now.

    Columns a later revision adds are left out; Python-side defaults are filled in as
    the ORM would. Returns the new row's id.
    """
    table = tables.tables[obj.__tablename__]
    values = {}
    for column in type(obj).__table__.columns:
        if column.name not in table.c:
            continue
        value = getattr(obj, column.key)
        if value is None and column.default is not None:
            arg = column.default.arg  # type: ignore[attr-defined]
            value = arg(None) if callable(arg) else arg
        if value is not None:
            values[column.name] = value
    return int(conn.execute(table.insert().values(values)).inserted_primary_key[0])


def _populate(engine: sa.Engine) -> None:
    """People, a suggestion and a contact, written with the columns the schema has now."""
    tables = sa.MetaData()
    tables.reflect(engine)
    with engine.begin() as conn:
        organizer = _insert(conn, tables, Organizer(email="org@example.org", password_hash="x"))
        event = _insert(
            conn, tables, Event(slug="first", name="First Event", organizer_id=organizer)
        )
        people = []
        for i in range(30):
            person = Attendee(
                event_id=event,
                email=f"p{i}@example.org",
                name=f"Person {i} — Zoë",
                interests=["carbon capture", f"topic {i}"],
                extra={"T-shirt": "M"},
            )
            person.issue_private_token()
            people.append(_insert(conn, tables, person))
        _insert(
            conn,
            tables,
            Suggestion(
                event_id=event,
                attendee_id=people[0],
                other_id=people[1],
                rank=1,
                score=0.5,
                detail={"reasons": ["You both listed carbon capture."]},
            ),
        )
        _insert(
            conn,
            tables,
            Contact(
                event_id=event,
                owner_id=people[0],
                other_id=people[1],
                note="talked about soil",
                follow_up_by=utcnow(),
            ),
        )


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
