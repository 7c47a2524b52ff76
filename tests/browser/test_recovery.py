"""Getting back in without email (issue 14): the help desk's new link, in a real browser.

An imported attendee, no SMTP: the link from the organizer's mail merge is lost with
a phone. On a borrowed phone the sign-up form sends her to the help desk; the
organizer issues a new link shown as a QR code; the borrowed phone scans it (zbar on
a screenshot, as a camera would) and opens her page. The old link and the old phone's
session stop working.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from fixtures_organizer import PASSWORD
from playwright.sync_api import expect

from models import Attendee

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GRACE = {
    "name": "Grace Hopper",
    "email": "grace@example.edu",
    "headline": "Compiler pioneer",
    "interests": ["compilers", "COBOL"],
}
ALAN = {
    "name": "Alan Turing",
    "email": "alan@example.ac.uk",
    "headline": "Mathematician",
    "interests": ["computability", "chess"],
}


def decode_qr(page: Any, selector: str, zbarimg: str, shot: Path) -> str:
    """Screenshot the element and decode its QR with zbar, as a phone's camera would."""
    code = page.locator(selector)
    code.scroll_into_view_if_needed()
    page.wait_for_function(f"document.querySelector('{selector}').complete")
    code.screenshot(path=str(shot))
    out = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=False
    )
    urls = out.stdout.split()
    assert out.returncode == 0 and len(urls) == 1, f"zbar found {urls!r} ({out.stderr})"
    return urls[0]


def open_link_as_grace(page: Any, url: str) -> None:
    """Open a private link and confirm it (the page names whose link it is)."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Grace Hopper")).to_be_visible()
    page.get_by_role("button", name="I am Grace: open my page").click()
    expect(page.locator(".badge__name")).to_have_text("Grace Hopper")


def test_an_imported_attendee_without_email_gets_back_in_through_the_help_desk(  # type: ignore[no-untyped-def]
    live_server, phone, zbarimg, tmp_path, make_event, make_attendees, make_organizer
) -> None:
    app, base = live_server.app, live_server.url
    event_id = make_event(app, make_organizer(app), slug="climate")
    make_attendees(app, event_id, [GRACE, ALAN])
    with app.extensions["cg_sessions"]() as session:
        grace = session.query(Attendee).filter_by(email=GRACE["email"]).one()
        old_link = f"{base}/m/{grace.issue_private_token()}"  # from the mail merge
        session.commit()

    # Grace's own phone opened the mail-merge link once; then the phone is lost.
    lost_phone = phone()
    open_link_as_grace(lost_phone, old_link)

    # On a borrowed phone, signing up again is refused kindly: go to the help desk.
    borrowed = phone()
    borrowed.goto(f"{base}/e/climate/join")
    borrowed.fill("#name", "Grace Hopper")
    borrowed.fill("#email", GRACE["email"])
    borrowed.locator("#interests-entry").fill("compilers")
    borrowed.locator("#interests-entry").press("Enter")
    borrowed.get_by_role("button", name="Join").click()
    notice = borrowed.locator("#known-email")
    expect(notice).to_contain_text("is already signed up")
    expect(notice).to_contain_text("help desk")
    borrowed.goto(f"{base}/e/climate/me")
    expect(borrowed.get_by_role("heading", name="This page is private")).to_be_visible()

    # The help desk: the organizer finds Grace and issues a new link on screen.
    desk = phone()
    desk.goto(f"{base}/organizer/login")
    desk.fill("#email", "org@example.org")
    desk.fill("#password", PASSWORD)
    desk.get_by_role("button", name="Sign in").click()
    desk.goto(f"{base}/organizer/events/climate/attendees?q=grace")
    desk.get_by_role("link", name="New private link").first.click()
    expect(desk.get_by_role("heading", name="A new private link for Grace Hopper")).to_be_visible()
    desk.get_by_role("button", name="Issue a new private link").click()
    shown = desk.locator("#private-link").get_attribute("href")
    scanned = decode_qr(desk, ".desk-link__qr", zbarimg, tmp_path / "desk-qr.png")
    assert scanned == shown and scanned != old_link

    # Grace scans the code with the borrowed phone: her page, signed in.
    open_link_as_grace(borrowed, scanned)
    borrowed.reload()
    expect(borrowed.locator(".badge__name")).to_have_text("Grace Hopper")

    # The lost phone's session has ended, and the old link opens nothing.
    lost_phone.reload()
    expect(lost_phone.get_by_role("heading", name="This page is private")).to_be_visible()
    expect(lost_phone.locator(".badge__name")).to_have_count(0)
    stranger = phone()
    response = stranger.goto(old_link)
    assert response is not None and response.status == 404
    expect(stranger.get_by_role("button", name="I am Grace: open my page")).to_have_count(0)
    # A reload of the help desk page shows the same link; it does not issue another.
    desk.reload()
    assert desk.locator("#private-link").get_attribute("href") == scanned
    open_link_as_grace(phone(), scanned)
