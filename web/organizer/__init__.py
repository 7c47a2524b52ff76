"""The organizer console under /organizer/: accounts, events, import, matching runs.

Other areas attach their organizer pages to this blueprint (e.g. downloads): import
`bp`, `organizer_required` and `event_for_organizer` from `web.organizer.auth`.
"""

from __future__ import annotations

from flask import Blueprint

# cli_group=None: the organizer's commands are top-level (`commonground import ...`).
bp = Blueprint("organizer", __name__, url_prefix="/organizer", cli_group=None)

from web.organizer import (  # noqa: E402,F401
    api_keys,
    attendees,
    auth,
    commands,
    downloads,
    events,
    expired,
    imports,
    runs,
)
