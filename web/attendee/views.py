"""J1: the landing page, sign-up, and the private link that signs a device in."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response

from models import Attendee, Event, utcnow
from web.attendee import bp
from web.attendee.auth import (
    attendee_required,
    current_attendee,
    event_or_404,
    need_private_link,
    sign_in,
    signed_in_event_ids,
)
from web.attendee.forms import ProfileForm, SignupForm
from web.attendee.handoff import (
    inbox_notice,
    remember_inbox,
    remember_return_badge,
    remember_welcome,
    return_badge,
    shown_link,
    welcome_token,
)
from web.attendee.tags import cached_event_tags
from web.db import get_session
from web.mail import links_mailable
from web.services.attendees import (
    create_signup,
    find_by_email,
    my_suggestions,
    update_from_signup,
)
from web.services.jobs import enqueue, unfinished
from web.services.matching import refresh_key, refresh_later

log = logging.getLogger(__name__)


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


def _render_join(
    event: Event, form: SignupForm, status: int = 200, known_email: bool = False
) -> tuple[str, int]:
    session = get_session()
    return (
        render_template(
            "attendee/join.html",
            event=event,
            form=form,
            tags=cached_event_tags(session, event),
            me=current_attendee(event),
            known_email=known_email,
            mail_on=links_mailable(),
        ),
        status,
    )


@bp.route("/e/<slug>/join", methods=["GET", "POST"])
def join(slug: str) -> tuple[str, int] | Response:
    """J1 sign-up: the profile form; then the welcome page (or "check your inbox").

    The POST always ends in a redirect, so reloading the next page never sends the
    form again. A sign-up never opens or changes an existing profile: only its owner,
    signed in on this device, updates it from here.
    """
    event = event_or_404(slug)
    if not event.signup_open:
        return render_template("attendee/closed.html", event=event, me=current_attendee(event)), 403
    form = SignupForm()
    if request.method == "GET" and request.args.get("badge"):
        remember_return_badge(event, request.args["badge"])  # come back to it afterwards
    if not form.validate_on_submit():
        return _render_join(event, form, 422 if form.is_submitted() else 200)

    session = get_session()
    email = form.email.data or ""
    me = current_attendee(event)
    if me is not None and me.email == email:
        update_from_signup(session, me, form)
        refresh_later(session, event.id, me.id)
        session.commit()
        flash("Your profile is updated.", "success")
        return redirect(url_for("attendee.me", slug=event.slug), 303)
    if links_mailable():
        return _confirm_by_email(event, form)
    created = create_signup(session, event, email, form)
    if created is None:
        session.rollback()
        return _already_signed_up(event, form)
    attendee, token = created
    attendee.link_used_at = utcnow()  # this device is signed in with it
    # The sign-up and the job that matches it commit together; the matching runs
    # after the request, so a matching failure never loses a sign-up.
    refresh_later(session, event.id, attendee.id)
    session.commit()
    sign_in(attendee)
    remember_welcome(attendee, token)
    return redirect(url_for("attendee.welcome", slug=event.slug), 303)


def _already_signed_up(event: Event, form: SignupForm) -> tuple[str, int]:
    """The form again, as typed, saying how the owner of a registered email gets back in.

    Without email there is no way to prove owning the address, so this page cannot
    look like a new sign-up's: it says the email is taken and opens nothing.
    """
    form.email.errors = [*form.email.errors, f"This email is already signed up for {event.name}."]
    return _render_join(event, form, 409, known_email=True)


@bp.get("/e/<slug>/welcome")
@attendee_required
def welcome(event: Event, attendee: Attendee) -> str:
    """After sign-up: the private link (while this device holds it) and the first people."""
    token = welcome_token(attendee)
    link = shown_link(token) if token else None
    session = get_session()
    people = my_suggestions(session, attendee, limit=3)
    badge = return_badge(event)
    return_to = (
        session.scalar(
            sa.select(Attendee).where(
                Attendee.event_id == event.id,
                Attendee.badge_token == badge,
                Attendee.id != attendee.id,
            )
        )
        if badge
        else None
    )
    return render_template(
        "attendee/welcome.html",
        event=event,
        attendee=attendee,
        link=link,
        people=people,
        return_to=return_to,
        preparing=unfinished(session, refresh_key(attendee.id)),
    )


def _confirm_by_email(event: Event, form: SignupForm) -> Response:
    """With email on, the link goes only to the mailbox of the email typed.

    A new sign-up is stored and gets its private link; a registered address gets a
    sign-in link instead, its profile and private link unchanged (a stranger typing
    it costs the owner nothing). Both do the same work before answering (one row
    written and committed) and the same after it (the matching and the mail), and
    the next page is the same: nobody learns whether the address was registered,
    not even from how long the answer took.
    """
    session = get_session()
    email = form.email.data or ""
    created = create_signup(session, event, email, form)
    if created is not None:
        attendee, _token = created  # the mail job issues the link it sends
        mail = "private_link_mail"
    else:
        session.rollback()
        existing = find_by_email(session, event, email)
        if existing is None:  # pragma: no cover - deleted in between
            abort(409)
        attendee = existing
        attendee.sign_in_mailed_at = utcnow()
        mail = "sign_in_mail"
    # The same writes either way (the row, a refresh job, a mail job): the mail is
    # built and sent by its job, so nothing in it can fail or slow a sign-up.
    refresh_later(session, event.id, attendee.id)  # a known profile: little to do
    enqueue(session, mail, {"attendee_id": attendee.id}, event_id=event.id)
    session.commit()
    remember_inbox(event, email)
    return redirect(url_for("attendee.check_inbox", slug=event.slug), 303)


@bp.get("/e/<slug>/join/sent")
def check_inbox(slug: str) -> str | Response:
    """After a sign-up with email on: where the link went (the same for every address)."""
    event = event_or_404(slug)
    sent = inbox_notice(event)
    if sent is None:
        return redirect(url_for("attendee.join", slug=event.slug))
    return render_template("attendee/check_inbox.html", event=event, email=sent)


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
        tags=cached_event_tags(get_session(), event),
    ), 400


_EXPIRED = (
    "This form expired before it was sent (forms time out for your safety). "
    "Please go back, reload the page and send it again."
)
