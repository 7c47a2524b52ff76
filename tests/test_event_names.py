"""An event's name is one line of plain text, and a strange one never breaks a sign-up.

Issue 14, finding 7: a name with CR/LF, stored by the organizer, made every sign-up a
500 once SMTP was on (the attendee row saved, no mail).
"""

from __future__ import annotations

from fixtures_attendee import profile

from models import Event
from web.queue import wait_for_jobs

BROKEN = "Climate Summit\r\nBcc: everyone@example.org\u202e"


def _event_name(app, slug: str) -> str:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        return session.query(Event).filter_by(slug=slug).one().name


def test_event_names_are_one_line_from_the_console_and_the_cli(
    app, client, make_organizer, login
) -> None:
    make_organizer(app)
    login(client)
    form = {"name": BROKEN, "slug": "climate", "suggestions_per_attendee": "5", "signup_open": "y"}
    assert client.post("/organizer/events/new", data=form).status_code == 302
    assert _event_name(app, "climate") == "Climate Summit Bcc: everyone@example.org"
    edited = client.post("/organizer/events/climate/edit", data=form | {"name": "A\nB\x00"})
    assert edited.status_code == 302
    assert _event_name(app, "climate") == "A B"
    result = app.test_cli_runner().invoke(args=["create-event", "summit", "--name", BROKEN])
    assert result.exit_code == 0, result.output
    assert _event_name(app, "summit") == "Climate Summit Bcc: everyone@example.org"
    blank = client.post("/organizer/events/new", data=form | {"name": "\r\n\u200b", "slug": "x"})
    assert blank.status_code == 400 and "Give the event a name" in blank.get_data(as_text=True)


def test_a_stored_name_with_a_line_break_never_breaks_a_sign_up(
    app_factory, fake_encoder, smtp_server, make_event, list_attendees
) -> None:
    port, inbox = smtp_server
    app = app_factory(
        encoder=fake_encoder,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        PUBLIC_BASE_URL="https://meet.example.org",
    )
    make_event(app, None, slug="conf", name=BROKEN)  # as an older version stored it
    response = app.test_client().post("/e/conf/join", data=profile())
    assert response.status_code == 303
    wait_for_jobs(app)
    assert [a.email for a in list_attendees(app)] == ["ada@example.org"]
    (mail,) = inbox.messages
    assert mail["Subject"] == "Your private link for Climate Summit Bcc: everyone@example.org"
    assert mail["Bcc"] is None and mail["To"] == "ada@example.org"
