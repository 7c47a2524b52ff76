"""Topic concepts in one pass over the phrase neighbourhoods.

Specificity needs, for every topic phrase, how many attendees hold a phrase of
the same concept (cosine >= the cluster threshold); candidate generation needs
the pairs of attendees who hold a rare concept (cosine >= the match threshold).
Both read the same neighbourhoods of the same phrases, so a full run searches
them once, at the lower threshold, one block of phrases at a time (at 100,000
attendees each search is minutes of exact inner products).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from matcher.arrays import unique_sorted
from matcher.facets import Ragged
from matcher.index import RangeBlock, range_blocks


@dataclass
class ConceptStats:
    """What the neighbourhoods of the topic phrases `topic_ids` say."""

    topic_ids: np.ndarray  # (T,) phrase ids, ascending
    df: np.ndarray | None  # (T,) attendees holding each phrase's concept
    rare_pairs: np.ndarray | None  # (m, 2) attendees sharing a concept few people hold
    reach: np.ndarray | None = None  # (T,) attendees holding a phrase it matches


def concept_stats(
    topics: Ragged,
    vectors: np.ndarray,
    n: int,
    cluster_threshold: float | None,
    match_threshold: float | None,
    max_holders: int = 0,
) -> ConceptStats:
    """Document frequency at `cluster_threshold` and rare-concept pairs at
    `match_threshold` (either None: not computed) from one range search.

    `topics`: every attendee's topic phrase ids; `vectors`: all phrase vectors.
    """
    topic_ids = unique_sorted(topics.values)
    t = len(topic_ids)
    want = [x for x in (cluster_threshold, match_threshold) if x is not None]
    if t == 0 or not want:
        empty = np.zeros((0, 2), dtype=np.int64)
        return ConceptStats(
            topic_ids,
            np.zeros(t, dtype=np.float32) if cluster_threshold is not None else None,
            empty if match_threshold is not None else None,
            np.zeros(t, dtype=np.float32) if match_threshold is not None else None,
        )
    local = np.full(int(topic_ids.max()) + 1, -1, dtype=np.int64)
    local[topic_ids] = np.arange(t)
    holders = sparse.csr_matrix(
        (np.ones(len(topics.values), dtype=np.float32), (local[topics.values], topics.owners())),
        shape=(t, n),
    )
    df = np.zeros(t, dtype=np.float32) if cluster_threshold is not None else None
    rare = _RareConcepts(holders, max_holders, t) if match_threshold is not None else None
    for block in range_blocks(vectors[topic_ids], min(want)):
        if df is not None and cluster_threshold is not None:
            reach = _near(block, cluster_threshold, t) @ holders  # (block, n)
            df[block.start : block.stop] = np.diff(reach.indptr)
        if rare is not None and match_threshold is not None:
            rare.add(block, _near(block, match_threshold, t))
    if rare is None:
        return ConceptStats(topic_ids, df, None)
    return ConceptStats(topic_ids, df, rare.pairs(), rare.reach)


def _near(block: RangeBlock, threshold: float, t: int) -> sparse.csr_matrix:
    """The block's neighbourhoods at `threshold` as a (block, T) 0/1 matrix."""
    keep = block.sims >= np.float32(threshold)
    rows, cols = block.rows[keep], block.cols[keep]
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows - block.start, cols)),
        shape=(block.stop - block.start, t),
    )


class _RareConcepts:
    """Accumulates, block by block, the concepts held by 2..max_holders attendees."""

    def __init__(self, holders: sparse.csr_matrix, max_holders: int, t: int) -> None:
        self.holders = holders
        self.max_holders = max_holders
        self.reach = np.zeros(t, dtype=np.float32)  # attendees each phrase reaches
        self.rows: list[np.ndarray] = []
        self.reached: list[sparse.csr_matrix] = []

    def add(self, block: RangeBlock, near: sparse.csr_matrix) -> None:
        reach = (near @ self.holders).tocsr()  # (block, N): who holds something matching
        counts = np.diff(reach.indptr)
        self.reach[block.start : block.stop] = counts
        rare = np.flatnonzero((counts >= 2) & (counts <= self.max_holders))
        if len(rare):
            self.rows.append(rare + block.start)
            self.reached.append(reach[rare])

    def pairs(self) -> np.ndarray:
        if not self.rows:
            return np.zeros((0, 2), dtype=np.int64)
        rare_reach = sparse.vstack(self.reached).tocsr()  # (R, N), at most max_holders per row
        rare_reach.data[:] = 1.0
        holders_rare = self.holders[np.concatenate(self.rows)]  # (R, N): the phrase's own holders
        pairs = (holders_rare.T @ rare_reach).tocoo()  # (N, N) sparse, bounded by max_holders^2
        keep = pairs.row != pairs.col
        return np.stack([pairs.row[keep], pairs.col[keep]], axis=1).astype(np.int64)
