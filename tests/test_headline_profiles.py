"""Someone who wrote only a headline is matched like anyone with a profile: the
matcher reads headlines (issue 16, "the whole person"), so the web app must not
treat such a profile as empty."""

from __future__ import annotations

import html

import sqlalchemy as sa

from models import Event, Suggestion
from web.services.stats import event_stats

HEADLINE_ONLY = {
    "email": "helena@example.org",
    "name": "Helena Mäki",
    "headline": "Sleep-tech founder, looking for a clinical co-founder",
    "interests": "",
    "personal_interests": "",
    "looking_for": "",
    "offering": "",
    "organizations": "",
    "about": "",
}


def test_a_headline_only_profile_gets_suggestions_and_is_suggested(
    app, make_public_event, sign_up, list_attendees
) -> None:  # type: ignore[no-untyped-def]
    make_public_event(app)
    sign_up(app.test_client())
    phone = app.test_client()
    sign_up(phone, **HEADLINE_ONLY)
    ada, helena = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        pairs = set(session.execute(sa.select(Suggestion.attendee_id, Suggestion.other_id)))
        event = session.scalars(sa.select(Event)).one()
        stats = event_stats(session, event)
    assert (helena.id, ada.id) in pairs, "the headline-only attendee gets a suggestion"
    assert (ada.id, helena.id) in pairs, "and others are introduced to her"
    assert stats.complete_profiles == 2, "the console counts her profile as complete"

    body = html.unescape(phone.get("/e/conf/me").get_data(as_text=True))
    assert "Add a few interests or goals to your profile" not in body
    assert "Ada Lovelace" in body
