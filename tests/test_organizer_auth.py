"""Organizer accounts: sign-in, sign-out, and nobody sees another organizer's events."""

from __future__ import annotations

import re

from fixtures_organizer import PASSWORD


def test_signing_in_opens_the_console_and_signing_out_closes_it(  # type: ignore[no-untyped-def]
    app, client, make_organizer, login
) -> None:
    make_organizer(app)
    response = login(client)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organizer/")
    assert client.get("/organizer/").status_code == 200
    client.post("/organizer/logout")
    response = client.get("/organizer/")
    assert response.status_code == 302
    assert "/organizer/login" in response.headers["Location"]


def test_wrong_password_and_unknown_email_get_the_same_message(  # type: ignore[no-untyped-def]
    app, client, make_organizer, login
) -> None:
    make_organizer(app)
    wrong_password = login(client, password="not the password")
    unknown_email = login(client, email="nobody@example.org", password=PASSWORD)
    for response in (wrong_password, unknown_email):
        assert response.status_code == 401
        assert "The email or password is wrong." in response.get_data(as_text=True)
    assert client.get("/organizer/").status_code == 302


def test_email_is_matched_case_insensitively(app, client, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app)
    assert login(client, email="  ORG@Example.org ").status_code == 302


def test_anonymous_visitors_are_sent_to_login_and_come_back(  # type: ignore[no-untyped-def]
    app, client, make_event, make_organizer
) -> None:
    make_event(app, make_organizer(app))
    response = client.get("/organizer/events/climate")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organizer/login?next=/organizer/events/climate")
    response = client.post(
        "/organizer/login?next=/organizer/events/climate",
        data={"email": "org@example.org", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/organizer/events/climate"


def test_login_never_redirects_to_another_site(app, client, make_organizer) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app)
    response = client.post(
        "/organizer/login?next=https://evil.example/organizer/",
        data={"email": "org@example.org", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/organizer/"


def test_another_organizers_event_is_not_found(  # type: ignore[no-untyped-def]
    app, client, make_organizer, make_event, login
) -> None:
    make_organizer(app)
    other = make_organizer(app, email="other@example.org")
    make_event(app, other, slug="theirs", name="Their Event")
    login(client)
    for url in (
        "/organizer/events/theirs",
        "/organizer/events/theirs/edit",
        "/organizer/events/theirs/attendees",
        "/organizer/events/theirs/import",
        "/organizer/events/theirs/match/status",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post("/organizer/events/theirs/match").status_code == 404
    assert "Their Event" not in client.get("/organizer/").get_data(as_text=True)


def test_status_json_asks_anonymous_clients_to_sign_in(  # type: ignore[no-untyped-def]
    app, client, make_event, make_organizer
) -> None:
    make_event(app, make_organizer(app))
    response = client.get(
        "/organizer/events/climate/match/status", headers={"Accept": "application/json"}
    )
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "login_required"


def test_changing_the_password_signs_other_sessions_out(app, client, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    make_organizer(app)
    login(client)
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-organizer", "org@example.org", "--reset-password", "--password-stdin"],
        input="a brand new password\n",
    )
    assert result.exit_code == 0, result.output
    assert client.get("/organizer/").status_code == 302


def test_csrf_protects_the_login_form(app_factory, fake_encoder, make_organizer, login) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    make_organizer(app)
    client = app.test_client()
    response = login(client)
    assert response.status_code == 400
    assert client.get("/organizer/").status_code == 302


def test_an_expired_form_comes_back_with_what_was_typed(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, make_organizer, make_event
) -> None:
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    make_organizer(app)
    make_event(app, 1)
    client = app.test_client()
    response = client.post(
        "/organizer/login", data={"email": "org@example.org", "password": PASSWORD}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "This page had expired" in page and 'value="org@example.org"' in page
    assert PASSWORD not in page
    # Signing in with the fresh token from that page works.
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    response = client.post(
        "/organizer/login",
        data={"email": "org@example.org", "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    response = client.post(
        "/organizer/events/new", data={"name": "Typed Name", "slug": "typed-slug"}
    )
    assert response.status_code == 400
    assert 'value="Typed Name"' in response.get_data(as_text=True)
    response = client.post("/organizer/events/climate/match")
    assert (
        response.status_code == 302 and response.headers["Location"] == "/organizer/events/climate"
    )
