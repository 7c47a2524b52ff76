"""The sign-up and profile forms: field names follow the import columns (PRODUCT §3).

List fields are plain text ("a; b; c", commas accepted when there is no `;`), so the
form works without JavaScript; web/static/tags.js turns them into tag entry.
Everything typed is kept on error, with one clear message per field.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, Field, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from models import LIST_FIELDS, Attendee

MAX_ITEMS = 25
MAX_ITEM_LENGTH = 80
MAX_LIST_LENGTH = 1000
MAX_LINKS = 5
MAX_LINK_LENGTH = 300

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_text(value: str | None) -> str:
    """Unicode-normalised text without control characters or runs of spaces."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return "\n".join(lines).strip()


def clean_line(value: str | None) -> str:
    """`clean_text` on one line (newlines become spaces)."""
    return _SPACES.sub(" ", clean_text(value).replace("\n", " ")).strip()


def split_list(text: str | None) -> list[str]:
    """Items of a list field: `;` or newlines separate; commas only when there is no `;`.

    Empty items and repeats (ignoring case) are dropped; order is kept.
    """
    text = clean_text(text)
    if not text:
        return []
    parts = re.split(r"[;\n]", text) if ";" in text or "\n" in text else text.split(",")
    items: list[str] = []
    seen: set[str] = set()
    for part in parts:
        item = clean_line(part).strip(" ,.·•-")
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            items.append(item)
    return items


def join_list(items: list[str]) -> str:
    """The text form of a list, as the form shows it."""
    return "; ".join(items)


def _is_link(value: str) -> bool:
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:  # e.g. a broken IPv6 literal
        return False
    return parts.scheme in ("http", "https") and "." in host and not re.search(r"\s", value)


def split_links(text: str | None) -> list[str]:
    """Links, one per line (or `;`/space separated); bare domains get https://."""
    text = clean_text(text)
    links: list[str] = []
    for part in re.split(r"[;\s]+", text):
        part = part.strip().rstrip(",")
        if not part:
            continue
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", part):
            part = "https://" + part
        if part not in links:
            links.append(part)
    return links


class ListField(StringField):
    """A list of short phrases typed as text; `.items` holds the parsed list."""

    def __init__(self, *args: Any, noun: str = "item", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.noun = noun
        self.items: list[str] = []

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Keep what was typed as is; parse it into `.items`."""
        super().process_formdata(valuelist)
        self.items = split_list(self.data)

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
        if len(self.items) > MAX_ITEMS:
            raise ValidationError(
                f"Please list at most {MAX_ITEMS} {self.noun}s; pick the ones that matter most."
            )
        for item in self.items:
            if len(item) > MAX_ITEM_LENGTH:
                raise ValidationError(
                    f"“{item[:30]}…” is too long: keep each {self.noun} under "
                    f"{MAX_ITEM_LENGTH} characters, and separate them with ;"
                )


def _clean_line_filter(value: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


def _clean_text_filter(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _email_filter(value: Any) -> Any:
    return clean_line(value).lower() if isinstance(value, str) else value


class ProfileForm(FlaskForm):
    """The profile an attendee edits (everything but the email)."""

    name = StringField(
        "Your name",
        filters=[_clean_line_filter],
        validators=[
            DataRequired("Please enter your name, as you would like it on your badge."),
            Length(max=100, message="Please keep your name under 100 characters."),
        ],
    )
    headline = StringField(
        "Headline",
        description="Your role and organization, e.g. “Data engineer at Fjord Energy”.",
        filters=[_clean_line_filter],
        validators=[Length(max=150, message="Please keep the headline under 150 characters.")],
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
        validators=[Length(max=1000, message="Please keep this under 1000 characters.")],
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
            if not _is_link(link):
                raise ValidationError(f"“{link[:60]}” does not look like a web address.")

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


class DeleteForm(FlaskForm):
    """Delete my data: a CSRF-protected POST with an explicit confirmation."""

    confirm = BooleanField("Yes, delete my profile, suggestions and saved contacts")


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
