"""Probes for load balancers and orchestrators: `/healthz` (alive) and `/readyz` (can serve).

`/readyz` answers 200 only when the database answers, the broker does (when
BROKER_URL is set), and the model is loaded; otherwise 503, naming what failed. The
broker check is remembered for a few seconds, so frequent probes stay cheap.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app

from web.config import broker_url
from web.extensions import get_matcher

log = logging.getLogger(__name__)

BROKER_CHECK_EVERY = 5.0  # seconds a broker check is trusted


def _database() -> str:
    with current_app.extensions["cg_engine"].connect() as connection:
        connection.execute(sa.text("SELECT 1"))
    return "ok"


def _broker() -> str:
    url = broker_url()
    if not url:
        return "not used (jobs run in this process)"
    cache: dict[str, Any] = current_app.extensions.setdefault("cg_broker_check", {})
    if time.monotonic() - cache.get("at", -1e9) < BROKER_CHECK_EVERY:
        if cache["error"]:
            raise ConnectionError(cache["error"])
        return "ok"
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as exc:
        cache.update(at=time.monotonic(), error=f"unreachable ({type(exc).__name__})")
        raise ConnectionError(cache["error"]) from None
    cache.update(at=time.monotonic(), error="")
    return "ok"


def _model() -> str:
    encoder = get_matcher().encoder
    warm_up = getattr(encoder, "warm_up", None)
    if callable(warm_up):
        warm_up()  # loaded once per process; at once with MATCHER_WARM_UP=1
    return f"ok ({encoder.name})"


CHECKS = {"database": _database, "broker": _broker, "model": _model}


def init_app(app: Flask) -> None:
    """Register the two probes."""

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> tuple[dict[str, Any], int]:
        """Readiness: the database, the broker and the model are all usable."""
        results: dict[str, str] = {}
        ready = True
        for name, check in CHECKS.items():
            try:
                results[name] = check()
            except Exception as exc:
                ready = False
                results[name] = f"failed: {exc}"[:300]
                log.warning("readiness: %s %s", name, results[name])
        status = "ready" if ready else "not ready"
        return {"status": status, "checks": results}, 200 if ready else 503
