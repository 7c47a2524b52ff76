"""API keys on the organizer console and the command line: create (shown once), revoke."""

from __future__ import annotations

import logging
from typing import Any

import click
import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from models import ApiKey, Organizer
from web.api.keys import MAX_NAME, create_key, keys_of, revoke_key
from web.db import get_session, session_factory
from web.organizer import bp
from web.organizer.auth import current_organizer, organizer_required
from web.organizer.forms import EmptyForm

log = logging.getLogger(__name__)

PRIVATE = {"Cache-Control": "no-store"}  # the page may show a key once


class ApiKeyForm(FlaskForm):
    """Name a new key after the tool that will use it."""

    name = StringField(
        "Name",
        description="Which tool will use it, e.g. “Eventbrite sync” or “CRM export”.",
        validators=[Length(max=MAX_NAME, message=f"At most {MAX_NAME} characters.")],
    )


def _page(form: ApiKeyForm, new_key: str | None = None, status: int = 200) -> Any:
    organizer = current_organizer()
    assert organizer is not None
    keys = keys_of(get_session(), organizer)
    body = render_template(
        "organizer/api_keys.html",
        form=form,
        keys=keys,
        new_key=new_key,
        revoke_form=EmptyForm(),
        docs_url=url_for("api.openapi"),
    )
    return body, status, PRIVATE


@bp.get("/api-keys")
@organizer_required
def api_keys() -> Any:
    """The organizer's API keys: when each was created and last used; create or revoke."""
    return _page(ApiKeyForm())


@bp.post("/api-keys")
@organizer_required
def create_api_key() -> Any:
    """Create a key and show it once (only its hash is kept)."""
    form = ApiKeyForm()
    if not form.validate_on_submit():
        return _page(form, status=400)
    organizer = current_organizer()
    assert organizer is not None
    _row, key = create_key(get_session(), organizer, form.name.data or "")
    return _page(ApiKeyForm(formdata=None), new_key=key, status=201)


@bp.post("/api-keys/<prefix>/revoke")
@organizer_required
def revoke_api_key(prefix: str) -> Any:
    """Revoke one of the organizer's keys at once."""
    organizer = current_organizer()
    assert organizer is not None
    key = get_session().scalar(
        sa.select(ApiKey).where(ApiKey.prefix == prefix, ApiKey.organizer_id == organizer.id)
    )
    if key is None:
        abort(404)
    if not EmptyForm().validate_on_submit():
        flash("The form expired; please try again.", "error")
    elif revoke_key(get_session(), key):
        flash(f"Key {key.prefix} ({key.name}) is revoked; tools using it are refused.", "success")
    return redirect(url_for("organizer.api_keys"))


@bp.cli.command("create-api-key")
@click.argument("email")
@click.option("--name", default="", help="Which tool will use the key.")
def create_api_key_command(email: str, name: str) -> None:
    """Create an API key for the organizer EMAIL and print it (it is shown only once)."""
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from None
    with session_factory()() as session:
        organizer = session.scalar(sa.select(Organizer).where(Organizer.email == email))
        if organizer is None:
            raise click.ClickException(f"There is no organizer with the email {email}.")
        row, key = create_key(session, organizer, name)
        session.commit()
        click.echo(f"API key {row.prefix} ({row.name}) for {email}. Keep it secret:")
        click.echo(key)
        click.echo("It is not shown again. Send it as `Authorization: Bearer <key>`.")


@bp.cli.command("revoke-api-key")
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
