"""The sign-up handoff (issue 18) in chromium: the busy button, one attendee for a
double-click, a welcome page that reloads without posting again, and the way back to
a badge scanned before signing up.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from playwright.sync_api import expect
from test_scan import zbar

from browser.people import ALMA
from browser.test_journeys import fill_tags
from models import Attendee

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def fill_form(page: Any, base: str, person: dict[str, Any], path: str = "/e/conf/join") -> None:
    page.goto(base + path)
    page.fill("#name", person["name"])
    page.fill("#email", person["email"])
    page.fill("#headline", person["headline"])
    fill_tags(page, "interests", person["interests"])


def test_the_button_shows_it_works_and_a_double_click_makes_one_attendee(  # type: ignore[no-untyped-def]
    live_server, phone, make_public_event, list_attendees
) -> None:
    app, base = live_server.app, live_server.url
    make_public_event(app)
    page = phone()
    fill_form(page, base, ALMA)
    # What the page shows once the form is submitted, kept in window.name (it survives
    # the navigation to the welcome page of the same site).
    page.evaluate(
        """() => document.querySelector("form[data-busy-form]").addEventListener("submit", e => {
            const button = e.target.querySelector("[data-busy-label]");
            const seen = JSON.parse(window.name || "[]");
            seen.push([button.disabled, button.textContent.trim(), button.getAttribute("aria-busy"),
                       !e.target.querySelector(".busy-note").hidden, e.defaultPrevented]);
            window.name = JSON.stringify(seen);
        })"""
    )
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.get_by_role("button", name="Join").dblclick()
    page.wait_for_url(f"{base}/e/conf/welcome")
    assert posts == [f"{base}/e/conf/join"], "a double-click sends the form once"
    seen = json.loads(page.evaluate("window.name"))
    assert seen[0] == [True, "Finding your people…", "true", True, False], seen
    assert all(submission[-1] for submission in seen[1:]), "any second submit was stopped"
    assert [a.email for a in list_attendees(app)] == [ALMA["email"]]
    # The link shown works, on another device.
    link = page.locator("#private-link").get_attribute("href")
    other = phone()
    other.goto(link)
    other.get_by_role("button", name="I am Alma: open my page").click()
    expect(other.locator(".badge__name")).to_have_text(ALMA["name"])


def test_reloading_the_welcome_page_never_posts_again(  # type: ignore[no-untyped-def]
    live_server, phone, make_public_event, list_attendees
) -> None:
    app, base = live_server.app, live_server.url
    make_public_event(app)
    page = phone()
    fill_form(page, base, ALMA)
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}"))
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(f"{base}/e/conf/welcome")
    link = page.locator("#private-link").get_attribute("href")
    posts = [r for r in sent if r.startswith("POST")]
    assert posts == [f"POST {base}/e/conf/join"]
    for _ in range(2):
        response = page.reload()
        assert response is not None and response.status == 200
        assert response.request.method == "GET"
        expect(page.locator("#private-link")).to_have_attribute("href", link or "")
    assert [r for r in sent if r.startswith("POST")] == posts, "no reload posted the form"
    assert len(list_attendees(app)) == 1
    # Back from the welcome page shows the form again, ready (not stuck busy).
    page.go_back()
    expect(page.get_by_role("button", name="Join")).to_be_enabled()
    other = phone()
    other.goto(link)
    other.get_by_role("button", name="I am Alma: open my page").click()
    expect(other.locator(".badge__name")).to_have_text(ALMA["name"])


def test_a_visitor_who_scanned_a_badge_comes_back_to_it_after_signing_up(  # type: ignore[no-untyped-def]
    live_server, phone, tmp_path, make_public_event, make_attendees
) -> None:
    app, base = live_server.app, live_server.url
    event_id = make_public_event(app)
    make_attendees(
        app,
        event_id,
        [
            {
                "name": "Bruno Ferreira-Lima",
                "email": "bruno@example.org",
                "headline": "Backend engineer",
                "interests": ["accessibility", "distributed databases"],
            }
        ],
    )
    with app.extensions["cg_sessions"]() as session:
        bruno_badge = session.query(Attendee).one().badge_token
    # Alma, not signed up, scans Bruno's badge (the code his page shows).
    png = requests.get(f"{base}/b/{bruno_badge}/qr.png", timeout=10).content  # on his badge
    scanned = zbar(png, tmp_path)
    assert scanned.endswith(f"/b/{bruno_badge}")
    alma = phone()
    alma.goto(scanned)
    expect(alma.get_by_role("heading", name="Bruno Ferreira-Lima")).to_be_visible()
    alma.get_by_role("link", name="Sign up for Conf 2026").click()
    alma.fill("#name", ALMA["name"])
    alma.fill("#email", ALMA["email"])
    alma.fill("#headline", ALMA["headline"])
    fill_tags(alma, "interests", ALMA["interests"])
    alma.get_by_role("button", name="Join").click()
    alma.wait_for_url(f"{base}/e/conf/welcome")
    back = alma.get_by_role("link", name="See what you and Bruno have in common")
    expect(back).to_be_visible()
    back.click()
    alma.wait_for_url(scanned)
    expect(alma.get_by_role("heading", name="You and Bruno Ferreira-Lima")).to_be_visible()
    expect(alma.locator(".cg-block").first).to_contain_text("accessibility")
