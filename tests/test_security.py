"""Security headers and rate limits."""

from __future__ import annotations

from fixtures_attendee import profile

from web.rate_limits import DEFAULT_LIMITS


def test_every_response_carries_the_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/healthz", "/no-such-page"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_a_client_over_the_limit_gets_429_and_others_are_unaffected(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(RATE_LIMITS={"healthz": (frozenset({"GET"}), 3, 60)})
    client = app.test_client()
    codes = [client.get("/healthz").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    other = client.get("/healthz", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_rate_limited_endpoints_exist(app) -> None:  # type: ignore[no-untyped-def]
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(DEFAULT_LIMITS) <= endpoints, set(DEFAULT_LIMITS) - endpoints


def test_the_limit_window_slides(app_factory) -> None:  # type: ignore[no-untyped-def]
    import time

    app = app_factory(RATE_LIMITS={"healthz": (frozenset({"GET"}), 2, 1)})
    client = app.test_client()
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 429]
    time.sleep(1.1)  # the window has moved past the hits
    assert client.get("/healthz").status_code == 200


def test_in_memory_limits_start_no_thread_per_request_and_still_forget(  # type: ignore[no-untyped-def]
    app_factory, monkeypatch
) -> None:
    """limits' own memory storage starts a thread to tidy every 10 ms of traffic (about
    2 ms of a request on this machine); ours tidies inline once a second."""
    import threading
    import time

    from web.rate_limits import ProcessMemoryStorage

    app = app_factory(RATE_LIMITS={"healthz": (frozenset({"GET"}), 100, 1)})
    storage = app.extensions["cg_rate_limiter"].storage
    assert isinstance(storage, ProcessMemoryStorage)
    client = app.test_client()
    started: list[str] = []
    real_start = threading.Thread.start

    def counting_start(thread: threading.Thread) -> None:
        started.append(thread.name)
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", counting_start)
    for _ in range(50):
        assert client.get("/healthz").status_code == 200
    assert started == []
    (entries,) = storage.events.values()
    assert len(entries) == 50
    time.sleep(1.1)  # the window and the tidying interval have passed
    client.get("/healthz")
    (entries,) = storage.events.values()
    assert len(entries) == 1, "expired hits were forgotten"


def _redis_or_skip(url: str = "redis://127.0.0.1:6379/0"):  # type: ignore[no-untyped-def]
    import pytest
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        if __import__("os").environ.get("CI"):
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return redis.Redis.from_url(url)


def test_redis_limiter_counts_across_instances_and_fails_open(app_factory) -> None:  # type: ignore[no-untyped-def]
    """Two app instances (two workers, or two hosts) share one count in Redis; with
    Redis unreachable, requests still answer and are counted in memory instead."""
    import uuid

    store = _redis_or_skip()
    prefix = uuid.uuid4().hex  # this test's own keys
    rule = {"healthz": (frozenset({"GET"}), 3, 60)}
    shared = {"RATE_LIMITS": rule, "RATELIMIT_KEY_PREFIX": prefix}
    first = app_factory(REDIS_URL="redis://127.0.0.1:6379/0", **shared).test_client()
    second = app_factory(REDIS_URL="redis://127.0.0.1:6379/0", **shared).test_client()
    codes = [c.get("/healthz").status_code for c in (first, second, first, second)]
    assert codes == [200, 200, 200, 429]
    assert store.keys(f"*{prefix}*"), "the counts are in Redis"
    store.delete(*store.keys(f"*{prefix}*"))

    down = app_factory(REDIS_URL="redis://127.0.0.1:1/0", RATE_LIMITS=rule).test_client()
    codes = [down.get("/healthz").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429], "Redis down: answered, and limited in memory"


def test_the_api_limit_per_key_counts_in_redis(app_factory) -> None:  # type: ignore[no-untyped-def]
    import uuid

    from web.rate_limits import hit

    _redis_or_skip()
    key = uuid.uuid4().hex
    apps = [app_factory(REDIS_URL="redis://127.0.0.1:6379/0") for _ in range(2)]
    answers = []
    for app in (*apps, apps[0]):
        with app.test_request_context("/api/v1/events"):
            answers.append(hit("api", key, 2, 60))
    assert answers == [True, True, False]
    down = app_factory(REDIS_URL="redis://127.0.0.1:1/0")
    with down.test_request_context("/api/v1/events"):
        assert [hit("api", key, 1, 60) for _ in range(2)] == [True, True]  # fails open


# --- CSRF on every state-changing request ---------------------------------------

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def _snapshot(app):  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from models import Base

    with app.extensions["cg_sessions"]() as session:
        return {
            table.name: session.execute(sa.select(table)).all()
            for table in Base.metadata.sorted_tables
            if table.name != "phrase_embeddings"  # a cache of vectors, filled by page views
        }


def test_every_state_changing_route_refuses_a_request_without_csrf_token(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, signed_in_everywhere
):
    import re

    from test_access import ARG_VALUES

    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    client, badge = signed_in_everywhere(app)
    assert client.get("/e/climate/me").status_code == 200, "the attendee session works"
    assert client.get("/organizer/").status_code == 200, "the organizer session works"
    before = _snapshot(app)
    checked = []
    for rule in app.url_map.iter_rules():
        methods = (rule.methods or set()) & STATE_CHANGING
        if not methods or rule.rule.startswith("/api/"):
            continue  # the JSON API authenticates with a Bearer key, not a cookie
        path = rule.rule
        for conv, name in re.findall(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", rule.rule):
            pattern = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?" + name + ">")
            value = {"slug": "climate", "token": badge}.get(name)
            path = pattern.sub(value or ARG_VALUES.get(conv or "default", "x"), path)
        for method in methods:
            response = client.open(
                path, method=method, data={"name": "Changed", "confirm": "y", "note": "n"}
            )
            if response.status_code == 302:  # back to the page, with a message saying why
                response = client.get(response.headers["Location"], follow_redirects=True)
                assert response.status_code == 200, (method, path)
            else:
                assert response.status_code == 400, (method, path, response.status_code)
            body = response.get_data(as_text=True)
            assert "Traceback" not in body
            assert re.search(r"expired|could not be understood", body, re.I), (method, path)
            checked.append(path)
    assert len(checked) >= 8, checked
    assert _snapshot(app) == before, "nothing was written"
    # And the cookie-session API, if any, is not exempt by blueprint.
    from web import csrf

    exempt = {getattr(b, "name", b) for b in getattr(csrf, "_exempt_blueprints", set())}
    assert exempt <= {"api"}, exempt
    exempt_views = set(getattr(csrf, "_exempt_views", set()))
    assert all(v.startswith("web.api") for v in exempt_views), exempt_views


def test_sign_up_login_and_scans_are_rate_limited_by_default(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, make_public_event
) -> None:
    import re

    app = app_factory(encoder=fake_encoder)
    make_public_event(app)
    for endpoint, path, method in (
        ("attendee.join", "/e/conf/join", "POST"),
        ("organizer.login", "/organizer/login", "POST"),
        ("badges.scan", "/b/not-a-badge", "GET"),
    ):
        _methods, limit, _window = DEFAULT_LIMITS[endpoint]
        client = app.test_client()
        codes = [client.open(path, method=method, data={}).status_code for _ in range(limit + 1)]
        assert 429 not in codes[:limit] and codes[-1] == 429, endpoint
        page = client.open(path, method=method, data={})
        assert re.search("Too many requests|wait a minute", page.get_data(as_text=True))


def test_behind_trusted_proxies_limits_count_real_clients_and_https_is_seen(app_factory) -> None:  # type: ignore[no-untyped-def]
    rule = {"healthz": (frozenset({"GET"}), 2, 60)}
    proxied = app_factory(TRUSTED_PROXIES=1, RATE_LIMITS=rule).test_client()

    def get(client, forwarded_for: str, proto: str = "http"):  # type: ignore[no-untyped-def]
        headers = {"X-Forwarded-For": forwarded_for, "X-Forwarded-Proto": proto}
        return client.get("/healthz", headers=headers)

    assert [get(proxied, "203.0.113.1").status_code for _ in range(3)] == [200, 200, 429]
    assert get(proxied, "203.0.113.2").status_code == 200, "another client behind the proxy"
    assert "Strict-Transport-Security" in get(proxied, "203.0.113.3", "https").headers

    # Without trusted proxies the header is ignored: a client cannot dodge its limit.
    direct = app_factory(RATE_LIMITS=rule).test_client()
    codes = [get(direct, f"198.51.100.{i}").status_code for i in range(3)]
    assert codes == [200, 200, 429]
    assert "Strict-Transport-Security" not in get(direct, "x", "https").headers


def test_the_csrf_exempt_api_never_accepts_a_browser_session(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, signed_in_everywhere
) -> None:
    app = app_factory(encoder=fake_encoder, WTF_CSRF_ENABLED=True)
    if not any(rule.rule.startswith("/api/") for rule in app.url_map.iter_rules()):
        import pytest

        pytest.skip("no API in this build")
    client, _badge = signed_in_everywhere(app)  # an organizer's browser session
    before = _snapshot(app)
    for method, path in (
        ("POST", "/api/v1/events/climate/attendees"),
        ("POST", "/api/v1/events/climate/runs"),
        ("DELETE", "/api/v1/events/climate/attendees/ada@example.org"),
    ):
        response = client.open(path, method=method, json={"email": "x@example.org", "name": "X"})
        assert response.status_code == 401, (method, path, response.status_code)
    assert _snapshot(app) == before


def test_a_rate_limited_sign_up_comes_back_as_typed(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, make_public_event, list_attendees
) -> None:
    app = app_factory(
        encoder=fake_encoder, RATE_LIMITS={"attendee.join": (frozenset({"POST"}), 1, 60)}
    )
    make_public_event(app)
    client = app.test_client()
    assert client.post("/e/conf/join", data=profile()).status_code == 303
    typed = profile(name="Grace Hopper", email="grace@example.org", about="COBOL & <compilers>")
    response = client.post("/e/conf/join", data=typed)
    body = response.get_data(as_text=True)
    assert response.status_code == 429 and 55 <= int(response.headers["Retry-After"]) <= 60
    assert "press Join again" in body
    assert 'value="Grace Hopper"' in body and "COBOL &amp; &lt;compilers&gt;" in body
    assert [a.email for a in list_attendees(app)] == ["ada@example.org"]
    other = client.get("/b/nope", environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert other.status_code == 404
