"""The organizer's attendee list: search, filters and pages; one attendee's page."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from models import Attendee, Suggestion


def _names(page: str) -> list[str]:
    return re.findall(r'<a class="people__name" href="[^"]*">([^<]*)</a>', page)


@pytest.fixture
def four_people(make_attendees):  # type: ignore[no-untyped-def]
    """`four_people(app, event_id)`: Ada, Bo (unlisted), Cy and Di (hidden), Ada with a suggestion
    of Di; email -> id."""

    def _people(app, event_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
        make_attendees(
            app,
            event_id,
            [
                {
                    "email": "ada@x.org",
                    "name": "Ada Lovelace",
                    "company": "Engines",
                    "headline": "Analyst at Engines",
                    "interests": ["maths"],
                },
                {"email": "bo@x.org", "name": "Bo Chen", "interests": ["maths"], "listed": False},
                {"email": "cy@x.org", "name": "Cy 100%_Diaz"},
                {"email": "di@x.org", "name": "Di Park", "interests": ["poetry"], "hidden": True},
            ],
        )
        with app.extensions["cg_sessions"]() as session:
            ids = {a.email: a.id for a in session.scalars(sa.select(Attendee))}
            session.add(
                Suggestion(
                    event_id=event_id,
                    attendee_id=ids["ada@x.org"],
                    other_id=ids["di@x.org"],
                    rank=1,
                    score=0.71,
                    detail={
                        "reasons": ["You both work on maths."],
                        "starters": ["What got you into maths?"],
                    },
                )
            )
            session.commit()
        return ids

    return _people


def test_attendee_list_searches_name_email_company_and_headline(  # type: ignore[no-untyped-def]
    app, client, four_people, login, make_event, make_organizer
) -> None:
    four_people(app, make_event(app, make_organizer(app)))
    login(client)
    page = client.get("/organizer/events/climate/attendees").get_data(as_text=True)
    assert "4 attendees" in page
    assert _names(page) == ["Ada Lovelace", "Bo Chen", "Cy 100%_Diaz", "Di Park"]
    assert "empty profile" in page and "not listed" in page and "hidden" in page
    for query in ("engines", "ANALYST", "ada@x", "lovelace"):
        found = client.get(f"/organizer/events/climate/attendees?q={query}").get_data(as_text=True)
        assert _names(found) == ["Ada Lovelace"], query
        assert "1 attendee matching" in found
    # Wildcards typed in the search are literal.
    literal = client.get("/organizer/events/climate/attendees?q=100%25_").get_data(as_text=True)
    assert _names(literal) == ["Cy 100%_Diaz"]
    nobody = client.get("/organizer/events/climate/attendees?q=zzz").get_data(as_text=True)
    assert "Nobody matches that search." in nobody


def test_attendee_list_filters_by_state(  # type: ignore[no-untyped-def]
    app, client, four_people, login, make_event, make_organizer
) -> None:
    four_people(app, make_event(app, make_organizer(app)))
    login(client)

    def names(filter_name: str) -> list[str]:
        url = f"/organizer/events/climate/attendees?filter={filter_name}"
        return _names(client.get(url).get_data(as_text=True))

    assert names("no-suggestions") == ["Bo Chen", "Cy 100%_Diaz", "Di Park"]
    assert names("incomplete") == ["Cy 100%_Diaz"]
    assert names("not-listed") == ["Bo Chen"]
    assert names("hidden") == ["Di Park"]
    assert names("pinned") == []
    assert names("nonsense") == _names(
        client.get("/organizer/events/climate/attendees").get_data(as_text=True)
    )
    both = client.get("/organizer/events/climate/attendees?filter=no-suggestions&q=chen")
    assert _names(both.get_data(as_text=True)) == ["Bo Chen"]


def test_attendee_page_shows_profile_suggestions_and_actions(  # type: ignore[no-untyped-def]
    app, client, four_people, login, make_event, make_attendees, make_organizer
) -> None:
    ids = four_people(app, make_event(app, make_organizer(app)))
    login(client)
    page = client.get(f"/organizer/events/climate/attendees/{ids['ada@x.org']}")
    assert page.headers["Cache-Control"] == "private, no-store"
    html = page.get_data(as_text=True)
    assert "You both work on maths." in html and "What got you into maths?" in html
    assert "score 0.71" in html and "Di Park" in html
    for action in ("Edit profile", "New private link", "Hide from suggestions", "Pin introduction"):
        assert action in html
    other = make_event(app, make_organizer(app, email="other@x.org"), slug="other")
    make_attendees(app, other, [{"email": "zed@x.org", "name": "Zed"}])
    with app.extensions["cg_sessions"]() as session:
        zed = session.scalar(sa.select(Attendee.id).where(Attendee.email == "zed@x.org"))
    # Another event's attendee is not reachable through this event (nor is that event).
    assert client.get(f"/organizer/events/climate/attendees/{zed}").status_code == 404
    assert client.get(f"/organizer/events/other/attendees/{zed}").status_code == 404


def test_attendee_list_pages_through_large_events(  # type: ignore[no-untyped-def]
    app, client, make_event, make_attendees, login, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app))
    make_attendees(
        app, event_id, [{"email": f"p{i:03}@x.org", "name": f"Person {i:03}"} for i in range(120)]
    )
    login(client)
    first = client.get("/organizer/events/climate/attendees").get_data(as_text=True)
    assert "page 1 of 3" in first and "Person 000" in first and "Person 050" not in first
    assert "1–50 of 120" in first
    last = client.get("/organizer/events/climate/attendees?page=3").get_data(as_text=True)
    assert "Person 119" in last and "Person 099" not in last
    beyond = client.get("/organizer/events/climate/attendees?page=9").get_data(as_text=True)
    assert "Person 119" in beyond  # past the end: the last page
    assert client.get("/organizer/events/climate/attendees?page=x").status_code == 200
