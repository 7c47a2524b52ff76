"""`commonground import`: attendees from an Eventbrite, Luma or generic CSV file."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import IntegrityError

from web.cli.common import event_or_fail, follow_jobs
from web.config import broker_url, configured_base_url
from web.db import session_factory
from web.mail import mail_configured
from web.services.importing import (
    FIELDS,
    ImportFileError,
    Plan,
    Report,
    analyse,
    check,
    commit,
    overrides_by_name,
)
from web.services.private_links import RecipientList
from web.tasks import mail_private_links


@click.command("import")
@with_appcontext
@click.argument("slug")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and show what would change.")
@click.option(
    "--map",
    "assignments",
    multiple=True,
    metavar="COLUMN=field",
    help="Import COLUMN as field (repeatable), e.g. --map 'Your goals=looking_for'. "
    "Fields: " + ", ".join(FIELDS) + ".",
)
@click.option(
    "--send-links",
    is_flag=True,
    help="Email each new attendee their private link (needs SMTP_HOST and PUBLIC_BASE_URL).",
)
def import_command(
    slug: str, file: Path, dry_run: bool, assignments: tuple[str, ...], send_links: bool
) -> None:
    """Import attendees of SLUG from an Eventbrite, Luma or generic CSV FILE (all or nothing)."""
    base_url = configured_base_url()
    if send_links and not (mail_configured() and base_url):
        raise click.UsageError(
            "--send-links needs SMTP_HOST (to send) and PUBLIC_BASE_URL (for the links)."
        )
    recipients = RecipientList()
    with session_factory()() as session:
        event = event_or_fail(session, slug)
        try:
            plan = analyse(file)
            plan = analyse(file, overrides_by_name(plan.info.header, list(assignments)))
            _describe_plan(plan)
            if dry_run:
                report = check(session, event.id, plan)
            else:
                collect = recipients.collect if send_links else None
                report = commit(session, event.id, plan, collect)
        except ImportFileError as exc:
            raise click.ClickException(str(exc)) from None
        except IntegrityError:
            session.rollback()
            raise click.ClickException(
                "Someone signed up during the import, so nothing was imported; run it again."
            ) from None
        for problem in report.problems:
            click.echo(f"Mapping: {problem}", err=True)
        for error in report.errors:
            click.echo(str(error), err=True)
        if report.error_count > len(report.errors):
            click.echo(f"… and {report.error_count - len(report.errors)} more rows.", err=True)
        if not report.ok:
            reason = "mapping problems" if report.problems else f"{report.error_count} bad rows"
            raise click.ClickException(f"Nothing was imported ({reason}).")
        skipped = (
            f", {report.skipped_count} skipped (not attending)" if report.skipped_count else ""
        )
        if dry_run:
            _describe_samples(report)
            click.echo(
                f"Dry run: {report.valid} attendees would be imported "
                f"({report.new} new, {report.existing} updated{skipped}). Nothing was saved."
            )
            return
        mails = mail_private_links(session, event.id, [r.email for r in recipients])
        job_ids = [job.id for job in mails]
        session.commit()
    click.echo(
        f"Imported {report.valid} attendees into {slug}: {report.created} new, "
        f"{report.updated} updated, {report.unchanged} unchanged{skipped}."
    )
    if job_ids and not broker_url():
        sent, retrying, _failed = follow_jobs(job_ids, "Emailing private links")
        later = f"; {retrying} will be retried (the mail server did not answer)" if retrying else ""
        click.echo(f"Emailed {sent} of {len(job_ids)} private links{later}.")
    elif job_ids:
        follow_jobs(job_ids, "Emailing private links")


# List fields as the dry run shows them: each item in brackets, as the matching reads it.
_LISTS = (
    ("interests", "Interests"),
    ("personal_interests", "Personal interests"),
    ("looking_for", "Looking for"),
    ("offering", "Can offer"),
    ("organizations", "Organizations"),
)


def _describe_samples(report: Report) -> None:
    """The first attendees with their list fields split into items, so the organizer
    sees what became one item ("seed investors, a CTO" is two)."""
    if report.samples:
        click.echo("First attendees as they would be imported (one [item] each):")
    for record in report.samples:
        values = record.values
        click.echo(f"  {values.get('name', '')} <{record.email}>")
        for key, label in _LISTS:
            if values.get(key):
                click.echo(f"    {label}: " + " ".join(f"[{item}]" for item in values[key]))


def _describe_plan(plan: Plan) -> None:
    click.echo(f"{plan.format_name}, {plan.info.encoding_label}.")
    for warning in plan.info.warnings:
        click.echo(f"Warning: {warning}", err=True)
    ignored = []
    for column in plan.columns:
        if column.field == "ignore":
            ignored.append(column.header)
        else:
            click.echo(f"  {column.header} → {FIELDS[column.field]}")
    if ignored:
        click.echo(f"  Ignored: {', '.join(ignored)}")
