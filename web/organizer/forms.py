"""Flask-WTF forms of the organizer console (every POST carries a CSRF token)."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from web.services.profile_text import clean_name

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
SLUG_HELP = "Lower-case letters, digits and dashes, e.g. climate-summit-2026."
# How much shared personal interests count against professional ones (Event.personal_weight):
# "" is the matcher's default.
_BALANCES = [
    ("", "Work first, hobbies help (default)"),
    ("0.2", "Work only, hobbies barely count"),
    ("1.0", "Work and hobbies count equally"),
]
try:  # wtforms >= 3.3 deprecates (value, label) tuples
    from wtforms.fields.choices import SelectChoice

    BALANCE_CHOICES: list[Any] = [SelectChoice(value, label) for value, label in _BALANCES]
except ImportError:  # pragma: no cover - older wtforms
    BALANCE_CHOICES = list(_BALANCES)


def _balance(value: object) -> str:
    """A stored weight (or a submitted choice) as the choice it is."""
    return "" if value in (None, "", "None") else str(float(str(value)))


class BalanceField(SelectField):
    """The balance choice; a stored None (the matcher's default) is the "" choice."""

    def process_data(self, value: object) -> None:
        """Take the stored weight (None included) as its choice."""
        self.data = _balance(value)


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for one-button POSTs."""


class LoginForm(FlaskForm):
    """Organizer sign-in."""

    email = EmailField("Email", validators=[DataRequired("Enter your email."), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


class EventForm(FlaskForm):
    """Create or edit an event (the slug is fixed once sign-up links are out)."""

    name = StringField(
        "Event name",
        filters=[lambda v: clean_name(v) if isinstance(v, str) else v],  # one line, as shown
        validators=[DataRequired("Give the event a name."), Length(max=200)],
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
    personal_weight = BalanceField(
        "What introductions rest on",
        description="How much shared personal interests (hobbies, causes) count against "
        "professional fit. Run the matching again after changing this.",
        choices=BALANCE_CHOICES,
        coerce=_balance,
        default="",
    )


class ImportUploadForm(FlaskForm):
    """Step 1 of an import: the registration export file."""

    file = FileField(
        "Registration export (CSV)",
        validators=[FileRequired("Choose the CSV file exported from your registration system.")],
    )


class PinForm(FlaskForm):
    """Pin an introduction of this attendee to someone else."""

    other = StringField(
        "Introduce to",
        description="Their email, or their name as the attendee list shows it.",
        validators=[
            DataRequired("Whom should they meet? Enter a name or an email."),
            Length(max=320),
        ],
    )
    note = StringField(
        "Why (shown to both)",
        description="Optional, e.g. “You both run climate funds in the Nordics”.",
        validators=[Optional(), Length(max=300, message="Keep the note under 300 characters.")],
    )


class RemoveForm(FlaskForm):
    """Remove an attendee for good, with an explicit confirmation."""

    confirm = BooleanField("Yes, remove this attendee, their suggestions and contacts")
