"""A rate-limited sign-up keeps what was typed: the form comes back with a message."""

from __future__ import annotations

from flask import flash, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import TooManyRequests

from web.attendee import bp
from web.attendee.auth import current_attendee, event_or_404
from web.attendee.forms import SignupForm
from web.attendee.tags import cached_event_tags
from web.db import get_session
from web.errors import MESSAGES, error_response, wants_json

SLOW_DOWN = (
    "Many people are signing up from this network right now. Nothing was saved yet: "
    "please wait a minute, then press Join again."
)


@bp.errorhandler(TooManyRequests)
def too_many(exc: TooManyRequests) -> ResponseReturnValue:
    """The sign-up form again, as typed, when its rate limit was hit; else the 429 page."""
    slug = (request.view_args or {}).get("slug", "")
    if request.endpoint != "attendee.join" or request.method != "POST" or not slug or wants_json():
        return error_response("too_many_requests", MESSAGES[429], 429)
    event = event_or_404(slug)
    form = SignupForm()
    flash(SLOW_DOWN, "warning")
    page = render_template(
        "attendee/join.html",
        event=event,
        form=form,
        tags=cached_event_tags(get_session(), event),
        me=current_attendee(event),
    )
    return page, 429, {"Retry-After": "60"}
