"""The profile fields of an attendee, described once.

The sign-up and edit forms, the import, the API (input, output and its schemas), the
data download, matching's view of a profile and deletion all read this list instead
of keeping their own. The email is not here: it is the attendee's key, not a field
of the profile (`EMAIL_MAX_LENGTH`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["line", "text", "list", "links"]

EMAIL_MAX_LENGTH = 320


@dataclass(frozen=True)
class ProfileField:
    """One field of a profile.

    `kind`: "line" (one line of text), "text" (paragraphs), "list" (short phrases)
    or "links" (web addresses). `max_length` is what may be stored: characters of the
    value, or of each item of a list; `max_items` bounds a list. The sign-up form asks
    for less (`form_max_length`, `form_max_items`): people type it by hand.
    """

    name: str
    label: str  # as the import preview and the documentation name it
    noun: str  # in messages: "the {noun} is longer than …"
    kind: Kind
    max_length: int
    max_items: int = 0
    form_max_length: int = 0
    form_max_items: int = 0
    matched: bool = False  # part of the matcher's Profile (matcher.Profile has this field)
    phrases: Literal["topic", "goal"] | None = None  # embedded, as topics or as goals
    tags: bool = False  # short tags: in a file, commas may separate them too

    @property
    def is_list(self) -> bool:
        """Whether the value is a list (phrases or links)."""
        return self.kind in ("list", "links")


_ITEM = 500  # characters of one stored list item
_ITEMS = 50  # items of one stored list
_FORM_ITEM = 80
_FORM_ITEMS = 25


def _list(
    name: str, label: str, phrases: Literal["topic", "goal"] | None, tags: bool
) -> ProfileField:
    return ProfileField(
        name,
        label,
        label.lower(),
        "list",
        _ITEM,
        _ITEMS,
        _FORM_ITEM,
        _FORM_ITEMS,
        matched=True,
        phrases=phrases,
        tags=tags,
    )


PROFILE_FIELDS: tuple[ProfileField, ...] = (
    ProfileField("name", "Full name", "name", "line", 200, form_max_length=100, matched=True),
    ProfileField(
        "headline", "Headline", "headline", "line", 300, form_max_length=150, matched=True
    ),
    ProfileField("company", "Company", "company", "line", 200, matched=True),
    ProfileField("job_title", "Job title", "job title", "line", 200),
    _list("interests", "Professional interests", "topic", tags=True),
    _list("personal_interests", "Personal interests", "topic", tags=True),
    _list("looking_for", "Looking for", "goal", tags=False),
    _list("offering", "Can offer", "goal", tags=False),
    _list("organizations", "Organizations", None, tags=True),
    ProfileField(
        "about", "About / working on", "about", "text", 5000, form_max_length=1000, matched=True
    ),
    ProfileField("links", "Links", "links", "links", _ITEM, _ITEMS, 300, 5),
    ProfileField("external_id", "Registration ID", "registration ID", "line", 200),
)
FIELDS_BY_NAME: dict[str, ProfileField] = {f.name: f for f in PROFILE_FIELDS}

# The lists of phrases that describe a person (and make a profile complete).
LIST_FIELDS: tuple[str, ...] = tuple(f.name for f in PROFILE_FIELDS if f.kind == "list")
# Single values of text, in the order above.
TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in PROFILE_FIELDS if not f.is_list)
# Fields the matcher reads (the attributes of matcher.Profile besides its id).
MATCHED_FIELDS: tuple[str, ...] = tuple(f.name for f in PROFILE_FIELDS if f.matched)
