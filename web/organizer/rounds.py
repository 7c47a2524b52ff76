"""Speed-networking rounds in the console: plan with times, check who sits out, cards.

Planning with fewer seats than people first shows who would sit out in each round
and saves only when the organizer confirms; the rhythm (first start, minutes per
round, minutes between) gives every round its time, shown to attendees.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from wtforms import IntegerField, TimeField
from wtforms.validators import InputRequired, NumberRange, Optional

from models import Attendee, Event
from web.db import get_session
from web.extensions import get_matcher
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.services import rounds as rounds_glue
from web.services.round_plan import RoundsCheck, check_rounds, round_time

log = logging.getLogger(__name__)


@bp.app_template_global("my_rounds")
def my_rounds(attendee: Attendee) -> list[rounds_glue.MyRound]:
    """ "Round 2 · 18:10–18:18 · table 7 · Ben — …" on my page: the attendee panel calls this."""
    return rounds_glue.my_rounds(get_session(), get_matcher(), attendee)


@bp.app_template_global("rounds_summary")
def rounds_summary(event: Event) -> dict[str, int]:
    """The event page's rounds card: how many rounds, tables and people are planned."""
    return rounds_glue.schedule_summary(get_session(), event)


class RoundsForm(FlaskForm):
    """How many rounds on how many tables, and when."""

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
    starts_at = TimeField(
        "First round starts at",
        description="Local time at the event, e.g. 18:00. Leave empty to show no times.",
        validators=[Optional()],
    )
    minutes = IntegerField(
        "Minutes per round",
        default=8,
        validators=[Optional(), NumberRange(1, 180, "Between 1 and 180 minutes.")],
    )
    break_minutes = IntegerField(
        "Minutes between rounds",
        default=2,
        description="To find the next table.",
        validators=[Optional(), NumberRange(0, 120, "Between 0 and 120 minutes.")],
    )


def _page(
    event: Event, form: RoundsForm, error: str | None = None, check: RoundsCheck | None = None
) -> str:
    session = get_session()
    return render_template(
        "organizer/rounds.html",
        event=event,
        form=form,
        error=error,
        check=check,
        summary=rounds_glue.schedule_summary(session, event),
        schedule=rounds_glue.schedule_tables(session, event),
        seatable=rounds_glue.listed_count(session, event),
        has_suggestions=bool(rounds_glue.round_affinities(session, event)),
    )


@bp.route("/events/<slug>/rounds", methods=["GET", "POST"])
@organizer_required
def rounds(slug: str) -> Any:
    """Speed-networking rounds: numbers and times, a check of who sits out, the schedule."""
    event = event_for_organizer(slug)
    session = get_session()
    form = RoundsForm()
    if request.method == "GET":
        summary = rounds_glue.schedule_summary(session, event)
        form.rounds.data = summary["rounds"] or 6
        # A first plan: a table per pair of seatable attendees.
        form.tables.data = summary["tables"] or max(
            1, rounds_glue.listed_count(session, event) // 2
        )
        form.starts_at.data = event.rounds_start
        form.minutes.data = event.round_minutes or 8
        form.break_minutes.data = event.round_break_minutes if event.round_minutes else 2
        return _page(event, form)
    if not form.validate_on_submit():
        return _page(event, form), 422
    assert form.rounds.data is not None and form.tables.data is not None
    try:
        check = check_rounds(session, event, form.rounds.data, form.tables.data)
    except rounds_glue.RoundsError as exc:
        return _page(event, form, error=str(exc)), 422
    if request.form.get("action") == "check" or (
        check.short and request.form.get("confirm") != "y"
    ):
        # Nothing is saved yet: the organizer sees who would sit out first.
        return _page(event, form, check=check)
    event.rounds_start = form.starts_at.data if form.minutes.data else None
    event.round_minutes = form.minutes.data if form.starts_at.data else None
    event.round_break_minutes = form.break_minutes.data or 0
    try:
        rounds_glue.plan_event_rounds(
            session, get_matcher(), event, form.rounds.data, form.tables.data
        )
    except IntegrityError:
        session.rollback()
        log.info("rounds for %s were planned twice at once", event.slug)
        error = "The rounds were being planned in another window at the same time. Try again."
        return _page(event, form, error=error), 409
    first = round_time(event, 1)
    flash(
        f"Planned {form.rounds.data} rounds on up to {form.tables.data} tables"
        + (f", starting at {first.starts}" if first else "")
        + ". Attendees see their tables on their page.",
        "success",
    )
    return redirect(url_for("organizer.rounds", slug=slug))


@bp.get("/events/<slug>/rounds/cards")
@organizer_required
def table_cards(slug: str) -> Any:
    """Printable table cards: one per table, who sits there in each round and when."""
    event = event_for_organizer(slug)
    schedule = rounds_glue.schedule_tables(get_session(), event)
    cards: dict[int, list[tuple[dict[str, Any], list[str]]]] = {}
    for rnd in schedule:
        for number, names in rnd["tables"]:
            cards.setdefault(number, []).append((rnd, names))
    if not cards:
        flash("Plan the rounds first: the table cards list who sits at each table.", "error")
        return redirect(url_for("organizer.rounds", slug=slug))
    return render_template("organizer/table_cards.html", event=event, cards=sorted(cards.items()))
