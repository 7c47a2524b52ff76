"""The matching button and the JSON status the event page polls."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, url_for
from sqlalchemy.orm import Session

from models import Event, MatchRun
from web.db import get_session
from web.errors import error_response, wants_json
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm
from web.services.jobs import backlog, waiting_since
from web.services.runs import RunInProgress, latest_run, start_run

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


# Jobs normally start within a second; after this long the console says they wait.
WAITING_NOTICE_AFTER = 15.0


def queue_notice(session: Session, event: Event) -> str | None:
    """What the console says when the event's background jobs wait (no broker or worker)."""
    waiting = backlog(session, event.id)
    age = waiting_since(waiting)
    if not waiting.waiting or age < WAITING_NOTICE_AFTER:
        return None
    minutes = round(age / 60)
    since = f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else "under a minute"
    return (
        f"{waiting.waiting} background job{'s' if waiting.waiting != 1 else ''} for this event "
        f"{'are' if waiting.waiting != 1 else 'is'} waiting (the oldest for {since}): the job "
        "queue or its workers cannot be reached. Sign-ups and changes are saved; their "
        "suggestions and emails follow as soon as the queue is back."
    )


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
        run = start_run(get_session(), event)
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
    session = get_session()
    response = {
        "run": run_status(latest_run(session, event)),
        "queue": queue_notice(session, event),
    }
    return response, 200, {"Cache-Control": "no-store"}
