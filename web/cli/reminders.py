"""`commonground send-reminders`: email attendees their due follow-ups."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from web.cli.common import follow_jobs
from web.config import broker_url
from web.db import session_factory
from web.mail import mail_configured
from web.tasks import queue_reminders


@click.command("send-reminders")
@with_appcontext
def send_reminders_command() -> None:
    """Email attendees a reminder for follow-ups that are due (needs SMTP_HOST).

    Run it hourly from cron, or let `commonground scheduler` ask for it.
    """
    if not mail_configured():
        raise click.ClickException(
            "SMTP is not configured: set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD, "
            "SMTP_FROM as needed) to send reminders."
        )
    with session_factory()() as session:
        mails = queue_reminders(session)
        covered = sum(len(job.args["contact_ids"]) for job in mails)
        job_ids = [job.id for job in mails]
        session.commit()
    if broker_url():
        click.echo(f"Queued {len(job_ids)} reminder email(s) covering {covered} contact(s).")
        return
    sent, retrying, _failed = follow_jobs(job_ids, "Sending reminders")
    later = f"; {retrying} will be retried (the mail server did not answer)" if retrying else ""
    click.echo(f"Sent {sent} reminder email(s) covering {covered} contact(s){later}.")
