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

from flask import Flask, current_app, url_for

from web.config import configured_base_url

log = logging.getLogger(__name__)


NO_BASE_URL = (
    "PUBLIC_BASE_URL is not set, so no email with a link is sent: a link built from the "
    "request's Host header could point anywhere. Set PUBLIC_BASE_URL=https://your.host."
)


def mail_configured() -> bool:
    """True when SMTP_HOST is set."""
    return bool(current_app.config.get("SMTP_HOST"))


def links_mailable() -> bool:
    """True when emails may carry links: SMTP_HOST and PUBLIC_BASE_URL are both set.

    Links in emails are built from PUBLIC_BASE_URL only, never from a request's Host
    header (which whoever sends the request chooses).
    """
    return mail_configured() and bool(configured_base_url())


def public_url(endpoint: str, **values: Any) -> str:
    """An absolute URL on PUBLIC_BASE_URL for an email; ValueError when it is not set."""
    base = configured_base_url()
    if not base:
        raise ValueError(NO_BASE_URL)
    return base + url_for(endpoint, **values)


def check_settings(app: Flask) -> None:
    """Say at start when SMTP is on but emails cannot carry links."""
    if app.config.get("SMTP_HOST") and not configured_base_url(app):
        log.error("SMTP_HOST is set but %s", NO_BASE_URL)


def smtp_settings() -> dict[str, Any]:
    """The SMTP settings of this app (read in the request, passed to a background send)."""
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
    settings = settings or smtp_settings()
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
