"""The organizer console at desktop size (1440 x 900) in a real browser.

The event page's pictures render as images with alt text and their tables say what
the database holds; search finds an attendee; a pinned introduction survives a new
matching run; every link of the mail-merge export opens its own attendee's page.
Real embedding model, Debian chromium, CSRF on.
"""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import free_port
from fixtures_organizer import PASSWORD
from playwright.sync_api import expect
from werkzeug.serving import make_server

from models import Attendee, Suggestion
from web.queue import wait_for_jobs
from web.services.demo import PEOPLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"viewport": {"width": 1440, "height": 900}}
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def console(app_factory, real_encoder) -> Iterator[tuple[Any, str]]:  # type: ignore[no-untyped-def]
    """The real app served on a known port, with PUBLIC_BASE_URL set to it; -> (app, url)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    app = app_factory(
        encoder=real_encoder, WTF_CSRF_ENABLED=True, TESTING=False, PUBLIC_BASE_URL=url
    )
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, url
    wait_for_jobs(app)
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def seed_summit(make_event, make_organizer):  # type: ignore[no-untyped-def]
    """`seed_summit(app)`: the host's event "summit" with 24 of the demo people."""

    def _seed(app: Any) -> None:
        event_id = make_event(
            app,
            make_organizer(app, email="host@example.org"),
            slug="summit",
            name="Climate Summit",
            suggestions_per_attendee=3,
        )
        with app.extensions["cg_sessions"]() as session:
            for i, p in enumerate(PEOPLE[:24]):
                person = Attendee(
                    event_id=event_id,
                    email=f"person{i}@example.org",
                    name=p.name,
                    headline=p.headline,
                    interests=[x.strip() for x in p.interests.split(";")],
                    personal_interests=[x.strip() for x in p.personal_interests.split(";")],
                    looking_for=[x.strip() for x in p.looking_for.split(";")],
                    offering=[x.strip() for x in p.offering.split(";")],
                    about=p.about,
                )
                person.issue_private_token()
                session.add(person)
            session.commit()

    return _seed


def _desktop(chromium: Any) -> Any:
    context = chromium.new_context(**DESKTOP, accept_downloads=True)
    context.set_default_timeout(20_000)
    return context


def _sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/organizer/")
    page.fill("#email", "host@example.org")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your events")).to_be_visible()


@pytest.fixture
def organizer_page(console, chromium, seed_summit) -> Iterator[tuple[Any, str, Any]]:  # type: ignore[no-untyped-def]
    """The seeded event's organizer, signed in on a desktop browser; -> (app, url, page)."""
    app, base = console
    seed_summit(app)
    context = _desktop(chromium)
    page = context.new_page()
    _sign_in(page, base)
    yield app, base, page
    context.close()


def _run_matching(page: Any, base: str) -> None:
    page.goto(f"{base}/organizer/events/summit")
    page.get_by_role("button", name=re.compile("Run matching")).click()
    expect(page.locator("#run-label")).to_contain_text("Done:", timeout=180_000)


def test_console_pictures_search_and_pins_at_desktop_size(organizer_page) -> None:  # type: ignore[no-untyped-def]
    app, base, page = organizer_page
    _run_matching(page, base)
    page.goto(f"{base}/organizer/events/summit")

    # Every picture is an image that loaded, with alt text.
    for name in ("topics", "goals", "fairness", "scores"):
        image = page.locator(f"#picture-{name} img")
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        assert len(image.get_attribute("alt") or "") > 20, name
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "console-event-desktop.png"), full_page=True)

    # The tables say what the database holds.
    with app.extensions["cg_sessions"]() as session:
        suggestions = session.scalars(sa.select(Suggestion)).all()
        people = session.scalars(sa.select(Attendee)).all()
    page.locator("#picture-scores summary").click()
    counts = page.locator('[data-table="scores"] td[data-count]').all_inner_texts()
    assert sum(int(c) for c in counts) == len(suggestions)
    page.locator("#picture-fairness summary").click()
    in_lists = {s.other_id for s in suggestions}
    fairness = page.locator('[data-table="fairness"] tbody tr')
    none_row = fairness.filter(has=page.locator("th", has_text=re.compile(r"^0$")))
    expect(none_row.locator("td")).to_have_text(str(sum(1 for p in people if p.id not in in_lists)))
    page.locator("#picture-topics summary").click()
    mapped = page.locator('[data-table="topics"] td[data-people]').all_inner_texts()
    assert sum(int(n) for n in mapped) == len(people)
    page.locator("#picture-goals summary").click()
    seekers = dict(
        zip(
            page.locator('[data-table="goals"] tbody th').all_inner_texts(),
            page.locator('[data-table="goals"] td[data-seekers]').all_inner_texts(),
            strict=True,
        )
    )
    for goal, n in seekers.items():
        # At least everyone who wrote exactly this goal is counted under it.
        exact = sum(1 for p in people if goal.lower() in [g.lower() for g in p.looking_for])
        assert int(n) >= exact, goal

    # Search finds an attendee.
    page.get_by_role("link", name="Attendees and introductions").click()
    target = people[5]
    page.fill("#q", target.name.split()[-1])
    page.get_by_role("button", name="Search").click()
    expect(page.locator("a.people__name", has_text=target.name)).to_be_visible()
    assert target.name in page.locator("a.people__name").all_inner_texts()
    page.screenshot(path=str(SHOTS / "console-attendees-desktop.png"), full_page=True)

    # Pin an introduction the matcher did not make, then run the matching again.
    me = people[0]
    mine = {s.other_id for s in suggestions if s.attendee_id == me.id}
    other = next(p for p in people[1:] if p.id not in mine)
    page.goto(f"{base}/organizer/events/summit/attendees/{me.id}")
    page.get_by_label("Introduce to").fill(other.email)
    page.get_by_label("Why (shown to both)").fill("You should compare notes on pilots")
    page.get_by_role("button", name="Pin introduction").click()
    expect(page.get_by_text("Pinned:")).to_be_visible()
    _run_matching(page, base)
    page.goto(f"{base}/organizer/events/summit/attendees/{me.id}")
    first = page.locator("#introductions li").first
    expect(first).to_contain_text(other.name)
    expect(first).to_contain_text("pinned by you")
    expect(first).to_contain_text("From the organizer: You should compare notes on pilots")
    page.screenshot(path=str(SHOTS / "console-attendee-desktop.png"), full_page=True)


def test_each_exported_private_link_opens_its_own_attendees_page(
    organizer_page, chromium, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    app, base, page = organizer_page
    # Creating an event: the short name follows the name until typed by hand.
    # The deferred organizer.js follows the name once the page has loaded; typing sooner
    # fires input events nobody listens to yet.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Create an event").click()
    page.get_by_label("Event name").press_sequentially("Café & Climate Summit 2027")
    expect(page.get_by_label("Short name for links")).to_have_value("cafe-and-climate-summit-2027")
    page.get_by_label("Short name for links").fill("ccs27")
    page.get_by_label("Event name").press_sequentially("!")
    expect(page.get_by_label("Short name for links")).to_have_value("ccs27")

    page.goto(f"{base}/organizer/events/summit/attendees")
    page.get_by_label("Only attendees who have not opened their link yet").check()
    page.get_by_label(re.compile("I understand")).check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export private links (CSV)").click()
    target = tmp_path / "links.csv"
    info.value.save_as(target)
    rows = list(csv.DictReader(target.read_text("utf-8-sig").splitlines()))
    assert len(rows) == 24
    with app.extensions["cg_sessions"]() as session:
        abouts = dict(session.execute(sa.select(Attendee.email, Attendee.about)).all())
    for row in rows[:6]:  # each one in a browser of its own, as each recipient would
        phone = chromium.new_context(**DESKTOP)
        try:
            tab = phone.new_page()
            assert row["Private link"].startswith(f"{base}/m/")
            tab.goto(row["Private link"])
            first = row["Name"].split()[0]
            tab.get_by_role("button", name=f"I am {first}: open my page").click()
            expect(tab.get_by_role("heading", level=1)).to_have_text(f"Hi {first}")
            # Their own profile: what the person of this row's email wrote about themselves.
            profile = tab.locator('section[aria-labelledby="profile-title"]')
            expect(profile).to_contain_text(abouts[row["Email"]])
        finally:
            phone.close()
