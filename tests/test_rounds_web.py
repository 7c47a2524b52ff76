"""Speed-networking rounds for a stored event: planning, the page, the CSV, my page, the CLI."""

from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from matcher import CommonGround, Complement, SharedItem, wording
from models import Attendee, Event, PairExclusion, RoundAssignment
from web.extensions import get_matcher
from web.services.rounds import SCHEDULE_HEADERS, plan_event_rounds

NAMES = ["Ada", "Ben", "Cleo", "Dev", "Eve", "Finn", "Gus", "Hana", "Ivo"]


@pytest.fixture
def people(app, add_people, add_suggestion, make_event, make_organizer) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Nine listed attendees, one unlisted; strong suggestions Ada-Ben and Cleo-Dev."""
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(
        app,
        event_id,
        [{"name": n, "headline": f"{n} works on things"} for n in NAMES]
        + [{"name": "Hidden", "listed": False}],
    )
    add_suggestion(
        app,
        event_id,
        ids["Ada"],
        ids["Ben"],
        1,
        0.95,
        shared=[("chess", "Chess")],
        reasons=["You both listed chess."],
    )
    add_suggestion(
        app,
        event_id,
        ids["Dev"],
        ids["Cleo"],
        1,
        0.9,
        complements=[("a", "a co-founder", "engineering")],
        reasons=["You are looking for a co-founder — they offer engineering."],
    )
    add_suggestion(app, event_id, ids["Eve"], ids["Finn"], 1, 0.2)
    # Gus declined Hana: they never share a table.
    with app.extensions["cg_sessions"]() as session:
        session.add(PairExclusion(attendee_id=ids["Gus"], other_id=ids["Hana"]))
        session.commit()
    return ids


def _plan(app, rounds: int, tables: int):  # type: ignore[no-untyped-def]
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        event = session.scalar(sa.select(Event).where(Event.slug == "climate"))
        schedule = plan_event_rounds(session, get_matcher(), event, rounds, tables)
        session.commit()
        return schedule


def test_planning_seats_the_best_matches_first_and_respects_consent(app, people) -> None:  # type: ignore[no-untyped-def]
    schedule = _plan(app, rounds=4, tables=10)
    name = {str(v): k for k, v in people.items()}
    first = [{name[m] for m in t.members} for t in schedule.rounds[0].tables]
    assert any({"Ada", "Ben"} <= t for t in first)  # nine people: one table is a trio
    assert any({"Cleo", "Dev"} <= t for t in first)
    met = set()
    for rnd in schedule.rounds:
        seated = [name[m] for t in rnd.tables for m in t.members]
        assert "Hidden" not in seated and not rnd.sitting_out
        assert sorted(seated) == sorted(NAMES)
        for table in rnd.tables:
            pairs = {frozenset(p) for p in itertools.combinations(table.members, 2)}
            assert not pairs & met
            met |= pairs
            assert {name[m] for m in table.members} != {"Gus", "Hana"}
            assert not {"Gus", "Hana"} <= {name[m] for m in table.members}

    with app.extensions["cg_sessions"]() as session:
        rows = session.scalars(sa.select(RoundAssignment)).all()
        assert len(rows) == 4 * len(NAMES)
        ada = next(r for r in rows if r.attendee_id == people["Ada"] and r.round_number == 1)
        ben = next(r for r in rows if r.attendee_id == people["Ben"] and r.round_number == 1)
        assert ada.notes[str(people["Ben"])] == "You both listed chess."
        # Ben's note comes from Ada's suggestion, seen from Ben's side, in his own words.
        assert ben.notes[str(people["Ada"])] == "You both listed Chess."
        cleo = next(r for r in rows if r.attendee_id == people["Cleo"] and r.round_number == 1)
        # The same sentence as the suggestion card's first reason (matcher.wording).
        assert cleo.notes[str(people["Dev"])] == (
            "They are looking for “a co-founder” — you offer “engineering”."
        )

    # Planning again replaces the schedule.
    _plan(app, rounds=2, tables=3)
    with app.extensions["cg_sessions"]() as session:
        assert session.scalar(sa.select(sa.func.count(RoundAssignment.id))) == 2 * len(NAMES)
        sitting_out = session.scalars(
            sa.select(RoundAssignment).where(RoundAssignment.table_number.is_(None))
        ).all()
        assert len(sitting_out) == 2 * (len(NAMES) - 7)  # 3 tables seat 7 (one trio)


def test_rounds_page_plans_shows_and_downloads_the_schedule(app, client, people, login) -> None:  # type: ignore[no-untyped-def]
    login(client)
    event_page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "/organizer/events/climate/rounds" in event_page
    page = client.get("/organizer/events/climate/rounds")
    assert page.status_code == 200 and "No rounds planned yet" in page.get_data(as_text=True)
    assert re.search(r'id="tables"[^>]*value="4"', page.text)  # 9 listed: 4 tables

    bad = client.post("/organizer/events/climate/rounds", data={"rounds": "0", "tables": ""})
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Between 1 and 50 rounds." in text and "Enter how many tables you have." in text
    too_many = client.post("/organizer/events/climate/rounds", data={"rounds": "9", "tables": "4"})
    assert too_many.status_code == 422
    assert "at most 8 rounds" in too_many.get_data(as_text=True)
    assert 'value="9"' in too_many.get_data(as_text=True)  # what was typed comes back

    # Three tables seat seven (one trio): two people sit out each round, which the
    # organizer sees (and confirms) before anything is saved.
    asked = client.post("/organizer/events/climate/rounds", data={"rounds": "3", "tables": "3"})
    assert asked.status_code == 200 and "nothing is saved yet" in asked.text
    done = client.post(
        "/organizer/events/climate/rounds", data={"rounds": "3", "tables": "3", "confirm": "y"}
    )
    assert done.status_code == 302
    text = client.get("/organizer/events/climate/rounds").get_data(as_text=True)
    assert "Round 3" in text and "Table 3" in text and "Table 4" not in text
    assert "Sitting out" in text
    event_page = client.get("/organizer/events/climate").text
    assert "Planned: 3 rounds on up to 3 tables for 9 people." in event_page
    assert "Hidden" not in text

    response = client.get("/organizer/events/climate/rounds.csv")
    assert response.status_code == 200 and response.get_data().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0] == SCHEDULE_HEADERS
    assert len(rows) == 1 + 3 * len(NAMES)
    ada = next(r for r in rows[1:] if r[0] == "1" and r[2] == "Ada")
    assert ada[1] == "1" and "Ben" in ada[4].split(" & ")
    assert "You both listed chess." in ada[5]
    assert any(r[1] == "sits out" for r in rows[1:])


def test_my_page_shows_my_rounds(app, client, people, open_private_link) -> None:  # type: ignore[no-untyped-def]
    _plan(app, rounds=2, tables=10)
    with app.extensions["cg_sessions"]() as session:
        ada = session.get(Attendee, people["Ada"])
        token = ada.issue_private_token()
        session.commit()
    open_private_link(client, token)
    response = client.get("/e/climate/me")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Speed-networking rounds" in text
    assert "Round 1 · table 1</strong>" in text
    assert "Ben — You both listed chess." in text
    assert "Round 2 · table" in text

    # Ben stops being listed: Ada's page no longer shows him.
    with app.extensions["cg_sessions"]() as session:
        session.get(Attendee, people["Ben"]).listed = False
        session.commit()
    text = client.get("/e/climate/me").text
    assert "Round 1 · table 1</strong>" in text and "Ben" not in text


def test_rounds_command_prints_the_plan_and_writes_the_csv(
    app, runner, people, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "schedule.csv"
    result = runner.invoke(
        args=["rounds", "climate", "--rounds", "3", "--tables", "2", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Round 1: 2 tables, 4 sit out" in result.output
    matched = re.search(r"(\d+) of (\d+) meetings are suggested introductions", result.output)
    assert matched and 1 <= int(matched[1]) <= 3 and int(matched[2]) == 3 * 4
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == SCHEDULE_HEADERS and len(rows) == 1 + 3 * len(NAMES)

    result = runner.invoke(args=["rounds", "climate", "--rounds", "20", "--tables", "2"])
    assert result.exit_code == 1 and "at most 8 rounds" in result.output
    result = runner.invoke(args=["rounds", "nope", "--rounds", "2", "--tables", "2"])
    assert result.exit_code == 1 and "no event" in result.output


def test_notes_speak_from_the_readers_side() -> None:
    """A table note is the pair's first reason, each side reading its own side of it."""
    cg = CommonGround(
        score=0.4,
        shared=[SharedItem("marathons", "trail running", 0.7, "personal", 0.8)],
        complements=[Complement("a", "a co-founder", "engineering", 0.6)],
    )
    cg.reasons = wording.reasons(cg)
    assert wording.note(cg) == "A shared personal interest — you: marathons; them: trail running."
    assert wording.note(cg.flipped()) == (
        "A shared personal interest — you: trail running; them: marathons."
    )
    only_goal = CommonGround(score=0.2, complements=cg.complements)
    only_goal.reasons = wording.reasons(only_goal)
    assert (
        wording.note(only_goal) == "You are looking for “a co-founder” — they offer “engineering”."
    )
    assert wording.note(only_goal.flipped()) == (
        "They are looking for “a co-founder” — you offer “engineering”."
    )
    assert wording.note(CommonGround(score=0.0)) == ""


def test_rounds_and_exports_run_on_postgresql(  # type: ignore[no-untyped-def]
    postgres_url,
    app_factory,
    fake_encoder,
    add_people,
    add_suggestion,
    make_event,
    login,
    make_organizer,
) -> None:
    from web.services.exporting import introduction_rows

    app = app_factory(database_url=postgres_url, encoder=fake_encoder)
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(app, event_id, [{"name": n} for n in NAMES[:5]])
    add_suggestion(
        app, event_id, ids["Ada"], ids["Ben"], 1, 0.9, reasons=["You both listed chess."]
    )
    _plan(app, rounds=3, tables=1)
    client = app.test_client()
    login(client)
    # A streamed download: closing the response ends its request (as a WSGI server does).
    with client.get("/organizer/events/climate/rounds.csv") as response:
        rows = list(csv.reader(io.StringIO(response.text)))
    assert len(rows) == 1 + 3 * 5
    with app.test_request_context(), app.extensions["cg_sessions"]() as session:
        event = session.get(Event, event_id)
        assert [r[4] for r in introduction_rows(session, event)] == ["Ben"]
        from web.services.rounds import my_rounds

        ada = session.get(Attendee, ids["Ada"])
        assert [r.number for r in my_rounds(session, get_matcher(), ada)] == [1, 2, 3]


def test_table_mates_without_a_suggestion_get_a_note_from_the_matcher(  # type: ignore[no-untyped-def]
    app, add_people, make_event, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(
        app,
        event_id,
        [
            {"name": "Ana", "interests": ["urban beekeeping", "chess"]},
            {"name": "Bo", "interests": ["urban beekeeping", "rowing"]},
        ],
    )
    _plan(app, rounds=1, tables=1)
    with app.extensions["cg_sessions"]() as session:
        notes = {r.attendee_id: r.notes for r in session.scalars(sa.select(RoundAssignment)).all()}
    assert "beekeeping" in notes[ids["Ana"]][str(ids["Bo"])]
    assert "beekeeping" in notes[ids["Bo"]][str(ids["Ana"])]


def test_rounds_page_says_to_run_matching_first(  # type: ignore[no-untyped-def]
    app, client, add_people, make_event, login, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app), slug="climate")
    add_people(app, event_id, [{"name": n} for n in NAMES[:4]])
    login(client)
    text = client.get("/organizer/events/climate/rounds").text
    assert "No suggested introductions yet" in text and "Run the matching" in text


def test_notes_planning_had_no_time_for_are_written_when_the_page_opens(  # type: ignore[no-untyped-def]
    app, client, add_people, make_event, open_private_link, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(
        app,
        event_id,
        [
            {"name": "Ana", "interests": ["urban beekeeping"]},
            {"name": "Bo", "interests": ["urban beekeeping"]},
        ],
    )
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        event = session.get(Event, event_id)
        plan_event_rounds(session, get_matcher(), event, 1, 1, notes_budget=0)
        session.commit()
        ana = session.get(Attendee, ids["Ana"])
        token = ana.issue_private_token()
        session.commit()
        assert session.scalars(sa.select(RoundAssignment.notes)).all() == [{}, {}]
    open_private_link(client, token)
    text = client.get("/e/climate/me").text
    assert "Round 1 · table 1</strong> · Bo — " in text and "beekeeping" in text
    with app.extensions["cg_sessions"]() as session:
        mine = session.scalar(
            sa.select(RoundAssignment).where(RoundAssignment.attendee_id == ids["Ana"])
        )
        assert "beekeeping" in mine.notes[str(ids["Bo"])]
