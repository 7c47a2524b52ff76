"""Specific words: the words of a phrase that name a field, not a kind of person or goal.

"Founder", "engineer", "startups" or "pilot" say what someone is or seeks; "payment",
"customs" or "procurement" say what they work on. A reader sees common ground in
the second kind (`matcher.fill_ground`), and a headline part made only of the first
says nothing a need could meet (`matcher.facets.headline_parts`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.about_phrases import GENERIC_WORDS, STOP_WORDS
from matcher.goals import goal_kind
from matcher.normalise import spelt_out

# Words that say what someone is, not what they work on: a shared title is no
# common ground ("Founder" / "Co-founder", "Data engineer" / "Process engineer").
_TITLE_WORDS = """
    founder cofounder co-founder engineer engineering developer designer manager head
    director lead senior junior staff chief officer ceo cto cfo coo cmo cpo vp president
    partner principal associate consultant advisor adviser specialist analyst student
    candidate researcher scientist organiser organizer owner member expert freelance
    freelancer intern assistant coordinator executive leader architect professor
    lecturer teacher fellow
"""
_TITLES = frozenset(_TITLE_WORDS.split())
_TOKEN = re.compile(r"[a-z][a-z0-9+&-]*")
_LANGUAGE = re.compile(r"(\w+) programming language")
_SUFFIXES = ("ations", "ation", "ances", "ance", "ers", "er", "ing", "ies", "es", "s")


def stem(word: str) -> str:
    """A word without its plural or agent ending ("payments", "insurers" -> "payment",
    "insur"), kept at four letters at least."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def generic(word: str) -> bool:
    """A word that is no field: a function or everyday word, a title, or a word that
    names a kind of goal ("startups", "pilot", "mentor": `matcher.goals`)."""
    if len(word) < 3 or word in STOP_WORDS or word in GENERIC_WORDS or word in _TITLES:
        return True
    return goal_kind(word) != 0 or goal_kind(word + "s") != 0


@lru_cache(maxsize=1 << 16)
def stems(key: str) -> frozenset[str]:
    """The specific words of a phrase key, stemmed ("payments" -> "payment")."""
    # A language named by an everyday word is another word ("rust programming language"
    # shares no word with "rust and corrosion monitoring": `matcher.normalise.HOMONYMS`).
    text = _LANGUAGE.sub(r"\1-programming-language", spelt_out(key))
    return frozenset(stem(w) for w in _TOKEN.findall(text) if not generic(w))
