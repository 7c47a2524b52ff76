""" "You and NAME" from a suggestion: the full common ground, and what to do about it."""

from __future__ import annotations

import logging

from flask import flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event, utcnow
from web.attendee.auth import attendee_required
from web.db import get_session
from web.meetings import bp
from web.meetings.forms import ActionForm, RequestForm, RequestWithoutTimeForm
from web.meetings.helpers import (
    pair_view,
    person_or_404,
    state_of,
    stored_suggestion,
)
from web.services import availability, booking, feedback, pairs
from web.services.booking import MeetingError
from web.services.contacts import find_contact, save_contact
from web.services.matching import refresh_later
from web.services.meeting_times import zone_of

log = logging.getLogger(__name__)


def _request_form(
    event: Event, me: Attendee, other: Attendee
) -> RequestForm | RequestWithoutTimeForm:
    """The request form: with the times both are free when the event has meeting times."""
    session = get_session()
    if not availability.future_slots(session, event.id, utcnow()):
        return RequestWithoutTimeForm()
    form = RequestForm()
    form.offer(availability.free_slots(session, event.id, (me.id, other.id)), zone_of(event))
    return form


def _person_page(
    event: Event,
    me: Attendee,
    other: Attendee,
    form: RequestForm | RequestWithoutTimeForm,
    status: int = 200,
) -> tuple[str, int]:
    session = get_session()
    meeting = availability.open_meeting(session, me.id, other.id) or availability.latest_meeting(
        session, me.id, other.id
    )
    now = utcnow()
    return (
        render_template(
            "meetings/person.html",
            event=event,
            attendee=me,
            other=other,
            cg=pair_view(session, me, other, meeting),
            suggested=stored_suggestion(session, me, other) is not None,
            meeting=meeting,
            state=state_of(meeting, me, now) if meeting is not None else None,
            form=form,
            has_times=isinstance(form, RequestForm),
            action_form=ActionForm(),
            saved=find_contact(session, me, other) is not None,
            rated=feedback.feedback_of(session, me.id, other.id),
            hidden=other.id in pairs.excluded_ids(session, me.id, (pairs.NOT_FOR_ME,)),
        ),
        status,
    )


@bp.get("/e/<slug>/me/people/<int:other_id>")
@attendee_required
def person(event: Event, attendee: Attendee, other_id: int) -> tuple[str, int]:
    """A suggestion opened: what we have in common, starters, and the three actions."""
    other = person_or_404(event, attendee, other_id)
    return _person_page(event, attendee, other, _request_form(event, attendee, other))


@bp.post("/e/<slug>/me/people/<int:other_id>/meet")
@attendee_required
def request_meeting(event: Event, attendee: Attendee, other_id: int) -> Response | tuple[str, int]:
    """ "I'd like to meet": send the request with a time and an optional message."""
    other = person_or_404(event, attendee, other_id)
    form = _request_form(event, attendee, other)
    if not form.validate_on_submit():
        return _person_page(event, attendee, other, form, 422)
    session = get_session()
    cg = pair_view(session, attendee, other)
    slot_id = form.slot.data if isinstance(form, RequestForm) else None
    try:
        meeting, created = booking.request_meeting(
            session, attendee, other, slot_id, form.message.data or "", cg.to_dict()
        )
    except MeetingError as exc:
        session.rollback()
        form.form_errors.append(str(exc))
        return _person_page(event, attendee, other, form, 409)
    session.commit()  # the notifications' emails are jobs: they go now
    if created:
        flash(
            f"Your request is on its way. {other.name} can accept it or propose another time.",
            "success",
        )
    else:
        flash(f"You and {other.name} already have a meeting request: here it is.", "info")
    return redirect(url_for("meetings.meeting", slug=event.slug, meeting_id=meeting.id))


@bp.post("/e/<slug>/me/people/<int:other_id>/not-for-me")
@attendee_required
def not_for_me(event: Event, attendee: Attendee, other_id: int) -> Response:
    """Hide this suggestion for good: the pair is never suggested again."""
    other = person_or_404(event, attendee, other_id)
    if ActionForm().validate_on_submit():
        session = get_session()
        pairs.exclude_pair(session, attendee.id, other.id, pairs.NOT_FOR_ME)
        refresh_later(session, event.id, attendee.id)  # fill the freed place in my list
        session.commit()
        flash(f"{other.name} will not be suggested to you again.", "success")
    return redirect(url_for("attendee.me", slug=event.slug, _anchor="people-title"))


@bp.post("/e/<slug>/me/people/<int:other_id>/met")
@attendee_required
def we_met(event: Event, attendee: Attendee, other_id: int) -> Response:
    """ "We met": save them to my contacts (the pair counts as met), then one question."""
    other = person_or_404(event, attendee, other_id)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("meetings.person", slug=event.slug, other_id=other.id))
    session = get_session()
    note = find_contact(session, attendee, other)
    save_contact(session, attendee, other, note.note if note else "")
    session.commit()
    flash(f"{other.name} is in your contacts, with a drafted follow-up.", "success")
    return redirect(url_for("meetings.feedback", slug=event.slug, other_id=other.id))
