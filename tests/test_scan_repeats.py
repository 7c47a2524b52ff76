"""The scan page seen again: repeat opens of a badge, and common ground after an edit."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from models import Attendee, Scan
from web.queue import wait_for_jobs
from web.services.contacts import SCAN_REPEAT_WINDOW

ADA = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "interests": "carbon capture; compilers",
    "personal_interests": "chess",
    "looking_for": "",
    "offering": "",
    "organizations": "Babbage & Co",
    "about": "",
    "links": "",
}
BEN = {
    "name": "Ben Ngô",
    "email": "ben@example.org",
    "headline": "Climate engineer",
    "interests": "carbon capture; soil science",
    "personal_interests": "sailing",
    "looking_for": "",
    "offering": "",
    "organizations": "University of London",
    "about": "",
    "links": "",
}


@pytest.fixture
def people(make_event, sign_up, list_attendees, make_organizer):  # type: ignore[no-untyped-def]
    """`people(app)`: Ada and Ben signed up to the organizer's event `conf`, each on their own
    phone."""

    def people(app: Flask) -> tuple[FlaskClient, FlaskClient, Attendee, Attendee]:
        make_event(app, make_organizer(app), slug="conf", name="Conf 2026")
        ada, ben = app.test_client(), app.test_client()
        sign_up(ada, **ADA)
        sign_up(ben, **BEN)
        a, b = list_attendees(app)
        return ada, ben, a, b

    return people


def scans(app: Flask) -> list[tuple[int | None, int]]:
    with app.extensions["cg_sessions"]() as session:
        rows = session.execute(sa.select(Scan.scanner_id, Scan.scanned_id).order_by(Scan.id))
        return [(scanner, scanned) for scanner, scanned in rows]


def age_scans(app: Flask, by: object) -> None:
    """Move every recorded scan `by` (a timedelta) into the past."""
    with app.extensions["cg_sessions"]() as session:
        for scan in session.scalars(sa.select(Scan)):
            scan.created_at = scan.created_at - by  # type: ignore[operator]
        session.commit()


@pytest.fixture
def organizer_scan_count(login):  # type: ignore[no-untyped-def]
    """`organizer_scan_count(app)`: the scans the organizer's event page counts."""

    def organizer_scan_count(app: Flask) -> int:
        client = app.test_client()
        login(client)
        page = client.get("/organizer/events/conf").get_data(as_text=True)
        return int(dict(re.findall(r'data-stat="(\w+)">(\d+)<', page))["scans"])

    return organizer_scan_count


def test_opening_a_badge_again_soon_is_one_scan_and_later_a_new_one(
    app_factory, fake_encoder, database_url, people, organizer_scan_count
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    ada, ben, a, b = people(app)
    badge = f"/b/{b.badge_token}"
    assert "You and Ben Ngô" in ada.get(badge).get_data(as_text=True)
    # Save, land on the page again, reload: still the one encounter.
    saved = ada.post(f"{badge}/save", data={"note": "soil carbon"}, follow_redirects=True)
    assert "In your contacts" in saved.get_data(as_text=True)
    assert "In your contacts" in ada.get(badge).get_data(as_text=True)
    assert scans(app) == [(a.id, b.id)]
    assert organizer_scan_count(app) == 1
    mine = ada.get("/e/conf/me/data.json").get_json()
    assert [s["badge_of"] for s in mine["badges_scanned"]] == ["Ben Ngô"]
    assert ben.get("/e/conf/me/data.json").get_json()["badge_scanned_by_others"] == 1

    # Ben scanning Ada is another encounter; so is every anonymous open.
    ben.get(f"/b/{a.badge_token}")
    app.test_client().get(badge)
    app.test_client().get(badge)
    assert scans(app) == [(a.id, b.id), (b.id, a.id), (None, b.id), (None, b.id)]

    # Once the window has passed, Ada opening Ben's badge is a new scan.
    age_scans(app, SCAN_REPEAT_WINDOW + SCAN_REPEAT_WINDOW / 10)
    ada.get(badge)
    assert scans(app)[-1] == (a.id, b.id) and len(scans(app)) == 5
    assert organizer_scan_count(app) == 5
    mine = ada.get("/e/conf/me/data.json").get_json()
    assert [s["badge_of"] for s in mine["badges_scanned"]] == ["Ben Ngô", "Ben Ngô"]


def test_the_scan_page_shows_common_ground_of_the_profiles_as_they_are_now(app, people) -> None:  # type: ignore[no-untyped-def]
    ada, ben, a, b = people(app)
    badge = f"/b/{b.badge_token}"
    first = ada.get(badge).get_data(as_text=True)
    assert '<span class="cg-item__both">carbon capture</span>' in first
    assert '<span class="cg-item__both">compilers</span>' not in first
    assert "You both list <strong>Babbage &amp; Co</strong>" not in first

    # Ben edits his profile: Ada's next scan shows the new common ground.
    edited = ben.post(
        "/e/conf/me/edit",
        data={**BEN, "interests": "compilers; soil science", "listed": "y"},
    )
    assert edited.status_code == 302
    wait_for_jobs(app)  # the lists follow the edit as a job
    page = ada.get(badge).get_data(as_text=True)
    assert '<span class="cg-item__both">compilers</span>' in page
    assert '<span class="cg-item__both">carbon capture</span>' not in page

    # Ada edits hers: her own next scan of Ben reflects it too.
    edited = ada.post(
        "/e/conf/me/edit",
        data={**ADA, "organizations": "University of London", "listed": "y"},
    )
    assert edited.status_code == 302
    wait_for_jobs(app)  # the lists follow the edit as a job
    page = ada.get(badge).get_data(as_text=True)
    assert "You both list <strong>University of London</strong>" in page
    assert '<span class="cg-item__both">compilers</span>' in page


def test_seeing_the_same_pair_again_shows_the_same_and_never_asks_the_model(
    app, fake_encoder, people
) -> None:  # type: ignore[no-untyped-def]
    ada, ben, a, b = people(app)
    first = ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    calls = fake_encoder.calls  # every phrase of the event is known from here on
    ada.post(f"/b/{b.badge_token}/save", data={"note": ""})
    again = ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "My contacts" in ada.get("/e/conf/me/contacts").get_data(as_text=True)
    ben.get(f"/b/{a.badge_token}")  # Ben's side of the pair
    assert fake_encoder.calls == calls
    assert (
        re.findall(r'class="starter">([^<]*)<', first)
        == re.findall(r'class="starter">([^<]*)<', again)
        != []
    )
