"""Rate limits with Flask-Limiter: per client address on the pages that take a token or
a form, per API key, and organizer sign-in failures per account and per address.

Counts live in Redis when `RATELIMIT_STORAGE_URI` (or `REDIS_URL`) is set — one count
for every worker and host — else in each process's memory. A limiter outage must not
take sign-ups down: while Redis cannot be reached the limits count in memory
(`in_memory_fallback_enabled`), and any other limiter error lets the request through
(`swallow_errors`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage

log = logging.getLogger(__name__)

# endpoint -> (methods, requests allowed per window, window seconds), per client address.
# A whole conference can share one Wi-Fi address: the limits stop scripts, not a crowd
# (hundreds of sign-ups and scans in ten minutes). Tokens are unguessable anyway.
DEFAULT_LIMITS: dict[str, tuple[frozenset[str], int, int]] = {
    "attendee.join": (frozenset({"POST"}), 120, 60),
    # A flood guard only (each attempt costs a password hash): failures have their own
    # limits below, so organizers behind one address are never refused for signing in.
    "organizer.login": (frozenset({"POST"}), 120, 60),
    "organizer.forgot_password": (frozenset({"POST"}), 5, 300),
    "organizer.reset_password": (frozenset({"POST"}), 10, 300),
    "badges.scan": (frozenset({"GET"}), 600, 60),
    # The codes answer for any badge token as the scan page does: the same limit.
    "badges.qr_png": (frozenset({"GET"}), 600, 60),
    "badges.qr_svg": (frozenset({"GET"}), 600, 60),
    "attendee.private_link": (frozenset({"GET"}), 120, 60),
    "attendee.confirm_private_link": (frozenset({"POST"}), 120, 60),
    "attendee.email_sign_in": (frozenset({"GET"}), 120, 60),
    "attendee.confirm_email_sign_in": (frozenset({"POST"}), 120, 60),
}

# Failed organizer sign-ins from one address (a spray over many accounts); right
# passwords never count, so a shared address's organizers keep getting in.
LOGIN_ADDRESS_FAILURES = "30 per 10 minutes"
# Failed sign-ins for one account, from any address: each tier waits longer (backoff).
LOGIN_ACCOUNT_FAILURES = "5 per minute; 10 per 10 minutes; 20 per hour; 40 per day"
_FAILED_LOGIN = 401  # web.organizer.auth answers a wrong email or password with it


class ProcessMemoryStorage(MemoryStorage):
    """limits' in-memory storage, tidied in the request once a second.

    The original starts a thread to drop expired entries whenever its last one has
    finished (every 10 ms under traffic): that cost a request about 2 ms of a 2-core
    machine's time. Windows are counted from timestamps either way; tidying only frees
    memory. Used as `cg-memory://` when no Redis is configured.
    """

    STORAGE_SCHEME = ["cg-memory"]
    TIDY_EVERY = 1.0  # seconds

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._tidied = time.monotonic()

    def _MemoryStorage__schedule_expiry(self) -> None:  # replaces the thread per tidy
        now = time.monotonic()
        if now - self._tidied >= self.TIDY_EVERY:
            self._tidied = now
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


def _limit(limit: int, window: int) -> str:
    return f"{limit} per {window} second"


def _login_account() -> str:
    """The account a sign-in is for, as typed (normalised), hashed: no email in Redis."""
    email = (request.form.get("email") or "").strip().lower()
    return "account:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def _no_email_typed() -> bool:
    return not (request.form.get("email") or "").strip()


def _failed(response: Response) -> bool:
    return response.status_code == _FAILED_LOGIN


def _setting(name: str, default: str) -> Callable[[], str]:
    return lambda: str(current_app.config.get(name) or default)


def _limited(limiter: Limiter, app: Flask, endpoint: str, decorate: Any) -> None:
    view = app.view_functions.get(endpoint)
    if view is not None:
        app.view_functions[endpoint] = decorate(view)


def init_app(app: Flask) -> None:
    """Limit the endpoints in RATE_LIMITS (after the blueprints are registered)."""
    app.config.setdefault("RATE_LIMITS", DEFAULT_LIMITS)
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "cg")  # deployments may share a Redis
    storage = app.config.get("RATELIMIT_STORAGE_URI") or app.config.get("REDIS_URL") or ""
    options: dict[str, Any] = {}
    if storage.startswith(("redis://", "rediss://")):
        # A lost Redis costs a request half a second at most, then memory takes over.
        options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=storage or "cg-memory://",
        storage_options=options,
        strategy="moving-window",
        headers_enabled=True,
        swallow_errors=True,
        # Every tier is checked, so Retry-After tells the longest wait that applies.
        fail_on_first_breach=False,
        in_memory_fallback_enabled=True,
    )
    app.extensions["cg_rate_limiter"] = limiter
    for endpoint, (methods, limit, window) in app.config["RATE_LIMITS"].items():
        rule = limiter.limit(_limit(limit, window), methods=sorted(methods))
        _limited(limiter, app, endpoint, rule)
    address = limiter.limit(
        _setting("LOGIN_ADDRESS_FAILURES", LOGIN_ADDRESS_FAILURES),
        methods=["POST"],
        deduct_when=_failed,
    )
    account = limiter.limit(
        _setting("LOGIN_ACCOUNT_FAILURES", LOGIN_ACCOUNT_FAILURES),
        key_func=_login_account,
        methods=["POST"],
        exempt_when=_no_email_typed,
        deduct_when=_failed,
    )
    for rule in (address, account):
        _limited(limiter, app, "organizer.login", rule)


def hit(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one request of `key` under `scope`; False when over `limit` per `window`
    seconds (for limits a view decides itself, like the API's per key)."""
    limiter: Limiter = current_app.extensions["cg_rate_limiter"]
    try:
        return bool(limiter.limiter.hit(RateLimitItemPerSecond(limit, window), scope, key))
    except Exception as exc:  # a limiter outage must not take the service down
        log.warning("rate limiter unavailable: %s", exc)
        return True
