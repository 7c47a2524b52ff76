"""Security headers and rate limits applied to every response and request."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Protocol

from flask import Flask, Response, abort, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

# endpoint -> (methods, requests allowed per window, window seconds), per client address.
# A whole conference can share one Wi-Fi address: the limits stop scripts, not a crowd
# (hundreds of sign-ups and scans in ten minutes). Tokens are unguessable anyway.
DEFAULT_LIMITS: dict[str, tuple[frozenset[str], int, int]] = {
    "attendee.join": (frozenset({"POST"}), 120, 60),
    "organizer.login": (frozenset({"POST"}), 10, 60),
    "badges.scan": (frozenset({"GET"}), 600, 60),
    "attendee.private_link": (frozenset({"GET"}), 120, 60),
}


class Limiter(Protocol):
    """Counts hits per key in a sliding window."""

    def hit(self, key: str, limit: int, window: int) -> bool:
        """Record a hit; False when the key is over its limit."""
        ...


class MemoryLimiter:
    """Per-process sliding window (each worker counts on its own)."""

    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int, window: int) -> bool:
        """Record a hit; False when the key is over its limit."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            if len(self._hits) > 100_000:  # forget idle keys under a flood of addresses
                self._hits = {k: v for k, v in self._hits.items() if v}
            return True


class RedisLimiter:
    """Fixed window counters in Redis, shared by every worker and host."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=0.5)

    def hit(self, key: str, limit: int, window: int) -> bool:
        """Record a hit; False when over the limit. Fails open if Redis is down."""
        bucket = f"cg:rl:{key}:{int(time.time() // window)}"
        try:
            pipe = self._redis.pipeline()
            pipe.incr(bucket)
            pipe.expire(bucket, window + 1)
            count, _ = pipe.execute()
        except Exception as exc:  # a limiter outage must not take sign-ups down
            log.warning("rate limiter unavailable: %s", exc)
            return True
        return int(count) <= limit


def _check_rate_limit() -> None:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    limits = current_app.config.get("RATE_LIMITS", DEFAULT_LIMITS)
    rule = limits.get(request.endpoint or "")
    if rule is None:
        return
    methods, limit, window = rule
    if request.method not in methods:
        return
    limiter: Limiter = current_app.extensions["cg_limiter"]
    key = f"{request.endpoint}:{request.remote_addr}"
    if not limiter.hit(key, limit, window):
        abort(429)


def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    # Badge and private-link tokens live in URLs: never send them onwards.
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def init_app(app: Flask) -> None:
    """Install the limiter, the rate-limit check and the security headers.

    With TRUSTED_PROXIES=n, the client address, scheme and host come from the last n
    proxies' X-Forwarded-* headers (otherwise those headers are ignored: unspoofable).
    """
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    redis_url = app.config.get("REDIS_URL")
    app.extensions["cg_limiter"] = RedisLimiter(redis_url) if redis_url else MemoryLimiter()
    if app.config.get("PUBLIC_BASE_URL", "").startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True
    app.before_request(_check_rate_limit)
    app.after_request(_headers)
