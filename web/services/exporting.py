"""Exports of suggested introductions: one row per suggestion, as CSV or XLSX.

Every text cell that a spreadsheet could run as a formula is neutralised, the CSV is
UTF-8 with a byte-order mark (so Excel reads accents), and a suggested person's email
is filled in only where they agreed to share it.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

import sqlalchemy as sa
import xlsxwriter
from sqlalchemy.orm import Session, aliased

from matcher import CommonGround, wording
from models import Attendee, Event, Suggestion

log = logging.getLogger(__name__)

# (header, column width in the XLSX)
COLUMNS: list[tuple[str, int]] = [
    ("Attendee", 24),
    ("Attendee email", 30),
    ("Registration key", 22),
    ("Rank", 6),
    ("Suggested person", 24),
    ("Suggested person's email", 30),
    ("Score", 8),
    ("Shared interests", 40),
    ("Complementary goals", 48),
    ("Reason", 60),
    ("Conversation starter", 60),
    # Attendees who chose not to be listed still get suggestions; the organizer sees it.
    ("Attendee listed", 16),
]
HEADERS = [name for name, _ in COLUMNS]
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# A cell starting with one of these may be run as a formula (or DDE) by a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot carry these control characters; spreadsheets refuse the file.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_CELL_LIMIT = 32767
NOT_LISTED = "no (not suggested to others)"

Cell = str | int | float


def neutralise(value: Cell) -> Cell:
    """`value`, with a leading single quote when a spreadsheet could run it as a formula.

    Leading spaces do not hide a trigger: " =1+1" is neutralised too.
    """
    if isinstance(value, str) and (
        value.startswith(FORMULA_TRIGGERS) or value.lstrip(" ").startswith(FORMULA_TRIGGERS)
    ):
        return "'" + value
    return value


def registration_key(attendee: Attendee) -> str:
    """The key an organizer joins back on: the registration system's id, else the email."""
    return attendee.external_id or attendee.email


def introduction_rows(session: Session, event: Event) -> Iterator[list[Cell]]:
    """One row per stored suggestion of `event`, in `HEADERS` order (not yet neutralised).

    Attendees who chose not to be listed never appear as the suggested person; their
    own rows say so in "Attendee listed".
    """
    person = aliased(Attendee)
    other = aliased(Attendee)
    stmt = (
        sa.select(Suggestion, person, other)
        .join(person, person.id == Suggestion.attendee_id)
        .join(other, other.id == Suggestion.other_id)
        .where(Suggestion.event_id == event.id, other.listed.is_(True))
        .order_by(sa.func.lower(person.name), person.id, Suggestion.rank)
        .execution_options(yield_per=1000)
    )
    for suggestion, a, b in session.execute(stmt):
        assert b.listed, "an unlisted attendee must never be suggested"
        cg = CommonGround.from_dict(suggestion.detail or {})
        starters = [s.strip() for s in cg.starters if s.strip()]
        yield [
            a.name,
            a.email,
            registration_key(a),
            suggestion.rank,
            b.name,
            b.email if b.share_email else "",
            round(float(suggestion.score), 3),
            wording.shared_text(cg),
            wording.complements_text(cg, a.name, b.name),
            wording.reason_text(cg),
            starters[0] if starters else "",
            "yes" if a.listed else NOT_LISTED,
        ]


def safe_rows(
    rows: Iterable[Sequence[Cell]], headers: Sequence[str] = tuple(HEADERS)
) -> Iterator[list[Cell]]:
    """The header row, then `rows`, every cell neutralised."""
    yield list(headers)
    for row in rows:
        yield [neutralise(v) for v in row]


def csv_chunks(
    rows: Iterable[Sequence[Cell]], headers: Sequence[str] = tuple(HEADERS)
) -> Iterator[str]:
    """The CSV text in chunks (BOM first) for a streamed download; rows are neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    for n, row in enumerate(safe_rows(rows, headers), start=1):
        writer.writerow(row)
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_csv(rows: Iterable[list[Cell]], out: IO[str]) -> None:
    """Write the CSV (UTF-8 text with BOM) to a text stream opened with newline=""."""
    for chunk in csv_chunks(rows):
        out.write(chunk)


def _xlsx_text(value: str) -> str:
    value = _ILLEGAL_XML.sub("", value)
    if len(value) > XLSX_CELL_LIMIT:
        value = value[: XLSX_CELL_LIMIT - 1] + "…"
    return value


def _sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, no edge apostrophes, 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", title).strip(" '")[:31].strip(" '") or "Introductions"


def write_xlsx(
    rows: Iterable[list[Cell]],
    out: IO[bytes],
    title: str = "Introductions",
    columns: Sequence[tuple[str, int]] = tuple(COLUMNS),
) -> None:
    """Write the XLSX workbook (one sheet, text cells stored as text) to a binary stream.

    `columns` are the (header, width) pairs; the introductions' by default.

    XlsxWriter in constant-memory mode writes row by row, so large events fit in
    bounded memory; text is always written as text, never as a formula or a link.
    """
    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    sheet = workbook.add_worksheet(_sheet_title(title))
    bold = workbook.add_format({"bold": True})
    for index, (_, width) in enumerate(columns):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    last = 0
    for r, row in enumerate(safe_rows(rows, [name for name, _ in columns])):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, _xlsx_text(value), bold if r == 0 else None)
            else:
                sheet.write_number(r, c, value)
        last = r
    sheet.autofilter(0, 0, last, len(columns) - 1)
    workbook.close()


def export_event(session: Session, event: Event, fmt: str, out: IO[bytes]) -> int:
    """Write `event`'s introductions as `fmt` ("csv" or "xlsx") to `out`; returns the rows."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: choose csv or xlsx.")
    counted = 0

    def counting() -> Iterator[list[Cell]]:
        nonlocal counted
        for row in introduction_rows(session, event):
            counted += 1
            yield row

    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        write_csv(counting(), text)
        text.flush()
        text.detach()
    else:
        write_xlsx(counting(), out, title=event.name)
    log.info("event %s: exported %d introductions as %s", event.slug, counted, fmt)
    return counted


def export_filename(event: Event, fmt: str) -> str:
    """The download's file name, e.g. "introductions-devconf.xlsx"."""
    return f"introductions-{event.slug}.{fmt}"
