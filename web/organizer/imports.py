"""Import the registration list: upload, preview with a correctable mapping, commit.

The upload is kept under the instance folder by a random id bound to the organizer and
event; the browser only sends back the field chosen for each column, which is checked
against the known fields. The commit validates the whole file again before writing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from wtforms import BooleanField, HiddenField, SelectField

from models import Event
from web.db import get_session
from web.mail import NO_BASE_URL, links_mailable, mail_configured
from web.organizer import bp
from web.organizer.auth import current_organizer, event_for_organizer, organizer_required
from web.organizer.forms import ImportUploadForm
from web.services.importing import FIELDS, ImportFileError, Plan, Report, analyse, check, commit
from web.services.importing.uploads import UploadStore
from web.services.private_links import RecipientList
from web.tasks import mail_private_links

log = logging.getLogger(__name__)

try:  # wtforms >= 3.3 deprecates (value, label) tuples
    from wtforms.fields.choices import SelectChoice

    FIELD_CHOICES: list[Any] = [SelectChoice(key, label) for key, label in FIELDS.items()]
except ImportError:  # pragma: no cover - older wtforms
    FIELD_CHOICES = list(FIELDS.items())


def upload_store() -> UploadStore:
    """Where uploads wait between preview and commit."""
    return UploadStore(Path(current_app.instance_path) / "imports")


def _owner(event: Event) -> dict[str, Any]:
    organizer = current_organizer()
    assert organizer is not None
    return {"organizer": organizer.id, "event": event.id}


def mapping_form(plan: Plan) -> FlaskForm:
    """A select per column (named col_<index>), preset to the current mapping."""

    class MappingForm(FlaskForm):
        seen = HiddenField()
        send_links = BooleanField("Email each new attendee their private link", default=True)

    for column in plan.columns:
        select = SelectField(column.header, choices=FIELD_CHOICES, default=column.field)
        setattr(MappingForm, f"col_{column.index}", select)
    return MappingForm()


def _signature(fields: list[str]) -> str:
    return ",".join(fields)


@bp.route("/events/<slug>/import", methods=["GET", "POST"])
@organizer_required
def import_upload(slug: str) -> Any:
    """Step 1: upload the CSV export (Eventbrite, Luma or generic)."""
    event = event_for_organizer(slug)
    form = ImportUploadForm()
    error = None
    if form.validate_on_submit():
        upload = form.file.data
        store = upload_store()
        upload_id = store.save(upload.stream, _owner(event), upload.filename or "")
        path, _ = store.open(upload_id, _owner(event)) or (None, "")
        try:
            assert path is not None
            analyse(path)
        except ImportFileError as exc:
            store.delete(upload_id)
            error = str(exc)
        else:
            return redirect(url_for("organizer.import_preview", slug=slug, upload_id=upload_id))
    status = 400 if error or form.errors else 200
    return render_template("organizer/import.html", event=event, form=form, error=error), status


@bp.route("/events/<slug>/import/<upload_id>", methods=["GET", "POST"])
@organizer_required
def import_preview(slug: str, upload_id: str) -> Any:
    """Step 2: the preview: mapping per column, counts, row errors; then commit."""
    event = event_for_organizer(slug)
    store = upload_store()
    found = store.open(upload_id, _owner(event))
    if found is None:
        flash("That upload has expired or was already imported. Please upload the file again.")
        return redirect(url_for("organizer.import_upload", slug=slug))
    path, filename = found
    try:
        plan = analyse(path)
        form = mapping_form(plan)
        if request.method == "POST":
            if not form.validate_on_submit():
                return _preview(event, upload_id, filename, plan, form, None, 400)
            overrides = {c.index: form[f"col_{c.index}"].data for c in plan.columns}
            plan = analyse(path, overrides)
            changed = form.seen.data != _signature(plan.fields)
            if request.form.get("action") == "commit" and not changed:
                return _commit(event, upload_id, filename, plan, form)
            if request.form.get("action") == "commit":
                flash("You changed the mapping: check the preview below, then import.", "warning")
        report = check(get_session(), event.id, plan)
    except ImportFileError as exc:
        store.delete(upload_id)
        upload_form = ImportUploadForm(formdata=None)
        page = render_template("organizer/import.html", event=event, form=upload_form, error=exc)
        return page, 400
    return _preview(event, upload_id, filename, plan, form, report, 200)


def _commit(event: Event, upload_id: str, filename: str, plan: Plan, form: FlaskForm) -> Any:
    session = get_session()
    recipients = RecipientList()
    send_links = links_mailable() and bool(form.send_links.data)
    try:
        report = commit(session, event.id, plan, recipients.collect if send_links else None)
    except IntegrityError:
        session.rollback()
        log.info("import into %s collided with a concurrent sign-up", event.slug)
        flash(
            "Someone signed up while the file was imported, so nothing was imported. "
            "Please press Import again.",
            "error",
        )
        return _preview(event, upload_id, filename, plan, form, None, 409)
    if not report.committed:
        return _preview(event, upload_id, filename, plan, form, report, 400)
    if recipients:  # the emails are jobs, so they go only once the import is committed
        mail_private_links(session, event.id, [r.email for r in recipients])
    session.commit()
    upload_store().delete(upload_id)
    log.info("import into %s: %d new, %d updated", event.slug, report.created, report.updated)
    flash(
        f"Imported {report.valid} attendees: {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged"
        + (f", {report.skipped_count} skipped (not attending)" if report.skipped_count else "")
        + ". Run the matching to suggest introductions.",
        "success",
    )
    if recipients:
        flash(f"Emailing private links to {len(recipients)} new attendees.", "info")
    elif report.created and not links_mailable():
        why = NO_BASE_URL if mail_configured() else "Email is not set up (SMTP_HOST)."
        flash(
            f"{why} New attendees did not get their private links: export them for your "
            "own mailing on the Attendees page, or the help desk gives each one a new link.",
            "warning",
        )
    return redirect(url_for("organizer.event", slug=event.slug))


def _preview(
    event: Event,
    upload_id: str,
    filename: str,
    plan: Plan,
    form: FlaskForm,
    report: Report | None,
    status: int,
) -> Any:
    form.seen.data = _signature(plan.fields)
    for column in plan.columns:
        form[f"col_{column.index}"].data = column.field
    if report is None and status != 400:
        report = check(get_session(), event.id, plan)
    page = render_template(
        "organizer/import_preview.html",
        event=event,
        upload_id=upload_id,
        filename=filename,
        plan=plan,
        form=form,
        report=report,
        fields=FIELDS,
        mail_on=links_mailable(),
    )
    return page, status
