"""Issue 16's rules, over the human-judged conference set, with the real model.

Different activities are never the *same* interest; a hiring manager and a job seeker
meet although both wrote their goal under "looking for"; two investors are never a
complement; people whose common ground is only in their bios are introduced.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import EventState, Matcher  # noqa: E402


@pytest.fixture(scope="module")
def conference() -> human_set.HumanSet:
    return human_set.load_set("conference")


@pytest.fixture(scope="module")
def state(real_encoder, conference) -> EventState:  # type: ignore[no-untyped-def]
    event = Matcher(encoder=real_encoder).event(conference.profiles, k=5)
    event.rematch()
    return event


def test_different_sports_and_other_claim_traps_are_never_said_to_be_the_same(
    state, conference
) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for trap in conference.claim_traps:
        cg = state.common_ground(trap["a"], trap["b"])
        for item in cg.shared:
            if {item.a, item.b} != {trap["a_item"], trap["b_item"]}:
                continue
            checked += 1
            assert item.grade == "related", f"{item.a} ~ {item.b} is not the same"
            # Personal activities are never even related when they are different
            # kinds of thing (a board game and a sport).
            assert item.kind != "personal" or trap["must_not"] != "claim"
    cg = state.common_ground("tom-becker", "priya-nair")
    assert not any({s.a, s.b} == {"chess", "basketball"} for s in cg.shared)
    assert checked < len(conference.claim_traps)  # most traps are not even related


def test_a_related_item_is_never_worded_as_shared(state) -> None:  # type: ignore[no-untyped-def]
    from matcher import wording

    for pid in state.ids:
        for s in state.suggestions(pid):
            for item in s.common_ground.shared:
                if item.grade == "related":
                    label = wording.shared_label(item)
                    assert label.startswith("related — you: ")
                    assert not any("both" in r and item.b in r for r in s.common_ground.reasons)


def test_hiring_and_job_seeking_meet_when_both_wrote_them_under_looking_for(
    state,
) -> None:  # type: ignore[no-untyped-def]
    for hirer, seeker in (("tom-becker", "priya-nair"), ("jonas-klein", "ahmed-hassan")):
        cg = state.common_ground(hirer, seeker)
        mutual = [c for c in cg.complements if c.mutual]
        assert mutual, f"{hirer} and {seeker}: a hire sought meets a job sought"
        assert any("looking for" in r for r in cg.reasons)
        assert seeker in [s.other_id for s in state.suggestions(hirer)]
        assert hirer in [s.other_id for s in state.suggestions(seeker)]


def test_two_investors_are_never_a_complement(state, conference) -> None:  # type: ignore[no-untyped-def]
    for trap in conference.complement_traps:
        cg = state.common_ground(trap["seeker"], trap["provider"])
        shown = {(c.need, c.offer) for c in cg.complements if c.seeker == "a"}
        assert (trap["need"], trap["offer"]) not in shown, trap["why"]
    investors = ["claire-dubois", "david-cohen", "sven-larsen", "michael-braun", "beatriz-santos"]
    for a in investors:
        for b in investors:
            if a != b:
                assert state.common_ground(a, b).complements == [], f"{a} and {b}"


def test_a_pair_whose_common_ground_is_only_in_their_bios_is_introduced(state, conference) -> None:  # type: ignore[no-untyped-def]
    people = {p.id: p for p in conference.profiles}
    a, b = "ingrid-holm", "tobias-richter"
    assert not people[a].interests and not people[a].personal_interests  # her bio only
    assert b in [s.other_id for s in state.suggestions(a)]
    assert a in [s.other_id for s in state.suggestions(b)]
    cg = state.common_ground(a, b)
    assert cg.reasons, "a suggestion always says why"


def test_professional_fit_outweighs_hobbies_unless_the_event_says_otherwise(
    real_encoder, conference
) -> None:  # type: ignore[no-untyped-def]
    matcher = Matcher(encoder=real_encoder)
    pairs = [("lena-hoffmann", "sophie-martin"), ("ahmed-hassan", "paul-durand")]  # goal, hobby
    default = matcher.event(conference.profiles)
    equal = matcher.event(conference.profiles, personal_weight=1.0)
    work, hobby = (default.common_ground(a, b).score for a, b in pairs)
    _, hobby_equal = (equal.common_ground(a, b).score for a, b in pairs)
    assert work > hobby
    assert hobby_equal > hobby
    with pytest.raises(ValueError):
        matcher.event(conference.profiles, personal_weight=2.0)


def test_bio_only_common_ground_is_said_in_both_peoples_words(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """The blind set's Ahmed and Grace share only what their abouts say (AI tutors in
    vocational schools): they are introduced with a claim quoting both bios, in a full
    run and when Grace arrives afterwards (the one engine, `EventState.add`)."""
    blind = human_set.load_set("blind")
    a, b = "ahmed-yilmaz", "grace-obi"
    people = {p.id: p for p in blind.profiles}
    assert "AI tutors" in people[a].about and "AI tutors" in people[b].about
    full = Matcher(encoder=real_encoder).event(blind.profiles, k=5)
    full.rematch()
    late = Matcher(encoder=real_encoder).event([p for p in blind.profiles if p.id != b], k=5)
    late.rematch()
    late.add(people[b])
    for state in (full, late):
        assert b in [s.other_id for s in state.suggestions(a)]
        cg = state.common_ground(a, b)
        said = [s for s in cg.shared if s.kind == "about"]
        assert any(s.grade == "same" and s.a == s.b == "AI tutors" for s in said), cg.shared
        assert "Both your profiles mention AI tutors." in cg.reasons
