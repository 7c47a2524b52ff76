"""`commonground send-meeting-reminders`: remind both people shortly before a meeting."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from models import utcnow
from web.cli.common import follow_jobs
from web.config import broker_url
from web.db import session_factory
from web.mail import mail_configured
from web.services.jobs import enqueued
from web.services.meeting_mail import REMIND_BEFORE, remind_meetings


@click.command("send-meeting-reminders")
@with_appcontext
def send_meeting_reminders_command() -> None:
    """Remind attendees of meetings starting within the hour (run it every few minutes).

    The reminder appears on both people's pages, and comes by email when SMTP_HOST is
    set and they keep meeting emails on. `commonground scheduler` asks for it too.
    """
    with session_factory()() as session:
        meetings = remind_meetings(session, utcnow())
        mails = enqueued(session)
        session.commit()
    minutes = int(REMIND_BEFORE.total_seconds() // 60)
    reminded = f"Reminded {len(meetings)} meeting(s) starting within {minutes} minutes"
    if not mail_configured():
        click.echo(f"{reminded}; emails are off (no SMTP_HOST).")
    elif broker_url():
        click.echo(f"{reminded}; {len(mails)} email(s) queued for the workers.")
    else:
        sent, retrying, _failed = follow_jobs(mails, "Emailing reminders")
        later = f"; {retrying} will be retried" if retrying else ""
        click.echo(f"{reminded}; sent {sent} email(s){later}.")
