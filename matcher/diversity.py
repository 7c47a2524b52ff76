"""Diversity within one person's list: near-identical candidates lose utility (MMR-style)."""

from __future__ import annotations

import numpy as np

from matcher.threads import single_blas_thread

CHUNK = 512
MAX_BLOCK = 8_000_000  # floats in one (receivers, M, d) block of candidate vectors
DIMS = 32  # redundancy is a coarse notion: the main principal components suffice


def reduce_dims(vectors: np.ndarray, dims: int = DIMS) -> np.ndarray:
    """Project rows onto their top principal directions and re-normalise: (N, d) -> (N, dims)."""
    if vectors.shape[1] <= dims:
        return vectors
    gram = vectors.T @ vectors  # (d, d): cheap however many rows
    _, eigvecs = np.linalg.eigh(gram.astype(np.float64))
    low = (vectors @ eigvecs[:, -dims:].astype(np.float32)).astype(np.float32)
    norms = np.linalg.norm(low, axis=1, keepdims=True)
    return np.divide(low, norms, out=np.zeros_like(low), where=norms > 0)


def diversified_utility(
    recv: np.ndarray,
    sugg: np.ndarray,
    score: np.ndarray,
    vectors: np.ndarray,
    steps: int,
    strength: float = 0.3,
    onset: float = 0.5,
) -> np.ndarray:
    """Per-receiver maximal-marginal-relevance utilities of directed edges.

    recv, sugg, score (E,); vectors (N, d) L2-normalised profile vectors -> (E,).
    Each receiver's candidates are picked greedily `steps` times; a candidate's
    utility is its score times (1 - strength * redundancy), where redundancy grows
    from 0 at cosine `onset` to 1 at cosine 1 with the most similar earlier pick.
    """
    util = score.astype(np.float32).copy()
    if len(recv) == 0 or steps <= 0:
        return util
    with single_blas_thread():  # small products: threads only contend
        vectors = reduce_dims(vectors)
        _mmr(recv, sugg, score, vectors, steps, strength, onset, util)
    return util


def _mmr(
    recv: np.ndarray,
    sugg: np.ndarray,
    score: np.ndarray,
    vectors: np.ndarray,
    steps: int,
    strength: float,
    onset: float,
    util: np.ndarray,
) -> None:
    order = np.lexsort((-score, recv))
    r_sorted = recv[order]
    starts = np.flatnonzero(np.r_[True, np.diff(r_sorted) != 0])
    ends = np.r_[starts[1:], len(order)]
    sizes = ends - starts
    c = 0
    while c < len(starts):
        # Rows per block: as many as fit MAX_BLOCK at the widest row of the block.
        rows = CHUNK
        while rows > 1 and int(sizes[c : c + rows].max()) * rows * vectors.shape[1] > MAX_BLOCK:
            rows //= 2
        s, e = starts[c : c + rows], ends[c : c + rows]
        c += rows
        rows = len(s)
        lens = e - s
        width = int(lens.max())
        mask = np.arange(width)[None, :] < lens[:, None]  # (R, M)
        edge = np.zeros((rows, width), dtype=np.int64)
        edge[mask] = order[(s[:, None] + np.arange(width)[None, :])[mask]]
        base = np.where(mask, score[edge], -np.inf).astype(np.float32)  # (R, M)
        vec = vectors[sugg[edge]]  # (R, M, d)
        redundancy = np.zeros((rows, width), dtype=np.float32)
        picked = ~mask
        for _ in range(min(steps, width)):
            adjusted = np.where(picked, -np.inf, base * (1 - strength * redundancy))
            best = np.argmax(adjusted, axis=1)  # (R,)
            live = np.isfinite(adjusted[np.arange(rows), best])
            take = np.flatnonzero(live)
            util[edge[take, best[take]]] = adjusted[take, best[take]]
            picked[take, best[take]] = True
            sims = np.matmul(vec, vec[np.arange(rows), best][:, :, None])[:, :, 0]  # (R, M)
            red = np.clip((sims - onset) / (1 - onset), 0.0, 1.0)
            redundancy = np.where(live[:, None], np.maximum(redundancy, red), redundancy)
        rest = mask & ~picked
        util[edge[rest]] = (base * (1 - strength * redundancy))[rest]
