"""Text the model cannot read: written in a script other than Latin.

The bundled model (all-MiniLM-L6-v2) was trained on English. It reads a German or a
Polish word as pieces of Latin letters, but Cyrillic, Greek, Arabic or Chinese text
only as rare single characters, and any two such texts sit close together whatever
they say ("инвестиции в стартапы" / "поиск сотрудников": cosine 0.65, above the bar
of a related interest; "ищем инвесторов" / "seed investors": 0.0). Such a text is
given a vector of its own instead of the model's (`opaque_vector`): the same words
still meet the same words, and nothing else. A Russian, Ukrainian or Greek profile is
first said in English with the glossary (`matcher.translation`): only the words it does
not know stay in their script. The language notice tells the attendee that their
profile is read only where it is written in a language the model knows. Text surely written in a
language that is neither English nor one with a glossary (Turkish, Romanian, ...) is
given such a vector too (`unknown_language`).
A model trained on many languages (`matcher.language.reads_across_languages`) reads
every script, and keeps its vectors.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from matcher.glossary import Glossary, glossaries, translates
from matcher.language import ENGLISH, detect_language

# A letter of the Latin script (basic, Latin-1, Latin Extended A/B and Additional).
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
# A sentence of a bio: what the whole-profile text keeps or leaves out.
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


# The script of each glossary not written in the Latin one.
SCRIPT_OF = {"ru": "cyrillic", "uk": "cyrillic", "el": "greek"}
_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "greek": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "latin": _LATIN,
}


def in_script_of(text: str) -> dict[str, Glossary]:
    """The glossaries whose script `text` is written in: a Latin word is in no Cyrillic
    or Greek column and a Cyrillic word in no Latin one, so neither is looked up there."""
    return _of_scripts(frozenset(name for name, p in _SCRIPTS.items() if p.search(text)))


@lru_cache(maxsize=8)
def _of_scripts(present: frozenset[str]) -> dict[str, Glossary]:
    return {code: g for code, g in glossaries().items() if SCRIPT_OF.get(code, "latin") in present}


def unreadable(text: str) -> bool:
    """Whether most letters of `text` are of a script other than Latin."""
    letters = _LETTER.findall(text)
    if not letters:
        return False
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    return 2 * latin < len(letters)


# A word of at least this many letters counts as a word of content.
_CONTENT = 3
_WORD_RUN = re.compile(r"[^\W\d_]+")


def partly_unread(text: str) -> bool:
    """Whether a third or more of `text`'s words of content are in a script the model
    cannot read (`unreadable`), as words of a Russian item the glossary did not know
    are ("automation атак": attack automation). Read by its other words only, such an
    item says less than it means and meets what it is not (industrial automation)."""
    words = [w for w in _WORD_RUN.findall(text) if len(w) >= _CONTENT]
    unread = sum(1 for w in words if len(w) > _CONTENT and unreadable(w))
    return unread > 0 and 3 * unread >= len(words)


def unknown_language(text: str) -> bool:
    """Whether `text` is surely written in a language that is neither English nor one
    with a glossary (`matcher.glossary`): "aizdevums jaunai preses līnijai" (Latvian). The
    model reads its Latin letters as pieces of English words, and two such texts
    meet by chance (cosine 0.2-0.5) whatever they say."""
    code = detect_language(text)
    return code is not None and code != ENGLISH and not translates(code)


def readable_part(text: str) -> str:
    """`text` without its sentences the model cannot read (`unreadable`)."""
    if all(_LATIN.match(ch) for ch in _LETTER.findall(text)):
        return text
    return " ".join(s for s in _SENTENCE.split(text) if s.strip() and not unreadable(s))


def opaque_vector(text: str, dim: int) -> np.ndarray:
    """A unit vector of `text` alone: the same text always gets the same vector, any
    two texts are near orthogonal (cosine about ±0.05 in 384 dimensions)."""
    seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    vector = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vector / np.float32(np.linalg.norm(vector))
