"""Diversity within one person's list: near-identical candidates lose utility (MMR-style)."""

from __future__ import annotations

import numpy as np

from matcher.threads import single_blas_thread

CHUNK = 512
MAX_BLOCK = 8_000_000  # floats in one (receivers, M, d) block of candidate vectors
DIMS = 32  # redundancy is a coarse notion: the main principal components suffice


def principal_basis(vectors: np.ndarray, dims: int = DIMS) -> np.ndarray | None:
    """The top principal directions of the rows: (N, d) -> (d, dims), None if d <= dims."""
    if vectors.shape[1] <= dims:
        return None
    gram = vectors.T @ vectors  # (d, d): cheap however many rows
    _, eigvecs = np.linalg.eigh(gram.astype(np.float64))
    return np.ascontiguousarray(eigvecs[:, -dims:].astype(np.float32))


def project(vectors: np.ndarray, basis: np.ndarray | None) -> np.ndarray:
    """Rows projected onto `basis` and re-normalised: (N, d) -> (N, dims)."""
    if basis is None:
        return vectors
    low = (vectors @ basis).astype(np.float32)
    norms = np.linalg.norm(low, axis=1, keepdims=True)
    return np.divide(low, norms, out=np.zeros_like(low), where=norms > 0)


def reduce_dims(vectors: np.ndarray, dims: int = DIMS) -> np.ndarray:
    """Project rows onto their top principal directions and re-normalise: (N, d) -> (N, dims)."""
    return project(vectors, principal_basis(vectors, dims))


def diversified_utility(
    recv: np.ndarray,
    sugg: np.ndarray,
    score: np.ndarray,
    vectors: np.ndarray,
    steps: int,
    strength: float = 0.3,
    onset: float = 0.5,
    reduce: bool = True,
) -> np.ndarray:
    """Per-receiver maximal-marginal-relevance utilities of directed edges.

    recv, sugg, score (E,); vectors (N, d) L2-normalised profile vectors -> (E,).
    Each receiver's candidates are picked greedily `steps` times; a candidate's
    utility is its score times (1 - strength * redundancy), where redundancy grows
    from 0 at cosine `onset` to 1 at cosine 1 with the most similar earlier pick.
    `reduce`: project `vectors` onto their main directions first (`reduce_dims`);
    False when they already are.
    """
    util = score.astype(np.float32).copy()
    if len(recv) == 0 or steps <= 0:
        return util
    with single_blas_thread():  # small products: threads only contend
        if reduce:
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
    order = np.lexsort((-score, recv))  # by receiver, best score first
    r_sorted = recv[order]
    starts = np.flatnonzero(np.r_[True, np.diff(r_sorted) != 0])
    sizes = np.diff(np.r_[starts, len(order)])
    # Only a receiver's best few can be picked in `steps` steps: until then one of its
    # `steps` best is unpicked, worth at least (1 - strength) times the steps-th score,
    # more than anyone scoring below that can be worth.
    sorted_score = score[order]
    kth = sorted_score[starts + np.minimum(sizes, steps) - 1]
    floor = np.repeat(kth * (1 - strength) * (1 - 1e-6), sizes)
    reach = (
        np.add.reduceat((sorted_score >= floor).astype(np.int64), starts) if len(starts) else starts
    )
    # Receivers of similar list lengths share a block: little padding.
    by_size = np.argsort(sizes, kind="stable")
    starts, sizes, reach = starts[by_size], sizes[by_size], reach[by_size]
    c = 0
    while c < len(starts):
        # Rows per block: as many as fit MAX_BLOCK at the widest row of the block.
        rows = CHUNK
        while rows > 1 and int(sizes[c : c + rows].max()) * rows * vectors.shape[1] > MAX_BLOCK:
            rows //= 2
        s, lens, near = starts[c : c + rows], sizes[c : c + rows], reach[c : c + rows]
        c += rows
        _mmr_block(order, s, lens, near, sugg, score, vectors, steps, strength, onset, util)


def _mmr_block(
    order: np.ndarray,
    starts: np.ndarray,
    lens: np.ndarray,
    near: np.ndarray,
    sugg: np.ndarray,
    score: np.ndarray,
    vectors: np.ndarray,
    steps: int,
    strength: float,
    onset: float,
    util: np.ndarray,
) -> None:
    """Greedy picks over each receiver's first `near` edges, then every edge's utility."""
    rows = len(starts)
    width = int(lens.max())
    mask = np.arange(width)[None, :] < lens[:, None]  # (R, M)
    edge = np.zeros((rows, width), dtype=np.int64)
    edge[mask] = order[(starts[:, None] + np.arange(width)[None, :])[mask]]
    base = np.where(mask, score[edge], -np.inf).astype(np.float32)  # (R, M)
    vec = vectors[sugg[edge]]  # (R, M, d)
    top = int(near.max())
    head = np.arange(top)[None, :] < near[:, None]  # (R, W): the edges that can be picked
    redundancy = np.zeros((rows, top), dtype=np.float32)
    picked = ~head
    chosen: list[np.ndarray] = []  # each step's pick (R,), -1 where none was left
    for _ in range(min(steps, top)):
        adjusted = np.where(picked, -np.inf, base[:, :top] * (1 - strength * redundancy))
        best = np.argmax(adjusted, axis=1)  # (R,)
        live = np.isfinite(adjusted[np.arange(rows), best])
        take = np.flatnonzero(live)
        util[edge[take, best[take]]] = adjusted[take, best[take]]
        picked[take, best[take]] = True
        chosen.append(np.where(live, best, -1))
        sims = np.matmul(vec[:, :top], vec[np.arange(rows), best][:, :, None])[:, :, 0]
        red = np.clip((sims - onset) / (1 - onset), 0.0, 1.0)
        redundancy = np.where(live[:, None], np.maximum(redundancy, red), redundancy)
    rest = head & ~picked
    util[edge[:, :top][rest]] = (base[:, :top] * (1 - strength * redundancy))[rest]
    # The others (past each receiver's first `near`): their redundancy with every pick.
    others = mask & ~(np.arange(width)[None, :] < near[:, None])
    if not others.any():
        return
    if not chosen:
        util[edge[others]] = base[others]
        return
    lo = int(near.min())
    picks = np.stack(chosen, axis=1)  # (R, T)
    pick_vec = vec[np.arange(rows)[:, None], np.maximum(picks, 0)]  # (R, T, d)
    sims = np.matmul(vec[:, lo:], pick_vec.transpose(0, 2, 1))  # (R, M - lo, T)
    red = np.where(picks[:, None, :] >= 0, np.clip((sims - onset) / (1 - onset), 0.0, 1.0), 0.0)
    tail = others[:, lo:]
    util[edge[:, lo:][tail]] = (base[:, lo:] * (1 - strength * red.max(axis=2)))[tail]
