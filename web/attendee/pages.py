"""J2: my page (badge and suggested introductions), edit profile, delete my data."""

from __future__ import annotations

import logging

from flask import current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event
from web.attendee import bp
from web.attendee.auth import attendee_required, sign_out
from web.attendee.forms import DeleteForm, ProfileForm, SignOutForm, profile_form_data
from web.attendee.operations import (
    delete_attendee,
    event_tags,
    my_suggestions,
    refresh_quietly,
    update_profile,
)
from web.db import get_session

log = logging.getLogger(__name__)


def endpoint_exists(name: str) -> bool:
    """True when another area has registered `name` (lets templates link to it)."""
    return name in current_app.view_functions


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"endpoint_exists": endpoint_exists}


@bp.after_request
def _no_store(response: Response) -> Response:
    # Private pages and one-time links must not linger in shared caches or history.
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response


@bp.get("/e/<slug>/me")
@attendee_required
def me(event: Event, attendee: Attendee) -> str:
    """My page: my badge, the people I should meet and why, and my profile."""
    session = get_session()
    people = my_suggestions(session, attendee, limit=event.suggestions_per_attendee or 5)
    return render_template(
        "attendee/me.html",
        event=event,
        attendee=attendee,
        people=people,
        delete_form=DeleteForm(),
        sign_out_form=SignOutForm(),
    )


@bp.route("/e/<slug>/me/edit", methods=["GET", "POST"])
@attendee_required
def edit(event: Event, attendee: Attendee) -> tuple[str, int] | Response:
    """Edit my profile; invalid input comes back with what was typed and what to fix."""
    session = get_session()
    if request.method == "GET":
        form = ProfileForm(data=profile_form_data(attendee))
    else:
        form = ProfileForm()
        if form.validate_on_submit():
            update_profile(session, attendee, form)
            session.commit()  # the profile is saved whatever matching does next
            refresh_quietly(event.id, attendee.id)
            flash("Your profile is saved. Your suggestions are up to date.", "success")
            return redirect(url_for("attendee.me", slug=event.slug))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "attendee/edit.html",
        event=event,
        attendee=attendee,
        form=form,
        tags=event_tags(session, event),
        delete_form=DeleteForm(),
    ), status


@bp.post("/e/<slug>/me/sign-out")
@attendee_required
def sign_out_device(event: Event, attendee: Attendee) -> Response:
    """Sign this device out of the event (e.g. a borrowed phone); the profile stays."""
    if SignOutForm().validate_on_submit():
        sign_out(event)
        flash("This device is signed out. Your private link still opens your page.", "success")
    return redirect(url_for("attendee.index"))


@bp.post("/e/<slug>/me/delete")
@attendee_required
def delete(event: Event, attendee: Attendee) -> Response | tuple[str, int]:
    """Delete my data: the profile and everything of mine, then sign this device out."""
    form = DeleteForm()
    if not form.validate_on_submit() or not form.confirm.data:
        flash("Nothing was deleted. Tick the box to confirm, then press Delete.", "error")
        return redirect(url_for("attendee.edit", slug=event.slug, _anchor="delete"))
    session = get_session()
    attendee_id = attendee.id
    delete_attendee(session, attendee)
    session.commit()  # gone for good before anything else happens
    sign_out(event)
    refresh_quietly(event.id, attendee_id)
    return render_template("attendee/deleted.html", event=event), 200


@bp.app_template_filter("initials")
def initials(name: str) -> str:
    """Up to two initials of a name, for avatars."""
    parts = [p for p in (name or "").split() if p[:1].isalpha()]
    if not parts:
        return "·"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()
