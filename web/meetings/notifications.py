"""Notifications on my page: the list (unread first seen), and the email setting."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event
from web.attendee.auth import attendee_required
from web.db import get_session
from web.mail import mail_configured
from web.meetings import bp
from web.meetings.forms import EmailSettingForm
from web.services import notifications
from web.services.meeting_times import zone_of


@bp.get("/e/<slug>/me/notifications")
@attendee_required
def notifications_page(event: Event, attendee: Attendee) -> str:
    """What happened to my meetings, newest first; opening the list marks it read."""
    session = get_session()
    zone = zone_of(event)
    recent = notifications.recent(session, attendee.id)
    items = [(n, notifications.describe(n, zone), n.read_at is None) for n in recent]
    notifications.mark_read(session, attendee.id)  # seen now: the counter goes
    return render_template(
        "meetings/notifications.html",
        event=event,
        attendee=attendee,
        items=items,
        form=EmailSettingForm(email_notifications=attendee.email_notifications),
        mail_on=mail_configured(),
    )


@bp.post("/e/<slug>/me/notifications/email")
@attendee_required
def email_setting(event: Event, attendee: Attendee) -> Response:
    """Turn meeting emails on or off for me."""
    form = EmailSettingForm()
    if form.validate_on_submit():
        attendee.email_notifications = bool(form.email_notifications.data)
        get_session().flush()
        flash(
            "You will get meeting emails."
            if attendee.email_notifications
            else "No more meeting emails: you see everything here on your page.",
            "success",
        )
    return redirect(url_for("meetings.notifications_page", slug=event.slug))
