"""Matcher mechanics on hand-made arrays and the fake encoder: assignment, diversity, exactness."""

from __future__ import annotations

import numpy as np
import pytest

from matcher import Matcher, Profile
from matcher.assign import assign
from matcher.candidates import candidate_pairs, rare_concept_pairs
from matcher.concepts import concept_stats
from matcher.diversity import diversified_utility
from matcher.encoding import PhraseVectors
from matcher.facets import build_facets
from matcher.matcher import MatchParams
from matcher.scoring import ScoreParams, combine, ramp, score_pairs
from matcher.specificity import org_weights, topic_weights


def edges(pairs: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r, s, u = zip(*pairs, strict=True)
    return np.array(r), np.array(s), np.array(u, dtype=np.float32)


def test_a_popular_person_is_capped_and_everyone_still_gets_k() -> None:
    # Everyone's favourite is person 0; k = 2, cap = 2.
    n = 6
    pairs = [(r, 0, 0.9) for r in range(1, n)]
    pairs += [(r, s, 0.5 - 0.01 * s) for r in range(n) for s in range(1, n) if r != s]
    recv, sugg, util = edges(pairs)
    chosen = assign(recv, sugg, util, k=2, capacity=np.full(n, 2))
    assert np.bincount(sugg[chosen], minlength=n).max() <= 2
    assert (np.bincount(recv[chosen], minlength=n) == 2).all()


def test_repair_moves_someone_to_make_room_for_a_receiver_left_short() -> None:
    # Greedy gives A (0) and B (1) person X (2), cap 1... then B has no other option:
    # C (3) can only be reached by A. Repair: A moves to C, B takes X.
    recv, sugg, util = edges([(0, 2, 0.9), (0, 3, 0.1), (1, 2, 0.8)])
    chosen = assign(recv, sugg, util, k=1, capacity=np.array([1, 1, 1, 1]))
    assert set(zip(recv[chosen].tolist(), sugg[chosen].tolist(), strict=True)) == {(0, 3), (1, 2)}


def test_assignment_never_exceeds_k_or_capacity_on_random_graphs() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        n = int(rng.integers(5, 40))
        r = rng.integers(0, n, 300)
        s = rng.integers(0, n, 300)
        keep = r != s
        keys = np.unique(r[keep] * n + s[keep])
        recv, sugg = keys // n, keys % n
        util = rng.random(len(recv)).astype(np.float32)
        cap = rng.integers(0, 4, n)
        chosen = assign(recv, sugg, util, k=3, capacity=cap)
        assert (np.bincount(recv[chosen], minlength=n) <= 3).all()
        assert (np.bincount(sugg[chosen], minlength=n) <= cap).all()


def test_near_duplicate_candidates_lose_utility() -> None:
    vectors = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    recv, sugg, score = edges([(0, 1, 0.9), (0, 2, 0.85), (0, 3, 0.8)])
    util = diversified_utility(recv, sugg, score, vectors, steps=3, strength=0.3)
    assert util[0] == pytest.approx(0.9)  # the best is picked first, untouched
    assert util[2] == pytest.approx(0.8)  # different from the pick: untouched
    assert util[1] == pytest.approx(0.85 * 0.7)  # identical to the pick: penalised
    assert util[2] > util[1]


def test_ramp_and_combine() -> None:
    sims = np.array([0.2, 0.49, 0.5, 0.75, 0.99])
    credit = ramp(sims, threshold=0.5, floor=0.3, full=0.75)
    assert credit.tolist() == pytest.approx([0, 0, 0.2 / 0.45, 1, 1])
    p = ScoreParams()
    zero = np.zeros(1, dtype=np.float32)
    one = np.ones(1, dtype=np.float32)
    assert combine(zero, zero, zero, zero, p)[0] == 0
    assert combine(one, zero, zero, zero, p)[0] == 1
    # Complements in both directions beat one direction; order of directions is irrelevant.
    half = np.full(1, 0.5, dtype=np.float32)
    assert combine(zero, half, zero, zero, p)[0] == combine(zero, zero, half, zero, p)[0]
    assert combine(zero, half, half, zero, p)[0] > combine(zero, half, zero, zero, p)[0]


def small_event() -> list[Profile]:
    words = ["rust", "go", "chess", "jazz", "sailing", "tax", "wine", "yoga", "surf", "film"]
    rng = np.random.default_rng(5)
    people = []
    for i in range(30):
        picks = rng.choice(words, size=3, replace=False).tolist()
        people.append(
            Profile(
                id=f"p{i}",
                name=f"P {i}",
                interests=[f"{w} club" for w in picks[:2]],
                personal_interests=[picks[2]],
                looking_for=["a mentor"] if i % 5 == 0 else [],
                offering=["mentor"] if i % 7 == 0 else [],
                organizations=["Acme Inc."] if i % 4 == 0 else ["Acme"] if i % 9 == 0 else [],
            )
        )
    return people


def test_pair_scores_match_a_brute_force_reference_and_are_symmetric(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    people = small_event()
    table = PhraseVectors(fake_encoder)
    facets = build_facets(people, table)
    tw, ow = topic_weights(facets, table), org_weights(facets)
    n = len(people)
    i, j = np.triu_indices(n, 1)
    fwd = score_pairs(facets, tw, ow, i, j)
    back = score_pairs(facets, tw, ow, j, i)
    assert np.allclose(fwd.score, back.score, atol=1e-6)
    assert ((fwd.score >= 0) & (fwd.score <= 1)).all()
    # One pair scored alone equals its score among all pairs (grouping changes nothing).
    for p in range(0, len(i), 37):
        alone = score_pairs(facets, tw, ow, i[p : p + 1], j[p : p + 1])
        assert alone.score[0] == pytest.approx(fwd.score[p], abs=1e-6)
    # With room for everyone, the faiss candidates include every pair that has a reason.
    ci, cj = candidate_pairs(facets, tw, n, n, ScoreParams().topic_threshold, n)
    with_reason = set(zip(i[fwd.has_reason()].tolist(), j[fwd.has_reason()].tolist(), strict=True))
    assert with_reason <= set(zip(ci.tolist(), cj.tolist(), strict=True))


def test_same_company_pairs_can_be_excluded(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    people = [
        Profile(id="a", name="A", interests=["rust club"], company="Acme Inc."),
        Profile(id="b", name="B", interests=["rust club"], company="ACME"),
        Profile(id="c", name="C", interests=["rust club"], company="Other"),
    ]
    matcher = Matcher(encoder=fake_encoder)
    assert {s.other_id for s in matcher.suggest(people, k=2)["a"]} == {"b", "c"}
    got = matcher.suggest(people, k=2, exclude_same_company=True)
    assert [s.other_id for s in got["a"]] == ["c"]
    assert [s.other_id for s in got["b"]] == ["c"]


def test_empty_and_tiny_events(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    matcher = Matcher(encoder=fake_encoder)
    assert matcher.suggest([], k=5) == {}
    lone = Profile(id="x", name="X", interests=["rust"])
    assert matcher.suggest([lone], k=5) == {"x": []}
    blank = Profile(id="y", name="Y")
    assert matcher.suggest([lone, blank], k=5) == {"x": [], "y": []}
    assert matcher.common_ground(lone, blank).score == 0
    with pytest.raises(ValueError):
        matcher.suggest([lone, lone], k=1)


def test_clean_trims_list_punctuation_but_keeps_brackets_that_close_inside() -> None:
    from matcher.normalise import clean

    assert clean("  - marathons; ") == "marathons"
    assert clean("Go (the board game)") == "Go (the board game)"
    assert clean('say "hi"') == 'say "hi"'
    assert clean("(AI)") == "AI"
    assert clean("ML ops (MLOps)).") == "ML ops (MLOps)"
    assert clean("C++") == "C++"


def test_clean_keeps_romance_ordinals_as_written() -> None:
    """blind22: a fill quoted "bonito del norte y anchoa, 4ª generación" as "4a
    generación" (NFKC makes the ordinal a plain letter); its reader rejected the
    misquote. Full-width letters are still made plain."""
    from matcher.normalise import clean

    assert clean("anchoa, 4ª generación") == "anchoa, 4ª generación"
    assert clean("1º andar") == "1º andar"
    assert clean("Ａｄａ, ４ª") == "Ada, 4ª"


def test_an_abbreviation_keeps_its_own_full_stop_at_the_end_of_an_item() -> None:
    """blind19: "bookkeeping & payroll for s.r.o." was quoted as "... for s.r.o" (the
    full stop of an item is trimmed, and with it the abbreviation's own)."""
    from matcher.items import clean_item
    from matcher.normalise import clean

    for trim in (clean, clean_item):
        assert trim("English-speaking bookkeeping & payroll for s.r.o.") == (
            "English-speaking bookkeeping & payroll for s.r.o."
        )
        assert trim("- offices in the U.S. ") == "offices in the U.S."
        assert trim("a Ph.D.") == "a Ph.D."
        assert trim("we build apps.") == "we build apps"
        assert trim("see acme.com.") == "see acme.com"
        assert trim("Ltd.") == "Ltd"


def test_phrase_neighbourhoods_in_small_blocks_give_the_same_weights_and_candidates(
    fake_encoder, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Range searches run a block of phrases at a time (bounded memory at 100,000
    phrases); how the phrases are cut into blocks, and faiss or numpy, changes nothing."""
    from matcher import index

    people = small_event()
    table = PhraseVectors(fake_encoder)
    facets = build_facets(people, table)

    def run() -> tuple[np.ndarray, set[tuple[int, int]], set[tuple[int, int]]]:
        tw = topic_weights(facets, table)
        threshold = ScoreParams().topic_threshold
        ci, cj = candidate_pairs(facets, tw, 2, 1, threshold, 6)
        rare = rare_concept_pairs(facets, threshold, 6)
        return (
            tw,
            set(zip(ci.tolist(), cj.tolist(), strict=True)),
            {(int(a), int(b)) for a, b in rare},
        )

    weights, pairs, rare = run()
    monkeypatch.setattr(index, "SMALL", 0)  # faiss range search
    monkeypatch.setattr(index, "_QUERY_BLOCK", 3)  # many blocks of 3 phrases
    blocked_weights, blocked_pairs, blocked_rare = run()
    assert np.allclose(weights, blocked_weights)
    assert pairs == blocked_pairs
    assert rare == blocked_rare
    assert rare, "holders of rare concepts are paired"
    assert len(set(np.round(weights[:-1], 4).tolist())) > 2, "weights differ by concept"

    # A full run searches the neighbourhoods once for both, at the lower threshold.
    params = MatchParams()
    both = concept_stats(
        facets.topics,
        facets.vectors,
        facets.n,
        params.specificity.cluster_threshold,
        params.score.topic_threshold,
        6,
    )
    assert both.rare_pairs is not None
    assert np.allclose(topic_weights(facets, table, concepts=both), weights)
    assert {(int(a), int(b)) for a, b in both.rare_pairs} == rare


def test_common_ground_to_dict_is_the_whole_dataclass_and_round_trips() -> None:
    """to_dict is written out for speed; it must still carry every field."""
    from dataclasses import asdict

    from matcher import CommonGround
    from matcher.types import Complement, SharedItem, Tie

    cg = CommonGround(
        score=0.61,
        shared=[SharedItem("ML", "machine learning", 0.9, "interest", 0.4)],
        complements=[Complement("a", "a mentor", "mentoring founders", 0.7)],
        ties=[Tie("organization", "Acme Inc.", "Acme")],
        reasons=["You both listed ML."],
        starters=["What got you into ML?"],
    )
    assert cg.to_dict() == asdict(cg)
    assert CommonGround.from_dict(cg.to_dict()) == cg


def test_a_broken_phrase_vector_fails_scoring_loudly(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    people = small_event()
    table = PhraseVectors(fake_encoder)
    facets = build_facets(people, table)
    tw, ow = topic_weights(facets, table), org_weights(facets)
    facets.vectors[facets.needs.row(0)[0]] = np.nan  # person 0 looks for "a mentor"
    i, j = np.triu_indices(len(people), 1)
    with pytest.raises(ValueError, match="not finite"):
        score_pairs(facets, tw, ow, i, j)


def test_pairs_explained_together_say_what_each_pair_alone_says(fake_encoder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A full run explains its suggestions in padded batches; lists of every length
    (empty ones too) must give each pair exactly its own common ground."""
    from matcher import explain as explain_module

    people = small_event()
    people[3].interests, people[3].personal_interests = [], []  # nothing to align
    people[4].looking_for = ["a rust mentor", "jazz partners", "tax advice", "sailing crew"]
    people[5].offering = ["rust mentoring", "jazz piano", "sailing trips"]
    table = PhraseVectors(fake_encoder)
    facets = build_facets(people, table)
    tw = topic_weights(facets, table)
    params = ScoreParams()
    rng = np.random.default_rng(8)
    a = rng.integers(0, len(people), 60).tolist()
    b = rng.integers(0, len(people), 60).tolist()
    a[:4], b[:4] = [3, 4, 5, 4], [1, 5, 4, 3]
    scores = rng.random(60).tolist()
    alone = [
        explain_module.explain(facets, tw, x, y, s, params)
        for x, y, s in zip(a, b, scores, strict=True)
    ]
    monkeypatch.setattr(explain_module, "CHUNK", 7)
    together = explain_module.explain_many(facets, tw, a, b, scores, params)
    assert [cg.to_dict() for cg in together] == [cg.to_dict() for cg in alone]
    assert sum(len(cg.shared) for cg in alone) > 30
    assert sum(len(cg.complements) for cg in alone) > 0
