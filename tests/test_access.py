"""Access: organizer pages, private pages, unguessable tokens stored hashed, no enumeration."""

from __future__ import annotations

import hmac
import re
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from models import hash_token
from models.attendee import new_badge_token, new_private_token

ARG_VALUES = {"int": "1", "default": "x", "string": "x", "path": "x"}


def concrete_paths(app: Flask, prefix: str) -> list[tuple[str, str, set[str]]]:
    """(endpoint, path with dummy arguments, methods) for every rule under `prefix`."""
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(prefix):
            continue
        path = rule.rule
        for conv, name in re.findall(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", rule.rule):
            pattern = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?" + name + ">")
            value = "climate" if name == "slug" else ARG_VALUES.get(conv or "default", "x")
            path = pattern.sub(value, path)
        out.append((rule.endpoint, path, set(rule.methods or ()) - {"HEAD", "OPTIONS"}))
    return out


def test_tokens_carry_at_least_128_random_bits_and_are_opaque() -> None:
    for make in (new_badge_token, new_private_token):
        tokens = {make() for _ in range(2000)}
        assert len(tokens) == 2000
        for token in list(tokens)[:50]:
            assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
            assert len(token) * 6 >= 128  # URL-safe base64: 6 bits per character
        # Every character position varies: no counter, timestamp or fixed prefix.
        assert all(len({t[i] for t in tokens}) > 16 for i in range(22))


def test_private_tokens_are_stored_only_as_a_hash_and_compared_in_constant_time(
    app, monkeypatch, make_public_event, sign_up, list_attendees, open_private_link
) -> None:
    make_public_event(app)
    token = sign_up(app.test_client())
    (ada,) = list_attendees(app)
    assert ada.private_token_hash == hash_token(token) != token
    db_file = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    with open(db_file, "rb") as fh:
        raw = fh.read()
    assert token.encode() not in raw, "the private token itself is never stored"

    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr("models.attendee.hmac.compare_digest", spy)
    assert open_private_link(app.test_client(), token).status_code == 302
    assert calls, "the presented token is confirmed with hmac.compare_digest"


def test_unknown_tokens_answer_the_same_404_whether_or_not_someone_exists(
    app, make_public_event, sign_up, list_attendees, open_private_link
) -> None:
    make_public_event(app)
    gone_token = sign_up(app.test_client(), email="gone@example.org")
    live_token = sign_up(app.test_client(), email="live@example.org")
    old_token = sign_up(app.test_client(), email="old@example.org")
    gone, live, old = list_attendees(app)
    with app.extensions["cg_sessions"]() as session:
        session.get_one(type(old), old.id).issue_private_token()  # a new link replaces it
        session.commit()
    phone = app.test_client()
    open_private_link(phone, gone_token)
    phone.post("/e/conf/me/delete", data={"confirm": "y"})

    def answer(path: str) -> tuple[int, str]:
        response = app.test_client().get(path)
        body = response.get_data(as_text=True)
        return response.status_code, body.replace(path, "PATH")

    never = answer(f"/m/{new_private_token()}")
    assert never[0] == 404
    for path in (
        f"/m/{gone_token}",  # belonged to a deleted attendee
        f"/m/{old_token}",  # replaced by a new link
        f"/m/{live.badge_token}",  # a real badge token is not a private link
        f"/m/{hash_token(live_token)}",  # nor is the stored hash
        f"/m/{live_token[:-1]}",
        "/m/" + "a" * 500,
    ):
        assert answer(path) == never, path
    never_badge = answer(f"/b/{new_badge_token()}")
    assert never_badge[0] == 404
    for path in (f"/b/{gone.badge_token}", f"/b/{live_token}", "/b/" + "b" * 500):
        assert answer(path) == never_badge, path


def test_organizer_pages_need_an_organizer_session(app, make_organizer, make_event, login) -> None:
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    anonymous = app.test_client()
    # Signing in and resetting a forgotten password are for people without a session
    # (test_organizer_password_reset.py covers the reset).
    public = ("organizer.login", "organizer.forgot_password", "organizer.reset_password", "static")
    paths = [p for p in concrete_paths(app, "/organizer") if p[0] not in public]
    assert len(paths) >= 5, "the organizer console has pages"
    for endpoint, path, methods in paths:
        for method in methods:
            response = anonymous.open(path, method=method)
            if endpoint == "organizer.logout":
                assert response.status_code in (302, 400), path
                continue
            assert response.status_code in (302, 401, 404), (method, path, response.status_code)
            if response.status_code == 302:
                assert "/organizer/login" in response.headers["Location"], path
            json_client = anonymous.open(
                path, method=method, headers={"Accept": "application/json"}
            )
            assert json_client.status_code in (401, 404), (method, path)

    # Another organizer sees the same 404 as for an event that does not exist.
    make_organizer(app, email="other@example.org")
    other = app.test_client()
    login(other, email="other@example.org")
    assert other.get("/organizer/events/climate").status_code == 404
    assert other.get("/organizer/events/nope").status_code == 404
    owner = app.test_client()
    login(owner)
    assert owner.get("/organizer/events/climate").status_code == 200


def test_private_attendee_pages_need_the_private_link_session(
    app, make_public_event, sign_up
) -> None:
    make_public_event(app, slug="climate")
    phone = app.test_client()
    sign_up(phone, slug="climate")
    private = concrete_paths(app, "/e/<slug>/me")
    assert len(private) >= 3
    stranger = app.test_client()
    sign_up(stranger, slug="climate", email="mallory@example.org", name="Mallory")
    for _endpoint, path, methods in private:
        for method in methods:
            response = app.test_client().open(path, method=method)
            assert response.status_code in (403, 404), (method, path, response.status_code)
            assert "ada@example.org" not in response.get_data(as_text=True)
    assert phone.get("/e/climate/me").status_code == 200
    # Mallory's session shows Mallory's page, never Ada's.
    mine = stranger.get("/e/climate/me/data.json")
    assert mine.get_json()["profile"]["name"] == "Mallory"
    assert "ada@example.org" not in mine.get_data(as_text=True)


def test_sign_up_with_email_and_login_do_not_reveal_who_is_registered(
    app_factory, fake_encoder, smtp_server, make_public_event, make_organizer, login
) -> None:
    """With email on, a sign-up ends at the same "check your inbox" page for every address.

    (Without email a registered address must be told so: see test_identity.py.)
    """
    port, _inbox = smtp_server
    app = app_factory(
        encoder=fake_encoder,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        PUBLIC_BASE_URL="https://meet.example.org",
    )
    make_public_event(app)
    app.test_client().post("/e/conf/join", data={"name": "Known", "email": "known@example.org"})

    def answer(email: str) -> tuple[str, str]:
        client = app.test_client()
        data = {"name": "Same Name", "email": email, "interests": "chess"}
        posted = client.post("/e/conf/join", data=data, base_url="https://meet.example.org")
        assert posted.status_code == 303
        page = client.get(posted.headers["Location"], base_url="https://meet.example.org")
        assert page.status_code == 200
        return posted.headers["Location"], page.get_data(as_text=True).replace(email, "EMAIL")

    assert answer("known@example.org") == answer(f"{uuid.uuid4().hex}@example.org")

    make_organizer(app, email="org@example.org")
    wrong_password = login(app.test_client(), email="org@example.org", password="wrong" * 3)
    no_account = login(app.test_client(), email="nobody@example.org", password="wrong" * 3)
    assert wrong_password.status_code == no_account.status_code == 401
    strip = re.compile(r'name="email"[^>]*>|name="csrf_token"[^>]*>')
    assert strip.sub("", wrong_password.get_data(as_text=True)) == strip.sub(
        "", no_account.get_data(as_text=True)
    )


@pytest.mark.parametrize("https", [True, False])
def test_session_cookies_are_secure_over_https(
    app_factory, fake_encoder, https: bool, make_public_event
) -> None:
    base = "https://meet.example.org" if https else "http://127.0.0.1:5000"
    app = app_factory(encoder=fake_encoder, PUBLIC_BASE_URL=base)
    make_public_event(app)
    client = app.test_client()
    response = client.post(
        "/e/conf/join",
        data={"name": "Ada", "email": "ada@example.org", "interests": "chess"},
        base_url=base,
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert ("Secure" in cookie) is https
    hsts = client.get("/healthz", base_url=base).headers.get("Strict-Transport-Security")
    assert (hsts is not None) is https


def test_private_pages_are_not_cached(app, make_public_event, sign_up) -> None:
    make_public_event(app)
    phone = app.test_client()
    token = sign_up(phone)
    paths = ("/e/conf/me", "/e/conf/me/edit", "/e/conf/me/data.json", "/e/conf/welcome")
    for path in (*paths, f"/m/{token}"):
        response = phone.get(path)
        assert "no-store" in response.headers.get("Cache-Control", ""), path
        assert response.headers["Referrer-Policy"] == "no-referrer"
