"""Events in the console and on the command line, and the event page's numbers."""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from fixtures_organizer import PASSWORD

from models import Contact, Event, Organizer, Scan, Suggestion, utcnow


def event_row(app, slug: str) -> Event:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return session.scalars(sa.select(Event).where(Event.slug == slug)).one()


def test_an_organizer_creates_and_edits_an_event(app, client, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app)
    login(client)
    response = client.post(
        "/organizer/events/new",
        data={
            "name": "Climate Summit",
            "slug": "climate-2026",
            "starts_on": "2026-12-03",
            "signup_open": "y",
            "suggestions_per_attendee": "4",
            "exposure_cap": "",
            "exclude_same_company": "y",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/organizer/events/climate-2026"
    event = event_row(app, "climate-2026")
    assert (event.name, event.starts_on, event.suggestions_per_attendee) == (
        "Climate Summit",
        dt.date(2026, 12, 3),
        4,
    )
    assert event.signup_open and event.exclude_same_company and event.exposure_cap is None

    response = client.post(
        "/organizer/events/climate-2026/edit",
        data={"name": "Climate Summit 2026", "slug": "hijack", "suggestions_per_attendee": "6"},
    )
    assert response.status_code == 302
    event = event_row(app, "climate-2026")
    assert event.name == "Climate Summit 2026" and event.suggestions_per_attendee == 6
    assert not event.signup_open  # unchecked box
    page = client.get("/organizer/events/climate-2026").get_data(as_text=True)
    assert "Climate Summit 2026" in page and "/e/climate-2026/join" in page


def test_bad_event_input_re_renders_with_what_was_typed(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app), slug="taken")
    login(client)
    response = client.post(
        "/organizer/events/new",
        data={"name": "My Meetup", "slug": "taken", "suggestions_per_attendee": "50"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="My Meetup"' in page
    assert "This short name is taken" in page and "Between 1 and 20." in page
    response = client.post(
        "/organizer/events/new",
        data={"name": "x", "slug": "Not A Slug!", "suggestions_per_attendee": "5"},
    )
    assert "Lower-case letters, digits and dashes" in response.get_data(as_text=True)
    assert count(app, Event) == 1


def test_event_page_shows_the_numbers(  # type: ignore[no-untyped-def]
    app, client, make_event, make_attendees, login, make_organizer
) -> None:
    event_id = make_event(app, make_organizer(app))
    make_attendees(
        app,
        event_id,
        [
            {"email": "a@x.org", "name": "Ada", "interests": ["carbon capture"]},
            {"email": "b@x.org", "name": "Bo", "about": "Building heat pumps"},
            {"email": "c@x.org", "name": "Cy"},  # empty profile
        ],
    )
    with app.extensions["cg_sessions"]() as session:
        a, b, _ = session.scalars(sa.select(Event).where(Event.id == event_id)).one().attendees
        session.add_all(
            [
                Suggestion(event_id=event_id, attendee_id=a.id, other_id=b.id, rank=1, score=0.5),
                Suggestion(event_id=event_id, attendee_id=b.id, other_id=a.id, rank=1, score=0.5),
                Scan(event_id=event_id, scanner_id=a.id, scanned_id=b.id),
                Contact(event_id=event_id, owner_id=a.id, other_id=b.id, follow_up_by=utcnow()),
                Contact(
                    event_id=event_id,
                    owner_id=b.id,
                    other_id=a.id,
                    follow_up_by=utcnow(),
                    followed_up_at=utcnow(),
                ),
            ]
        )
        session.commit()
    login(client)
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    stats = dict(re.findall(r'data-stat="(\w+)">(\d+)<', page))
    assert stats == {
        "signups": "3",
        "complete_profiles": "2",
        "with_suggestions": "2",
        "scans": "1",
        "saved_contacts": "2",
        "follow_ups_done": "1",
    }
    assert "<td>3</td>" in client.get("/organizer/").get_data(as_text=True)  # attendees


def test_cli_creates_organizers_and_events(app, runner, count, login) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(
        args=["create-organizer", "Lead@Example.org"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert count(app, Organizer, Organizer.email == "lead@example.org") == 1
    client = app.test_client()
    assert login(client, email="lead@example.org").status_code == 302

    again = runner.invoke(args=["create-organizer", "lead@example.org", "--password-stdin"])
    assert again.exit_code != 0 and "exists" in again.output
    short = runner.invoke(
        args=["create-organizer", "b@example.org", "--password-stdin"], input="x\n"
    )
    assert short.exit_code != 0 and "at least 10 characters" in short.output
    assert runner.invoke(args=["create-organizer", "not-an-email"]).exit_code != 0

    result = runner.invoke(
        args=[
            "create-event",
            "summit",
            "--name",
            "Summit",
            "--organizer",
            "lead@example.org",
            "--date",
            "2026-12-03",
            "--suggestions",
            "3",
            "--exposure-cap",
            "7",
            "--exclude-same-company",
            "--no-signup",
        ]
    )
    assert result.exit_code == 0, result.output
    event = event_row(app, "summit")
    assert (event.starts_on, event.suggestions_per_attendee, event.exposure_cap) == (
        dt.date(2026, 12, 3),
        3,
        7,
    )
    assert event.exclude_same_company and not event.signup_open
    assert "Summit" in client.get("/organizer/").get_data(as_text=True)

    duplicate = runner.invoke(args=["create-event", "summit", "--name", "Again"])
    assert duplicate.exit_code != 0 and "exists already" in duplicate.output
    nobody = runner.invoke(args=["create-event", "x1", "--name", "X", "--organizer", "no@x.org"])
    assert nobody.exit_code != 0 and "create-organizer" in nobody.output


def test_stats_count_complete_profiles_on_both_databases(
    app_factory, fake_encoder, database_url, make_event, make_attendees
) -> None:  # type: ignore[no-untyped-def]
    from web.services.stats import event_stats

    app = app_factory(database_url=database_url, encoder=fake_encoder)
    event_id = make_event(app, None)
    make_attendees(
        app,
        event_id,
        [
            {"email": "a@x.org", "name": "A", "offering": ["mentoring"]},
            {"email": "b@x.org", "name": "B", "about": "  "},
            {"email": "c@x.org", "name": "C", "listed": False, "organizations": ["MIT"]},
            {"email": "d@x.org", "name": "D", "headline": "Founder, looking for a CTO"},
            {"email": "e@x.org", "name": "E", "headline": "   "},
        ],
    )
    with app.extensions["cg_sessions"]() as session:
        stats = event_stats(session, session.get_one(Event, event_id))
    # A headline alone is something to match on (the matcher reads it); blanks are not.
    assert (stats.signups, stats.complete_profiles, stats.listed) == (5, 3, 4)
