"""Reaching attendees without SMTP: the help desk's new link, and every link for a mail merge.

Issue 19 (re-issue or export private links) and the recovery path of issue 14.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re

import pytest
from test_scan import zbar

from models import Attendee

BASE = "https://meet.example.org"
PEOPLE = [
    {"name": "Grace Hopper", "email": "grace@example.edu"},
    {"name": "Alan Turing", "email": "alan@example.ac.uk"},
    {"name": '=HYPERLINK("http://x")', "email": "formula@example.org"},
]


@pytest.fixture
def imported(app_factory, fake_encoder, make_event, make_attendees, make_organizer):  # type: ignore[no-untyped-def]
    """An event with three imported attendees (nobody has seen a link yet)."""
    app = app_factory(encoder=fake_encoder, PUBLIC_BASE_URL=BASE)
    event_id = make_event(app, make_organizer(app))
    make_attendees(app, event_id, PEOPLE)
    return app


def _read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def opens_page_of(open_private_link):  # type: ignore[no-untyped-def]
    """`opens_page_of(app, link)`: the badge name on the page the link opens, on a fresh device."""

    def _opens_page_of(app, link: str) -> str:  # type: ignore[no-untyped-def]
        assert link.startswith(f"{BASE}/m/")
        phone = app.test_client()
        assert open_private_link(phone, link.rsplit("/", 1)[1]).status_code == 302
        page = phone.get("/e/climate/me").get_data(as_text=True)
        match = re.search(r'class="badge__name">([^<]+)<', page)
        assert match, page[:500]
        return match.group(1)

    return _opens_page_of


def test_links_command_exports_a_link_per_attendee_that_opens_their_page(
    imported, tmp_path, opens_page_of
):
    app = imported
    out = tmp_path / "links.csv"
    result = app.test_cli_runner().invoke(args=["links", "climate", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 3 private links" in result.output
    rows = _read_csv(out.read_text("utf-8"))
    assert rows[0] == ["Name", "Email", "Private link"]
    by_email = {email: (name, link) for name, email, link in rows[1:]}
    assert set(by_email) == {p["email"] for p in PEOPLE}
    assert by_email["formula@example.org"][0].startswith("'="), "no cell runs as a formula"
    for email, (name, link) in by_email.items():
        shown = html.unescape(opens_page_of(app, link))
        assert shown == name.lstrip("'"), email


def test_exporting_again_skips_people_using_their_link_unless_all(
    imported, tmp_path, opens_page_of
):
    app = imported
    runner = app.test_cli_runner()
    first = tmp_path / "first.csv"
    runner.invoke(args=["links", "climate", "-o", str(first)])
    rows = {r[1]: r[2] for r in _read_csv(first.read_text("utf-8"))[1:]}
    opens_page_of(app, rows["grace@example.edu"])  # Grace uses hers
    second = tmp_path / "second.csv"
    result = runner.invoke(args=["links", "climate", "-o", str(second)])
    assert result.exit_code == 0, result.output
    again = {r[1]: r[2] for r in _read_csv(second.read_text("utf-8"))[1:]}
    assert set(again) == {"alan@example.ac.uk", "formula@example.org"}
    assert opens_page_of(app, rows["grace@example.edu"]) == "Grace Hopper", "hers still works"
    # The links of the others were replaced: the first file's no longer open anything.
    old = rows["alan@example.ac.uk"].rsplit("/", 1)[1]
    assert app.test_client().get(f"/m/{old}").status_code == 404
    everyone = tmp_path / "all.csv"
    runner.invoke(args=["links", "climate", "-o", str(everyone), "--all"])
    assert len(_read_csv(everyone.read_text("utf-8"))) == 1 + 3


def test_links_command_needs_the_public_address(
    app_factory, fake_encoder, tmp_path, make_event, make_attendees, make_organizer
) -> None:
    app = app_factory(encoder=fake_encoder)  # no PUBLIC_BASE_URL
    event_id = make_event(app, make_organizer(app))
    make_attendees(app, event_id, PEOPLE[:1])
    with app.extensions["cg_sessions"]() as session:
        before = session.query(Attendee).one().private_token_hash
    out = tmp_path / "links.csv"
    result = app.test_cli_runner().invoke(args=["links", "climate", "-o", str(out)])
    assert result.exit_code != 0
    assert "PUBLIC_BASE_URL" in result.output and "Traceback" not in result.output
    assert not out.exists()
    with app.extensions["cg_sessions"]() as session:
        assert session.query(Attendee).one().private_token_hash == before, "nothing replaced"
    ok = app.test_cli_runner().invoke(args=["links", "climate", "-o", str(out), "--base-url", BASE])
    assert ok.exit_code == 0, ok.output


def test_console_export_needs_a_confirmation_and_gives_working_links(
    imported, opens_page_of, login
) -> None:
    app = imported
    console = app.test_client()
    login(console)
    page = console.get("/organizer/events/climate/attendees").get_data(as_text=True)
    assert "Export private links (CSV)" in page
    refused = console.post("/organizer/events/climate/private-links.csv", data={"scope": "all"})
    assert refused.status_code == 302
    with app.extensions["cg_sessions"]() as session:
        assert all(a.link_used_at is None for a in session.query(Attendee))
    response = console.post(
        "/organizer/events/climate/private-links.csv", data={"scope": "unused", "confirm": "y"}
    )
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "no-store" in response.headers["Cache-Control"]
    rows = _read_csv(response.get_data(as_text=True))
    assert sorted(r[1] for r in rows[1:]) == sorted(p["email"] for p in PEOPLE)
    alan = next(r for r in rows if r[1] == "alan@example.ac.uk")
    assert opens_page_of(app, alan[2]) == "Alan Turing"


def test_the_help_desk_shows_a_new_link_as_a_code_that_opens_the_page(
    imported, tmp_path, opens_page_of, open_private_link, login
):
    app = imported
    with app.extensions["cg_sessions"]() as session:
        grace = session.query(Attendee).filter_by(email="grace@example.edu").one()
        old_token = grace.issue_private_token()
        session.commit()
        grace_id = grace.id
    phone = app.test_client()
    open_private_link(phone, old_token)
    desk = app.test_client()
    login(desk)
    url = f"/organizer/events/climate/attendees/{grace_id}/private-link"
    before = desk.get(url)
    assert before.status_code == 200
    assert "Issue a new private link" in before.get_data(as_text=True)
    assert phone.get("/e/climate/me").status_code == 200, "a GET changes nothing"
    issued = desk.post(url)
    assert issued.status_code == 303
    page = desk.get(issued.headers["Location"])
    assert "no-store" in page.headers["Cache-Control"]
    body = page.get_data(as_text=True)
    qr = re.search(r'src="data:image/png;base64,([^"]+)"', body)
    link = re.search(r'id="private-link" href="([^"]+)"', body)
    assert qr and link
    assert zbar(base64.b64decode(qr.group(1)), tmp_path) == link.group(1)
    assert opens_page_of(app, link.group(1)) == "Grace Hopper"
    # The old link and the phone signed in with it are done.
    assert app.test_client().get(f"/m/{old_token}").status_code == 404
    assert phone.get("/e/climate/me").status_code == 403
    # A reload shows the same link; it does not issue another.
    assert link.group(1) in desk.get(url).get_data(as_text=True)


def test_another_organizers_attendee_gets_no_link(imported, make_organizer, login) -> None:
    app = imported
    make_organizer(app, email="other@example.org")
    other = app.test_client()
    login(other, email="other@example.org")
    with app.extensions["cg_sessions"]() as session:
        grace = session.query(Attendee).filter_by(email="grace@example.edu").one()
        before = grace.private_token_hash
    url = f"/organizer/events/climate/attendees/{grace.id}/private-link"
    assert other.post(url).status_code == 404
    assert (
        other.post("/organizer/events/climate/private-links.csv", data={"confirm": "y"}).status_code
        == 404
    )
    with app.extensions["cg_sessions"]() as session:
        assert session.get(Attendee, grace.id).private_token_hash == before
