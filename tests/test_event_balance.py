"""The event's balance of professional and personal common ground (issue 16 item 3):
the organizer sets it, a run depends on it, and it reaches the matcher's scores."""

from __future__ import annotations

import sqlalchemy as sa

from models import Attendee, Event, Suggestion
from web.services.runs import inputs_fingerprint

FORM = {"name": "Climate Summit", "suggestions_per_attendee": "5", "signup_open": "y"}


def weight_of(app, slug: str = "climate") -> float | None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return session.scalar(sa.select(Event.personal_weight).where(Event.slug == slug))


def test_the_organizer_chooses_how_much_hobbies_count(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    page = client.get("/organizer/events/climate/edit").get_data(as_text=True)
    assert "What introductions rest on" in page
    assert '<option selected value="">Work first, hobbies help (default)' in page

    for choice, stored in (("1.0", 1.0), ("0.2", 0.2), ("", None)):
        response = client.post(
            "/organizer/events/climate/edit", data={**FORM, "personal_weight": choice}
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        assert weight_of(app) == stored
        page = client.get("/organizer/events/climate/edit").get_data(as_text=True)
        assert f'<option selected value="{choice}">' in page

    response = client.post("/organizer/events/climate/edit", data={**FORM, "personal_weight": "7"})
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert weight_of(app) is None


def test_a_new_balance_asks_for_a_new_run(app, make_event) -> None:  # type: ignore[no-untyped-def]
    event_id = make_event(app, None)
    with app.extensions["cg_sessions"]() as session:
        event = session.get_one(Event, event_id)
        before = inputs_fingerprint(session, event, "model")
        event.personal_weight = 1.0
        assert inputs_fingerprint(session, event, "model") != before


PEOPLE = [
    # Hobby-only common ground.
    {"name": "Hugo", "email": "hugo@example.org", "interests": ["tax law"],
     "personal_interests": ["bouldering", "sourdough baking", "jazz piano"]},
    {"name": "Hana", "email": "hana@example.org", "interests": ["marine biology"],
     "personal_interests": ["bouldering", "sourdough baking", "jazz piano"]},
    # Professional common ground.
    {"name": "Pia", "email": "pia@example.org",
     "interests": ["grid flexibility", "demand response"],
     "personal_interests": ["opera"]},
    {"name": "Paul", "email": "paul@example.org",
     "interests": ["grid flexibility", "demand response"],
     "personal_interests": ["darts"]},
]  # fmt: skip


def pair_score(app, slug: str, a: str, b: str) -> float:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        event_id = session.scalar(sa.select(Event.id).where(Event.slug == slug))
        people = session.scalars(sa.select(Attendee).where(Attendee.event_id == event_id))
        ids = {x.name: x.id for x in people}
        return float(
            session.scalar(
                sa.select(Suggestion.score).where(
                    Suggestion.event_id == event_id,
                    Suggestion.attendee_id == ids[a],
                    Suggestion.other_id == ids[b],
                )
            )
            or 0.0
        )


def test_the_balance_reaches_the_matchers_scores(  # type: ignore[no-untyped-def]
    app, make_event, make_attendees, refresh_event_now
) -> None:
    scores = {}
    for slug, weight in (("hobbies-barely", 0.2), ("hobbies-equal", 1.0)):
        event_id = make_event(app, None, slug=slug)
        make_attendees(app, event_id, [{**p, "email": f"{slug}-{p['email']}"} for p in PEOPLE])
        with app.extensions["cg_sessions"]() as session:
            session.get_one(Event, event_id).personal_weight = weight
            session.commit()
        refresh_event_now(app, event_id)
        scores[weight] = (
            pair_score(app, slug, "Hugo", "Hana"),
            pair_score(app, slug, "Pia", "Paul"),
        )
    hobbies_low, work_low = scores[0.2]
    hobbies_equal, work_equal = scores[1.0]
    assert 0 < hobbies_low < hobbies_equal  # hobby-only ground counts more when asked
    assert work_low > hobbies_low  # professional fit first
