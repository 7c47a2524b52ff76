"""The versioned JSON API under /api/v1 for registration systems and organizer tools.

Authenticated by organizer API keys sent as `Authorization: Bearer <key>`; never by
cookies, so it is exempt from CSRF. Described by the OpenAPI 3.1 document at
/api/v1/openapi.json, which tests keep true to the routes.
"""

from __future__ import annotations

from flask import Blueprint

from web import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

from web.api import attendees, core, events, exports, openapi, runs  # noqa: E402,F401
