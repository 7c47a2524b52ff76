"""Profiles the matching model may not read: which attendees wrote in another language.

The matcher tells each profile's language (`matcher.language`); the model in use
says whether it matches across languages. When it does not (the bundled English
model), a profile in a language with a glossary (German, Spanish, French,
Portuguese, Italian, Dutch: `matcher.translation`) is matched in English through
it, and its attendee is told so (rare words may be missed); attendees who wrote in
any other language are told on their page and shown to the organizer, rather than
quietly getting fewer suggestions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import (
    Profile,
    glossary_languages,
    language_name,
    profile_language,
    reads_across_languages,
    source_language,
    translates,
)
from models import Attendee, Event
from web.services.matching import profile_of

ENGLISH = "en"
_TEXT_COLUMNS = (
    Attendee.id,
    Attendee.headline,
    Attendee.interests,
    Attendee.personal_interests,
    Attendee.looking_for,
    Attendee.offering,
    Attendee.about,
)


@dataclass(frozen=True)
class LanguageNotice:
    """An attendee whose profile is not in English: the language it is written in, and
    whether it is matched through a glossary (`translated`) or read poorly."""

    code: str
    translated: bool = False

    @property
    def language(self) -> str:
        """The language's English name ("German")."""
        return language_name(self.code)


def language_notice(attendee: Attendee, model_name: str) -> LanguageNotice | None:
    """A notice for `attendee` when their profile is not in English and the model
    `model_name` cannot match across languages; None otherwise."""
    if reads_across_languages(model_name):
        return None
    profile = profile_of(attendee)
    code = profile_language(profile)
    if code == ENGLISH:  # too short to tell, perhaps, yet matched through a glossary
        guessed = source_language(profile)
        return None if guessed is None else LanguageNotice(guessed, True)
    return LanguageNotice(code, translates(code))


def other_languages(session: Session, event: Event, model_name: str) -> dict[int, str]:
    """Attendee id -> language code of everyone at `event` whose profile the model
    `model_name` reads poorly (not in English nor in a language with a glossary, and
    the model is English-only)."""
    if reads_across_languages(model_name):
        return {}
    found: dict[int, str] = {}
    rows = session.execute(sa.select(*_TEXT_COLUMNS).where(Attendee.event_id == event.id))
    for row in rows:
        profile = Profile(
            id=str(row.id),
            name="",
            headline=row.headline or "",
            interests=list(row.interests or []),
            personal_interests=list(row.personal_interests or []),
            looking_for=list(row.looking_for or []),
            offering=list(row.offering or []),
            about=row.about or "",
        )
        code = profile_language(profile)
        if code != ENGLISH and not translates(code):
            found[row.id] = code
    return found


def language_summary(languages: dict[int, str]) -> str:
    """ "German 2, Spanish 1": how many attendees wrote in each language, most first."""
    counts = Counter(language_name(code) for code in languages.values())
    return ", ".join(f"{name} {n}" for name, n in counts.most_common())


def glossary_language_names() -> str:
    """ "German, Spanish, … and Norwegian": the languages matched in English through the
    bundled glossary (`matcher.glossary`), so pages never list fewer or more than it has."""
    names = [language_name(code) for code in glossary_languages()]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
