"""The organizer console under /organizer/: accounts, events, import, matching runs.

Other areas attach their organizer pages to this blueprint (e.g. downloads): import
`bp`, `organizer_required` and `event_for_organizer` from `web.organizer.auth`.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("organizer", __name__, url_prefix="/organizer")

from web.organizer import (  # noqa: E402,F401
    api_keys,
    attendees,
    auth,
    badge_preview,
    downloads,
    events,
    expired,
    imports,
    meetings,
    password,
    people,
    pictures,
    private_links,
    rounds,
    runs,
)
