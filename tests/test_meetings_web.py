"""J10 through the attendee pages: a suggestion opened, a request, answers, .ics, emails."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
import sqlalchemy as sa
from fixtures_attendee import assert_csp_clean
from flask import Flask

from models import (
    Attendee,
    Contact,
    Event,
    Feedback,
    Meeting,
    MeetingSlot,
    PairExclusion,
    Suggestion,
    utcnow,
)
from web.queue import wait_for_jobs
from web.services import meeting_setup

PEOPLE = [
    {
        "email": "alma@example.org",
        "name": "Alma Şahin",
        "headline": "Soil scientist",
        "interests": ["soil carbon", "compost science"],
        "looking_for": ["field trial partners"],
    },
    {
        "email": "bruno@example.org",
        "name": "Bruno Lima",
        "interests": ["soil carbon", "rust compilers"],
        "offering": ["field trial partners"],
    },
    {
        "email": "carla@example.org",
        "name": "Carla Díaz",
        "interests": ["soil carbon", "compost science"],
    },
    # No profile yet: in an event this small every list is filled (issue 16), so only
    # someone with nothing to match on is suggested to nobody.
    {"email": "dan@example.org", "name": "Dan Stranger"},
]


@pytest.fixture
def meeting_people(app: Flask, app_people, app_session, refresh_event_now):  # type: ignore[no-untyped-def]
    """`meeting_people(slots=8, places=2, tz="Europe/Lisbon")`: the four people's ids, with
    meeting times tomorrow (event zone), places, and suggestions made."""

    def make(slots: int = 8, places: int = 2, tz: str = "Europe/Lisbon") -> list[int]:
        ids = app_people(app, PEOPLE)
        with app.app_context(), app_session(app) as session:
            event = session.scalar(sa.select(Event))
            assert event is not None
            meeting_setup.set_time_zone(event, tz)
            day = (utcnow() + dt.timedelta(days=1)).date()
            end = (dt.datetime(2000, 1, 1, 10) + dt.timedelta(minutes=15 * slots)).time()
            meeting_setup.add_window(session, event, day, dt.time(10), end, 15)
            if places:
                meeting_setup.add_places(session, event, "Table", places, 1)
            session.commit()
            refresh_event_now(app, event.id)
        return ids

    return make


@pytest.fixture
def signed_in_clients(app: Flask, sign_in_as):  # type: ignore[no-untyped-def]
    """`signed_in_clients(*attendee_ids)`: a test client signed in as each."""

    def make(*ids: int):  # type: ignore[no-untyped-def]
        clients = []
        for attendee_id in ids:
            client = app.test_client()
            sign_in_as(client, app, attendee_id)
            clients.append(client)
        return clients

    return make


def _first_slot(html: str) -> str:
    match = re.search(r'<option value="(\d+)"', html)
    assert match, "a time to choose"
    return match.group(1)


def _request(client, other_id: int, message: str = "") -> int:  # type: ignore[no-untyped-def]
    page = client.get(f"/e/conf/me/people/{other_id}").get_data(as_text=True)
    response = client.post(
        f"/e/conf/me/people/{other_id}/meet", data={"slot": _first_slot(page), "message": message}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_a_suggestion_opens_its_common_ground_and_the_three_actions(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, _carla, dan = meeting_people()
    (client,) = signed_in_clients(alma)
    my_page = client.get("/e/conf/me").get_data(as_text=True)
    assert f"/e/conf/me/people/{bruno}" in my_page
    response = client.get(f"/e/conf/me/people/{bruno}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    with app_session(app) as session:
        stored = session.scalar(
            sa.select(Suggestion.detail).where(
                Suggestion.attendee_id == alma, Suggestion.other_id == bruno
            )
        )
    assert stored and stored["reasons"]
    # The stored common ground, as the scan page shows it: shared items, complements, starters.
    assert "You both care about" in html and "soil carbon" in html
    assert "You can help each other" in html and "field trial partners" in html
    for starter in stored["starters"]:
        assert starter.replace("'", "&#39;") in html
    assert "Send my request" in html and "We met" in html and "Not for me" in html
    assert "Europe/Lisbon" in html
    assert_csp_clean(html)
    # Someone not suggested, not met, not asked: as if they did not exist.
    assert client.get(f"/e/conf/me/people/{dan}").status_code == 404


def test_request_accept_both_see_the_same_time_and_place_and_the_ics_parses(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno, "Soil carbon over coffee?")
    b_page = b.get("/e/conf/me").get_data(as_text=True)
    assert "Waiting for your answer" in b_page
    assert '<span class="counter">1' in b_page  # the unread count in the nav
    notes = b.get("/e/conf/me/notifications").get_data(as_text=True)
    assert "Alma Şahin would like to meet you on" in notes
    assert '<span class="counter">' not in b.get("/e/conf/me").get_data(as_text=True)
    page = b.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    assert "Soil carbon over coffee?" in page and "Accept" in page
    response = b.post(f"/e/conf/me/meetings/{meeting_id}/accept")
    assert response.status_code == 302
    pages = [c.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True) for c in (a, b)]
    whens = [re.search(r'<time class="when__event"[^>]*>([^<]+)</time>', p) for p in pages]
    assert whens[0] and whens[1] and whens[0].group(1) == whens[1].group(1)
    assert all('<strong class="where">Table 1</strong>' in p for p in pages)
    assert all(c.get("/e/conf/me").status_code == 200 for c in (a, b))

    ics = a.get(f"/e/conf/me/meetings/{meeting_id}.ics")
    assert ics.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(ics.data)
    (entry,) = calendar.walk("VEVENT")
    with app_session(app) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None and meeting.slot is not None
        assert entry.decoded("dtstart") == meeting.slot.start
        assert entry.decoded("dtend") == meeting.slot.end
        uid = str(entry["uid"])
    assert str(entry["summary"]).startswith("Meet Bruno Lima")
    assert str(entry["location"]) == "Table 1, Conf 2026"
    b_entry = icalendar.Calendar.from_ical(b.get(f"/e/conf/me/meetings/{meeting_id}.ics").data)
    assert str(b_entry.walk("VEVENT")[0]["uid"]) == uid  # one meeting, one calendar entry


def test_a_declined_request_reads_only_not_available(  # type: ignore[no-untyped-def]
    app, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno)
    assert b.post(f"/e/conf/me/meetings/{meeting_id}/decline").status_code == 302
    for url in (f"/e/conf/me/meetings/{meeting_id}", "/e/conf/me/notifications", "/e/conf/me"):
        html = a.get(url).get_data(as_text=True)
        assert "declin" not in html.lower(), url
    assert "Bruno Lima is not available." in a.get("/e/conf/me/notifications").get_data(
        as_text=True
    )
    assert "Not available" in a.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    assert "You declined" in b.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)


def test_proposing_another_time_then_rescheduling_and_cancelling(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno)
    page = b.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    other_slot = re.findall(r'<option value="(\d+)"', page)[1]
    response = b.post(f"/e/conf/me/meetings/{meeting_id}/propose", data={"slot": other_slot})
    assert response.status_code == 302
    assert "Waiting for your answer" in a.get("/e/conf/me").get_data(as_text=True)
    notes = a.get("/e/conf/me/notifications").get_data(as_text=True)
    assert "Bruno Lima proposed another time" in notes
    assert a.post(f"/e/conf/me/meetings/{meeting_id}/accept").status_code == 302
    with app_session(app) as session:
        assert session.get(Meeting, meeting_id).slot_id == int(other_slot)  # type: ignore[union-attr]
    page = a.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    assert "Reschedule" in page and "Cancel the meeting" in page
    third = re.findall(r'<option value="(\d+)"', page)[2]
    assert (
        a.post(f"/e/conf/me/meetings/{meeting_id}/propose", data={"slot": third}).status_code == 302
    )
    notes = b.get("/e/conf/me/notifications").get_data(as_text=True)
    assert "Alma Şahin would like to move your meeting to" in notes
    assert b.post(f"/e/conf/me/meetings/{meeting_id}/cancel").status_code == 302
    html = a.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    assert "Not available" in html  # declining a proposed new time reads the same


def test_a_refused_accept_explains_and_keeps_the_request(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, carla, _ = meeting_people(slots=2, places=1)
    a, b, c = signed_in_clients(alma, bruno, carla)
    with app_session(app) as session:
        first = session.scalar(sa.select(MeetingSlot.id).order_by(MeetingSlot.starts_at))
    for client, other in ((a, bruno), (c, alma)):
        response = client.post(f"/e/conf/me/people/{other}/meet", data={"slot": str(first)})
        assert response.status_code == 302, response.get_data(as_text=True)[:1000]
    with app_session(app) as session:
        ab, ca = session.scalars(sa.select(Meeting.id).order_by(Meeting.id)).all()
    assert b.post(f"/e/conf/me/meetings/{ab}/accept").status_code == 302
    response = a.post(f"/e/conf/me/meetings/{ca}/accept")
    assert response.status_code == 409
    assert "You already have a meeting at that time. Propose another time." in response.get_data(
        as_text=True
    )
    with app_session(app) as session:
        assert session.get(Meeting, ca).status == "pending"  # type: ignore[union-attr]


def test_nobody_opens_or_answers_someone_elses_meeting(  # type: ignore[no-untyped-def]
    app, meeting_people, signed_in_clients
) -> None:
    alma, bruno, carla, _ = meeting_people()
    a, c = signed_in_clients(alma, carla)
    meeting_id = _request(a, bruno)
    assert c.get(f"/e/conf/me/meetings/{meeting_id}").status_code == 404
    assert c.post(f"/e/conf/me/meetings/{meeting_id}/accept").status_code == 404
    assert c.get(f"/e/conf/me/meetings/{meeting_id}.ics").status_code == 404
    stranger = app.test_client()
    assert stranger.get(f"/e/conf/me/meetings/{meeting_id}").status_code == 403


def test_not_for_me_hides_the_suggestion_for_good(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients, refresh_event_now
) -> None:
    alma, bruno, *_ = meeting_people()
    (a,) = signed_in_clients(alma)
    assert a.post(f"/e/conf/me/people/{bruno}/not-for-me").status_code == 302
    assert f"/me/people/{bruno}" not in a.get("/e/conf/me").get_data(as_text=True)
    with app.app_context():
        refresh_event_now(app, 1)  # a whole new matching run keeps it out
    with app_session(app) as session:
        assert session.scalar(sa.select(PairExclusion.reason)) == "not_for_me"
        pairs = session.execute(sa.select(Suggestion.attendee_id, Suggestion.other_id)).all()
        assert (alma, bruno) not in pairs and (bruno, alma) not in pairs
    assert a.get(f"/e/conf/me/people/{bruno}").status_code == 404


def test_we_met_saves_the_contact_and_asks_one_question(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    (a,) = signed_in_clients(alma)
    response = a.post(f"/e/conf/me/people/{bruno}/met")
    assert response.headers["Location"].endswith(f"/e/conf/me/people/{bruno}/feedback")
    form = a.get(response.headers["Location"]).get_data(as_text=True)
    assert "How much did you have in common?" in form and "Would you meet again?" in form
    assert a.post(f"/e/conf/me/people/{bruno}/feedback", data={}).status_code == 422
    response = a.post(
        f"/e/conf/me/people/{bruno}/feedback", data={"rating": "2", "meet_again": "no"}
    )
    assert response.status_code == 302
    with app_session(app) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Contact)) == 1
        feedback = session.scalar(sa.select(Feedback))
        assert feedback is not None
        assert (feedback.rating, feedback.meet_again) == (2, False)
        assert "shared_topic" in feedback.kinds and "complement" in feedback.kinds
        assert session.scalar(sa.select(PairExclusion.reason)) == "low_rating"


def test_feedback_needs_a_meeting_whose_time_came_or_a_saved_contact(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno)
    b.post(f"/e/conf/me/meetings/{meeting_id}/accept")
    assert a.get(f"/e/conf/me/people/{bruno}/feedback").status_code == 404  # not yet
    with app_session(app) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None and meeting.slot is not None
        meeting.slot.starts_at = utcnow() - dt.timedelta(minutes=20)
        meeting.slot.ends_at = utcnow() - dt.timedelta(minutes=5)
        session.commit()
    my_page = a.get("/e/conf/me").get_data(as_text=True)
    assert "How much did you have in common with Bruno Lima?" in my_page
    page = a.get(f"/e/conf/me/meetings/{meeting_id}").get_data(as_text=True)
    assert "You met" in page and "How did it go?" in page
    response = a.post(
        f"/e/conf/me/people/{bruno}/feedback", data={"rating": "5", "meet_again": "yes"}
    )
    assert response.status_code == 302
    with app_session(app) as session:
        feedback = session.scalar(sa.select(Feedback))
        assert feedback is not None and feedback.meeting_id == meeting_id
    assert "How much did you have in common" not in a.get("/e/conf/me").get_data(as_text=True)


def test_meeting_emails_go_to_those_who_want_them(  # type: ignore[no-untyped-def]
    app, smtp_server, app_session, meeting_people, signed_in_clients
) -> None:
    port, inbox = smtp_server
    app.config.update(
        SMTP_HOST="127.0.0.1", SMTP_PORT=port, PUBLIC_BASE_URL="https://meet.example.org"
    )
    alma, bruno, carla, _ = meeting_people()
    a, b, c = signed_in_clients(alma, bruno, carla)
    meeting_id = _request(a, bruno, "Soil carbon over coffee?")
    wait_for_jobs(app)  # each notification's email is a job
    (request_mail,) = inbox.messages
    assert request_mail["To"] == "bruno@example.org"
    assert request_mail["Subject"] == "Alma Şahin would like to meet you at Conf 2026"
    body = request_mail.get_content()
    assert "Soil carbon over coffee?" in body
    assert f"https://meet.example.org/e/conf/me/meetings/{meeting_id}" in body
    b.post(f"/e/conf/me/meetings/{meeting_id}/accept")
    wait_for_jobs(app)
    accepted = inbox.messages[1]
    assert accepted["To"] == "alma@example.org" and accepted["Subject"].startswith("Booked:")
    assert "Table 1" in accepted.get_content()
    # Carla turns meeting emails off: Alma's request reaches her page only.
    c.post("/e/conf/me/notifications/email", data={})
    _request(a, carla)
    wait_for_jobs(app)
    assert len(inbox.messages) == 2
    assert "Waiting for your answer" in c.get("/e/conf/me").get_data(as_text=True)
    assert "would like to meet you" in c.get("/e/conf/me/notifications").get_data(as_text=True)
    # A decline is never emailed: "not available" is said on the page only.
    with app_session(app) as session:
        pending = session.scalar(sa.select(Meeting.id).where(Meeting.status == "pending"))
    c.post(f"/e/conf/me/meetings/{pending}/decline")
    wait_for_jobs(app)
    assert len(inbox.messages) == 2


def test_meeting_reminders_once_before_the_meeting(  # type: ignore[no-untyped-def]
    app, runner, smtp_server, app_session, meeting_people, signed_in_clients
) -> None:
    port, inbox = smtp_server
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno)
    b.post(f"/e/conf/me/meetings/{meeting_id}/accept")
    wait_for_jobs(app)
    inbox.messages.clear()
    result = runner.invoke(args=["send-meeting-reminders"])
    assert "Reminded 0 meeting(s)" in result.output  # tomorrow is not soon
    with app_session(app) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None and meeting.slot is not None
        meeting.slot.starts_at = utcnow() + dt.timedelta(minutes=30)
        meeting.slot.ends_at = utcnow() + dt.timedelta(minutes=45)
        session.commit()
    result = runner.invoke(args=["send-meeting-reminders"])
    assert "Reminded 1 meeting(s)" in result.output and "sent 2 email(s)" in result.output
    assert sorted(m["To"] for m in inbox.messages) == ["alma@example.org", "bruno@example.org"]
    assert all("Table 1" in m.get_content() for m in inbox.messages)
    assert "Reminded 0 meeting(s)" in runner.invoke(args=["send-meeting-reminders"]).output
    assert "starts soon" in a.get("/e/conf/me").get_data(as_text=True)


@pytest.mark.parametrize("places", [0])
def test_an_event_without_places_offers_no_time_and_says_so(  # type: ignore[no-untyped-def]
    app, places: int, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people(places=places)
    (a,) = signed_in_clients(alma)
    html = a.get(f"/e/conf/me/people/{bruno}").get_data(as_text=True)
    assert "There is no meeting time left" in html and "Send my request" not in html


def test_download_my_data_has_my_meetings_as_i_see_them(  # type: ignore[no-untyped-def]
    app, meeting_people, signed_in_clients
) -> None:
    alma, bruno, *_ = meeting_people()
    a, b = signed_in_clients(alma, bruno)
    meeting_id = _request(a, bruno, "Soil carbon over coffee?")
    b.post(f"/e/conf/me/meetings/{meeting_id}/decline")
    b.post(f"/e/conf/me/people/{alma}/met")
    b.post(f"/e/conf/me/people/{alma}/feedback", data={"rating": "3"})
    mine = a.get("/e/conf/me/data.json").get_json()
    (meeting,) = mine["meetings"]
    assert meeting["with"] == "Bruno Lima" and meeting["asked_by"] == "you"
    assert meeting["status"] == "Not available"  # never "declined"
    assert meeting["message"] == "Soil carbon over coffee?"
    assert [n["text"] for n in mine["notifications"]] == ["Bruno Lima is not available."]
    assert mine["feedback_given"] == [] and mine["feedback_about_you_by_others"] == 1
    theirs = b.get("/e/conf/me/data.json").get_json()
    assert theirs["meetings"][0]["status"] == "You declined"
    assert theirs["feedback_given"][0]["about"] == "Alma Şahin"
    assert theirs["feedback_given"][0]["in_common_1_to_5"] == 3
    assert theirs["consent"]["meeting_emails"] is True


def test_a_scanned_badge_leads_to_a_meeting_request(  # type: ignore[no-untyped-def]
    app, app_session, meeting_people, signed_in_clients
) -> None:
    alma, _bruno, _carla, dan = meeting_people()
    (a,) = signed_in_clients(alma)
    assert a.get(f"/e/conf/me/people/{dan}").status_code == 404
    with app_session(app) as session:
        badge = session.get(Attendee, dan).badge_token  # type: ignore[union-attr]
    scan = a.get(f"/b/{badge}").get_data(as_text=True)
    assert f"/e/conf/me/people/{dan}#meet" in scan and "Ask Dan for a meeting time" in scan
    page = a.get(f"/e/conf/me/people/{dan}").get_data(as_text=True)
    assert "Send my request" in page and "Not for me" not in page  # not a suggestion
