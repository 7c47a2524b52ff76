"""Security headers and rate limits."""

from __future__ import annotations

from web.security import DEFAULT_LIMITS, MemoryLimiter, RedisLimiter


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


def test_memory_limiter_window_slides() -> None:
    limiter = MemoryLimiter()
    assert limiter.hit("k", 1, 60)
    assert not limiter.hit("k", 1, 60)
    assert limiter.hit("k", 1, 0)  # a zero-second window has forgotten the hit


def test_redis_limiter_counts_across_instances_and_fails_open() -> None:
    import uuid

    import pytest
    import redis

    try:
        redis.Redis(socket_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    key = uuid.uuid4().hex
    first, second = (
        RedisLimiter("redis://127.0.0.1:6379/0"),
        RedisLimiter("redis://127.0.0.1:6379/0"),
    )
    assert first.hit(key, 2, 60) and second.hit(key, 2, 60)
    assert not first.hit(key, 2, 60)
    assert RedisLimiter("redis://127.0.0.1:1/0").hit(key, 0, 60)  # unreachable: fail open
