"""Private links for attendees who did not see theirs: exported for a mail merge.

Emailing them is a job per attendee (web/tasks.py `private_link_mail`), which issues
the link it sends: the database keeps only hashes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Attendee, Event
from web.services.importing.records import AttendeeRecord

log = logging.getLogger(__name__)


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


LINK_HEADERS = ("Name", "Email", "Private link")


def reissue_links(session: Session, event: Event, everyone: bool) -> list[Recipient]:
    """New private links for the organizer's own mail merge, name order.

    Only hashes are stored, so exporting a link means issuing a new one: the old link
    of each attendee included stops working and their sessions end. By default only
    attendees who never opened their current link are included (imported people
    before the event), so nobody who is using theirs is signed out; `everyone`
    replaces all. Flushes; the caller commits.
    """
    query = (
        sa.select(Attendee)
        .where(Attendee.event_id == event.id)
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
    )
    if not everyone:
        query = query.where(Attendee.link_used_at.is_(None))
    issued = [
        Recipient(attendee.email, attendee.name, attendee.reissue_private_link())
        for attendee in session.scalars(query)
    ]
    session.flush()
    log.info("event %s: %d private links re-issued for export", event.slug, len(issued))
    return issued


def link_rows(recipients: list[Recipient], private_link: Callable[[str], str]) -> list[list[str]]:
    """One row per attendee: name, email, the absolute private link."""
    return [[r.name, r.email, private_link(r.token)] for r in recipients]
