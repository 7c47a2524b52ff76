"""The organizer reviews attendees and their suggested introductions."""

from __future__ import annotations

import re

import sqlalchemy as sa
from organizer_helpers import login, make_attendees, make_event, make_organizer

from models import Attendee, Suggestion


def test_attendees_page_shows_suggestions_with_reasons_and_searches(app, client) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(app, make_organizer(app))
    make_attendees(
        app,
        event_id,
        [
            {
                "email": "ada@x.org",
                "name": "Ada Lovelace",
                "company": "Engines",
                "interests": ["maths"],
            },
            {"email": "bo@x.org", "name": "Bo Chen", "interests": ["maths"]},
            {"email": "cy@x.org", "name": "Cy 100%_Diaz"},
        ],
    )
    with app.extensions["cg_sessions"]() as session:
        ids = {a.email: a.id for a in session.scalars(sa.select(Attendee))}
        session.add(
            Suggestion(
                event_id=event_id,
                attendee_id=ids["ada@x.org"],
                other_id=ids["bo@x.org"],
                rank=1,
                score=0.71,
                detail={
                    "reasons": ["You both work on maths."],
                    "starters": ["What got you into maths?"],
                },
            )
        )
        session.commit()
    login(client)
    page = client.get("/organizer/events/climate/attendees").get_data(as_text=True)
    assert "3 attendees" in page
    assert "You both work on maths." in page and "What got you into maths?" in page
    assert "score 0.71" in page
    assert "empty profile" in page  # Cy has nothing to match on
    names = re.findall(r'<h2 class="review__name">([^<]*)</h2>', page)
    assert names == ["Ada Lovelace", "Bo Chen", "Cy 100%_Diaz"]

    found = client.get("/organizer/events/climate/attendees?q=engines").get_data(as_text=True)
    assert "1 attendee matching" in found
    assert re.findall(r'<h2 class="review__name">([^<]*)</h2>', found) == ["Ada Lovelace"]
    # Wildcards typed in the search are literal.
    literal = client.get("/organizer/events/climate/attendees?q=100%25_").get_data(as_text=True)
    assert re.search(r"1 attendee matching", literal) and "Cy 100%_Diaz" in literal
    nobody = client.get("/organizer/events/climate/attendees?q=%25").get_data(as_text=True)
    assert "1 attendee matching" in nobody


def test_attendees_page_pages_through_large_events(app, client) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(app, make_organizer(app))
    make_attendees(
        app, event_id, [{"email": f"p{i:03}@x.org", "name": f"Person {i:03}"} for i in range(120)]
    )
    login(client)
    first = client.get("/organizer/events/climate/attendees").get_data(as_text=True)
    assert "page 1 of 3" in first and "Person 000" in first and "Person 050" not in first
    last = client.get("/organizer/events/climate/attendees?page=3").get_data(as_text=True)
    assert "Person 119" in last and "Person 099" not in last
    assert client.get("/organizer/events/climate/attendees?page=x").status_code == 200
