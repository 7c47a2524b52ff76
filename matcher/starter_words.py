"""The words a pair's conversation starters are made of: said in English.

A starter is an English question ("What keeps you coming back to {x}?"), so an item
of a profile written in another language is asked about in the English the
glossary gives it ("koken" -> "cooking", "voile" -> "sailing"), never as a foreign
word inside an English sentence ("… with koken right now?"). An item the glossary
says only in part ("stadslogistiek" stays as written), or a sentence it can say only
word by word, is kept in its own words only when the one asking writes that language
too; otherwise it is no topic, and the question goes to the next one. A topic said in
English is no quote: the questions that quote the other's words (“{x}” caught my
eye) are not asked of it. Claims still quote each person's own words: only the
starters' topics change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from matcher.english_words import is_english_word
from matcher.translation import Reading, item_language, reading, say_in_english, to_english
from matcher.types import CommonGround, Complement, Profile, SharedItem

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Languages that write every noun with a capital: a capital there is no name.
_NOUNS_CAPITALISED = frozenset({"de"})

# A longer text is said word by word ("free grid congestion scan for companies land"
# for "bedrijventerreinen"): no topic in English.
_MOST_WORDS = 4

Say = Callable[[str, bool], str | None]


@dataclass(frozen=True)
class PairWords:
    """A pair and its common ground in the words of its starters; `said`: the texts
    said in English by the glossary (not the person's own words)."""

    a: Profile
    b: Profile
    cg: CommonGround
    said: frozenset[str] = frozenset()


def in_english(a: Profile, b: Profile, cg: CommonGround) -> PairWords:
    """A (who asks), B and their common ground with every item said in the words its
    starters use: English where the glossary says all of it; its own words where
    the asker reads them; left out otherwise (B's items only: A's own words are
    always A's to read)."""
    read_a, read_b = reading(a), reading(b)
    if _plain(read_a) and _plain(read_b):
        return PairWords(a, b, cg)
    said: set[str] = set()
    say_a = _sayer(read_a, None, said, own=True)
    say_b = _sayer(read_b, read_a.code, said)
    return PairWords(
        _profile(a, say_a), _profile(b, say_b), _common_ground(cg, say_a, say_b), frozenset(said)
    )


def _plain(read: Reading) -> bool:
    return read.code is None and not read.mixed


def _sayer(read: Reading, asker: str | None, said: set[str], own: bool = False) -> Say:
    """How the texts of one profile (read as `read`) are said to `asker` (the
    language the asker writes, None for English; `own`: the asker's own texts, which
    the asker always reads); what is said in English is added to `said`."""

    def say(text: str, personal: bool = False) -> str | None:
        if not text or _plain(read):
            return text
        code = read.code or item_language(text)
        if code is None:
            return text
        # An English profile's item in another language (`item_language`) is said
        # whole in it: "economía social" is "social economy", not "economy social".
        english = (
            say_in_english(text, read, personal) if read.code else to_english(text, code, personal)
        )
        if not _left_foreign(text, english, code):
            if english == text:
                return text
            if len(english.split()) <= _MOST_WORDS:
                said.add(english)
                return english
        return text if own or code == asker else None

    return say


def _left_foreign(text: str, english: str, code: str) -> bool:
    """Whether `english` still holds a word of `text` that is no English word and no
    name or acronym (a word the glossary did not know)."""
    before = set(_WORD.findall(text))
    for word in _WORD.findall(english):
        if word not in before or len(word) < 3 or is_english_word(word):
            continue
        if sum(c.isupper() for c in word) >= 2:
            continue  # an acronym or a brand ("DiGA", "PostgreSQL")
        if word[0].isupper() and code not in _NOUNS_CAPITALISED:
            continue  # a name ("Siemens", "Rotterdam")
        return True
    return False


def _items(values: list[str], say: Say, personal: bool = False) -> list[str]:
    return [s for v in values if (s := say(v, personal))]


def _profile(p: Profile, say: Say) -> Profile:
    return replace(
        p,
        headline=say(p.headline or "", False) or "",
        interests=_items(p.interests, say),
        personal_interests=_items(p.personal_interests, say, personal=True),
        looking_for=_items(p.looking_for, say),
        offering=_items(p.offering, say),
    )


def _common_ground(cg: CommonGround, say_a: Say, say_b: Say) -> CommonGround:
    shared: list[SharedItem] = []
    for s in cg.shared:
        personal = s.kind == "personal"
        mine, theirs = say_a(s.a, personal), say_b(s.b, personal)
        if theirs is None and s.grade == "same":
            theirs = mine  # one thing in two languages: asked in the asker's words
        if mine is not None and theirs is not None:
            shared.append(replace(s, a=mine, b=theirs))
    complements: list[Complement] = []
    for c in cg.complements:
        # `need` is the seeker's words, `offer` the other's (for a mutual one, their
        # search).
        say_need, say_offer = (say_a, say_b) if c.seeker == "a" else (say_b, say_a)
        need, offer = say_need(c.need, False), say_offer(c.offer, False)
        if need is not None and offer is not None:
            complements.append(replace(c, need=need, offer=offer))
    return replace(cg, shared=shared, complements=complements)
