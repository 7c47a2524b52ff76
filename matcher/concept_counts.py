"""The event's topic concepts, kept exact while people come and go.

For every topic phrase of the event: how many attendees hold a phrase of its
concept (cosine >= the cluster threshold; specificity's document frequency), how
many hold a phrase it matches (cosine >= the match threshold; a concept few people
reach pairs them as candidates), and who holds the phrase itself. A full run reads
these from one search of every phrase's neighbourhood (`matcher.concepts`); a
sign-up, an edit or a removal then changes only the counts of the phrases near
that person's own, found by comparing their few phrases with the event's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from matcher.concepts import ConceptStats
from matcher.facets import Ragged


class ConceptCounts:
    """Per topic phrase (by phrase id): concept holders, match reach, own holders, prior."""

    def __init__(
        self,
        dim: int,
        cluster_threshold: float,
        match_threshold: float,
        max_holders: int,
        prior_of: Callable[[np.ndarray], np.ndarray],
    ) -> None:
        self.cluster = np.float32(cluster_threshold)
        self.match = np.float32(match_threshold)
        self.max_holders = max_holders
        self.prior_of = prior_of  # (m, d) phrase vectors -> (m,) prior prevalence
        self.phrase_at: list[int] = []  # table position -> phrase id
        self.pos: dict[int, int] = {}  # phrase id -> table position
        self.holders: list[set[int]] = []
        self._vecs = np.zeros((64, dim), dtype=np.float32)
        self._df = np.zeros(64, dtype=np.float32)
        self._reach = np.zeros(64, dtype=np.float32)
        self._prior = np.zeros(64, dtype=np.float32)

    @property
    def size(self) -> int:
        """Topic phrases in the table."""
        return len(self.phrase_at)

    def df(self) -> np.ndarray:
        """(T,) attendees holding each table phrase's concept."""
        return self._df[: self.size]

    def reach(self) -> np.ndarray:
        """(T,) attendees holding a phrase each table phrase matches."""
        return self._reach[: self.size]

    def prior(self) -> np.ndarray:
        """(T,) the prior share of attendees holding each table phrase's concept."""
        return self._prior[: self.size]

    def _grow(self, need: int) -> None:
        if need <= len(self._df):
            return
        cap = max(need, 2 * len(self._df))
        for name in ("_vecs", "_df", "_reach", "_prior"):
            old = getattr(self, name)
            new = np.zeros((cap, *old.shape[1:]), dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def _enter(self, phrase_ids: list[int], vectors: np.ndarray) -> list[int]:
        """Append phrases new to the table (counts 0); -> their positions."""
        fresh = [(p, v) for p, v in zip(phrase_ids, vectors, strict=True) if p not in self.pos]
        start = self.size
        if fresh and self._vecs.shape[1] != vectors.shape[1]:  # no phrase had a vector yet
            assert start == 0
            self._vecs = np.zeros((len(self._vecs), vectors.shape[1]), dtype=np.float32)
        self._grow(start + len(fresh))
        for offset, (phrase, vec) in enumerate(fresh):
            self.pos[phrase] = start + offset
            self.phrase_at.append(phrase)
            self.holders.append(set())
            self._vecs[start + offset] = vec
        if fresh:
            self._prior[start : start + len(fresh)] = self.prior_of(
                self._vecs[start : start + len(fresh)]
            )
        return list(range(start, start + len(fresh)))

    def fill(self, stats: ConceptStats, topics: Ragged, vectors: np.ndarray) -> None:
        """Start the empty table from a full search's statistics over `topics` (profile
        p is row p); `vectors`: every phrase's vector by phrase id."""
        assert stats.df is not None and stats.reach is not None and not self.size
        ids = stats.topic_ids.tolist()
        self._enter(ids, vectors[stats.topic_ids])
        self._df[: len(ids)] = stats.df
        self._reach[: len(ids)] = stats.reach
        owners = topics.owners().tolist()
        for phrase, owner in zip(topics.values.tolist(), owners, strict=True):
            self.holders[self.pos[phrase]].add(owner)

    def near(self, vectors: np.ndarray) -> np.ndarray:
        """Cosines of every table phrase with each of `vectors`: (m, d) -> (T, m)."""
        return self._vecs[: self.size] @ np.asarray(vectors, dtype=np.float32).T

    def add(self, row: int, phrase_ids: list[int], vectors: np.ndarray) -> np.ndarray:
        """Count `row`, who holds these topic phrases ((m, d) vectors); -> `near` of them."""
        new = self._enter(phrase_ids, vectors)
        sims = self.near(vectors)
        if sims.shape[1] == 0:
            return sims
        best = sims.max(axis=1)
        self._df[: self.size][best >= self.cluster] += 1
        self._reach[: self.size][best >= self.match] += 1
        for phrase in phrase_ids:
            self.holders[self.pos[phrase]].add(row)
        for position in new:  # everyone holding a phrase near a new one counts for it
            column = sims[:, phrase_ids.index(self.phrase_at[position])]
            self._df[position] = len(self._holders_of(np.flatnonzero(column >= self.cluster)))
            self._reach[position] = len(self._holders_of(np.flatnonzero(column >= self.match)))
        return sims

    def remove(self, row: int, phrase_ids: list[int], vectors: np.ndarray) -> None:
        """Stop counting `row`, who held these topic phrases."""
        if not phrase_ids:
            return
        best = self.near(vectors).max(axis=1)
        self._df[: self.size][best >= self.cluster] -= 1
        self._reach[: self.size][best >= self.match] -= 1
        for phrase in phrase_ids:
            self.holders[self.pos[phrase]].discard(row)

    def _holders_of(self, positions: Iterable[int]) -> set[int]:
        out: set[int] = set()
        for position in positions:
            out |= self.holders[position]
        return out

    def rare_partners(self, row: int, phrase_ids: list[int], sims: np.ndarray) -> set[int]:
        """Who shares a rare concept with `row` (held by 2..max_holders attendees):
        everyone a rare phrase of theirs reaches, and the holders of every rare phrase
        one of theirs matches. `sims`: `near` of their phrases."""
        if sims.shape[1] == 0:
            return set()
        reach = self.reach()
        rare = (reach >= 2) & (reach <= self.max_holders)
        matched = sims >= self.match  # (T, m)
        partners = self._holders_of(np.flatnonzero(rare & matched.any(axis=1)))
        for k, phrase in enumerate(phrase_ids):
            if rare[self.pos[phrase]]:
                partners |= self._holders_of(np.flatnonzero(matched[:, k]))
        partners.discard(row)
        return partners
