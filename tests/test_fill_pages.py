"""A filled suggestion (issue 16's honest fill) on the pages that show it: my page's
card, the person page, and the organizer's export, each saying no more than that it
completes the list, and never that the two have nothing in common."""

from __future__ import annotations

import csv
import html
import io
import re

import sqlalchemy as sa

from matcher.wording import NEARBY_SAID, NEARBY_TITLE
from models import Suggestion

NOTHING_ALIKE = {
    "email": "zed@example.org",
    "name": "Zed Quill",
    "headline": "Beekeeper",
    "interests": "honey; hives",
    "personal_interests": "kayaking",
    "looking_for": "",
    "offering": "",
    "organizations": "",
    "about": "",
}


def test_a_filled_suggestion_is_shown_with_its_honest_reason_everywhere(
    app, make_public_event, make_organizer, login, sign_up, list_attendees
) -> None:  # type: ignore[no-untyped-def]
    make_public_event(app, organizer_id=make_organizer(app))
    phone = app.test_client()
    sign_up(phone)
    sign_up(app.test_client(), **NOTHING_ALIKE)
    ada, zed = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        stored = session.scalars(sa.select(Suggestion).where(Suggestion.attendee_id == ada.id))
        rows = [(s.other_id, s.score, s.detail) for s in stored]
    assert [(other, score) for other, score, _ in rows] == [(zed.id, 0.0)], "a fill, at 0"
    assert [t["kind"] for t in rows[0][2]["ties"]] == ["nearby"]

    body = html.unescape(phone.get("/e/conf/me").get_data(as_text=True))
    card = re.search(
        r'<li class="card person">(.*?)</li>\s*(?=<li class="card person">|</ol>)', body, re.S
    )
    assert card and "Zed Quill" in card.group(1)
    assert f"{NEARBY_SAID} — them: Beekeeper." in card.group(1)
    assert "both" not in card.group(1).lower()
    # Never that the two have nothing in common: the matcher found no reason it can
    # state, which a reader of both profiles may see all the same.
    assert "common ground" not in card.group(1).lower()

    page = html.unescape(phone.get(f"/e/conf/me/people/{zed.id}").get_data(as_text=True))
    assert NEARBY_TITLE in page and NEARBY_SAID in page and "Beekeeper" in page
    assert "You both" not in page

    organizer = app.test_client()
    login(organizer)
    export = organizer.get("/organizer/events/conf/export.csv")
    assert export.status_code == 200
    lines = list(csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
    mine = [r for r in lines if "Zed Quill" in r.values() and "Ada Lovelace" in r.values()]
    assert len(mine) == 2 and all(NEARBY_SAID in " ".join(r.values()) for r in mine)


def test_my_page_says_real_common_ground_only_when_a_list_has_some(
    app, make_public_event, sign_up
) -> None:  # type: ignore[no-untyped-def]
    """A list made only of fills is not introduced as "people you share real common
    ground with"; it says nothing clear was found and how to get better matches."""
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone)
    sign_up(app.test_client(), **NOTHING_ALIKE)
    body = html.unescape(phone.get("/e/conf/me").get_data(as_text=True))
    assert "Zed Quill" in body
    assert "A few people you share real common ground with" not in body
    assert "People you share real common ground with" not in body
    assert "We found no clear common ground with anyone here yet" in body


def test_a_suggestion_with_no_reason_to_state_comes_after_those_with_one(
    app, make_public_event, sign_up, list_attendees
) -> None:  # type: ignore[no-untyped-def]
    """A real suggestion whose every claim was held back (a need met better by someone
    else on the list) reads like a fill: it is stored after the cards that give a
    reason, so "the last one completes your list" stays true of the page."""
    from matcher import CommonGround, SharedItem, Tie
    from matcher import Suggestion as Suggested
    from matcher.wording import reasons
    from models import Event
    from web.services.matching import _insert_lists

    make_public_event(app)
    phone = app.test_client()
    sign_up(phone)
    sign_up(app.test_client(), **NOTHING_ALIKE)
    sign_up(app.test_client(), email="bea@example.org", name="Bea Stone", headline="Potter")
    ada, zed, bea = list_attendees(app)
    held_back = CommonGround(score=0.8, ties=[Tie("nearby", "", "Beekeeper")])
    reasoned = CommonGround(score=0.5, shared=[SharedItem("clay", "clay", 0.9, "interest")])
    for cg in (held_back, reasoned):
        cg.reasons = reasons(cg)
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.delete(Suggestion).where(Suggestion.attendee_id == ada.id))
        event = session.scalars(sa.select(Event)).one()
        lists = {
            str(ada.id): [
                Suggested(str(zed.id), 0.8, held_back),
                Suggested(str(bea.id), 0.5, reasoned),
            ]
        }
        _insert_lists(session, event, lists)
        session.commit()
        stored = session.scalars(
            sa.select(Suggestion).where(Suggestion.attendee_id == ada.id).order_by(Suggestion.rank)
        ).all()
        assert [(s.other_id, s.rank) for s in stored] == [(bea.id, 1), (zed.id, 2)]
    body = html.unescape(phone.get("/e/conf/me").get_data(as_text=True))
    assert body.index("Bea Stone") < body.index("Zed Quill")
    assert "the last one completes your list" in body
