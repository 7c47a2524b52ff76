"""J3: badge QR codes, the scan page ("You and NAME") and saving a contact."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm import joinedload

from matcher import CommonGround, SharedItem, wording
from models import Attendee
from web.attendee.auth import (
    current_attendee,
    need_private_link,
    offer,
    signed_in_attendee_ids,
)
from web.badges import bp
from web.badges.qr import qr_png as render_png
from web.badges.qr import qr_svg as render_svg
from web.badges.qr import scan_url
from web.contacts.forms import SaveContactForm
from web.db import get_session
from web.extensions import get_matcher
from web.services.common_ground import common_ground_with_ties, saved_ids
from web.services.contacts import may_see_email, pair_contacts, record_scan, save_contact

log = logging.getLogger(__name__)


@bp.app_template_filter("first_name")
def first_name_filter(name: str) -> str:
    """The name to address someone by ("Dr. José Núñez" -> "José")."""
    return wording.first_name(name) or name


@bp.app_template_filter("item_text")
def item_text_filter(item: str) -> str:
    """An item as shown: one line, brackets balanced ("Go (the board game)")."""
    return wording.clean_item(item) or item


@bp.app_template_filter("common_ground_sections")
def common_ground_sections(cg: CommonGround, other_name: str) -> list[wording.Section]:
    """The scan page's blocks of what two people have in common (`matcher.wording`)."""
    return wording.sections(cg, other_name)


@bp.app_template_filter("shared_label")
def shared_label(item: SharedItem) -> str:
    """A shared item as a chip: "marathons" or "you: marathons · them: trail running"."""
    return wording.shared_label(item)


@bp.app_context_processor
def wording_constants() -> dict[str, str]:
    """Sentences templates use as they are."""
    return {"nothing_in_common": wording.NOTHING_IN_COMMON}


# Built once (building costs more than running it); the event comes in the same query.
_BY_BADGE = (
    sa.select(Attendee)
    .where(Attendee.badge_token == sa.bindparam("token"))
    .options(joinedload(Attendee.event))
)
# ...and with it the attendees this device's session names, offered to
# `current_attendee` so it does not load the viewer with a second query (it still
# checks the session's version, nonce and event).
_BY_BADGE_WITH_VIEWERS = (
    sa.select(Attendee)
    .where(
        sa.or_(
            Attendee.badge_token == sa.bindparam("token"),
            Attendee.id.in_(sa.bindparam("viewers", expanding=True)),
        )
    )
    .options(joinedload(Attendee.event))
)
_MAX_VIEWERS = 8  # a device signed in to more events loads the rest when asked


def badge_owner_or_404(token: str) -> Attendee:
    """The attendee wearing the badge `token`, or the 404 page."""
    if not token or len(token) > 64:
        abort(404)
    viewers = signed_in_attendee_ids()[:_MAX_VIEWERS]
    if viewers:
        params = {"token": token, "viewers": viewers}
        found = get_session().scalars(_BY_BADGE_WITH_VIEWERS, params).all()
        offer([a for a in found if a.id in viewers])
        attendee = next((a for a in found if a.badge_token == token), None)
    else:
        attendee = get_session().scalar(_BY_BADGE, {"token": token})
    if attendee is None:
        abort(404)
    return attendee


def _qr_response(body: bytes, content_type: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@bp.get("/b/<token>/qr.png")
def qr_png(token: str) -> Response:
    """The badge's QR code as PNG; it encodes the absolute scan URL."""
    badge_owner_or_404(token)
    return _qr_response(render_png(scan_url(token)), "image/png")


@bp.get("/b/<token>/qr.svg")
def qr_svg(token: str) -> Response:
    """The badge's QR code as SVG; it encodes the absolute scan URL."""
    badge_owner_or_404(token)
    return _qr_response(render_svg(scan_url(token)), "image/svg+xml")


def _pair_page(
    other: Attendee, me: Attendee, form: SaveContactForm, status: int = 200
) -> tuple[str, int]:
    """ "You and NAME": common ground first, starters, then save with a note."""
    session = get_session()
    saved = saved_ids(session, me, other)  # one query for both sides' contacts
    contact, theirs = pair_contacts(session, me, other, saved)
    if contact is not None and not form.is_submitted():
        form.note.data = contact.note
    return (
        render_template(
            "badges/pair.html",
            event=other.event,
            me=me,
            attendee=me,
            other=other,
            # The page shows no score: the pair is explained, not scored.
            cg=common_ground_with_ties(session, get_matcher(), me, other, saved, scored=False),
            contact=contact,
            they_saved_me=theirs is not None,
            email=other.email if may_see_email(other, contact, theirs) else None,
            form=form,
        ),
        status,
    )


@bp.get("/b/<token>")
def scan(token: str) -> tuple[str, int]:
    """A scanned badge: what we share (signed-in attendee of the event) or the public card."""
    other = badge_owner_or_404(token)
    event = other.event
    me = current_attendee(event)
    if me is not None and me.id != other.id:
        page = _pair_page(other, me, SaveContactForm())
    else:
        page = render_template("badges/card.html", event=event, other=other, me=me), 200
    # Recorded once the page is made, and committed at once: under SQLite the insert
    # takes the database's one write lock until its commit, and the other workers'
    # scans wait for it (SQLite retries after 1, 2, 5 ms...). Committed by the request
    # boundary, the lock was held through the response hooks: 1.7-1.9 ms a scan
    # waited on average under two workers, one in eight more than 5 ms.
    session = get_session()
    record_scan(session, other, me)
    session.commit()
    return page


@bp.post("/b/<token>/save")
def save(token: str) -> ResponseReturnValue:
    """Save the badge's owner to my contacts with a note; saving again updates the note."""
    other = badge_owner_or_404(token)
    event = other.event
    me = current_attendee(event)
    if me is None:
        return need_private_link(event)
    if me.id == other.id:
        abort(400)
    form = SaveContactForm()
    if not form.validate_on_submit():
        return _pair_page(other, me, form, 422)
    _, created = save_contact(get_session(), me, other, form.note.data or "")
    flash(
        f"{other.name} is in your contacts." if created else f"Your note on {other.name} is saved.",
        "success",
    )
    return redirect(url_for("badges.scan", token=token) + "#saved")


@bp.errorhandler(CSRFError)
def form_expired(exc: CSRFError) -> tuple[str, int]:
    """An expired form on the scan page: show it again with the note as typed."""
    token = (request.view_args or {}).get("token", "")
    if request.endpoint != "badges.save" or not token:
        return render_template("error.html", status=400, message=_EXPIRED), 400
    other = badge_owner_or_404(token)
    me = current_attendee(other.event)
    if me is None or me.id == other.id:
        return need_private_link(other.event)
    form = SaveContactForm()
    form.validate()
    form.note.errors = [*form.note.errors, _EXPIRED]
    return _pair_page(other, me, form, 400)


_EXPIRED = "This form expired before it was sent. Your note is still here: please save again."
