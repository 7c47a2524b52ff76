"""With email on, a sign-up answers the same way, just as fast, for new and known addresses.

Issue 14, finding 5: matching ran only for new addresses, before the answer, so a known
address answered in ~30 ms and a new one in ~380 ms. Here the model and the mail server
are held closed: an answer that waited for either would never come.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from conftest import FakeEncoder, SmtpInbox, free_port
from fixtures_attendee import profile

from models import Attendee, Suggestion

WAIT = 30.0


class GatedEncoder(FakeEncoder):
    """The fake encoder, held until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def encode(self, texts):  # type: ignore[no-untyped-def]
        assert self.gate.wait(WAIT), "the test never opened the model's gate"
        return super().encode(texts)


class GatedInbox(SmtpInbox):
    """A real SMTP server that accepts a message only once the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        while not self.gate.is_set():
            await asyncio.sleep(0.05)
        return await super().handle_DATA(server, session, envelope)


def _post_within(client: Any, data: dict[str, Any], seconds: float) -> Any:
    """POST the sign-up in a thread; the response, or None if it did not come in time."""
    result: list[Any] = []
    thread = threading.Thread(
        target=lambda: result.append(client.post("/e/conf/join", data=data)), daemon=True
    )
    thread.start()
    thread.join(seconds)
    return result[0] if result else None


def test_with_email_known_and_new_addresses_answer_before_matching_and_mail(
    app_factory, make_public_event, list_attendees
):
    from aiosmtpd.controller import Controller

    encoder, inbox = GatedEncoder(), GatedInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app = app_factory(
            encoder=encoder,
            SMTP_HOST="127.0.0.1",
            SMTP_PORT=controller.port,
            PUBLIC_BASE_URL="https://meet.example.org",
        )
        event_id = make_public_event(app)
        with app.extensions["cg_sessions"]() as session:
            ada = Attendee(event_id=event_id, email="ada@example.org", name="Ada Lovelace")
            ada.interests = ["carbon capture"]
            ada.issue_private_token()
            session.add(ada)
            session.commit()
        new = _post_within(app.test_client(), profile(email="bob@example.org", name="Bob"), 10)
        known = _post_within(app.test_client(), profile(name="Mallory"), 10)
        assert new is not None, "a new address waited for the matching or the mail"
        assert known is not None, "a known address waited for the mail"
        assert (new.status_code, new.headers["Location"]) == (
            known.status_code,
            known.headers["Location"],
        )
        assert inbox.messages == [], "nothing was sent yet: the mail goes after the answer"
        encoder.gate.set()
        inbox.gate.set()
        from web.queue import wait_for_jobs

        wait_for_jobs(app, WAIT)
        assert sorted(m["To"] for m in inbox.messages) == ["ada@example.org", "bob@example.org"]
        bob = next(a for a in list_attendees(app) if a.email == "bob@example.org")
        with app.extensions["cg_sessions"]() as session:
            found = session.query(Suggestion).filter_by(attendee_id=bob.id).count()
        assert found == 1, "the matching ran after the answer"
    finally:
        encoder.gate.set()
        inbox.gate.set()
        controller.stop()
