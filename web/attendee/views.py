"""J1: the landing page, sign-up, and the private link that signs a device in."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response

from models import Attendee, Event
from web.attendee import bp
from web.attendee.auth import (
    attendee_by_private_token,
    current_attendee,
    event_or_404,
    need_private_link,
    sign_in,
    signed_in_event_ids,
)
from web.attendee.forms import DeleteForm, ProfileForm, SignupForm
from web.attendee.operations import (
    event_tags,
    find_by_email,
    my_suggestions,
    refresh_quietly,
    save_signup,
)
from web.db import get_session
from web.mail import deliver, mail_configured, private_link_message

log = logging.getLogger(__name__)


def external_url(endpoint: str, **values: str) -> str:
    """An absolute URL: PUBLIC_BASE_URL when configured, else this request's host."""
    base = current_app.config.get("PUBLIC_BASE_URL", "")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


@bp.get("/")
def index() -> str:
    """A small landing page: what Common Ground is, and this device's events."""
    session = get_session()
    ids = signed_in_event_ids()
    mine: list[tuple[Event, Attendee]] = []
    if ids:
        events = session.scalars(sa.select(Event).where(Event.id.in_(ids)).order_by(Event.name))
        for event in events:
            attendee = current_attendee(event)
            if attendee is not None:
                mine.append((event, attendee))
    demo = session.scalar(sa.select(Event).where(Event.slug == "demo"))
    return render_template("attendee/index.html", mine=mine, demo=demo)


def _render_join(event: Event, form: SignupForm, status: int = 200) -> tuple[str, int]:
    session = get_session()
    return (
        render_template(
            "attendee/join.html",
            event=event,
            form=form,
            tags=event_tags(session, event),
            me=current_attendee(event),
        ),
        status,
    )


@bp.route("/e/<slug>/join", methods=["GET", "POST"])
def join(slug: str) -> tuple[str, int] | Response:
    """J1 sign-up: the profile form; the result shows the private link once."""
    event = event_or_404(slug)
    if not event.signup_open:
        return render_template("attendee/closed.html", event=event, me=current_attendee(event)), 403
    form = SignupForm()
    if not form.validate_on_submit():
        return _render_join(event, form, 422 if form.is_submitted() else 200)

    session = get_session()
    me = current_attendee(event)
    if mail_configured() and (me is None or me.email != form.email.data):
        return _confirm_by_email(event, form)
    attendee, token, created = save_signup(session, event, form)
    # The sign-up is stored before matching runs: nothing lost if matching fails.
    session.commit()
    refresh_quietly(event.id, attendee.id)
    sign_in(attendee)
    link = external_url("attendee.private_link", token=token)
    emailed = False
    if mail_configured():
        message = private_link_message(
            attendee.email,
            attendee.name,
            event.name,
            link,
            external_url("attendee.me", slug=event.slug),
            updated=not created,
        )
        # Sent after the commit above: nobody gets a link to a profile never stored.
        emailed = deliver(message)
    # The same page whether the email was new or known: a stranger learns nothing.
    return render_template(
        "attendee/welcome.html",
        event=event,
        attendee=attendee,
        link=link,
        emailed=emailed,
        mail_on=mail_configured(),
        found=len(my_suggestions(session, attendee, limit=event.suggestions_per_attendee or 5)),
    ), 200


def _confirm_by_email(event: Event, form: SignupForm) -> tuple[str, int]:
    """With SMTP on, the private link goes only to the mailbox of the email typed.

    A new sign-up is stored; a known email's profile is left unchanged (only its owner,
    through the link, may edit it). The page is the same either way, so a stranger
    learns neither whether the email is registered nor anything about its owner.
    """
    session = get_session()
    email = form.email.data or ""
    existing = find_by_email(session, event, email)
    if existing is None:
        attendee, token, created = save_signup(session, event, form)
    else:
        attendee, token, created = existing, existing.issue_private_token(), False
    session.commit()
    if created:
        refresh_quietly(event.id, attendee.id)
    message = private_link_message(
        attendee.email,
        attendee.name,
        event.name,
        external_url("attendee.private_link", token=token),
        external_url("attendee.me", slug=event.slug),
        updated=False,
        requested_again=not created,
    )
    emailed = deliver(message)
    log.info("event %s: private link sent by email (%s)", event.slug, "ok" if emailed else "failed")
    return render_template(
        "attendee/check_inbox.html", event=event, email=email, emailed=emailed
    ), 200


@bp.get("/m/<token>")
def private_link(token: str) -> Response:
    """Open a private link: sign this device in and go to my page (unknown token: 404)."""
    attendee = attendee_by_private_token(token)
    if attendee is None:
        abort(404)
    sign_in(attendee)
    flash(f"Welcome back, {attendee.name}. This device is now signed in.", "success")
    return redirect(url_for("attendee.me", slug=attendee.event.slug))


@bp.errorhandler(CSRFError)
def form_expired(exc: CSRFError) -> tuple[str, int]:
    """An expired or missing CSRF token on a profile form: show it again, nothing lost.

    The re-rendered form carries a fresh token, what was typed, and a message.
    """
    slug = (request.view_args or {}).get("slug", "")
    expired = render_template("error.html", status=400, message=_EXPIRED), 400
    if request.endpoint not in ("attendee.join", "attendee.edit") or not slug:
        return expired
    event = event_or_404(slug)
    attendee = current_attendee(event)
    form: ProfileForm
    if request.endpoint == "attendee.join":
        if not event.signup_open:
            return expired
        form, template = SignupForm(), "attendee/join.html"
    else:
        if attendee is None:
            return need_private_link(event)
        form, template = ProfileForm(), "attendee/edit.html"
    form.validate()  # per-field messages too; the token's error explains the rest
    return render_template(
        template,
        event=event,
        attendee=attendee,
        me=attendee,
        form=form,
        tags=event_tags(get_session(), event),
        delete_form=DeleteForm(),
    ), 400


_EXPIRED = (
    "This form expired before it was sent (forms time out for your safety). "
    "Please go back, reload the page and send it again."
)
