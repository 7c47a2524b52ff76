"""Opening a private link: a page saying whose it is, then a POST that signs in.

A GET never changes who this device is signed in as: a link opened by a preview, a
scanned QR or a message someone sent would otherwise switch a signed-in attendee to
another identity (login CSRF), and their notes would land in someone else's account.
The same confirmation serves the sign-in links emailed to a known address.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from models import Attendee, Event, utcnow
from web.attendee import bp
from web.attendee.auth import attendee_by_private_token, current_attendee, event_or_404, sign_in
from web.attendee.forms import ConfirmLinkForm
from web.attendee.handoff import forget_return_badge, return_badge
from web.db import get_session

log = logging.getLogger(__name__)

SIGN_IN_HOURS = 24  # how long an emailed sign-in link works


def _confirmation(attendee: Attendee, action: str) -> Response | tuple[str, int]:
    me = current_attendee(attendee.event)
    if me is not None and me.id == attendee.id:  # already this person: nothing to switch
        return redirect(url_for("attendee.me", slug=attendee.event.slug))
    page = render_template(
        "attendee/open_link.html",
        event=attendee.event,
        owner=attendee,
        me=me,
        action=action,
        form=ConfirmLinkForm(),
    )
    return page, 200


def _sign_in_here(attendee: Attendee) -> Response:
    if not ConfirmLinkForm().validate_on_submit():
        abort(400)
    event = attendee.event
    sign_in(attendee)
    attendee.link_used_at = utcnow()
    get_session().commit()
    flash(f"Welcome, {attendee.name}. This device is now signed in.", "success")
    badge = return_badge(event)
    if badge:  # they scanned a badge before signing up: back to it
        forget_return_badge(event)
        return redirect(url_for("badges.scan", token=badge))
    return redirect(url_for("attendee.me", slug=event.slug))


@bp.get("/m/<token>")
def private_link(token: str) -> Response | tuple[str, int]:
    """A private link: whose page it opens, and a button to sign in (unknown token: 404)."""
    attendee = attendee_by_private_token(token)
    if attendee is None:
        abort(404)
    return _confirmation(attendee, url_for("attendee.confirm_private_link", token=token))


@bp.post("/m/<token>")
def confirm_private_link(token: str) -> Response:
    """Sign this device in with a private link (the confirmation's POST)."""
    attendee = attendee_by_private_token(token)
    if attendee is None:
        abort(404)
    return _sign_in_here(attendee)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="cg-email-sign-in")


def sign_in_token(attendee: Attendee) -> str:
    """A signed, time-limited sign-in token for `attendee` (emailed to a known address).

    It dies with the attendee's sessions and private link (re-issue, sign out
    everywhere), and after SIGN_IN_HOURS; the private link itself stays as it was.
    """
    fingerprint = attendee.private_token_hash[:16]
    return _serializer().dumps([attendee.id, attendee.session_version or 1, fingerprint])


def _attendee_of_sign_in(event: Event, token: str) -> Attendee:
    try:
        data: Any = _serializer().loads(token, max_age=SIGN_IN_HOURS * 3600)
    except BadSignature:
        abort(404)
    if not (isinstance(data, list) and len(data) == 3 and isinstance(data[0], int)):
        abort(404)
    attendee = get_session().get(Attendee, data[0])
    if (
        attendee is None
        or attendee.event_id != event.id
        or (attendee.session_version or 1) != data[1]
        or attendee.private_token_hash[:16] != data[2]
    ):
        abort(404)
    return attendee


@bp.get("/e/<slug>/sign-in/<token>")
def email_sign_in(slug: str, token: str) -> Response | tuple[str, int]:
    """An emailed sign-in link: whose page it opens, and a button to sign in."""
    attendee = _attendee_of_sign_in(event_or_404(slug), token)
    return _confirmation(
        attendee, url_for("attendee.confirm_email_sign_in", slug=slug, token=token)
    )


@bp.post("/e/<slug>/sign-in/<token>")
def confirm_email_sign_in(slug: str, token: str) -> Response:
    """Sign this device in with an emailed sign-in link (the confirmation's POST)."""
    return _sign_in_here(_attendee_of_sign_in(event_or_404(slug), token))
