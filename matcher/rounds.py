"""Speed-networking rounds: who sits with whom, round after round.

Pure assignment, no Flask or database. Given people, a pair affinity and N rounds
of T tables, every round seats pairs (one trio when the seated count is odd) so
that nobody meets the same person twice, nobody sits twice in one round, no table
holds more than three, and the total affinity is high: each round is a near
maximum-weight matching (an assignment-problem seed refined by pair swaps).
When the tables seat fewer than everyone, those who sat out most so far are seated
first, so sitting out is spread fairly.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.pairing import FORBIDDEN, max_weight_pairs

Affinity = np.ndarray | Mapping[tuple[str, str], float] | Callable[[str, str], float]


class RoundsError(ValueError):
    """The requested rounds cannot be planned; the message says why."""


@dataclass(frozen=True)
class Table:
    """One table in one round: two people, or three when the count is odd."""

    number: int
    members: tuple[str, ...]


@dataclass
class Round:
    """One round: its tables (numbered from 1) and who sits this one out."""

    number: int
    tables: list[Table] = field(default_factory=list)
    sitting_out: list[str] = field(default_factory=list)


@dataclass
class Schedule:
    """Every round of a session, in order."""

    rounds: list[Round]

    def meetings(self) -> list[tuple[str, str]]:
        """Every pair that shares a table, once per round they share it."""
        pairs = []
        for rnd in self.rounds:
            for table in rnd.tables:
                m = table.members
                pairs += [(m[i], m[j]) for i in range(len(m)) for j in range(i + 1, len(m))]
        return pairs


def affinity_matrix(ids: Sequence[str], affinity: Affinity) -> np.ndarray:
    """A symmetric (n, n) float matrix of `affinity` over `ids`; 0 where unknown.

    `affinity` is an (n, n) array in the order of `ids`, a mapping of id pairs to
    scores (sparse candidate edges, either order; the larger direction counts), or a
    function of two ids.
    """
    n = len(ids)
    if isinstance(affinity, np.ndarray):
        if affinity.shape != (n, n):
            raise RoundsError(f"the affinity matrix is {affinity.shape}, expected ({n}, {n})")
        w = np.asarray(affinity, dtype=np.float64)
        w = np.maximum(w, w.T)
    elif isinstance(affinity, Mapping):
        index = {pid: i for i, pid in enumerate(ids)}
        w = np.zeros((n, n))
        for (a, b), score in affinity.items():
            if a in index and b in index and a != b:
                i, j = index[a], index[b]
                w[i, j] = w[j, i] = max(w[i, j], float(score))
    else:
        w = np.zeros((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                w[i, j] = w[j, i] = float(affinity(ids[i], ids[j]))
    w = w.copy()
    np.fill_diagonal(w, 0.0)
    return w


def plan_rounds(
    ids: Sequence[str],
    affinity: Affinity,
    rounds: int,
    tables: int,
    *,
    avoid: Iterable[tuple[str, str]] = (),
    seed: int = 0,
    early: Affinity | None = None,
    early_rounds: int = 0,
) -> Schedule:
    """Plan `rounds` rounds of at most `tables` tables for the people `ids`.

    `avoid`: pairs that must never share a table (already met, declined). A person
    for whom no new partner can be found in a round sits that round out rather than
    meet someone again. `early`: the affinity that seats the first `early_rounds`
    rounds instead (e.g. professional fit first, while people are fresh); later
    rounds use `affinity`. Deterministic for a given `seed`.
    """
    ids = list(dict.fromkeys(ids))
    n = len(ids)
    if rounds < 1:
        raise RoundsError("Plan at least one round.")
    if tables < 1:
        raise RoundsError("Set at least one table.")
    if n < 2:
        raise RoundsError("Rounds need at least two people.")
    if rounds > n - 1:
        raise RoundsError(
            f"With {n} people there can be at most {n - 1} rounds without anyone "
            "meeting the same person twice."
        )
    w = affinity_matrix(ids, affinity)
    w_early = affinity_matrix(ids, early) if early is not None else w
    index = {pid: i for i, pid in enumerate(ids)}
    allowed = np.ones((n, n), dtype=bool)
    np.fill_diagonal(allowed, False)
    for a, b in avoid:
        if a in index and b in index:
            allowed[index[a], index[b]] = allowed[index[b], index[a]] = False

    rng = random.Random(seed)
    sat_out = [0] * n
    in_trio = [0] * n
    schedule = Schedule(rounds=[])
    for number in range(1, rounds + 1):
        weights = w_early if number <= early_rounds else w
        seated = _choose_seated(n, tables, sat_out, rng)
        groups = _seat_round(seated, weights, allowed, in_trio, rng)
        placed = {i for g in groups for i in g}
        # Highest-affinity tables first: table 1 is the easiest to find.
        groups.sort(key=lambda g: -_group_weight(g, weights))
        rnd = Round(number=number)
        for t, group in enumerate(groups, start=1):
            rnd.tables.append(Table(number=t, members=tuple(ids[i] for i in group)))
            for x in group:
                for y in group:
                    allowed[x, y] = False
            if len(group) == 3:
                for x in group:
                    in_trio[x] += 1
        for i in range(n):
            if i not in placed:
                sat_out[i] += 1
                rnd.sitting_out.append(ids[i])
        schedule.rounds.append(rnd)
    return schedule


def schedule_affinity(schedule: Schedule, ids: Sequence[str], affinity: Affinity) -> float:
    """The total affinity of every pair that meets in `schedule`."""
    w = affinity_matrix(ids, affinity)
    index = {pid: i for i, pid in enumerate(ids)}
    return float(sum(w[index[a], index[b]] for a, b in schedule.meetings()))


def _group_weight(group: Sequence[int], w: np.ndarray) -> float:
    return float(
        sum(w[group[i], group[j]] for i in range(len(group)) for j in range(i + 1, len(group)))
    )


def _choose_seated(n: int, tables: int, sat_out: list[int], rng: random.Random) -> list[int]:
    """Who gets a seat: everyone when there is room, else those who sat out most."""
    capacity = 2 * tables + 1  # one table may take a trio
    if n <= capacity:
        return list(range(n))
    order = list(range(n))
    rng.shuffle(order)
    order.sort(key=lambda i: -sat_out[i])
    # An odd count would need a trio: seat 2T + 1 (the trio) rather than leave a seat empty.
    return sorted(order[:capacity])


def _seat_round(
    seated: list[int],
    w: np.ndarray,
    allowed: np.ndarray,
    in_trio: list[int],
    rng: random.Random,
) -> list[list[int]]:
    """Groups of the seated people for one round: pairs, plus one trio if odd."""
    people = list(seated)
    if len(people) % 2 == 0:
        pairs = max_weight_pairs(_weights(people, w, allowed), rng)
        return _repair(_allowed_groups(people, pairs, allowed), people, w, allowed)
    # Odd: a dummy partner marks a good third person for the trio (preferring someone
    # not yet in one); a few other candidates are tried in case that one cannot join.
    size = len(people) + 1
    sub = np.full((size, size), FORBIDDEN)
    sub[:-1, :-1] = _weights(people, w, allowed)
    sub[-1, :-1] = sub[:-1, -1] = [-1e-3 * (1 + in_trio[i]) for i in people]
    dummy = size - 1
    pairs = max_weight_pairs(sub, rng)
    first = next(people[a if b == dummy else b] for a, b in pairs if dummy in (a, b))
    others = [i for i in people if i != first]
    rng.shuffle(others)
    tries = 2 if len(people) > 400 else 8
    best: list[list[int]] = []
    best_value = -np.inf
    for k, third in enumerate([first, *others[:tries]]):
        if k == 0:
            rest = [p for p in pairs if dummy not in p]
            groups = _allowed_groups(people, rest, allowed)
        else:
            rest_people = [i for i in people if i != third]
            rest_pairs = max_weight_pairs(_weights(rest_people, w, allowed), rng)
            groups = _allowed_groups(rest_people, rest_pairs, allowed)
        groups = _repair(groups, people, w, allowed, third=third)
        placed = sum(len(g) for g in groups)
        value = sum(_group_weight(g, w) for g in groups) + placed * 1e6
        if value > best_value:
            best, best_value = groups, value
        if k == 0 and placed == len(people):
            break
    return best


def _allowed_groups(
    people: list[int], pairs: list[tuple[int, int]], allowed: np.ndarray
) -> list[list[int]]:
    return [[people[a], people[b]] for a, b in pairs if allowed[people[a], people[b]]]


def _repair(
    groups: list[list[int]],
    people: list[int],
    w: np.ndarray,
    allowed: np.ndarray,
    third: int | None = None,
) -> list[list[int]]:
    """Seat the unplaced: pair them up, then let one join a pair as the round's trio."""
    placed = {i for g in groups for i in g}
    waiting = [i for i in people if i not in placed and i != third]
    waiting.sort()
    paired: set[int] = set()
    for x in waiting:
        if x in paired:
            continue
        mates = [y for y in waiting if y != x and y not in paired and allowed[x, y]]
        if mates:
            y = max(mates, key=lambda m: w[x, m])
            groups.append([x, y])
            paired.update((x, y))
    left = [x for x in waiting if x not in paired]
    if third is not None:
        left.insert(0, third)
    for x in left:
        if any(len(g) == 3 for g in groups):
            break
        fits = [g for g in groups if all(allowed[x, y] for y in g)]
        if fits:
            max(fits, key=lambda g: w[x, g[0]] + w[x, g[1]]).append(x)
    return groups


def _weights(people: list[int], w: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    sub = w[np.ix_(people, people)].copy()
    sub[~allowed[np.ix_(people, people)]] = FORBIDDEN
    return sub
