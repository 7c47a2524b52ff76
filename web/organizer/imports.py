"""Import the registration list: upload, preview with a correctable mapping, commit."""

from __future__ import annotations

from typing import Any

from flask import render_template

from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required


@bp.route("/events/<slug>/import", methods=["GET", "POST"])
@organizer_required
def import_upload(slug: str) -> Any:
    """Step 1: upload the CSV export."""
    event = event_for_organizer(slug)
    return render_template("organizer/import.html", event=event)
