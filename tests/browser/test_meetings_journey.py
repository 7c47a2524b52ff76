"""J10 in a real browser on phones: from a suggestion to a booked meeting, a rating, the organizer.

Alma opens a suggestion and asks Bruno for a meeting; Bruno sees the notification and
accepts; both pages show the same time and place (Bruno's phone, in another time zone,
also shows his own clock); the .ics parses with icalendar; after the slot Alma rates the
meeting; the organizer's pages show the rating. Debian chromium through Playwright,
iPhone 13 viewport, the real embedding model, CSRF on.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import sqlalchemy as sa
from fixtures_organizer import PASSWORD
from playwright.sync_api import expect

from browser.people import FARMER_BRUNO, SOIL_ALMA
from browser.test_journeys import assert_fits_390
from models import Attendee, Event, Meeting, utcnow
from web.services import meeting_setup

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def alma_id(live_server, make_organizer, app_people, app_session, refresh_event_now) -> int:  # type: ignore[no-untyped-def]
    """The organizer's event with meeting times tomorrow (Lisbon) and three tables; Alma's id."""
    app = live_server.app
    organizer = make_organizer(app, email="host@example.org")
    alma, bruno = app_people(app, [SOIL_ALMA, FARMER_BRUNO])
    with app.app_context(), app_session(app) as session:
        event = session.scalar(sa.select(Event))
        assert event is not None
        event.organizer_id = organizer
        meeting_setup.set_time_zone(event, "Europe/Lisbon")
        day = (utcnow() + dt.timedelta(days=1)).date()
        meeting_setup.add_window(session, event, day, dt.time(10), dt.time(11), 15)
        meeting_setup.add_places(session, event, "Table", 3, 1)
        session.commit()
        refresh_event_now(app, event.id)
    return alma


@pytest.fixture
def signed_in_phone(live_server, phone, app_session):  # type: ignore[no-untyped-def]
    """`signed_in_phone(attendee_id, tz)`: a phone in time zone `tz`, signed in through a
    fresh private link."""

    def sign_in(attendee_id: int, tz: str) -> Any:
        with app_session(live_server.app) as session:
            person = session.get(Attendee, attendee_id)
            assert person is not None
            token = person.issue_private_token()
            session.commit()
        page = phone(timezone_id=tz)
        page.goto(f"{live_server.url}/m/{token}")
        if "/m/" in page.url:  # a confirmation step before switching identity
            page.locator("form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/e/conf/me$"))
        return page

    return sign_in


def test_from_a_suggestion_to_a_rated_meeting_on_two_phones(
    live_server, phone, tmp_path: Path, alma_id: int, signed_in_phone, app_session
) -> None:  # type: ignore[no-untyped-def]
    app, base = live_server.app, live_server.url
    with app_session(app) as session:
        bruno_id = session.scalar(
            sa.select(Attendee.id).where(Attendee.email == FARMER_BRUNO["email"])
        )
    alma = signed_in_phone(alma_id, "Europe/Lisbon")
    bruno = signed_in_phone(bruno_id, "America/New_York")

    # Alma opens the suggestion: the full common ground, then asks for a meeting.
    alma.get_by_role("link", name="Bruno Ferreira-Lima").first.click()
    expect(alma.get_by_role("heading", level=1)).to_have_text("You and Bruno Ferreira-Lima")
    expect(alma.locator(".cg-item", has_text="trail running")).to_contain_text("running on trails")
    assert alma.locator(".starters .starter").count() >= 1
    assert_fits_390(alma)
    alma.select_option("#slot", index=1)
    alma.fill("#message", "Would love to hear about your cover-crop trials.")
    alma.get_by_role("button", name="Send my request").click()
    expect(alma.get_by_role("heading", level=1)).to_have_text("Meeting with Bruno Ferreira-Lima")
    expect(alma.locator(".pill").first).to_have_text("Waiting for Bruno Ferreira-Lima")

    # Bruno sees the notification (a counter and the list) and accepts.
    bruno.reload()
    expect(bruno.locator(".site-nav .counter")).to_contain_text("1")
    expect(bruno.locator("#meetings")).to_contain_text("Waiting for your answer")
    bruno.goto(f"{base}/e/conf/me/notifications")
    note = bruno.get_by_role("link", name=re.compile("Alma Şahin would like to meet you on"))
    expect(note).to_be_visible()
    assert_fits_390(bruno)
    note.click()
    expect(bruno.locator(".meeting-message")).to_have_text(
        "Would love to hear about your cover-crop trials."
    )
    bruno.get_by_role("button", name="Accept").click()
    expect(bruno.locator(".pill").first).to_have_text("Booked")
    assert_fits_390(bruno)

    # Both see the same time (the event's zone) and the same place.
    alma.reload()
    expect(alma.locator(".pill").first).to_have_text("Booked")
    when = alma.locator(".when__event").inner_text()
    assert bruno.locator(".when__event").inner_text() == when
    assert alma.locator(".where").inner_text() == bruno.locator(".where").inner_text() == "Table 1"
    assert "Europe/Lisbon" in bruno.locator(".when__zone").inner_text()
    # Bruno's phone is in New York: his own clock is shown too.
    with app_session(app) as session:
        slot = session.scalar(sa.select(Meeting)).slot  # type: ignore[union-attr]
        assert slot is not None
        new_york = slot.start.astimezone(ZoneInfo("America/New_York"))
        lisbon = slot.start.astimezone(ZoneInfo("Europe/Lisbon"))
    assert f"{lisbon:%H:%M}–" in when
    local = bruno.locator(".when__local")
    expect(local).to_be_visible()
    assert f"{new_york:%H:%M}–" in local.inner_text() and "America/New_York" in local.inner_text()
    expect(alma.locator(".when__local")).to_be_hidden()  # same clock as the event: nothing added

    # The calendar file, as "Add to calendar" downloads it.
    with alma.expect_download() as info:
        alma.get_by_role("link", name="Add to calendar").click()
    ics = tmp_path / "meeting.ics"
    info.value.save_as(ics)
    (entry,) = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    with app_session(app) as session:
        meeting = session.scalar(sa.select(Meeting))
        assert meeting is not None and meeting.slot is not None
        assert entry.decoded("dtstart") == meeting.slot.start
        assert str(entry["location"]).startswith("Table 1")
        # After the slot: the meeting's time has passed.
        meeting.slot.starts_at = utcnow() - dt.timedelta(minutes=30)
        meeting.slot.ends_at = utcnow() - dt.timedelta(minutes=15)
        session.commit()

    # Alma rates it from her page.
    alma.goto(f"{base}/e/conf/me")
    alma.get_by_role(
        "link", name="How much did you have in common with Bruno Ferreira-Lima?"
    ).click()
    alma.get_by_text("4 · A lot").click()
    alma.get_by_text("Yes", exact=True).click()
    assert_fits_390(alma)
    alma.get_by_role("button", name="Send my answer").click()
    expect(alma.locator(".flash--success")).to_contain_text("Thank you")

    # The organizer sees the rating on the event page and the meetings page.
    host = phone()
    host.goto(f"{base}/organizer/login")
    host.fill("#email", "host@example.org")
    host.fill("#password", PASSWORD)
    host.get_by_role("button", name="Sign in").click()
    host.goto(f"{base}/organizer/events/conf")
    expect(host.locator('[data-stat="meetings_booked"]')).to_have_text("1")
    expect(host.locator('[data-stat="ratings"]')).to_have_text("1")
    expect(host.locator('[data-stat="mean_rating"]')).to_have_text("4.0")
    host.get_by_role("link", name="Meetings, times and places").click()
    overall = host.locator('[data-quality="All answers"]')
    expect(overall.locator("[data-mean]")).to_have_text("4.0")
    expect(overall.locator("[data-high]")).to_have_text("100%")
    expect(host.locator(".slot-row")).to_contain_text("Alma Şahin & Bruno Ferreira-Lima")
    assert_fits_390(host)
