"""What a list's fill truly shares: the closest true common ground across all words.

A fill (`matcher.fill`) is a pair the real suggestions left out; its explanation
compares topics with topics and needs with offers, and found nothing. Two people
can still plainly share something there: one's headline and the other's interest
("Site Reliability Engineer" / "SRE"), one's need and the other's topic ("intro to
health insurers" / "health insurance"). Before such a pair is only told "suggested to
complete your list", each one's professional words (work interests, about
phrases, headline parts, specific needs and offers; `Row.pieces`) are compared
with the other's, and the closest pair said as *related* ("Related — you: X;
them: Y"), never "you both".

A pair counts only when a careful reader sees the link too, not only the model:
- they share a specific word (acronyms spelt out, plurals stemmed): not a function
  word, not a word that names a kind of person or goal rather than a field
  ("founder", "engineer", "startups", "pilot"; `generic`), not a name both
  capitalise ("Rotterdam"), not a programming language on one side only ("Rust" /
  "rust and corrosion"), and held by few people of the event (`RARE_SHARE`: a word
  everyone uses is no common ground, as in `matcher.specificity`), and
- their cosine says the word is used alike (`WORD_BAR`).
A word used in two senses ("cloud microphysics" / "Cloud architect") can still pass;
the human-judged sets count those (BENCHMARKS.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from matcher.facets import Row
from matcher.grades import RELATED
from matcher.normalise import HOMONYMS
from matcher.specific_words import stem, stems
from matcher.types import SharedItem

# A word held by more than this share of the people present is too common to be
# common ground on its own (and by at most 2 people always counts).
RARE_SHARE = 0.16
RARE_MIN = 2
# Two wordings sharing such a word are about one thing from this cosine: the word is
# the evidence a reader sees, the cosine checks it is used alike ("citizen portals" /
# "citizen services"), below the related bar of topics compared without it.
WORD_BAR = 0.5


def _names(words: str) -> frozenset[str]:
    """Words written capitalised (not all capitals) in a person's own wording, stemmed:
    names of places and organizations when both people write them so."""
    return frozenset(
        stem(w.lower())
        for w in re.findall(r"[A-Za-zÀ-ÿ][\w-]*", words)
        if w[:1].isupper() and not w.isupper()
    )


def _languages(words: str) -> frozenset[str]:
    """Programming languages named by an everyday word in a person's own wording, as
    `matcher.normalise` reads them (the whole item, or capitalised after its first word)."""
    found = re.findall(r"[\w+#]+", words)
    if len(found) == 1:
        return frozenset(w.lower() for w in found if w in HOMONYMS)
    return frozenset(w.lower() for w in found[1:] if w in HOMONYMS)


class WordCounts:
    """How many of the people present use each specific word (`stems`), kept as rows
    come and go."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self._counted: dict[int, frozenset[str]] = {}

    def update(self, rows: Sequence[Row], keys: Sequence[str], present: np.ndarray) -> None:
        """Count the `present` rows not counted yet, forget those gone; `keys` are the
        vocabulary's phrases (by phrase id)."""
        now = set(present.tolist())
        for r in [r for r in self._counted if r not in now]:
            self.df.subtract(self._counted.pop(r))
        for r in now - self._counted.keys():
            words = row_stems(rows[r], keys)
            self._counted[r] = words
            self.df.update(words)

    def rare(self, word: str, n: int) -> bool:
        """Whether few of the `n` people present use `word`."""
        return self.df[word] <= max(RARE_MIN, RARE_SHARE * n)


def row_stems(row: Row, keys: Sequence[str]) -> frozenset[str]:
    """Every specific word of a row's pieces."""
    out: set[str] = set()
    for i, _ in row.pieces:
        out |= stems(keys[i])
    return frozenset(out)


def fill_ground(
    a: Row,
    b: Row,
    keys: Sequence[str],
    vectors: np.ndarray,
    counts: WordCounts,
    n: int,
    bar: float = WORD_BAR,
) -> SharedItem | None:
    """The closest true common ground of rows `a` and `b` across their pieces, as a
    related item in their own words (a's first), or None. `keys` and `vectors` (U + 1,
    d) by phrase id; `n` people present; `bar` the least cosine (`WORD_BAR`)."""
    if not a.pieces or not b.pieces:
        return None
    ia = np.array([i for i, _ in a.pieces], dtype=np.int64)
    ib = np.array([i for i, _ in b.pieces], dtype=np.int64)
    sims = vectors[ia] @ vectors[ib].T  # (La, Lb)
    best: tuple[float, int, int] | None = None
    for x, y in zip(*np.nonzero(sims >= np.float32(bar)), strict=True):
        sim = float(sims[x, y])
        if best is not None and sim <= best[0]:
            continue
        words_a, words_b = a.pieces[x][1], b.pieces[y][1]
        names = _names(words_a) & _names(words_b)
        # A language named by an everyday word meets only the language ("intro to
        # embedded Rust" / "rust and corrosion monitoring").
        names |= _languages(words_a) ^ _languages(words_b)
        common = stems(keys[ia[x]]) & stems(keys[ib[y]])
        if any(w not in names and counts.rare(w, n) for w in common):
            best = (sim, int(x), int(y))
    if best is None:
        return None
    sim, x, y = best
    return SharedItem(
        a=a.pieces[x][1], b=b.pieces[y][1], similarity=round(min(1.0, sim), 4),
        kind="interest", weight=0.0, grade=RELATED,
    )  # fmt: skip
