"""API keys from the command line: `create-api-key` (shown once), `revoke-api-key`."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from models import ApiKey, Organizer
from web.cli.common import valid_email
from web.db import session_factory
from web.services.api_keys import create_key, revoke_key


@click.command("create-api-key")
@with_appcontext
@click.argument("email")
@click.option("--name", default="", help="Which tool will use the key.")
def create_api_key_command(email: str, name: str) -> None:
    """Create an API key for the organizer EMAIL and print it (it is shown only once)."""
    email = valid_email(email)
    with session_factory()() as session:
        organizer = session.scalar(sa.select(Organizer).where(Organizer.email == email))
        if organizer is None:
            raise click.ClickException(f"There is no organizer with the email {email}.")
        row, key = create_key(session, organizer, name)
        session.commit()
        click.echo(f"API key {row.prefix} ({row.name}) for {email}. Keep it secret:")
        click.echo(key)
        click.echo("It is not shown again. Send it as `Authorization: Bearer <key>`.")


@click.command("revoke-api-key")
@with_appcontext
@click.argument("prefix")
def revoke_api_key_command(prefix: str) -> None:
    """Revoke the API key whose prefix (e.g. cg_1a2b3c4d) is PREFIX."""
    name = "_".join(prefix.strip().split("_")[:2])  # a pasted whole key works too
    with session_factory()() as session:
        key = session.scalar(sa.select(ApiKey).where(ApiKey.prefix == name))
        if key is None:
            raise click.ClickException(f"There is no API key {name}.")
        if not revoke_key(session, key):
            click.echo(f"API key {name} was already revoked.")
            return
        session.commit()
    click.echo(f"API key {name} is revoked.")
