"""The organizer edits, hides and removes attendees, and pins introductions that every
matching run keeps (full runs and per-attendee refreshes alike)."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from models import Attendee, PairExclusion, PinnedIntroduction, Suggestion
from web.queue import wait_for_jobs
from web.services.matching import refresh_suggestions

PEOPLE = [
    {"email": "ada@x.org", "name": "Ada Lovelace", "interests": ["carbon capture", "maths"]},
    {"email": "bo@x.org", "name": "Bo Chen", "interests": ["carbon capture", "policy"]},
    {"email": "cy@x.org", "name": "Cy Diaz", "interests": ["carbon capture", "maths"]},
    {"email": "di@x.org", "name": "Di Park", "interests": ["poetry", "sailing"]},
    {"email": "ed@x.org", "name": "Ed Obi", "interests": ["maths", "policy"]},
    {"email": "fa@x.org", "name": "Fa Yeo", "interests": ["sailing", "policy"]},
]


@pytest.fixture
def event(app, client, make_event, make_attendees, login, make_organizer):  # type: ignore[no-untyped-def]
    """An event of six with suggestions, and its organizer signed in; -> {email: id}."""
    event_id = make_event(app, make_organizer(app), suggestions_per_attendee=2)
    make_attendees(app, event_id, [dict(p) for p in PEOPLE])
    run(app)
    login(client)
    with app.extensions["cg_sessions"]() as session:
        return {a.email: a.id for a in session.scalars(sa.select(Attendee))}


def run(app) -> None:  # type: ignore[no-untyped-def]
    """A full matching run, as the console's button makes one."""
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        from models import Event
        from web.extensions import get_matcher

        event = session.scalar(sa.select(Event))
        refresh_suggestions(session, get_matcher(), event)
        session.commit()


def lists(app) -> dict[int, list[tuple[int, bool, str]]]:  # type: ignore[no-untyped-def]
    """receiver -> [(other, pinned, first reason)] by rank, once the refresh jobs are done."""
    assert wait_for_jobs(app)
    out: dict[int, list[tuple[int, bool, str]]] = {}
    with app.extensions["cg_sessions"]() as session:
        rows = session.scalars(sa.select(Suggestion).order_by(Suggestion.rank, Suggestion.id))
        for s in rows:
            reason = (s.detail.get("reasons") or [""])[0]
            out.setdefault(s.attendee_id, []).append((s.other_id, s.pinned, reason))
    return out


def pin(client, ids: dict[str, int], a: str, other: str, note: str = "") -> Any:  # type: ignore[no-untyped-def]
    return client.post(
        f"/organizer/events/climate/attendees/{ids[a]}/pins", data={"other": other, "note": note}
    )


def test_a_pinned_introduction_tops_both_lists_and_survives_every_new_run(
    app, client, event
) -> None:  # type: ignore[no-untyped-def]
    ada, di = event["ada@x.org"], event["di@x.org"]
    assert di not in [o for o, _, _ in lists(app).get(ada, [])]  # the matcher would not pair them
    response = pin(client, event, "ada@x.org", "Di Park", note="Both sail to work")
    assert response.status_code == 303
    for _ in range(2):
        got = lists(app)
        assert got[ada][0] == (di, True, "From the organizer: Both sail to work")
        assert got[di][0] == (ada, True, "From the organizer: Both sail to work")
        # The matcher's own picks stay below the pin.
        assert len([o for o, pinned, _ in got[ada] if not pinned]) == 2
        run(app)
    page = client.get(f"/organizer/events/climate/attendees/{ada}").get_data(as_text=True)
    assert "pinned by you" in page and "Shown to both" in page
    filtered = client.get("/organizer/events/climate/attendees?filter=pinned")
    assert "Ada Lovelace" in filtered.get_data(as_text=True)


def test_a_pin_survives_an_incremental_refresh_after_a_profile_edit(
    app_factory, fake_encoder, make_event, make_attendees, login, make_organizer
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder, MATCHING_INCREMENTAL_FROM=2)
    client = app.test_client()
    event_id = make_event(app, make_organizer(app), suggestions_per_attendee=2)
    make_attendees(app, event_id, [dict(p) for p in PEOPLE])
    run(app)
    login(client)
    with app.extensions["cg_sessions"]() as session:
        ids = {a.email: a.id for a in session.scalars(sa.select(Attendee))}
    pin(client, ids, "ada@x.org", "bo@x.org")
    # Bo edits nothing; the organizer corrects Ada's profile: a per-attendee refresh.
    form = {"name": "Ada Lovelace", "interests": "poetry; sailing", "headline": "Poet"}
    assert (
        client.post(
            f"/organizer/events/climate/attendees/{ids['ada@x.org']}/edit", data=form
        ).status_code
        == 303
    )
    got = lists(app)
    assert got[ids["ada@x.org"]][0][:2] == (ids["bo@x.org"], True)
    assert got[ids["bo@x.org"]][0][:2] == (ids["ada@x.org"], True)
    assert got[ids["ada@x.org"]][0][2] == "The organizer thinks you two should meet."


def test_a_pin_is_not_shown_where_someone_declined_or_may_not_be_suggested(
    app, client, event
) -> None:  # type: ignore[no-untyped-def]
    ada, bo, cy = event["ada@x.org"], event["bo@x.org"], event["cy@x.org"]
    pin(client, event, "ada@x.org", "bo@x.org")
    pin(client, event, "ada@x.org", "cy@x.org")
    with app.extensions["cg_sessions"]() as session:
        session.add(PairExclusion(attendee_id=bo, other_id=ada, reason="declined"))
        session.get(Attendee, cy).listed = False  # Cy chose not to be listed
        session.commit()
    run(app)
    got = lists(app)
    assert (bo, True) not in [o[:2] for o in got.get(ada, [])]
    assert (ada, True) not in [o[:2] for o in got.get(bo, [])]
    # Cy may not be shown to Ada; Cy still sees Ada (the pin works one way).
    assert cy not in [o for o, _, _ in got.get(ada, [])]
    assert got[cy][0][:2] == (ada, True)
    page = client.get(f"/organizer/events/climate/attendees/{ada}").get_data(as_text=True)
    assert "Not shown now" in page and "Shown to Cy Diaz only" in page


def test_pinning_needs_exactly_one_person_and_unpinning_removes_the_rows(
    app, client, event
) -> None:  # type: ignore[no-untyped-def]
    ada = event["ada@x.org"]
    missing = pin(client, event, "ada@x.org", "Nobody Here")
    assert missing.status_code == 422
    assert "Nobody at this event has that name or email." in missing.get_data(as_text=True)
    assert 'value="Nobody Here"' in missing.get_data(as_text=True)  # kept as typed
    themselves = pin(client, event, "ada@x.org", "ada@x.org")
    assert themselves.status_code == 422
    assert pin(client, event, "ada@x.org", "fa@x.org").status_code == 303
    with app.extensions["cg_sessions"]() as session:
        pin_id = session.scalar(sa.select(PinnedIntroduction.id))
    client.post(f"/organizer/events/climate/attendees/{ada}/pins/{pin_id}/delete")
    assert not any(p for rows in lists(app).values() for _, p, _ in rows)
    with app.extensions["cg_sessions"]() as session:
        assert session.scalar(sa.select(sa.func.count(PinnedIntroduction.id))) == 0


def test_hiding_takes_someone_out_of_every_list_but_keeps_their_own(app, client, event) -> None:  # type: ignore[no-untyped-def]
    bo = event["bo@x.org"]
    assert any(bo in [o for o, _, _ in rows] for rows in lists(app).values())
    client.post(f"/organizer/events/climate/attendees/{bo}/hide", data={"hidden": "1"})
    got = lists(app)
    assert not any(bo in [o for o, _, _ in rows] for r, rows in got.items())
    assert got.get(bo)  # their own suggestions stay
    page = client.get("/organizer/events/climate/attendees?filter=hidden").get_data(as_text=True)
    assert "Bo Chen" in page
    client.post(f"/organizer/events/climate/attendees/{bo}/hide", data={"hidden": "0"})
    run(app)
    assert any(bo in [o for o, _, _ in rows] for rows in lists(app).values())


def test_the_organizer_edits_a_profile_but_never_the_consent(app, client, event) -> None:  # type: ignore[no-untyped-def]
    ada = event["ada@x.org"]
    form = client.get(f"/organizer/events/climate/attendees/{ada}/edit").get_data(as_text=True)
    assert "carbon capture" in form and "Suggest me to other attendees" not in form
    bad = client.post(
        f"/organizer/events/climate/attendees/{ada}/edit", data={"name": "", "interests": "x"}
    )
    assert bad.status_code == 422 and "Please enter your name" in bad.get_data(as_text=True)
    client.post(
        f"/organizer/events/climate/attendees/{ada}/edit",
        data={"name": "Ada King", "interests": "maths; poetry", "about": "Engines"},
    )
    with app.extensions["cg_sessions"]() as session:
        person = session.get(Attendee, ada)
        assert person.name == "Ada King" and person.interests == ["maths", "poetry"]
        assert person.listed is True and person.share_email is False  # as she chose
        assert person.profile_version == 2


def test_removing_needs_a_confirmation_and_takes_everything(app, client, event) -> None:  # type: ignore[no-untyped-def]
    ed = event["ed@x.org"]
    kept = client.post(f"/organizer/events/climate/attendees/{ed}/remove", data={})
    assert kept.status_code == 303
    with app.extensions["cg_sessions"]() as session:
        assert session.get(Attendee, ed) is not None
    gone = client.post(f"/organizer/events/climate/attendees/{ed}/remove", data={"confirm": "y"})
    assert gone.headers["Location"].endswith("/organizer/events/climate/attendees")
    with app.extensions["cg_sessions"]() as session:
        assert session.get(Attendee, ed) is None
        assert not session.scalar(
            sa.select(sa.func.count(Suggestion.id)).where(
                sa.or_(Suggestion.attendee_id == ed, Suggestion.other_id == ed)
            )
        )
