"""Suggestions for a 300-person generated event with the real model: fair and explained."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from matcher import Matcher, Profile, Suggestion
from matcher.normalise import clean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth import SyntheticEvent, generate_event  # noqa: E402

pytestmark = pytest.mark.slow
K = 5


@pytest.fixture(scope="module")
def event() -> SyntheticEvent:
    return generate_event(300, seed=7)


@pytest.fixture(scope="module")
def setup(real_encoder, event):  # type: ignore[no-untyped-def]
    planted = sorted(event.partner, key=int)
    met = [(planted[0], event.partner[planted[0]]), (planted[2], event.partner[planted[2]])]
    declined = [(event.partner[planted[4]], planted[4])]  # either order
    hidden = [p.id for p in event.profiles[::60]]
    got = Matcher(encoder=real_encoder).suggest(
        event.profiles, k=K, exclude=met + declined, hidden=hidden
    )
    return got, met + declined, hidden


def words(p: Profile) -> list[str]:
    """A person's own words a reason may quote: items, company and headline ("similar
    backgrounds" quotes both headlines)."""
    items = p.interests + p.personal_interests + p.looking_for + p.offering + p.organizations
    return [clean(x) for x in [*items, p.company, p.headline] if clean(x)]


def test_every_attendee_gets_k_suggestions_and_nobody_exceeds_the_cap(setup, event) -> None:  # type: ignore[no-untyped-def]
    got, _, _ = setup
    assert set(got) == {p.id for p in event.profiles}
    assert all(len(lst) == K for lst in got.values())
    exposure = Counter(s.other_id for lst in got.values() for s in lst)
    assert max(exposure.values()) <= 3 * K
    for pid, lst in got.items():
        others = [s.other_id for s in lst]
        assert pid not in others and len(set(others)) == K
        assert [s.score for s in lst] == sorted((s.score for s in lst), reverse=True)


def test_met_and_declined_pairs_and_hidden_people_never_appear(setup) -> None:  # type: ignore[no-untyped-def]
    got, excluded, hidden = setup
    pairs = {(pid, s.other_id) for pid, lst in got.items() for s in lst}
    for x, y in excluded:
        assert (x, y) not in pairs and (y, x) not in pairs
    suggested = {other for _, other in pairs}
    assert not suggested & set(hidden)
    assert all(len(got[h]) == K for h in hidden)


def test_every_reason_names_items_of_both_people(setup, event) -> None:  # type: ignore[no-untyped-def]
    got, _, _ = setup
    by_id = {p.id: p for p in event.profiles}
    for pid, lst in got.items():
        for s in lst:
            assert s.common_ground.reasons, "no suggestion without a reason"
            mine, theirs = words(by_id[pid]), words(by_id[s.other_id])
            for reason in s.common_ground.reasons:
                assert any(w in reason for w in mine), (reason, mine)
                assert any(w in reason for w in theirs), (reason, theirs)
            for item in s.common_ground.shared:
                assert clean(item.a) in mine and clean(item.b) in theirs


def test_planted_partners_are_found(setup, event) -> None:  # type: ignore[no-untyped-def]
    got, excluded, _ = setup
    skip = {x for pair in excluded for x in pair}
    planted = [pid for pid in event.partner if pid not in skip]

    def found(pid: str, lst: list[Suggestion]) -> bool:
        return event.partner[pid] in [s.other_id for s in lst]

    recall = sum(found(pid, got[pid]) for pid in planted) / len(planted)
    # The exact-tag and whole-profile baselines find about 1 in 10 (BENCHMARKS.md).
    # Since issue 16 the generator's differently-worded personal concepts ("marathon
    # training" / "trail running") are at most related, and a related pair earns half
    # the credit: the human-judged set decides (tests/test_quality_rules.py). And a
    # need met by wording now asks the provider's own work to fit the need
    # (`matcher.goal_fit`): the generator gives its givers goals drawn at random,
    # unrelated to their interests and headline (0.23 here; 0.28 on main at e53f3a6).
    assert recall >= 0.2
