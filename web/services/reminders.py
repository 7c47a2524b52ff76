"""Reminder emails for follow-ups that are due (`commonground send-reminders`).

A contact is due for a reminder once it is within `REMIND_BEFORE` of its
follow-up-by time (24 hours after saving, with the default 48-hour window), not
yet marked done and never reminded. Each owner gets one email listing their due
contacts with the drafted messages. A contact is claimed (reminded_at set and
committed, with the job that emails it) before its email is sent, so two runs at
once never remind twice; the email is retried with backoff, and when it never
goes the claim is released and a later run tries again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from email.message import EmailMessage
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from matcher import Matcher, draft_follow_up, wording
from models import Attendee, Contact, Event, utcnow
from web.services.common_ground import common_ground_with_ties
from web.services.contacts import email_visible
from web.services.emails import header_text
from web.services.matching import profile_of

log = logging.getLogger(__name__)

REMIND_BEFORE = dt.timedelta(hours=24)


def due_contact_ids(session: Session, now: dt.datetime) -> list[int]:
    """Contacts to remind about now: open, never reminded, close to (or past) their time."""
    return list(
        session.scalars(
            sa.select(Contact.id)
            .where(
                Contact.followed_up_at.is_(None),
                Contact.reminded_at.is_(None),
                Contact.follow_up_by <= now + REMIND_BEFORE,
            )
            .order_by(Contact.owner_id, Contact.follow_up_by)
        )
    )


def claim(session: Session, contact_ids: list[int], now: dt.datetime) -> list[int]:
    """Mark these contacts reminded, one by one; returns those this run claimed. Flushes."""
    claimed = []
    for contact_id in contact_ids:
        result = session.execute(
            sa.update(Contact)
            .where(Contact.id == contact_id, Contact.reminded_at.is_(None))
            .values(reminded_at=now)
        )
        if cast(CursorResult[Any], result).rowcount == 1:
            claimed.append(contact_id)
    return claimed


def reminder_message(
    session: Session,
    matcher: Matcher,
    owner: Attendee,
    event: Event,
    contacts: list[Contact],
    base_url: str = "",
) -> EmailMessage:
    """One email to `owner` with each due contact, its note and a drafted follow-up."""
    names = [c.other.name for c in contacts]
    others = f" and {len(names) - 1} more" if len(names) > 1 else ""
    message = EmailMessage()
    message["To"] = owner.email
    message["Subject"] = header_text(f"Follow up with {names[0]}{others} from {event.name}")
    parts = [
        f"Hi {wording.first_name(owner.name) or owner.name},",
        f"You met {', '.join(names)} at {event.name}. A short note while the conversation "
        "is still fresh goes a long way — here is a draft for each, ready to send or edit.",
    ]
    for contact in contacts:
        other = contact.other
        cg = common_ground_with_ties(session, matcher, owner, other)
        draft = draft_follow_up(profile_of(owner), profile_of(other), cg, contact.note, event.name)
        email = other.email if email_visible(session, owner, other) else None
        header = f"— {other.name}" + (f" <{email}>" if email else "")
        lines = [header]
        if contact.note:
            lines.append(f"Your note: {contact.note}")
        lines += ["", draft.body]
        parts.append("\n".join(lines))
    if base_url:
        parts.append(f"Your contacts: {base_url}/e/{event.slug}/me/contacts")
    parts.append("You get one reminder per contact. Mark a follow-up done on your contacts page.")
    message.set_content("\n\n".join(parts))
    return message


def claim_due(session: Session, now: dt.datetime | None = None) -> dict[int, list[int]]:
    """Claim every contact due for a reminder: owner id -> their contact ids. Flushes.

    The claim (reminded_at) commits with the jobs that email them (web/tasks.py), so
    two runs at once never remind twice, and a crash loses no reminder.
    """
    now = now or utcnow()
    claimed = claim(session, due_contact_ids(session, now), now)
    by_owner: dict[int, list[int]] = defaultdict(list)
    for owner_id, contact_id in session.execute(
        sa.select(Contact.owner_id, Contact.id)
        .where(Contact.id.in_(claimed))
        .order_by(Contact.owner_id, Contact.follow_up_by)
    ):
        by_owner[owner_id].append(contact_id)
    return dict(by_owner)


def owner_reminder(
    session: Session, matcher: Matcher, owner_id: int, contact_ids: list[int], base_url: str = ""
) -> EmailMessage | None:
    """The reminder email for `owner_id` about these contacts (None when none is left)."""
    owner = session.get(Attendee, owner_id)
    contacts = list(
        session.scalars(
            sa.select(Contact)
            .where(Contact.id.in_(contact_ids), Contact.owner_id == owner_id)
            .order_by(Contact.follow_up_by)
        )
    )
    if owner is None or not contacts:  # deleted meanwhile
        return None
    return reminder_message(session, matcher, owner, owner.event, contacts, base_url)


def release(session: Session, contact_ids: list[int]) -> None:
    """Give the claim on these contacts up, so a later run reminds again. Flushes."""
    session.execute(sa.update(Contact).where(Contact.id.in_(contact_ids)).values(reminded_at=None))
