"""The organizer's events: the list, create, edit, and the event page with its stats."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, url_for

from models import Attendee, Event
from web.db import get_session
from web.organizer import bp
from web.organizer.auth import current_organizer, event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm, EventForm
from web.organizer.runs import queue_notice, run_status
from web.services.languages import glossary_language_names, language_summary, other_languages
from web.services.runs import latest_run
from web.services.stats import event_stats


def slug_taken(slug: str) -> bool:
    """Whether any event (of any organizer) already uses `slug`."""
    return get_session().scalar(sa.select(Event.id).where(Event.slug == slug)) is not None


@bp.get("/")
@organizer_required
def dashboard() -> Any:
    """The signed-in organizer's events, newest first."""
    organizer = current_organizer()
    assert organizer is not None
    signups = (
        sa.select(sa.func.count(Attendee.id))
        .where(Attendee.event_id == Event.id)
        .correlate(Event)
        .scalar_subquery()
    )
    rows = get_session().execute(
        sa.select(Event, signups)
        .where(Event.organizer_id == organizer.id)
        .order_by(Event.starts_on.desc().nulls_last(), Event.id.desc())
    )
    return render_template("organizer/dashboard.html", events=list(rows), form=EmptyForm())


@bp.route("/events/new", methods=["GET", "POST"])
@organizer_required
def new_event() -> Any:
    """Create an event owned by the signed-in organizer."""
    form = EventForm()
    if form.is_submitted():
        valid = form.validate()
        if form.slug.data and not form.slug.errors and slug_taken(form.slug.data):
            form.slug.errors = [*form.slug.errors, "This short name is taken; choose another."]
            valid = False
        if valid:
            organizer = current_organizer()
            assert organizer is not None
            event = Event(organizer_id=organizer.id, slug=form.slug.data, name="")
            _apply(form, event)
            get_session().add(event)
            get_session().flush()
            flash(f"Event “{event.name}” created. Next: import your attendee list.", "success")
            return redirect(url_for("organizer.event", slug=event.slug))
    status = 400 if form.errors else 200
    return render_template("organizer/event_form.html", form=form, event=None), status


@bp.route("/events/<slug>/edit", methods=["GET", "POST"])
@organizer_required
def edit_event(slug: str) -> Any:
    """Change an event's settings; the slug stays (it is in every sign-up link)."""
    event = event_for_organizer(slug)
    form = EventForm(obj=event)
    form.slug.data = event.slug
    if form.validate_on_submit():
        _apply(form, event)
        flash("Event settings saved. Run the matching again to apply them.", "success")
        return redirect(url_for("organizer.event", slug=event.slug))
    status = 400 if form.errors else 200
    return render_template("organizer/event_form.html", form=form, event=event), status


def _apply(form: EventForm, event: Event) -> None:
    event.name = form.name.data or ""
    event.starts_on = form.starts_on.data
    event.signup_open = bool(form.signup_open.data)
    event.suggestions_per_attendee = int(form.suggestions_per_attendee.data or 5)
    event.exposure_cap = form.exposure_cap.data
    event.exclude_same_company = bool(form.exclude_same_company.data)
    event.personal_weight = float(form.personal_weight.data) if form.personal_weight.data else None


@bp.get("/events/<slug>")
@organizer_required
def event(slug: str) -> Any:
    """One event: its numbers, import, matching and downloads."""
    event = event_for_organizer(slug)
    run = latest_run(get_session(), event)
    return render_template(
        "organizer/event.html",
        event=event,
        stats=event_stats(get_session(), event),
        run=run,
        run_label=run_status(run)["label"],
        queue_notice=queue_notice(get_session(), event),
        languages=language_summary(
            other_languages(get_session(), event, current_app.config["MATCHER_MODEL"])
        ),
        glossary_languages=glossary_language_names(),
        form=EmptyForm(),
    )
