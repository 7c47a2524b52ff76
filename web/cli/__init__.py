"""The `commonground` command: Flask's CLI of the app plus our own commands.

Every command lives in one module per group here and is registered by `init_app`.
"""

from __future__ import annotations

import os
import sys

import click
from flask import Flask
from flask.cli import FlaskGroup

from web.cli import (
    api_keys,
    downloads,
    imports,
    links,
    matching,
    meetings,
    reminders,
    setup,
    worker,
)


def init_app(app: Flask) -> None:
    """Register every project command at the top level of the app's CLI."""
    for command in (
        setup.init_db_command,
        setup.demo_command,
        setup.create_organizer_command,
        setup.create_event_command,
        api_keys.create_api_key_command,
        api_keys.revoke_api_key_command,
        imports.import_command,
        matching.match_command,
        downloads.export_command,
        downloads.badges_command,
        downloads.rounds_command,
        links.links_command,
        reminders.send_reminders_command,
        meetings.send_meeting_reminders_command,
        worker.worker_command,
        worker.scheduler_command,
    ):
        app.cli.add_command(command)


def _create_app() -> Flask:
    from matcher import ModelUnavailable
    from web import create_app

    try:
        return create_app()
    except ModelUnavailable as exc:  # a clear line naming MATCHER_MODEL, not a traceback
        raise click.ClickException(str(exc)) from None


cli = FlaskGroup(
    create_app=_create_app,
    help="Common Ground: event-networking matchmaking. Try `commonground demo`.",
)


def main() -> None:
    """Entry point of the `commonground` console script.

    A database that cannot be reached or an address SQLAlchemy does not understand,
    and a file that cannot be written, end the command with one line saying so
    (exit status 1), never a traceback.
    """
    try:
        cli(prog_name="commonground")
    except Exception as exc:  # each known kind gets its one line below; others propagate
        message = failure_line(exc)
        if message is None:
            raise
        click.echo(f"Error: {message}", err=True)
        sys.exit(1)


def failure_line(exc: BaseException) -> str | None:
    """One line for the operator about a failure outside any command's own checks."""
    import sqlalchemy.exc

    where = _database_address()
    if isinstance(exc, sqlalchemy.exc.NoSuchModuleError | sqlalchemy.exc.ArgumentError):
        return (
            f"DATABASE_URL ({where}) is not a database address this program understands, "
            "e.g. postgresql://user@host/db or sqlite:////path/to/file.db."
        )
    if isinstance(exc, sqlalchemy.exc.OperationalError | sqlalchemy.exc.InterfaceError):
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        return f"Cannot use the database at {where}: {reason}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"Cannot write {exc.filename or 'a file'}: {exc.strerror}."
    return None


def _database_address() -> str:
    """DATABASE_URL as configured, without its password."""
    import sqlalchemy as sa

    url = os.environ.get("DATABASE_URL") or "the default SQLite file in instance/"
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: never echo what may be a password
        return url.rsplit("@", 1)[-1]
