"""Forms of the contact exchange; every POST carries a CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import AnyOf, Length

from web.services.contacts import MAX_NOTE_LENGTH


class SaveContactForm(FlaskForm):
    """Save someone after scanning their badge, with an optional private note."""

    note = TextAreaField(
        "Note (only you see it)",
        validators=[
            Length(
                max=MAX_NOTE_LENGTH, message=f"Keep the note under {MAX_NOTE_LENGTH} characters."
            )
        ],
        render_kw={"rows": 3, "maxlength": MAX_NOTE_LENGTH, "autocomplete": "off"},
    )


class DoneForm(FlaskForm):
    """Mark a follow-up done ("1") or not done again ("0")."""

    done = HiddenField(validators=[AnyOf(["0", "1"])])
