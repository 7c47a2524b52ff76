"""J2 my page: the private link, the badge, suggestions with reasons, edit, delete."""

from __future__ import annotations

import html
import re
from pathlib import Path

import sqlalchemy as sa
from fixtures_attendee import assert_csp_clean, profile

from matcher import CommonGround, SharedItem
from models import Attendee, Contact, PairExclusion, Scan, Suggestion, utcnow


def store_suggestion(app, attendee_id: int, other_id: int, rank: int, **detail) -> None:  # type: ignore[no-untyped-def]
    cg = CommonGround(
        score=0.8,
        shared=detail.pop("shared", []),
        reasons=detail.pop("reasons", []),
        starters=detail.pop("starters", []),
    )
    with app.extensions["cg_sessions"]() as session:
        event_id = session.get(Attendee, attendee_id).event_id
        session.add(
            Suggestion(
                event_id=event_id,
                attendee_id=attendee_id,
                other_id=other_id,
                rank=rank,
                score=0.8,
                detail=cg.to_dict(),
            )
        )
        session.commit()


def test_the_private_link_signs_in_this_device_and_opens_my_page(
    app, make_public_event, sign_up, open_private_link
) -> None:
    make_public_event(app)
    token = sign_up(app.test_client())
    phone = app.test_client()
    assert phone.get("/e/conf/me").status_code == 403
    asked = phone.get(f"/m/{token}")
    assert asked.status_code == 200 and "Ada Lovelace" in asked.get_data(as_text=True)
    assert asked.headers["Cache-Control"] == "private, no-store"
    response = open_private_link(phone, token)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/e/conf/me")
    assert response.headers["Cache-Control"] == "private, no-store"
    page = phone.get("/e/conf/me")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'class="badge__name">Ada Lovelace<' in body
    assert "Engineer at Analytical Engines" in body
    assert "This device is now signed in" in body
    assert_csp_clean(body)


def test_a_wrong_or_malformed_token_is_a_404(app, client, make_public_event, sign_up) -> None:
    make_public_event(app)
    token = sign_up(app.test_client())
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x", "a" * 500, "%00"):
        response = client.get(f"/m/{bad}")
        assert response.status_code == 404
        assert "There is nothing here" in response.get_data(as_text=True)
    assert client.get("/e/conf/me").status_code == 403


def test_without_the_session_my_page_explains_how_to_get_in(
    app, client, make_public_event, sign_up, count
) -> None:
    make_public_event(app)
    sign_up(app.test_client())
    response = client.get("/e/conf/me")
    assert response.status_code == 403
    body = response.get_data(as_text=True)
    assert "private link" in body
    assert "Ada" not in body
    assert client.get("/e/conf/me/edit").status_code == 403
    assert client.post("/e/conf/me/delete", data={"confirm": "y"}).status_code == 403
    assert count(app, Attendee) == 1


def test_one_device_can_be_signed_in_to_several_events(app, make_public_event, sign_up) -> None:
    make_public_event(app, slug="one", name="Event One")
    make_public_event(app, slug="two", name="Event Two")
    phone = app.test_client()
    sign_up(phone, slug="one", name="Ada at One")
    sign_up(phone, slug="two", name="Ada at Two")
    assert "Ada at One" in phone.get("/e/one/me").get_data(as_text=True)
    assert "Ada at Two" in phone.get("/e/two/me").get_data(as_text=True)
    landing = phone.get("/").get_data(as_text=True)
    assert "Event One" in landing and "Event Two" in landing


def test_my_page_shows_the_badge_and_suggestions_with_reasons_and_a_starter(
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone)
    sign_up(app.test_client(), email="grace@example.org", name="Grace Hopper", headline="Admiral")
    sign_up(app.test_client(), email="hidden@example.org", name="Hidden Person", listed=None)
    sign_up(app.test_client(), email="noreason@example.org", name="No Reason")
    ada, grace, hidden, noreason = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.delete(Suggestion))
        session.commit()
    store_suggestion(
        app,
        ada.id,
        grace.id,
        1,
        shared=[SharedItem("marathons", "trail running", 0.62, "personal")],
        reasons=["You both love long runs: marathons and trail running."],
        starters=["What got you into trail running, and which race are you training for?"],
    )
    store_suggestion(app, ada.id, hidden.id, 2, reasons=["Hidden reason."])
    store_suggestion(app, ada.id, noreason.id, 3)

    body = html.unescape(phone.get("/e/conf/me").get_data(as_text=True))
    assert "Grace Hopper" in body and "Admiral" in body
    assert "You both love long runs: marathons and trail running." in body
    assert "you: marathons · them: trail running" in body
    assert "What got you into trail running" in body
    # Not listed any more, or no reason to give: not shown.
    assert "Hidden Person" not in body
    assert "No Reason" not in body
    # The badge and its QR (served by the badges area), and a way to print it.
    if "badges.qr_svg" in app.view_functions:
        assert f"/b/{ada.badge_token}/qr.svg" in body
    assert "data-print" in body
    assert "@media print" in (Path(app.static_folder) / "app.css").read_text()


def test_signing_up_computes_suggestions_shown_on_my_page(app, make_public_event, sign_up) -> None:
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone, interests="urban beekeeping; soil health", personal_interests="jazz piano")
    sign_up(
        app.test_client(),
        email="bee@example.org",
        name="Bea Keeper",
        interests="urban beekeeping; pollinators",
        personal_interests="jazz piano",
    )
    with app.extensions["cg_sessions"]() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Suggestion)) >= 2
    body = phone.get("/e/conf/me").get_data(as_text=True)
    card = re.search(
        r'<li class="card person">(.*?)</li>\s*(?=<li class="card person">|</ol>)', body, re.S
    )
    assert card, "a suggestion is shown"
    assert "Bea Keeper" in card.group(1)
    assert re.search(r'<ul class="reasons">\s*<li>\S', card.group(1)), "with a reason"


def test_edit_keeps_what_was_typed_on_error_and_saves_when_valid(
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone)
    form = phone.get("/e/conf/me/edit").get_data(as_text=True)
    assert 'value="marathons; carbon capture; compilers"' in form
    assert 'name="email"' not in form
    assert_csp_clean(form)

    bad = phone.post("/e/conf/me/edit", data=profile(name="", interests="knitting; chess"))
    assert bad.status_code == 422
    assert 'value="knitting; chess"' in bad.get_data(as_text=True)
    assert "Please enter your name" in bad.get_data(as_text=True)
    assert list_attendees(app)[0].interests == ["marathons", "carbon capture", "compilers"]

    ok = phone.post(
        "/e/conf/me/edit",
        data=profile(name="Ada King", interests="knitting; chess", listed=None, share_email="y"),
    )
    assert ok.status_code == 302
    (ada,) = list_attendees(app)
    assert ada.name == "Ada King"
    assert ada.interests == ["knitting", "chess"]
    assert ada.listed is False and ada.share_email is True
    assert ada.email == "ada@example.org"
    assert "Your profile is saved" in phone.get("/e/conf/me").get_data(as_text=True)


def test_delete_removes_everything_of_mine_and_the_badge_then_404s(
    app_factory, fake_encoder, database_url, make_public_event, sign_up, list_attendees, count
):
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    make_public_event(app)
    phone = app.test_client()
    token = sign_up(phone)
    sign_up(app.test_client(), email="grace@example.org", name="Grace Hopper")
    ada, grace = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.delete(Suggestion))
        session.add_all(
            [
                Suggestion(
                    event_id=ada.event_id, attendee_id=ada.id, other_id=grace.id, rank=1, score=1
                ),
                Suggestion(
                    event_id=ada.event_id, attendee_id=grace.id, other_id=ada.id, rank=1, score=1
                ),
                Contact(
                    event_id=ada.event_id, owner_id=grace.id, other_id=ada.id, follow_up_by=utcnow()
                ),
                Contact(
                    event_id=ada.event_id, owner_id=ada.id, other_id=grace.id, follow_up_by=utcnow()
                ),
                Scan(event_id=ada.event_id, scanner_id=grace.id, scanned_id=ada.id),
                PairExclusion(attendee_id=ada.id, other_id=grace.id),
            ]
        )
        session.commit()

    # Without the confirmation box ticked, nothing happens.
    unconfirmed = phone.post("/e/conf/me/delete", data={})
    assert unconfirmed.status_code == 302
    assert count(app, Attendee) == 2

    done = phone.post("/e/conf/me/delete", data={"confirm": "y"})
    assert done.status_code == 200
    assert "Your data is deleted" in done.get_data(as_text=True)
    assert [a.name for a in list_attendees(app)] == ["Grace Hopper"]
    with app.extensions["cg_sessions"]() as session:
        for model, column in (
            (Suggestion, Suggestion.other_id),
            (Suggestion, Suggestion.attendee_id),
            (Contact, Contact.other_id),
            (Contact, Contact.owner_id),
            (Scan, Scan.scanned_id),
            (PairExclusion, PairExclusion.attendee_id),
        ):
            left = session.scalar(
                sa.select(sa.func.count()).select_from(model).where(column == ada.id)
            )
            assert left == 0, model.__name__
    assert phone.get("/e/conf/me").status_code == 403
    assert app.test_client().get(f"/m/{token}").status_code == 404
    for url in (
        f"/b/{ada.badge_token}",
        f"/b/{ada.badge_token}/qr.svg",
        f"/b/{ada.badge_token}/qr.png",
    ):
        assert app.test_client().get(url).status_code == 404, url


def test_signing_out_forgets_this_device_but_keeps_the_profile(
    app, make_public_event, sign_up, count, open_private_link
) -> None:
    make_public_event(app)
    phone = app.test_client()
    token = sign_up(phone)
    assert 'action="/e/conf/me/sign-out"' in phone.get("/e/conf/me").get_data(as_text=True)
    assert phone.post("/e/conf/me/sign-out").status_code == 302
    assert phone.get("/e/conf/me").status_code == 403
    assert count(app, Attendee) == 1
    assert open_private_link(phone, token).status_code == 302
    assert phone.get("/e/conf/me").status_code == 200
