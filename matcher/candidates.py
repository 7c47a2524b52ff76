"""Candidate pairs: who might share common ground, found with faiss and rare concepts.

Three sources, all symmetric:
- nearest profiles by specificity-weighted topic vector (faiss inner product);
- needs -> offers and offers -> needs nearest neighbours;
- holders of the same rare concept (semantically), which a blurry profile vector
  can miss when the rare item sits among many generic ones.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from matcher.concepts import concept_stats
from matcher.facets import Facets, Ragged
from matcher.index import knn


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


def _knn_pairs(queries: np.ndarray, base: np.ndarray, k: int, same: bool) -> np.ndarray:
    """Pairs (q, b) of each non-empty query's k nearest non-empty base rows: -> (m, 2)."""
    q_ok = np.flatnonzero(np.abs(queries).sum(axis=1) > 0)
    b_ok = np.flatnonzero(np.abs(base).sum(axis=1) > 0)
    if len(q_ok) == 0 or len(b_ok) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    sims, ids = knn(queries[q_ok], base[b_ok], k + 1 if same else k)
    rows = np.repeat(q_ok, ids.shape[1])
    cols = np.where(ids >= 0, b_ok[np.maximum(ids, 0)], -1).ravel()
    keep = (cols >= 0) & (sims.ravel() > 0) & (rows != cols)
    return np.stack([rows[keep], cols[keep]], axis=1)


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
) -> tuple[np.ndarray, np.ndarray]:
    """Unordered candidate pairs (i < j), deduplicated: -> (i (P,), j (P,)).

    `rare_pairs`: the rare-concept pairs if already computed (`matcher.concepts`).
    """
    topic_vec = facet_vectors(facets, facets.topics, topic_w)
    need_vec = facet_vectors(facets, facets.needs, None)
    offer_vec = facet_vectors(facets, facets.offers, None)
    parts = [
        _knn_pairs(topic_vec, topic_vec, per_person, same=True),
        _knn_pairs(need_vec, offer_vec, per_goal, same=False),
        _knn_pairs(offer_vec, need_vec, per_goal, same=False),
        rare_pairs
        if rare_pairs is not None
        else rare_concept_pairs(facets, topic_threshold, max_rare_holders),
    ]
    both = np.concatenate(parts, axis=0)
    lo = np.minimum(both[:, 0], both[:, 1])
    hi = np.maximum(both[:, 0], both[:, 1])
    keys = np.unique(lo * facets.n + hi)
    return keys // facets.n, keys % facets.n
