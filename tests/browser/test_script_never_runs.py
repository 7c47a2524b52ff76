"""Script typed into a profile never runs: not on my page, the scan page, nor for organizers.

Two attendees sign up through the real form with script and HTML payloads in every
field. Every page that shows their data is opened in chromium with a listener for
dialogs, Content-Security-Policy violations and a window flag the payloads would set.
A CSP violation counts as a failure too: it means markup got into the page unescaped.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fixtures_organizer import PASSWORD

from models import Attendee
from web.queue import wait_for_jobs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FLAG = "window.__pwned"
PAYLOADS = {
    "name": 'Eve <img src=x onerror="window.__pwned=1">',
    "headline": "<script>window.__pwned=1</script>CTO",
    "interests": ['<svg onload="window.__pwned=1">', "carbon capture"],
    "personal_interests": ['"><script>window.__pwned=1</script>', "chess"],
    "looking_for": ["</textarea><script>window.__pwned=1</script>"],
    "offering": ['<iframe src="javascript:window.top.__pwned=1"></iframe>'],
    "organizations": ['<a href="javascript:window.__pwned=1">Acme</a>'],
    "about": "{{ 7*7 }} <b onmouseover=\"window.__pwned=1\">hi</b> <script>alert('x')</script>",
}
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
"""


def watched(page: Any) -> list[str]:
    """Record dialogs on `page`; returns the list they are appended to."""
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(WATCH)
    return dialogs


def assert_inert(page: Any, dialogs: list[str], where: str) -> None:
    """Nothing ran and nothing was blocked on the current page."""
    page.wait_for_load_state("load")
    assert page.evaluate(f"typeof {FLAG}") == "undefined", f"script ran on {where}"
    assert dialogs == [], f"a dialog opened on {where}: {dialogs}"
    violations = page.evaluate("window.__csp || []")
    assert violations == [], f"markup reached {where} unescaped (CSP blocked it): {violations}"


def fill(page: Any, field: str, value: str | list[str]) -> None:
    """Type a field: list fields as tags when JavaScript enhanced them, else as text."""
    if isinstance(value, str):
        page.fill(f"#{field}", value)
        return
    entry = page.locator(f"#{field}-entry")
    if entry.count():
        for item in value:
            entry.fill(item)
            entry.press("Enter")
    else:
        page.fill(f"#{field}", "; ".join(value))


def sign_up_with_payloads(page: Any, dialogs: list[str], base: str, email: str) -> None:
    """Sign up with a payload in every field, checking the form and welcome pages."""
    page.goto(f"{base}/e/climate/join")
    assert_inert(page, dialogs, "the sign-up form")
    page.fill("#email", email)
    for field, value in PAYLOADS.items():
        fill(page, field, value)
    page.fill("#links", "javascript:window.__pwned=1")
    page.get_by_role("button", name="Join").click()
    page.wait_for_load_state("load")
    assert_inert(page, dialogs, "the sign-up form with an error")
    assert "javascript:" in page.input_value("#links"), "what was typed is kept"
    page.fill("#links", 'https://example.org/?q="><script>window.__pwned=1</script>')
    page.get_by_role("button", name="Join").click()
    page.locator("#private-link").wait_for()
    assert_inert(page, dialogs, "the welcome page")


def test_script_in_every_field_never_runs_anywhere(  # type: ignore[no-untyped-def]
    live_server, phone, make_organizer, make_event
) -> None:
    base = live_server.url
    app = live_server.app
    organizer = make_organizer(app, email="host@example.org")
    make_event(app, organizer, slug="climate")

    eve, eve_dialogs = (page := phone()), watched(page)
    sign_up_with_payloads(eve, eve_dialogs, base, "eve@example.org")
    mal, mal_dialogs = (page := phone()), watched(page)
    sign_up_with_payloads(mal, mal_dialogs, base, "mal@example.org")

    eve.goto(f"{base}/e/climate/me")
    assert_inert(eve, eve_dialogs, "my page")
    body = eve.inner_text("body")
    assert "<script>window.__pwned=1</script>CTO" in body, "payloads show as plain text"
    assert "{{ 7*7 }}" in body, "no template injection"
    eve.goto(f"{base}/e/climate/me/edit")
    assert_inert(eve, eve_dialogs, "the edit page")

    with app.extensions["cg_sessions"]() as session:
        token = session.scalars(
            sa.select(Attendee.badge_token).where(Attendee.email == "eve@example.org")
        ).one()
    wait_for_jobs(app)  # the welcome pages stop reloading themselves
    mal.goto(f"{base}/b/{token}")
    assert_inert(mal, mal_dialogs, "the scan page")
    mal.fill("#note", "<script>window.__pwned=1</script> met at <b onclick=x>lunch</b>")
    mal.get_by_role("button", name="Save contact").click()
    mal.wait_for_load_state("load")
    assert_inert(mal, mal_dialogs, "the scan page after saving")
    mal.goto(f"{base}/e/climate/me/contacts")
    assert_inert(mal, mal_dialogs, "my contacts")
    stranger, stranger_dialogs = (page := phone()), watched(page)
    stranger.goto(f"{base}/b/{token}")
    assert_inert(stranger, stranger_dialogs, "the public badge card")

    host, host_dialogs = (page := phone()), watched(page)
    host.goto(f"{base}/organizer/login")
    host.fill("#email", "host@example.org")
    host.fill("#password", PASSWORD)
    host.get_by_role("button", name="Sign in").click()
    host.wait_for_url(f"{base}/organizer/")
    shown: list[str] = []
    for path in (
        "/organizer/",
        "/organizer/events/climate",
        "/organizer/events/climate/attendees",
        "/organizer/events/climate/rounds",
    ):
        response = host.goto(f"{base}{path}")
        if response is not None and response.status == 404:
            continue  # a page another area has not built yet
        assert_inert(host, host_dialogs, path)
        shown.append(host.inner_text("body"))
    assert any("Eve <img src=x" in text for text in shown), "names show as plain text"
