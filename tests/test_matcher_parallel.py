"""Large runs score and explain their pairs in forked processes: same output, and a
failing or dying child neither hangs the run nor loses its part (matcher.parallel)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pytest

from matcher import Matcher, Profile
from matcher.encoding import PhraseVectors
from matcher.facets import build_facets
from matcher.matcher import MatchParams
from matcher.parallel import map_slices, slices
from matcher.scoring import score_pairs
from matcher.specificity import org_weights, topic_weights


@pytest.fixture
def event(monkeypatch) -> list[Profile]:  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "scripts"))
    from synth import generate_event

    return generate_event(400, seed=11).profiles


def lists(result: dict) -> dict:  # type: ignore[type-arg]
    return {
        pid: [(s.other_id, s.common_ground.to_dict()) for s in ss] for pid, ss in result.items()
    }


def test_forked_scoring_and_explaining_give_the_same_suggestions(fake_encoder, event) -> None:  # type: ignore[no-untyped-def]
    one = Matcher(fake_encoder, params=MatchParams(processes=1))
    forked = Matcher(
        fake_encoder,
        params=MatchParams(processes=2, parallel_scores_from=0, parallel_explain_from=0),
    )
    serial, parallel = one.suggest(event, k=5), forked.suggest(event, k=5)
    forked.explain_all(parallel)  # every explanation at once, in two processes
    assert all(s.explained for ss in parallel.values() for s in ss)
    assert sum(len(v) for v in serial.values()) >= 5 * len(event) * 0.9
    assert all(s.common_ground.reasons and len(s.common_ground.starters) == 3
               for ss in parallel.values() for s in ss)  # fmt: skip
    assert lists(parallel) == lists(serial)


def test_pair_scores_split_over_processes_are_the_same(fake_encoder, event) -> None:  # type: ignore[no-untyped-def]
    table = PhraseVectors(fake_encoder)
    facets = build_facets(event, table)
    tw, ow = topic_weights(facets, table), org_weights(facets)
    rng = np.random.default_rng(2)
    i = rng.integers(0, len(event), 3000)
    j = rng.integers(0, len(event), 3000)
    serial = score_pairs(facets, tw, ow, i, j)
    for processes in (2, 3):
        split = score_pairs(facets, tw, ow, i, j, processes=processes)
        assert np.array_equal(split.score, serial.score)
        assert np.array_equal(split.c_ji, serial.c_ji)
    assert (serial.score > 0).sum() > 100


def test_slices_cover_everything_in_order_balanced_by_cost() -> None:
    assert slices(10, 2) == [(0, 5), (5, 10)]
    assert slices(3, 8) == [(0, 1), (1, 2), (2, 3)]
    assert slices(0, 2) == [(0, 0)]
    # The first items are the expensive ones: the first slice gets fewer of them.
    cost = [10] * 10 + [1] * 100
    (a, b), (c, d) = slices(len(cost), 2, cost)
    assert (a, d, b) == (0, 110, c)
    assert abs(sum(cost[a:b]) - sum(cost[c:d])) <= 10


def test_a_child_that_dies_has_its_part_done_here(caplog) -> None:  # type: ignore[no-untyped-def]
    parent = os.getpid()

    def part(start: int, stop: int) -> list[int]:
        if os.getpid() != parent:
            os._exit(3)  # killed, say by the out-of-memory killer
        return list(range(start, stop))

    with caplog.at_level(logging.WARNING, logger="matcher.parallel"):
        done = map_slices(part, 10, 2)
    assert [x for _, values in done for x in values] == list(range(10))
    assert "worker process died" in caplog.text


def test_an_error_in_a_child_reaches_the_caller() -> None:
    parent = os.getpid()

    def part(start: int, stop: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"pair scores are not finite in {start}..{stop}")
        return stop - start

    with pytest.raises(ValueError, match="not finite in 5..10"):
        map_slices(part, 10, 2)


def test_the_service_setting_chooses_the_processes(app_factory, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from web.config import from_environment

    monkeypatch.setenv("MATCHER_PROCESSES", "1")
    assert from_environment(str(tmp_path))["MATCHER_PROCESSES"] == 1
    monkeypatch.setenv("MATCHER_PROCESSES", "0")
    with pytest.raises(ValueError, match="MATCHER_PROCESSES must be a whole number"):
        from_environment(str(tmp_path))
    monkeypatch.delenv("MATCHER_PROCESSES")
    assert from_environment(str(tmp_path))["MATCHER_PROCESSES"] is None
    app = app_factory(encoder=object(), MATCHER_PROCESSES=1)
    assert app.extensions["cg_matcher"].params.processes == 1
