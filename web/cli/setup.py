"""Setting up: `init-db`, `demo`, `create-organizer`, `create-event`."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from models import Event, Organizer
from models.migrate import upgrade
from web.cli.common import valid_email
from web.config import public_base_url
from web.db import session_factory
from web.extensions import get_matcher
from web.organizer.auth import MIN_PASSWORD_LENGTH, hash_password
from web.organizer.forms import SLUG_HELP, SLUG_PATTERN
from web.services.demo import attendee_count, demo_event, demo_private_link, upsert_demo_people
from web.services.matching import refresh_suggestions
from web.services.meeting_setup import ensure_demo_meetings
from web.services.profile_text import clean_name

log = logging.getLogger(__name__)


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    upgrade(current_app.extensions["cg_engine"])
    click.echo("Database is up to date.")


@click.command("demo")
@click.option("--slug", default="demo", show_default=True, help="Event slug to create.")
@with_appcontext
def demo_command(slug: str) -> None:
    """Create (or refresh) the demo event with realistic attendees and suggestions."""
    upgrade(current_app.extensions["cg_engine"])  # so it also works before `init-db`
    with session_factory()() as session:
        event = demo_event(session, slug)
        upsert_demo_people(session, event)
        # Meeting places and times from today on: the meeting journey works at once.
        ensure_demo_meetings(session, event)
        # The people first: the matcher's phrase cache writes in its own
        # transactions, and SQLite has a single writer.
        session.commit()
        suggestions = refresh_suggestions(session, get_matcher(), event)
        seen_as = demo_private_link(session, event)
        session.commit()
        name, count = event.name, attendee_count(session, event)
    log.info("demo event %s: %d attendees, %d suggestions", slug, count, suggestions)
    base = public_base_url(fallback="http://127.0.0.1:5000")
    click.echo(f"Demo event '{name}' has {count} attendees.")
    click.echo(f"  Sign up and meet them:   {base}/e/{slug}/join")
    if seen_as:
        name, token = seen_as
        click.echo(f"  Or see it as {name}: {base}/m/{token}")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.UsageError(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return password


@click.command("create-organizer")
@with_appcontext
@click.argument("email")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (scripts)."
)
@click.option("--reset-password", is_flag=True, help="Set a new password for an existing account.")
def create_organizer_command(email: str, password_stdin: bool, reset_password: bool) -> None:
    """Create an organizer account (asks for the password twice)."""
    email = valid_email(email)
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
            organizer.end_sessions()
            message = f"Password of {email} changed; other sessions are signed out."
        session.commit()
    click.echo(message)


@click.command("create-event")
@with_appcontext
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
    name = clean_name(name)  # one line, as attendees see it (it goes into email subjects)
    if not name:
        raise click.BadParameter("give the event a name", param_hint="--name")
    with session_factory()() as session:
        if session.scalar(sa.select(Event.id).where(Event.slug == slug)) is not None:
            raise click.ClickException(f"An event with the short name {slug!r} exists already.")
        organizer = None
        if organizer_email:
            email = valid_email(organizer_email)
            organizer = session.scalar(sa.select(Organizer).where(Organizer.email == email))
            if organizer is None:
                raise click.ClickException(
                    f"No organizer {email}; create it with: commonground create-organizer {email}"
                )
        event = Event(
            slug=slug,
            name=name,
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
