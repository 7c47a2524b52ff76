"""Rounds in the console: who would sit out is shown before saving, each round has a
time that attendees see, printable table cards, and early rounds favour professional fit."""

from __future__ import annotations

import csv
import io
import re
import threading

import pytest
import sqlalchemy as sa

from matcher import plan_rounds
from models import Attendee, RoundAssignment
from web.services.round_plan import professional_share


@pytest.fixture
def thirty(app, add_people, make_event, make_organizer) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Thirty people at "climate" (on the `app` fixture); name -> id."""
    event_id = make_event(app, make_organizer(app), slug="climate")
    return add_people(app, event_id, [{"name": f"Person {i:02}"} for i in range(30)])


def _sitting_out(page: str) -> dict[int, list[str]]:
    out = {}
    for number, names in re.findall(
        r'<li data-round="(\d+)"><strong>Round \d+</strong> · \d+ sit out: ([^<]*)</li>', page
    ):
        out[int(number)] = names.split(", ")
    return out


def test_eight_tables_for_thirty_people_say_who_sits_out_before_saving(  # type: ignore[no-untyped-def]
    app, client, thirty, login
) -> None:
    ids = thirty
    login(client)
    form = {"rounds": "3", "tables": "8"}
    asked = client.post("/organizer/events/climate/rounds", data=form)
    assert asked.status_code == 200
    assert "Not everyone gets a seat: nothing is saved yet" in asked.text
    assert (
        "8 tables seat 17 of 30 people (one table takes three), so 13 sit out each round."
        in asked.text
    )
    assert "15 tables would seat everyone." in asked.text
    shown = _sitting_out(asked.text)
    assert sorted(shown) == [1, 2, 3] and all(len(names) == 13 for names in shown.values())
    assert set().union(*shown.values()) <= set(ids)
    with app.extensions["cg_sessions"]() as session:
        assert session.scalar(sa.select(sa.func.count(RoundAssignment.id))) == 0  # nothing saved

    saved = client.post("/organizer/events/climate/rounds", data={**form, "confirm": "y"})
    assert saved.status_code == 302
    with app.extensions["cg_sessions"]() as session:
        names = dict(session.execute(sa.select(Attendee.id, Attendee.name)).all())
        out: dict[int, list[str]] = {}
        for row in session.scalars(
            sa.select(RoundAssignment).where(RoundAssignment.table_number.is_(None))
        ):
            out.setdefault(row.round_number, []).append(names[row.attendee_id])
    # The plan saved is the plan shown.
    assert {n: sorted(v) for n, v in out.items()} == {n: sorted(v) for n, v in shown.items()}

    # "Check who sits out" never saves, even when everyone fits.
    check = client.post(
        "/organizer/events/climate/rounds", data={"rounds": "2", "tables": "15", "action": "check"}
    )
    assert "Everyone gets a seat" in check.text and "15 tables seat all 30 people" in check.text
    with app.extensions["cg_sessions"]() as session:
        assert session.scalar(sa.select(sa.func.max(RoundAssignment.round_number))) == 3


def test_each_round_has_a_time_on_the_console_my_page_the_csv_and_the_table_cards(
    app, client, thirty, login, open_private_link
) -> None:  # type: ignore[no-untyped-def]
    ids = thirty
    login(client)
    assert client.get("/organizer/events/climate/rounds/cards").status_code == 302  # no plan yet
    form = {
        "rounds": "3",
        "tables": "15",
        "starts_at": "18:00",
        "minutes": "8",
        "break_minutes": "2",
    }
    saved = client.post("/organizer/events/climate/rounds", data=form)
    assert saved.status_code == 302
    page = client.get("/organizer/events/climate/rounds").text
    assert "Round 1</strong> · 18:00–18:08" in page and "Round 3</strong> · 18:20–18:28" in page
    assert 'value="18:00"' in page  # the rhythm comes back in the form

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/organizer/events/climate/rounds.csv").text.lstrip("\ufeff"))
        )
    )
    assert {(r["Round"], r["Starts"], r["Ends"]) for r in rows} == {
        ("1", "18:00", "18:08"),
        ("2", "18:10", "18:18"),
        ("3", "18:20", "18:28"),
    }

    cards = client.get("/organizer/events/climate/rounds/cards").text
    assert cards.count('class="table-card"') == 15
    ada_table = next(r for r in rows if r["Attendee"] == "Person 00" and r["Round"] == "2")
    card = cards.split(f'id="table-{ada_table["Table"]}"')[1].split("</section>")[0]
    assert "Round 2</strong> · 18:10–18:18<br>" in card and "Person 00" in card

    with app.extensions["cg_sessions"]() as session:
        person = session.get(Attendee, ids["Person 00"])
        token = person.issue_private_token()
        session.commit()
    attendee = app.test_client()
    open_private_link(attendee, token)
    mine = attendee.get("/e/climate/me").text
    assert f"Round 2 · 18:10–18:18 · table {ada_table['Table']}</strong>" in mine

    # Without a start time, no times are shown anywhere.
    client.post("/organizer/events/climate/rounds", data={**form, "starts_at": ""})
    assert "18:00–" not in client.get("/organizer/events/climate/rounds").text


def test_professional_share_counts_interests_goals_and_ties_against_hobbies() -> None:
    hobby = {"shared": [{"kind": "personal", "weight": 1.0, "similarity": 0.9}]}
    work = {"shared": [{"kind": "interest", "weight": 1.0, "similarity": 0.9}]}
    goal = {"complements": [{"similarity": 0.7}]}
    mixed = {"shared": [*hobby["shared"], *work["shared"]]}
    assert professional_share(hobby) == 0.0
    assert professional_share(work) == professional_share(goal) == 1.0
    assert professional_share(mixed) == 0.5
    assert professional_share({}) == 1.0


def test_early_rounds_seat_professional_fit_first_and_later_rounds_the_rest() -> None:
    ids = ["a", "b", "c", "d"]
    overall = {("a", "b"): 0.9, ("c", "d"): 0.9, ("a", "c"): 0.6, ("b", "d"): 0.6}
    # a-b and c-d only share hobbies; a-c and b-d share work.
    early = {("a", "b"): 0.9 * 0.25, ("c", "d"): 0.9 * 0.25, ("a", "c"): 0.6, ("b", "d"): 0.6}
    plain = plan_rounds(ids, overall, 2, 2)
    assert {frozenset(t.members) for t in plain.rounds[0].tables} == {
        frozenset("ab"),
        frozenset("cd"),
    }
    planned = plan_rounds(ids, overall, 2, 2, early=early, early_rounds=1)
    assert {frozenset(t.members) for t in planned.rounds[0].tables} == {
        frozenset("ac"),
        frozenset("bd"),
    }
    assert {frozenset(t.members) for t in planned.rounds[1].tables} == {
        frozenset("ab"),
        frozenset("cd"),
    }


def test_hidden_attendees_are_not_seated(  # type: ignore[no-untyped-def]
    app, client, add_people, add_suggestion, make_event, login, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(
        app,
        event_id,
        [{"name": n} for n in ("Ada", "Ben", "Cy", "Di")] + [{"name": "Ed", "hidden": True}],
    )
    add_suggestion(app, event_id, ids["Ada"], ids["Ed"], 1, 0.9)
    login(client)
    client.post("/organizer/events/climate/rounds", data={"rounds": "2", "tables": "2"})
    with app.extensions["cg_sessions"]() as session:
        seated = set(session.scalars(sa.select(RoundAssignment.attendee_id)))
    assert ids["Ed"] not in seated and len(seated) == 4


def test_saving_a_plan_whose_notes_need_new_phrases_never_waits_on_the_database(
    app_factory, fake_encoder, add_people, make_event, login, make_organizer
) -> None:  # type: ignore[no-untyped-def]
    """The save writes (the round times) before the table notes are made; a note whose
    phrases are new to the worker must not wait for SQLite's one writer, which is the
    request itself (it hung for good once headlines became phrases)."""
    app = app_factory(encoder=fake_encoder)
    event_id = make_event(app, make_organizer(app), slug="climate")
    names = ["Ada", "Ben", "Cleo", "Dev", "Eve", "Zoë"]
    add_people(app, event_id, [{"name": n, "headline": "Climate tech"} for n in names])
    client = app.test_client()
    login(client)
    form = {"rounds": "3", "tables": "2", "starts_at": "09:00", "minutes": "10"}
    done: list[int] = []
    worker = threading.Thread(
        target=lambda: done.append(
            client.post(
                "/organizer/events/climate/rounds", data={**form, "confirm": "y"}
            ).status_code
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=60)
    assert done == [302], "the plan was saved without waiting on itself"
    with app.extensions["cg_sessions"]() as session:
        seated = session.scalars(
            sa.select(RoundAssignment).where(RoundAssignment.table_number.is_not(None))
        ).all()
    assert seated and all(row.notes for row in seated), "each seat says what the table shares"
