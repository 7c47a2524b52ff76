"""An event's profiles as arrays over one table of unique, normalised phrases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.encoding import PhraseVectors
from matcher.normalise import clean, normalise_goal, normalise_org, normalise_phrase, unique_items
from matcher.types import Profile

# A profile may list many items; beyond these only the first ones are compared
# (keeps pair scoring bounded; nobody reads forty interests anyway).
MAX_TOPICS = 40
MAX_GOALS = 15
MAX_ORGS = 15


@dataclass
class Ragged:
    """Per-profile lists of ints: profile p owns values[indptr[p]:indptr[p+1]].

    Never changed once made (its lengths are worked out once).
    """

    indptr: np.ndarray  # (N + 1,) int64
    values: np.ndarray  # (nnz,) int64
    _lengths: np.ndarray | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_lists(cls, lists: Sequence[Sequence[int]]) -> Ragged:
        """Pack Python lists of ints."""
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        indptr = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        values = np.fromiter((v for x in lists for v in x), dtype=np.int64, count=int(indptr[-1]))
        return cls(indptr, values)

    def row(self, p: int) -> np.ndarray:
        """Values of profile `p`, shape (len,)."""
        return self.values[self.indptr[p] : self.indptr[p + 1]]

    def lengths(self) -> np.ndarray:
        """Number of values per profile, shape (N,)."""
        if self._lengths is None:  # pair scoring asks for every receiver's candidates
            self._lengths = np.diff(self.indptr)
        return self._lengths

    def owners(self) -> np.ndarray:
        """The profile index of every value, shape (nnz,)."""
        return np.repeat(np.arange(len(self.indptr) - 1), self.lengths())

    def padded(self, rows: np.ndarray, pad: int) -> np.ndarray:
        """Values of `rows` padded with `pad` -> int64 array of shape (len(rows), max length)."""
        lens = self.lengths()[rows]
        width = int(lens.max()) if len(rows) else 0
        out = np.full((len(rows), width), pad, dtype=np.int64)
        if width:
            mask = np.arange(width)[None, :] < lens[:, None]
            starts = self.indptr[rows]
            out[mask] = self.values[(starts[:, None] + np.arange(width)[None, :])[mask]]
        return out


@dataclass
class Facets:
    """Profiles as phrase ids. Vectors has one extra all-zero row at index `pad` (= U)."""

    ids: list[str]
    phrases: list[str]  # unique normalised phrases, index = phrase id
    vectors: np.ndarray  # (U + 1, dim) float32, last row zero (padding)
    topics: Ragged  # interests + personal interests, phrase ids
    personal: Ragged  # 1 where the topic came from personal interests, aligned with topics
    needs: Ragged  # looking-for phrase ids
    offers: Ragged  # offering phrase ids
    orgs: Ragged  # organization ids into org_keys
    org_keys: list[str]
    company: np.ndarray  # (N,) int64 org id of the current company, -1 if unknown
    display: dict[str, list[str]]  # facet -> each value's original wording, aligned with values

    @property
    def n(self) -> int:
        """Number of profiles."""
        return len(self.ids)

    @property
    def pad(self) -> int:
        """The phrase id of the zero padding vector."""
        return len(self.phrases)

    def ragged(self, facet: str) -> Ragged:
        """The ids of a facet: "topics", "needs", "offers" or "orgs"."""
        found: Ragged = getattr(self, facet)
        return found

    def word_at(self, p: int, facet: str, pos: int) -> str:
        """Profile `p`'s own wording of its `pos`-th item in `facet`."""
        return self.display[facet][int(self.ragged(facet).indptr[p]) + pos]


def build_facets(
    profiles: Sequence[Profile],
    table: PhraseVectors,
    progress: Callable[[float], None] | None = None,
) -> Facets:
    """Normalise every profile's items and look up one vector per unique phrase.

    `progress` hears the share of new phrases encoded so far.
    """
    phrase_ids: dict[str, int] = {}
    org_ids: dict[str, int] = {}
    display: dict[str, list[str]] = {"topics": [], "needs": [], "offers": [], "orgs": []}
    topics: list[list[int]] = []
    personal: list[list[int]] = []
    needs: list[list[int]] = []
    offers: list[list[int]] = []
    orgs: list[list[int]] = []
    company = np.full(len(profiles), -1, dtype=np.int64)

    def pid(key: str) -> int:
        return phrase_ids.setdefault(key, len(phrase_ids))

    def oid(key: str) -> int:
        return org_ids.setdefault(key, len(org_ids))

    for p, prof in enumerate(profiles):
        t_ids: list[int] = []
        t_personal: list[int] = []
        tagged = [(x, 0) for x in prof.interests] + [(x, 1) for x in prof.personal_interests]
        seen: set[int] = set()
        for item, is_personal in tagged:
            display_text = clean(item)
            key = normalise_phrase(display_text)
            if not key:
                continue
            i = pid(key)
            if i in seen or len(t_ids) >= MAX_TOPICS:
                continue
            seen.add(i)
            t_ids.append(i)
            t_personal.append(is_personal)
            display["topics"].append(display_text)
        topics.append(t_ids)
        personal.append(t_personal)
        goals = (("needs", prof.looking_for, needs), ("offers", prof.offering, offers))
        for facet, items, out in goals:
            ids = []
            for key, words in unique_items(items, normalise_goal)[:MAX_GOALS]:
                ids.append(pid(key))
                display[facet].append(words)
            out.append(ids)
        o_ids = []
        for key, words in unique_items(prof.organizations, normalise_org)[:MAX_ORGS]:
            o_ids.append(oid(key))
            display["orgs"].append(words)
        company_key = normalise_org(prof.company)
        if company_key:
            company[p] = oid(company_key)
            if company[p] not in o_ids:  # the current company is a tie too
                o_ids.append(int(company[p]))
                display["orgs"].append(clean(prof.company))
        orgs.append(o_ids)

    phrases = list(phrase_ids)
    vecs = table.matrix(phrases, progress)
    dim = int(vecs.shape[1]) if phrases else 1
    vectors = np.zeros((len(phrases) + 1, dim), dtype=np.float32)
    if phrases:
        vectors[: len(phrases)] = vecs
    return Facets(
        ids=[p.id for p in profiles],
        phrases=phrases,
        vectors=vectors,
        topics=Ragged.from_lists(topics),
        personal=Ragged.from_lists(personal),
        needs=Ragged.from_lists(needs),
        offers=Ragged.from_lists(offers),
        orgs=Ragged.from_lists(orgs),
        org_keys=list(org_ids),
        company=company,
        display=display,
    )
