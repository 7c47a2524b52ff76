"""The help desk's new private link for one attendee, and every link for a mail merge.

Only a fingerprint of each link is stored, so handing someone their link means
issuing a new one: their old link stops working and every device signed in with it
is signed out (a lost phone or a forwarded link stops mattering).
"""

from __future__ import annotations

import base64
import logging
import time
from typing import Any

from flask import (
    Response,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from models import Attendee
from web.badges.qr import qr_png
from web.config import configured_base_url, external_url
from web.db import get_session
from web.organizer import bp
from web.organizer.attendees import attendee_or_404
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm
from web.services.exporting import csv_chunks
from web.services.private_links import LINK_HEADERS, link_rows, reissue_links

log = logging.getLogger(__name__)

DESK_KEY = "cg_desk_link"  # [attendee_id, token, unix time] in the organizer's session
SHOWN_FOR = 15 * 60  # seconds the help desk page keeps showing a link it issued


def _link(token: str) -> str:
    return external_url("attendee.private_link", token=token)


def _issued_token(attendee: Attendee) -> str | None:
    entry = session.get(DESK_KEY)
    if not (isinstance(entry, list) and len(entry) == 3 and entry[0] == attendee.id):
        return None
    token, when = entry[1], entry[2]
    if not isinstance(token, str) or not isinstance(when, int) or time.time() - when > SHOWN_FOR:
        return None
    return token if attendee.private_token_matches(token) else None


@bp.route("/events/<slug>/attendees/<int:attendee_id>/private-link", methods=["GET", "POST"])
@organizer_required
def desk_link(slug: str, attendee_id: int) -> Any:
    """Help desk: give one attendee a new private link, as a code to scan or on paper."""
    event = event_for_organizer(slug)
    attendee = attendee_or_404(event, attendee_id)
    form = EmptyForm()
    if request.method == "POST":
        if form.validate_on_submit():
            issued = attendee.reissue_private_link()
            get_session().commit()
            log.info("event %s: help desk re-issued attendee %s's link", slug, attendee.id)
            session[DESK_KEY] = [attendee.id, issued, int(time.time())]
        return redirect(url_for("organizer.desk_link", slug=slug, attendee_id=attendee.id), 303)
    token = _issued_token(attendee)
    link = _link(token) if token else None
    qr = base64.b64encode(qr_png(link)).decode("ascii") if link else None
    page = render_template(
        "organizer/desk_link.html", event=event, attendee=attendee, link=link, qr=qr, form=form
    )
    return page, 200, {"Cache-Control": "private, no-store"}  # it shows someone's key


@bp.post("/events/<slug>/private-links.csv")
@organizer_required
def export_links(slug: str) -> Any:
    """Download new private links (name, email, link) for the organizer's own mailing."""
    event = event_for_organizer(slug)
    back = redirect(url_for("organizer.attendees", slug=slug, _anchor="private-links"))
    base = configured_base_url()
    if not EmptyForm().validate_on_submit() or request.form.get("confirm") != "y":
        flash("Nothing was exported. Tick the box to confirm, then press Export.", "error")
        return back
    if not base:
        flash(
            "Set PUBLIC_BASE_URL to the address attendees open (e.g. https://meet.example.org) "
            "before exporting links for email: links to this console's address may not work "
            "for them.",
            "error",
        )
        return back
    everyone = request.form.get("scope") == "all"
    recipients = reissue_links(get_session(), event, everyone)
    rows = link_rows(recipients, _link)
    body = "".join(csv_chunks(rows, LINK_HEADERS))
    get_session().commit()
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="private-links-{event.slug}.csv"',
            "Cache-Control": "no-store",
        },
    )
