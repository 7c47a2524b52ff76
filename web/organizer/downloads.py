"""Organizer downloads: introductions (CSV, XLSX), badges PDF, the rounds schedule (CSV).

Every route is the signed-in organizer's own event only (`event_for_organizer`).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from flask import (
    Response,
    flash,
    redirect,
    request,
    url_for,
)
from sqlalchemy.orm import Session

from models import Event
from web.config import public_base_url
from web.db import get_session, session_factory
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.services import rounds as rounds_glue
from web.services.badges_pdf import PAPERS, BadgeError, event_badges_pdf
from web.services.exporting import (
    CONTENT_TYPES,
    HEADERS,
    Cell,
    csv_chunks,
    export_filename,
    introduction_rows,
    write_xlsx,
)

log = logging.getLogger(__name__)

PRIVATE = {"Cache-Control": "no-store"}  # these files hold names and emails


def _streamed_csv(
    event_id: int,
    rows: Callable[[Session, Event], Iterable[list[Cell]]],
    headers: Sequence[str],
) -> Iterator[str]:
    """CSV chunks read in a session of their own, closed when the download ends.

    The request's session is committed and closed before a streamed body is sent.
    """
    sessions = session_factory()

    def generate() -> Iterator[str]:
        with sessions() as session:
            event = session.get(Event, event_id)
            if event is not None:
                yield from csv_chunks(rows(session, event), headers)

    return generate()


def _attachment(name: str) -> dict[str, str]:
    return {**PRIVATE, "Content-Disposition": f'attachment; filename="{name}"'}


@bp.get("/events/<slug>/export.csv")
@organizer_required
def export_csv(slug: str) -> Response:
    """Download the suggested introductions as CSV (UTF-8 with BOM), streamed."""
    event = event_for_organizer(slug)
    return Response(
        _streamed_csv(event.id, introduction_rows, HEADERS),
        mimetype="text/csv",
        headers=_attachment(export_filename(event, "csv")),
    )


@bp.get("/events/<slug>/export.xlsx")
@organizer_required
def export_xlsx(slug: str) -> Response:
    """Download the suggested introductions as an Excel workbook."""
    event = event_for_organizer(slug)
    # The workbook is zipped, so even large events stay a few megabytes in memory.
    buffer = io.BytesIO()
    write_xlsx(introduction_rows(get_session(), event), buffer, title=event.name)
    return Response(
        buffer.getvalue(),
        mimetype=CONTENT_TYPES["xlsx"],
        headers=_attachment(export_filename(event, "xlsx")),
    )


@bp.get("/events/<slug>/badges.pdf")
@organizer_required
def badges_pdf(slug: str) -> Any:
    """Download every attendee's printable badge (?paper=a4 or letter), six per page."""
    event = event_for_organizer(slug)
    paper = request.args.get("paper", "a4").lower()
    if paper not in PAPERS:
        flash("Choose A4 or Letter paper for the badges.", "error")
        return redirect(url_for("organizer.event", slug=slug, _anchor="downloads"))
    try:
        pdf = event_badges_pdf(get_session(), event, public_base_url(), paper=paper)
    except BadgeError as exc:
        flash(str(exc), "error")
        return redirect(url_for("organizer.event", slug=slug, _anchor="downloads"))
    return Response(pdf, mimetype="application/pdf", headers=_attachment(f"badges-{slug}.pdf"))


@bp.get("/events/<slug>/rounds.csv")
@organizer_required
def rounds_csv(slug: str) -> Response:
    """Download the rounds schedule: one row per attendee per round."""
    event = event_for_organizer(slug)
    return Response(
        _streamed_csv(event.id, rounds_glue.schedule_rows, rounds_glue.SCHEDULE_HEADERS),
        mimetype="text/csv",
        headers=_attachment(f"rounds-{slug}.csv"),
    )
