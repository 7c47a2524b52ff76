"""A near maximum-weight perfect matching: who pairs with whom in one round.

Matrix in, pairs out; no knowledge of rounds, tables or people. Exact on most small
cases (tests compare it with brute force) and fast for a few thousand people.
"""

from __future__ import annotations

import random

import numpy as np

# Weight of a pair that must not meet; any allowed matching outweighs it.
FORBIDDEN = -1e9


def max_weight_pairs(sub: np.ndarray, rng: random.Random) -> list[tuple[int, int]]:
    """A near maximum-weight perfect matching of an even-sized weight matrix.

    Seed: the best cycle cover (an assignment problem, an upper bound on twice the
    optimum) cut into pairs; then pair swaps while any improves the total.
    """
    # Imported here: scipy.optimize takes a second or two to import, and only planning needs it.
    from scipy.optimize import linear_sum_assignment

    m = sub.shape[0]
    if m == 0:
        return []
    cost = sub.copy()
    np.fill_diagonal(cost, 2 * FORBIDDEN)
    rows, cols = linear_sum_assignment(cost, maximize=True)
    succ = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    pairs: list[tuple[int, int]] = []
    leftovers: list[int] = []
    seen: set[int] = set()
    for start in range(m):
        if start in seen:
            continue
        cycle = [start]
        seen.add(start)
        nxt = succ[start]
        while nxt != start:
            cycle.append(nxt)
            seen.add(nxt)
            nxt = succ[nxt]
        pairs += _cut_cycle(cycle, sub, leftovers)
    # Leftovers (one per odd cycle, an even number in all): greedy by weight.
    rng.shuffle(leftovers)
    while leftovers:
        a = leftovers.pop()
        b = max(leftovers, key=lambda x: sub[a, x])
        leftovers.remove(b)
        pairs.append((a, b))
    return _improve(pairs, sub)


def _cut_cycle(cycle: list[int], sub: np.ndarray, leftovers: list[int]) -> list[tuple[int, int]]:
    """The best alternating pairs along a cycle; an odd cycle leaves one person over."""
    size = len(cycle)
    odd = size % 2 == 1
    best: list[tuple[int, int]] = []
    best_value = -np.inf
    best_left = cycle[0]
    for skip in range(size if odd else 2):
        order = cycle[skip:] + cycle[:skip]
        body = order[1:] if odd else order
        pairs = [(body[k], body[k + 1]) for k in range(0, len(body) - 1, 2)]
        value = float(sum(sub[x, y] for x, y in pairs))
        if value > best_value:
            best, best_value, best_left = pairs, value, order[0]
    if odd:
        leftovers.append(best_left)
    return best


def _improve(
    pairs: list[tuple[int, int]], sub: np.ndarray, max_passes: int = 500
) -> list[tuple[int, int]]:
    """Swap partners between two pairs while that raises the total (2-opt)."""
    if len(pairs) < 2:
        return pairs
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    for _ in range(max_passes):
        cur = sub[a, b]
        base = cur[:, None] + cur[None, :]
        # Option 1: (a_i, a_j) + (b_i, b_j); option 2: (a_i, b_j) + (b_i, a_j).
        gain1 = sub[np.ix_(a, a)] + sub[np.ix_(b, b)] - base
        gain2 = sub[np.ix_(a, b)] + sub[np.ix_(b, a)] - base
        gain = np.maximum(gain1, gain2)
        np.fill_diagonal(gain, 0.0)
        gain = np.triu(gain, 1)
        if gain.max() <= 1e-12:
            break
        # Apply the best improving swaps that touch disjoint pairs.
        rows, cols = np.nonzero(gain > 1e-12)
        touched: set[int] = set()
        for k in np.argsort(-gain[rows, cols], kind="stable"):
            i, j = int(rows[k]), int(cols[k])
            if i in touched or j in touched:
                continue
            touched.update((i, j))
            ai, bi, aj, bj = a[i], b[i], a[j], b[j]
            if gain1[i, j] >= gain2[i, j]:
                a[i], b[i], a[j], b[j] = ai, aj, bi, bj
            else:
                a[i], b[i], a[j], b[j] = ai, bj, bi, aj
    return list(zip(a.tolist(), b.tolist(), strict=True))
