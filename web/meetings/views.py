"""My meetings: the list, one meeting, its answers (accept, decline, propose, cancel), .ics."""

from __future__ import annotations

import logging

from flask import Response, abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response as WerkzeugResponse

from models import Attendee, Event, Meeting, utcnow
from models.meetings import MEETING_ACCEPTED
from web.attendee.auth import attendee_required
from web.db import get_session
from web.mail import links_mailable, public_url
from web.meetings import bp
from web.meetings.forms import ActionForm, FeedbackForm, SlotForm
from web.meetings.helpers import (
    meeting_or_404,
    pair_view,
    state_of,
)
from web.services import availability, booking, feedback
from web.services.booking import MeetingError
from web.services.meeting_calendar import meeting_ics
from web.services.meeting_times import zone_of

log = logging.getLogger(__name__)


@bp.get("/e/<slug>/me/meetings")
@attendee_required
def index(event: Event, attendee: Attendee) -> str:
    """My meetings: answers I owe, what is booked, what I asked, what is past."""
    now = utcnow()
    groups: dict[str, list[tuple[Meeting, object]]] = {
        "answer": [],
        "booked": [],
        "waiting": [],
        "past": [],
        "closed": [],
    }
    for meeting in availability.meetings_of(get_session(), attendee.id):
        state = state_of(meeting, attendee, now)
        groups[state.tone].append((meeting, state))
    groups["booked"].sort(key=lambda pair: pair[0].slot.starts_at if pair[0].slot else now)
    return render_template("meetings/index.html", event=event, attendee=attendee, groups=groups)


def _slot_form(event: Event, meeting: Meeting, me: Attendee) -> SlotForm:
    form = SlotForm()
    session = get_session()
    free = availability.free_slots(session, event.id, (meeting.requester_id, meeting.recipient_id))
    form.offer([s for s in free if s.id != meeting.slot_id], zone_of(event))
    return form


def _meeting_page(
    event: Event,
    me: Attendee,
    meeting: Meeting,
    slot_form: SlotForm | None = None,
    error: str | None = None,
    status: int = 200,
) -> tuple[str, int]:
    session = get_session()
    other = meeting.other(me.id)
    state = state_of(meeting, me)
    return (
        render_template(
            "meetings/meeting.html",
            event=event,
            attendee=me,
            meeting=meeting,
            other=other,
            state=state,
            cg=pair_view(session, me, other, meeting),
            slot_form=slot_form or _slot_form(event, meeting, me),
            action_form=ActionForm(),
            feedback_form=FeedbackForm(),
            rated=feedback.feedback_of(session, me.id, other.id),
            error=error,
        ),
        status,
    )


@bp.get("/e/<slug>/me/meetings/<int:meeting_id>")
@attendee_required
def meeting(event: Event, attendee: Attendee, meeting_id: int) -> tuple[str, int]:
    """One meeting: who, when and where (the event's time and mine), what to do next."""
    return _meeting_page(event, attendee, meeting_or_404(event, attendee, meeting_id))


_DONE = {
    "accept": "Booked. You both see the time and place on your pages.",
    "decline": "Declined. {name} is told only that you are not available.",
    "cancel": "Cancelled. {name} is told, and the time is free again.",
    "propose": "Proposed. {name} can accept the new time or propose another.",
}


@bp.post("/e/<slug>/me/meetings/<int:meeting_id>/accept", defaults={"action": "accept"})
@bp.post("/e/<slug>/me/meetings/<int:meeting_id>/decline", defaults={"action": "decline"})
@bp.post("/e/<slug>/me/meetings/<int:meeting_id>/cancel", defaults={"action": "cancel"})
@bp.post("/e/<slug>/me/meetings/<int:meeting_id>/propose", defaults={"action": "propose"})
@attendee_required
def answer(
    event: Event, attendee: Attendee, meeting_id: int, action: str
) -> WerkzeugResponse | tuple[str, int]:
    """Accept, decline, cancel (or withdraw), or propose another time (or reschedule)."""
    session = get_session()
    meeting = meeting_or_404(event, attendee, meeting_id)
    form: SlotForm | ActionForm = (
        _slot_form(event, meeting, attendee) if action == "propose" else ActionForm()
    )
    if not form.validate_on_submit():
        if isinstance(form, SlotForm):
            return _meeting_page(event, attendee, meeting, form, status=422)
        abort(400)
    try:
        if action == "propose":
            assert isinstance(form, SlotForm)
            booking.propose(session, meeting, attendee, form.slot.data)
        else:
            getattr(booking, action)(session, meeting, attendee)
    except MeetingError as exc:
        session.rollback()
        session.refresh(meeting)
        return _meeting_page(event, attendee, meeting, error=str(exc), status=409)
    session.commit()  # the notifications' emails are jobs: they go now
    flash(_DONE[action].format(name=meeting.other(attendee.id).name), "success")
    return redirect(url_for("meetings.meeting", slug=event.slug, meeting_id=meeting.id))


@bp.get("/e/<slug>/me/meetings/<int:meeting_id>.ics")
@attendee_required
def ics(event: Event, attendee: Attendee, meeting_id: int) -> Response:
    """The booked meeting as an iCalendar file ("Add to calendar")."""
    meeting = meeting_or_404(event, attendee, meeting_id)
    if meeting.status != MEETING_ACCEPTED or meeting.slot is None:
        abort(404)
    values = {"slug": event.slug, "meeting_id": str(meeting.id)}
    page = (
        public_url("meetings.meeting", **values)
        if links_mailable()
        else url_for("meetings.meeting", _external=True, **values)
    )
    cg = pair_view(get_session(), attendee, meeting.other(attendee.id), meeting)
    body = meeting_ics(meeting, attendee, event, page, cg)
    name = f"meeting-{meeting.slot.start:%Y-%m-%d-%H%M}.ics"
    return Response(
        body,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
