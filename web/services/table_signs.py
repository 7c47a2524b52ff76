"""Printable table signs: one folded tent card per meeting place, readable from both sides.

Each A4 or Letter page is one place: folded along the dashed middle line, it stands on
the table with the place's name large on both faces (the upper half printed upside
down), the event's name, and how to find the meeting time on one's own page.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from models import Event, MeetingPlace
from web.services.badges_pdf import PAPERS, _draw, _fit_line, _fonts, _width
from web.services.meeting_setup import places_of

MARGIN = 18 * mm
GREY = Color(0.42, 0.45, 0.5)
FOLD = Color(0.75, 0.77, 0.8)
HINT = "Your meeting time and place are on your page in Common Ground."


class SignError(ValueError):
    """Signs cannot be made as asked; the message says what to fix."""


def _face(
    canvas: Canvas, place: MeetingPlace, event_name: str, width: float, height: float
) -> None:
    """One face of the tent card, drawn upright in a (width x height) box at the origin."""
    fonts = _fonts()
    inner = width - 2 * MARGIN
    canvas.setFillColor(GREY)
    event_line = _fit_line(event_name, fonts.regular, 16, inner)
    _draw(
        canvas,
        (width - _width(event_line, fonts.regular, 16)) / 2,
        height - MARGIN - 10,
        event_line,
        fonts.regular,
        16,
    )
    canvas.setFillColor(black)
    size = 120.0
    while size > 28 and _width(place.name, fonts.bold, size) > inner:
        size -= 4
    name = _fit_line(place.name, fonts.bold, size, inner)
    _draw(
        canvas,
        (width - _width(name, fonts.bold, size)) / 2,
        height / 2 - size / 3,
        name,
        fonts.bold,
        size,
    )
    canvas.setFillColor(GREY)
    lines = [HINT]
    if place.capacity > 1:
        lines.insert(0, f"Up to {place.capacity} meetings at a time")
    y = MARGIN + 6
    for line in reversed(lines):
        text = _fit_line(line, fonts.regular, 13, inner)
        _draw(canvas, (width - _width(text, fonts.regular, 13)) / 2, y, text, fonts.regular, 13)
        y += 18


def render_signs(places: list[MeetingPlace], event_name: str, paper: str = "a4") -> bytes:
    """The signs PDF: one page per place."""
    if paper not in PAPERS:
        raise SignError("Choose A4 or Letter paper for the table signs.")
    if not places:
        raise SignError("Add meeting places first: each place gets a sign.")
    width, height = PAPERS[paper]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle(f"Table signs · {event_name}")
    half = height / 2
    for place in places:
        _face(canvas, place, event_name, width, half)  # the lower face, upright
        canvas.saveState()
        canvas.translate(width, height)
        canvas.rotate(180)  # the upper face reads from the other side of the table
        _face(canvas, place, event_name, width, half)
        canvas.restoreState()
        canvas.setStrokeColor(FOLD)
        canvas.setDash(4, 4)
        canvas.line(MARGIN / 2, half, width - MARGIN / 2, half)
        canvas.setDash()
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def event_signs_pdf(session: Session, event: Event, paper: str = "a4") -> bytes:
    """Table signs for every meeting place of `event`."""
    return render_signs(places_of(session, event), event.name, paper)
