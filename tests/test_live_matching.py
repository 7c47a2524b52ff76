"""Incremental matching: a sign-up in a large event updates only what it touches."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from bench_web import full_refresh, populate, signup_form  # noqa: E402
from synth import generate_event  # noqa: E402

from models import Attendee, Event, Suggestion  # noqa: E402

SIZE = 120


def _rows(app) -> dict[tuple[int, int], tuple[int, float]]:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return {
            (a, o): (r, s)
            for a, o, r, s in session.execute(
                sa.select(
                    Suggestion.attendee_id, Suggestion.other_id, Suggestion.rank, Suggestion.score
                )
            )
        }


def _id_of(app, email: str) -> int:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return int(session.scalar(sa.select(Attendee.id).where(Attendee.email == email)))


@pytest.fixture
def big_event(app_factory, fake_encoder, tmp_path):  # type: ignore[no-untyped-def]
    """An event of SIZE generated attendees with a full run's suggestions; incremental on."""
    url = f"sqlite:///{tmp_path / 'live.db'}"
    app = app_factory(database_url=url, encoder=fake_encoder, MATCHING_INCREMENTAL_FROM=SIZE // 2)
    synth = generate_event(SIZE + 10, seed=5)
    bench = populate(app, url, synth.profiles[:SIZE])
    full_refresh(bench)
    return app, bench, synth.profiles[SIZE:]


def test_a_sign_up_gets_suggestions_and_enters_only_the_lists_it_ranks_in(big_event) -> None:  # type: ignore[no-untyped-def]
    app, bench, newcomers = big_event
    before = _rows(app)
    client = app.test_client()
    response = client.post("/e/bench/join", data=signup_form(newcomers[0], "new@bench.example"))
    assert response.status_code == 200
    me = _id_of(app, "new@bench.example")
    after = _rows(app)

    mine = sorted((r, s) for (a, _), (r, s) in after.items() if a == me)
    assert 1 <= len(mine) <= 5
    assert [r for r, _ in mine] == list(range(1, len(mine) + 1))
    with app.extensions["cg_sessions"]() as session:
        details = session.scalars(sa.select(Suggestion.detail).where(Suggestion.attendee_id == me))
        assert all(d["reasons"] for d in details), "every suggestion says why"

    entered = {a for (a, o) in after if o == me}
    assert entered, "the newcomer is suggested to people they rank for"
    for owner in {a for a, _ in after}:
        ranked = sorted((r, -s) for (a, _), (r, s) in after.items() if a == owner)
        assert len(ranked) <= 5
        assert [r for r, _ in ranked] == list(range(1, len(ranked) + 1))
        assert [s for _, s in ranked] == sorted(s for _, s in ranked), "ranks follow scores"
    untouched = {a for a, _ in before} - entered
    for (a, o), value in before.items():
        if a in untouched:
            assert after[(a, o)] == value, "lists the newcomer did not enter stay as they were"
    exposure: dict[int, int] = {}
    for _, o in after:
        exposure[o] = exposure.get(o, 0) + 1
    assert max(exposure.values()) <= 15, "nobody is suggested more than 3 x k times"


def test_an_edit_replaces_the_attendee_everywhere_and_a_deletion_leaves_the_index(
    big_event,
) -> None:  # type: ignore[no-untyped-def]
    app, bench, newcomers = big_event
    client = app.test_client()
    client.post("/e/bench/join", data=signup_form(newcomers[1], "edit@bench.example"))
    me = _id_of(app, "edit@bench.example")
    form = signup_form(newcomers[2], "edit@bench.example")
    form.pop("email")
    response = client.post("/e/bench/me/edit", data=form)
    assert response.status_code == 302
    after = _rows(app)
    with app.extensions["cg_sessions"]() as session:
        for (a, o), _ in after.items():
            if o == me:  # the stored reasons are about the new profile
                detail = session.scalar(
                    sa.select(Suggestion.detail).where(
                        Suggestion.attendee_id == a, Suggestion.other_id == o
                    )
                )
                theirs = {s["b"] for s in detail["shared"]} | {
                    c["offer"] for c in detail["complements"] if c["seeker"] == "a"
                }
                theirs |= {c["need"] for c in detail["complements"] if c["seeker"] == "b"}
                new_words = set(newcomers[2].interests + newcomers[2].personal_interests)
                new_words |= set(newcomers[2].offering + newcomers[2].looking_for)
                assert theirs <= new_words | {t["b"] for t in detail["ties"]}

    response = client.post("/e/bench/me/delete", data={"confirm": "y"})
    assert response.status_code == 200
    with app.app_context():
        from web.matching import live_index

        with app.extensions["cg_sessions"]() as session:
            index = live_index().get(session, bench.event_id)
        assert me in index.removed
        assert not index.active[index.pos[me]]


def test_another_worker_picks_up_a_sign_up_by_the_database_version(
    big_event, app_factory, fake_encoder
) -> None:  # type: ignore[no-untyped-def]
    app, bench, newcomers = big_event
    other = app_factory(database_url=bench.url, encoder=fake_encoder)
    with other.app_context():
        from web.matching import live_index

        cache = live_index()
        with other.extensions["cg_sessions"]() as session:
            before = cache.get(session, bench.event_id)
            built = before.n
        app.test_client().post(
            "/e/bench/join", data=signup_form(newcomers[3], "worker@bench.example")
        )
        me = _id_of(app, "worker@bench.example")
        with other.extensions["cg_sessions"]() as session:
            index = cache.get(session, bench.event_id)
    assert index is before, "patched in place, not rebuilt"
    assert index.n == built + 1
    assert index.active[index.pos[me]]
    assert index.topic_vec[index.pos[me]].any()


def test_small_events_still_recompute_everything(app_factory, fake_encoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'small.db'}"
    app = app_factory(database_url=url, encoder=fake_encoder)
    synth = generate_event(12, seed=2)
    bench = populate(app, url, synth.profiles[:10])
    client = app.test_client()
    client.post("/e/bench/join", data=signup_form(synth.profiles[10], "a@bench.example"))
    with app.extensions["cg_sessions"]() as session:
        event = session.get_one(Event, bench.event_id)
        owners = set(session.scalars(sa.select(Suggestion.attendee_id)))
    assert event is not None
    assert len(owners) >= 8, "a full run gave (nearly) everyone suggestions"
