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

from matcher.facets import Facets, Ragged
from matcher.index import knn, range_blocks


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


def rare_concept_pairs(
    facets: Facets, topic_w: np.ndarray, threshold: float, max_holders: int
) -> np.ndarray:
    """Pairs holding semantically matching phrases of a concept few people hold: -> (m, 2)."""
    topics = facets.topics
    ids = np.unique(topics.values)
    if len(ids) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    local = np.full(facets.pad + 1, -1, dtype=np.int64)
    local[ids] = np.arange(len(ids))
    t = len(ids)
    holders = sparse.csr_matrix(
        (np.ones(len(topics.values), dtype=np.float32), (local[topics.values], topics.owners())),
        shape=(t, facets.n),
    )
    rare_parts: list[np.ndarray] = []
    reach_parts: list[sparse.csr_matrix] = []
    for b in range_blocks(facets.vectors[ids], threshold):  # bounded memory per block
        near = sparse.csr_matrix(
            (np.ones(len(b.rows), dtype=np.float32), (b.rows - b.start, b.cols)),
            shape=(b.stop - b.start, t),
        )
        reach = (near @ holders).tocsr()  # (block, N): who holds something matching
        counts = np.diff(reach.indptr)
        rare = np.flatnonzero((counts >= 2) & (counts <= max_holders))
        if len(rare):
            rare_parts.append(rare + b.start)
            reach_parts.append(reach[rare])
    if not rare_parts:
        return np.zeros((0, 2), dtype=np.int64)
    rare_reach = sparse.vstack(reach_parts).tocsr()  # (R, N), at most max_holders per row
    rare_reach.data[:] = 1.0
    holders_rare = holders[np.concatenate(rare_parts)]  # (R, N): holders of the phrase itself
    pairs = (holders_rare.T @ rare_reach).tocoo()  # (N, N) sparse, bounded by max_holders^2
    keep = pairs.row != pairs.col
    return np.stack([pairs.row[keep], pairs.col[keep]], axis=1).astype(np.int64)


def candidate_pairs(
    facets: Facets,
    topic_w: np.ndarray,
    per_person: int,
    per_goal: int,
    topic_threshold: float,
    max_rare_holders: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Unordered candidate pairs (i < j), deduplicated: -> (i (P,), j (P,))."""
    topic_vec = facet_vectors(facets, facets.topics, topic_w)
    need_vec = facet_vectors(facets, facets.needs, None)
    offer_vec = facet_vectors(facets, facets.offers, None)
    parts = [
        _knn_pairs(topic_vec, topic_vec, per_person, same=True),
        _knn_pairs(need_vec, offer_vec, per_goal, same=False),
        _knn_pairs(offer_vec, need_vec, per_goal, same=False),
        rare_concept_pairs(facets, topic_w, topic_threshold, max_rare_holders),
    ]
    both = np.concatenate(parts, axis=0)
    lo = np.minimum(both[:, 0], both[:, 1])
    hi = np.maximum(both[:, 0], both[:, 1])
    keys = np.unique(lo * facets.n + hi)
    return keys // facets.n, keys % facets.n
