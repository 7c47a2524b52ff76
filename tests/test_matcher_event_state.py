"""The event state: one change at a time, measured against a full run on the same people.

Mechanics on seeded synthetic events and the fake encoder; `Matcher.suggest` (a
full run) is the exact reference.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from matcher import EventState, Matcher, Profile
from matcher.about_phrases import about_phrases
from matcher.candidates import candidate_pairs
from matcher.matcher import MatchParams

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth import generate_event  # noqa: E402

K = 5


def people(n: int, seed: int) -> list[Profile]:
    return generate_event(n, seed=seed).profiles


def full_run(matcher: Matcher, profiles: list[Profile], **rules: object) -> dict[str, list[str]]:
    got = matcher.suggest(profiles, k=K, **rules)  # type: ignore[arg-type]
    return {pid: [s.other_id for s in lst] for pid, lst in got.items()}


def lists_of(state: EventState) -> dict[str, list[str]]:
    return {pid: [s.other_id for s in state.suggestions(pid)] for pid in state.ids}


def by_phrase(state: EventState) -> dict[str, tuple[float, float, float]]:
    """Each topic phrase's (concept holders, match reach, weight), by its text."""
    data = state.data
    counts = data.concepts
    assert counts is not None
    weights, _ = data.weights()
    out = {}
    for pos, phrase in enumerate(counts.phrase_at):
        if counts.holders[pos]:  # phrases nobody holds any more carry no weight
            key = data.vocab.phrases[phrase]
            out[key] = (float(counts.df()[pos]), float(counts.reach()[pos]), float(weights[phrase]))
    return out


def test_specificity_stays_exact_through_sign_ups_edits_and_departures(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(90, seed=11)
    matcher = Matcher(encoder=fake_encoder)
    state = EventState(matcher, crowd[:50], k=K)
    state.rematch()
    present = {p.id: p for p in crowd[:50]}
    for p in crowd[50:70]:
        state.add(p)
        present[p.id] = p
    for p in crowd[:10]:  # departures
        state.remove(p.id)
        del present[p.id]
    for old, new in zip(crowd[10:20], crowd[70:80], strict=True):  # edits
        edited = _with_id(new, old.id)
        state.update(edited)
        present[old.id] = edited
    fresh = EventState(matcher, list(present.values()), k=K)
    kept, rebuilt = by_phrase(state), by_phrase(fresh)
    assert kept.keys() == rebuilt.keys()
    for phrase, values in rebuilt.items():
        assert kept[phrase] == pytest.approx(values, abs=1e-6), phrase
    org_w = dict(zip(state.data.vocab.org_keys, state.data.weights()[1].tolist(), strict=False))
    fresh_org_w = dict(
        zip(fresh.data.vocab.org_keys, fresh.data.weights()[1].tolist(), strict=False)
    )
    assert {k: org_w[k] for k in fresh_org_w} == pytest.approx(fresh_org_w)


def _with_id(profile: Profile, pid: str) -> Profile:
    from dataclasses import replace

    return replace(profile, id=pid)


def test_a_person_finds_exactly_the_candidates_a_full_search_gives_them(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(120, seed=12)
    state = EventState(Matcher(encoder=fake_encoder), crowd, k=K)
    data = state.data
    params = state.params
    topic_w, _ = data.weights()
    i, j = candidate_pairs(
        state._facets_all,  # type: ignore[arg-type]
        topic_w,
        params.candidates_per_person,
        params.candidates_per_goal,
        params.score.topic_threshold,
        params.max_rare_holders,
        None,
        data.ensure_neighbours(),
    )
    rows = np.arange(0, len(crowd), 7)
    found = state._partners(rows)
    for r in rows.tolist():
        expected = set(j[i == r].tolist()) | set(i[j == r].tolist())
        assert set(found[r].tolist()) == expected


def test_a_newcomer_gets_the_full_runs_list_scores_and_reasons(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    """With current search vectors and no diversity or exposure cap in play, each person
    added one at a time gets exactly the list a full run over the same people gives
    them, each pair with the full run's score and common ground."""
    crowd = people(100, seed=13)
    matcher = Matcher(encoder=fake_encoder, params=MatchParams(diversity=0.0))
    state = EventState(matcher, crowd[:70], k=K, max_exposure=len(crowd))
    state.rematch()
    for n, newcomer in enumerate(crowd[70:], start=71):
        state.refresh()
        change = state.add(newcomer)
        reference = matcher.suggest(crowd[:n], k=K, max_exposure=len(crowd))
        mine = change.lists[newcomer.id]
        assert [s.other_id for s in mine] == [s.other_id for s in reference[newcomer.id]]
        for got, want in zip(mine, reference[newcomer.id], strict=True):
            assert got.score == want.score
            assert got.common_ground.to_dict() == want.common_ground.to_dict()


def test_a_newcomer_takes_a_full_persons_place_where_a_full_run_would(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    """With the exposure cap binding (8 places each for lists of 5) and the default
    diversity, a full run gives a newcomer people who are already suggested as often
    as the cap allows (their weakest receiver loses the place). Added one at a time
    with current search vectors, newcomers get those lists too: 27 of 30 exactly the
    full run's, 0.98 overlap (when a full person was closed to a newcomer: 16 / 0.89).
    The receiver that gave up its place has a full list again, and the cap holds."""
    crowd = people(100, seed=13)
    cap = 8
    matcher = Matcher(encoder=fake_encoder)
    state = EventState(matcher, crowd[:70], k=K, max_exposure=cap)
    state.rematch()
    exact, shares, took_full = 0, [], 0
    for n, newcomer in enumerate(crowd[70:], start=71):
        state.refresh()
        full = {pid for pid, c in Counter(o for v in lists_of(state).values() for o in v).items()
                if c >= cap}  # fmt: skip
        before = lists_of(state)
        change = state.add(newcomer)
        mine = [s.other_id for s in change.lists[newcomer.id]]
        reference = full_run(matcher, crowd[:n], max_exposure=cap)[newcomer.id]
        exact += mine == reference
        shares.append(len(set(mine) & set(reference)) / len(reference))
        took = set(mine) & full
        took_full += bool(took)
        for pid, lst in lists_of(state).items():  # who gave a place up got a full list again
            if pid != newcomer.id and set(before.get(pid, [])) & took - set(lst):
                assert pid in change.lists and len(lst) == K
    assert took_full >= 10, "the cap binds: newcomers often want someone already full"
    assert exact >= 25
    assert float(np.mean(shares)) >= 0.95
    check_rules(state)


def overlap(lists: dict[str, list[str]], reference: dict[str, list[str]]) -> float:
    """Mean share of each reference list that `lists` has too (people with a list)."""
    shares = [len(set(lists[p]) & set(reference[p])) / len(reference[p]) for p in lists]
    return float(np.mean(shares))


def test_newcomers_added_one_at_a_time_mostly_agree_with_a_full_run(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    """With every default (diversity, exposure cap, vectors refreshed only now and
    then), 40 people join a run of 200 one at a time; then a full run over all 240 is
    the reference. Two agreements, each at least 0.8 (the issue's target; here about
    0.88 and 0.93): each newcomer's list right after joining against the full run's
    (what BENCHMARKS.md measures at 1,000 and 10,000), and the places newcomers take
    in earlier people's lists: of those the full run gives them, the share they hold
    at the end. Stale specificity, no rare-concept candidates, or newcomers entering
    no lists each fail it (0.64 / 0.29, 0.75 / 0.78, 0.87 / 0.0)."""
    crowd = people(240, seed=14)
    matcher = Matcher(encoder=fake_encoder)
    state = EventState(matcher, crowd[:200], k=K)
    state.rematch()
    instant = {}
    for p in crowd[200:]:
        instant[p.id] = [s.other_id for s in state.add(p).lists[p.id]]
    reference = full_run(matcher, crowd)
    assert overlap(instant, reference) >= 0.8

    newcomers = set(instant)
    earlier = [p.id for p in crowd[:200]]

    def places(lists: dict[str, list[str]]) -> set[tuple[str, str]]:
        return {(r, o) for r in earlier for o in lists[r] if o in newcomers}

    given = places(reference)
    assert len(given) >= 50, "newcomers enter many earlier lists in a full run"
    assert len(places(lists_of(state)) & given) / len(given) >= 0.8


def check_rules(
    state: EventState, hidden: set[str] = frozenset(), blocked: set[frozenset[str]] = frozenset()
) -> None:  # type: ignore[assignment]
    exposure: Counter[str] = Counter()
    for pid, lst in lists_of(state).items():
        scores = [s.score for s in state.suggestions(pid)]
        assert len(lst) <= K and len(set(lst)) == len(lst) and pid not in lst
        assert scores == sorted(scores, reverse=True)
        assert not set(lst) & hidden
        assert not any(frozenset((pid, o)) in blocked for o in lst)
        exposure.update(lst)
    assert max(exposure.values(), default=0) <= state.cap


def test_a_sign_up_enters_only_lists_it_ranks_in_and_keeps_every_rule(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(150, seed=15)
    hidden = {p.id for p in crowd[::9]}
    blocked = [(crowd[1].id, crowd[2].id), (crowd[3].id, crowd[140].id)]
    state = EventState(
        Matcher(encoder=fake_encoder), crowd[:140], k=K, hidden=hidden, exclude=blocked
    )
    state.rematch()
    for p in crowd[140:]:
        before = lists_of(state)
        change = state.add(p, hidden=p.id in hidden)
        after = lists_of(state)
        assert p.id in change.lists and 1 <= len(after[p.id]) <= K
        changed = {pid for pid in before if before[pid] != after[pid]}
        assert changed <= set(change.lists), "every changed list is reported"
        for pid in change.entered():
            assert p.id in after[pid] and p.id not in before[pid]
        if p.id in hidden:
            assert not change.entered()
    check_rules(state, hidden, {frozenset(b) for b in blocked})
    assert (
        sum(
            1
            for p in crowd[140:]
            if p.id not in hidden and any(p.id in lst for lst in lists_of(state).values())
        )
        >= 5
    )


def test_a_departure_leaves_every_list_and_those_lists_are_filled_again(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(120, seed=16)
    state = EventState(Matcher(encoder=fake_encoder), crowd, k=K)
    state.rematch()
    popular = Counter(o for lst in lists_of(state).values() for o in lst).most_common(1)[0][0]
    had = [pid for pid, lst in lists_of(state).items() if popular in lst]
    change = state.remove(popular)
    assert change.dropped == [popular]
    assert popular not in state and popular not in state.ids
    after = lists_of(state)
    assert not any(popular in lst for lst in after.values())
    assert set(had) <= set(change.lists)
    assert all(len(after[pid]) == K for pid in had), "their lists are filled again"
    check_rules(state)


def test_a_pair_that_met_is_never_suggested_again(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(100, seed=17)
    state = EventState(Matcher(encoder=fake_encoder), crowd, k=K)
    state.rematch()
    a = crowd[0].id
    b = state.suggestions(a)[0].other_id
    change = state.block(a, b)
    assert a in change.lists
    assert b not in lists_of(state)[a] and a not in lists_of(state)[b]
    assert len(lists_of(state)[a]) == K
    state.add(_with_id(crowd[5], "late"))  # later changes keep the rule
    check_rules(state, blocked={frozenset((a, b))})


def test_an_edit_is_explained_in_the_new_words_everywhere(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(100, seed=18)
    state = EventState(Matcher(encoder=fake_encoder), crowd, k=K)
    state.rematch()
    edited = _with_id(crowd[50], crowd[3].id)
    change = state.update(edited)
    new_words = set(
        edited.interests + edited.personal_interests + edited.looking_for + edited.offering
    ) | set(about_phrases(edited.about or ""))  # what the about says is theirs too
    for lst in change.lists.values():
        for s in lst:
            cg = s.common_ground
            if s.other_id == edited.id:
                theirs = {x.b for x in cg.shared} | {
                    c.offer for c in cg.complements if c.seeker == "a"
                }
                theirs |= {c.need for c in cg.complements if c.seeker == "b"}
                assert theirs <= new_words | {t.b for t in cg.ties}
    mine = state.suggestions(edited.id)
    assert mine and all({x.a for x in s.common_ground.shared} <= new_words for s in mine)
    check_rules(state)


def test_lists_taken_from_elsewhere_are_kept_and_changed_like_computed_ones(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(110, seed=19)
    matcher = Matcher(encoder=fake_encoder)
    stored = matcher.suggest(crowd[:100], k=K)
    state = matcher.event(crowd[:100], k=K)
    state.set_lists({pid: [(s.other_id, s.score) for s in lst] for pid, lst in stored.items()})
    assert lists_of(state) == {pid: [s.other_id for s in lst] for pid, lst in stored.items()}
    for p in crowd[100:]:
        state.add(p)
    check_rules(state)


def test_workers_taking_turns_on_one_crowded_event_never_list_anyone_twice(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    """Three web workers, each with its own state, take turns with sign-ups: before each
    one the worker reads every profile and stored list again (as `event_states` does),
    then stores the lists the sign-up changed. On a crowded event (everyone shares one
    interest, the exposure cap binds) a newcomer who wins a full person's place makes
    a receiver choose again, and that receiver may choose the newcomer: entering the
    lists afterwards must not give it a second place (a stored duplicate broke the
    database's one-row-per-pair rule)."""
    matcher = Matcher(encoder=fake_encoder)

    def person(i: int, interests: list[str]) -> Profile:
        return Profile(
            id=str(i),
            name=f"Person {i}",
            interests=interests,
            looking_for=["a co-founder"],
            offering=["advice on fundraising"],
        )

    crowd = [person(i, ["carbon capture", f"topic {i % 9}"]) for i in range(1, 101)]
    crowd += [person(i, ["carbon capture", "soil"]) for i in range(101, 121)]
    present = crowd[:40]
    first = matcher.event(present, k=K)
    first.rematch()
    stored = {pid: [(s.other_id, s.score) for s in first.suggestions(pid)] for pid in first.ids}
    workers = [matcher.event(present, k=K) for _ in range(3)]
    for n, newcomer in enumerate(crowd[40:]):
        worker = workers[n % 3]
        for p in present:
            if p.id not in worker:
                worker.put(p)
        worker.set_lists(stored)
        change = worker.add(newcomer)
        present.append(newcomer)
        for receiver, suggestions in change.lists.items():
            others = [s.other_id for s in suggestions]
            assert len(others) == len(set(others)), (newcomer.id, receiver, others)
            stored[receiver] = [(s.other_id, s.score) for s in suggestions]
    check_rules(workers[(len(crowd) - 41) % 3])


def test_the_other_sides_view_is_the_flipped_common_ground(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(60, seed=20)
    state = EventState(Matcher(encoder=fake_encoder), crowd, k=K)
    state.rematch()
    pid = crowd[0].id
    s = state.suggestions(pid)[0]
    cg = s.common_ground
    back = cg.flipped()
    assert back.score == cg.score
    assert [(x.a, x.b) for x in back.shared] == [(x.b, x.a) for x in cg.shared]
    assert [c.seeker for c in back.complements] == [
        "b" if c.seeker == "a" else "a" for c in cg.complements
    ]
    assert back.flipped().to_dict() == {**cg.to_dict(), "starters": []}
    direct = state.common_ground(s.other_id, pid)
    assert {(x.a, x.b) for x in back.shared} == {(x.a, x.b) for x in direct.shared}
    assert back.reasons == direct.reasons


def test_a_profile_put_again_unchanged_keeps_its_row_and_counts_as_no_change(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    crowd = people(40, seed=23)
    state = Matcher(encoder=fake_encoder).event(crowd, k=K)
    state.rematch()
    row, changes = state.data.row_of[crowd[3].id], state.data.changes
    held = lists_of(state)
    state.put(Profile(**{f: getattr(crowd[3], f) for f in crowd[3].__slots__}))
    assert (state.data.row_of[crowd[3].id], state.data.changes) == (row, changes)
    edited = Profile(**{**{f: getattr(crowd[3], f) for f in crowd[3].__slots__}, "about": "x"})
    state.put(edited)
    assert state.data.row_of[crowd[3].id] != row and lists_of(state) == held


def test_a_pair_explained_without_its_score_says_the_same_before_and_after_a_change(
    fake_encoder,
) -> None:  # type: ignore[no-untyped-def]
    """The scan page asks for common ground unscored: everything it shows is the
    scored common ground's, built whole or after a sign-up (facets assembled)."""
    crowd = people(70, seed=29)
    state = EventState(Matcher(encoder=fake_encoder), crowd[:60], k=K)
    state.rematch()

    def same_but_score() -> int:
        found = 0
        for a, b in zip(crowd[:60:3], crowd[1:60:3], strict=True):
            scored, plain = (
                state.common_ground(a.id, b.id),
                state.common_ground(a.id, b.id, scored=False),
            )
            assert plain.score == 0.0
            assert plain.to_dict() == {**scored.to_dict(), "score": 0.0}
            found += bool(scored.reasons)
        return found

    assert same_but_score() > 0, "some pairs have something in common"
    for p in crowd[60:]:
        state.add(p)
    assert same_but_score() > 0
