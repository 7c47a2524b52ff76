"""Emailing imported attendees their private links (when SMTP is configured).

Tokens exist in clear only between the import and this email: the database keeps
their hashes. Sending happens after the import is committed, in the background for
the console (thousands of emails take a while) and in the foreground for the CLI.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, url_for

from models import Event
from web.importing.records import AttendeeRecord
from web.mail import deliver, private_link_message

log = logging.getLogger(__name__)

# After this many failures in a row the mail server is considered down.
GIVE_UP_AFTER = 5


@dataclass
class Recipient:
    """A new attendee and the private-link token issued to them."""

    email: str
    name: str
    token: str


class RecipientList(list[Recipient]):
    """Collects new attendees during an import (pass `collect` as `on_created`)."""

    def collect(self, record: AttendeeRecord, token: str) -> None:
        """Remember one new attendee."""
        self.append(Recipient(record.email, str(record.values.get("name", "")), token))


def send_private_links(
    app: Flask,
    event_id: int,
    recipients: list[Recipient],
    base_url: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Email each recipient their private link; returns how many emails went out."""
    sent = failures = 0
    with app.app_context(), app.test_request_context(base_url=base_url):
        with app.extensions["cg_sessions"]() as session:
            event = session.get_one(Event, event_id)
            event_name, slug = event.name, event.slug
        my_page = url_for("attendee.me", slug=slug, _external=True)
        for recipient in recipients:
            link = url_for("attendee.private_link", token=recipient.token, _external=True)
            message = private_link_message(
                recipient.email, recipient.name, event_name, link, my_page, updated=False
            )
            if deliver(message):
                sent, failures = sent + 1, 0
            else:
                failures += 1
                if failures >= GIVE_UP_AFTER:
                    log.error("stopped emailing private links for %s: mail server fails", slug)
                    break
            if progress:
                progress(1)
    log.info("emailed %d of %d private links for event %s", sent, len(recipients), slug)
    return sent


def send_in_background(
    app: Flask, event_id: int, recipients: list[Recipient], base_url: str
) -> threading.Thread:
    """Start emailing private links in a worker thread; returns the thread."""
    thread = threading.Thread(
        target=_send_quietly,
        args=(app, event_id, recipients, base_url),
        name=f"links-{event_id}",
        daemon=True,
    )
    thread.start()
    app.extensions.setdefault("cg_mail_threads", []).append(thread)
    return thread


def _send_quietly(app: Flask, event_id: int, recipients: list[Recipient], base_url: str) -> None:
    try:
        send_private_links(app, event_id, recipients, base_url)
    except Exception:
        log.exception("emailing private links for event %s failed", event_id)
