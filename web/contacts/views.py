"""J4: my contacts with notes, drafted follow-ups, follow-up state, exports."""

from __future__ import annotations

import datetime as dt
import logging
from unicodedata import normalize
from urllib.parse import quote

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from models import Attendee, Contact, Event, utcnow
from web.attendee.auth import attendee_required
from web.contacts import bp
from web.contacts.forms import DoneForm
from web.db import get_session
from web.extensions import get_matcher
from web.services.contact_exports import common_ground_text, contacts_csv, vcard
from web.services.contacts import (
    ContactView,
    aware,
    my_contacts,
    pending_requests,
    scanned_not_saved,
    set_done,
)

log = logging.getLogger(__name__)


def mailto(view: ContactView) -> str | None:
    """A mailto: link carrying the drafted follow-up, when the email may be shown."""
    if not view.email:
        return None
    subject = quote(view.draft.subject, safe="")
    body = quote(view.draft.body, safe="")
    return f"mailto:{quote(view.email, safe='@')}?subject={subject}&body={body}"


@bp.get("/e/<slug>/me/contacts")
@attendee_required
def index(event: Event, attendee: Attendee) -> str:
    """My contacts: notes, what we have in common, a drafted follow-up, and by when."""
    session = get_session()
    views = my_contacts(session, get_matcher(), attendee, event.name)
    counts = {state: sum(v.state == state for v in views) for state in ("due", "overdue", "done")}
    return render_template(
        "contacts/index.html",
        event=event,
        attendee=attendee,
        views=views,
        counts=counts,
        requests=pending_requests(session, attendee),
        scanned=scanned_not_saved(session, attendee),
        done_form=DoneForm(),
        mailto=mailto,
        common_ground_text=common_ground_text,
    )


@bp.post("/e/<slug>/me/contacts/<int:contact_id>/done")
@attendee_required
def done(event: Event, attendee: Attendee, contact_id: int) -> ResponseReturnValue:
    """Mark a follow-up done, or not done again."""
    session = get_session()
    contact = session.get(Contact, contact_id)
    if contact is None or contact.owner_id != attendee.id:
        abort(404)
    form = DoneForm()
    if not form.validate_on_submit():
        abort(400)
    set_done(contact, form.done.data == "1")
    session.flush()
    name = contact.other.name
    flash(
        f"Follow-up with {name} marked done."
        if form.done.data == "1"
        else f"Follow-up with {name} is open again.",
        "success",
    )
    return redirect(url_for("contacts.index", slug=event.slug) + f"#contact-{contact.id}")


def _download(body: str, filename: str, content_type: str) -> Response:
    response = Response(body.encode("utf-8"), content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(event: Event, ext: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in event.slug)
    return f"contacts-{safe}.{ext}"


@bp.get("/e/<slug>/me/contacts.vcf")
@attendee_required
def export_vcf(event: Event, attendee: Attendee) -> Response:
    """My contacts as vCard 3.0 (emails only where consented)."""
    views = my_contacts(get_session(), get_matcher(), attendee, event.name)
    return _download(vcard(views), _filename(event, "vcf"), "text/vcard; charset=utf-8")


@bp.get("/e/<slug>/me/contacts/<int:contact_id>.vcf")
@attendee_required
def export_one_vcf(event: Event, attendee: Attendee, contact_id: int) -> Response:
    """One contact as a vCard, to add it to the phone's address book in one tap."""
    views = [
        v
        for v in my_contacts(get_session(), get_matcher(), attendee, event.name)
        if v.contact.id == contact_id
    ]
    if not views:
        abort(404)
    # An ASCII file name: headers cannot carry "Ş"; "Alma Şahin" -> "Alma-Sahin".
    ascii_name = normalize("NFKD", views[0].other.name).encode("ascii", "ignore").decode()
    name = "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_name).split())
    return _download(vcard(views), f"{name or 'contact'}.vcf", "text/vcard; charset=utf-8")


@bp.get("/e/<slug>/me/contacts.csv")
@attendee_required
def export_csv(event: Event, attendee: Attendee) -> Response:
    """My contacts as CSV with a BOM (emails only where consented, no formulas)."""
    views = my_contacts(get_session(), get_matcher(), attendee, event.name)
    return _download(
        "\ufeff" + contacts_csv(views), _filename(event, "csv"), "text/csv; charset=utf-8"
    )


# Built once: my page asks on every visit (building costs more than running it).
_COUNTS = (
    sa.select(Contact.followed_up_at.is_(None), sa.func.count())
    .where(Contact.owner_id == sa.bindparam("owner"))
    .group_by(Contact.followed_up_at.is_(None))
)


def contact_counts(attendee: Attendee) -> dict[str, int]:
    """How many contacts `attendee` saved, and how many wait for a follow-up."""
    rows = get_session().execute(_COUNTS, {"owner": attendee.id}).all()
    open_count = sum(n for pending, n in rows if pending)
    return {"saved": sum(n for _, n in rows), "open": open_count}


def when(moment: dt.datetime) -> str:
    """A follow-up time as people read it: "Fri 27 Nov, 14:05 UTC (in 2 days)"."""
    moment = aware(moment)
    seconds = (moment - utcnow()).total_seconds()
    hours = abs(seconds) / 3600
    if hours < 1:
        span = f"{max(1, round(abs(seconds) / 60))} min"
    elif hours < 36:
        span = f"{round(hours)} h"
    else:
        span = f"{round(hours / 24)} days"
    relative = f"in {span}" if seconds >= 0 else f"{span} ago"
    return f"{moment.strftime('%a %d %b, %H:%M')} UTC ({relative})"


@bp.app_context_processor
def _helpers() -> dict[str, object]:
    return {"contact_counts": contact_counts, "follow_up_when": when}
