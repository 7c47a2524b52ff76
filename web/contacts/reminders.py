"""Reminder emails for follow-ups that are due (`commonground send-reminders`).

A contact is due for a reminder once it is within `REMIND_BEFORE` of its
follow-up-by time (24 hours after saving, with the default 48-hour window), not
yet marked done and never reminded. Each owner gets one email listing their due
contacts with the drafted messages. A contact is claimed (reminded_at set and
committed) before its email is sent, so two runs at once never remind twice;
when sending fails the claim is released and the next run tries again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from email.message import EmailMessage

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from matcher.followup import draft_follow_up
from matcher.wording import first_name
from models import Attendee, Contact, Event, utcnow
from web.contacts.operations import common_ground_with_ties, email_visible
from web.db import session_factory
from web.mail import deliver, mail_configured
from web.matching import profile_of

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
    """Mark these contacts reminded, one by one; returns those this run claimed."""
    claimed = []
    for contact_id in contact_ids:
        result = session.execute(
            sa.update(Contact)
            .where(Contact.id == contact_id, Contact.reminded_at.is_(None))
            .values(reminded_at=now)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(contact_id)
    session.commit()
    return claimed


def reminder_message(
    session: Session, owner: Attendee, event: Event, contacts: list[Contact]
) -> EmailMessage:
    """One email to `owner` with each due contact, its note and a drafted follow-up."""
    names = [c.other.name for c in contacts]
    others = f" and {len(names) - 1} more" if len(names) > 1 else ""
    message = EmailMessage()
    message["To"] = owner.email
    message["Subject"] = f"Follow up with {names[0]}{others} from {event.name}"
    parts = [
        f"Hi {first_name(owner.name) or owner.name},",
        f"You met {', '.join(names)} at {event.name}. A short note while the conversation "
        "is still fresh goes a long way — here is a draft for each, ready to send or edit.",
    ]
    for contact in contacts:
        other = contact.other
        cg = common_ground_with_ties(session, owner, other)
        draft = draft_follow_up(profile_of(owner), profile_of(other), cg, contact.note, event.name)
        email = other.email if email_visible(session, owner, other) else None
        header = f"— {other.name}" + (f" <{email}>" if email else "")
        lines = [header]
        if contact.note:
            lines.append(f"Your note: {contact.note}")
        lines += ["", draft.body]
        parts.append("\n".join(lines))
    base = current_app.config.get("PUBLIC_BASE_URL", "")
    if base:
        parts.append(f"Your contacts: {base}/e/{event.slug}/me/contacts")
    parts.append("You get one reminder per contact. Mark a follow-up done on your contacts page.")
    message.set_content("\n\n".join(parts))
    return message


def send_reminders(now: dt.datetime | None = None) -> tuple[int, int]:
    """Email every owner their due follow-ups; returns (emails sent, contacts reminded)."""
    now = now or utcnow()
    sessions = session_factory()
    with sessions() as session:
        claimed = claim(session, due_contact_ids(session, now), now)
        by_owner: dict[int, list[Contact]] = defaultdict(list)
        for contact in session.scalars(
            sa.select(Contact).where(Contact.id.in_(claimed)).order_by(Contact.follow_up_by)
        ):
            by_owner[contact.owner_id].append(contact)
        sent = reminded = 0
        for owner_id, contacts in by_owner.items():
            owner = session.get(Attendee, owner_id)
            if owner is None:  # pragma: no cover - deleted meanwhile (cascade)
                continue
            message = reminder_message(session, owner, owner.event, contacts)
            if deliver(message):
                sent += 1
                reminded += len(contacts)
            else:
                # Release the claim so the next run tries again.
                session.execute(
                    sa.update(Contact)
                    .where(Contact.id.in_([c.id for c in contacts]))
                    .values(reminded_at=None)
                )
                session.commit()
        return sent, reminded


@click.command("send-reminders")
@with_appcontext
def send_reminders_command() -> None:
    """Email attendees a reminder for follow-ups that are due (needs SMTP_HOST)."""
    if not mail_configured():
        raise click.ClickException(
            "SMTP is not configured: set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD, "
            "SMTP_FROM as needed) to send reminders."
        )
    sent, reminded = send_reminders()
    click.echo(f"Sent {sent} reminder email(s) covering {reminded} contact(s).")
