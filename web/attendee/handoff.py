"""What a sign-up hands to the pages after its redirect, kept in this device's session.

The sign-up POST ends in a redirect (a reload never sends the form again), so the page
after it reads what to show from the session: the private link on the welcome page,
the address on "check your inbox", and the badge someone scanned before signing up.

The private link is kept for a day, for reloads of the welcome page; only this device
has it (the session cookie is signed and HttpOnly), signing out forgets it, and it is
shown only while it still opens the page (a re-issued link replaces it).
"""

from __future__ import annotations

import time

from flask import session

from models import Attendee, Event
from web.config import external_url

WELCOME_KEY = "cg_welcome"  # {event_id: [token, unix time]}
INBOX_KEY = "cg_inbox"  # {event_id: email}
RETURN_KEY = "cg_return_badge"  # {event_id: badge token}
WELCOME_FOR = 24 * 3600  # seconds


def _per_event(key: str) -> dict[str, object]:
    value = session.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _set(key: str, event_id: int, value: object) -> None:
    entries = _per_event(key)
    if value is None:
        if entries.pop(str(event_id), None) is None:
            return
    else:
        entries[str(event_id)] = value
    session[key] = entries


def shown_link(token: str) -> str:
    """A private link as shown on this device's screen (PUBLIC_BASE_URL, else this host)."""
    return external_url("attendee.private_link", token=token)


def remember_welcome(attendee: Attendee, token: str) -> None:
    """Keep the private link just issued for the welcome page of this device."""
    _set(WELCOME_KEY, attendee.event_id, [token, int(time.time())])


def welcome_token(attendee: Attendee) -> str | None:
    """The private link this device was given for `attendee`, while it still works."""
    entry = _per_event(WELCOME_KEY).get(str(attendee.event_id))
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    token, when = entry
    if not isinstance(token, str) or not isinstance(when, int):
        return None
    if time.time() - when > WELCOME_FOR or not attendee.private_token_matches(token):
        return None
    return token


def remember_inbox(event: Event, email: str) -> None:
    """Where the link is being sent, for the "check your inbox" page."""
    _set(INBOX_KEY, event.id, email)


def inbox_notice(event: Event) -> str | None:
    """The email of this device's last sign-up with email on, if any."""
    email = _per_event(INBOX_KEY).get(str(event.id))
    return email if isinstance(email, str) else None


def remember_return_badge(event: Event, badge_token: str) -> None:
    """The badge an anonymous visitor scanned before signing up, to come back to."""
    _set(RETURN_KEY, event.id, badge_token[:64] or None)


def return_badge(event: Event) -> str | None:
    """The badge token to come back to after signing up for `event`, if any."""
    token = _per_event(RETURN_KEY).get(str(event.id))
    return token if isinstance(token, str) and token else None


def forget_return_badge(event: Event) -> None:
    """The badge was come back to: forget it."""
    _set(RETURN_KEY, event.id, None)


def forget(event: Event) -> None:
    """Drop everything handed over for `event` (signing this device out)."""
    for key in (WELCOME_KEY, INBOX_KEY, RETURN_KEY):
        _set(key, event.id, None)
