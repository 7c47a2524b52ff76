"""Profile items in German, Spanish, French, Portuguese, Italian or Dutch, said in English.

The bundled model reads English ("Wärmepumpen" and "heat pumps" sit far apart in
it), and no multilingual model installs offline. So the items of a profile
written in a language with a glossary (`matcher.glossary`: event vocabulary, roles,
goal verbs and everyday activities, one concept a row) are translated phrase by
phrase and word by word (`to_english`) before they are normalised and
embedded; words the glossary does not know stay as they are (names, brands,
acronyms). Only the embedding keys change: a claim still quotes each person's
own words ("same — you: Wärmepumpen · them: heat pumps").

German and Dutch compounds are split at a known head ("Wärme|pumpen",
"Fachkräfte|mangel"), and in the Romance languages adjectives that follow their
noun are put before it ("hidrogénio verde" -> "green hydrogen").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from matcher.glossary import TOKEN, Entry, Glossary, glossaries, translates
from matcher.language import ENGLISH, detect_language, profile_text
from matcher.types import Profile

_ROMANCE = frozenset({"es", "fr", "pt", "it"})
# Elided articles and prepositions glued to the next word ("l'énergie", "dell'acqua").
_ELISION = re.compile(r"^(l|d|dell|all|nell|sull|dall|un|qu|j|n|s|c)['’](\w.*)$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def to_english(text: str, code: str, personal: bool = False) -> str:
    """`text`, written in language `code`, with every phrase and word the glossary
    knows said in English; the rest, spacing and punctuation kept. Unchanged for a
    language without a glossary. `personal`: a personal interest (an ambiguous word
    is read as the activity: "cuisine" -> "cooking")."""
    glossary = glossaries().get(code)
    if glossary is None or not text:
        return text
    tokens = TOKEN.findall(text)
    units: list[tuple[str, str]] = []  # (text, pos); pos "" for untranslated, " " for space
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isspace():
            units.append((" ", " "))
            i += 1
            continue
        if not token[0].isalnum():
            units.append((token, ""))
            i += 1
            continue
        matched = _phrase_at(glossary, tokens, i, personal)
        if matched is not None:
            entry, i = matched
            units.append((entry.english, entry.pos))
            continue
        units.extend(_one_word(glossary, token, personal))
        i += 1
    if code in _ROMANCE:
        units = _adjectives_first(units)
    return _joined(units)


def _phrase_at(
    glossary: Glossary, tokens: list[str], start: int, personal: bool
) -> tuple[Entry, int] | None:
    """The longest glossary phrase of two or more words at `tokens[start]`, and the
    index after it."""
    words: list[str] = []
    ends: list[int] = []
    i = start
    while i < len(tokens) and len(words) < glossary.longest:
        token = tokens[i]
        if token.isspace():
            i += 1
            continue
        if not token[0].isalnum():
            break
        words.append(token.casefold())
        i += 1
        ends.append(i)
    for n in range(len(words), 1, -1):
        found = glossary.get(tuple(words[:n]), personal)
        if found is not None:
            return found, ends[n - 1]
    return None


def _one_word(glossary: Glossary, token: str, personal: bool) -> list[tuple[str, str]]:
    """Units for one word: its entry, an elided article and its word, or the word."""
    found = glossary.word(token, personal=personal)
    if found is not None:
        return [(found.english, found.pos)]
    elided = _ELISION.match(token)
    if elided:
        small = glossary.word(elided.group(1))
        rest = glossary.word(elided.group(2))
        out = [(small.english, small.pos)] if small is not None else []
        return [*out, (" ", " "), (rest.english, rest.pos) if rest else (elided.group(2), "")]
    return [(token, "")]


def _adjectives_first(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Romance order to English order: a noun's following adjectives go before it,
    the nearest one last ("energia solar flutuante" -> "floating solar energy")."""
    out = list(units)
    i = 0
    while i < len(out):
        if out[i][1] in ("n", "p", ""):
            j, adjectives = i + 1, []
            while j + 1 < len(out) and out[j][1] == " " and out[j + 1][1] == "a":
                adjectives.append(out[j + 1])
                j += 2
            if adjectives:
                moved: list[tuple[str, str]] = []
                for adjective in reversed(adjectives):
                    moved += [adjective, (" ", " ")]
                out[i:j] = [*moved, out[i]]
                i += len(moved)
        i += 1
    return out


def _joined(units: list[tuple[str, str]]) -> str:
    """The units as text: a hyphen between two words of which one was translated
    becomes a space ("Seed-Runde" -> "seed round"); empty translations drop out."""
    parts: list[str] = []
    for k, (text, _pos) in enumerate(units):
        if text == "-" and 0 < k < len(units) - 1:
            before, after = units[k - 1][1], units[k + 1][1]
            if before not in ("", " ") or after not in ("", " "):
                text = " "
        parts.append(text)
    return " ".join("".join(parts).split())


# A profile with none of these small words and no accented letter is English: the
# language identifier (about 0.2 ms a profile) is asked only about the others, and
# this check must stay cheap (a full run reads every profile of the event). Loanwords
# ("management", "studio", "director") make glossary words useless for it.
_SMALL_WORDS = frozenset(
    {"und", "für", "mit", "von", "zu", "ich", "wir", "unsere", "unser", "der", "die", "das",
     "el", "los", "las", "para", "con", "del", "y", "de", "la", "les", "des", "pour", "avec",
     "dans", "nos", "um", "uma", "com", "do", "da", "os", "il", "di", "per", "che", "het",
     "een", "van", "voor", "met", "op", "naar"}
)  # fmt: skip
_ACCENTED = re.compile(r"[À-ÖØ-öø-ÿ]")  # the glossary languages' letters beyond ASCII
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?()[]/\"'“”‘’«»&+*#", " "))
# A language guessed from glossary words when the identifier is unsure (short tag
# lists): at least this many words known, at least half of the profile's words.
_GUESS_WORDS = 2


def _plain_words(text: str) -> list[str]:
    return text.lower().translate(_PUNCTUATION).split()


def _maybe_other(text: str) -> bool:
    """Whether `text` may be in a language other than English (cheap, may say yes)."""
    if not text.isascii() and _ACCENTED.search(text):
        return True
    return not _SMALL_WORDS.isdisjoint(text.lower().split())


@lru_cache(maxsize=1 << 16)
def _languages_knowing(word: str) -> tuple[str, ...]:
    """The glossary languages that say `word` in other English words."""
    found = []
    for code, glossary in glossaries().items():
        entry = glossary.word(word)
        if entry is not None and entry.pos != "f" and entry.english.casefold() != word:
            found.append(code)
    return tuple(found)


def glossary_guess(text: str) -> str | None:
    """The one glossary language that knows most of `text`'s words (at least
    `_GUESS_WORDS` of them and half), for text too short for the identifier; None
    when none or two languages know as many."""
    words = [w for w in _plain_words(text) if len(w) > 1 and w.isalpha()]
    counts = Counter(code for w in words for code in _languages_knowing(w))
    ranked = counts.most_common(2)
    if not ranked:
        return None
    best, known = ranked[0]
    tied = len(ranked) > 1 and ranked[1][1] == known
    return best if known >= _GUESS_WORDS and 2 * known >= len(words) and not tied else None


def source_language(profile: Profile) -> str | None:
    """The language `profile` is translated from for matching: its language when
    that is not English and has a glossary; None otherwise. A profile too short for
    the identifier (a few tags) is read in the one glossary language that knows most
    of its words."""
    text = profile_text(profile)
    if not _maybe_other(text):
        return None
    code = detect_language(text) or glossary_guess(text) or ENGLISH
    return code if code != ENGLISH and translates(code) else None


def in_english(profile: Profile, code: str | None) -> Profile:
    """`profile` with every text said in English from language `code` (the same
    profile when `code` is None): what matching reads, never what is shown."""
    if code is None:
        return profile

    def each(items: list[str], personal: bool = False) -> list[str]:
        return [to_english(x, code, personal) for x in items]

    return replace(
        profile,
        headline=to_english(profile.headline or "", code),
        interests=each(profile.interests),
        personal_interests=each(profile.personal_interests, personal=True),
        looking_for=each(profile.looking_for),
        offering=each(profile.offering),
        about=to_english(str(profile.about or ""), code),
    )
