"""Pair scores over candidate pairs, vectorised: shared topics, complements, ties.

The score of a pair is symmetric and in [0, 1]:

    score = 1 - (1 - shared) (1 - beta c_ab) (1 - beta c_ba) (1 - gamma tie)

- `shared`: specificity-weighted soft F1 of the two topic lists (BERTScore-like:
  each phrase is credited with its best match on the other side, credit ramps up
  with cosine above a threshold, phrases weigh by specificity; a pseudo-weight for
  what the lists leave unsaid keeps two "AI"-only profiles from scoring 1).
- `c_ab`: how well b's offers meet a's needs (noisy-or over a's needs), and `c_ba`
  the reverse: both directions count, so a pair good for both scores higher.
- `tie`: shared organizations, weighted by how rare the organization is here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.facets import Facets, Ragged
from matcher.parallel import map_slices
from matcher.threads import single_blas_thread


@dataclass(frozen=True)
class ScoreParams:
    """Thresholds and weights of the pair score (cosine values for all-MiniLM-L6-v2)."""

    topic_threshold: float = 0.5  # below: not the same interest ("marathons" / "tax law")
    topic_floor: float = 0.3  # credit ramps from here...
    topic_full: float = 0.75  # ...to full credit here (same concept, reworded)
    goal_threshold: float = 0.42  # needs and offers are worded differently; lower bar
    goal_floor: float = 0.25
    goal_full: float = 0.75
    unseen: float = 0.5  # pseudo-weight of what a profile leaves unsaid
    complement_weight: float = 0.4  # beta
    tie_weight: float = 0.15  # gamma


def ramp(sims: np.ndarray, threshold: float, floor: float, full: float) -> np.ndarray:
    """Match credit of cosines, same shape: 0 below `threshold`, linear floor..full, 1 above."""
    credit = np.subtract(sims, floor, dtype=np.float32)
    credit *= np.float32(1.0 / (full - floor))
    np.clip(credit, 0.0, 1.0, out=credit)
    credit[sims < threshold] = 0.0
    return credit


@dataclass
class PairScores:
    """Scores of candidate pairs; all arrays have shape (P,)."""

    i: np.ndarray
    j: np.ndarray
    shared: np.ndarray
    c_ij: np.ndarray  # j's offers meet i's needs
    c_ji: np.ndarray  # i's offers meet j's needs
    tie: np.ndarray
    score: np.ndarray

    def has_reason(self) -> np.ndarray:
        """(P,) bool: the pair has at least one thing to say (shared, complement or tie)."""
        return (self.shared > 0) | (self.c_ij > 0) | (self.c_ji > 0) | (self.tie > 0)


def combine(
    shared: np.ndarray, c_ij: np.ndarray, c_ji: np.ndarray, tie: np.ndarray, params: ScoreParams
) -> np.ndarray:
    """The symmetric pair score from its parts, all (P,) -> (P,) in [0, 1]."""
    beta, gamma = params.complement_weight, params.tie_weight
    rest = (1 - shared) * (1 - beta * c_ij) * (1 - beta * c_ji) * (1 - gamma * tie)
    return np.clip(1.0 - rest, 0.0, 1.0).astype(np.float32)


def score_pairs(
    facets: Facets,
    topic_w: np.ndarray,
    org_w: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    params: ScoreParams | None = None,
    processes: int = 1,
) -> PairScores:
    """Exact scores of the pairs (i[p], j[p]): i, j (P,) int -> PairScores of shape (P,).

    Grouped by i: one matrix product per person against all of their candidates'
    phrases, so the cost is linear in the number of candidate pairs. `processes`:
    how many processes share the groups (`matcher.parallel`); same scores.
    """
    params = params or ScoreParams()
    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    n_pairs = len(i)
    shared, c_ij, c_ji, tie = (np.zeros(n_pairs, dtype=np.float32) for _ in range(4))
    out = (shared, c_ij, c_ji, tie)
    order = np.argsort(i, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(i[order]) != 0]) if n_pairs else np.zeros(0, int)
    bounds = np.r_[starts, n_pairs]
    groups = _Groups(facets, topic_w, org_w, i, j, order, bounds, params)
    for (g0, g1), values in map_slices(
        groups.score, len(starts), processes, (np.diff(bounds) + _GROUP_COST).tolist()
    ):
        sel = order[bounds[g0] : bounds[g1]]
        for array, part in zip(out, values, strict=True):
            array[sel] = part
    score = combine(shared, c_ij, c_ji, tie, params)
    if not np.isfinite(score).all():  # a broken vector or weight: fail loudly, never rank by NaN
        bad = np.flatnonzero(~np.isfinite(score))[:5]
        pairs = [(int(i[p]), int(j[p])) for p in bad]
        raise ValueError(f"pair scores are not finite for pairs {pairs}")
    return PairScores(i, j, shared, c_ij, c_ji, tie, score)


# A receiver's group costs about as much as this many of its pairs (a few dozen
# numpy calls), whatever its size: slices are balanced on pairs + this per group.
_GROUP_COST = 60


class _Groups:
    """Scores the pairs of receivers g0..g1-1 (in `order`), for `map_slices`."""

    def __init__(
        self,
        facets: Facets,
        topic_w: np.ndarray,
        org_w: np.ndarray,
        i: np.ndarray,
        j: np.ndarray,
        order: np.ndarray,
        bounds: np.ndarray,
        params: ScoreParams,
    ) -> None:
        self.facets, self.topic_w, self.org_w = facets, topic_w, org_w
        self.i, self.j, self.order, self.bounds, self.params = i, j, order, bounds, params

    def score(self, g0: int, g1: int) -> tuple[np.ndarray, ...]:
        """(shared, c_ij, c_ji, tie) of the pairs order[bounds[g0]:bounds[g1]]."""
        facets, topic_w, org_w, params = self.facets, self.topic_w, self.org_w, self.params
        first = self.bounds[g0]
        size = self.bounds[g1] - first
        shared, c_ij, c_ji, tie = (np.zeros(size, dtype=np.float32) for _ in range(4))
        # Many small products: multi-threaded BLAS only adds contention here.
        with single_blas_thread():
            for g in range(g0, g1):
                lo, hi = self.bounds[g] - first, self.bounds[g + 1] - first
                sel = self.order[self.bounds[g] : self.bounds[g + 1]]
                a = int(self.i[sel[0]])
                cands = self.j[sel]
                shared[lo:hi] = _shared(facets, topic_w, a, cands, params)
                needs, offers = facets.needs.row(a), facets.offers.row(a)
                c_ij[lo:hi] = _complement(facets, needs, facets.offers, cands, params, True)
                c_ji[lo:hi] = _complement(facets, offers, facets.needs, cands, params, False)
                tie[lo:hi] = _ties(facets, org_w, a, cands)
        return shared, c_ij, c_ji, tie


def topic_alignment(facets: Facets, a_ids: np.ndarray, b_ids: np.ndarray) -> np.ndarray:
    """Cosines between two phrase-id arrays: (La,), (..., Lb) -> (La, ..., Lb)."""
    va = facets.vectors[a_ids]
    vb = facets.vectors[b_ids.reshape(-1)]
    return (va @ vb.T).reshape((len(a_ids), *b_ids.shape))


def aligned_credit(
    facets: Facets,
    a_ids: np.ndarray,
    b_ids: np.ndarray,
    threshold: float,
    floor: float,
    full: float,
) -> np.ndarray:
    """Match credit of a's phrases against each row of b_ids: (La,), (C, Lb) -> (La, C, Lb).

    Candidates share many phrases, so each distinct phrase is compared once.
    """
    uniq, inv = np.unique(b_ids, return_inverse=True)
    credit = ramp(facets.vectors[a_ids] @ facets.vectors[uniq].T, threshold, floor, full)
    return credit[:, inv.reshape(-1)].reshape((len(a_ids), *b_ids.shape))


def _shared(
    facets: Facets, topic_w: np.ndarray, a: int, cands: np.ndarray, params: ScoreParams
) -> np.ndarray:
    a_ids = facets.topics.row(a)
    if len(a_ids) == 0:
        return np.zeros(len(cands), dtype=np.float32)
    b_ids = facets.topics.padded(cands, facets.pad)  # (C, Lb)
    if b_ids.shape[1] == 0:
        return np.zeros(len(cands), dtype=np.float32)
    credit = aligned_credit(
        facets, a_ids, b_ids, params.topic_threshold, params.topic_floor, params.topic_full
    )  # (La, C, Lb)
    wa = topic_w[a_ids]  # (La,)
    wb = topic_w[b_ids]  # (C, Lb), padding weighs 0
    precision = (wa @ credit.max(axis=2)) / (wa.sum() + params.unseen)  # (C,)
    recall = (wb * credit.max(axis=0)).sum(axis=1) / (wb.sum(axis=1) + params.unseen)  # (C,)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    return f1.astype(np.float32)


def _complement(
    facets: Facets,
    mine: np.ndarray,
    theirs_facet: Ragged,
    cands: np.ndarray,
    params: ScoreParams,
    mine_are_needs: bool,
) -> np.ndarray:
    """Noisy-or over the needs side of each pair of its best-matching offer: -> (C,)."""
    if len(mine) == 0:
        return np.zeros(len(cands), dtype=np.float32)
    theirs = theirs_facet.padded(cands, facets.pad)  # (C, L)
    if theirs.shape[1] == 0:
        return np.zeros(len(cands), dtype=np.float32)
    credit = aligned_credit(
        facets, mine, theirs, params.goal_threshold, params.goal_floor, params.goal_full
    )  # (Lm, C, L)
    # The needs are on my side: each of my needs takes its best offer of theirs;
    # otherwise each of their needs takes my best offer.
    best = credit.max(axis=2).T if mine_are_needs else credit.max(axis=0)  # (C, needs)
    return (1.0 - np.prod(1.0 - best, axis=1)).astype(np.float32)


def _ties(facets: Facets, org_w: np.ndarray, a: int, cands: np.ndarray) -> np.ndarray:
    mine = facets.orgs.row(a)
    if len(mine) == 0:
        return np.zeros(len(cands), dtype=np.float32)
    theirs = facets.orgs.padded(cands, -1)  # (C, L)
    if theirs.shape[1] == 0:
        return np.zeros(len(cands), dtype=np.float32)
    hit = (theirs[:, :, None] == mine).any(axis=2)  # a few orgs each; padding -1 never hits
    w = np.where(hit, org_w[np.maximum(theirs, 0)], 0.0)
    return (1.0 - np.prod(1.0 - w, axis=1)).astype(np.float32)
