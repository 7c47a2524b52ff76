"""Organizer downloads and rounds: introductions (CSV, XLSX), badges PDF, rounds page and CSV.

Every route is the signed-in organizer's own event only (`event_for_organizer`).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from models import Event
from web import rounds as rounds_glue
from web.badges_pdf import PAPERS, BadgeError, event_badges_pdf
from web.db import get_session, session_factory
from web.exporting import (
    CONTENT_TYPES,
    HEADERS,
    Cell,
    csv_chunks,
    export_filename,
    introduction_rows,
    write_xlsx,
)
from web.organizer import bp, download_commands  # noqa: F401 (registers the commands)
from web.organizer.auth import event_for_organizer, organizer_required

log = logging.getLogger(__name__)

PRIVATE = {"Cache-Control": "no-store"}  # these files hold names and emails

# "Round 2 · table 7 · Ben — …" on my page: the attendee panel calls this.
bp.add_app_template_global(rounds_glue.my_rounds, "my_rounds")


@bp.app_template_global("rounds_summary")
def rounds_summary(event: Event) -> dict[str, int]:
    """The event page's rounds card: how many rounds, tables and people are planned."""
    return rounds_glue.schedule_summary(get_session(), event)


class RoundsForm(FlaskForm):
    """How many rounds on how many tables."""

    rounds = IntegerField(
        "Rounds",
        default=6,
        description="How many times everyone changes table.",
        validators=[
            InputRequired("Enter how many rounds."),
            NumberRange(1, rounds_glue.MAX_ROUNDS, "Between 1 and %(max)s rounds."),
        ],
    )
    tables = IntegerField(
        "Tables",
        description="Each table seats two, or three when the count is odd.",
        validators=[
            InputRequired("Enter how many tables you have."),
            NumberRange(1, rounds_glue.MAX_TABLES, "Between 1 and %(max)s tables."),
        ],
    )


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


def public_base_url() -> str:
    """PUBLIC_BASE_URL, else the address this request came in on."""
    return str(current_app.config.get("PUBLIC_BASE_URL") or request.host_url).rstrip("/")


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


@bp.route("/events/<slug>/rounds", methods=["GET", "POST"])
@organizer_required
def rounds(slug: str) -> Any:
    """Speed-networking rounds: set rounds and tables, see and download the schedule."""
    event = event_for_organizer(slug)
    session = get_session()
    summary = rounds_glue.schedule_summary(session, event)
    form = RoundsForm()
    error = None
    if request.method == "GET":
        form.rounds.data = summary["rounds"] or 6
        # A first plan: a table per pair of listed attendees.
        form.tables.data = summary["tables"] or max(
            1, rounds_glue.listed_count(session, event) // 2
        )
    elif form.validate_on_submit():
        assert form.rounds.data is not None and form.tables.data is not None
        try:
            rounds_glue.plan_event_rounds(session, event, form.rounds.data, form.tables.data)
        except rounds_glue.RoundsError as exc:
            error = str(exc)
        except IntegrityError:
            session.rollback()
            log.info("rounds for %s were planned twice at once", event.slug)
            error = "The rounds were being planned in another window at the same time. Try again."
        else:
            flash(
                f"Planned {form.rounds.data} rounds on up to {form.tables.data} tables. "
                "Attendees see their tables on their page.",
                "success",
            )
            return redirect(url_for("organizer.rounds", slug=slug))
    status = 200 if request.method == "GET" else 422
    return render_template(
        "organizer/rounds.html",
        event=event,
        form=form,
        error=error,
        summary=summary,
        schedule=rounds_glue.schedule_tables(session, event),
        has_suggestions=bool(rounds_glue.round_affinities(session, event)),
    ), status


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
