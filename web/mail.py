"""Outgoing email over SMTP, when SMTP_HOST is configured.

Callers send after their changes are committed, so nobody receives a link to a
profile that was never stored. A failing mail server is logged, never shown as
an error: the private link is on screen anyway.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from typing import Any

from flask import current_app

log = logging.getLogger(__name__)


def mail_configured() -> bool:
    """True when SMTP_HOST is set."""
    return bool(current_app.config.get("SMTP_HOST"))


def _smtp_settings() -> dict[str, Any]:
    cfg = current_app.config
    return {
        "host": cfg.get("SMTP_HOST", ""),
        "port": int(cfg.get("SMTP_PORT") or 25),
        "user": cfg.get("SMTP_USER", ""),
        "password": cfg.get("SMTP_PASSWORD", ""),
        "sender": cfg.get("SMTP_FROM", "Common Ground <noreply@localhost>"),
    }


def deliver(message: EmailMessage, settings: dict[str, Any] | None = None) -> bool:
    """Send `message` now; True on success. Uses STARTTLS when the server offers it."""
    settings = settings or _smtp_settings()
    if not settings["host"]:
        return False
    if "From" not in message:
        message["From"] = settings["sender"]
    try:
        port = settings["port"]
        smtp_class = smtplib.SMTP_SSL if port == 465 else smtplib.SMTP
        with smtp_class(settings["host"], port, timeout=10) as smtp:
            if smtp_class is smtplib.SMTP:
                smtp.ehlo()
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=ssl.create_default_context())
                    smtp.ehlo()
            if settings["user"]:
                smtp.login(settings["user"], settings["password"])
            smtp.send_message(message)
        return True
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("could not send mail to the SMTP server %s: %s", settings["host"], exc)
        return False


def private_link_message(
    to: str,
    name: str,
    event_name: str,
    link: str,
    my_page: str,
    updated: bool,
    requested_again: bool = False,
) -> EmailMessage:
    """The email that carries an attendee's private link.

    `requested_again`: someone signed up again with this address on a device not
    signed in as its owner; the profile was left unchanged.
    """
    message = EmailMessage()
    message["To"] = to
    message["Subject"] = f"Your private link for {event_name}"
    if requested_again:
        intro = (
            "Someone (probably you) signed up again with this address, so here is a fresh\n"
            "private link. Your profile was not changed: open the link to edit it. Your\n"
            "earlier link no longer works."
        )
    elif updated:
        intro = "Your profile was updated, and here is a fresh private link."
    else:
        intro = "Welcome! Your profile is ready."
    message.set_content(
        f"Hi {name},\n\n"
        f"{intro}\n\n"
        f"Open your page for {event_name} — your badge and the people we suggest you meet:\n"
        f"{link}\n\n"
        "This link is your key: anyone who has it can see and edit your profile, so keep\n"
        "it to yourself. Opening it signs you in on that device; after that, your page is\n"
        f"at {my_page}.\n\n"
        "If you did not sign up, you can ignore this message, or open the link and choose\n"
        "“Delete my data”.\n\n"
        "— Common Ground\n"
    )
    return message
