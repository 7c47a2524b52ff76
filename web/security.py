"""Security headers, trusted hosts and proxies, and no caching of private pages.

Rate limits are in web.rate_limits (Flask-Limiter).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

from web import config

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

# Pages about a person or an organizer's event: every page of these blueprints is kept
# out of browser and proxy caches (history, shared computers), whatever its view says.
NO_STORE_BLUEPRINTS = frozenset({"organizer", "attendee", "contacts", "meetings", "badges"})
# ...but for a badge's QR code, which is only its public scan address as a picture.
CACHEABLE_ENDPOINTS = frozenset({"badges.qr_png", "badges.qr_svg"})


def _no_store(response: Response) -> Response:
    private = request.blueprint in NO_STORE_BLUEPRINTS
    stored = "no-store" not in response.headers.get("Cache-Control", "")
    if private and stored and request.endpoint not in CACHEABLE_ENDPOINTS:
        response.headers["Cache-Control"] = "private, no-store"
    return response


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


# The machine itself: health checks and local tools keep working with trusted hosts on.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def trusted_hosts(configured: list[str] | None, public_base_url: str) -> list[str] | None:
    """The Host headers to answer: TRUSTED_HOSTS, else PUBLIC_BASE_URL's host and this
    machine; None (any host) when neither is set, as on a laptop serving a LAN."""
    if configured:
        return list(configured)
    host = urlsplit(public_base_url).hostname if public_base_url else None
    return [host, *LOCAL_HOSTS] if host else None


def init_app(app: Flask) -> None:
    """Install the security headers, trusted hosts, proxies and the no-store rule.

    With TRUSTED_PROXIES=n, the client address, scheme and host come from the last n
    proxies' X-Forwarded-* headers (otherwise those headers are ignored: unspoofable).
    """
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    # Flask answers any other Host with a 400 before routing (web.errors renders it).
    app.config["TRUSTED_HOSTS"] = trusted_hosts(
        app.config.get("TRUSTED_HOSTS"), config.configured_base_url(app)
    )
    if config.configured_base_url(app).startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True
    app.after_request(_headers)
    app.after_request(_no_store)
