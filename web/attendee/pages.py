"""J2: my page (badge and suggested introductions), edit profile, delete my data."""

from __future__ import annotations

import logging

from flask import current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event
from web.attendee import bp
from web.attendee.auth import attendee_required, sign_out
from web.attendee.forms import CONFIRM_DELETE, DeleteForm, ProfileForm, profile_form_data
from web.attendee.tags import cached_event_tags
from web.db import get_session
from web.services.attendees import delete_attendee, my_suggestions, update_profile
from web.services.jobs import unfinished
from web.services.languages import language_notice
from web.services.matching import refresh_key, refresh_later
from web.services.profile_text import link_problem

log = logging.getLogger(__name__)
# attendee/_delete.html writes the confirmation out with the form's own label.
bp.record_once(lambda state: state.app.jinja_env.globals.update(confirm_delete=CONFIRM_DELETE))


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
        preparing=unfinished(session, refresh_key(attendee.id)),
        language_notice=language_notice(attendee, current_app.config["MATCHER_MODEL"]),
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
            refresh_later(session, event.id, attendee.id)
            session.commit()  # the profile is saved whatever matching does next
            flash("Your profile is saved. Your suggestions are being updated.", "success")
            return redirect(url_for("attendee.me", slug=event.slug))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "attendee/edit.html",
        event=event,
        attendee=attendee,
        form=form,
        tags=cached_event_tags(session, event),
    ), status


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
    refresh_later(session, event.id, attendee_id)  # out of everyone's lists
    session.commit()  # gone for good before anything else happens
    sign_out(event)  # the attendee and every session of theirs are gone
    return render_template("attendee/deleted.html", event=event), 200


@bp.app_template_filter("web_links")
def web_links(links: list[str]) -> list[str]:
    """Only the links that may be shown as links (also for profiles stored before every
    entry point checked them)."""
    return [link for link in links or [] if link_problem(link) is None]


@bp.app_template_filter("initials")
def initials(name: str) -> str:
    """Up to two initials of a name, for avatars."""
    parts = [p for p in (name or "").split() if p[:1].isalpha()]
    if not parts:
        return "·"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()
