"""Hardening (issue 14, finding 10): QR limits, no caching of private pages, no tokens in logs."""

from __future__ import annotations

import logging
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from fixtures_organizer import PASSWORD
from test_access import ARG_VALUES
from test_concurrency import _free_port

from models import Attendee

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _allowed_before_429(client, path: str, most: int = 2000) -> int:  # type: ignore[no-untyped-def]
    for sent in range(most):
        if client.get(path).status_code == 429:
            return sent
    return most


def test_badge_qr_codes_are_rate_limited_like_the_scan_page(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, make_public_event
) -> None:
    app = app_factory(encoder=fake_encoder)
    make_public_event(app)
    scan = _allowed_before_429(app.test_client(), "/b/not-a-badge")
    assert scan < 2000, "the scan page is limited"
    for path in ("/b/not-a-badge/qr.png", "/b/not-a-badge/qr.svg"):
        client = app.test_client()
        assert _allowed_before_429(client, path, most=scan + 1) == scan, path
        # Counted per client: another address still gets its code.
        other = client.get(path, environ_base={"REMOTE_ADDR": "10.9.9.9"})
        assert other.status_code == 404, path


# --- Cache-Control: no-store on every organizer and private page -------------------

# Paths of organizer and private pages (by URL, independently of how the app groups its
# views): a new page under these is covered without anybody remembering it.
PRIVATE_PATHS = re.compile(
    r"^/organizer/|^/m/|^/e/<slug>/(me\b|welcome|sign-in|join)|^/b/<token>(/save)?$"
)


def test_every_organizer_and_private_page_is_never_cached(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, signed_in_everywhere
) -> None:
    app = app_factory(encoder=fake_encoder)
    signed_in, badge = signed_in_everywhere(app)
    with app.extensions["cg_sessions"]() as session:
        ada, ben = session.query(Attendee).order_by(Attendee.id).all()
        link = ben.issue_private_token()
        session.commit()
        values = {
            "slug": "climate",
            "token": badge,
            "attendee_id": str(ada.id),
            "other_id": str(ben.id),
        }
    served: list[str] = []
    rules = [r for r in app.url_map.iter_rules() if PRIVATE_PATHS.search(r.rule)]
    assert len(rules) >= 60, len(rules)
    requests_to_send = []
    for rule in rules:
        path = rule.rule
        for conv, name in re.findall(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", rule.rule):
            pattern = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?" + name + ">")
            value = values.get(name) or ARG_VALUES.get(conv or "default", "x")
            if rule.rule.startswith("/m/"):
                value = link
            path = pattern.sub(value, path)
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            requests_to_send.append((method != "GET", method, path))
    # Pages first; then the actions (sign-outs among them) as a signed-in browser sends them.
    for _action, method, path in sorted(requests_to_send):
        for client in (signed_in, app.test_client()):  # signed in, and a stranger
            response = client.open(path, method=method, data={})
            cache = response.headers.get("Cache-Control", "")
            assert "no-store" in cache, (method, path, response.status_code, cache)
            if response.status_code == 200:
                served.append(path)
    # Real pages were served, not only redirects and 404s.
    for page in ("/organizer/events/climate", "/e/climate/me", f"/m/{link}", f"/b/{badge}"):
        assert page in served, served
    assert len(served) >= 15, served


def test_public_files_may_still_be_cached(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/static/app.css")
    response.close()
    assert "no-store" not in response.headers.get("Cache-Control", "")


# --- No private token in logs ------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")  # werkzeug colours its request lines
TOKEN_PATHS = ("/m/{t}", "/b/{t}", "/b/{t}/qr.png", "/e/conf/sign-in/{t}", "/e/conf/join?badge={t}")


def _token_paths() -> tuple[list[str], list[str]]:
    tokens = [secrets.token_urlsafe(32) for _ in TOKEN_PATHS]
    paths = [shape.format(t=token) for shape, token in zip(TOKEN_PATHS, tokens, strict=True)]
    reset = "eyJhbGciOiJIUzUxMiJ9.WzEsImFiYyJd.Zm9vYmFy-c2lnbmF0dXJl"  # itsdangerous-shaped
    return [*paths, f"/organizer/password/reset/{reset}"], [*tokens, reset]


def test_the_development_server_log_has_no_private_tokens(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, caplog, make_public_event, serve_app
) -> None:
    app = app_factory(encoder=fake_encoder)
    make_public_event(app)
    paths, tokens = _token_paths()
    caplog.set_level(logging.INFO)
    with serve_app(app) as base:
        for path in paths:
            requests.get(base + path, timeout=10)
    logged = "\n".join(ANSI.sub("", record.getMessage()) for record in caplog.records)
    assert '"GET /m/[token] HTTP/1.1" 404' in logged, logged
    assert "/organizer/password/reset/[token]" in logged and "/b/[token]/qr.png" in logged
    for token in tokens:
        assert token not in logged


def test_unhandled_errors_log_the_path_without_its_token(app_factory, fake_encoder, caplog) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder)

    def broken(token: str) -> str:
        raise RuntimeError("boom")

    app.add_url_rule("/m/<token>/broken", "broken", broken)
    token = secrets.token_urlsafe(32)
    assert app.test_client().get(f"/m/{token}/broken").status_code == 500
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "unhandled error on GET /m/[token]/broken" in logged and token not in logged


@pytest.mark.slow
def test_the_gunicorn_access_and_error_logs_have_no_private_tokens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """gunicorn with the production config (web/gunicorn_conf.py) on real requests."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "SECRET_KEY": "test-secret",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "MATCHER_WARM_UP": "0",
        "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
        "HF_HUB_OFFLINE": "1",
    }
    subprocess.run(
        [str(BIN / "commonground"), "init-db"], env=env, cwd=tmp_path, check=True, timeout=120
    )
    paths, tokens = _token_paths()
    log_file = tmp_path / "gunicorn.log"
    with log_file.open("w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "python:web.gunicorn_conf", "served_app:create_app()"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while True:
                try:
                    if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except requests.RequestException:  # still booting
                    pass
                assert server.poll() is None, log_file.read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
            for path in paths:
                requests.get(base + path + "?from=qr", timeout=10, headers={"Referer": base + path})
        finally:
            server.terminate()
            server.wait(30)
    logged = log_file.read_text()
    assert re.search(r'"GET /m/\[token\]\?from=qr HTTP/1.1" 404 .*request_id=\w+', logged), logged
    assert "/organizer/password/reset/[token]" in logged and "/b/[token]/qr.png" in logged
    for token in tokens:
        assert token not in logged, logged


# --- Organizer login: failures count per account and per address, with backoff -------


def _login_from(client, address: str, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/organizer/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_organizers_behind_one_address_sign_in_with_the_right_password(  # type: ignore[no-untyped-def]
    app_factory, make_organizer
) -> None:
    app = app_factory()
    emails = [f"org{i}@example.org" for i in range(15)]
    for email in emails:
        make_organizer(app, email=email)
    nat = "203.0.113.7"  # a venue's Wi-Fi: everybody shares one address
    # Someone on the same Wi-Fi mistypes, again and again...
    for i in range(10):
        assert (
            _login_from(app.test_client(), nat, f"typo{i}@example.org", "wrong").status_code == 401
        )
    # ...and every organizer who types the right password still gets in.
    for email in emails:
        response = _login_from(app.test_client(), nat, email, PASSWORD)
        assert response.status_code == 302, (email, response.status_code)
    # A spray of failures from one address is still stopped, for that address only.
    codes = [
        _login_from(app.test_client(), nat, f"guess{i}@example.org", "wrong").status_code
        for i in range(30)
    ]
    assert 429 in codes, codes
    refused = _login_from(app.test_client(), nat, emails[0], PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert _login_from(app.test_client(), "198.51.100.4", emails[0], PASSWORD).status_code == 302


def test_failures_for_one_account_back_off_whatever_the_address(  # type: ignore[no-untyped-def]
    app_factory, make_organizer
) -> None:
    # Tiers in seconds for the test; the defaults are minutes, hours and a day.
    app = app_factory(LOGIN_ACCOUNT_FAILURES="2 per 2 seconds; 4 per 1 minute")
    make_organizer(app, email="ada@example.org")
    make_organizer(app, email="ben@example.org")
    address = iter(f"198.51.100.{i}" for i in range(1, 200))

    def attempt(email: str, password: str):  # type: ignore[no-untyped-def]
        return _login_from(app.test_client(), next(address), email, password)

    # Two failures from two addresses: the account, not the address, slows down.
    assert [attempt("ada@example.org", "wrong").status_code for _ in range(2)] == [401, 401]
    first = attempt("ADA@example.org ", PASSWORD)  # even the right password waits
    assert first.status_code == 429
    first_wait = int(first.headers["Retry-After"])
    assert first_wait <= 2
    assert "Too many requests to sign in. Please wait" in first.get_data(as_text=True)
    assert attempt("ben@example.org", PASSWORD).status_code == 302, "other accounts are unaffected"
    time.sleep(2.2)  # the first tier's window has passed
    # More failures: the next wait is far longer (backoff).
    assert [attempt("ada@example.org", "wrong").status_code for _ in range(2)] == [401, 401]
    second = attempt("ada@example.org", PASSWORD)
    assert second.status_code == 429
    assert int(second.headers["Retry-After"]) >= 30
    assert re.search(r"Please wait (\d\d seconds|1 minutes)", second.get_data(as_text=True))


def test_default_login_backoff_grows_from_minutes_to_a_day() -> None:
    from limits import parse_many

    from web.rate_limits import LOGIN_ACCOUNT_FAILURES

    tiers = sorted(parse_many(LOGIN_ACCOUNT_FAILURES), key=lambda item: item.get_expiry())
    assert len(tiers) >= 3
    assert tiers[0].amount <= 10 and tiers[-1].get_expiry() >= 24 * 3600
    # Each tier allows more attempts over a longer wait, fewer per minute.
    per_second = [item.amount / item.get_expiry() for item in tiers]
    assert per_second == sorted(per_second, reverse=True)


def test_login_failures_count_across_workers_in_redis(app_factory, make_organizer) -> None:  # type: ignore[no-untyped-def]
    """Two workers (two app instances) on one Redis: an account's failures on one count
    on the other, so spreading guesses over workers or hosts gains nothing."""
    import uuid

    from test_security import _redis_or_skip

    store = _redis_or_skip()
    shared = {
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "RATELIMIT_KEY_PREFIX": uuid.uuid4().hex,  # this test's own counts
        "LOGIN_ACCOUNT_FAILURES": "3 per 10 minutes",
    }
    first = app_factory(**shared)
    second = app_factory(database_url=first.config["DATABASE_URL"], **shared)
    make_organizer(first, email="ada@example.org")
    codes = [
        _login_from(app.test_client(), f"198.51.100.{i}", "ada@example.org", "wrong").status_code
        for i, app in enumerate((first, second, first))
    ]
    assert codes == [401, 401, 401]
    refused = _login_from(second.test_client(), "198.51.100.9", "ada@example.org", PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 60
    assert store.keys(f"*{shared['RATELIMIT_KEY_PREFIX']}*"), "the counts are in Redis"
    assert not any(b"ada@example.org" in key for key in store.keys("*")), "no email in Redis"
    store.delete(*store.keys(f"*{shared['RATELIMIT_KEY_PREFIX']}*"))
