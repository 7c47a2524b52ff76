"""The organizer's side of meetings: times and places, the schedule, signs, match quality."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa
from conftest import require_tool
from flask import Flask
from test_export import libreoffice_to_csv

from models import Attendee, Event, Feedback, MeetingPlace, MeetingSlot, utcnow
from web.services import availability, booking, feedback, meeting_setup
from web.services.meeting_schedule import SCHEDULE_HEADERS, meeting_counts, schedule_rows

EVIL = '=HYPERLINK("http://evil.example","click")'
TOMORROW = (utcnow() + dt.timedelta(days=1)).date()


@pytest.fixture
def org(app: Flask, make_organizer, make_event, make_attendees, login):  # type: ignore[no-untyped-def]
    """A signed-in organizer's client and their event `conf` (Lisbon time) with four people."""
    organizer = make_organizer(app)
    event_id = make_event(app, organizer, slug="conf", name="Conf 2026", timezone="Europe/Lisbon")
    make_attendees(
        app,
        event_id,
        [
            {"email": "alma@example.org", "name": "Alma Şahin", "external_id": "EB-1"},
            {"email": "bruno@example.org", "name": "Bruno Lima"},
            {"email": "eve@example.org", "name": EVIL},
            {"email": "dan@example.org", "name": "Dan Ode"},
        ],
    )
    client = app.test_client()
    login(client)
    return client, event_id


@pytest.fixture
def book_meeting(app: Flask, app_session):  # type: ignore[no-untyped-def]
    """`book_meeting(event_id, a, b, slot_index=0)`: a meeting between the attendees with
    emails a and b at the event's nth slot, booked; its id."""

    def book(event_id: int, a: str, b: str, slot_index: int = 0) -> int:
        with app_session(app) as session:
            people = {p.email: p for p in session.scalars(sa.select(Attendee))}
            slot = session.scalars(
                sa.select(MeetingSlot)
                .where(MeetingSlot.event_id == event_id)
                .order_by(MeetingSlot.starts_at)
            ).all()[slot_index]
            meeting, _ = booking.request_meeting(session, people[a], people[b], slot.id)
            booking.accept(session, meeting, people[b])
            session.commit()
            return meeting.id

    return book


def _set_up_by_form(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/organizer/events/conf/meetings/windows",
        data={
            "window-day": TOMORROW.isoformat(),
            "window-start": "10:00",
            "window-end": "11:00",
            "window-minutes": "20",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    response = client.post(
        "/organizer/events/conf/meetings/places",
        data={"place-name": "Table", "place-count": "2", "place-capacity": "1"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]


def test_the_organizer_sets_times_and_places_and_sees_meetings_by_slot(  # type: ignore[no-untyped-def]
    app, org, app_session, book_meeting
) -> None:
    client, event_id = org
    page = client.get("/organizer/events/conf/meetings").get_data(as_text=True)
    assert "No meeting times yet" in page and "No places yet" in page
    _set_up_by_form(client)
    with app_session(app) as session:
        slots = session.scalars(sa.select(MeetingSlot).order_by(MeetingSlot.starts_at)).all()
        assert len(slots) == 3  # 10:00, 10:20, 10:40 in Lisbon
        assert (
            slots[0].start.astimezone(meeting_setup.zone_of(session.get(Event, event_id))).hour
            == 10
        )  # type: ignore[arg-type]
        assert sorted(session.scalars(sa.select(MeetingPlace.name))) == ["Table 1", "Table 2"]
    # An overlapping window is refused with the reason, and what was typed stays.
    response = client.post(
        "/organizer/events/conf/meetings/windows",
        data={
            "window-day": TOMORROW.isoformat(),
            "window-start": "10:30",
            "window-end": "12:00",
            "window-minutes": "15",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "overlap the meeting times already set" in html
    assert 'value="10:30"' in html
    book_meeting(event_id, "alma@example.org", "bruno@example.org", 1)
    page = client.get("/organizer/events/conf/meetings").get_data(as_text=True)
    assert "Alma Şahin &amp; Bruno Lima" in page and "10:20–10:40" in page
    # A place with a booked meeting cannot go, nor shrink below it.
    with app_session(app) as session:
        table_1 = session.scalar(sa.select(MeetingPlace.id).where(MeetingPlace.name == "Table 1"))
    response = client.post(
        f"/organizer/events/conf/meetings/places/{table_1}/remove", follow_redirects=True
    )
    assert "cancel or move them before removing it" in response.get_data(as_text=True)
    event_page = client.get("/organizer/events/conf").get_data(as_text=True)
    assert 'data-stat="meetings_booked">1<' in event_page
    assert 'data-stat="meetings_requested">1<' in event_page


def test_another_organizers_meetings_are_not_found(app, org, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app, email="other@example.org")
    other = app.test_client()
    login(other, email="other@example.org")
    for url in (
        "/organizer/events/conf/meetings",
        "/organizer/events/conf/meetings.csv",
        "/organizer/events/conf/meetings.xlsx",
        "/organizer/events/conf/table-signs.pdf",
    ):
        assert other.get(url).status_code == 404, url
    assert other.post("/organizer/events/conf/meetings/places", data={}).status_code == 404


def test_schedule_csv_and_xlsx_are_formula_safe_and_in_event_time(  # type: ignore[no-untyped-def]
    app, org, tmp_path: Path, book_meeting
) -> None:
    client, event_id = org
    _set_up_by_form(client)
    book_meeting(event_id, "alma@example.org", EVIL_EMAIL, 0)
    book_meeting(event_id, "bruno@example.org", "dan@example.org", 0)
    response = client.get("/organizer/events/conf/meetings.csv")
    assert response.headers["Cache-Control"] == "no-store"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == SCHEDULE_HEADERS
    assert len(rows) == 3
    first = rows[1]
    assert first[0] == TOMORROW.isoformat() and (first[1], first[2]) == ("10:00", "10:20")
    assert first[3].startswith("Europe/Lisbon")
    assert (first[4], first[5], first[6]) == ("Table 1", "Alma Şahin", "EB-1")
    assert first[7] == "'" + EVIL  # a cell no spreadsheet runs
    assert rows[2][4] == "Table 2"

    xlsx = tmp_path / "meetings.xlsx"
    xlsx.write_bytes(client.get("/organizer/events/conf/meetings.xlsx").data)
    sheet = openpyxl.load_workbook(xlsx).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert libreoffice_to_csv(xlsx, tmp_path) == rows


EVIL_EMAIL = "eve@example.org"


def test_table_signs_have_a_page_per_place_with_its_name(app, org, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client, _ = org
    response = client.get("/organizer/events/conf/table-signs.pdf", follow_redirects=True)
    assert "Add meeting places first" in response.get_data(as_text=True)
    _set_up_by_form(client)
    client.post(
        "/organizer/events/conf/meetings/places",
        data={"place-name": "Lounge — Café Ümit", "place-count": "1", "place-capacity": "6"},
    )
    response = client.get("/organizer/events/conf/table-signs.pdf?paper=letter")
    assert response.mimetype == "application/pdf"
    pdf = tmp_path / "signs.pdf"
    pdf.write_bytes(response.data)
    pdftotext = require_tool("pdftotext")
    pages = []
    for page in (1, 2, 3):
        out = subprocess.run(
            [pdftotext, "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(" ".join(out.split()))
    assert "Table 1" in pages[0] and "Table 2" in pages[1]
    assert "Lounge — Café Ümit" in pages[2] and "Up to 6 meetings at a time" in pages[2]
    assert all("Conf 2026" in p for p in pages)
    info = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Pages:\s+3\n", info) and "612 x 792" in info  # Letter


def test_match_quality_by_kind_of_reason(app, org, app_session) -> None:  # type: ignore[no-untyped-def]
    _, event_id = org
    with app_session(app) as session:
        people = session.scalars(sa.select(Attendee).order_by(Attendee.id)).all()
        a, b, c, d = people
        feedback.rate(session, a, b, 5, True, [feedback.SHARED_TOPIC, feedback.COMPLEMENT])
        feedback.rate(session, b, a, 4, True, [feedback.SHARED_TOPIC, feedback.COMPLEMENT])
        feedback.rate(session, c, d, 2, False, [feedback.PERSONAL])
        feedback.rate(session, d, c, 3, None, [feedback.SHARED_TOPIC])
        feedback.rate(session, a, d, 4, True, [feedback.NEARBY])
        session.commit()
        quality = feedback.match_quality(session, event_id)
        # Rating the same person again replaces the answer.
        feedback.rate(session, d, c, 1, None, [feedback.SHARED_TOPIC])
        session.commit()
        again = feedback.match_quality(session, event_id)
        assert session.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 5
    assert quality.overall.answers == 5
    assert quality.overall.mean == pytest.approx(3.6)
    assert quality.overall.share_high == pytest.approx(0.6)
    assert quality.overall.meet_again == pytest.approx(3 / 4)
    topic, complement, personal, nearby = quality.by_kind
    assert (nearby.answers, nearby.mean) == (1, 4.0)
    assert (topic.answers, topic.mean, topic.share_high) == (
        3,
        pytest.approx(4.0),
        pytest.approx(2 / 3),
    )
    assert (complement.answers, complement.mean) == (2, pytest.approx(4.5))
    assert (personal.answers, personal.mean, personal.share_high) == (1, 2.0, 0.0)
    assert again.overall.mean == pytest.approx(3.2)


def test_meeting_counts_tell_requests_bookings_and_what_is_left(  # type: ignore[no-untyped-def]
    app, org, app_session, book_meeting
) -> None:
    client, event_id = org
    _set_up_by_form(client)
    book_meeting(event_id, "alma@example.org", "bruno@example.org", 0)
    with app_session(app) as session:
        people = {p.email: p for p in session.scalars(sa.select(Attendee))}
        slot_id = session.scalars(sa.select(MeetingSlot.id).order_by(MeetingSlot.starts_at)).all()[
            2
        ]
        pending, _ = booking.request_meeting(
            session, people["dan@example.org"], people[EVIL_EMAIL], slot_id
        )
        declined, _ = booking.request_meeting(
            session, people["dan@example.org"], people["alma@example.org"], slot_id
        )
        booking.decline(session, declined, people["alma@example.org"])
        session.commit()
        counts = meeting_counts(session, session.get(Event, event_id))  # type: ignore[arg-type]
        rows = list(schedule_rows(session, session.get(Event, event_id)))  # type: ignore[arg-type]
    assert (counts.requested, counts.booked, counts.upcoming, counts.waiting, counts.declined) == (
        3,
        1,
        1,
        1,
        1,
    )
    assert (counts.slots, counts.places, counts.seats) == (3, 2, 2)
    assert len(rows) == 1 and pending.id


def test_the_demo_event_comes_with_places_and_times_to_meet_at_once(  # type: ignore[no-untyped-def]
    app, runner, app_session
) -> None:
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert runner.invoke(args=["demo"]).exit_code == 0  # again: nothing doubled
    with app_session(app) as session:
        event = session.scalar(sa.select(Event).where(Event.slug == "demo"))
        assert event is not None and event.timezone == "Europe/Lisbon"
        counts = meeting_counts(session, event)
        assert counts.places == 13 and counts.seats == 18
        a, b = session.scalars(sa.select(Attendee).where(Attendee.event_id == event.id).limit(2))
        free = availability.free_slots(session, event.id, (a.id, b.id))
        assert len(free) >= 30 and free[0].start > utcnow()
        meeting, _ = booking.request_meeting(session, a, b, free[0].id)
        booking.accept(session, meeting, b)
        assert meeting.place is not None and meeting.place.name == "Table 1"
