"""The `commonground` command: Flask's CLI of the app plus our own commands."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from models.migrate import upgrade


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
    from web.demo import create_demo, demo_private_link

    event, count = create_demo(slug)
    base = current_app.config.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000"
    click.echo(f"Demo event '{event.name}' has {count} attendees.")
    click.echo(f"  Sign up and meet them:   {base}/e/{event.slug}/join")
    seen_as = demo_private_link(slug)
    if seen_as:
        name, token = seen_as
        click.echo(f"  Or see it as {name}: {base}/m/{token}")


def init_app(app: Flask) -> None:
    """Register the project's commands on the app's CLI."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(demo_command)


def _create_app() -> Flask:
    from matcher.encoding import ModelUnavailable
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
    """Entry point of the `commonground` console script."""
    cli(prog_name="commonground")
