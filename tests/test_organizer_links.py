"""Imported attendees receive their private link by email when SMTP is configured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from web.queue import wait_for_jobs

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
LINK = re.compile(r"https://meet\.example\.org/m/([A-Za-z0-9_-]{40,})")


@pytest.fixture
def mail_app(app_factory, fake_encoder, smtp_server):  # type: ignore[no-untyped-def]
    port, inbox = smtp_server
    app = app_factory(
        encoder=fake_encoder,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        PUBLIC_BASE_URL="https://meet.example.org",
    )
    yield app, inbox
    wait_for_mail(app)


def wait_for_mail(app) -> None:  # type: ignore[no-untyped-def]
    wait_for_jobs(app)


def commit_upload(client, name: str, send_links: bool):  # type: ignore[no-untyped-def]
    with (FIXTURES / name).open("rb") as fh:
        response = client.post(
            "/organizer/events/climate/import",
            data={"file": (fh, name)},
            content_type="multipart/form-data",
        )
    preview_url = response.headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    data = {"action": "commit", "seen": re.search(r'name="seen"[^>]*value="([^"]*)"', page)[1]}
    for select, body in re.findall(r'<select[^>]*name="(col_\d+)"[^>]*>(.*?)</select>', page, re.S):
        data[select] = re.search(r'<option selected value="([^"]*)"', body)[1]
    assert 'name="send_links"' in page
    if send_links:
        data["send_links"] = "y"
    return client.post(preview_url, data=data)


def test_new_attendees_get_their_private_link_once(  # type: ignore[no-untyped-def]
    mail_app, make_event, login, open_private_link, make_organizer
) -> None:
    app, inbox = mail_app
    make_event(app, make_organizer(app))
    client = app.test_client()
    login(client)
    response = commit_upload(client, "generic.csv", send_links=True)
    assert response.status_code == 302
    wait_for_mail(app)
    assert sorted(m["To"] for m in inbox.messages) == [
        "alan@example.ac.uk",
        "grace@example.edu",
        "katherine@example.gov",
    ]
    grace = next(m for m in inbox.messages if m["To"] == "grace@example.edu")
    assert "Climate Summit" in grace["Subject"] and "Hi Grace Hopper" in grace.get_content()
    token = LINK.search(grace.get_content())
    assert token, grace.get_content()
    # The link opens Grace's page (and the organizer never saw it).
    attendee_client = app.test_client()
    opened = open_private_link(attendee_client, token[1])
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/e/climate/me")
    assert token[1] not in client.get("/organizer/events/climate").get_data(as_text=True)

    # Importing the same people again sends nothing more.
    commit_upload(client, "generic.csv", send_links=True)
    wait_for_mail(app)
    assert len(inbox.messages) == 3


def test_links_are_not_sent_when_the_organizer_unticks_the_box(  # type: ignore[no-untyped-def]
    mail_app, make_event, login, make_organizer
) -> None:
    app, inbox = mail_app
    make_event(app, make_organizer(app))
    client = app.test_client()
    login(client)
    assert commit_upload(client, "generic.csv", send_links=False).status_code == 302
    wait_for_mail(app)
    assert inbox.messages == []


def test_import_command_sends_links_on_request(mail_app, make_event) -> None:  # type: ignore[no-untyped-def]
    app, inbox = mail_app
    make_event(app, None)
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["import", "climate", str(FIXTURES / "luma_guests_api_id.csv"), "--send-links"]
    )
    assert result.exit_code == 0, result.output
    assert "Emailed 3 of 3 private links." in result.output
    assert {m["To"] for m in inbox.messages} == {
        "maya@example.com",
        "tom.becker@example.com",
        "noah@example.com",
    }


def test_send_links_without_smtp_says_what_to_set(app, runner, make_event) -> None:  # type: ignore[no-untyped-def]
    make_event(app, None)
    result = runner.invoke(
        args=["import", "climate", str(FIXTURES / "generic.csv"), "--send-links"]
    )
    assert (
        result.exit_code != 0
        and "SMTP_HOST" in result.output
        and "PUBLIC_BASE_URL" in result.output
    )
