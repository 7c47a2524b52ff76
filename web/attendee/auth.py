"""Who is this device? Attendee sessions, one per event, set by the private link.

The private link (`/m/<token>`) is the attendee's key; opening it (and confirming whose
page it is) signs in the device
by remembering the attendee in the Flask session (a signed cookie). One phone may be
signed in to several events at once, so the session keeps one attendee per event.

Other areas use:

- `sign_in(attendee)` / `sign_out(event, attendee)`
- `current_attendee(event) -> Attendee | None`
- `event_or_404(slug) -> Event`
- `@attendee_required` on views with a `slug` URL argument: the view receives
  `event=` and `attendee=` keyword arguments, or the visitor sees a friendly page
  explaining how to get back in with their private link.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from flask import abort, g, render_template, session

from models import Attendee, Event, hash_token
from web.attendee import handoff
from web.db import get_session

# {str(event_id): [attendee_id, session_version, nonce]}; a bare attendee id is a
# session from before versions (version 1, no nonce).
SESSION_KEY = "cg_attendees"

F = TypeVar("F", bound=Callable[..., Any])


def _signed_in() -> dict[str, Any]:
    value = session.get(SESSION_KEY)
    return dict(value) if isinstance(value, dict) else {}


def _entry(value: Any) -> tuple[int, int, str | None] | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, 1, None
    if (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:2])
        and isinstance(value[2], str)
    ):
        return value[0], value[1], value[2]
    return None


def sign_in(attendee: Attendee) -> None:
    """Remember `attendee` on this device for their event (other events stay signed in).

    The session carries the attendee's session version (re-issuing the link or "sign
    out everywhere" ends it) and a nonce of its own ("sign out this device" ends it,
    in every copy of the cookie).
    """
    signed = _signed_in()
    nonce = secrets.token_urlsafe(12)
    signed[str(attendee.event_id)] = [attendee.id, attendee.session_version or 1, nonce]
    session[SESSION_KEY] = signed
    session.permanent = True
    g.pop("cg_current_attendees", None)


def sign_out(event: Event, attendee: Attendee | None = None) -> None:
    """Forget this device's attendee for `event` only.

    With `attendee` (still stored), the session is also revoked on the server, so a
    copy of this cookie taken earlier stops working too; the caller commits.
    """
    signed = _signed_in()
    entry = _entry(signed.pop(str(event.id), None))
    session[SESSION_KEY] = signed
    if attendee is not None and entry is not None and entry[0] == attendee.id:
        if entry[2] is None:
            attendee.end_sessions()  # an old session without a nonce: end them all
        else:
            attendee.revoke_session(entry[2])
    handoff.forget(event)
    g.pop("cg_current_attendees", None)


def current_attendee(event: Event) -> Attendee | None:
    """The attendee this device is signed in as for `event`, or None.

    A session pointing at an attendee that no longer exists (deleted), of an older
    session version (link re-issued, signed out everywhere) or revoked (signed out
    on some device, maybe a copy of this cookie) counts as none.
    """
    cache: dict[int, Attendee | None] = g.setdefault("cg_current_attendees", {})
    if event.id in cache:
        return cache[event.id]
    entry = _entry(_signed_in().get(str(event.id)))
    attendee = None
    if entry is not None:
        attendee_id, version, nonce = entry
        offered: dict[int, Attendee] = g.get("cg_offered_attendees", {})
        attendee = offered.get(attendee_id) or get_session().get(Attendee, attendee_id)
        if attendee is not None and (
            attendee.event_id != event.id
            or (attendee.session_version or 1) != version
            or (nonce is not None and nonce in (attendee.revoked_sessions or []))
        ):
            attendee = None
    cache[event.id] = attendee
    return attendee


def signed_in_attendee_ids() -> list[int]:
    """Ids of the attendees this device's session names (one per event), unchecked: a
    page may load them with a query of its own and `offer` them."""
    entries = (_entry(value) for value in _signed_in().values())
    return [entry[0] for entry in entries if entry is not None]


def offer(attendees: list[Attendee]) -> None:
    """Attendees this request loaded already, for `current_attendee` to use instead of
    loading them again; it still checks them as it checks any it loads."""
    offered: dict[int, Attendee] = g.setdefault("cg_offered_attendees", {})
    offered.update((a.id, a) for a in attendees)


def signed_in_event_ids() -> list[int]:
    """Ids of the events this device has an attendee session for."""
    return [int(k) for k in _signed_in() if k.isdigit()]


def event_or_404(slug: str) -> Event:
    """The event with this slug, or the 404 page."""
    event = get_session().scalar(_EVENT_BY_SLUG, {"slug": slug})
    if event is None:
        abort(404)
    return event


# Built once: every attendee page asks (building a statement costs more than running it).
_EVENT_BY_SLUG = sa.select(Event).where(Event.slug == sa.bindparam("slug"))


def attendee_by_private_token(token: str) -> Attendee | None:
    """The attendee whose private link is `token`, or None.

    Looks up by the token's hash (only hashes are stored) and confirms with a
    constant-time comparison; unknown and malformed tokens behave the same.
    """
    if not token or len(token) > 128:
        return None
    attendee = get_session().scalar(
        sa.select(Attendee).where(Attendee.private_token_hash == hash_token(token))
    )
    if attendee is None or not attendee.private_token_matches(token):
        return None
    return attendee


def need_private_link(event: Event) -> tuple[str, int]:
    """The friendly page for a private page opened without the private link's session."""
    from web.mail import links_mailable

    return render_template("attendee/need_link.html", event=event, mail_on=links_mailable()), 403


def attendee_required(view: F) -> F:
    """Protect a view that takes `slug`: pass it `event` and `attendee`, or explain.

    A visitor without this event's session sees how to get back in (their private
    link, the help desk, or an emailed sign-in link), never someone else's data.
    """

    @functools.wraps(view)
    def wrapper(*args: Any, slug: str, **kwargs: Any) -> Any:
        event = event_or_404(slug)
        attendee = current_attendee(event)
        if attendee is None:
            return need_private_link(event)
        return view(*args, event=event, attendee=attendee, **kwargs)

    return cast(F, wrapper)
