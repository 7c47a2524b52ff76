"""Speed-networking rounds: the pure planner on hand-made and random affinities."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from matcher.pairing import max_weight_pairs
from matcher.rounds import (
    RoundsError,
    Schedule,
    plan_rounds,
    schedule_affinity,
)


def check_constraints(schedule: Schedule, ids: list[str], tables: int, rounds: int) -> None:
    """Everything an organizer relies on, whatever the affinities."""
    assert [r.number for r in schedule.rounds] == list(range(1, rounds + 1))
    met: set[frozenset[str]] = set()
    for rnd in schedule.rounds:
        assert len(rnd.tables) <= tables, "more tables used than exist"
        assert [t.number for t in rnd.tables] == list(range(1, len(rnd.tables) + 1))
        seen = [p for t in rnd.tables for p in t.members] + rnd.sitting_out
        assert sorted(seen) == sorted(ids), "someone is missing or in two places"
        sizes = Counter(len(t.members) for t in rnd.tables)
        assert set(sizes) <= {2, 3}, f"table sizes {sizes}"
        assert sizes[3] <= 1, "more than one trio in a round"
        seated = sum(len(t.members) for t in rnd.tables)
        assert sizes[3] == seated % 2, "a trio only when the seated count is odd"
        for a, b in [(a, b) for t in rnd.tables for a in t.members for b in t.members if a < b]:
            assert frozenset((a, b)) not in met, f"{a} and {b} meet twice"
            met.add(frozenset((a, b)))


def brute_force_best(w: np.ndarray) -> float:
    def best(rest: list[int]) -> float:
        if not rest:
            return 0.0
        a = rest[0]
        return max(w[a, rest[k]] + best(rest[1:k] + rest[k + 1 :]) for k in range(1, len(rest)))

    return best(list(range(w.shape[0])))


def test_each_round_takes_the_best_pairs_left() -> None:
    w = np.array(
        [
            [0, 9, 5, 1],
            [9, 0, 1, 4],
            [5, 1, 0, 8],
            [1, 4, 8, 0],
        ],
        dtype=float,
    )
    ids = ["ana", "ben", "cy", "dee"]
    schedule = plan_rounds(ids, w, rounds=3, tables=2)
    as_sets = [{frozenset(t.members) for t in r.tables} for r in schedule.rounds]
    assert as_sets[0] == {frozenset({"ana", "ben"}), frozenset({"cy", "dee"})}
    assert as_sets[1] == {frozenset({"ana", "cy"}), frozenset({"ben", "dee"})}
    assert as_sets[2] == {frozenset({"ana", "dee"}), frozenset({"ben", "cy"})}
    # The best pair of the round gets table 1.
    assert set(schedule.rounds[0].tables[0].members) == {"ana", "ben"}
    assert schedule_affinity(schedule, ids, w) == pytest.approx(9 + 8 + 5 + 4 + 1 + 1)


def test_an_odd_count_makes_one_trio_with_the_best_fit() -> None:
    w = np.zeros((5, 5))
    w[0, 1] = w[1, 0] = 10
    w[2, 3] = w[3, 2] = 10
    w[4, 2] = w[2, 4] = w[4, 3] = w[3, 4] = 3
    schedule = plan_rounds(list("abcde"), w, rounds=1, tables=4)
    tables = {frozenset(t.members) for t in schedule.rounds[0].tables}
    assert tables == {frozenset("ab"), frozenset("cde")}
    assert schedule.rounds[0].sitting_out == []


def test_sparse_edges_and_a_function_give_the_same_plan_as_a_matrix() -> None:
    ids = ["a", "b", "c", "d", "e", "f"]
    edges = {("a", "d"): 0.9, ("e", "b"): 0.8, ("c", "f"): 0.7, ("b", "c"): 0.3}
    w = np.zeros((6, 6))
    for (x, y), s in edges.items():
        w[ids.index(x), ids.index(y)] = s
    by_matrix = plan_rounds(ids, w, rounds=2, tables=3)
    by_edges = plan_rounds(ids, edges, rounds=2, tables=3)
    by_function = plan_rounds(
        ids, lambda x, y: edges.get((x, y), edges.get((y, x), 0.0)), rounds=2, tables=3
    )
    assert by_matrix == by_edges == by_function
    first = {frozenset(t.members) for t in by_edges.rounds[0].tables}
    assert first == {frozenset("ad"), frozenset("be"), frozenset("cf")}


def test_avoided_pairs_never_share_a_table() -> None:
    ids = ["a", "b", "c", "d"]
    w = np.ones((4, 4))
    w[0, 1] = w[1, 0] = 100
    schedule = plan_rounds(ids, w, rounds=2, tables=2, avoid=[("b", "a")])
    for rnd in schedule.rounds:
        for table in rnd.tables:
            assert set(table.members) != {"a", "b"}


def test_too_few_tables_spread_the_sit_outs_fairly() -> None:
    ids = [f"p{i}" for i in range(12)]
    w = np.random.default_rng(3).random((12, 12))
    schedule = plan_rounds(ids, w, rounds=6, tables=2)
    check_constraints(schedule, ids, tables=2, rounds=6)
    for rnd in schedule.rounds:
        assert sum(len(t.members) for t in rnd.tables) == 5  # two tables: a pair and a trio
    sat_out = Counter(p for r in schedule.rounds for p in r.sitting_out)
    counts = [sat_out[p] for p in ids]
    assert max(counts) - min(counts) <= 1, counts


def test_the_per_round_matching_is_optimal_on_small_cases() -> None:
    rng = np.random.default_rng(11)
    exact = 0
    for _ in range(60):
        m = int(rng.choice([4, 6, 8]))
        x = rng.random((m, m))
        x = (x + x.T) / 2
        pairs = max_weight_pairs(x, random.Random(0))
        assert sorted(p for pair in pairs for p in pair) == list(range(m))
        got = sum(x[a, b] for a, b in pairs)
        best = brute_force_best(x)
        assert got >= 0.97 * best
        exact += bool(np.isclose(got, best))
    assert exact >= 55


@pytest.mark.parametrize(
    ("size", "rounds", "tables"),
    [(9, 3, 10), (12, 4, 6), (13, 4, 3), (31, 6, 20), (60, 8, 12), (101, 6, 60)],
)
def test_random_events_hold_every_constraint_and_beat_a_random_schedule(
    size: int, rounds: int, tables: int
) -> None:
    rng = np.random.default_rng(size)
    ids = [f"id{i}" for i in range(size)]
    # Clustered affinities, as in a real event: a few groups with shared interests.
    group = rng.integers(0, 4, size)
    w = rng.random((size, size)) * 0.3 + (group[:, None] == group[None, :]) * 0.6
    w = (w + w.T) / 2
    schedule = plan_rounds(ids, w, rounds=rounds, tables=tables, seed=1)
    check_constraints(schedule, ids, tables=tables, rounds=rounds)
    if tables * 2 >= size:
        assert all(not r.sitting_out for r in schedule.rounds[:2])

    # The random baseline: the same planner seating by noise, scored on the real affinity.
    noise = rng.random((size, size))
    baseline = plan_rounds(ids, noise, rounds=rounds, tables=tables, seed=2)
    check_constraints(baseline, ids, tables=tables, rounds=rounds)
    ours = schedule_affinity(schedule, ids, w)
    random_total = schedule_affinity(baseline, ids, w)
    print(f"{size} people, {rounds} rounds: planned {ours:.2f} vs random {random_total:.2f}")
    assert ours > 1.15 * random_total, (ours, random_total)


@pytest.mark.parametrize("size", [4, 5, 6, 7, 10, 11])
def test_as_many_rounds_as_possible_still_never_repeat_a_meeting(size: int) -> None:
    ids = [f"id{i}" for i in range(size)]
    w = np.random.default_rng(size).random((size, size))
    for tables in (1, size):
        schedule = plan_rounds(ids, w, rounds=size - 1, tables=tables)
        check_constraints(schedule, ids, tables=tables, rounds=size - 1)
        assert len(schedule.meetings()) >= min(size - 1, 2 * tables + 1)


def test_impossible_requests_say_why() -> None:
    w = np.zeros((4, 4))
    with pytest.raises(RoundsError, match="at most 3 rounds"):
        plan_rounds(["a", "b", "c", "d"], w, rounds=4, tables=2)
    with pytest.raises(RoundsError, match="at least one table"):
        plan_rounds(["a", "b", "c", "d"], w, rounds=1, tables=0)
    with pytest.raises(RoundsError, match="at least two people"):
        plan_rounds(["a"], np.zeros((1, 1)), rounds=1, tables=1)
    with pytest.raises(RoundsError, match="expected"):
        plan_rounds(["a", "b"], w, rounds=1, tables=1)
