"""While suggestions are being found, the welcome page updates itself, and gives way to
a navigation the person starts: a slow page they asked for is not replaced by a reload."""

from __future__ import annotations

import time
from typing import Any

import pytest

from web.queue import job_backend

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_waiting_page_reloads_itself_but_gives_way_to_a_navigation(  # type: ignore[no-untyped-def]
    live_server, phone, make_event, make_organizer
) -> None:
    base, app = live_server.url, live_server.app
    make_event(app, make_organizer(app), slug="climate")
    job_backend(app).closed = True  # the refresh job waits, as behind a busy worker
    page = phone()
    page.goto(f"{base}/e/climate/join")
    page.fill("#name", "Ada Lovelace")
    page.fill("#email", "ada@example.org")
    page.get_by_role("button", name="Join").click()
    page.locator("#private-link").wait_for()
    assert "finding the people" in page.inner_text("body")

    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    page.wait_for_timeout(7_000)
    assert len(loads) >= 1 and loads[-1].endswith("/e/climate/welcome"), "it reloads"

    def slow(route: Any) -> None:  # the navigation is still in flight when a reload is due
        time.sleep(4)
        route.continue_()

    page.route("**/e/climate/me/edit", slow)
    page.goto(f"{base}/e/climate/me/edit")
    page.wait_for_timeout(4_000)
    assert page.url.endswith("/e/climate/me/edit"), "the person's navigation won"
