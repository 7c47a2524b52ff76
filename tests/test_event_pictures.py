"""The event page's pictures: SVG images with alt text, and tables that say the same
as the database (topics, goals, fairness, scores, feedback ratings)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa
from test_organizer_people import run

from models import Attendee, Feedback, Suggestion


def _table(page: str, name: str) -> list[list[str]]:
    """The body rows of the table marked data-table=`name`, as cell texts."""
    body = re.search(rf'data-table="{name}".*?<tbody>(.*?)</tbody>', page, re.S)
    assert body, f"no {name} table"
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)
        ]
        for r in rows
    ]


@pytest.fixture
def picture_event(make_event, make_attendees, make_organizer):  # type: ignore[no-untyped-def]
    """`picture_event(app)`: the organizer's event with fourteen people and one empty profile; its
    id."""

    def _event(app) -> int:  # type: ignore[no-untyped-def]
        event_id = make_event(app, make_organizer(app), suggestions_per_attendee=3)
        people = []
        for i in range(14):
            people.append(
                {
                    "email": f"p{i}@x.org",
                    "name": f"Person {i:02}",
                    "interests": ["carbon capture", "soil carbon"]
                    if i < 7
                    else ["jazz piano", "music"],
                    "looking_for": ["seed funding"] if i < 5 else [],
                    "offering": ["seed funding"] if i == 13 else ["mentoring"] if i > 10 else [],
                }
            )
        people.append({"email": "empty@x.org", "name": "Nobody Yet"})
        make_attendees(app, event_id, people)
        return event_id

    return _event


def test_picture_tables_say_what_the_database_holds(app, client, picture_event, login) -> None:  # type: ignore[no-untyped-def]
    event_id = picture_event(app)
    run(app)
    with app.extensions["cg_sessions"]() as session:
        session.add_all(
            [
                Feedback(event_id=event_id, rater_id=1, other_id=2, rating=5, kinds=[]),
                Feedback(event_id=event_id, rater_id=2, other_id=1, rating=4, kinds=[]),
                Feedback(event_id=event_id, rater_id=3, other_id=4, rating=4, kinds=[]),
            ]
        )
        session.commit()
        suggestions = session.scalars(sa.select(Suggestion)).all()
        people = session.scalars(sa.select(Attendee)).all()
    login(client)
    page = client.get("/organizer/events/climate").get_data(as_text=True)

    goals = {row[0]: (int(row[1]), int(row[2])) for row in _table(page, "goals")}
    assert goals["seed funding"] == (5, 1) and goals["mentoring"] == (0, 2)
    assert "Whom to invite:</strong> 5 look for seed funding, 1 offers it." in page

    topics = _table(page, "topics")
    assert sum(int(row[2]) for row in topics) == 14  # everyone with interests, once
    assert "1 attendee without interests is not on the map." in page
    labels = " ".join(row[1] for row in topics)
    assert "carbon" in labels and ("jazz" in labels or "music" in labels)

    appears: dict[int, int] = {}
    own: dict[int, int] = {}
    for s in suggestions:
        appears[s.other_id] = appears.get(s.other_id, 0) + 1
        own[s.attendee_id] = own.get(s.attendee_id, 0) + 1
    fairness = {row[0]: int(row[1]) for row in _table(page, "fairness")}
    complete = [p for p in people if p.is_complete]
    for n in range(4):
        assert fairness.get(str(n), 0) == sum(1 for p in complete if appears.get(p.id, 0) == n)
    assert sum(fairness.values()) == len(complete)
    short = sum(1 for p in complete if 0 < own.get(p.id, 0) < 3)
    if short:
        assert f'data-short-lists="{short}"' in page

    scores = _table(page, "scores")
    assert sum(int(row[1]) for row in scores) == len(suggestions)
    for band, n in scores:
        low = float(band.split("–")[0])
        assert int(n) == sum(
            1 for s in suggestions if low <= s.score < low + 0.1 or (low == 0.9 and s.score >= 1)
        )

    assert _table(page, "ratings") == [["1", "0"], ["2", "0"], ["3", "0"], ["4", "2"], ["5", "1"]]
    overall = re.search(r'data-quality="All answers">(.*?)</tr>', page, re.S)
    assert overall and "<td>3</td>" in overall[1] and ">4.3<" in overall[1]
    for name in ("topics", "goals", "fairness", "scores", "ratings"):
        assert f"/organizer/events/climate/pictures/{name}.svg" in page
    assert re.search(
        r'<img src="[^"]*goals\.svg" alt="Goals: 5 look for seed funding, 1 offer it', page
    )


def test_pictures_are_svg_for_the_organizer_only(  # type: ignore[no-untyped-def]
    app, client, picture_event, login, make_event, make_organizer
) -> None:
    picture_event(app)
    run(app)
    assert client.get("/organizer/events/climate/pictures/goals.svg").status_code == 302
    login(client)
    for name in ("topics", "goals", "fairness", "scores", "ratings"):
        response = client.get(f"/organizer/events/climate/pictures/{name}.svg")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert response.headers["Cache-Control"] == "private, no-store"
        svg = ElementTree.fromstring(response.get_data())  # well-formed XML
        assert svg.find("{http://www.w3.org/2000/svg}title") is not None
        assert b"<script" not in response.get_data() and b"style=" not in response.get_data()
    assert client.get("/organizer/events/climate/pictures/other.svg").status_code == 404
    goals = client.get("/organizer/events/climate/pictures/goals.svg").get_data(as_text=True)
    assert ">seed funding<" in goals
    make_event(app, make_organizer(app, email="b@x.org"), slug="theirs")
    assert client.get("/organizer/events/theirs/pictures/goals.svg").status_code == 404


def test_an_event_without_people_explains_each_picture(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "No attendee has listed interests yet" in page
    assert "Nobody has said what they look for or can offer yet." in page
    assert "Run the matching to see how suggestions are shared out." in page
    assert "No ratings yet." in page
    assert "<img" not in page


def test_people_new_since_the_last_run_wait_for_the_next_one_on_the_map(  # type: ignore[no-untyped-def]
    app, client, picture_event, make_attendees, login
) -> None:
    event_id = picture_event(app)
    run(app)
    make_attendees(app, event_id, [{"email": "new@x.org", "name": "New", "interests": ["kelp"]}])
    login(client)
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    # The page never asks the model (a matching run may hold it): kelp has no vector yet.
    assert "1 joined since the last matching run and appears after the next." in page
    assert sum(int(row[2]) for row in _table(page, "topics")) == 14
