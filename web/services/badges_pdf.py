"""The printable badges PDF: six badges per A4 or Letter page, each with a scannable QR.

A badge shows the name large, the headline, the event, and a QR code to the absolute
`/b/<badge-token>` URL (the opaque token only, never personal data). The QR is drawn
as vector squares with a quiet zone, so it stays sharp at any print resolution.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import reportlab
import sqlalchemy as sa
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from models import Attendee, Event
from web.services.qr_codes import QUIET_MODULES, qr_matrix

log = logging.getLogger(__name__)

PAPERS = {"a4": A4, "letter": LETTER}
COLUMNS, ROWS = 2, 3
PER_PAGE = COLUMNS * ROWS
MARGIN = 10 * mm
GUTTER = 4 * mm
PADDING = 6 * mm
QR_SIZE = 40 * mm
SCAN_HINT = "Scan my badge to see what we have in common."
GREY = Color(0.42, 0.45, 0.5)
CUT_LINE = Color(0.8, 0.82, 0.85)

# Fonts with wide Unicode coverage first; reportlab's own Vera is always there.
_FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    (str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"), "VeraBd.ttf"),
]
# For names in scripts the main font lacks (e.g. Chinese), when the system has it.
_FALLBACK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"


class BadgeError(ValueError):
    """Badges cannot be made as asked; the message says what to fix."""


@dataclass(frozen=True)
class Badge:
    """What one badge shows."""

    name: str
    headline: str
    url: str


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    fallback: str | None


@cache
def _fonts() -> _Fonts:
    """Register the badge fonts once per process."""
    fallback = None
    if Path(_FALLBACK_FONT).exists():
        pdfmetrics.registerFont(TTFont("BadgeFallback", _FALLBACK_FONT))
        fallback = "BadgeFallback"
    for regular, bold_name in _FONT_CANDIDATES:
        bold = str(Path(regular).with_name(bold_name))
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("BadgeSans", regular))
            pdfmetrics.registerFont(TTFont("BadgeSans-Bold", bold))
            return _Fonts("BadgeSans", "BadgeSans-Bold", fallback)
    return _Fonts("Helvetica", "Helvetica-Bold", fallback)  # pragma: no cover


def _glyphs(font: str) -> dict[int, int] | None:
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return getattr(face, "charToGlyph", None)


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """`text` cut into (segment, font) runs: the fallback font where `font` lacks a glyph."""
    fallback = _fonts().fallback
    main, extra = _glyphs(font), _glyphs(fallback) if fallback else None
    if main is None or extra is None or fallback is None:
        return [(text, font)]
    runs: list[tuple[str, str]] = []
    for ch in text:
        use = fallback if ord(ch) not in main and ord(ch) in extra else font
        if runs and runs[-1][1] == use:
            runs[-1] = (runs[-1][0] + ch, use)
        else:
            runs.append((ch, use))
    return runs


def _draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw `text` at (x, y), switching to the fallback font for glyphs `font` lacks."""
    for segment, use in _runs(text, font):
        canvas.setFont(use, size)
        canvas.drawString(x, y, segment)
        x += pdfmetrics.stringWidth(segment, use, size)


def normalise_base_url(base_url: str) -> str:
    """An absolute http(s) base URL without a trailing slash, or a clear error."""
    base = (base_url or "").strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadgeError(
            "Badges need the public address attendees will open, like https://meet.example.org "
            "(set PUBLIC_BASE_URL or pass --base-url)."
        )
    if parts.query or parts.fragment:
        raise BadgeError("The public base URL must not contain ? or #.")
    return base


def badge_url(base_url: str, token: str) -> str:
    """The absolute URL a badge's QR encodes."""
    return f"{normalise_base_url(base_url)}/b/{token}"


def headline_of(attendee: Attendee) -> str:
    """The badge's second line: the headline, else job title and company."""
    if attendee.headline.strip():
        return attendee.headline.strip()
    return ", ".join(p for p in (attendee.job_title.strip(), attendee.company.strip()) if p)


def event_badges(session: Session, event: Event, base_url: str) -> list[Badge]:
    """Every attendee's badge for `event`, sorted by name."""
    base = normalise_base_url(base_url)
    attendees = session.scalars(
        sa.select(Attendee)
        .where(Attendee.event_id == event.id)
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
    )
    return [Badge(a.name, headline_of(a), f"{base}/b/{a.badge_token}") for a in attendees]


def badge_boxes(paper: str = "a4") -> list[tuple[float, float, float, float]]:
    """The badge rectangles of a page as (x, y, width, height) in points from the top left."""
    width, height = _page_size(paper)
    w = (width - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
    h = (height - 2 * MARGIN - (ROWS - 1) * GUTTER) / ROWS
    return [
        (MARGIN + col * (w + GUTTER), MARGIN + row * (h + GUTTER), w, h)
        for row in range(ROWS)
        for col in range(COLUMNS)
    ]


def _page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise BadgeError(f"Unknown paper size {paper!r}: choose a4 or letter.") from None


def render_badges(badges: Iterable[Badge], *, event_name: str = "", paper: str = "a4") -> bytes:
    """The PDF of `badges`, six per page, as bytes."""
    size = _page_size(paper)
    boxes = badge_boxes(paper)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, pageCompression=1)
    canvas.setTitle(f"Badges · {event_name}" if event_name else "Badges")
    canvas.setCreator("Common Ground")
    count = 0
    for count, badge in enumerate(badges, start=1):
        slot = (count - 1) % PER_PAGE
        if slot == 0 and count > 1:
            canvas.showPage()
        x, top, w, h = boxes[slot]
        _draw_badge(canvas, badge, event_name, x, size[1] - top - h, w, h)
    if count == 0:
        canvas.setFont(_fonts().bold, 14)
        canvas.drawString(MARGIN, size[1] - MARGIN - 14, "No attendees yet: no badges to print.")
    canvas.showPage()
    canvas.save()
    log.info("rendered %d badges on %s paper", count, paper)
    return out.getvalue()


def _draw_badge(
    canvas: Canvas, badge: Badge, event_name: str, x: float, y: float, w: float, h: float
) -> None:
    """One badge with its bottom-left corner at (x, y): text on top, the QR below right."""
    canvas.setStrokeColor(CUT_LINE)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.roundRect(x, y, w, h, 3 * mm, stroke=1, fill=0)
    canvas.setDash()

    text_x, text_w = x + PADDING, w - 2 * PADDING
    cursor = y + h - PADDING
    if event_name:
        font = _fonts().regular
        canvas.setFillColor(GREY)
        cursor -= 8
        _draw(canvas, text_x, cursor, _fit_line(event_name.upper(), font, 8, text_w), font, 8)
        cursor -= 4 * mm
    canvas.setFillColor(black)
    font = _fonts().bold
    size, lines = _name_lines(badge.name, font, text_w)
    for line in lines:
        cursor -= size * 0.8
        _draw(canvas, text_x, cursor, line, font, size)
        cursor -= size * 0.35
    if badge.headline:
        font = _fonts().regular
        canvas.setFillColor(GREY)
        cursor -= 1 * mm
        for line in _wrap(badge.headline, font, 10.5, text_w, max_lines=2):
            cursor -= 10.5
            _draw(canvas, text_x, cursor, line, font, 10.5)
            cursor -= 2.5

    # The square includes the QR's quiet zone, so it may reach closer to the edge than text.
    qr = qr_matrix(badge.url)
    modules = len(qr) + 2 * QUIET_MODULES
    qr_size = max(min(cursor - y - 2 * mm, QR_SIZE), 24 * mm)
    _draw_qr(canvas, qr, x + w - qr_size - 2 * mm, y + 2 * mm, qr_size, modules)
    canvas.setFillColor(GREY)
    canvas.setFont(_fonts().regular, 7.5)
    hint_w = w - qr_size - PADDING - 4 * mm
    for i, line in enumerate(_wrap(SCAN_HINT, _fonts().regular, 7.5, hint_w, max_lines=3)):
        canvas.drawString(text_x, y + PADDING + (2 - i) * 9.5, line)


def _draw_qr(
    canvas: Canvas, qr: list[list[bool]], x: float, y: float, size: float, modules: int
) -> None:
    """The QR with its quiet zone as a white square at (x, y), dark modules merged per row."""
    unit = size / modules
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for r, row in enumerate(qr):
        top = y + size - (r + QUIET_MODULES + 1) * unit
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (start + QUIET_MODULES) * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)


def _width(text: str, font: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(seg, use, size) for seg, use in _runs(text, font)))


def _fit_line(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut with an ellipsis to fit `width`."""
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines`, the last one cut with an ellipsis."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if _width(candidate, font, size) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[i:])
            break
    if current:
        lines.append(current)
    return [_fit_line(line, font, size, width) for line in lines[:max_lines]]


def _name_lines(name: str, font: str, width: float) -> tuple[float, list[str]]:
    """The largest size (28 down to 16 pt) showing the name on one line, else two lines."""
    name = " ".join(name.split()) or "Guest"
    for size in range(28, 15, -1):
        if _width(name, font, size) <= width:
            return float(size), [name]
    for size in range(20, 11, -1):
        lines = _wrap(name, font, size, width, max_lines=2)
        if not any(line.endswith("…") for line in lines):
            return float(size), lines
    return 12.0, _wrap(name, font, 12, width, max_lines=2)


def event_badges_pdf(session: Session, event: Event, base_url: str, paper: str = "a4") -> bytes:
    """The badges PDF of every attendee of `event`."""
    _page_size(paper)
    return render_badges(event_badges(session, event, base_url), event_name=event.name, paper=paper)
