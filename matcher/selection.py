"""From scored candidate edges to lists: the rules, diversity and capped assignment.

A full run and a change to one person both go through `Rules.directed` and
`choose`: the first for every receiver at once, the second for the few receivers
whose lists the change touches, with the room the rest of the event leaves them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from matcher.assign import assign
from matcher.diversity import diversified_utility
from matcher.scoring import PairScores


class Rules:
    """Which directed edges are allowed: reasons, exclusions, hidden people, same company.

    Rows are the event's profile rows; `blocked` holds min(a, b) * size + max(a, b)
    of every pair never to suggest, `hidden` (size,) who is never suggested, and
    `company` (size,) each row's company id (-1 unknown), None when same-company
    pairs are allowed.
    """

    def __init__(
        self, size: int, blocked: np.ndarray, hidden: np.ndarray, company: np.ndarray | None
    ) -> None:
        self.size = size
        self.blocked = blocked
        self.hidden = hidden
        self.company = company

    @staticmethod
    def keys(pairs: Iterable[tuple[int, int]], size: int) -> np.ndarray:
        """The `blocked` keys of row pairs (either order), sorted."""
        found = {min(a, b) * size + max(a, b) for a, b in pairs}
        return np.array(sorted(found), dtype=np.int64)

    def directed(
        self, scores: PairScores, one_way: bool = False
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Allowed edges receiver -> suggested: -> (recv (E,), sugg (E,), score (E,)).

        Each scored pair (i, j) gives i -> j and, unless `one_way`, j -> i.
        """
        i, j = scores.i, scores.j
        ok = scores.has_reason() & (i != j)
        if len(self.blocked):
            ok &= ~np.isin(np.minimum(i, j) * self.size + np.maximum(i, j), self.blocked)
        if self.company is not None:
            ok &= ~((self.company[i] >= 0) & (self.company[i] == self.company[j]))
        fwd = ok & ~self.hidden[j]
        recv, sugg, score = [i[fwd]], [j[fwd]], [scores.score[fwd]]
        if not one_way:
            back = ok & ~self.hidden[i]
            recv.append(j[back])
            sugg.append(i[back])
            score.append(scores.score[back])
        return np.concatenate(recv), np.concatenate(sugg), np.concatenate(score)


@dataclass
class Edges:
    """Directed candidate edges receiver -> suggested with their scores, all (E,)."""

    recv: np.ndarray
    sugg: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return len(self.recv)

    def plus(self, other: Edges) -> Edges:
        """These edges followed by `other`'s."""
        return Edges(
            np.concatenate([self.recv, other.recv]),
            np.concatenate([self.sugg, other.sugg]),
            np.concatenate([self.score, other.score]),
        )

    def take(self, mask: np.ndarray) -> Edges:
        """The edges where `mask` is True."""
        return Edges(self.recv[mask], self.sugg[mask], self.score[mask])


@dataclass(frozen=True)
class Choice:
    """How lists are chosen: k per receiver, diversity strength, fallback width."""

    k: int
    diversity: float
    fallback: int  # nearest people tried for a receiver still short of k


# Below every utility (scores and diversified utilities are within [0, 1]).
_LAST = np.float32(2.0)


def colleagues_last(utility: np.ndarray, edges: Edges, company: np.ndarray | None) -> np.ndarray:
    """`utility` (E,) with the edges between two people of one current company put after
    every other: colleagues need no introduction at their own event, and are suggested
    to each other only to fill a list nobody else can (an all-hands event)."""
    if company is None or not len(utility):
        return utility
    ca, cb = company[edges.recv], company[edges.sugg]
    same = (ca >= 0) & (ca == cb)
    if not same.any():
        return utility
    out: np.ndarray = np.where(same, utility - _LAST, utility)
    return out


def choose(
    edges: Edges,
    receivers: np.ndarray,
    capacity: np.ndarray,
    choice: Choice,
    vectors: tuple[np.ndarray, np.ndarray],
    nonempty: np.ndarray,
    widen: Callable[[np.ndarray, np.ndarray], Edges],
    company: np.ndarray | None = None,
) -> Edges:
    """Each receiver's list: diversified utilities, capped assignment, then a wider
    search for receivers left short of k. -> the chosen edges.

    `receivers`: whose lists are chosen (every edge's receiver is one of them);
    `capacity` (size,): how many more lists each row may enter; `vectors`: the rows'
    reduced topic vectors (size, r) for diversity and full ones (size, d) for the
    wider search; `nonempty` (size,): rows with something to match on;
    `widen(recv, sugg)` scores the edges recv -> sugg and keeps the allowed ones;
    `company` (size,): each row's current company id (-1 unknown), colleagues being
    chosen for each other only when nobody else is left (`colleagues_last`).
    """
    reduced, profile_vec = vectors
    utility = diversified_utility(
        edges.recv, edges.sugg, edges.score, reduced, steps=2 * choice.k,
        strength=choice.diversity, reduce=False,
    )  # fmt: skip
    utility = colleagues_last(utility, edges, company)
    chosen = assign(edges.recv, edges.sugg, utility, choice.k, capacity)
    size = len(capacity)
    have = np.bincount(edges.recv[chosen], minlength=size)
    short = receivers[(have[receivers] < choice.k) & nonempty[receivers]]
    if len(short) == 0:
        return edges.take(chosen)
    load = np.bincount(edges.sugg[chosen], minlength=size)
    spare = np.flatnonzero(load < capacity)
    known = set((edges.recv * size + edges.sugg).tolist())
    width = min(choice.fallback, len(spare))
    new_r: list[np.ndarray] = []
    new_s: list[np.ndarray] = []
    for r in short.tolist():
        sims = profile_vec[spare] @ profile_vec[r]
        top = spare[np.argsort(-sims, kind="stable")[:width]]
        top = np.array([t for t in top.tolist() if t != r and r * size + t not in known], np.int64)
        if len(top):
            new_r.append(np.full(len(top), r, dtype=np.int64))
            new_s.append(top)
    if not new_r:
        return edges.take(chosen)
    more = widen(np.concatenate(new_r), np.concatenate(new_s))
    edges = edges.plus(more)
    utility = np.concatenate([utility, colleagues_last(more.score, more, company)])
    return edges.take(assign(edges.recv, edges.sugg, utility, choice.k, capacity))
