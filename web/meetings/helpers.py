"""What the meeting pages share: the pair's common ground, a meeting's state, time helpers."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import abort, g
from sqlalchemy.orm import Session

from matcher import CommonGround, make_starters
from models import Attendee, Contact, Event, Meeting, Notification, Scan, Suggestion, utcnow
from models.meetings import (
    as_utc,
)
from web.db import get_session
from web.extensions import get_matcher
from web.meetings import bp
from web.services import availability, feedback, notifications
from web.services.availability import of_pair
from web.services.common_ground import common_ground_with_ties, stored_common_ground
from web.services.matching import profile_of
from web.services.meeting_state import State, state_of
from web.services.meeting_times import event_started, iso_utc, slot_label, zone_label, zone_of

log = logging.getLogger(__name__)


def stored_suggestion(session: Session, me: Attendee, other: Attendee) -> Suggestion | None:
    """`me`'s stored suggestion of `other`, if the matcher made one."""
    return session.scalar(
        sa.select(Suggestion).where(
            Suggestion.attendee_id == me.id, Suggestion.other_id == other.id
        )
    )


def pair_view(
    session: Session, me: Attendee, other: Attendee, meeting: Meeting | None = None
) -> CommonGround:
    """The pair's common ground from `me`'s side: the one explanation of the pair.

    The stored suggestion (mine, or theirs seen from my side), the same content as the
    card and the scan page; else the one kept with the meeting when it was asked for
    (flipped when they asked); else worked out now under the event's weights.
    """
    stored = stored_common_ground(session, me, other)
    if stored is not None:
        return stored
    if meeting is not None and meeting.detail:
        try:
            kept = CommonGround.from_dict(meeting.detail)
        except (TypeError, ValueError):
            log.warning("meeting %s has an unreadable common ground", meeting.id)
        else:
            if meeting.requester_id == me.id:
                return kept
            flipped = kept.flipped()
            started = event_started(session.get_one(Event, me.event_id))
            flipped.starters = make_starters(
                profile_of(me), profile_of(other), flipped, event_started=started
            )
            return flipped
    return _live(session, me, other)


def _live(session: Session, me: Attendee, other: Attendee) -> CommonGround:
    return common_ground_with_ties(session, get_matcher(), me, other)


def person_or_404(event: Event, me: Attendee, other_id: int) -> Attendee:
    """Someone `me` may open: suggested either way, asked or met either way, or whose
    badge `me` scanned. Anyone else is a 404, exactly like someone who does not exist.
    """
    session = get_session()
    other = session.get(Attendee, other_id)
    if other is None or other.event_id != event.id or other.id == me.id:
        abort(404)
    known = sa.or_(
        sa.exists().where(of_pair(me.id, other.id)),
        sa.exists().where(
            sa.or_(
                sa.and_(Contact.owner_id == me.id, Contact.other_id == other.id),
                sa.and_(Contact.owner_id == other.id, Contact.other_id == me.id),
            )
        ),
        sa.exists().where(Scan.scanner_id == me.id, Scan.scanned_id == other.id),
    )
    if not session.scalar(sa.select(known)):
        suggested = session.scalar(
            sa.select(Suggestion.id).where(
                sa.or_(
                    sa.and_(Suggestion.attendee_id == me.id, Suggestion.other_id == other.id),
                    sa.and_(Suggestion.attendee_id == other.id, Suggestion.other_id == me.id),
                )
            )
        )
        # Someone who chose not to be listed is only shown to people who know them.
        if suggested is None or not other.listed:
            abort(404)
    return other


def meeting_or_404(event: Event, me: Attendee, meeting_id: int) -> Meeting:
    """One of `me`'s meetings at `event`, or the 404 page."""
    meeting = get_session().get(Meeting, meeting_id)
    if (
        meeting is None
        or meeting.event_id != event.id
        or me.id not in (meeting.requester_id, meeting.recipient_id)
    ):
        abort(404)
    return meeting


@bp.app_template_global("unread_notifications")
def unread_notifications(attendee: Attendee) -> int:
    """How many notifications `attendee` has not seen (the nav's counter; asked once per
    request: my page's meetings card shows it too)."""
    counts: dict[int, int] = g.setdefault("cg_unread", {})
    if attendee.id not in counts:
        counts[attendee.id] = notifications.unread_count(get_session(), attendee.id)
    return counts[attendee.id]


@dataclass(frozen=True)
class Panel:
    """What my page shows about meetings."""

    unread: int
    notes: list[tuple[Notification, notifications.Line]]
    upcoming: list[tuple[Meeting, State]]
    to_rate: list[feedback.Prompt]


@bp.app_template_global("meetings_panel")
def meetings_panel(attendee: Attendee) -> Panel:
    """My page's meetings card: new notifications, answers I owe, meetings to come, ratings."""
    session = get_session()
    now = utcnow()
    zone = zone_of(attendee.event)
    upcoming = []
    mine = availability.meetings_of(session, attendee.id)
    for meeting in mine:
        state = state_of(meeting, attendee, now)
        if state.answer or state.booked:
            upcoming.append((meeting, state))
    upcoming.sort(
        key=lambda row: (not row[1].answer, row[0].slot.starts_at if row[0].slot else now)
    )
    upcoming = upcoming[:5]
    shown = {meeting.id for meeting, _ in upcoming}
    unread = unread_notifications(attendee)
    # News the rows above do not already say (a decline, a cancellation, "starts soon"):
    # unread ones only, so none to read when nothing is unread.
    notes = [
        (n, notifications.describe(n, zone))
        for n in (notifications.recent(session, attendee.id, limit=5) if unread else ())
        if n.read_at is None and (n.meeting_id not in shown or n.kind == notifications.REMINDER)
    ]
    return Panel(
        unread=unread,
        notes=notes[:3],
        upcoming=upcoming,
        to_rate=feedback.to_rate(session, attendee.id, now, limit=3, meetings=mine),
    )


def ago(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", "2 days ago"."""
    seconds = ((now or utcnow()) - as_utc(moment)).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


# Globals, not a context processor: imported macros (meetings/_macros.html) see them too.
_GLOBALS: dict[str, Callable[..., Any]] = {
    "event_zone": zone_of,
    "slot_label": slot_label,
    "zone_label": zone_label,
    "iso_utc": iso_utc,
    "meeting_state": state_of,
    "ago": ago,
}
for _name, _helper in _GLOBALS.items():
    bp.add_app_template_global(_helper, _name)
