"""Download my data: a JSON copy of everything stored about the signed-in attendee."""

from __future__ import annotations

import json
import re

from flask import Response

from models import Attendee, Event
from web.attendee import bp
from web.attendee.auth import attendee_required
from web.db import get_session
from web.services.personal_data import export_attendee


@bp.get("/e/<slug>/me/data.json")
@attendee_required
def my_data(event: Event, attendee: Attendee) -> Response:
    """Download my data: a JSON file with everything stored about me at this event."""
    data = export_attendee(get_session(), attendee)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    filename = re.sub(r"[^A-Za-z0-9_-]+", "-", event.slug) or "event"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="common-ground-{filename}-my-data.json"',
            "Cache-Control": "private, no-store",
        },
    )
