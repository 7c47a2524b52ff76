"""Colleagues of one company are introduced to each other only when nobody else is left.

Two people of the same current company need no introduction at their own event: what
one needs the other's colleague offers in-house (no complement, `matcher.goal_fit`),
and a suggestion slot spent on a colleague is one lost. They are still suggested to
each other to fill a list nobody else can (an all-hands event), and an organizer may
exclude them altogether (`exclude_same_company`).
"""

from __future__ import annotations

import numpy as np

from matcher import Matcher, Profile
from matcher.selection import Edges, colleagues_last


def test_edges_between_colleagues_come_after_every_other() -> None:
    edges = Edges(np.array([0, 0, 0]), np.array([1, 2, 3]), np.array([0.9, 0.2, 0.1]))
    company = np.array([7, 7, -1, -1])
    utility = colleagues_last(edges.score.astype(np.float32), edges, company)
    assert utility[0] < min(utility[1], utility[2])
    # Unknown companies (-1) are nobody's colleagues.
    assert list(utility[1:]) == [np.float32(0.2), np.float32(0.1)]


def test_colleagues_are_not_suggested_to_each_other_while_others_are_left(blind2_event) -> None:  # type: ignore[no-untyped-def]
    # blind2: Elke and Pieter both work at Delvaux Markt (fresh produce, packaging).
    event = blind2_event
    assert "pieter-claes" not in [s.other_id for s in event.suggestions("elke-baert")]
    assert "elke-baert" not in [s.other_id for s in event.suggestions("pieter-claes")]
    assert len(event.suggestions("elke-baert")) == 5


def test_an_all_hands_event_still_suggests_colleagues(real_encoder) -> None:  # type: ignore[no-untyped-def]
    people = [
        Profile(id=f"p{i}", name=f"P{i}", headline=h, interests=t, company="Acme")
        for i, (h, t) in enumerate(
            [
                ("Backend engineer, Acme", ["Rust", "distributed systems"]),
                ("Platform engineer, Acme", ["Kubernetes", "distributed systems"]),
                ("Data engineer, Acme", ["Spark", "distributed systems"]),
            ]
        )
    ]
    got = Matcher(encoder=real_encoder).suggest(people, k=2)
    assert all(got[p.id] for p in people)
