"""Configuration: environment variables with safe defaults, and the one place settings are read.

`from_environment` builds the settings at start; tests and deployments may override
them through `create_app(test_config)`. Code reads them through the functions at the
end of this module, never `current_app.config` directly.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for

from matcher import BUNDLED_MODEL

# Below this many attendees a sign-up recomputes the whole event (exact, and cheap).
INCREMENTAL_FROM = 200
API_MAX_BODY = 4 * 1024 * 1024  # a batch of 1,000 typical registrations fits easily
API_RATE_LIMIT = (600, 60)  # requests per key per window (seconds)


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment, else generated once and kept in the instance folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        # O_EXCL: two workers starting together agree on one key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def _processes(value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"MATCHER_PROCESSES must be a whole number of at least 1, not {value!r}")
    return int(value)


BACKENDS = ("torch", "onnx")


def _backend(value: str) -> str:
    backend = value.strip().lower() or "torch"
    if backend not in BACKENDS:
        raise ValueError(f"MATCHER_BACKEND must be torch or onnx, not {value!r}")
    return backend


def _hosts(value: str) -> list[str] | None:
    hosts = [h.strip().lower() for h in value.split(",") if h.strip()]
    return hosts or None


def from_environment(instance_path: str) -> dict[str, Any]:
    """The settings a running service reads from its environment."""
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{instance / 'commonground.db'}"),
        "SECRET_KEY": _secret_key(instance),
        "MATCHER_MODEL": os.environ.get("MATCHER_MODEL", BUNDLED_MODEL),
        # Load the model when the app starts (catches broken weights before serving).
        "MATCHER_WARM_UP": os.environ.get("MATCHER_WARM_UP", "0") not in ("0", "false", ""),
        # Processes that score and explain a large run (unset: one per core; 1: no fork).
        "MATCHER_PROCESSES": _processes(os.environ.get("MATCHER_PROCESSES", "")),
        # What runs the model: torch, or ONNX Runtime (same vectors, about twice as fast
        # on a CPU; the exported graph is cached in the instance folder).
        "MATCHER_BACKEND": _backend(os.environ.get("MATCHER_BACKEND", "")),
        # Absolute base for URLs printed on badges (e.g. https://meet.example.org).
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "").rstrip("/"),
        # Host headers the app answers (others get a 400). Unset: PUBLIC_BASE_URL's host
        # and the machine itself (web.security); neither set: any host (development).
        "TRUSTED_HOSTS": _hosts(os.environ.get("TRUSTED_HOSTS", "")),
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_FROM": os.environ.get("SMTP_FROM", "Common Ground <noreply@localhost>"),
        # Rate limits (Flask-Limiter) count in Redis when either is set (shared by
        # workers and hosts), else in memory; RATELIMIT_STORAGE_URI wins (any `limits`
        # storage URI, e.g. redis://host:6379/1).
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", ""),
        "RATELIMIT_ENABLED": os.environ.get("RATELIMIT_ENABLED", "1") not in ("0", "false"),
        # How many reverse proxies (load balancer, TLS terminator) sit in front of the app:
        # their X-Forwarded-For/-Proto/-Host are trusted, so limits count real clients.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0") or 0),
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        # The session cookie is sent when it changes (sign-in, sign-out, a new CSRF
        # token), not re-signed on every page: a scan or my page then costs no cookie
        # signing. It lasts PERMANENT_SESSION_LIFETIME (31 days) from that change.
        "SESSION_REFRESH_EACH_REQUEST": False,
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", str(64 * 1024 * 1024))),
        # Background jobs: a Celery broker (redis://... or amqp://...) for
        # `commonground worker` processes on any host; unset, jobs run in threads of
        # the web process. JOB_QUEUE_PREFIX names the broker's queues (several
        # deployments may share one broker).
        "BROKER_URL": os.environ.get("BROKER_URL", "").strip(),
        "JOB_QUEUE_PREFIX": os.environ.get("JOB_QUEUE_PREFIX", "commonground").strip(),
        # A running job whose heartbeat is this old (s) lost its worker: another takes it.
        "JOB_STALE_AFTER": float(os.environ.get("JOB_STALE_AFTER", "30")),
        # A job handed to the broker but not started after this long (s) is handed
        # over again (a broker restarted without persistence loses its messages).
        "JOB_REQUEUE_AFTER": float(os.environ.get("JOB_REQUEUE_AFTER", "600")),
        # How often (s) `commonground scheduler` asks for the follow-up reminders.
        "REMINDERS_EVERY": float(os.environ.get("REMINDERS_EVERY", "3600")),
        # /metrics only to requests with "Authorization: Bearer <METRICS_TOKEN>" (when set).
        "METRICS_TOKEN": os.environ.get("METRICS_TOKEN", ""),
        # Events from this size on update suggestions incrementally after a sign-up.
        "MATCHING_INCREMENTAL_FROM": INCREMENTAL_FROM,
        "API_MAX_BODY_BYTES": API_MAX_BODY,
        "API_RATE_LIMIT": API_RATE_LIMIT,
        # RATE_LIMITS (per endpoint: methods, limit, window) defaults to
        # web.rate_limits.DEFAULT_LIMITS, set by web.rate_limits.init_app.
        # Organizer sign-in failures (Flask-Limiter strings; right passwords never count):
        # per address, and per account with a longer wait at each tier (backoff).
        # Unset: web.rate_limits.LOGIN_ADDRESS_FAILURES and LOGIN_ACCOUNT_FAILURES.
        "LOGIN_ADDRESS_FAILURES": os.environ.get("LOGIN_ADDRESS_FAILURES", ""),
        "LOGIN_ACCOUNT_FAILURES": os.environ.get("LOGIN_ACCOUNT_FAILURES", ""),
    }


def configured_base_url(app: Flask | None = None) -> str:
    """PUBLIC_BASE_URL (of `app`, else the current app) without a trailing slash, or "".

    Links that leave the request (emails, printed badges, exported lists) are built
    from this only: a request's Host header is chosen by whoever sends the request.
    """
    return str((app or current_app).config.get("PUBLIC_BASE_URL") or "").rstrip("/")


def public_base_url(fallback: str = "") -> str:
    """The site's absolute base URL, without a trailing slash.

    PUBLIC_BASE_URL when configured; else, during a request, the address the request
    came in on; else `fallback` (commands without a configured address).
    """
    base = configured_base_url()
    if not base and has_request_context():
        base = request.host_url
    return (base or fallback).rstrip("/")


def external_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of `endpoint` under `public_base_url()` (emails, badges, QR codes)."""
    return public_base_url() + url_for(endpoint, **values)


def incremental_from() -> int:
    """MATCHING_INCREMENTAL_FROM: the event size from which sign-ups update incrementally."""
    return int(current_app.config.get("MATCHING_INCREMENTAL_FROM", INCREMENTAL_FROM))


def broker_url(app: Flask | None = None) -> str:
    """BROKER_URL: the job queue's broker, or "" to run jobs in this process."""
    return str((app or current_app).config.get("BROKER_URL") or "")


def rate_limiting() -> bool:
    """RATELIMIT_ENABLED: whether rate limits apply."""
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def rate_limits() -> dict[str, tuple[frozenset[str], int, int]]:
    """RATE_LIMITS: per endpoint, (methods, requests, window in seconds)."""
    limits: dict[str, tuple[frozenset[str], int, int]] = current_app.config["RATE_LIMITS"]
    return limits


def api_rate_limit() -> tuple[int, int]:
    """API_RATE_LIMIT: (requests, window in seconds) per API key."""
    limit, window = current_app.config.get("API_RATE_LIMIT", API_RATE_LIMIT)
    return int(limit), int(window)


def api_max_body_bytes() -> int:
    """API_MAX_BODY_BYTES: the largest API request body accepted."""
    return int(current_app.config.get("API_MAX_BODY_BYTES", API_MAX_BODY))
