"""The attendee journeys in a real browser: sign up, badge QR, scan, save, follow up.

Debian chromium through Playwright, iPhone 13 viewport, the real embedding model,
CSRF on. QR codes are decoded from page screenshots with zbar, as a phone would.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import vobject

from browser.people import ALMA, BRUNO

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def fill_tags(page: Any, field: str, items: list[str]) -> None:
    """Enter list items as tags (or as "a; b" text when JavaScript did not enhance)."""
    # Once loaded, tags.js has enhanced the field or never will: asked earlier, the
    # field could be hidden between the question and the typing.
    page.wait_for_load_state("load")
    entry = page.locator(f"#{field}-entry")
    if entry.count():
        for item in items:
            entry.fill(item)
            entry.press("Enter")
    else:
        page.fill(f"#{field}", "; ".join(items))


def sign_up(page: Any, base: str, person: dict[str, Any], slug: str = "conf") -> None:
    """J1 through the real form; the device ends up signed in, on my page."""
    page.goto(f"{base}/e/{slug}/join")
    page.fill("#name", person["name"])
    page.fill("#email", person["email"])
    page.fill("#headline", person["headline"])
    for field in ("interests", "personal_interests"):
        fill_tags(page, field, person[field])
    page.get_by_role("button", name="Join").click()
    page.locator("#private-link").wait_for()
    page.get_by_role("link", name="Open my page").click()
    page.wait_for_url(f"{base}/e/{slug}/me")


def assert_fits_390(page: Any) -> None:
    """No horizontal scrolling at the phone's 390 px width."""
    width, scroll = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
    assert width == 390
    assert scroll <= width, f"{page.url} scrolls sideways: {scroll}px content in {width}px"


def scan_badge(page: Any, zbarimg: str, tmp_path: Path, name: str) -> str:
    """Screenshot `page` (the badge owner's page) and decode its QR with zbar."""
    shot = tmp_path / f"{name}.png"
    page.locator(".badge__qr").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.badge__qr').complete")
    page.screenshot(path=str(shot), full_page=True)
    out = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=False
    )
    urls = out.stdout.split()
    assert out.returncode == 0 and len(urls) == 1, f"zbar found {urls!r} ({out.stderr})"
    return urls[0]


@pytest.fixture
def two_phones(live_server, phone, make_public_event):  # type: ignore[no-untyped-def]
    """Alma and Bruno, signed up to `conf` on their own phones, each on their page."""
    make_public_event(live_server.app, slug="conf", name="Conf 2026")
    alma, bruno = phone(), phone()
    sign_up(alma, live_server.url, ALMA)
    sign_up(bruno, live_server.url, BRUNO)
    return alma, bruno


def test_scanning_a_badge_shows_shared_interest_in_other_words_and_three_starters(
    live_server, two_phones, phone, zbarimg, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    alma, bruno = two_phones
    alma.screenshot(path=str(tmp_path / "alma-page.png"), full_page=True)
    assert (tmp_path / "alma-page.png").stat().st_size > 10_000
    assert_fits_390(alma)
    assert_fits_390(bruno)

    url = scan_badge(bruno, zbarimg, tmp_path, "bruno-page")
    assert url.startswith(f"{live_server.url}/b/")
    stranger = phone()  # not signed up: the public card and an invitation
    stranger.goto(url)
    assert stranger.get_by_role("heading", level=1).inner_text() == "Bruno Ferreira-Lima"
    assert stranger.get_by_role("link", name="Sign up for Conf 2026").is_visible()
    assert "bruno@example.org" not in stranger.content()
    assert_fits_390(stranger)
    alma.goto(url)
    assert alma.get_by_role("heading", level=1).inner_text() == "You and Bruno Ferreira-Lima"
    shared = alma.locator(".cg-item", has_text="trail running")
    assert shared.count() == 1
    assert "running on trails" in shared.inner_text()
    starters = alma.locator(".starters .starter")
    assert starters.count() == 3
    texts = starters.all_inner_texts()
    assert len(set(texts)) == 3 and all(t.strip().endswith("?") for t in texts)
    assert_fits_390(alma)
    alma.screenshot(path=str(tmp_path / "alma-scans-bruno.png"), full_page=True)


def test_scan_save_with_note_then_follow_up_and_download_vcard(
    live_server, two_phones, zbarimg, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    alma, bruno = two_phones
    alma.goto(scan_badge(bruno, zbarimg, tmp_path, "bruno-page"))
    assert alma.locator(".cg-item", has_text="trail running").count() == 1

    alma.fill("#note", "talked about trail races in the Alps")
    alma.get_by_role("button", name="Save contact").click()
    alma.get_by_role("heading", name="In your contacts").wait_for()
    assert "bruno@example.org" not in alma.content()  # no consent, no mutual save yet
    assert "will see your request" in alma.locator("#saved").inner_text()

    alma.get_by_role("link", name="My contacts").first.click()
    alma.wait_for_url(f"{live_server.url}/e/conf/me/contacts")
    card = alma.locator(".contact", has_text="Bruno Ferreira-Lima")
    assert "talked about trail races in the Alps" in card.inner_text()
    draft = card.locator("textarea").input_value()
    assert draft.startswith("Hi Bruno,")
    assert "trail running" in draft
    assert "I really enjoyed our chat about trail races in the Alps." in draft
    assert "coffee" in draft
    assert "To follow up" in card.inner_text()
    assert_fits_390(alma)
    alma.screenshot(path=str(tmp_path / "alma-contacts.png"), full_page=True)

    with alma.expect_download() as info:
        alma.get_by_role("link", name="Download vCard (.vcf)").click()
    download = info.value
    assert download.suggested_filename.endswith(".vcf")
    path = tmp_path / download.suggested_filename
    download.save_as(str(path))
    (card_vcf,) = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    assert card_vcf.fn.value == "Bruno Ferreira-Lima"
    assert "email" not in card_vcf.contents
