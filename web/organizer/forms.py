"""Flask-WTF forms of the organizer console (every POST carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, EmailField, IntegerField, PasswordField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
SLUG_HELP = "Lower-case letters, digits and dashes, e.g. climate-summit-2026."


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for one-button POSTs."""


class LoginForm(FlaskForm):
    """Organizer sign-in."""

    email = EmailField("Email", validators=[DataRequired("Enter your email."), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


class EventForm(FlaskForm):
    """Create or edit an event (the slug is fixed once sign-up links are out)."""

    name = StringField(
        "Event name", validators=[DataRequired("Give the event a name."), Length(max=200)]
    )
    slug = StringField(
        "Short name for links",
        description=SLUG_HELP,
        validators=[
            DataRequired("Choose a short name for the sign-up link."),
            Length(max=64),
            Regexp(SLUG_PATTERN, message=SLUG_HELP),
        ],
    )
    starts_on = DateField("Date", validators=[Optional()])
    signup_open = BooleanField("Sign-up is open", default=True)
    suggestions_per_attendee = IntegerField(
        "Suggestions per attendee",
        default=5,
        validators=[
            InputRequired("How many introductions should each attendee get?"),
            NumberRange(1, 20, "Between 1 and 20."),
        ],
    )
    exposure_cap = IntegerField(
        "Exposure cap",
        description="How many attendees' lists one person may appear in. "
        "Leave empty for three times the suggestions per attendee.",
        validators=[Optional(), NumberRange(1, 1000, "Between 1 and 1000, or empty.")],
    )
    exclude_same_company = BooleanField("Do not introduce colleagues from the same company")


class ImportUploadForm(FlaskForm):
    """Step 1 of an import: the registration export file."""

    file = FileField(
        "Registration export (CSV)",
        validators=[FileRequired("Choose the CSV file exported from your registration system.")],
    )
