"""Organizer login and logout, the `organizer_required` guard and per-organizer event access."""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import abort, current_app, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import TooManyRequests
from werkzeug.security import check_password_hash, generate_password_hash

from models import Event, Organizer
from web.db import get_session
from web.errors import MESSAGES, error_response, wants_json
from web.mail import links_mailable
from web.organizer import bp
from web.organizer.forms import LoginForm

log = logging.getLogger(__name__)

SESSION_KEY = "organizer_id"
# A hash of the password hash: changing the password signs every other session out.
SESSION_STAMP = "organizer_stamp"
# The organizer's session version: logging out on one browser ends every session.
SESSION_VERSION = "organizer_version"
LOGIN_FAILED = "The email or password is wrong."
MIN_PASSWORD_LENGTH = 10

# Compared against when the email is unknown, so both failures take the same time.
_DUMMY_HASH = generate_password_hash("not-a-real-password-0123456789")

F = TypeVar("F", bound=Callable[..., Any])


def hash_password(password: str) -> str:
    """The stored form of an organizer password (werkzeug's salted scrypt)."""
    return generate_password_hash(password)


def password_stamp(organizer: Organizer) -> str:
    return hashlib.sha256(organizer.password_hash.encode()).hexdigest()[:16]


def authenticate(email: str, password: str) -> Organizer | None:
    """The organizer with this email and password, or None (in constant-ish time)."""
    organizer = get_session().scalar(
        sa.select(Organizer).where(Organizer.email == email.strip().lower())
    )
    if organizer is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(organizer.password_hash, password):
        return None
    return organizer


def current_organizer() -> Organizer | None:
    """The organizer signed in on this browser, if any."""
    if "organizer" in g:
        return cast(Organizer | None, g.organizer)
    organizer = None
    organizer_id = session.get(SESSION_KEY)
    if isinstance(organizer_id, int):
        organizer = get_session().get(Organizer, organizer_id)
        if organizer is not None and (
            session.get(SESSION_STAMP) != password_stamp(organizer)
            or session.get(SESSION_VERSION) != (organizer.session_version or 1)
        ):
            organizer = None
    g.organizer = organizer
    return organizer


def organizer_required(view: F) -> F:
    """Only signed-in organizers: others go to the login page (JSON clients get a 401)."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_organizer() is None:
            if wants_json():
                return error_response("login_required", "Please sign in as an organizer.", 401)
            return redirect(url_for("organizer.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return cast(F, wrapped)


def event_for_organizer(slug: str) -> Event:
    """The signed-in organizer's event `slug`; 404 for anybody else's (no hint it exists)."""
    organizer = current_organizer()
    if organizer is None:
        abort(404)
    event = get_session().scalar(
        sa.select(Event).where(Event.slug == slug, Event.organizer_id == organizer.id)
    )
    if event is None:
        abort(404)
    return event


def _safe_next(target: str | None) -> str:
    """Only redirect back into the organizer console, never to another site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and parts.path.startswith("/organizer/"):
            return target
    return url_for("organizer.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign in with email and password."""
    if current_organizer() is not None and request.method == "GET":
        return redirect(_safe_next(request.args.get("next")))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        organizer = authenticate(form.email.data or "", form.password.data or "")
        if organizer is not None:
            session[SESSION_KEY] = organizer.id
            session[SESSION_STAMP] = password_stamp(organizer)
            session[SESSION_VERSION] = organizer.session_version or 1
            session.permanent = True
            log.info("organizer %s signed in", organizer.id)
            return redirect(_safe_next(request.args.get("next")))
        error = LOGIN_FAILED
        form.password.data = ""
    status = 401 if error else (400 if form.errors else 200)
    return render_template("organizer/login.html", form=form, error=error), status


def _wait_text() -> str:
    limit = current_app.extensions["cg_rate_limiter"].current_limit
    seconds = max(1, int(limit.reset_at - time.time())) if limit is not None else 60
    if seconds < 90:
        return f"{seconds} seconds" if seconds > 1 else "a second"
    return f"{math.ceil(seconds / 60)} minutes"


@bp.errorhandler(TooManyRequests)
def too_many_sign_ins(exc: TooManyRequests) -> Any:
    """The sign-in form again, saying how long to wait (web.rate_limits backs off)."""
    if request.endpoint != "organizer.login" or wants_json():
        return error_response("too_many_requests", MESSAGES[429], 429)
    form = LoginForm()
    form.password.data = ""
    error = f"Too many requests to sign in. Please wait {_wait_text()} and try again"
    # The reset by email exists only with SMTP (web.organizer.password).
    error += ", or reset your password." if links_mailable() else "."
    return render_template("organizer/login.html", form=form, error=error), 429


@bp.post("/logout")
def logout() -> Any:
    """Sign out everywhere (POST with CSRF, so no link can sign anybody out).

    Every session of the organizer ends, on this browser and any other, including
    copies of this browser's cookie.
    """
    from web.organizer.forms import EmptyForm

    if EmptyForm().validate_on_submit():
        organizer = current_organizer()
        if organizer is not None:
            organizer.end_sessions()
            get_session().commit()
            log.info("organizer %s signed out everywhere", organizer.id)
        for key in (SESSION_KEY, SESSION_STAMP, SESSION_VERSION):
            session.pop(key, None)
    return redirect(url_for("organizer.login"))


@bp.app_context_processor
def _inject_organizer() -> dict[str, Any]:
    """`organizer` in every template rendered for an organizer page."""
    if request.blueprint != "organizer":
        return {}
    return {"organizer": current_organizer()}
