"""An attendee's suggested introductions, and matching runs: start one, follow its progress."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import url_for

from models import Attendee, MatchRun, Suggestion
from web.api import bp
from web.api.attendees import attendee_or_404
from web.api.core import ApiError, event_for_key
from web.api.resources import run_json, suggestion_json
from web.db import get_session
from web.services.runs import RunInProgress
from web.services.runs import start_run as begin_run

RECENT_RUNS = 20
MAX_ID = 2**31 - 1


@bp.get("/events/<slug>/attendees/<email>/suggestions")
def attendee_suggestions(slug: str, email: str) -> Any:
    """The attendee's suggested introductions, best first, with reasons and starters.

    People who chose not to be listed never appear; a suggested person's email is
    given only when they agreed to share it.
    """
    event = event_for_key(slug)
    attendee = attendee_or_404(event, email)
    rows = get_session().execute(
        sa.select(Suggestion, Attendee)
        .join(Attendee, Attendee.id == Suggestion.other_id)
        .where(Suggestion.attendee_id == attendee.id, Attendee.listed.is_(True))
        .order_by(Suggestion.rank)
    )
    return {
        "attendee": {"id": attendee.id, "email": attendee.email, "name": attendee.name},
        "data": [suggestion_json(s, other) for s, other in rows],
    }


@bp.post("/events/<slug>/runs")
def start_run(slug: str) -> Any:
    """Start a matching run in the background: 202 with the run to poll (409 if one runs)."""
    event = event_for_key(slug)
    try:
        run = begin_run(get_session(), event)
    except RunInProgress as busy:
        raise ApiError(
            409,
            "run_in_progress",
            f"Matching is already running for this event (run {busy.run.id}); poll it.",
            headers={"Location": url_for("api.get_run", slug=slug, run_id=busy.run.id)},
        ) from None
    location = url_for("api.get_run", slug=slug, run_id=run.id)
    return run_json(run), 202, {"Location": location}


@bp.get("/events/<slug>/runs")
def list_runs(slug: str) -> Any:
    """The event's most recent matching runs, newest first."""
    event = event_for_key(slug)
    runs = get_session().scalars(
        sa.select(MatchRun)
        .where(MatchRun.event_id == event.id)
        .order_by(MatchRun.id.desc())
        .limit(RECENT_RUNS)
    )
    return {"data": [run_json(r) for r in runs]}


@bp.get("/events/<slug>/runs/<int:run_id>")
def get_run(slug: str, run_id: int) -> Any:
    """One matching run: status (running, done, failed), phase and progress from 0 to 1."""
    event = event_for_key(slug)
    run = None
    if run_id <= MAX_ID:  # larger numbers are no run, and overflow SQLite's integers
        run = get_session().scalar(
            sa.select(MatchRun).where(MatchRun.id == run_id, MatchRun.event_id == event.id)
        )
    if run is None:
        raise ApiError(404, "run_not_found", "The event has no matching run with this id.")
    return run_json(run)
