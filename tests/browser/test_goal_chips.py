"""Goals typed as chips: a comma inside a goal stays in it; the server parts two goals.

Debian chromium through Playwright at phone size, the real app with CSRF on.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Attendee

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_comma_inside_a_goal_does_not_cut_it_into_two_chips(  # type: ignore[no-untyped-def]
    live_server, phone, make_public_event
) -> None:
    make_public_event(live_server.app)
    page = phone()
    page.goto(f"{live_server.url}/e/conf/join")
    page.fill("#name", "Ines Duarte")
    page.fill("#email", "ines@example.org")
    page.fill("#headline", "Founder, water-energy startup")

    offer = page.locator("#offering-entry")
    offer.press_sequentially("intros to startups in energy, water and food")
    assert offer.input_value() == "intros to startups in energy, water and food"
    offer.press("Enter")
    chips = page.locator("#offering-entry").locator("xpath=ancestor::div[@class='tags']//li")
    assert chips.count() == 1
    # Interests are short tags: there a comma still adds one.
    interests = page.locator("#interests-entry")
    interests.press_sequentially("desalination,")
    assert interests.input_value() == ""

    page.locator("#looking_for-entry").fill("seed investors, a CTO")
    page.get_by_role("button", name="Join").click()
    page.locator("#private-link").wait_for()

    with live_server.app.app_context(), live_server.app.extensions["cg_sessions"]() as session:
        ines = session.scalars(sa.select(Attendee)).one()
    assert ines.offering == ["intros to startups in energy, water and food"]
    assert ines.looking_for == ["seed investors", "a CTO"]  # as an import reads it
    assert ines.interests == ["desalination"]
