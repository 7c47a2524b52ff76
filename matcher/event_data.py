"""What an event's matching reads about its people, kept current one change at a time.

Rows: every profile the event has held, as ids into one vocabulary of phrases and
organizations (a changed profile gets a new row; the old one goes inactive). The
specificity of phrases and organizations is exact for the people present: it is
made from attendee counts (`matcher.concept_counts`, organization counts) that a
change updates. The search vectors of each row (`matcher.candidates.Neighbours`)
are made with the weights of their day; `refresh` makes every row's again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from matcher.arrays import unique_sorted
from matcher.candidates import SEARCHES, Neighbours, _knn_pairs, _width
from matcher.concept_counts import ConceptCounts
from matcher.concepts import ConceptStats, concept_stats
from matcher.diversity import principal_basis, project
from matcher.encoding import PhraseVectors
from matcher.facets import Facets, Row, Vocabulary, assemble, encode_profile
from matcher.specificity import (
    _weight,
    counted_org_weights,
    counted_weights,
    prior_prevalence,
)
from matcher.threads import single_blas_thread
from matcher.types import Profile

if TYPE_CHECKING:
    from matcher.matcher import MatchParams

# Per-row arrays, grown together.
_ROW_ARRAYS = ("active", "hidden", "company", "nonempty")


class EventData:
    """The people of one event as the matcher reads them (see the module docstring)."""

    def __init__(self, table: PhraseVectors, params: MatchParams, prior_only: bool) -> None:
        self.table = table
        self.params = params
        self.prior_only = prior_only  # two people are no population: generic prior only
        self.vocab = Vocabulary()
        self.rows: list[Row] = []
        self.ids: list[str] = []  # row -> profile id
        self.profiles: list[Profile] = []
        self.row_of: dict[str, int] = {}  # id -> its current (active) row
        self.active = np.zeros(0, dtype=bool)
        self.hidden = np.zeros(0, dtype=bool)
        self.company = np.zeros(0, dtype=np.int64)
        self.nonempty = np.zeros(0, dtype=bool)
        self._vectors = np.zeros((1, 1), dtype=np.float32)  # phrase id -> vector, + zero pad
        self._filled = 0  # phrases with their vector in `_vectors`
        self.concepts: ConceptCounts | None = None
        self.org_df = np.zeros(0, dtype=np.float32)
        self.neighbours: Neighbours | None = None
        self.basis: np.ndarray | None = None  # principal directions of the topic vectors
        self.reduced = np.zeros((0, 0), dtype=np.float32)  # rows' topic vectors on `basis`
        self.changes = 0  # rows put or dropped since the search vectors were all made
        self._weights: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def n(self) -> int:
        """People present."""
        return len(self.row_of)

    @property
    def size(self) -> int:
        """Rows ever held (the length of every per-row array)."""
        return len(self.rows)

    def present(self) -> np.ndarray:
        """The active rows, ascending."""
        return np.flatnonzero(self.active[: self.size])

    # -- phrases ----------------------------------------------------------------

    def _phrase_vectors(self, progress: Callable[[float], None] | None = None) -> None:
        """Make sure every phrase of the vocabulary has its vector."""
        have, count = self._filled, len(self.vocab.phrases)
        if count == have:
            return
        new = self.table.matrix(self.vocab.phrases[have:], progress)
        dim = int(new.shape[1])
        if self._vectors.shape[1] != dim or self._vectors.shape[0] < count + 1:
            grown = np.zeros((max(count + 1, 2 * self._vectors.shape[0]), dim), dtype=np.float32)
            if have:
                grown[:have] = self._vectors[:have]
            self._vectors = grown
        self._vectors[have:count] = new
        self._filled = count

    def vectors(self) -> np.ndarray:
        """Every phrase's vector by phrase id, then the zero padding row: (U + 1, d).

        A view: valid until the next phrase arrives (its row is the padding now).
        """
        return self._vectors[: len(self.vocab.phrases) + 1]

    def _prior(self, vectors: np.ndarray) -> np.ndarray:
        return prior_prevalence(vectors, self.table, self.params.specificity)

    # -- building ---------------------------------------------------------------

    def build(
        self,
        profiles: Sequence[Profile],
        hidden: set[str],
        progress: Callable[[float], None] | None = None,
    ) -> tuple[Facets, ConceptStats | None]:
        """Start from `profiles` (every row present); -> their facets and, unless
        prior-only, the concept statistics of one full search (rare pairs included)."""
        for prof in profiles:
            self._append(prof, prof.id in hidden)
        self._phrase_vectors(progress)
        facets = self.facets(np.arange(self.size))
        spec, score = self.params.specificity, self.params.score
        self.concepts = ConceptCounts(
            facets.vectors.shape[1],
            spec.cluster_threshold,
            score.topic_threshold,
            self.params.max_rare_holders,
            self._prior,
        )
        stats = None
        if self.prior_only:
            topic_ids = unique_sorted(facets.topics.values)
            self.concepts.fill(
                ConceptStats(topic_ids, np.zeros(len(topic_ids)), None, np.zeros(len(topic_ids))),
                facets.topics,
                facets.vectors,
            )
        else:
            stats = concept_stats(
                facets.topics,
                facets.vectors,
                facets.n,
                spec.cluster_threshold,
                score.topic_threshold,
                self.params.max_rare_holders,
            )
            self.concepts.fill(stats, facets.topics, facets.vectors)
        self.org_df = np.bincount(facets.orgs.values, minlength=len(self.vocab.org_keys)).astype(
            np.float32
        )
        return facets, stats

    def ensure_neighbours(self, facets: Facets | None = None) -> Neighbours:
        """The rows' search vectors, made now for every row if not yet made
        (`facets`: of every row, if at hand)."""
        if self.neighbours is None:
            whole = facets if facets is not None else self.facets(np.arange(self.size))
            self.neighbours = Neighbours.of(whole, self.weights()[0])
            for name in self.neighbours.vectors:  # absent rows are never found
                self.neighbours.vectors[name][~self.active[: self.size]] = 0.0
            self._rebase()
        return self.neighbours

    def _append(self, prof: Profile, hidden: bool) -> int:
        row = self.size
        encoded = encode_profile(prof, self.vocab)
        self.rows.append(encoded)
        self.ids.append(prof.id)
        self.profiles.append(prof)
        self.row_of[prof.id] = row
        if len(self.active) <= row:
            for name in _ROW_ARRAYS:
                old = getattr(self, name)
                new = np.zeros(max(64, 2 * len(old)), dtype=old.dtype)
                new[: len(old)] = old
                setattr(self, name, new)
        self.active[row] = True
        self.hidden[row] = hidden
        self.company[row] = encoded.company
        self.nonempty[row] = bool(
            encoded.topics or encoded.needs or encoded.offers or encoded.orgs
            or encoded.whole >= 0
        )  # fmt: skip
        self._weights = None
        return row

    def facets(self, rows: np.ndarray) -> Facets:
        """The facets of `rows` (position p is row rows[p]), over every phrase."""
        picked = rows.tolist()
        return assemble(
            [self.ids[r] for r in picked],
            [self.rows[r] for r in picked],
            self.vocab,
            self.vectors(),
        )

    # -- weights ----------------------------------------------------------------

    def weights(self) -> tuple[np.ndarray, np.ndarray]:
        """(topic weight by phrase id (U + 1,), organization weight by org id): the
        event's specificity for the people present now."""
        if self._weights is None:
            assert self.concepts is not None
            spec = self.params.specificity
            topic_w = np.zeros(len(self.vocab.phrases) + 1, dtype=np.float32)
            at = np.asarray(self.concepts.phrase_at, dtype=np.int64)
            if self.prior_only:
                topic_w[at] = _weight(self.concepts.prior(), spec)
            elif len(at):
                topic_w[at] = counted_weights(
                    self.concepts.df(), self.concepts.prior(), self.n, spec
                )
            org_df = np.zeros(len(self.vocab.org_keys), dtype=np.float32)
            org_df[: len(self.org_df)] = self.org_df[: len(org_df)]
            org_w = counted_org_weights(org_df, self.n, spec, self.prior_only)
            self._weights = (topic_w, org_w)
        return self._weights

    # -- changes ----------------------------------------------------------------

    def _topic_vectors(self, row: int) -> tuple[list[int], np.ndarray]:
        ids = self.rows[row].topics
        return ids, self._vectors[np.asarray(ids, dtype=np.int64)]

    def put(self, prof: Profile, hidden: bool) -> int:
        """A new row for `prof` (its previous one, if any, dropped first); -> the row."""
        old = self.row_of.get(prof.id)
        if old is not None:
            self.drop(old)
        row = self._append(prof, hidden)
        self._phrase_vectors()
        assert self.concepts is not None
        ids, vecs = self._topic_vectors(row)
        self.concepts.add(row, ids, vecs)
        orgs = self.rows[row].orgs
        if orgs:
            if len(self.org_df) < len(self.vocab.org_keys):
                grown = np.zeros(2 * len(self.vocab.org_keys), dtype=np.float32)
                grown[: len(self.org_df)] = self.org_df
                self.org_df = grown
            self.org_df[orgs] += 1
        self._weights = None
        if self.neighbours is None:  # made for every row, this one included
            self.ensure_neighbours()
            self.changes += 1
            return row
        self._grow_neighbours()
        one = Neighbours.of(self.facets(np.array([row])), self.weights()[0])
        for facet, vecs in one.vectors.items():
            self.neighbours.vectors[facet][row] = vecs[0]
        for search in SEARCHES:  # not searched yet: anyone similar may be its neighbour
            self.neighbours.kth[search.name][row] = -np.inf
        self.reduced[row] = project(one.vectors["topics"], self.basis)[0]
        self.changes += 1
        return row

    def drop(self, row: int) -> None:
        """`row` leaves the event: never found again, no longer counted."""
        assert self.concepts is not None
        self.active[row] = False
        del self.row_of[self.ids[row]]
        ids, vecs = self._topic_vectors(row)
        self.concepts.remove(row, ids, vecs)
        if self.rows[row].orgs:
            self.org_df[self.rows[row].orgs] -= 1
        if self.neighbours is not None:
            for vecs_of in self.neighbours.vectors.values():
                vecs_of[row] = 0.0
        self._weights = None
        self.changes += 1

    def _grow_neighbours(self) -> None:
        """Room for every row in the search arrays, at the phrase vectors' dimension
        (an event that had no phrase yet had none)."""
        assert self.neighbours is not None
        nb = self.neighbours
        have = len(nb.kth["topics"])
        dim = self._vectors.shape[1]
        if have >= self.size and nb.vectors["topics"].shape[1] == dim:
            return
        cap = max(64, 2 * have, self.size)
        for key, old in nb.vectors.items():
            new = np.zeros((cap, dim), dtype=np.float32)
            if old.shape[1] == dim:
                new[:have] = old
            nb.vectors[key] = new
        for key, old_kth in nb.kth.items():
            new_kth = np.full(cap, -np.inf, dtype=np.float32)
            new_kth[:have] = old_kth
            nb.kth[key] = new_kth
        width = self.reduced.shape[1] if self.basis is not None else dim
        reduced = np.zeros((cap, width), dtype=np.float32)
        if self.reduced.shape[1] == width:
            reduced[:have] = self.reduced[:have]
        self.reduced = reduced
        if self.basis is None and dim > 1:
            self._rebase()

    # -- neighbours -------------------------------------------------------------

    def _rebase(self) -> None:
        """Principal directions and reduced vectors from the current topic vectors."""
        assert self.neighbours is not None
        topics = self.neighbours.vectors["topics"]
        present = self.present()
        with single_blas_thread():  # a small product: threads only contend
            self.basis = principal_basis(topics[present])
            self.reduced = project(topics, self.basis)

    def search_all(self) -> list[np.ndarray]:
        """Every present row's nearest neighbours, all three searches: fills `kth`;
        -> the pairs (m, 2) each search found, in rows."""
        nb, present, found = self.ensure_neighbours(), self.present(), []
        per_person, per_goal = self.params.candidates_per_person, self.params.candidates_per_goal
        for search in SEARCHES:
            pairs, kth = _knn_pairs(
                nb.vectors[search.query][present],
                nb.vectors[search.base][present],
                _width(search, per_person, per_goal),
                search.same,
                present,
                present,
            )
            nb.kth[search.name][present] = kth
            found.append(pairs)
        return found

    def refresh(self) -> None:
        """Every present row's search vectors with today's weights, and their searches."""
        present = self.present()
        fresh = Neighbours.of(self.facets(present), self.weights()[0])
        nb = self.ensure_neighbours()
        for facet, vecs in fresh.vectors.items():
            nb.vectors[facet][present] = vecs
        self._rebase()
        self.search_all()
        self.changes = 0

    def rare_partners(self, row: int) -> set[int]:
        """Who shares a concept few people hold with `row` (`ConceptCounts.rare_partners`)."""
        assert self.concepts is not None
        ids, vecs = self._topic_vectors(row)
        return self.concepts.rare_partners(row, ids, self.concepts.near(vecs))
