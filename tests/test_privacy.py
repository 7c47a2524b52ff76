"""Privacy promises: consent to be listed, email only where consented, delete and download."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from flask import Flask

from models import (
    Attendee,
    Contact,
    Event,
    PairExclusion,
    PhraseEmbedding,
    RoundAssignment,
    Scan,
    Suggestion,
    utcnow,
)
from web.services.event_states import states_of
from web.services.store import text_key

# Everybody shares "carbon capture", so the fake encoder links them all.
PEOPLE = [
    {"name": f"Person {i}", "email": f"p{i}@example.org", "interests": f"carbon capture; topic {i}"}
    for i in range(6)
]
HIDDEN = {
    "name": "Hidden Hannah",
    "email": "hannah@example.org",
    "interests": "carbon capture; secret orchids",
    "listed": None,  # the box left unticked: not listed
    "share_email": None,
}


@pytest.fixture
def event_with_hidden(make_public_event, sign_up, list_attendees):  # type: ignore[no-untyped-def]
    """`event_with_hidden(app)`: the event with PEOPLE signed up; (event id, Hannah, who is
    hidden)."""

    def _event_with_hidden(app: Flask) -> tuple[int, Attendee]:
        event_id = make_public_event(app)
        for person in PEOPLE:
            sign_up(app.test_client(), **person)
        sign_up(app.test_client(), **HIDDEN)
        (hannah,) = [a for a in list_attendees(app) if a.name == "Hidden Hannah"]
        assert hannah.listed is False and hannah.share_email is False
        return event_id, hannah

    return _event_with_hidden


def test_an_unlisted_attendee_is_never_suggested_seated_or_exported(
    app, event_with_hidden, sign_up
) -> None:
    from web.services.exporting import introduction_rows
    from web.services.rounds import plan_event_rounds

    event_id, hannah = event_with_hidden(app)
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        from models import Event
        from web.extensions import get_matcher
        from web.services.matching import refresh_suggestions

        event = session.get_one(Event, event_id)
        refresh_suggestions(session, get_matcher(), event)
        plan_event_rounds(session, get_matcher(), event, rounds=3, tables=3)
        session.commit()
        others = session.scalars(sa.select(Suggestion.other_id)).all()
        assert others, "the listed attendees have suggestions"
        assert hannah.id not in others
        seated = session.scalars(sa.select(RoundAssignment.attendee_id)).all()
        assert seated and hannah.id not in seated
        rows = list(introduction_rows(session, event))
        assert rows
        assert all(row[4] != "Hidden Hannah" for row in rows)
    # Nobody's page shows her, and her phrases are not offered as tags.
    person0 = app.test_client()
    sign_up(person0, name="Newcomer", email="new@example.org", interests="carbon capture")
    assert "Hidden Hannah" not in person0.get("/e/conf/me").get_data(as_text=True)
    assert "secret orchids" not in person0.get("/e/conf/join").get_data(as_text=True)


def test_an_unlisted_attendee_is_marked_in_the_organizer_export(app, event_with_hidden) -> None:
    from web.services.exporting import HEADERS, introduction_rows

    event_id, hannah = event_with_hidden(app)
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        from models import Event

        event = session.get_one(Event, event_id)
        rows = [dict(zip(HEADERS, row, strict=True)) for row in introduction_rows(session, event)]
    hers = [row for row in rows if row["Attendee email"] == hannah.email]
    assert hers, "she still gets suggestions of her own"
    assert all(row["Attendee listed"].startswith("no") for row in hers)
    assert all(row["Attendee listed"] == "yes" for row in rows if row not in hers)


def test_email_is_never_shown_to_others_without_consent(
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    ada, ben = app.test_client(), app.test_client()
    sign_up(ada, name="Ada", email="ada@example.org", interests="carbon capture")
    sign_up(ben, name="Ben", email="ben@example.org", interests="carbon capture")
    a, b = list_attendees(app)
    pages = [
        ben.get(f"/b/{a.badge_token}"),
        app.test_client().get(f"/b/{a.badge_token}"),
        ben.get("/e/conf/me"),
    ]
    ben.post(f"/b/{a.badge_token}/save", data={"note": "met at lunch"})  # one-sided save
    pages += [
        ben.get(f"/b/{a.badge_token}"),
        ben.get("/e/conf/me/contacts"),
        ben.get("/e/conf/me/contacts.vcf"),
        ben.get("/e/conf/me/contacts.csv"),
        ben.get("/e/conf/me/data.json"),
    ]
    for page in pages:
        assert page.status_code == 200, page.request.path
        assert "ada@example.org" not in page.get_data(as_text=True), page.request.path


def test_delete_my_data_also_forgets_seats_scans_and_unshared_phrases(
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    phone = app.test_client()
    sign_up(
        phone,
        name="Ada",
        email="ada@example.org",
        interests="carbon capture; zymurgy",
        looking_for="Looking for a zymurgy mentor",  # stored as the goal "zymurgy mentor"
    )
    sign_up(app.test_client(), name="Ben", email="ben@example.org", interests="carbon capture")
    ada, ben = list_attendees(app)
    mine = {text_key("zymurgy"), text_key("zymurgy mentor")}
    with app.extensions["cg_sessions"]() as session:
        stored = set(session.scalars(sa.select(PhraseEmbedding.text_hash)))
        assert mine | {text_key("carbon capture")} <= stored
        session.add_all(
            [
                Scan(event_id=ada.event_id, scanner_id=ada.id, scanned_id=ben.id),
                Scan(event_id=ada.event_id, scanner_id=None, scanned_id=ada.id),
                PairExclusion(attendee_id=ben.id, other_id=ada.id),
                RoundAssignment(
                    event_id=ada.event_id, round_number=1, table_number=1, attendee_id=ada.id
                ),
                Contact(
                    event_id=ada.event_id, owner_id=ben.id, other_id=ada.id, follow_up_by=utcnow()
                ),
            ]
        )
        session.commit()
    assert phone.post("/e/conf/me/delete", data={"confirm": "y"}).status_code == 200
    with app.extensions["cg_sessions"]() as session:
        for model, column in (
            (Scan, Scan.scanner_id),
            (Scan, Scan.scanned_id),
            (PairExclusion, PairExclusion.other_id),
            (RoundAssignment, RoundAssignment.attendee_id),
            (Contact, Contact.other_id),
            (Suggestion, Suggestion.other_id),
            (Suggestion, Suggestion.attendee_id),
        ):
            left = session.scalar(
                sa.select(sa.func.count()).select_from(model).where(column == ada.id)
            )
            assert left == 0, f"{model.__name__}.{column.key}"
        stored = set(session.scalars(sa.select(PhraseEmbedding.text_hash)))
        texts = set(session.scalars(sa.select(PhraseEmbedding.text)))
    assert not mine & stored and not {"zymurgy", "zymurgy mentor"} & texts, "only Ada used them"
    assert text_key("carbon capture") in stored, "Ben still uses it"
    assert app.test_client().get(f"/b/{ada.badge_token}").status_code == 404
    assert "Ada" not in app.test_client().get(f"/b/{ben.badge_token}").get_data(as_text=True)


def test_download_my_data_is_a_json_copy_of_what_is_stored_about_me(
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    ada, ben = app.test_client(), app.test_client()
    sign_up(
        ada,
        name="Ada Lovelace",
        email="ada@example.org",
        interests="carbon capture; compilers",
        about="Working on the <first> programs — ünïcode",
        share_email="y",
    )
    sign_up(ben, name="Ben", email="ben@example.org", interests="carbon capture")
    a, b = list_attendees(app)
    before = json.loads(ada.get("/e/conf/me/data.json").get_data(as_text=True))
    assert before["suggested_introductions"][0]["person"] == "Ben"
    assert before["suggested_introductions"][0]["reasons"]
    ada.get(f"/b/{b.badge_token}")  # a scan
    ben.get(f"/b/{a.badge_token}")
    ada.post(f"/b/{b.badge_token}/save", data={"note": "talked about soil"})
    ben.post(f"/b/{a.badge_token}/save", data={"note": "Ben's private note on Ada"})

    me = ada.get("/e/conf/me")
    assert 'href="/e/conf/me/data.json"' in me.get_data(as_text=True)
    response = ada.get("/e/conf/me/data.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    data = json.loads(response.get_data(as_text=True))
    profile = data["profile"]
    assert profile["name"] == "Ada Lovelace" and profile["email"] == "ada@example.org"
    assert profile["interests"] == ["carbon capture", "compilers"]
    assert profile["about"] == "Working on the <first> programs — ünïcode"
    assert data["consent"] == {"listed": True, "share_email": True, "meeting_emails": True}
    assert data["badge_token"] == a.badge_token
    assert [c["person"] for c in data["saved_contacts"]] == ["Ben"]
    assert data["saved_contacts"][0]["note"] == "talked about soil"
    assert [s["badge_of"] for s in data["badges_scanned"]] == ["Ben"]
    assert data["saved_by_others"] == 1 and data["badge_scanned_by_others"] == 1
    # Somebody else's note about me is theirs, and my private link is not recoverable.
    text = response.get_data(as_text=True)
    assert "Ben's private note" not in text and "ben@example.org" not in text
    assert a.private_token_hash not in text

    # Only with my session: nobody else, and nobody signed out.
    assert app.test_client().get("/e/conf/me/data.json").status_code == 403
    theirs = json.loads(ben.get("/e/conf/me/data.json").get_data(as_text=True))
    assert theirs["profile"]["email"] == "ben@example.org"


def test_a_deleted_attendee_leaves_the_worker_index_of_a_large_event(
    app_factory, fake_encoder, make_public_event, sign_up, list_attendees
) -> None:  # type: ignore[no-untyped-def]
    # Past MATCHING_INCREMENTAL_FROM a sign-up updates lists from this worker's index.
    app = app_factory(encoder=fake_encoder, MATCHING_INCREMENTAL_FROM=3)
    make_public_event(app)
    phone = app.test_client()
    for person in PEOPLE[:4]:
        sign_up(app.test_client(), **person)
    sign_up(phone, name="Ada", email="ada@example.org", interests="carbon capture; zymurgy")
    (ada,) = [a for a in list_attendees(app) if a.email == "ada@example.org"]
    assert phone.post("/e/conf/me/delete", data={"confirm": "y"}).status_code == 200
    sign_up(
        app.test_client(),
        name="Late",
        email="late@example.org",
        interests="zymurgy; carbon capture",
    )

    states = states_of(app.extensions["cg_matcher"])
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        event = session.get_one(Event, ada.event_id)
        assert event.id in states._entries, "the incremental path ran"
        with states.lock:
            live = {int(pid) for pid in states.get(session, event).ids}
        (late,) = [a for a in list_attendees(app) if a.email == "late@example.org"]
        mine = set(
            session.scalars(sa.select(Suggestion.other_id).where(Suggestion.attendee_id == late.id))
        )
    assert ada.id not in live
    assert mine and ada.id not in mine, "the late sign-up got suggestions, never the deleted Ada"


def test_a_device_signed_in_as_a_deleted_attendee_never_becomes_the_next_one(
    app, make_public_event, sign_up, open_private_link
) -> None:
    make_public_event(app)
    sign_up(app.test_client(), **PEOPLE[0])
    token = sign_up(app.test_client(), name="Ada", email="ada@example.org", interests="chess")
    phone, tablet = app.test_client(), app.test_client()
    assert open_private_link(tablet, token).status_code == 302  # Ada on a second device
    open_private_link(phone, token)
    assert phone.post("/e/conf/me/delete", data={"confirm": "y"}).status_code == 200
    sign_up(app.test_client(), name="Newcomer", email="new@example.org", interests="chess")
    page = tablet.get("/e/conf/me")
    assert page.status_code == 403, "Ada's other device is signed out, not signed in as someone"
    assert "Newcomer" not in page.get_data(as_text=True)


def test_deleting_my_data_removes_me_from_table_mates_seat_notes(
    app, make_public_event, sign_up, list_attendees
) -> None:
    """Issue 14, finding 8: no `{"<deleted id>": "You both listed …"}` stays behind."""
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone, name="Ada", email="ada@example.org", interests="chess")
    sign_up(app.test_client(), name="Ben", email="ben@example.org", interests="chess")
    ada, ben = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        session.add_all(
            [
                RoundAssignment(
                    event_id=ada.event_id,
                    round_number=1,
                    table_number=1,
                    attendee_id=ada.id,
                    notes={str(ben.id): "You both listed chess."},
                ),
                RoundAssignment(
                    event_id=ada.event_id,
                    round_number=1,
                    table_number=1,
                    attendee_id=ben.id,
                    notes={str(ada.id): "You both listed chess."},
                ),
            ]
        )
        session.commit()
    assert phone.post("/e/conf/me/delete", data={"confirm": "y"}).status_code == 200
    with app.extensions["cg_sessions"]() as session:
        (seat,) = session.scalars(sa.select(RoundAssignment)).all()
        assert seat.attendee_id == ben.id
        assert seat.notes == {}, "Ben's seat keeps nothing of Ada's"


def test_download_my_data_includes_my_seat_notes(
    app, make_public_event, sign_up, list_attendees
) -> None:
    """Issue 14, finding 8: what my seats say about my table-mates is mine to download."""
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone, name="Ada", email="ada@example.org", interests="chess")
    sign_up(app.test_client(), name="Ben", email="ben@example.org", interests="chess")
    ada, ben = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        session.add(
            RoundAssignment(
                event_id=ada.event_id,
                round_number=2,
                table_number=7,
                attendee_id=ada.id,
                notes={str(ben.id): "You both listed chess."},
            )
        )
        session.commit()
    data = phone.get("/e/conf/me/data.json").get_json()
    assert data["speed_networking_seats"] == [
        {
            "round": 2,
            "table": 7,
            "table_mates": [{"person": "Ben", "note": "You both listed chess."}],
        }
    ]
