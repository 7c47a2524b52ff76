"""The JSON API's matching side: suggestions, runs, introductions exports and rounds."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from fixtures_api import Api

from web.queue import wait_for_jobs
from web.services.exporting import HEADERS
from web.services.rounds import SCHEDULE_HEADERS


@pytest.fixture
def api(  # type: ignore[no-untyped-def]
    app, client, api_client, make_api_key, add_people, add_suggestion, make_organizer, make_event
) -> Api:
    """Organizer of "climate": Ada, Ben, a formula name, unlisted Cy, and suggestions."""
    organizer = make_organizer(app)
    event_id = make_event(app, organizer, slug="climate")
    ids = add_people(
        app,
        event_id,
        [
            {"name": "Ada Lovelace", "email": "ada@example.org", "external_id": "EB-1"},
            {"name": "Ben Okafor", "email": "ben@example.org", "share_email": True},
            {"name": "=cmd|' /C calc'!A0", "email": "evil@example.org"},
            {"name": "Cy Hidden", "email": "cy@example.org", "listed": False},
        ],
    )
    ada, ben, evil, cy = ids.values()
    add_suggestion(
        app,
        event_id,
        ada,
        ben,
        1,
        0.9,
        shared=[("chess", "chess"), ("marathons", "trail running")],
        complements=[("a", "a co-founder", "building startups")],
        reasons=["You both listed chess."],
        starters=["What opening do you always play?"],
    )
    add_suggestion(app, event_id, ada, evil, 2, 0.4, reasons=["You both listed poetry."])
    add_suggestion(app, event_id, ada, cy, 3, 0.3, reasons=["Hidden."])
    add_suggestion(app, event_id, ben, ada, 1, 0.9, reasons=["You both listed chess."])
    return api_client(client, make_api_key(app, organizer))


def test_suggestions_have_reasons_starters_and_only_consented_emails(api) -> None:  # type: ignore[no-untyped-def]
    response = api.get("/events/climate/attendees/ada@example.org/suggestions")
    assert response.status_code == 200
    body = response.get_json()
    assert body["attendee"]["email"] == "ada@example.org"
    people = [s["person"]["name"] for s in body["data"]]
    assert people == ["Ben Okafor", "=cmd|' /C calc'!A0"]  # unlisted Cy never appears
    ben, evil = body["data"]
    assert ben["rank"] == 1 and ben["reasons"] == ["You both listed chess."]
    assert ben["starters"] == ["What opening do you always play?"]
    assert {"mine": "marathons", "theirs": "trail running"} in ben["shared"]
    assert ben["complements"] == [
        {"who_needs": "attendee", "need": "a co-founder", "offer": "building startups"}
    ]
    assert ben["person"]["email"] == "ben@example.org"  # Ben agreed to share it
    assert evil["person"]["email"] is None
    assert "cy@example.org" not in response.get_data(as_text=True)
    empty = api.get("/events/climate/attendees/cy@example.org/suggestions")
    assert empty.status_code == 200 and empty.get_json()["data"] == []
    missing = api.get("/events/climate/attendees/nobody@example.org/suggestions")
    assert missing.status_code == 404


def test_introductions_as_json_csv_and_xlsx(api) -> None:  # type: ignore[no-untyped-def]
    body = api.get("/events/climate/introductions").get_json()
    rows = body["data"]
    assert len(rows) == 3 and "Cy Hidden" not in {r["suggested_person"] for r in rows}
    first = rows[0]
    assert first["attendee"] == "Ada Lovelace" and first["registration_key"] == "EB-1"
    assert first["suggested_person"] == "Ben Okafor"
    assert first["suggested_person_email"] == "ben@example.org"
    assert first["shared_interests"] == "chess; marathons ↔ trail running"
    assert rows[1]["suggested_person_email"] is None

    response = api.get("/events/climate/introductions.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="introductions-climate.csv"' in response.headers["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert table[0] == HEADERS and len(table) == 4
    assert table[2][4] == "'=cmd|' /C calc'!A0"  # never a formula
    cached = api.get(
        "/events/climate/introductions.csv", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert cached.status_code == 304

    response = api.get("/events/climate/introductions.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data())).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADERS and values[1][4] == "Ben Okafor" and len(values) == 4


def test_matching_run_is_202_then_done_and_a_second_is_409(app, api) -> None:  # type: ignore[no-untyped-def]
    for who, interests in [("ada", ["chess", "poetry"]), ("ben", ["chess", "jazz"])]:
        api.put(f"/events/climate/attendees/{who}@example.org", json={"interests": interests})
    response = api.post("/events/climate/runs")
    assert response.status_code == 202
    run = response.get_json()
    assert run["status"] in ("running", "done") and 0 <= run["progress"] <= 1
    location = response.headers["Location"]
    assert location.endswith(f"/api/v1/events/climate/runs/{run['id']}")
    wait_for_jobs(app)
    done = api.get(f"/events/climate/runs/{run['id']}").get_json()
    assert done["status"] == "done" and done["progress"] == 1.0 and done["suggestions"] >= 2
    assert done["finished_at"] is not None
    assert [r["id"] for r in api.get("/events/climate/runs").get_json()["data"]] == [run["id"]]
    suggestions = api.get("/events/climate/attendees/ada@example.org/suggestions").get_json()
    assert suggestions["data"][0]["person"]["name"] == "Ben Okafor"
    assert suggestions["data"][0]["reasons"]
    assert api.get("/events/climate/runs/999").status_code == 404
    assert api.get(f"/events/climate/runs/{2**40}").status_code == 404


def test_a_second_run_while_one_runs_is_409(app, api) -> None:  # type: ignore[no-untyped-def]
    from models import MatchRun
    from models.run import RUN_RUNNING

    with app.extensions["cg_sessions"]() as session:
        session.add(MatchRun(event_id=1, active_event_id=1, status=RUN_RUNNING))
        session.commit()
    response = api.post("/events/climate/runs")
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "run_in_progress"
    assert response.headers["Location"].endswith("/api/v1/events/climate/runs/1")


def test_rounds_are_planned_and_read_back(api) -> None:  # type: ignore[no-untyped-def]
    assert api.get("/events/climate/rounds").get_json() == {"rounds": []}
    response = api.post("/events/climate/rounds", json={"rounds": 2, "tables": 1})
    assert response.status_code == 201, response.get_json()
    rounds = response.get_json()["rounds"]
    assert [r["number"] for r in rounds] == [1, 2]
    for rnd in rounds:
        seated = [p["name"] for t in rnd["tables"] for p in t["people"]]
        everyone = seated + [p["name"] for p in rnd["sitting_out"]]
        assert "Cy Hidden" not in everyone  # unlisted people are never seated
        assert sorted(everyone) == sorted(["Ada Lovelace", "Ben Okafor", "=cmd|' /C calc'!A0"])
    assert api.get("/events/climate/rounds").get_json()["rounds"] == rounds
    response = api.get("/events/climate/rounds.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="rounds-climate.csv"' in response.headers["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert table[0] == SCHEDULE_HEADERS and len(table) == 1 + 2 * 3  # per person per round
    assert "'=cmd|' /C calc'!A0" in {row[2] for row in table}  # never a formula
    for body, field in [
        ({"rounds": 0, "tables": 1}, "rounds"),
        ({"rounds": 2}, "tables"),
        ({"rounds": True, "tables": 1}, "rounds"),
        ({"rounds": 2, "tables": 1, "colour": "red"}, "colour"),
    ]:
        response = api.post("/events/climate/rounds", json=body)
        assert response.status_code == 400 and response.get_json()["error"]["field"] == field
