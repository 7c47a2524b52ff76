"""API keys: the organizer's page and the commands (created once, stored hashed, revocable)."""

from __future__ import annotations

import re

import sqlalchemy as sa

from models import ApiKey
from models.api_key import hash_api_key

KEY = re.compile(r"cg_[0-9a-f]{8}_[A-Za-z0-9_-]{43}")


def test_organizer_creates_a_key_sees_it_once_and_revokes_it(  # type: ignore[no-untyped-def]
    app, client, api_client, make_event, login, make_organizer
) -> None:
    make_event(app, make_organizer(app), slug="climate")
    login(client)
    assert "/organizer/api-keys" in client.get("/organizer/").get_data(as_text=True)
    page = client.get("/organizer/api-keys")
    assert page.status_code == 200 and "No keys yet" in page.get_data(as_text=True)

    created = client.post("/organizer/api-keys", data={"name": "Eventbrite sync"})
    assert created.status_code == 201
    assert created.headers["Cache-Control"] == "no-store"
    keys = KEY.findall(created.get_data(as_text=True))
    assert len(keys) == 1
    key = keys[0]
    api = api_client(client, key)
    assert api.get("/events").get_json()["data"][0]["slug"] == "climate"

    listing = client.get("/organizer/api-keys").get_data(as_text=True)
    assert key not in listing  # shown once only
    assert "Eventbrite sync" in listing and key[:11] in listing
    with app.extensions["cg_sessions"]() as session:
        row = session.scalars(sa.select(ApiKey)).one()
        assert row.key_hash == hash_api_key(key) and row.last_used_at is not None

    revoked = client.post(f"/organizer/api-keys/{row.prefix}/revoke", follow_redirects=True)
    assert "is revoked" in revoked.get_data(as_text=True)
    assert api.get("/events").status_code == 401


def test_a_too_long_name_re_renders_with_the_message(app, client, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app)
    login(client)
    response = client.post("/organizer/api-keys", data={"name": "x" * 101})
    assert response.status_code == 400
    assert "At most 100 characters" in response.get_data(as_text=True)


def test_nobody_revokes_another_organizers_key(  # type: ignore[no-untyped-def]
    app, client, make_api_key, api_client, make_organizer, login
) -> None:
    owner = make_organizer(app)
    key = make_api_key(app, owner)
    make_organizer(app, email="other@example.org")
    login(client, email="other@example.org")
    prefix = key[:11]
    assert client.post(f"/organizer/api-keys/{prefix}/revoke").status_code == 404
    assert prefix not in client.get("/organizer/api-keys").get_data(as_text=True)
    assert api_client(client, key).get("/events").status_code == 200


def test_the_page_needs_a_signed_in_organizer(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/organizer/api-keys")
    assert response.status_code == 302 and "/organizer/login" in response.headers["Location"]


def test_commands_create_and_revoke_keys(  # type: ignore[no-untyped-def]
    app, runner, api_client, make_event, make_organizer
) -> None:
    make_event(app, make_organizer(app), slug="climate")
    result = runner.invoke(args=["create-api-key", "ORG@example.org", "--name", "CRM"])
    assert result.exit_code == 0, result.output
    key = KEY.search(result.output)
    assert key is not None and "not shown again" in result.output
    api = api_client(app.test_client(), key.group(0))
    assert api.get("/events/climate").status_code == 200

    unknown = runner.invoke(args=["create-api-key", "nobody@example.org"])
    assert unknown.exit_code != 0 and "no organizer" in unknown.output

    prefix = key.group(0)[:11]
    assert runner.invoke(args=["revoke-api-key", prefix]).exit_code == 0
    assert api.get("/events/climate").status_code == 401
    again = runner.invoke(args=["revoke-api-key", prefix])
    assert again.exit_code == 0 and "already revoked" in again.output
    missing = runner.invoke(args=["revoke-api-key", "cg_00000000"])
    assert missing.exit_code != 0 and "no API key" in missing.output


def test_the_api_needs_no_csrf_token_and_sets_no_cookie(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, api_client, make_api_key, make_organizer, make_event
) -> None:
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    api = api_client(app.test_client(), make_api_key(app, organizer))
    response = api.put("/events/climate/attendees/ada@example.org", json={"name": "Ada"})
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers
    assert api.post("/events/climate/attendees/batch", json={"attendees": []}).status_code == 400
    # ... while the console's forms still need their token.
    login_page = app.test_client().post(
        "/organizer/login", data={"email": "org@example.org", "password": "x"}
    )
    assert login_page.status_code in (400, 401)
