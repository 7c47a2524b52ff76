"""Nobody gets into someone else's page: private-link emails and sign-ups with a known email.

Each test reproduces a request of the audit in issue 14 (findings 1 and 2).
"""

from __future__ import annotations

import re

import pytest
from fixtures_attendee import LINK, profile

from models import Contact, utcnow
from web.queue import wait_for_jobs

SECRET_NOTE = "Ben owes me an intro to his seed investor"
EXTRA = {"Dietary needs": "no nuts", "Badge pickup": "desk 4"}


@pytest.fixture
def ada_with_private_things(make_public_event, sign_up, list_attendees):  # type: ignore[no-untyped-def]
    """`ada_with_private_things(app)`: Ada (the owner) with a private note, a mutual contact's email
    and extra answers."""

    def _ada_with_private_things(app) -> str:  # type: ignore[no-untyped-def]
        make_public_event(app)
        token = sign_up(app.test_client(), share_email=None)
        sign_up(app.test_client(), name="Ben Okafor", email="ben@example.org", share_email="y")
        ada, ben = list_attendees(app)
        with app.extensions["cg_sessions"]() as session:
            session.add_all(
                [
                    Contact(
                        event_id=ada.event_id,
                        owner_id=ada.id,
                        other_id=ben.id,
                        note=SECRET_NOTE,
                        follow_up_by=utcnow(),
                    ),
                    Contact(
                        event_id=ada.event_id,
                        owner_id=ben.id,
                        other_id=ada.id,
                        follow_up_by=utcnow(),
                    ),
                ]
            )
            stored = session.get_one(type(ada), ada.id)
            stored.extra = EXTRA
            session.commit()
        return token

    return _ada_with_private_things


@pytest.mark.parametrize("path", ["/e/conf/me", "/e/conf/me/contacts", "/e/conf/me/data.json"])
def test_a_signup_with_a_registered_email_never_opens_that_profile(
    app, path: str, ada_with_private_things, list_attendees, open_private_link
) -> None:
    """Finding 2: without SMTP, a stranger typing Ada's email gets nothing of Ada's."""
    ada_token = ada_with_private_things(app)
    (before, _) = list_attendees(app)
    stranger = app.test_client()
    response = stranger.post(
        "/e/conf/join",
        data=profile(name="Mallory", headline="Not Ada", share_email="y", interests="lockpicking"),
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert not LINK.search(page), "no private link for a registered email"
    for private in (SECRET_NOTE, "ben@example.org", "no nuts", "desk 4", "Ada Lovelace"):
        assert private not in page
    # Nothing of Ada's opens on the stranger's device.
    mine = stranger.get(path)
    assert mine.status_code == 403
    assert SECRET_NOTE not in mine.get_data(as_text=True)
    # Ada's profile, consent and link are untouched.
    (after, _) = list_attendees(app)
    assert (after.name, after.headline, after.share_email) == (
        before.name,
        before.headline,
        False,
    )
    assert after.interests == before.interests
    assert after.private_token_hash == before.private_token_hash
    owner = app.test_client()
    open_private_link(owner, ada_token)
    assert owner.get("/e/conf/me").status_code == 200


def test_a_known_email_is_told_how_to_get_back_in_and_keeps_what_was_typed(
    app, make_public_event, sign_up
) -> None:
    """Finding 2: the person is told clearly what to do, and loses nothing they typed."""
    make_public_event(app)
    sign_up(app.test_client())
    response = app.test_client().post(
        "/e/conf/join", data=profile(name="Ada L.", interests="sourdough; jazz")
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "already signed up" in page
    assert "private link" in page and "help desk" in page
    # The form is back as typed, to correct the email or keep for later.
    assert 'value="Ada L."' in page and "sourdough; jazz" in page
    assert 'value="ada@example.org"' in page


@pytest.fixture
def smtp_app(make_public_event):  # type: ignore[no-untyped-def]
    """`smtp_app(app_factory, fake_encoder, smtp_server, **config)`: an app sending mail to the test
    SMTP server, with the event; (app, inbox)."""

    def _smtp_app(app_factory, fake_encoder, smtp_server, **config):  # type: ignore[no-untyped-def]
        port, inbox = smtp_server
        app = app_factory(encoder=fake_encoder, SMTP_HOST="127.0.0.1", SMTP_PORT=port, **config)
        make_public_event(app)
        return app, inbox

    return _smtp_app


def test_private_link_emails_never_point_at_the_request_host(
    app_factory, fake_encoder, smtp_server, smtp_app, open_private_link
) -> None:
    """Finding 1: `Host: evil.example` on a sign-up never reaches the owner's email."""
    app, inbox = smtp_app(app_factory, fake_encoder, smtp_server)  # PUBLIC_BASE_URL unset
    with app.extensions["cg_sessions"]() as session:
        from models import Attendee, Event

        event = session.query(Event).one()
        ada = Attendee(event_id=event.id, email="ada@example.org", name="Ada Lovelace")
        ada_token = ada.issue_private_token()
        session.add(ada)
        session.commit()
    response = app.test_client().post(
        "/e/conf/join", data=profile(), base_url="http://evil.example"
    )
    assert response.status_code < 500
    wait_for_jobs(app)
    assert all("evil.example" not in m.get_content() for m in inbox.messages)
    # Refused rather than sent with a guessed host: nothing went out at all.
    assert inbox.messages == []
    owner = app.test_client()
    open_private_link(owner, ada_token)
    assert owner.get("/e/conf/me").status_code == 200, "Ada's link still works"


def test_with_a_base_url_emails_use_it_whatever_the_host_header(
    app_factory, fake_encoder, smtp_server, smtp_app
) -> None:
    """Finding 1: with PUBLIC_BASE_URL set, the link in the mail is built from it alone
    (here the request came in on a load balancer's internal address, a trusted host)."""
    app, inbox = smtp_app(
        app_factory,
        fake_encoder,
        smtp_server,
        PUBLIC_BASE_URL="https://meet.example.org",
        TRUSTED_HOSTS=["meet.example.org", "10.0.0.7"],
    )
    app.test_client().post("/e/conf/join", data=profile(), base_url="http://10.0.0.7:8000")
    wait_for_jobs(app)
    (mail,) = inbox.messages
    links = re.findall(r"https?://[^\s/]+", mail.get_content())
    assert links and set(links) == {"https://meet.example.org"}


def test_unknown_host_headers_are_refused_when_trusted_hosts_are_set(
    app_factory, fake_encoder, make_public_event, list_attendees
):
    """Finding 1: production names its hosts; any other Host header is a 400."""
    app = app_factory(encoder=fake_encoder, TRUSTED_HOSTS=["meet.example.org"])
    make_public_event(app)
    client = app.test_client()
    assert client.get("/e/conf/join", base_url="https://meet.example.org").status_code == 200
    refused = client.post("/e/conf/join", data=profile(), base_url="http://evil.example")
    assert refused.status_code == 400
    assert list_attendees(app) == []


def test_trusted_hosts_default_to_the_public_base_url(
    app_factory, fake_encoder, make_public_event
) -> None:
    """Finding 1: setting PUBLIC_BASE_URL alone is enough to refuse other hosts."""
    app = app_factory(encoder=fake_encoder, PUBLIC_BASE_URL="https://meet.example.org")
    make_public_event(app)
    client = app.test_client()
    assert client.get("/e/conf/join", base_url="https://meet.example.org").status_code == 200
    assert client.get("/e/conf/join", base_url="http://evil.example").status_code == 400
    # Health checks from the machine itself keep working.
    assert client.get("/healthz", base_url="http://127.0.0.1:8000").status_code == 200
