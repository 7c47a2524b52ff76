"""Exports of suggested introductions: rows, consent, formula safety, CSV and XLSX files."""

from __future__ import annotations

import csv
import io
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest
from conftest import require_tool

from models import Event
from web.services.exporting import (
    HEADERS,
    csv_chunks,
    export_event,
    introduction_rows,
    neutralise,
    safe_rows,
)

EVIL_NAME = '=HYPERLINK("http://x","y")'


@pytest.fixture
def event_id(app, make_event, add_people, add_suggestion) -> int:  # type: ignore[no-untyped-def]
    """Ada, Ben (shares email), Zoë, an evil name, and Dan who chose not to be listed."""
    event_id = make_event(app, None, name="Climate Summit 2026")
    ids = add_people(
        app,
        event_id,
        [
            {"name": "Ada Lovelace", "email": "ada@example.org", "external_id": "EB-1001"},
            {"name": "Ben Okafor", "email": "ben@example.org", "share_email": True},
            {"name": "Zoë Ærøskøbing", "email": "zoe@example.org"},
            {"name": EVIL_NAME, "email": "evil@example.org", "headline": "+1 555"},
            {"name": "Dan Hidden", "email": "dan@example.org", "listed": False},
        ],
    )
    ada, ben, zoe, evil, dan = ids.values()
    add_suggestion(
        app,
        event_id,
        ada,
        ben,
        1,
        0.8731,
        shared=[("marathons", "trail running"), ("carbon capture", "Carbon capture")],
        complements=[("a", "a technical co-founder", "backend engineering")],
        reasons=["You both run long distances", "Ben offers what you look for."],
        starters=["What got you into trail running?", "Second starter"],
    )
    add_suggestion(app, event_id, ada, zoe, 2, 0.61, shared=[("Ökologie", "ecology")])
    add_suggestion(
        app,
        event_id,
        ben,
        evil,
        1,
        0.5,
        reasons=["-not a formula"],
        starters=["@SUM(A1:A2)", "\tTabbed"],
        complements=[("b", "=1+1", "+cmd")],
    )
    # A suggestion of an unlisted person must never be exported (defence in depth).
    add_suggestion(app, event_id, zoe, dan, 1, 0.9, reasons=["hidden"])
    add_suggestion(app, event_id, dan, ada, 1, 0.7, reasons=["Dan may receive suggestions"])
    return event_id


def rows_of(app, event_id: int) -> list[list]:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return list(introduction_rows(session, session.get(Event, event_id)))


def test_one_row_per_suggestion_with_consented_emails_only(app, event_id: int) -> None:  # type: ignore[no-untyped-def]
    rows = {(r[0], r[4]): dict(zip(HEADERS, r, strict=True)) for r in rows_of(app, event_id)}
    assert set(rows) == {
        ("Ada Lovelace", "Ben Okafor"),
        ("Ada Lovelace", "Zoë Ærøskøbing"),
        ("Ben Okafor", EVIL_NAME),
        ("Dan Hidden", "Ada Lovelace"),
    }
    ada_ben = rows[("Ada Lovelace", "Ben Okafor")]
    assert ada_ben == {
        "Attendee": "Ada Lovelace",
        "Attendee email": "ada@example.org",
        "Registration key": "EB-1001",
        "Rank": 1,
        "Suggested person": "Ben Okafor",
        "Suggested person's email": "ben@example.org",  # Ben agreed to share it
        "Score": 0.873,
        "Shared interests": "marathons ↔ trail running; carbon capture",
        "Complementary goals": (
            "Ada looks for a technical co-founder ↔ Ben offers backend engineering"
        ),
        "Reason": "You both run long distances. Ben offers what you look for.",
        "Conversation starter": "What got you into trail running?",
        "Attendee listed": "yes",
    }
    ada_zoe = rows[("Ada Lovelace", "Zoë Ærøskøbing")]
    assert ada_zoe["Suggested person's email"] == ""  # Zoë did not agree
    assert ada_zoe["Rank"] == 2 and ada_zoe["Shared interests"] == "Ökologie ↔ ecology"
    assert rows[("Ben Okafor", EVIL_NAME)]["Registration key"] == "ben@example.org"
    assert all(r["Suggested person"] != "Dan Hidden" for r in rows.values())
    assert all(
        "dan@example.org" not in r.values() for r in rows.values() if r["Attendee"] != "Dan Hidden"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1 555", "'+1 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =cmd", "'  =cmd"),
        ("Ada", "Ada"),
        ("a=b", "a=b"),
        ("", ""),
        (0.5, 0.5),
        (3, 3),
    ],
)
def test_cells_a_spreadsheet_could_run_are_neutralised(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert neutralise(value) == expected


def test_csv_has_a_bom_and_every_risky_cell_is_text(app, event_id: int) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    with app.extensions["cg_sessions"]() as session:
        assert export_event(session, session.get(Event, event_id), "csv", out) == 4
    data = out.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert parsed[0] == HEADERS
    assert len(parsed) == 5
    assert "Zoë Ærøskøbing" in data.decode("utf-8-sig")
    for row in parsed[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    evil = next(r for r in parsed if r[4].endswith(EVIL_NAME))
    assert evil[4] == "'" + EVIL_NAME
    assert evil[9] == "'-not a formula."
    assert evil[10] == "'@SUM(A1:A2)"


def test_csv_streams_in_chunks_for_large_exports() -> None:
    rows = [
        [f"Person {i}", f"p{i}@x.org", "", 1, "Other", "", 0.5, "", "", "", ""] for i in range(1200)
    ]
    chunks = list(csv_chunks(rows))
    assert len(chunks) >= 3
    assert len(list(csv.reader(io.StringIO("".join(chunks)[1:])))) == 1201


def libreoffice_to_csv(xlsx: Path, tmp_path: Path) -> list[list[str]]:
    """Convert with headless LibreOffice (private profile) and read the UTF-8 CSV back."""
    soffice = require_tool("soffice")
    profile = tmp_path / f"lo-{uuid.uuid4().hex[:8]}"
    outdir = tmp_path / "converted"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(outdir),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = outdir / (xlsx.stem + ".csv")
    with converted.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_xlsx_opened_by_libreoffice_shows_exactly_what_was_written(
    app, event_id: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    xlsx = tmp_path / "introductions.xlsx"
    with app.extensions["cg_sessions"]() as session, xlsx.open("wb") as fh:
        event = session.get(Event, event_id)
        export_event(session, event, "xlsx", fh)
        expected = [[str(v) for v in row] for row in safe_rows(introduction_rows(session, event))]

    # openpyxl sees text cells, never formulas.
    sheet = openpyxl.load_workbook(xlsx).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)

    cells = libreoffice_to_csv(xlsx, tmp_path)
    # LibreOffice writes a tab-started cell's tab and a CR as they are; compare exactly.
    assert cells == expected
    evil_row = next(r for r in cells if EVIL_NAME in r[4])
    assert evil_row[4] == "'" + EVIL_NAME  # text, not a link
    assert cells[1][0] == "Ada Lovelace" and cells[1][6] == "0.873"


def test_export_after_a_real_matching_run_keeps_consent_and_gives_reasons(  # type: ignore[no-untyped-def]
    app, make_event, add_people
) -> None:
    from web.extensions import get_matcher
    from web.services.matching import refresh_suggestions

    topics = ["urban beekeeping", "carbon capture", "trail running", "chess", "open source"]
    people = [
        {
            "name": f"Person {i}",
            "interests": [topics[i % 5], topics[(i + 1) % 5]],
            "personal_interests": [topics[(i + 2) % 5]],
            "listed": i % 4 != 3,
            "share_email": i % 2 == 0,
        }
        for i in range(12)
    ]
    event_id = make_event(app, None, name="Climate Summit 2026")
    add_people(app, event_id, people)
    with app.app_context(), app.extensions["cg_sessions"]() as session:
        event = session.get(Event, event_id)
        assert refresh_suggestions(session, get_matcher(), event) > 0
        session.commit()
        rows = [dict(zip(HEADERS, r, strict=True)) for r in introduction_rows(session, event)]
    unlisted = {f"Person {i}" for i in range(12) if i % 4 == 3}
    sharing = {f"Person {i}": f"person{i}@example.org" for i in range(12) if i % 2 == 0}
    assert rows
    assert {r["Attendee"] for r in rows} & unlisted  # they still receive suggestions
    for row in rows:
        assert row["Suggested person"] not in unlisted
        assert row["Suggested person's email"] == sharing.get(row["Suggested person"], "")
        assert row["Reason"] and row["Conversation starter"]
        assert 0 <= row["Score"] <= 1


def test_xlsx_survives_control_characters_huge_cells_and_odd_event_names(tmp_path: Path) -> None:
    from web.services.exporting import write_xlsx

    row = ["Ada\x00\x07 Lovelace", "a@x.org", "k", 1, "Ben", "", 0.5, "x" * 40000, "", "", ""]
    xlsx = tmp_path / "odd.xlsx"
    with xlsx.open("wb") as fh:
        write_xlsx([row], fh, title="Bob's [Summit]: 2026/27 and a very long name")
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    assert sheet.title == "Bob's  Summit   2026 27 and a v"
    assert sheet["A2"].value == "Ada Lovelace"
    assert len(sheet["H2"].value) == 32767 and sheet["H2"].value.endswith("…")
