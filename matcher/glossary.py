"""The bundled glossary (`glossary.csv` beside this file, semicolon-separated): event
vocabulary in German, Spanish, French, Portuguese, Italian and Dutch, one concept a
row with its English, and how one word is looked up in it.

A word is found as written, without accents, without an inflection ending (a noun's
plural said in English too: "fincas" -> "farms"), or, in German and Dutch, as a
compound of known parts split at a known head ("Wärme|pumpen" -> "heat pumps").
`matcher.translation` says whole items in English with it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GLOSSARY = Path(__file__).with_name("glossary.csv")
_COMPOUNDING = frozenset({"de", "nl"})
# Endings tried, longest first, when a word is not in the glossary as written
# (plurals and inflections); each is (ending, replacement).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("innen", ""), ("ern", ""), ("en", ""), ("er", ""), ("es", ""), ("em", ""),
           ("in", ""), ("n", ""), ("e", ""), ("s", "")),
    "nl": (("zen", "s"), ("ven", "f"), ("en", ""), ("s", ""), ("e", ""), ("ën", "")),
    "es": (("ces", "z"), ("es", ""), ("as", "o"), ("os", "o"), ("s", ""), ("a", "o")),
    "pt": (("ões", "ão"), ("ais", "al"), ("eis", "el"), ("ns", "m"), ("as", "o"),
           ("os", "o"), ("es", ""), ("s", ""), ("a", "o")),
    "fr": (("aux", "al"), ("es", ""), ("s", ""), ("x", ""), ("e", "")),
    "it": (("che", "ca"), ("ghi", "go"), ("i", "o"), ("i", "e"), ("i", "io"), ("e", "a"),
           ("a", "o"), ("e", "o")),
}  # fmt: skip
TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]+|\s+")
_LINKS = ("s", "es", "n", "en", "e", "")  # German / Dutch linking letters in compounds
_MIN_PART = 3
# Endings that make a noun plural (the English is made plural too: "fincas" -> "farms").
_PLURALS: dict[str, frozenset[str]] = {
    "de": frozenset({"en", "n", "e", "er", "ern", "s", "innen"}),
    "nl": frozenset({"zen", "ven", "en", "s", "ën"}),
    "es": frozenset({"ces", "es", "as", "os", "s"}),
    "pt": frozenset({"ões", "ais", "eis", "ns", "as", "os", "es", "s"}),
    "fr": frozenset({"aux", "es", "s", "x"}),
    "it": frozenset({"che", "ghi", "i", "e"}),
}
_MAX_SEEN = 1 << 17


@dataclass(frozen=True)
class Entry:
    """One glossary meaning: the English words and the part of speech
    ("n" noun, "p" personal activity, "a" adjective placed after its noun in Romance
    languages, "f" small word, "v" verb or goal phrase, "x" anything else)."""

    english: str
    pos: str


# What `Glossary.word` keeps for a word not looked up yet (compared by identity).
_UNSEEN = Entry("", "")


class Glossary:
    """One language's entries: words and phrases (`longest` words at most), keyed by
    their case-folded words, with and without accents."""

    def __init__(
        self,
        code: str,
        entries: dict[tuple[str, ...], Entry],
        personal: dict[tuple[str, ...], Entry],
    ) -> None:
        self.code = code
        self.entries = entries
        self.personal = personal  # personal activities ("p" rows) only
        # Words looked up so far: a long unknown German word tries every split (ms).
        self._seen: dict[tuple[str, int, bool], Entry | None] = {}
        self.longest = max((len(k) for k in entries), default=1)

    def get(self, words: tuple[str, ...], personal: bool = False) -> Entry | None:
        """The entry of case-folded `words` as written or without accents; a personal
        interest's meaning first when `personal` ("cuisine": cooking, not a kitchen)."""
        plain = tuple(_plain(w) for w in words)
        if personal:
            found = self.personal.get(words) or self.personal.get(plain)
            if found is not None:
                return found
        return self.entries.get(words) or self.entries.get(plain)

    def word(self, word: str, depth: int = 0, personal: bool = False) -> Entry | None:
        """The entry of one word: as written, without an inflection ending (a noun's
        plural said in English too), or (German and Dutch) as a compound of known parts."""
        key = (word, depth, personal)
        seen = self._seen.get(key, _UNSEEN)  # one read: another thread may clear it
        if seen is not _UNSEEN:
            return seen
        found = self._word(word, depth, personal)
        if len(self._seen) > _MAX_SEEN:
            self._seen.clear()
        self._seen[key] = found
        return found

    def _word(self, word: str, depth: int, personal: bool) -> Entry | None:
        folded = word.casefold()
        found = self.get((folded,), personal)
        if found is not None:
            return found
        for stem, plural in self._stems(folded):
            found = self.get((stem,), personal)
            if found is not None:
                noun = plural and found.pos == "n"
                return Entry(_plural(found.english), found.pos) if noun else found
        if self.code in _COMPOUNDING and depth < 2:
            return self._compound(folded, depth)
        return None

    def _stems(self, folded: str) -> list[tuple[str, bool]]:
        """`folded` without an inflection ending, longest ending first, each with
        whether the ending makes a noun plural ("huizen" -> "huis", "bedrijven" ->
        "bedrijf", "pannen" -> "pan" in Dutch)."""
        plurals = _PLURALS.get(self.code, frozenset())
        out = [
            (folded[: len(folded) - len(ending)] + replacement, ending in plurals)
            for ending, replacement in _ENDINGS.get(self.code, ())
            if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_PART
        ]
        # A Dutch plural doubles the consonant after a short vowel ("pannen" -> "pan").
        if self.code == "nl" and len(folded) > 5 and folded.endswith("en"):
            double = folded[-4:-2]
            if double[0] == double[1] and double[0] not in "aeiou":
                out.append((folded[:-3], True))
        return out

    def phrase(self, words: tuple[str, ...], personal: bool = False) -> Entry | None:
        """The entry of a phrase of case-folded `words`: as written, or with its first
        or its last word inflected ("maîtres d'ouvrage", "puntos de recarga",
        "klinischen Prüfungen"): the head of a phrase is one of its ends."""
        found = self.get(words, personal)
        if found is not None or len(words) < 2:
            return found
        for k in (0, len(words) - 1):
            for stem, plural in self._stems(words[k]):
                found = self.get((*words[:k], stem, *words[k + 1 :]), personal)
                if found is not None:
                    noun = plural and found.pos == "n"
                    return Entry(_plural(found.english), found.pos) if noun else found
        return None

    def _compound(self, word: str, depth: int) -> Entry | None:
        """A compound word as its known modifier and head ("wärme" + "pumpen")."""
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):  # longest head first
            head = self.word(word[cut:], depth + 1)
            if head is None or head.pos == "f":
                continue
            left = word[:cut]
            for link in _LINKS:
                if link and not left.endswith(link):
                    continue
                stem = left[: len(left) - len(link)] if link else left
                if len(stem) < _MIN_PART:
                    continue
                modifier = self.word(stem, depth + 1)
                if modifier is not None and modifier.pos != "f":
                    return Entry(_overlapped(modifier.english, head.english), head.pos)
        return None


def _overlapped(modifier: str, head: str) -> str:
    """A compound's English, its modifier's last words said once where the head
    starts with them ("Chor|gesang": "choir singing" + "singing" -> "choir singing")."""
    left, right = modifier.split(), head.split()
    for k in range(min(len(left), len(right)), 0, -1):
        if left[-k:] == right[:k]:
            return " ".join(left + right[k:])
    return f"{modifier} {head}"


def _plural(english: str) -> str:
    """ "farm" -> "farms", "technology" -> "technologies"; a word ending in s, or
    an uncountable ("software", "research"), unchanged."""
    last = english.rsplit(" ", 1)[-1]
    if not last or last.endswith("s") or last in _UNCOUNTABLE or not last.isalpha():
        return english
    if last.endswith("man") and last not in ("german", "human"):  # "craftsman" -> "craftsmen"
        return english[:-2] + "en"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        return english[:-1] + "ies"
    if last.endswith(("x", "ch", "sh")):
        return english + "es"
    return english + "s"


_UNCOUNTABLE = frozenset(
    {"software", "hardware", "research", "advice", "knowledge", "data", "expertise",
     "feedback", "support", "access", "funding", "care", "health", "healthcare", "water",
     "energy", "food", "heat", "heating", "cooling", "waste", "soil", "carbon", "hydrogen",
     "marketing", "sales", "logistics", "training", "education", "experience", "seed",
     "equipment", "moisture", "information", "nursing", "insurance", "finance"}
)  # fmt: skip


def _plain(text: str) -> str:
    """`text` without accents ("hidrogénio" -> "hidrogenio")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in TOKEN.findall(text) if t[0].isalnum() or t[0] == "_")


@lru_cache(maxsize=1)
def glossaries() -> dict[str, Glossary]:
    """Every language's glossary, read once from `GLOSSARY`."""
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=";") if r and not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    codes = header[2:]
    tables: dict[str, dict[tuple[str, ...], Entry]] = {code: {} for code in codes}
    personal: dict[str, dict[tuple[str, ...], Entry]] = {code: {} for code in codes}
    for row in body:
        pos, english = row[0].strip(), row[1].strip()
        for code, cell in zip(codes, row[2:], strict=False):
            for variant in cell.split("|"):
                key = _words(variant)
                if not key:
                    continue
                entry = Entry(english, pos)
                for table in (tables[code], personal[code]) if pos == "p" else (tables[code],):
                    table.setdefault(key, entry)
                    table.setdefault(tuple(_plain(w) for w in key), entry)
    return {code: Glossary(code, tables[code], personal[code]) for code in codes}


def translates(code: str) -> bool:
    """Whether profiles in language `code` are translated into English for matching."""
    return code in glossaries()


def glossary_languages() -> list[str]:
    """The codes of the languages with a glossary."""
    return list(glossaries())
