"""Configuration from environment variables, with safe defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from matcher.encoding import BUNDLED_MODEL


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
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_FROM": os.environ.get("SMTP_FROM", "Common Ground <noreply@localhost>"),
        # Rate limits count in Redis when set (shared by workers), else in memory.
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "RATELIMIT_ENABLED": os.environ.get("RATELIMIT_ENABLED", "1") not in ("0", "false"),
        # How many reverse proxies (load balancer, TLS terminator) sit in front of the app:
        # their X-Forwarded-For/-Proto/-Host are trusted, so limits count real clients.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0") or 0),
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", str(64 * 1024 * 1024))),
    }
