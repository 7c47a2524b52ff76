""" "How much did you have in common?" after a meeting's time or after saving a contact."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event, utcnow
from web.attendee.auth import attendee_required
from web.db import get_session
from web.meetings import bp
from web.meetings.forms import FeedbackForm
from web.meetings.helpers import pair_view, person_or_404
from web.services import feedback as feedback_service


@bp.route("/e/<slug>/me/people/<int:other_id>/feedback", methods=["GET", "POST"])
@attendee_required
def feedback(event: Event, attendee: Attendee, other_id: int) -> Response | tuple[str, int]:
    """One short question about someone I met; my answer is never shown to them."""
    session = get_session()
    other = person_or_404(event, attendee, other_id)
    now = utcnow()
    if not feedback_service.may_rate(session, attendee.id, other.id, now):
        abort(404)
    previous = feedback_service.feedback_of(session, attendee.id, other.id)
    form = FeedbackForm()
    if form.validate_on_submit():
        meeting = feedback_service.last_meeting(session, attendee.id, other.id, now)
        cg = pair_view(session, attendee, other, meeting)
        again = {"yes": True, "no": False}.get(form.meet_again.data or "")
        feedback_service.rate(
            session,
            attendee,
            other,
            int(form.rating.data or 0),
            again,
            feedback_service.kinds_of(cg.to_dict()),
            meeting.id if meeting else None,
        )
        flash("Thank you. Your answer helps the organizers make better introductions.", "success")
        return redirect(url_for("attendee.me", slug=event.slug))
    if previous is not None and not form.is_submitted():
        form.rating.data = str(previous.rating)
        form.meet_again.data = {True: "yes", False: "no"}.get(previous.meet_again)  # type: ignore[arg-type]
    return render_template(
        "meetings/feedback.html",
        event=event,
        attendee=attendee,
        other=other,
        form=form,
        previous=previous,
    ), (422 if form.is_submitted() else 200)
