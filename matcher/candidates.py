"""Candidate pairs: who might share common ground, found with faiss and rare concepts.

Three sources, all symmetric:
- nearest profiles by specificity-weighted topic vector (faiss inner product);
- needs -> offers and offers -> needs nearest neighbours;
- holders of the same rare concept (semantically), which a blurry profile vector
  can miss when the rare item sits among many generic ones (`matcher.concepts`).

A full run searches every profile's neighbours at once (`candidate_pairs`). An
event that changes one person at a time asks for the partners of a few people
(`partners_of`): their own nearest neighbours, plus everyone whose own nearest
neighbours they are now among, read from each person's k-th neighbour
similarity kept from the searches (`Neighbours.kth`). Both give a person the same
partners as long as those similarities are current.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from matcher.arrays import unique_sorted
from matcher.concepts import concept_stats
from matcher.facets import Facets, Ragged
from matcher.index import knn
from matcher.threads import single_blas_thread


def facet_vectors(facets: Facets, ragged: Ragged, weights: np.ndarray | None) -> np.ndarray:
    """One L2-normalised (weighted) mean vector per profile: -> (N, d), zero rows if empty."""
    w = (
        weights[ragged.values].astype(np.float32)
        if weights is not None
        else np.ones(len(ragged.values), dtype=np.float32)
    )
    # A sparse (profiles x phrases) weight matrix times the phrase vectors: never
    # one row per item (at 100,000 attendees that copy alone was 2 GB).
    by_profile = sparse.csr_matrix(
        (w, ragged.values, ragged.indptr), shape=(facets.n, facets.vectors.shape[0])
    )
    sums = np.asarray(by_profile @ facets.vectors, dtype=np.float32)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)


@dataclass(frozen=True)
class Search:
    """One nearest-neighbour search: each profile's `query` vector against the others'
    `base` vectors, keeping `width` neighbours (`same`: base and query are one facet)."""

    name: str
    query: str
    base: str
    same: bool


# Needs -> offers finds who offers what I need; offers -> needs who needs what I offer.
SEARCHES = (
    Search("topics", "topics", "topics", True),
    Search("needs", "needs", "offers", False),
    Search("offers", "offers", "needs", False),
    # Whole professional profiles: people whose common ground is in their bios.
    Search("whole", "whole", "whole", True),
)


@dataclass
class Neighbours:
    """Every profile's search vectors and, per search, its k-th neighbour similarity.

    `vectors`: facet -> (N, d) L2-normalised mean vectors ("topics" weighted by
    specificity), zero rows for empty facets. `kth`: search -> (N,) the similarity
    of the last neighbour the search kept for that profile (-inf when it kept all
    there were): someone at least that similar is among its neighbours.
    """

    vectors: dict[str, np.ndarray]
    kth: dict[str, np.ndarray]

    @classmethod
    def of(cls, facets: Facets, topic_w: np.ndarray) -> Neighbours:
        """The search vectors of `facets`' profiles (similarities not searched yet)."""
        vectors = {
            "topics": facet_vectors(facets, facets.topics, topic_w),
            "needs": facet_vectors(facets, facets.needs, None),
            "offers": facet_vectors(facets, facets.offers, None),
            # Only people with a headline or an about: tags alone are searched above.
            "whole": np.where(
                facets.bio[:, None], facets.vectors[facets.whole], np.float32(0.0)
            ).astype(np.float32),
        }
        kth = {s.name: np.full(facets.n, -np.inf, dtype=np.float32) for s in SEARCHES}
        return cls(vectors, kth)


def _width(search: Search, per_person: int, per_goal: int) -> int:
    return per_person if search.name == "topics" else per_goal


def _knn_pairs(
    queries: np.ndarray,
    base: np.ndarray,
    k: int,
    same: bool,
    query_rows: np.ndarray | None = None,
    base_rows: np.ndarray | None = None,
    base_mask: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (q, b) of each non-empty query's k nearest non-empty base rows: -> (m, 2),
    and each query's k-th similarity (-inf for empty queries or fewer rows): (nq,).

    `same`: queries are base rows too; each finds itself first and k others.
    `query_rows`, `base_rows`: the profile rows of queries and base (default: their
    positions), which the pairs name. `base_mask` (nb,): the base rows searched
    (default: all).
    """
    query_rows = np.arange(len(queries)) if query_rows is None else query_rows
    base_rows = np.arange(len(base)) if base_rows is None else base_rows
    kth = np.full(len(queries), -np.inf, dtype=np.float32)
    q_ok = np.flatnonzero(_nonzero(queries))
    b_ok = np.flatnonzero(_nonzero(base) if base_mask is None else base_mask & _nonzero(base))
    if len(q_ok) == 0 or len(b_ok) == 0:
        return np.zeros((0, 2), dtype=np.int64), kth
    width = k + 1 if same else k
    sims, ids = knn(queries[q_ok], base[b_ok], width)
    if ids.shape[1] == width:  # every query kept a full list: its last one is the k-th
        kth[q_ok] = sims[:, -1]
    rows = np.repeat(query_rows[q_ok], ids.shape[1])
    cols = np.where(ids >= 0, base_rows[b_ok[np.maximum(ids, 0)]], -1).ravel()
    keep = (ids.ravel() >= 0) & (sims.ravel() > 0) & (rows != cols)
    return np.stack([rows[keep], cols[keep]], axis=1), kth


def _nonzero(vectors: np.ndarray) -> np.ndarray:
    """Which rows of (n, d) `vectors` are not all zero: (n,) bool. One pass, no copy."""
    return np.einsum("ij,ij->i", vectors, vectors) > 0


def rare_concept_pairs(facets: Facets, threshold: float, max_holders: int) -> np.ndarray:
    """Pairs holding semantically matching phrases of a concept few people hold: -> (m, 2)."""
    stats = concept_stats(facets.topics, facets.vectors, facets.n, None, threshold, max_holders)
    assert stats.rare_pairs is not None
    return stats.rare_pairs


def candidate_pairs(
    facets: Facets,
    topic_w: np.ndarray,
    per_person: int,
    per_goal: int,
    topic_threshold: float,
    max_rare_holders: int,
    rare_pairs: np.ndarray | None = None,
    neighbours: Neighbours | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Unordered candidate pairs (i < j), deduplicated: -> (i (P,), j (P,)).

    `rare_pairs`: the rare-concept pairs if already computed (`matcher.concepts`).
    `neighbours`: the profiles' search vectors if already made; their k-th
    similarities are filled in.
    """
    found = neighbours if neighbours is not None else Neighbours.of(facets, topic_w)
    parts = []
    for search in SEARCHES:
        pairs, found.kth[search.name] = _knn_pairs(
            found.vectors[search.query],
            found.vectors[search.base],
            _width(search, per_person, per_goal),
            search.same,
        )
        parts.append(pairs)
    parts.append(
        rare_pairs
        if rare_pairs is not None
        else rare_concept_pairs(facets, topic_threshold, max_rare_holders)
    )
    both = np.concatenate(parts, axis=0)
    lo = np.minimum(both[:, 0], both[:, 1])
    hi = np.maximum(both[:, 0], both[:, 1])
    keys = unique_sorted(lo * facets.n + hi)
    return keys // facets.n, keys % facets.n


def partners_of(
    neighbours: Neighbours,
    rows: np.ndarray,
    present: np.ndarray,
    per_person: int,
    per_goal: int,
) -> dict[int, np.ndarray]:
    """The search partners of each of `rows` (all of them `present`): its own nearest
    neighbours among the `present` rows, and the present rows that count it among theirs.

    -> row -> int64 array of its partner rows (never itself). Rare-concept partners
    are not included (`matcher.concepts`). The rows' own k-th similarities are
    updated from their searches.
    """
    # Every row up to the last present one, as views: copying the present rows of
    # each search's two (N, d) matrices cost more than the search itself at 10,000.
    # Small products on one BLAS thread: a second one only contends on a busy machine.
    top = int(present[-1]) + 1 if len(present) else 0
    here = np.zeros(top, dtype=bool)
    here[present] = True
    everyone = np.arange(top)
    parts = []
    with single_blas_thread():
        for search in SEARCHES:
            width = _width(search, per_person, per_goal)
            base = neighbours.vectors[search.base]
            forward, neighbours.kth[search.name][rows] = _knn_pairs(
                neighbours.vectors[search.query][rows],
                base[:top],
                width,
                search.same,
                rows,
                everyone,
                here,
            )
            # Reverse: a present row x whose own search (its query vector against our
            # base vector) keeps us: our similarity reaches its k-th.
            theirs = neighbours.vectors[search.query][:top]  # (M, d)
            sims = theirs @ base[rows].T  # (M, R)
            kth = neighbours.kth[search.name][:top]
            ok = here & _nonzero(theirs)
            x, r = np.nonzero((sims > 0) & (sims >= kth[:, None]) & ok[:, None])
            parts += [forward, np.stack([rows[r], x], axis=1)]
    return group_partners(np.concatenate(parts), rows)


def group_partners(pairs: np.ndarray, rows: np.ndarray) -> dict[int, np.ndarray]:
    """(m, 2) pairs (row, partner) -> row -> its distinct partners (never itself), for `rows`."""
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(pairs, axis=0)  # sorted by row, then partner
    starts = np.searchsorted(pairs[:, 0], rows, side="left")
    stops = np.searchsorted(pairs[:, 0], rows, side="right")
    return {
        int(row): pairs[lo:hi, 1].astype(np.int64)
        for row, lo, hi in zip(rows.tolist(), starts.tolist(), stops.tolist(), strict=True)
    }
