"""J4: my contacts, drafted follow-ups, follow-up state, exports, reminder emails."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa
import vobject
from conftest import free_port
from fixtures_attendee import assert_csp_clean
from flask import Flask

from matcher.followup import draft_follow_up, note_line
from matcher.types import CommonGround, Complement, Profile, SharedItem, Tie
from models import Contact, Job, utcnow
from web.queue import job_backend, wait_for_jobs
from web.tasks import MAIL_ATTEMPTS

ADA = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "interests": "carbon capture; compilers",
    "personal_interests": "chess",
}
BEN = {
    "name": "Benoît Ngô, Jr.",
    "email": "ben@example.org",
    "headline": "Engineer; climate, soil",
    "interests": "carbon capture; soil science",
    "personal_interests": "chess",
    "about": "",
    "links": "",
}
EVIL = {
    "name": '=HYPERLINK("http://evil.example","click")',
    "email": "eve@example.org",
    "interests": "carbon capture",
    "share_email": "y",
}


def save(client, token: str, note: str = "") -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"/b/{token}/save", data={"note": note})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


@pytest.fixture
def setup_people(make_public_event, sign_up, list_attendees):  # type: ignore[no-untyped-def]
    """`setup_people(app)`: Ada saved Ben (no consent) and Eve (consent); returns clients and
    attendees."""

    def setup_people(app: Flask):  # type: ignore[no-untyped-def]
        make_public_event(app)
        ada, ben, eve = app.test_client(), app.test_client(), app.test_client()
        sign_up(ada, **ADA)
        sign_up(ben, **BEN)
        sign_up(eve, **EVIL)
        a, b, e = list_attendees(app)
        save(ada, b.badge_token, "talked about soil carbon markets")
        save(ada, e.badge_token, "=1+1 sounds odd")
        return ada, ben, eve, a, b, e

    return setup_people


def set_follow_up(app: Flask, **changes) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.update(Contact).values(**changes))
        session.commit()


def contacts(app: Flask) -> list[Contact]:
    with app.extensions["cg_sessions"]() as session:
        return list(session.scalars(sa.select(Contact).order_by(Contact.id)))


# --- the page -------------------------------------------------------------------


def test_my_contacts_lists_notes_drafts_and_follow_up_state(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    ada, *_ = setup_people(app)
    response = ada.get("/e/conf/me/contacts")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Benoît Ngô, Jr." in html and "talked about soil carbon markets" in html
    assert "Hi Benoît," in html and "carbon capture" in html and "coffee" in html
    assert "I really enjoyed our chat about soil carbon markets." in html
    assert html.count("To follow up") == 2 and "Follow up by" in html
    assert "eve@example.org" in html  # consented on exchange
    assert "ben@example.org" not in html
    assert "mailto:eve%40example.org" in html or "mailto:eve@example.org" in html
    assert_csp_clean(html)


def test_follow_up_turns_overdue_and_can_be_marked_done(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    ada, *_ = setup_people(app)
    set_follow_up(app, follow_up_by=utcnow() - dt.timedelta(hours=1))
    assert ada.get("/e/conf/me/contacts").get_data(as_text=True).count(">Overdue<") == 2
    first = contacts(app)[0]
    done = ada.post(f"/e/conf/me/contacts/{first.id}/done", data={"done": "1"})
    assert done.status_code == 302
    assert contacts(app)[0].followed_up_at is not None
    html = ada.get("/e/conf/me/contacts").get_data(as_text=True)
    assert html.count(">Overdue<") == 1 and ">Done<" in html
    ada.post(f"/e/conf/me/contacts/{first.id}/done", data={"done": "0"})
    assert contacts(app)[0].followed_up_at is None


def test_nobody_else_can_touch_my_contacts(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    _, ben, *_ = setup_people(app)
    first = contacts(app)[0]
    assert ben.post(f"/e/conf/me/contacts/{first.id}/done", data={"done": "1"}).status_code == 404
    assert app.test_client().get("/e/conf/me/contacts").status_code == 403
    assert app.test_client().get("/e/conf/me/contacts.vcf").status_code == 403
    assert contacts(app)[0].followed_up_at is None


def test_my_page_shows_the_contacts_panel(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    ada, *_ = setup_people(app)
    html = ada.get("/e/conf/me").get_data(as_text=True)
    assert "My contacts" in html and "2 saved" in html and "2 to follow up" in html


# --- exports --------------------------------------------------------------------


def test_vcard_export_parses_with_accents_commas_and_consented_emails_only(  # type: ignore[no-untyped-def]
    app, setup_people
) -> None:
    ada, *_ = setup_people(app)
    response = ada.get("/e/conf/me/contacts.vcf")
    assert response.status_code == 200 and response.mimetype == "text/vcard"
    assert "attachment" in response.headers["Content-Disposition"]
    cards = {c.fn.value: c for c in vobject.readComponents(response.get_data(as_text=True))}
    assert set(cards) == {"Benoît Ngô, Jr.", EVIL["name"]}
    ben = cards["Benoît Ngô, Jr."]
    assert ben.version.value == "3.0"
    assert (ben.n.value.family, ben.n.value.given, ben.n.value.suffix) == ("Ngô", "Benoît", "Jr.")
    assert ben.title.value == "Engineer; climate, soil"
    assert "email" not in ben.contents
    assert "talked about soil carbon markets" in ben.note.value
    assert cards[EVIL["name"]].email.value == "eve@example.org"


def test_csv_export_survives_accents_commas_and_neutralises_formulas(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    ada, *_ = setup_people(app)
    response = ada.get("/e/conf/me/contacts.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    by_email = {row["Email"]: row for row in table}
    assert {row["Name"] for row in table} == {"Benoît Ngô, Jr.", "'" + EVIL["name"]}
    assert set(by_email) == {"", "eve@example.org"}
    assert by_email[""]["Headline"] == "Engineer; climate, soil"
    assert by_email["eve@example.org"]["Note"] == "'=1+1 sounds odd"
    assert all(row["Follow-up"] == "due" for row in table)
    for row in table:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell


# --- reminders --------------------------------------------------------------------


def test_send_reminders_emails_due_follow_ups_once(app, smtp_server, setup_people) -> None:  # type: ignore[no-untyped-def]
    port, inbox = smtp_server
    setup_people(app)  # before SMTP is on: no private-link emails in the inbox
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_FROM="Conf <noreply@example.org>")
    runner = app.test_cli_runner()
    # Saved just now: not due for a reminder yet.
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent 0 reminder" in result.output and inbox.messages == []
    # A day later the conversation is still fresh but a follow-up is due.
    set_follow_up(app, follow_up_by=utcnow() + dt.timedelta(hours=20))
    result = runner.invoke(args=["send-reminders"])
    assert "Sent 1 reminder email(s) covering 2 contact(s)" in result.output, result.output
    assert inbox.received.wait(5)
    (message,) = inbox.messages
    assert message["To"] == "ada@example.org"
    assert message["Subject"].startswith("Follow up with ") and "Conf 2026" in message["Subject"]
    body = message.get_content()
    assert "Benoît Ngô, Jr." in body and "Hi Benoît," in body and "coffee" in body
    assert "talked about soil carbon markets" in body
    assert "eve@example.org" in body and "ben@example.org" not in body
    assert all(c.reminded_at is not None for c in contacts(app))
    # Never twice.
    result = runner.invoke(args=["send-reminders"])
    assert "Sent 0 reminder" in result.output and len(inbox.messages) == 1


def test_done_follow_ups_get_no_reminder(app, smtp_server, setup_people) -> None:  # type: ignore[no-untyped-def]
    port, inbox = smtp_server
    setup_people(app)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
    set_follow_up(app, follow_up_by=utcnow() - dt.timedelta(hours=1), followed_up_at=utcnow())
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert "Sent 0 reminder" in result.output and inbox.messages == []


def _reminder_jobs(app: Flask) -> list[Job]:
    with app.extensions["cg_sessions"]() as session:
        return list(session.scalars(sa.select(Job).where(Job.name == "reminder_mail")))


def test_a_failed_reminder_is_retried_with_backoff_and_sent_once(  # type: ignore[no-untyped-def]
    app, smtp_server, setup_people
) -> None:
    setup_people(app)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())  # nobody listens
    set_follow_up(app, follow_up_by=utcnow())
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert "Sent 0 reminder" in result.output and "1 will be retried" in result.output
    (job,) = _reminder_jobs(app)
    assert (job.state, job.attempts) == ("pending", 1) and "mail server" in (job.error or "")
    wait = job.run_after.replace(tzinfo=dt.UTC) - utcnow()  # type: ignore[union-attr]
    assert dt.timedelta(seconds=30) < wait <= dt.timedelta(seconds=60), "backs off, then retries"
    # Claimed while it retries: another run does not remind twice.
    assert all(c.reminded_at is not None for c in contacts(app))
    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert "Sent 0 reminder" in result.output and len(_reminder_jobs(app)) == 1

    # The mail server is back and the backoff is over: the next sweep sends it, once.
    port, inbox = smtp_server
    app.config.update(SMTP_PORT=port)
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.update(Job).where(Job.id == job.id).values(run_after=utcnow()))
        session.commit()
    assert job_backend(app).sweep(force=True) == 1
    wait_for_jobs(app)
    (done,) = _reminder_jobs(app)
    assert (done.state, done.attempts) == ("done", 2)
    assert [m["To"] for m in inbox.messages] == ["ada@example.org"]


def test_a_reminder_that_never_goes_is_released_for_a_later_run(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    setup_people(app)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())  # nobody listens
    set_follow_up(app, follow_up_by=utcnow())
    app.test_cli_runner().invoke(args=["send-reminders"])
    (job,) = _reminder_jobs(app)
    with app.extensions["cg_sessions"]() as session:  # the last attempt is due
        session.execute(
            sa.update(Job)
            .where(Job.id == job.id)
            .values(attempts=MAIL_ATTEMPTS - 1, run_after=utcnow())
        )
        session.commit()
    job_backend(app).sweep(force=True)
    wait_for_jobs(app)
    (failed,) = _reminder_jobs(app)
    assert failed.state == "failed"
    assert all(c.reminded_at is None for c in contacts(app)), "the next run tries again"


def test_send_reminders_without_smtp_says_what_to_set(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code != 0 and "SMTP_HOST" in result.output


# --- drafted follow-ups (pure) -------------------------------------------------------


def test_a_draft_recalls_common_ground_and_note_and_suggests_coffee_tactfully() -> None:
    ana = Profile(id="1", name="Ana Lúcia Ferreira")
    jose = Profile(id="2", name="Dr. José Núñez")
    cg = CommonGround(
        score=0.6,
        shared=[SharedItem("marathons", "trail running", 0.6, "personal")],
        complements=[Complement("b", "seed funding", "intros to investors", 0.5)],
        ties=[Tie("contact", "Maria", "Maria")],
    )
    draft = draft_follow_up(ana, jose, cg, "send her the paper on soil carbon", "Climate Summit")
    assert draft.subject == "Great to meet you at Climate Summit"
    body = draft.body
    assert body.startswith("Hi José,\n\n") and body.endswith("Best,\nAna")
    assert "your trail running and my marathons" in body and "we both know Maria" in body
    assert "As promised, I'll send over the paper on soil carbon." in body
    assert "looking for seed funding" in body and "intros to investors" in body
    assert "coffee" in body and "no worries" in body
    assert "{" not in body and "  " not in body


@pytest.mark.parametrize(
    ("note", "line"),
    [
        (
            "Talked about trail races in the Alps.",
            "I really enjoyed our chat about trail races in the Alps.",
        ),
        ("intro to Maria Schmidt", "I'd still love to introduce you to Maria Schmidt."),
        ("share the deck", "As promised, I'll share the deck."),
        ("email him the slides", "As promised, I'll send over the slides."),
        ("email the slides", "As promised, I'll send over the slides."),
        ("she is hiring, follow up!", ""),
        ("great energy", ""),
        ("", ""),
    ],
)
def test_notes_that_read_as_a_shared_memory_are_recalled(note: str, line: str) -> None:
    assert note_line(note) == line


def test_a_draft_without_common_ground_still_reads_well() -> None:
    body = draft_follow_up(
        Profile(id="1", name="Kim"), Profile(id="2", name=""), CommonGround(0)
    ).body
    assert body.startswith("Hi there,") and "Thanks again for taking the time to talk." in body


def test_badges_scanned_but_not_saved_are_listed_to_come_back_to(  # type: ignore[no-untyped-def]
    app, setup_people, sign_up, list_attendees
) -> None:
    ada, *_ = setup_people(app)
    cleo = app.test_client()
    sign_up(cleo, name="Cléo Dupont", email="cleo@example.org", interests="pottery")
    c = list_attendees(app)[3]
    ada.get(f"/b/{c.badge_token}")
    html = ada.get("/e/conf/me/contacts").get_data(as_text=True)
    section = html[html.index("Scanned, not saved") :]
    assert "Cléo Dupont" in section and f"/b/{c.badge_token}" in section
    save(ada, c.badge_token)
    assert "Scanned, not saved" not in ada.get("/e/conf/me/contacts").get_data(as_text=True)


@pytest.mark.postgres
def test_contacts_page_and_exports_on_postgresql(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, postgres_url, setup_people
) -> None:
    app = app_factory(database_url=postgres_url, encoder=fake_encoder)
    ada, ben, _, a, b, _ = setup_people(app)
    ada.get(f"/b/{b.badge_token}")
    save(ben, a.badge_token, "met at lunch")
    html = ada.get("/e/conf/me/contacts").get_data(as_text=True)
    assert "ben@example.org" in html and "Hi Benoît," in html  # mutual now
    assert ada.get("/e/conf/me/contacts.vcf").status_code == 200
    assert "ben@example.org" in ada.get("/e/conf/me/contacts.csv").get_data(as_text=True)
    set_follow_up(app, follow_up_by=utcnow() - dt.timedelta(minutes=5))
    assert ">Overdue<" in ada.get("/e/conf/me/contacts").get_data(as_text=True)


def test_one_contact_downloads_as_its_own_vcard(app, setup_people) -> None:  # type: ignore[no-untyped-def]
    ada, ben, *_ = setup_people(app)
    first = contacts(app)[0]
    response = ada.get(f"/e/conf/me/contacts/{first.id}.vcf")
    assert response.status_code == 200 and response.mimetype == "text/vcard"
    (card,) = list(vobject.readComponents(response.get_data(as_text=True)))
    assert card.fn.value == "Benoît Ngô, Jr."
    assert 'filename="Benoit-Ngo-Jr.vcf"' in response.headers["Content-Disposition"]
    assert ben.get(f"/e/conf/me/contacts/{first.id}.vcf").status_code == 404
