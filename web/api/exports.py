"""Exports: the suggested introductions as JSON, CSV and XLSX; speed-networking rounds."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from flask import Response

from models import Attendee, Event, RoundAssignment
from web.api import bp
from web.api.attendee_input import invalid
from web.api.core import ApiError, event_for_key, json_body
from web.db import get_session
from web.extensions import get_matcher
from web.services import rounds as rounds_glue
from web.services.exporting import (
    CONTENT_TYPES,
    HEADERS,
    csv_chunks,
    export_filename,
    introduction_rows,
    write_xlsx,
)


def json_key(header: str) -> str:
    """The JSON key of an export column: "Suggested person's email" -> suggested_person_email."""
    return re.sub(r"[^a-z0-9]+", "_", header.lower().replace("'s ", " ")).strip("_")


# The JSON keys of the export's columns, in HEADERS order (the export may gain columns).
INTRO_KEYS = [json_key(h) for h in HEADERS]
EMAIL_KEYS = [k for k in INTRO_KEYS if k.endswith("email")]


def _download(data: bytes, event: Event, fmt: str) -> Response:
    response = Response(data, mimetype=CONTENT_TYPES[fmt].split(";")[0])
    if fmt == "csv":
        response.headers["Content-Type"] = CONTENT_TYPES["csv"]
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{export_filename(event, fmt)}"'
    )
    return response


@bp.get("/events/<slug>/introductions")
def introductions_json(slug: str) -> Any:
    """Every suggested introduction of the event, one object per row of the export.

    The suggested person's email is null unless they agreed to share it; people who chose
    not to be listed are never suggested.
    """
    event = event_for_key(slug)
    data = []
    for row in introduction_rows(get_session(), event):
        item: dict[str, Any] = dict(zip(INTRO_KEYS, row, strict=True))
        for key in EMAIL_KEYS:  # no email (not shared): null rather than ""
            item[key] = item[key] or None
        data.append(item)
    return {"data": data}


@bp.get("/events/<slug>/introductions.csv")
def introductions_csv(slug: str) -> Response:
    """The introductions as CSV (UTF-8 with BOM, formulas neutralised), like the console's."""
    event = event_for_key(slug)
    text = "".join(csv_chunks(introduction_rows(get_session(), event)))
    return _download(text.encode("utf-8"), event, "csv")


@bp.get("/events/<slug>/introductions.xlsx")
def introductions_xlsx(slug: str) -> Response:
    """The introductions as an XLSX workbook, like the console's."""
    event = event_for_key(slug)
    buffer = io.BytesIO()
    write_xlsx(introduction_rows(get_session(), event), buffer, title=event.name)
    return _download(buffer.getvalue(), event, "xlsx")


def _schedule(event: Event) -> dict[str, Any]:
    rows = get_session().execute(
        sa.select(RoundAssignment, Attendee)
        .join(Attendee, Attendee.id == RoundAssignment.attendee_id)
        .where(RoundAssignment.event_id == event.id)
        .order_by(RoundAssignment.round_number, RoundAssignment.table_number, Attendee.id)
    )
    tables: dict[int, dict[int, list[dict[str, Any]]]] = defaultdict(dict)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for assignment, person in rows:
        member = {
            "id": person.id,
            "name": person.name,
            "email": person.email,
            "external_id": person.external_id,
        }
        number = assignment.round_number
        if assignment.table_number is None:
            out[number].append(member)
        else:
            tables[number].setdefault(assignment.table_number, []).append(member)
    rounds = [
        {
            "number": number,
            "tables": [
                {"number": t, "people": people} for t, people in sorted(tables[number].items())
            ],
            "sitting_out": out.get(number, []),
        }
        for number in sorted(set(tables) | set(out))
    ]
    return {"rounds": rounds}


@bp.get("/events/<slug>/rounds")
def get_rounds(slug: str) -> Any:
    """The stored speed-networking schedule: per round, who sits at which table, who sits out."""
    return _schedule(event_for_key(slug))


@bp.get("/events/<slug>/rounds.csv")
def rounds_csv(slug: str) -> Response:
    """The schedule as CSV: one row per attendee per round, like the console's download."""
    event = event_for_key(slug)
    rows = rounds_glue.schedule_rows(get_session(), event)
    text = "".join(csv_chunks(rows, rounds_glue.SCHEDULE_HEADERS))
    response = Response(text.encode("utf-8"), content_type=CONTENT_TYPES["csv"])
    response.headers["Content-Disposition"] = f'attachment; filename="rounds-{event.slug}.csv"'
    return response


@bp.post("/events/<slug>/rounds")
def plan_rounds(slug: str) -> Any:
    """Plan `rounds` rounds on `tables` tables (replacing the schedule) and return it."""
    event = event_for_key(slug)
    body = json_body()
    if not isinstance(body, dict):
        raise invalid("body", "Send an object with `rounds` and `tables`.")
    unknown = sorted(set(body) - {"rounds", "tables", "seed"})
    if unknown:
        raise invalid(unknown[0][:60], f"Unknown field “{unknown[0][:40]}”.")
    limits = {
        "rounds": rounds_glue.MAX_ROUNDS,
        "tables": rounds_glue.MAX_TABLES,
        "seed": 2**31 - 1,
    }
    values: dict[str, int] = {}
    for name, high in limits.items():
        value = body.get(name, 0 if name == "seed" else None)
        low = 0 if name == "seed" else 1
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise invalid(name, f"`{name}` must be a whole number from {low} to {high}.")
        values[name] = value
    try:
        rounds_glue.plan_event_rounds(
            get_session(),
            get_matcher(),
            event,
            values["rounds"],
            values["tables"],
            seed=values["seed"],
        )
    except rounds_glue.RoundsError as exc:
        raise ApiError(400, "cannot_plan", str(exc)) from None
    return _schedule(event), 201
