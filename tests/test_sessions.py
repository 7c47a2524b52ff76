"""Sessions can be revoked, and a private link never switches a device silently.

Each test reproduces a request of the audit in issue 14 (findings 3 and 4).
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from models import Event


def replay(client: FlaskClient, app) -> FlaskClient:  # type: ignore[no-untyped-def]
    """Another browser holding a copy of `client`'s session cookie."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    copy = app.test_client()
    copy.set_cookie("session", cookie.value)
    return copy


@pytest.fixture
def ada_on_a_phone(make_public_event, sign_up):  # type: ignore[no-untyped-def]
    """`ada_on_a_phone(app)`: Ada signed up on a phone; (the phone, her private token)."""

    def _ada_on_a_phone(app):  # type: ignore[no-untyped-def]
        make_public_event(app)
        phone = app.test_client()
        token = sign_up(phone)
        assert phone.get("/e/conf/me").status_code == 200
        return phone, token

    return _ada_on_a_phone


def test_reissuing_a_link_ends_the_old_link_and_every_session(
    app, ada_on_a_phone, login, list_attendees, open_private_link, make_organizer
) -> None:
    """Finding 3: after the help desk re-issues Ada's link, her old cookies stop working."""
    phone, old_token = ada_on_a_phone(app)
    copied = replay(phone, app)
    with app.extensions["cg_sessions"]() as session:
        session.get_one(Event, 1).organizer_id = make_organizer(app)
        session.commit()
    desk = app.test_client()
    login(desk)
    (ada,) = list_attendees(app)
    issued = desk.post(f"/organizer/events/conf/attendees/{ada.id}/private-link")
    assert issued.status_code == 303
    page = desk.get(issued.headers["Location"]).get_data(as_text=True)
    new_token = re.search(r'id="private-link" href="https?://[^/"]+/m/([\w-]+)"', page)
    assert new_token and new_token.group(1) != old_token
    assert phone.get("/e/conf/me").status_code == 403
    assert copied.get("/e/conf/me").status_code == 403
    assert app.test_client().get(f"/m/{old_token}").status_code == 404
    fresh = app.test_client()
    open_private_link(fresh, new_token.group(1))
    assert fresh.get("/e/conf/me").status_code == 200


def test_signing_out_this_device_ends_its_cookie_even_replayed_elsewhere(
    app, ada_on_a_phone, open_private_link
) -> None:
    """Finding 3: a copy of the cookie taken before "sign out this device" is dead too."""
    phone, token = ada_on_a_phone(app)
    laptop = app.test_client()
    open_private_link(laptop, token)
    copied = replay(phone, app)
    assert copied.get("/e/conf/me").status_code == 200
    phone.post("/e/conf/me/sign-out")
    assert phone.get("/e/conf/me").status_code == 403
    assert copied.get("/e/conf/me").status_code == 403
    # Only that device: Ada's laptop and her link still work.
    assert laptop.get("/e/conf/me").status_code == 200
    again = app.test_client()
    open_private_link(again, token)
    assert again.get("/e/conf/me").status_code == 200


def test_signing_out_everywhere_ends_every_session_and_replaces_the_link(
    app, ada_on_a_phone, open_private_link
) -> None:
    """Finding 3: "sign out everywhere" ends every other session and the old link."""
    phone, old_token = ada_on_a_phone(app)
    laptop = app.test_client()
    open_private_link(laptop, old_token)
    copied = replay(laptop, app)
    response = phone.post("/e/conf/me/sign-out-everywhere", follow_redirects=True)
    assert response.status_code == 200
    new_token = re.search(
        r'id="private-link" href="https?://[^/"]+/m/([\w-]+)"', response.get_data(as_text=True)
    )
    assert new_token and new_token.group(1) != old_token
    assert laptop.get("/e/conf/me").status_code == 403
    assert copied.get("/e/conf/me").status_code == 403
    assert app.test_client().get(f"/m/{old_token}").status_code == 404
    # The device that asked stays signed in, with the new link in hand.
    assert phone.get("/e/conf/me").status_code == 200


def test_a_cookie_signed_out_elsewhere_opens_badges_as_a_stranger(
    app, ada_on_a_phone, sign_up, list_attendees
) -> None:
    """The scan page loads the viewer with the badge's owner in one query, and still
    checks the session as my page does: a copy of a signed-out cookie sees the card."""
    phone, _ = ada_on_a_phone(app)
    copied = replay(phone, app)
    sign_up(app.test_client(), name="Ben Okafor", email="ben@example.org")
    _, ben = list_attendees(app)
    assert "You and Ben Okafor" in copied.get(f"/b/{ben.badge_token}").get_data(as_text=True)
    phone.post("/e/conf/me/sign-out")
    for browser in (phone, copied):
        page = browser.get(f"/b/{ben.badge_token}").get_data(as_text=True)
        assert "You and Ben Okafor" not in page
        assert "Ben Okafor" in page and "/e/conf/join" in page


def test_organizer_logout_ends_every_session_of_that_organizer(app, make_organizer, login) -> None:
    """Finding 3: logging out on one browser ends the organizer's other sessions too."""
    make_organizer(app)
    office, laptop = app.test_client(), app.test_client()
    login(office)
    login(laptop)
    copied = replay(office, app)
    assert copied.get("/organizer/").status_code == 200
    office.post("/organizer/logout")
    for browser in (office, copied, laptop):
        assert browser.get("/organizer/").status_code == 302


def test_opening_someone_elses_link_asks_before_switching(app, make_public_event, sign_up) -> None:
    """Finding 4: a signed-in device opening another person's link is not switched by a GET."""
    make_public_event(app)
    ada_token = sign_up(app.test_client())
    phone = app.test_client()
    sign_up(phone, name="Ben Okafor", email="ben@example.org")
    opened = phone.get(f"/m/{ada_token}")
    assert opened.status_code == 200
    page = opened.get_data(as_text=True)
    assert "Ada Lovelace" in page and "Ben Okafor" in page
    assert re.search(r'<form[^>]*method="post"[^>]*id="confirm-link"', page)
    me = phone.get("/e/conf/me").get_data(as_text=True)
    assert "Hi Ben" in me, "still Ben until he confirms"
    # Confirming (a POST) switches, on purpose.
    switched = phone.post(f"/m/{ada_token}")
    assert switched.status_code == 302
    assert "Hi Ada" in phone.get("/e/conf/me").get_data(as_text=True)


def test_a_private_link_signs_nobody_in_without_the_confirmation(
    app_factory, fake_encoder, make_public_event, sign_up
):
    """Finding 4: a GET (a link, an image, a prefetch) never signs a device in; the POST
    needs the CSRF token of the page that shows whose link it is."""
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    make_public_event(app)
    seed = app_factory(database_url=app.config["DATABASE_URL"], encoder=fake_encoder)
    token = sign_up(seed.test_client())
    visitor = app.test_client()
    page = visitor.get(f"/m/{token}").get_data(as_text=True)
    assert "Ada Lovelace" in page
    assert visitor.get("/e/conf/me").status_code == 403
    forged = app.test_client().post(f"/m/{token}")
    assert forged.status_code == 400
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert csrf
    assert visitor.post(f"/m/{token}", data={"csrf_token": csrf.group(1)}).status_code == 302
    assert visitor.get("/e/conf/me").status_code == 200
