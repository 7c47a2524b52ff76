"""J6–J8 in a real browser on a phone-sized screen: downloads and rounds, with CSRF and CSP on."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import require_tool
from fixtures_organizer import PASSWORD
from PIL import Image
from playwright.sync_api import expect

from web.services.badges_pdf import badge_boxes
from web.services.exporting import HEADERS
from web.services.rounds import SCHEDULE_HEADERS

NAMES = ["Ada Lovelace", "Ben Okafor", "Cleo Diaz", "Dev Patel", "Eve Adams", "Zoë Ærø"]


@pytest.mark.browser
def test_organizer_downloads_exports_badges_and_plans_rounds(
    app_factory,
    fake_encoder,
    chromium,
    tmp_path: Path,
    add_people,
    add_suggestion,
    make_event,
    make_organizer,
    serve_app,
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(app, event_id, [{"name": n, "headline": "Climate tech"} for n in NAMES])
    add_suggestion(app, event_id, ids["Ada Lovelace"], ids["Ben Okafor"], 1, 0.9, reasons=["R."])
    add_suggestion(app, event_id, ids["Zoë Ærø"], ids["Cleo Diaz"], 1, 0.8, reasons=["Ø."])

    with serve_app(app) as base:
        context = chromium.new_context(**chromium.iphone_13, accept_downloads=True)
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: problems.append(str(exc)))

        page.goto(f"{base}/organizer/events/climate")
        page.fill("input[name=email]", "org@example.org")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/organizer/events/climate")

        with page.expect_download() as info:
            page.click("text=Introductions (Excel)")
        xlsx = tmp_path / info.value.suggested_filename
        info.value.save_as(xlsx)
        assert xlsx.name == "introductions-climate.xlsx"
        rows = [[c.value for c in r] for r in openpyxl.load_workbook(xlsx).active.iter_rows()]
        assert rows[0] == HEADERS
        assert [(r[0], r[4]) for r in rows[1:]] == [
            ("Ada Lovelace", "Ben Okafor"),
            ("Zoë Ærø", "Cleo Diaz"),
        ]

        with page.expect_download() as info:
            page.click("text=Badges PDF (A4)")
        pdf = tmp_path / "badges.pdf"
        info.value.save_as(pdf)
        subprocess.run(
            [require_tool("pdftoppm"), "-r", "150", "-png", str(pdf), str(tmp_path / "p")],
            check=True,
        )
        # Each badge cut out, as printed: one QR each (see test_badges_pdf.py).
        page_image = Image.open(tmp_path / "p-1.png")
        decoded = []
        for n, box in enumerate(badge_boxes("a4")):
            x, y, w, h = (round(v * 150 / 72) for v in box)
            page_image.crop((x, y, x + w, y + h)).save(tmp_path / f"badge{n}.png")
            decoded += subprocess.run(
                [require_tool("zbarimg"), "--raw", "-q", str(tmp_path / f"badge{n}.png")],
                capture_output=True,
                text=True,
            ).stdout.split()
        assert len(set(decoded)) == len(NAMES)
        assert all(url.startswith(f"{base}/b/") for url in decoded)

        page.click("text=Plan rounds")
        page.fill("#rounds", "3")
        page.fill("#tables", "2")
        page.get_by_role("button", name="Plan rounds").click()
        # Two tables seat five of the people: the page says who sits out, then saves.
        expect(
            page.get_by_role("heading", name=re.compile("Not everyone gets a seat"))
        ).to_be_visible()
        page.get_by_role("button", name=re.compile("Save this plan")).click()
        page.wait_for_url(f"{base}/organizer/events/climate/rounds")
        assert "Planned 3 rounds" in page.locator(".flashes").inner_text()
        assert page.locator("details.round").count() == 3
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        with page.expect_download() as info:
            page.click("text=Schedule (CSV)")
        text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
        schedule = list(csv.reader(io.StringIO(text)))
        assert schedule[0] == SCHEDULE_HEADERS and len(schedule) == 1 + 3 * len(NAMES)
        assert not problems, problems
        context.close()
