"""The matcher contract with the real model: common ground, reasons, suggestions."""

from __future__ import annotations

import pytest

from matcher import Matcher, Profile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def matcher(real_encoder):  # type: ignore[no-untyped-def]
    return Matcher(encoder=real_encoder)


def person(pid: str, **fields: object) -> Profile:
    return Profile(id=pid, name=f"Person {pid}", **fields)  # type: ignore[arg-type]


def test_paraphrased_shared_interest_is_found(matcher: Matcher) -> None:
    a = person("a", personal_interests=["marathons"], interests=["carbon capture"])
    b = person("b", personal_interests=["marathon running"], interests=["urban beekeeping"])
    cg = matcher.common_ground(a, b)
    assert [(s.a, s.b) for s in cg.shared] == [("marathons", "marathon running")]
    assert cg.shared[0].kind == "personal" and cg.shared[0].grade == "same"
    assert cg.score > 0
    assert any("marathons" in r and "marathon running" in r for r in cg.reasons)


def test_unrelated_interests_are_not_common_ground(matcher: Matcher) -> None:
    a = person("a", personal_interests=["marathons"])
    b = person("b", interests=["tax law"])
    cg = matcher.common_ground(a, b)
    assert cg.shared == [] and cg.complements == [] and cg.ties == []
    assert cg.score == 0
    assert cg.reasons == []


def test_pair_score_is_symmetric_and_bounded(matcher: Matcher) -> None:
    a = person(
        "a",
        interests=["machine learning", "climate tech"],
        looking_for=["a mentor"],
        offering=["product design"],
        organizations=["Google"],
    )
    b = person(
        "b",
        interests=["ML", "battery chemistry"],
        looking_for=["help with product design"],
        offering=["mentoring first-time founders"],
        organizations=["Google LLC"],
    )
    ab, ba = matcher.common_ground(a, b), matcher.common_ground(b, a)
    assert 0 < ab.score <= 1
    assert ab.score == pytest.approx(ba.score)
    assert {(s.a, s.b) for s in ab.shared} == {(s.b, s.a) for s in ba.shared}


def test_looking_for_meets_offering_in_both_directions(matcher: Matcher) -> None:
    # A mentor is a role: met by mentoring offered and the fit of the two people's work;
    # design help (not a hire: a hire is not met by a skill) by the offer's wording.
    seeker = person(
        "s",
        headline="First-time founder, a budgeting app for students",
        looking_for=["a mentor"],
        offering=["product design"],
    )
    giver = person(
        "g",
        headline="Founder of a personal finance app, angel investor",
        looking_for=["help with product design"],
        offering=["mentoring founders"],
    )
    cg = matcher.common_ground(seeker, giver)
    pairs = {(c.seeker, c.need, c.offer) for c in cg.complements}
    assert ("a", "a mentor", "mentoring founders") in pairs
    assert ("b", "help with product design", "product design") in pairs
    assert any("a mentor" in r and "mentoring founders" in r for r in cg.reasons)
    # Reciprocal: meeting both needs scores higher than meeting only one.
    one_way = matcher.common_ground(
        seeker, person("h", headline=giver.headline, offering=["mentoring founders"])
    )
    assert cg.score > one_way.score > 0


def test_organization_ties_are_normalised(matcher: Matcher) -> None:
    a = person("a", organizations=["Google", "ETH Zurich"])
    b = person("b", organizations=["Google LLC", "Stanford University"])
    cg = matcher.common_ground(a, b)
    assert [(t.a, t.b) for t in cg.ties] == [("Google", "Google LLC")]
    assert any("Google" in r for r in cg.reasons)


def test_rare_shared_concept_outranks_a_generic_one(matcher: Matcher) -> None:
    me = person("me", interests=["AI", "carbon capture"])
    rare = person("rare", interests=["direct air capture of CO2", "kubernetes"])
    generic = person("generic", interests=["artificial intelligence", "knitting"])
    crowd = [
        person(f"c{n}", interests=["AI", ["baking", "chess", "opera"][n % 3]]) for n in range(12)
    ]
    got = matcher.suggest([me, rare, generic, *crowd], k=2)
    assert [s.other_id for s in got["me"]][0] == "rare"
    population = [rare, generic, *crowd]
    with_rare = matcher.common_ground(me, rare, population=population)
    with_generic = matcher.common_ground(me, generic, population=population)
    assert with_rare.score > with_generic.score > 0


def test_reasons_cite_the_words_of_both_people(matcher: Matcher) -> None:
    a = person("a", interests=["running marathons"], offering=["Rust mentoring"])
    b = person("b", personal_interests=["long-distance running"], looking_for=["a Rust mentor"])
    cg = matcher.common_ground(a, b)
    assert cg.reasons
    a_words = {"running marathons", "Rust mentoring"}
    b_words = {"long-distance running", "a Rust mentor"}
    for reason in cg.reasons:
        assert any(w in reason for w in a_words) and any(w in reason for w in b_words), reason


def test_suggestions_have_reasons_and_respect_exclusions(matcher: Matcher) -> None:
    people = [
        person("a", interests=["open-water swimming", "sourdough baking"]),
        person("b", interests=["sea swimming"]),
        person("c", interests=["baking bread"]),
        person("d", interests=["wild swimming", "bread baking"]),
        person("e", interests=["tax law"]),
    ]
    got = matcher.suggest(people, k=3, exclude=[("d", "a")], hidden=["c"])
    assert set(got) == {"a", "b", "c", "d", "e"}
    # d excluded, c hidden, e unrelated: b is a's one real suggestion, e fills the list.
    assert [(s.other_id, s.score > 0) for s in got["a"]] == [("b", True), ("e", False)]
    assert got["c"], "hidden people still receive suggestions"
    assert all(s.other_id != "c" for lst in got.values() for s in lst)
    # Nobody shares anything with e: its list is filled, said as such (score 0).
    assert got["e"] and all(s.score == 0 for s in got["e"])
    assert [t.kind for t in got["e"][0].common_ground.ties] == ["nearby"]
    for lst in got.values():
        for s in lst:
            assert s.common_ground.reasons and 0 <= s.score <= 1
