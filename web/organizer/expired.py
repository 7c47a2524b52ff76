"""An expired or missing CSRF token in the console: the form again, nothing lost.

Sign-in and event forms re-render with what was typed and a fresh token; one-button
actions (run matching, import, sign out) go back to their page with a message.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError

from web.organizer import bp
from web.organizer.auth import current_organizer, event_for_organizer
from web.organizer.forms import EventForm, LoginForm

EXPIRED = "This page had expired, so nothing was saved yet. Please check and submit again."


@bp.errorhandler(CSRFError)
def form_expired(exc: CSRFError) -> Any:
    """Show the form again (with its input) instead of a bare 400 page."""
    endpoint = request.endpoint or ""
    slug = (request.view_args or {}).get("slug")
    if endpoint == "organizer.login":
        form = LoginForm()
        form.password.data = ""
        return render_template("organizer/login.html", form=form, error=EXPIRED), 400
    if current_organizer() is None:
        return redirect(url_for("organizer.login"))
    if endpoint in ("organizer.new_event", "organizer.edit_event"):
        event = event_for_organizer(slug) if slug else None
        form = EventForm()
        if event is not None:
            form.slug.data = event.slug
        flash(EXPIRED, "warning")
        return render_template("organizer/event_form.html", form=form, event=event), 400
    flash(EXPIRED, "warning")
    if endpoint == "organizer.import_preview" and slug:
        upload_id = (request.view_args or {}).get("upload_id", "")
        return redirect(url_for("organizer.import_preview", slug=slug, upload_id=upload_id))
    if slug:
        event_for_organizer(slug)
        return redirect(url_for("organizer.event", slug=slug))
    return redirect(url_for("organizer.dashboard"))
