"""The sign-up and profile forms: field names follow the import columns (PRODUCT §3).

List fields are plain text ("a; b; c", commas accepted when there is no `;`), so the
form works without JavaScript; web/static/tags.js turns them into tag entry.
Everything typed is kept on error, with one clear message per field.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, Field, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from models import FIELDS_BY_NAME, LIST_FIELDS, Attendee
from web.services.profile_text import (
    clean_line,
    clean_name,
    clean_text,
    join_list,
    link_problem,
    split_links,
    split_list,
)

MAX_LIST_LENGTH = 1000  # characters typed into one list box
# What the form accepts, field by field (models.profile: the form asks for less than
# may be stored, since people type it by hand).
NAME_MAX = FIELDS_BY_NAME["name"].form_max_length
HEADLINE_MAX = FIELDS_BY_NAME["headline"].form_max_length
ABOUT_MAX = FIELDS_BY_NAME["about"].form_max_length
MAX_LINKS = FIELDS_BY_NAME["links"].form_max_items
MAX_LINK_LENGTH = FIELDS_BY_NAME["links"].form_max_length


class ListField(StringField):
    """A list of short phrases typed as text; `.items` holds the parsed list."""

    def __init__(self, *args: Any, noun: str = "item", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.noun = noun
        self.items: list[str] = []
        profile_field = FIELDS_BY_NAME[self.short_name]
        self.max_items = profile_field.form_max_items
        self.max_item_length = profile_field.form_max_length
        self.goals = profile_field.phrases == "goal"

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Keep what was typed as is; parse it into `.items`."""
        super().process_formdata(valuelist)
        self.items = split_list(self.data, goals=self.goals)

    def process_data(self, value: Any) -> None:
        """Accept a list (from an attendee) or text."""
        if isinstance(value, list | tuple):
            self.items = [str(v) for v in value]
            value = join_list(self.items)
        super().process_data(value)

    def pre_validate(self, form: Any) -> None:
        """Length limits with messages that name the item at fault."""
        if len(self.data or "") > MAX_LIST_LENGTH:
            raise ValidationError(
                f"Please keep this under {MAX_LIST_LENGTH} characters "
                f"(you typed {len(self.data or '')})."
            )
        if len(self.items) > self.max_items:
            raise ValidationError(
                f"Please list at most {self.max_items} {self.noun}s; "
                "pick the ones that matter most."
            )
        for item in self.items:
            if len(item) > self.max_item_length:
                raise ValidationError(
                    f"“{item[:30]}…” is too long: keep each {self.noun} under "
                    f"{self.max_item_length} characters, and separate them with ;"
                )


def _clean_name_filter(value: Any) -> Any:
    return clean_name(value) if isinstance(value, str) else value


def _clean_text_filter(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _email_filter(value: Any) -> Any:
    return clean_line(value).lower() if isinstance(value, str) else value


class ProfileForm(FlaskForm):
    """The profile an attendee edits (everything but the email)."""

    name = StringField(
        "Your name",
        filters=[_clean_name_filter],
        validators=[
            DataRequired("Please enter your name, as you would like it on your badge."),
            Length(max=NAME_MAX, message=f"Please keep your name under {NAME_MAX} characters."),
        ],
    )
    headline = StringField(
        "Headline",
        description="Your role and organization, e.g. “Data engineer at Fjord Energy”.",
        filters=[_clean_name_filter],
        validators=[
            Length(
                max=HEADLINE_MAX,
                message=f"Please keep the headline under {HEADLINE_MAX} characters.",
            )
        ],
    )
    interests = ListField(
        "Professional interests",
        noun="interest",
        description="Topics you would love to talk about. Separate them with ;",
    )
    personal_interests = ListField(
        "Personal interests",
        noun="interest",
        description="Hobbies and causes, e.g. trail running; sourdough; conservation.",
    )
    looking_for = ListField(
        "Looking for",
        noun="goal",
        description="Who or what you hope to find here, e.g. a technical co-founder; a mentor.",
    )
    offering = ListField(
        "Can offer",
        noun="offer",
        description="How you can help others, e.g. intros to investors; code reviews.",
    )
    organizations = ListField(
        "Organizations",
        noun="organization",
        description="Current and past employers, schools, communities.",
    )
    about = TextAreaField(
        "About / working on",
        description="A sentence or two about what you are working on right now.",
        filters=[_clean_text_filter],
        validators=[
            Length(max=ABOUT_MAX, message=f"Please keep this under {ABOUT_MAX} characters.")
        ],
    )
    links = TextAreaField(
        "Links",
        description="LinkedIn, website, portfolio… one per line.",
        filters=[_clean_text_filter],
    )
    listed = BooleanField(
        "Suggest me to other attendees",
        default=True,
        description="Others may see your name, headline and interests in their suggestions.",
    )
    share_email = BooleanField(
        "Share my email when I exchange contacts",
        default=False,
        description="Off: people you meet see your email only once you both saved each other.",
    )

    def validate_links(self, field: Field) -> None:
        """At most a few http(s) links of sane length."""
        links = split_links(field.data)
        if len(links) > MAX_LINKS:
            raise ValidationError(f"Please add at most {MAX_LINKS} links.")
        for link in links:
            if len(link) > MAX_LINK_LENGTH:
                raise ValidationError(f"A link is too long (over {MAX_LINK_LENGTH} characters).")
            problem = link_problem(link)
            if problem:
                raise ValidationError(problem)

    def fill(self, attendee: Attendee) -> None:
        """Copy the validated values onto `attendee` (the edit form: exactly what is shown)."""
        attendee.name = self.name.data or ""
        attendee.headline = self.headline.data or ""
        for name in LIST_FIELDS:
            setattr(attendee, name, list(getattr(self, name).items))
        attendee.about = self.about.data or ""
        attendee.links = split_links(self.links.data)
        attendee.listed = bool(self.listed.data)
        attendee.share_email = bool(self.share_email.data)

    def merge_into(self, attendee: Attendee) -> None:
        """A repeated sign-up with a known email: update what was typed, keep the rest.

        Fields left empty keep their stored values (someone who lost their link can
        type just name and email), and consent never loosens here: a sign-up form
        is not proof of owning the email, so it can hide a profile or stop sharing
        the email, never the reverse. The private page's edit form can.
        """
        attendee.name = self.name.data or attendee.name
        attendee.headline = self.headline.data or attendee.headline
        for name in LIST_FIELDS:
            items = getattr(self, name).items
            if items:
                setattr(attendee, name, list(items))
        attendee.about = self.about.data or attendee.about
        attendee.links = split_links(self.links.data) or attendee.links
        attendee.listed = attendee.listed and bool(self.listed.data)
        attendee.share_email = attendee.share_email and bool(self.share_email.data)


class SignupForm(ProfileForm):
    """J1: the profile plus the email that keys the attendee within the event."""

    email = EmailField(
        "Email",
        description="We send your private link here. Never shown without your consent.",
        filters=[_email_filter],
        validators=[
            DataRequired("Please enter your email address."),
            Length(max=254, message="That email address is too long."),
            Email("Please enter a valid email address, like name@example.org."),
        ],
    )


class SignOutForm(FlaskForm):
    """Sign this device out of one event (a CSRF-protected POST, no fields)."""


class ConfirmLinkForm(FlaskForm):
    """Sign this device in with a private link: a CSRF-protected POST, no fields."""


CONFIRM_DELETE = "Yes, delete my profile, suggestions and saved contacts"


class DeleteForm(FlaskForm):
    """Delete my data: a CSRF-protected POST with an explicit confirmation.

    Checked on the POST only: attendee/_delete.html writes the form out itself (my
    page shows it on every visit, and making a form object costs more than the
    rest of the card).
    """

    confirm = BooleanField(CONFIRM_DELETE)


def profile_form_data(attendee: Attendee) -> dict[str, Any]:
    """Form data for editing `attendee` (lists as "a; b; c", links one per line)."""
    data: dict[str, Any] = {
        "name": attendee.name,
        "headline": attendee.headline,
        "about": attendee.about,
        "links": "\n".join(attendee.links),
        "listed": attendee.listed,
        "share_email": attendee.share_email,
    }
    for name in LIST_FIELDS:
        data[name] = list(getattr(attendee, name))
    return data
