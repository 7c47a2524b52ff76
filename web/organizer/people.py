"""What the organizer does to one attendee: edit, hide, remove, pin an introduction.

Each change is committed together with a job that brings the suggestions up to date
(`web.services.matching.refresh_later`), as after an attendee's own edit. Consent
(being listed, sharing the email) stays the attendee's choice: the organizer's edit
form has neither.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import flash, redirect, render_template, request, url_for

from models import Attendee
from web.attendee.forms import ProfileForm, profile_form_data
from web.attendee.tags import cached_event_tags
from web.db import get_session
from web.extensions import get_matcher
from web.organizer import bp
from web.organizer.attendees import attendee_or_404, attendee_page
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm, PinForm, RemoveForm
from web.services.attendees import delete_attendee, update_profile
from web.services.common_ground import event_common_ground
from web.services.matching import refresh_later
from web.services.people import find_attendee
from web.services.pins import PinError, pin, store_pins, unpin

log = logging.getLogger(__name__)


class AttendeeEditForm(ProfileForm):
    """The profile as the organizer may change it: the consent choices are not shown,
    and whatever arrives for them is ignored."""

    def fill(self, attendee: Attendee) -> None:
        """Copy the profile fields; consent stays as the attendee set it."""
        listed, share_email = attendee.listed, attendee.share_email
        super().fill(attendee)
        attendee.listed, attendee.share_email = listed, share_email


def _back(slug: str, attendee_id: int, anchor: str | None = None) -> Any:
    return redirect(
        url_for("organizer.attendee", slug=slug, attendee_id=attendee_id, _anchor=anchor), 303
    )


@bp.route("/events/<slug>/attendees/<int:attendee_id>/edit", methods=["GET", "POST"])
@organizer_required
def edit_attendee(slug: str, attendee_id: int) -> Any:
    """Correct an attendee's profile (a typo, a missing headline); what was typed is kept."""
    event = event_for_organizer(slug)
    person = attendee_or_404(event, attendee_id)
    session = get_session()
    if request.method == "GET":
        form = AttendeeEditForm(data=profile_form_data(person))
    else:
        form = AttendeeEditForm()
        if form.validate_on_submit():
            update_profile(session, person, form)
            refresh_later(session, event.id, person.id)
            session.commit()
            flash(f"{person.name}’s profile is saved and their suggestions updated.", "success")
            return _back(slug, person.id)
    status = 422 if request.method == "POST" else 200
    return render_template(
        "organizer/attendee_edit.html",
        event=event,
        attendee=person,
        form=form,
        tags=cached_event_tags(session, event),
    ), status


@bp.post("/events/<slug>/attendees/<int:attendee_id>/hide")
@organizer_required
def hide_attendee(slug: str, attendee_id: int) -> Any:
    """Hide an attendee from everyone's suggestions (or show them again)."""
    event = event_for_organizer(slug)
    person = attendee_or_404(event, attendee_id)
    if EmptyForm().validate_on_submit():
        person.hidden = request.form.get("hidden") == "1"
        person.profile_version += 1
        refresh_later(get_session(), event.id, person.id)
        get_session().commit()
        if person.hidden:
            flash(
                f"{person.name} is hidden: nobody is suggested to meet them and they are "
                "not seated at rounds. Their own page still works.",
                "success",
            )
        else:
            flash(f"{person.name} may be suggested again.", "success")
    return _back(slug, person.id)


@bp.post("/events/<slug>/attendees/<int:attendee_id>/remove")
@organizer_required
def remove_attendee(slug: str, attendee_id: int) -> Any:
    """Remove an attendee and everything of theirs (after an explicit confirmation)."""
    event = event_for_organizer(slug)
    person = attendee_or_404(event, attendee_id)
    form = RemoveForm()
    if not form.validate_on_submit() or not form.confirm.data:
        flash("Nobody was removed. Tick the box to confirm, then press Remove.", "error")
        return _back(slug, person.id, "remove")
    name, person_id = person.name, person.id
    delete_attendee(get_session(), person)
    refresh_later(get_session(), event.id, person_id)
    get_session().commit()
    log.info("event %s: organizer removed attendee %s", slug, person_id)
    flash(f"{name} was removed with their suggestions and contacts.", "success")
    return redirect(url_for("organizer.attendees", slug=slug), 303)


@bp.post("/events/<slug>/attendees/<int:attendee_id>/pins")
@organizer_required
def pin_introduction(slug: str, attendee_id: int) -> Any:
    """Pin an introduction: the two see each other at the top of their lists, run after run."""
    event = event_for_organizer(slug)
    person = attendee_or_404(event, attendee_id)
    session = get_session()
    form = PinForm()
    if form.validate_on_submit():
        found = find_attendee(session, event, form.other.data or "")
        found = [a for a in found if a.id != person.id]
        if len(found) == 1:
            try:
                pin(session, event, person, found[0], form.note.data or "")
            except PinError as exc:
                flash(str(exc), "error")
            else:
                store_pins(session, event, event_common_ground(session, get_matcher(), event))
                session.commit()
                flash(
                    f"Pinned: {person.name} and {found[0].name} see each other first in their "
                    "suggestions, and every new matching run keeps it.",
                    "success",
                )
            return _back(slug, person.id, "pins")
        if found:
            names = "; ".join(f"{a.name} ({a.email})" for a in found)
            form.other.errors = [f"Several people match: {names}. Enter the email."]
        else:
            form.other.errors = ["Nobody at this event has that name or email."]
    # The page again, with what was typed and what to fix.
    return attendee_page(event, person, pin_form=form), 422


@bp.post("/events/<slug>/attendees/<int:attendee_id>/pins/<int:pin_id>/delete")
@organizer_required
def unpin_introduction(slug: str, attendee_id: int, pin_id: int) -> Any:
    """Remove a pinned introduction (the next matching run may still suggest the pair)."""
    event = event_for_organizer(slug)
    person = attendee_or_404(event, attendee_id)
    if EmptyForm().validate_on_submit() and unpin(get_session(), event, pin_id):
        get_session().commit()
        flash("The pinned introduction was removed.", "success")
    return _back(slug, person.id, "pins")
