"""Devices signed in as me: sign this one out, or every one (with a new private link)."""

from __future__ import annotations

import logging

from flask import flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from models import Attendee, Event, utcnow
from web.attendee import bp
from web.attendee.auth import attendee_required, sign_in, sign_out
from web.attendee.forms import SignOutForm
from web.attendee.handoff import remember_welcome, shown_link, welcome_token
from web.db import get_session

log = logging.getLogger(__name__)


@bp.post("/e/<slug>/me/sign-out")
@attendee_required
def sign_out_device(event: Event, attendee: Attendee) -> Response:
    """Sign this device out of the event (e.g. a borrowed phone); the profile stays.

    The session is revoked on the server too: a copy of this device's cookie no
    longer works either. Other devices stay signed in.
    """
    if SignOutForm().validate_on_submit():
        sign_out(event, attendee)
        get_session().commit()
        flash("This device is signed out. Your private link still opens your page.", "success")
    return redirect(url_for("attendee.index"))


@bp.post("/e/<slug>/me/sign-out-everywhere")
@attendee_required
def sign_out_everywhere(event: Event, attendee: Attendee) -> Response:
    """End every session of mine and replace my private link (someone else may have it).

    This device stays signed in, and is shown the new link once.
    """
    if not SignOutForm().validate_on_submit():
        return redirect(url_for("attendee.me", slug=event.slug))
    token = attendee.reissue_private_link()
    attendee.link_used_at = utcnow()  # this device stays signed in with it
    get_session().commit()
    log.info("event %s: attendee %s signed out everywhere", event.slug, attendee.id)
    sign_in(attendee)
    remember_welcome(attendee, token)
    return redirect(url_for("attendee.new_link", slug=event.slug), 303)


@bp.get("/e/<slug>/me/new-link")
@attendee_required
def new_link(event: Event, attendee: Attendee) -> str | Response:
    """The private link that replaced the old one, on the device that asked for it."""
    token = welcome_token(attendee)
    if token is None:
        return redirect(url_for("attendee.me", slug=event.slug))
    return render_template(
        "attendee/new_link.html", event=event, attendee=attendee, link=shown_link(token)
    )
