"""Capacity-constrained assignment of suggestions: k per receiver, at most `cap` per person.

Greedy by utility, then augmenting-path repair for receivers left short: a receiver
may take a full person if one of that person's current receivers can move to
someone with spare capacity (the move that loses the least utility wins). This
keeps the cap without truncating lists.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def assign(
    recv: np.ndarray,
    sugg: np.ndarray,
    utility: np.ndarray,
    k: int,
    capacity: np.ndarray,
) -> np.ndarray:
    """Choose edges: recv, sugg, utility (E,); capacity (N,) -> chosen (E,) bool.

    Each receiver gets at most k edges, each person is chosen at most capacity[p]
    times, and receivers short of k are repaired by one-step augmenting paths.
    """
    n_edges = len(recv)
    chosen = np.zeros(n_edges, dtype=bool)
    if n_edges == 0 or k <= 0:
        return chosen
    # The greedy pass over each receiver's best few edges only chooses what it would
    # over all of them, unless a receiver runs out of those short of k: edges further
    # down a list are reached only after its better ones, by then it has k.
    order = np.argsort(-utility, kind="stable")  # best first, ties by edge
    rank = _rank_within(recv, order)
    prefix = rank < _PREFIX_FACTOR * k
    picked = _greedy(recv, sugg, order[prefix[order]], k, capacity)
    have = np.bincount(recv[picked], minlength=len(capacity))
    more = np.bincount(recv[~prefix], minlength=len(capacity)) > 0
    if (more & (have < k)).any():
        picked = _greedy(recv, sugg, order, k, capacity)
        have = np.bincount(recv[picked], minlength=len(capacity))
    chosen[picked] = True
    load_l = np.bincount(sugg[picked], minlength=len(capacity)).tolist()
    have_d: dict[int, int] = defaultdict(int, enumerate(have.tolist()))
    short = {r for r in set(recv.tolist()) if have_d[r] < k}
    if short:
        _repair(recv, sugg, utility, chosen, short, k, capacity.tolist(), load_l, have_d)
    return chosen


# Edges per receiver the first greedy pass looks at, as a multiple of k.
_PREFIX_FACTOR = 4


def _rank_within(recv: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Each edge's position among its receiver's edges in `order` (0 = first)."""
    by_recv = order[np.argsort(recv[order], kind="stable")]  # by receiver, then `order`
    sorted_recv = recv[by_recv]
    starts = np.flatnonzero(np.r_[True, sorted_recv[1:] != sorted_recv[:-1]])
    first = np.repeat(starts, np.diff(np.r_[starts, len(by_recv)]))
    rank = np.empty(len(recv), dtype=np.int64)
    rank[by_recv] = np.arange(len(by_recv)) - first
    return rank


def _greedy(
    recv: np.ndarray, sugg: np.ndarray, order: np.ndarray, k: int, capacity: np.ndarray
) -> np.ndarray:
    """The edges of `order` (best first) taken while both sides have room: -> edge ids."""
    r_list, s_list = recv[order].tolist(), sugg[order].tolist()
    cap = capacity.tolist()
    load = [0] * len(cap)
    have = [0] * len(cap)
    taken = []
    for e, r, s in zip(order.tolist(), r_list, s_list, strict=True):
        if have[r] < k and load[s] < cap[s]:
            taken.append(e)
            have[r] += 1
            load[s] += 1
    return np.array(taken, dtype=np.int64)


def _repair(
    recv: np.ndarray,
    sugg: np.ndarray,
    utility: np.ndarray,
    chosen: np.ndarray,
    short: set[int],
    k: int,
    cap: list[int],
    load: list[int],
    have: dict[int, int],
) -> None:
    by_recv: dict[int, list[int]] = defaultdict(list)
    for e in np.argsort(-utility, kind="stable").tolist():
        by_recv[int(recv[e])].append(e)
    holders: dict[int, set[int]] = defaultdict(set)  # person -> chosen edges suggesting them
    for e in np.flatnonzero(chosen).tolist():
        holders[int(sugg[e])].add(e)
    for r in sorted(short):
        for e in by_recv[r]:
            if have[r] >= k:
                break
            if chosen[e]:
                continue
            s = int(sugg[e])
            if load[s] < cap[s]:
                _take(e, s, chosen, holders, load, have, r)
                continue
            move = _best_move(s, recv, by_recv, sugg, utility, chosen, holders, cap, load)
            if move is None:
                continue
            old, new = move
            other = int(recv[old])
            chosen[old] = False
            holders[s].discard(old)
            load[s] -= 1
            _take(new, int(sugg[new]), chosen, holders, load, have, other)
            have[other] -= 1  # _take counted the move as a new suggestion for `other`
            _take(e, s, chosen, holders, load, have, r)


def _take(
    e: int,
    s: int,
    chosen: np.ndarray,
    holders: dict[int, set[int]],
    load: list[int],
    have: dict[int, int],
    r: int,
) -> None:
    chosen[e] = True
    holders[s].add(e)
    load[s] += 1
    have[r] += 1


def _best_move(
    s: int,
    recv: np.ndarray,
    by_recv: dict[int, list[int]],
    sugg: np.ndarray,
    utility: np.ndarray,
    chosen: np.ndarray,
    holders: dict[int, set[int]],
    cap: list[int],
    load: list[int],
) -> tuple[int, int] | None:
    """A chosen edge (r2 -> s) and a replacement (r2 -> s2), s2 with spare capacity."""
    best: tuple[float, int, int] | None = None
    for old in holders[s]:
        for new in by_recv[int(recv[old])]:
            if chosen[new]:
                continue
            s2 = int(sugg[new])
            if s2 != s and load[s2] < cap[s2]:
                loss = float(utility[old] - utility[new])
                if best is None or loss < best[0]:
                    best = (loss, old, new)
                break  # edges are sorted: the first free one is this receiver's best
    return None if best is None else (best[1], best[2])
