"""The printable badges PDF: every QR on every page decodes with zbar to its attendee's URL."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import require_tool
from PIL import Image

from models import Attendee, Event
from web.services.badges_pdf import (
    _FALLBACK_FONT,
    PER_PAGE,
    Badge,
    BadgeError,
    badge_boxes,
    badge_url,
    event_badges_pdf,
    render_badges,
)

DPI = 150
NAMES = [
    "Ada Lovelace",
    "Ben Okafor",
    "Chidi Anagonye",
    "Dolores Ibárruri",
    "Émile Zola",
    "Fatima Al-Fihri",
    "Grace Hopper",
    "Hedy Lamarr",
    "Ines Łukasiewicz-Ærøskøbing von Hohenzollern-Sigmaringen",
    "Jun Wei 李伟",
    "Kofi Annan",
    "Linus Torvalds",
    "Mae Jemison",
]


def rasterise(pdf: Path, tmp_path: Path) -> list[Path]:
    """Every page as a PNG at 150 dpi, in page order."""
    pdftoppm = require_tool("pdftoppm")
    prefix = tmp_path / "page"
    subprocess.run([pdftoppm, "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True)
    return sorted(tmp_path.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def decode(png: Path) -> list[str]:
    """Every QR code zbarimg finds in the image."""
    zbarimg = require_tool("zbarimg")
    result = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        text=True,
    )
    assert result.returncode in (0, 4), result.stderr  # 4: no symbol found
    return [line for line in result.stdout.splitlines() if line]


def page_text(pdf: Path, page: int, box: tuple[float, float, float, float]) -> str:
    """The text inside one badge's box (points from the top left) on `page`."""
    pdftotext = require_tool("pdftotext")
    x, y, w, h = (round(v * DPI / 72) for v in box)
    result = subprocess.run(
        [pdftotext, "-f", str(page), "-l", str(page), "-r", str(DPI)]
        + ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(result.stdout.split())


@pytest.fixture
def event(app, make_event, add_people):  # type: ignore[no-untyped-def]
    event_id = make_event(app, None, name="Climate Summit 2026")
    add_people(
        app,
        event_id,
        [
            {"name": name, "headline": f"Works on {name.split()[0]}'s ideas", "listed": i % 4 != 0}
            for i, name in enumerate(NAMES)
        ],
    )
    with app.extensions["cg_sessions"]() as session:
        # Headline from job title and company when the attendee wrote none.
        first = session.scalar(sa.select(Attendee).where(Attendee.name == "Kofi Annan"))
        first.headline, first.job_title, first.company = "", "Diplomat", "UN"
        session.commit()
    return event_id


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_qr_on_every_page_decodes_to_its_attendees_badge_url(
    app, event: int, tmp_path: Path, paper: str
) -> None:  # type: ignore[no-untyped-def]
    base = "https://meet.example.org/"
    with app.extensions["cg_sessions"]() as session:
        pdf_bytes = event_badges_pdf(session, session.get(Event, event), base, paper=paper)
        people = session.scalars(sa.select(Attendee).where(Attendee.event_id == event)).all()
    expected = {p.name: f"https://meet.example.org/b/{p.badge_token}" for p in people}
    pdf = tmp_path / "badges.pdf"
    pdf.write_bytes(pdf_bytes)
    pages = rasterise(pdf, tmp_path)
    assert len(pages) == -(-len(NAMES) // PER_PAGE) >= 3

    found: dict[str, str] = {}
    boxes = badge_boxes(paper)
    for number, png in enumerate(pages, start=1):
        # zbar reading a whole page of codes at once now and then skips one (about 1 in
        # 100): a phone reads one badge at a time, so each badge is cut out and must decode.
        assert set(decode(png)) <= set(expected.values())  # no stray or foreign codes
        image = Image.open(png)
        on_this_page = min(PER_PAGE, len(NAMES) - (number - 1) * PER_PAGE)
        for slot, box in enumerate(boxes[:on_this_page]):
            x, y, w, h = (round(v * DPI / 72) for v in box)
            crop = tmp_path / f"badge-{number}-{slot}.png"
            image.crop((x, y, x + w, y + h)).save(crop)
            urls = decode(crop)
            assert len(urls) == 1, f"badge {slot + 1} on page {number}: {urls}"
            text = page_text(pdf, number, box)
            name = next(n for n in expected if n.split()[0] in text)
            found[name] = urls[0]
        for box in boxes[on_this_page:]:
            assert not page_text(pdf, number, box)  # the rest of the last page is empty
    assert found == expected  # every attendee, each QR under the right name


def test_badges_show_name_and_headline_and_fall_back_to_job_and_company(
    app, event: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        pdf_bytes = event_badges_pdf(session, session.get(Event, event), "http://localhost:5000")
    pdf = tmp_path / "badges.pdf"
    pdf.write_bytes(pdf_bytes)
    texts = [page_text(pdf, p, (0, 0, 612, 842)) for p in (1, 2, 3)]
    everything = " ".join(texts)
    assert "CLIMATE SUMMIT 2026" in texts[0]
    assert "Ada Lovelace" in texts[0] and "Works on Ada's ideas" in texts[0]
    assert "Diplomat, UN" in everything
    assert "Łukasiewicz" in everything
    if Path(_FALLBACK_FONT).exists():  # Chinese glyphs need a system font (fonts-droid-fallback)
        assert "李伟" in everything


def test_no_attendees_gives_a_one_page_pdf_that_says_so(tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    pdf.write_bytes(render_badges([], event_name="Empty"))
    assert "No attendees yet" in page_text(pdf, 1, (0, 0, 612, 842))


def test_base_url_must_be_absolute_http() -> None:
    assert badge_url("https://meet.example.org/", "tok") == "https://meet.example.org/b/tok"
    assert badge_url("http://10.0.0.5:8000", "tok") == "http://10.0.0.5:8000/b/tok"
    for bad in ("", "meet.example.org", "ftp://x.org", "https://x.org/?a=1"):
        with pytest.raises(BadgeError):
            badge_url(bad, "tok")
    with pytest.raises(BadgeError, match="a4 or letter"):
        render_badges([Badge("A", "", "https://x.org/b/t")], paper="a3")
