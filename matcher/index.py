"""faiss inner-product search: nearest neighbours and similarity-range neighbours.

Exact (flat) search; vectors are L2-normalised so inner product is cosine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

import faiss
import numpy as np

log = logging.getLogger(__name__)

# Queries per faiss call: bounds the (queries x base) distance block faiss holds.
_QUERY_BLOCK = 4096
# Up to this many query x base products, plain numpy: faiss wakes its OpenMP threads
# for every call, which costs milliseconds (tens under load) for a scan page's few
# vectors, against microseconds for the product itself.
SMALL = 250_000


def _flat(base: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(base.shape[1])
    index.add(np.ascontiguousarray(base, dtype=np.float32))
    return index


def knn(queries: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The `k` most similar base rows of every query.

    queries (nq, d), base (nb, d) float32 -> (sims (nq, k) float32, ids (nq, k) int64);
    missing neighbours (k > nb) have id -1.
    """
    nq = queries.shape[0]
    k = max(0, min(k, base.shape[0]))
    if nq == 0 or k == 0:
        return np.zeros((nq, k), dtype=np.float32), np.full((nq, k), -1, dtype=np.int64)
    if nq * base.shape[0] <= SMALL:
        all_sims = np.asarray(queries, dtype=np.float32) @ np.asarray(base, dtype=np.float32).T
        top = np.argsort(-all_sims, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(all_sims, top, axis=1), top.astype(np.int64)
    index = _flat(base)
    sims = np.empty((nq, k), dtype=np.float32)
    ids = np.empty((nq, k), dtype=np.int64)
    for start in range(0, nq, _QUERY_BLOCK):
        block = np.ascontiguousarray(queries[start : start + _QUERY_BLOCK], dtype=np.float32)
        s, i = index.search(block, k)
        sims[start : start + len(block)] = s
        ids[start : start + len(block)] = i
    return sims, ids


@dataclass
class RangeBlock:
    """The neighbours of query rows start..stop-1: pairs (rows, cols, sims), rows global."""

    start: int
    stop: int
    rows: np.ndarray  # (m,) int64, in start..stop-1
    cols: np.ndarray  # (m,) int64
    sims: np.ndarray  # (m,) float32


def range_blocks(vectors: np.ndarray, threshold: float) -> Iterator[RangeBlock]:
    """Every pair of rows with cosine >= `threshold` (each row with itself included),
    one block of query rows at a time, so memory is bounded per block.

    An event of 100,000 phrases has concepts with thousands of wordings: all their
    pairs at once would be hundreds of millions; a block is a few million at most.
    """
    n = vectors.shape[0]
    if n == 0:
        return
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    index = None if n * n <= SMALL else _flat(vecs)
    for start in range(0, n, _QUERY_BLOCK):
        stop = min(n, start + _QUERY_BLOCK)
        if index is None:
            all_sims = vecs[start:stop] @ vecs.T
            hit_r, hit_c = np.nonzero(all_sims >= threshold)
            r, c = hit_r.astype(np.int64) + start, hit_c.astype(np.int64)
            s = all_sims[hit_r, hit_c].astype(np.float32)
        else:
            lims, d, i = index.range_search(vecs[start:stop], float(threshold))
            bounds = np.asarray(lims, dtype=np.int64)
            r = np.repeat(np.arange(start, stop), bounds[1:] - bounds[:-1])
            c, s = i.astype(np.int64), d.astype(np.float32)
        # A row is always its own neighbour (zero vectors included).
        missing_self = np.setdiff1d(np.arange(start, stop), r[r == c])
        if len(missing_self):
            r = np.concatenate([r, missing_self])
            c = np.concatenate([c, missing_self])
            s = np.concatenate([s, np.ones(len(missing_self), dtype=np.float32)])
        yield RangeBlock(start, stop, r, c, s)
