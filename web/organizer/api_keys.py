"""API keys on the organizer console: create (shown once), revoke."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from models import ApiKey
from web.db import get_session
from web.organizer import bp
from web.organizer.auth import current_organizer, organizer_required
from web.organizer.forms import EmptyForm
from web.services.api_keys import MAX_NAME, create_key, keys_of, revoke_key

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
