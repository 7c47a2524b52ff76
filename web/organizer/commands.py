"""Organizer commands: create-organizer, create-event, import, match."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click
import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy.exc import IntegrityError

from models import Event, Organizer
from web.db import session_factory
from web.importing import FIELDS, ImportFileError, Plan, analyse, check, commit, overrides_by_name
from web.mail import mail_configured
from web.organizer import bp
from web.organizer.auth import MIN_PASSWORD_LENGTH, hash_password
from web.organizer.forms import SLUG_HELP, SLUG_PATTERN
from web.organizer.links import RecipientList, send_private_links


def _valid_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from None


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.UsageError(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return password


@bp.cli.command("create-organizer")
@click.argument("email")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (scripts)."
)
@click.option("--reset-password", is_flag=True, help="Set a new password for an existing account.")
def create_organizer_command(email: str, password_stdin: bool, reset_password: bool) -> None:
    """Create an organizer account (asks for the password twice)."""
    email = _valid_email(email)
    with session_factory()() as session:
        organizer = session.scalar(sa.select(Organizer).where(Organizer.email == email))
        if organizer is not None and not reset_password:
            raise click.ClickException(
                f"An organizer with the email {email} exists; "
                "use --reset-password to give it a new password."
            )
        if organizer is None and reset_password:
            raise click.ClickException(f"There is no organizer with the email {email}.")
        password = _read_password(password_stdin)
        if organizer is None:
            organizer = Organizer(email=email, password_hash=hash_password(password))
            session.add(organizer)
            message = f"Organizer {email} created. Sign in at /organizer/login."
        else:
            organizer.password_hash = hash_password(password)
            message = f"Password of {email} changed; other sessions are signed out."
        session.commit()
    click.echo(message)


@bp.cli.command("create-event")
@click.argument("slug")
@click.option("--name", required=True, help="The event's name, as attendees see it.")
@click.option("--organizer", "organizer_email", help="Email of the organizer who runs it.")
@click.option("--date", "starts_on", help="The date, YYYY-MM-DD.")
@click.option("--signup/--no-signup", default=True, show_default=True, help="Sign-up open.")
@click.option("--suggestions", default=5, show_default=True, type=click.IntRange(1, 20))
@click.option("--exposure-cap", type=click.IntRange(1, 1000), help="Max lists per person.")
@click.option("--exclude-same-company", is_flag=True, help="Never pair colleagues.")
def create_event_command(
    slug: str,
    name: str,
    organizer_email: str | None,
    starts_on: str | None,
    signup: bool,
    suggestions: int,
    exposure_cap: int | None,
    exclude_same_company: bool,
) -> None:
    """Create an event with the short name SLUG (used in its sign-up link)."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise click.BadParameter(SLUG_HELP, param_hint="SLUG")
    date = None
    if starts_on:
        try:
            date = dt.date.fromisoformat(starts_on)
        except ValueError:
            raise click.BadParameter("use YYYY-MM-DD", param_hint="--date") from None
    with session_factory()() as session:
        if session.scalar(sa.select(Event.id).where(Event.slug == slug)) is not None:
            raise click.ClickException(f"An event with the short name {slug!r} exists already.")
        organizer = None
        if organizer_email:
            email = _valid_email(organizer_email)
            organizer = session.scalar(sa.select(Organizer).where(Organizer.email == email))
            if organizer is None:
                raise click.ClickException(
                    f"No organizer {email}; create it with: commonground create-organizer {email}"
                )
        event = Event(
            slug=slug,
            name=name.strip(),
            starts_on=date,
            signup_open=signup,
            suggestions_per_attendee=suggestions,
            exposure_cap=exposure_cap,
            exclude_same_company=exclude_same_company,
            organizer=organizer,
        )
        session.add(event)
        session.commit()
    owner = f" for {organizer.email}" if organizer else " (no organizer: only the CLI manages it)"
    click.echo(f"Event '{name}' created{owner}. Sign-up link: /e/{slug}/join")


def event_or_fail(session: sa.orm.Session, slug: str) -> Event:
    """The event `slug`, or a clear CLI error."""
    event = session.scalar(sa.select(Event).where(Event.slug == slug))
    if event is None:
        raise click.ClickException(f"There is no event {slug!r}.")
    return event


@bp.cli.command("match")
@click.argument("slug")
def match_command(slug: str) -> None:
    """Compute every attendee's suggested introductions, with a progress bar."""
    from web.organizer.runs import NOTHING_TO_MATCH
    from web.runs import RunInProgress, create_run, execute_run

    with session_factory()() as session:
        event = event_or_fail(session, slug)
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        run = create_run(session_factory(), event.id)
    except RunInProgress as busy:
        raise click.ClickException(
            f"Matching is already running for {slug} (run {busy.run.id}, "
            f"{round(busy.run.progress * 100)}%). Wait for it to finish."
        ) from None
    with click.progressbar(length=1000, label="Matching", show_eta=False) as bar:
        last = [0]

        def on_progress(phase: str, fraction: float) -> None:
            step = int(fraction * 1000)
            if step > last[0]:
                bar.update(step - last[0])
                last[0] = step

        run = execute_run(app, run.id, on_progress=on_progress)
    if run.status != "done":
        raise click.ClickException(run.error or "Matching failed.")
    if not run.suggestions:
        click.echo(f"No suggestions for event {slug}: {NOTHING_TO_MATCH}")
        return
    click.echo(f"{run.suggestions} suggested introductions for event {slug}.")


@bp.cli.command("import")
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
    base_url = current_app.config.get("PUBLIC_BASE_URL", "")
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
            click.echo(
                f"Dry run: {report.valid} attendees would be imported "
                f"({report.new} new, {report.existing} updated{skipped}). Nothing was saved."
            )
            return
        session.commit()
    click.echo(
        f"Imported {report.valid} attendees into {slug}: {report.created} new, "
        f"{report.updated} updated, {report.unchanged} unchanged{skipped}."
    )
    if recipients:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        with click.progressbar(length=len(recipients), label="Emailing private links") as bar:
            sent = send_private_links(app, event.id, recipients, base_url, bar.update)
        click.echo(f"Emailed {sent} of {len(recipients)} private links.")


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
