"""Diversity within one person's list: near-identical candidates lose utility (MMR-style)."""

from __future__ import annotations

import numpy as np

CHUNK = 512
MAX_BLOCK = 16_000_000  # floats in one (receivers, M, M) similarity block


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
    order = np.lexsort((-score, recv))
    r_sorted = recv[order]
    starts = np.flatnonzero(np.r_[True, np.diff(r_sorted) != 0])
    ends = np.r_[starts[1:], len(order)]
    width = int((ends - starts).max())
    chunk = max(1, min(CHUNK, MAX_BLOCK // (width * width)))
    for c in range(0, len(starts), chunk):
        s, e = starts[c : c + chunk], ends[c : c + chunk]
        rows = len(s)
        lens = e - s
        mask = np.arange(width)[None, :] < lens[:, None]  # (R, M)
        edge = np.zeros((rows, width), dtype=np.int64)
        edge[mask] = order[(s[:, None] + np.arange(width)[None, :])[mask]]
        base = np.where(mask, score[edge], -np.inf).astype(np.float32)  # (R, M)
        vec = vectors[sugg[edge]]  # (R, M, d)
        pair_sims = np.matmul(vec, vec.transpose(0, 2, 1))  # (R, M, M)
        redundancy = np.zeros((rows, width), dtype=np.float32)
        picked = ~mask
        for _ in range(min(steps, width)):
            adjusted = np.where(picked, -np.inf, base * (1 - strength * redundancy))
            best = np.argmax(adjusted, axis=1)  # (R,)
            live = np.isfinite(adjusted[np.arange(rows), best])
            take = np.flatnonzero(live)
            util[edge[take, best[take]]] = adjusted[take, best[take]]
            picked[take, best[take]] = True
            sims = pair_sims[np.arange(rows), best]  # (R, M)
            red = np.clip((sims - onset) / (1 - onset), 0.0, 1.0)
            redundancy = np.where(live[:, None], np.maximum(redundancy, red), redundancy)
        rest = mask & ~picked
        util[edge[rest]] = (base * (1 - strength * redundancy))[rest]
    return util
