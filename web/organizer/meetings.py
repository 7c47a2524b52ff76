"""The organizer's meetings page: time zone, meeting times, places, the schedule, downloads.

Every route is the signed-in organizer's own event only (`event_for_organizer`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, SelectField, StringField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange

from models import Event, MeetingPlace
from web.db import get_session
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.downloads import PRIVATE, _attachment, _streamed_csv
from web.organizer.forms import EmptyForm
from web.services import meeting_setup
from web.services.exporting import CONTENT_TYPES, write_xlsx
from web.services.feedback import match_quality
from web.services.meeting_schedule import (
    SCHEDULE_COLUMNS,
    SCHEDULE_HEADERS,
    meeting_counts,
    meetings_by_slot,
    meetings_per_place,
    schedule_filename,
    schedule_rows,
)
from web.services.meeting_setup import SLOT_MINUTES, SetupError
from web.services.meeting_times import time_zone_names, zone_label, zone_of
from web.services.table_signs import SignError, event_signs_pdf


class TimeZoneForm(FlaskForm):
    """The event's time zone, in which meeting times are entered and shown."""

    timezone = SelectField("Time zone", validators=[InputRequired("Choose a time zone.")])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="tz", **kwargs)
        self.timezone.choices = [SelectChoice(name) for name in time_zone_names()]


class WindowForm(FlaskForm):
    """A window of meeting times on one day, cut into slots."""

    day = DateField("Day", validators=[InputRequired("Choose the day.")])
    start = TimeField("From", validators=[InputRequired("When do meetings start?")])
    end = TimeField("To", validators=[InputRequired("When do meetings end?")])
    minutes = SelectField(
        "Each meeting",
        coerce=int,
        default=15,
        choices=[SelectChoice(str(m), f"{m} minutes") for m in SLOT_MINUTES],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="window", **kwargs)


class RemoveWindowForm(FlaskForm):
    """Remove a window's unused slots."""

    first = HiddenField(validators=[InputRequired()])
    last = HiddenField(validators=[InputRequired()])


class PlaceForm(FlaskForm):
    """Add a place, or several numbered ones."""

    name = StringField(
        "Name",
        default="Table",
        validators=[InputRequired("Name the place, e.g. Table or Lounge."), Length(max=80)],
    )
    count = IntegerField(
        "How many",
        default=1,
        description="More than one: numbered on (Table 1, Table 2, …).",
        validators=[InputRequired("How many places?"), NumberRange(1, 500, "Between 1 and 500.")],
    )
    capacity = IntegerField(
        "Meetings at once",
        default=1,
        description="A table for two: 1. A lounge with room for six pairs: 6.",
        validators=[
            InputRequired("How many meetings at once?"),
            NumberRange(1, 500, "Between 1 and 500."),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="place", **kwargs)


class CapacityForm(FlaskForm):
    """Change one place's capacity."""

    capacity = IntegerField(
        "Meetings at once",
        validators=[
            InputRequired("How many meetings at once?"),
            NumberRange(1, 500, "Between 1 and 500."),
        ],
    )


@bp.app_template_global("meeting_summary")
def meeting_summary(event: Event) -> dict[str, Any]:
    """The event page's meetings card: request counts and the match quality."""
    session = get_session()
    return {"counts": meeting_counts(session, event), "quality": match_quality(session, event.id)}


def _page(event: Event, status: int = 200, **forms: Any) -> tuple[str, int]:
    session = get_session()
    zone = zone_of(event)
    return render_template(
        "organizer/meetings.html",
        event=event,
        zone=zone,
        zone_name=zone_label(zone),
        counts=meeting_counts(session, event),
        quality=match_quality(session, event.id),
        windows=meeting_setup.windows(session, event),
        places=meetings_per_place(session, event),
        schedule=meetings_by_slot(session, event),
        tz_form=forms.get("tz_form") or TimeZoneForm(data={"timezone": event.timezone}),
        window_form=forms.get("window_form") or WindowForm(),
        place_form=forms.get("place_form") or PlaceForm(),
        remove_form=RemoveWindowForm(),
        capacity_form=CapacityForm(),
        empty_form=EmptyForm(),
        error=forms.get("error"),
    ), status


@bp.get("/events/<slug>/meetings")
@organizer_required
def meetings(slug: str) -> tuple[str, int]:
    """Meetings: times and places to set, the schedule, match quality, downloads."""
    return _page(event_for_organizer(slug))


def _back(event: Event, anchor: str) -> Any:
    return redirect(url_for("organizer.meetings", slug=event.slug, _anchor=anchor))


def _submit(event: Event, form: FlaskForm, name: str, anchor: str, apply: Callable[[], str]) -> Any:
    """Validate `form`, `apply` it (its message is flashed) and go back to the page;
    invalid input or a SetupError shows the page again with what was typed."""
    if form.validate_on_submit():
        try:
            flash(apply(), "success")
            return _back(event, anchor)
        except SetupError as exc:
            form.form_errors.append(str(exc))
    return _page(event, 422, **{name: form})


@bp.post("/events/<slug>/meetings/time-zone")
@organizer_required
def meetings_time_zone(slug: str) -> Any:
    """Set the event's time zone."""
    event = event_for_organizer(slug)
    form = TimeZoneForm()

    def apply() -> str:
        meeting_setup.set_time_zone(event, form.timezone.data or "")
        return f"Meeting times are shown in {zone_label(zone_of(event))}."

    return _submit(event, form, "tz_form", "times", apply)


@bp.post("/events/<slug>/meetings/windows")
@organizer_required
def meetings_add_window(slug: str) -> Any:
    """Add meeting times: a window on one day cut into slots."""
    event = event_for_organizer(slug)
    form = WindowForm()

    def apply() -> str:
        assert form.day.data and form.start.data and form.end.data
        minutes = int(form.minutes.data or 0)
        day, start, end = form.day.data, form.start.data, form.end.data
        slots = meeting_setup.add_window(get_session(), event, day, start, end, minutes)
        return f"Added {len(slots)} meeting times."

    return _submit(event, form, "window_form", "times", apply)


@bp.post("/events/<slug>/meetings/windows/remove")
@organizer_required
def meetings_remove_window(slug: str) -> Any:
    """Remove a window's meeting times that nobody uses."""
    event = event_for_organizer(slug)
    form = RemoveWindowForm()
    if form.validate_on_submit():
        try:
            removed, kept = meeting_setup.remove_window(
                get_session(), event, int(form.first.data or 0), int(form.last.data or 0)
            )
        except (SetupError, ValueError) as exc:
            flash(str(exc), "error")
        else:
            message = f"Removed {removed} meeting times."
            if kept:
                message += f" {kept} stay: someone has a meeting or a request then."
            flash(message, "success" if not kept else "warning")
    return _back(event, "times")


@bp.post("/events/<slug>/meetings/places")
@organizer_required
def meetings_add_places(slug: str) -> Any:
    """Add a place, or several numbered ones."""
    event = event_for_organizer(slug)
    form = PlaceForm()

    def apply() -> str:
        count, capacity = int(form.count.data or 1), int(form.capacity.data or 1)
        made = meeting_setup.add_places(get_session(), event, form.name.data or "", count, capacity)
        names = made[0].name if len(made) == 1 else f"{made[0].name} to {made[-1].name}"
        return f"Added {names}."

    return _submit(event, form, "place_form", "places", apply)


def _place(event: Event, place_id: int) -> MeetingPlace:
    place = get_session().get(MeetingPlace, place_id)
    if place is None or place.event_id != event.id:
        abort(404)
    return place


@bp.post("/events/<slug>/meetings/places/<int:place_id>/capacity")
@organizer_required
def meetings_place_capacity(slug: str, place_id: int) -> Any:
    """Change how many meetings a place holds at once."""
    event = event_for_organizer(slug)
    place = _place(event, place_id)
    form = CapacityForm()
    if not form.validate_on_submit():
        flash("Meetings at once: a whole number between 1 and 500.", "error")
        return _back(event, "places")
    try:
        meeting_setup.set_capacity(get_session(), place, int(form.capacity.data or 1))
    except SetupError as exc:
        flash(str(exc), "error")
    else:
        flash(f"{place.name} now holds {place.capacity} meeting(s) at once.", "success")
    return _back(event, "places")


@bp.post("/events/<slug>/meetings/places/<int:place_id>/remove")
@organizer_required
def meetings_remove_place(slug: str, place_id: int) -> Any:
    """Remove a place nobody is booked at."""
    event = event_for_organizer(slug)
    place = _place(event, place_id)
    if EmptyForm().validate_on_submit():
        name = place.name
        try:
            meeting_setup.remove_place(get_session(), place)
        except SetupError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Removed {name}.", "success")
    return _back(event, "places")


@bp.get("/events/<slug>/meetings.csv")
@organizer_required
def meetings_csv(slug: str) -> Response:
    """Download the meeting schedule as CSV (UTF-8 with BOM, formula-safe), streamed."""
    event = event_for_organizer(slug)
    return Response(
        _streamed_csv(event.id, schedule_rows, SCHEDULE_HEADERS),
        mimetype="text/csv",
        headers=_attachment(schedule_filename(event, "csv")),
    )


@bp.get("/events/<slug>/meetings.xlsx")
@organizer_required
def meetings_xlsx(slug: str) -> Response:
    """Download the meeting schedule as an Excel workbook."""
    event = event_for_organizer(slug)
    buffer = io.BytesIO()
    write_xlsx(
        schedule_rows(get_session(), event), buffer, title="Meetings", columns=SCHEDULE_COLUMNS
    )
    return Response(
        buffer.getvalue(),
        mimetype=CONTENT_TYPES["xlsx"],
        headers=_attachment(schedule_filename(event, "xlsx")),
    )


@bp.get("/events/<slug>/table-signs.pdf")
@organizer_required
def meetings_signs(slug: str) -> Any:
    """Printable table signs, one folded tent card per place (?paper=a4 or letter)."""
    event = event_for_organizer(slug)
    try:
        pdf = event_signs_pdf(get_session(), event, request.args.get("paper", "a4").lower())
    except SignError as exc:
        flash(str(exc), "error")
        return _back(event, "downloads")
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={**PRIVATE, **_attachment(f"table-signs-{slug}.pdf")},
    )
