"""Organizer password reset by email (when SMTP and PUBLIC_BASE_URL are set).

The emailed link carries a signed, timed token naming the organizer and a stamp of
their current password and session version: it works once (a new password changes the
stamp) and for RESET_MINUTES. Asking for a reset answers the same whether or not the
address has an account, with the same write (a `password_reset_mail` job, web.tasks,
that looks the address up and mails only an account, after the answer), so neither
the page nor its timing tells who is an organizer. A new password ends every other
session.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from itsdangerous import BadSignature, URLSafeTimedSerializer
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from models import Organizer
from web.db import get_session
from web.mail import links_mailable
from web.organizer import bp
from web.organizer.auth import MIN_PASSWORD_LENGTH, hash_password, password_stamp
from web.services.jobs import enqueue

log = logging.getLogger(__name__)

RESET_MINUTES = 60
SALT = "cg-organizer-password-reset"


class ForgotForm(FlaskForm):
    """The email of the account whose password was forgotten."""

    email = EmailField("Email", validators=[DataRequired("Enter your email."), Length(max=320)])


class ResetForm(FlaskForm):
    """A new password, twice."""

    password = PasswordField(
        "New password",
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
        validators=[
            DataRequired("Choose a new password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=f"Use at least {MIN_PASSWORD_LENGTH} characters.",
            ),
        ],
    )
    again = PasswordField(
        "New password again",
        validators=[EqualTo("password", "The two passwords differ: type the same one twice.")],
    )


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key or "", salt=SALT)


def _stamp(organizer: Organizer) -> str:
    return f"{password_stamp(organizer)}.{organizer.session_version or 1}"


def reset_token(organizer: Organizer) -> str:
    """A reset token for the organizer's current password (a new one voids it)."""
    return str(_serializer().dumps([organizer.id, _stamp(organizer)]))


def organizer_of(token: str) -> Organizer | None:
    """The organizer a valid, unexpired, unused token names, or None."""
    try:
        organizer_id, stamp = _serializer().loads(token, max_age=RESET_MINUTES * 60)
    except (BadSignature, ValueError, TypeError):
        return None
    organizer = (
        get_session().get(Organizer, organizer_id) if isinstance(organizer_id, int) else None
    )
    if organizer is None or stamp != _stamp(organizer):
        return None
    return organizer


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot_password() -> Any:
    """Ask for a reset link by email; the answer never says whether the account exists."""
    form = ForgotForm()
    if not links_mailable():
        return render_template("organizer/password_forgot.html", form=form, mailable=False)
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        # The same write whoever asks; the job finds the account (or none) and mails it.
        enqueue(get_session(), "password_reset_mail", {"email": email})
        flash(
            "If that address has an organizer account, a link to choose a new password is on "
            f"its way. It works once, for {RESET_MINUTES} minutes.",
            "success",
        )
        return redirect(url_for("organizer.login"), 303)
    status = 400 if form.errors else 200
    return render_template("organizer/password_forgot.html", form=form, mailable=True), status


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> Any:
    """Choose a new password from an emailed link; every other session ends."""
    organizer = organizer_of(token)
    if organizer is None:
        page = render_template("organizer/password_reset.html", form=None)
        return page, 410, {"Cache-Control": "no-store"}
    form = ResetForm()
    if form.validate_on_submit():
        organizer.password_hash = hash_password(form.password.data or "")
        organizer.end_sessions()
        get_session().commit()
        log.info("organizer %s chose a new password by email", organizer.id)
        flash(
            "Your new password is set, and every other browser is signed out. Sign in.", "success"
        )
        return redirect(url_for("organizer.login"), 303)
    status = 400 if form.errors else 200
    page = render_template("organizer/password_reset.html", form=form)
    return page, status, {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
