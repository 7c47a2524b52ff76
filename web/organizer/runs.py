"""The matching button and the JSON status the event page polls."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, url_for

from models import MatchRun
from web.db import get_session
from web.errors import error_response, wants_json
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm
from web.runs import RunInProgress, latest_run, start_background_run

NOTHING_TO_MATCH = (
    "at least two attendees need interests, goals or an about text in their profiles."
)
PHASES = {
    "queued": "Waiting to start",
    "starting": "Starting",
    "loading": "Loading profiles",
    "encoding": "Understanding interests",
    "embedding": "Understanding interests",
    "candidates": "Finding candidates",
    "scoring": "Scoring pairs",
    "assigning": "Choosing introductions",
    "explaining": "Writing reasons and starters",
    "saving": "Saving suggestions",
    "done": "Done",
}


def run_status(run: MatchRun | None) -> dict[str, Any]:
    """The JSON view of a run, as the event page shows it."""
    if run is None:
        return {"status": "none", "label": "Matching has not run yet.", "progress": 0.0}
    phase = PHASES.get(run.phase, run.phase.replace("_", " ").capitalize())
    if run.status == "running":
        label = f"{phase} … {round(run.progress * 100)}%"
    elif run.status == "done" and not run.suggestions:
        label = f"Done, but nobody could be matched yet: {NOTHING_TO_MATCH}"
    elif run.status == "done":
        label = f"Done: {run.suggestions} suggested introductions."
    else:
        label = f"The last run failed: {run.error or 'unknown error'}"
    return {
        "id": run.id,
        "status": run.status,
        "phase": run.phase,
        "label": label,
        "progress": round(run.progress, 3),
        "suggestions": run.suggestions,
        "error": run.error,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


@bp.post("/events/<slug>/match")
@organizer_required
def start_match(slug: str) -> Any:
    """Start a matching run in the background and go back to the event page."""
    event = event_for_organizer(slug)
    if not EmptyForm().validate_on_submit():
        return error_response("bad_request", "The form expired; reload the page and retry.", 400)
    try:
        run = start_background_run(current_app._get_current_object(), event)  # type: ignore[attr-defined]
    except RunInProgress as busy:
        if wants_json():
            return {"run": run_status(busy.run)}, 409
        flash("Matching is already running for this event; its progress is shown below.", "info")
        return redirect(url_for("organizer.event", slug=event.slug))
    if wants_json():
        return {"run": run_status(run)}, 202
    flash("Matching started. You can leave this page; it keeps running.", "success")
    return redirect(url_for("organizer.event", slug=event.slug))


@bp.get("/events/<slug>/match/status")
@organizer_required
def match_status(slug: str) -> Any:
    """The latest run of the event as JSON (polled by the event page)."""
    event = event_for_organizer(slug)
    response = {"run": run_status(latest_run(get_session(), event))}
    return response, 200, {"Cache-Control": "no-store"}
