"""Honest fill: lists the real suggestions leave short get the closest remaining people.

Everyone with a profile gets suggestions (PRODUCT.md §5). Where fewer than k people
have a reason a careful reader accepts, a list is filled, after every real
suggestion and never in place of one, with the eligible people whose whole
profile is closest to the receiver's (`profile_vectors`), under every rule the
real suggestions keep: nobody twice, nobody hidden, blocked or of the same
company where that is excluded, nobody past the exposure cap (fills count
against the room the real places leave). What such a pair is told says no more
than is true of any fill (`matcher.wording`: suggested to complete the list, with
their own headline; "similar backgrounds" where
that may be said), never "you both".

The fill is a function of the real lists, the rules and the people present, with
receivers and ties taken in id order, so a full run and a state changed one person
at a time that hold the same real lists hold the same fills.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from matcher.facets import Row

# Cosines are compared at this many decimals: a full run and a change compute one
# pair's cosine in products of other shapes, and must still rank alike.
_DECIMALS = 5


def profile_vectors(rows: Sequence[Row], vectors: np.ndarray) -> np.ndarray:
    """Each row's whole-profile vector (headline, interests, about), or where it has
    none the mean of its items' vectors; L2-normalised, zero if it has nothing.

    rows: R encoded profiles; vectors (U + 1, d) phrase vectors -> (R, d).
    """
    out = np.zeros((len(rows), vectors.shape[1]), dtype=np.float32)
    count = vectors.shape[0] - 1
    for p, row in enumerate(rows):
        if 0 <= row.whole < count:
            out[p] = vectors[row.whole]
            continue
        ids = [i for i in (*row.topics, *row.needs, *row.offers) if 0 <= i < count]
        if ids:
            out[p] = vectors[ids].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


def fill(
    receivers: Sequence[int],
    need: Sequence[int],
    candidates: np.ndarray,
    room: np.ndarray,
    vectors: Callable[[np.ndarray], np.ndarray],
    key: Callable[[int], str],
    barred: Callable[[int], set[int]],
) -> dict[int, list[int]]:
    """The fills of short lists: receiver row -> [suggested rows], closest first.

    `receivers` are taken in turn, one place each per round, until each has its
    `need` or nobody is left for it (so the closest people are shared out rather
    than taken by the first lists); `candidates` (C,) rows anyone may be given,
    `room` (size,) how many more lists each may enter (used up as they are);
    `vectors(rows)` -> (len(rows), d) normalised profile vectors; `key(row)` orders
    receivers and breaks ties in closeness (the id: the same in any run);
    `barred(receiver)` the rows it may not be given (itself, its real list, blocked
    pairs, its company).
    """
    out: dict[int, list[int]] = {}
    if not len(receivers) or not len(candidates):
        return out
    room = room.copy()
    order = sorted(range(len(receivers)), key=lambda p: key(receivers[p]))
    recv = np.asarray(receivers, dtype=np.int64)
    sims = vectors(recv) @ vectors(candidates).T  # (S, C)
    sims *= np.float32(10**_DECIMALS)  # rounded in place: cheaper than np.round's copy
    np.rint(sims, out=sims)
    cand_key = np.argsort(np.argsort([key(c) for c in candidates.tolist()], kind="stable"))
    queues: dict[int, Iterator[int]] = {}
    bars: dict[int, set[int]] = {}
    left = {p: int(need[p]) for p in order if need[p] > 0}
    while left:
        for p in order:
            if p not in left:
                continue
            r = int(recv[p])
            if p not in queues:
                queues[p] = iter(_Closest(candidates, sims[p], cand_key, int(need[p])))
                bars[p] = barred(r)
            queue, bar, mine = queues[p], bars[p], out.setdefault(r, [])
            for c in queue:
                if room[c] > 0 and c not in bar and c != r:
                    mine.append(c)
                    room[c] -= 1
                    left[p] -= 1
                    break
            else:
                del left[p]  # nobody left for it
                continue
            if left[p] == 0:
                del left[p]
    return {r: f for r, f in out.items() if f}


class _Closest:
    """One receiver's candidates, closest first (ties by key): the closest few sorted
    first, the rest only if those run out (most receivers need only their first few).
    `sims` are rounded already, so the split is exact."""

    def __init__(
        self, candidates: np.ndarray, sims: np.ndarray, key: np.ndarray, need: int
    ) -> None:
        self._candidates, self._sims, self._key = candidates, sims, key
        self._width = min(len(candidates), 4 * need + 32)

    def __iter__(self) -> Iterator[int]:
        sims, n = self._sims, len(self._sims)
        if self._width >= n:
            yield from self._ordered(np.arange(n))
            return
        # Everyone at least as close as the width-th closest (ties included), then the rest.
        edge = -np.partition(-sims, self._width - 1)[self._width - 1]
        yield from self._ordered(np.flatnonzero(sims >= edge))
        yield from self._ordered(np.flatnonzero(sims < edge))

    def _ordered(self, at: np.ndarray) -> list[int]:
        order = np.lexsort((self._key[at], -self._sims[at]))
        return self._candidates[at[order]].tolist()
