"""Downloads in the organizer console and on the command line: exports and badges."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import require_tool

from web.services.exporting import HEADERS


@pytest.fixture
def event_id(app, add_people, add_suggestion, make_event, make_organizer) -> int:  # type: ignore[no-untyped-def]
    """An organizer's event with three attendees and two suggestions."""
    event_id = make_event(app, make_organizer(app), slug="climate")
    ids = add_people(
        app,
        event_id,
        [
            {"name": "Ada Lovelace", "email": "ada@example.org"},
            {"name": "Ben Okafor", "email": "ben@example.org", "share_email": True},
            {"name": "=cmd|' /C calc'!A0", "email": "evil@example.org"},
        ],
    )
    ada, ben, evil = ids.values()
    add_suggestion(app, event_id, ada, ben, 1, 0.9, reasons=["You both listed chess."])
    add_suggestion(app, event_id, ada, evil, 2, 0.4, reasons=["You both listed poetry."])
    return event_id


def test_organizer_downloads_csv_and_xlsx(app, client, event_id: int, login) -> None:  # type: ignore[no-untyped-def]
    login(client)
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "/organizer/events/climate/export.xlsx" in page
    assert "/organizer/events/climate/badges.pdf?paper=letter" in page

    response = client.get("/organizer/events/climate/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert 'filename="introductions-climate.csv"' in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == HEADERS and len(rows) == 3
    assert rows[1][4] == "Ben Okafor" and rows[1][5] == "ben@example.org"
    assert rows[2][4] == "'=cmd|' /C calc'!A0" and rows[2][5] == ""

    response = client.get("/organizer/events/climate/export.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data())).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADERS
    assert values[2][4] == "'=cmd|' /C calc'!A0"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_badges_download_uses_the_public_base_url(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, tmp_path, add_people, make_event, login, make_organizer
) -> None:
    app = app_factory(encoder=fake_encoder, PUBLIC_BASE_URL="https://meet.example.org")
    event_id = make_event(app, make_organizer(app), slug="climate")
    add_people(app, event_id, [{"name": "Ada Lovelace", "headline": "Engineer"}])
    client = app.test_client()
    login(client)
    response = client.get("/organizer/events/climate/badges.pdf?paper=letter")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.get_data().startswith(b"%PDF")
    pdf = tmp_path / "badges.pdf"
    pdf.write_bytes(response.get_data())
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    zbarimg = require_tool("zbarimg")
    out = subprocess.run(
        [zbarimg, "--raw", "-q", str(tmp_path / "p-1.png")], capture_output=True, text=True
    )
    assert out.stdout.strip().startswith("https://meet.example.org/b/")

    bad = client.get("/organizer/events/climate/badges.pdf?paper=a0")
    assert bad.status_code == 302


def test_other_organizers_and_visitors_get_nothing(  # type: ignore[no-untyped-def]
    app, client, event_id: int, make_organizer, login
) -> None:
    paths = [
        "/organizer/events/climate/export.csv",
        "/organizer/events/climate/export.xlsx",
        "/organizer/events/climate/badges.pdf",
        "/organizer/events/climate/rounds",
        "/organizer/events/climate/rounds.csv",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302 and "/organizer/login" in response.headers["Location"]
    make_organizer(app, email="other@example.org")
    login(client, email="other@example.org")
    for path in paths:
        assert client.get(path).status_code == 404


def test_export_command_writes_csv_and_xlsx(app, runner, event_id: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "intro.csv"
    result = runner.invoke(args=["export", "climate", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 2 suggested introductions" in result.output
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == HEADERS and len(rows) == 3

    xlsx = tmp_path / "intro.xlsx"
    result = runner.invoke(args=["export", "climate", "--format", "xlsx", "-o", str(xlsx)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.max_row == 3

    # Without --format, the file's extension decides.
    guessed = tmp_path / "guessed.XLSX"
    assert runner.invoke(args=["export", "climate", "-o", str(guessed)]).exit_code == 0
    assert openpyxl.load_workbook(guessed).active.max_row == 3

    result = runner.invoke(args=["export", "nope", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 1 and "no event with the short name 'nope'" in result.output
    assert not (tmp_path / "x.csv").exists()
    result = runner.invoke(args=["export", "climate", "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 2


def test_badges_command_needs_a_base_url_and_writes_the_pdf(
    app, runner, event_id: int, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "badges.pdf"
    result = runner.invoke(args=["badges", "climate", "-o", str(out)])
    assert result.exit_code == 1
    assert "PUBLIC_BASE_URL" in result.output and not out.exists()
    result = runner.invoke(
        args=[
            "badges",
            "climate",
            "-o",
            str(out),
            "--paper",
            "letter",
            "--base-url",
            "https://x.org",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote 3 badges on LETTER paper" in result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_a_misconfigured_base_url_is_explained_not_printed(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, add_people, make_event, login, make_organizer
) -> None:
    app = app_factory(encoder=fake_encoder, PUBLIC_BASE_URL="meet.example.org")
    event_id = make_event(app, make_organizer(app), slug="climate")
    add_people(app, event_id, [{"name": "Ada Lovelace"}])
    client = app.test_client()
    login(client)
    response = client.get("/organizer/events/climate/badges.pdf", follow_redirects=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Badges need the public address attendees will open" in response.text
