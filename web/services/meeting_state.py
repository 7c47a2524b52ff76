"""A meeting as one participant sees it: a label, a tone, and what they can do now.

Shared by the pages, the data download and anything else that shows a meeting, so a
declined request reads "Not available" to the one who asked, everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import Attendee, Meeting, utcnow
from models.meetings import (
    MEETING_ACCEPTED,
    MEETING_CANCELLED,
    MEETING_DECLINED,
    MEETING_EXPIRED,
    MEETING_PENDING,
)


@dataclass(frozen=True)
class State:
    """A meeting as `viewer` sees it: a label, a tone for styling, what they can do."""

    label: str
    tone: str  # "answer", "booked", "waiting", "closed", "past"
    answer: bool  # the viewer must accept, decline or propose
    booked: bool  # accepted and still to come
    past: bool  # accepted and its time has come
    open: bool  # pending or accepted


def state_of(meeting: Meeting, viewer: Attendee, now: dt.datetime | None = None) -> State:
    """What `viewer` should read about `meeting` now.

    A request declined, or left unanswered until its time passed, reads "Not available"
    to the one who asked: nothing more is told.
    """
    now = now or utcnow()
    other = meeting.other(viewer.id)
    started = meeting.slot is not None and meeting.slot.start <= now
    if meeting.status == MEETING_ACCEPTED:
        if started:
            assert meeting.slot is not None
            label = "Happening now" if now < meeting.slot.end else "You met"
            return State(label, "past", False, False, True, True)
        return State("Booked", "booked", False, True, False, True)
    if meeting.status in (MEETING_PENDING, MEETING_EXPIRED) and (
        started or meeting.status == MEETING_EXPIRED
    ):
        # Never answered before its time: the one who asked reads only "Not available".
        label = (
            "Expired: not answered in time" if meeting.awaiting_id == viewer.id else "Not available"
        )
        return State(label, "closed", False, False, False, False)
    if meeting.status == MEETING_PENDING:
        if meeting.awaiting_id == viewer.id:
            return State("Waiting for your answer", "answer", True, False, False, True)
        return State(f"Waiting for {other.name}", "waiting", False, False, False, True)
    if meeting.status == MEETING_DECLINED:
        mine = meeting.cancelled_by_id == viewer.id
        label = "You declined" if mine else "Not available"
        return State(label, "closed", False, False, False, False)
    if meeting.status == MEETING_CANCELLED:
        by = "you" if meeting.cancelled_by_id == viewer.id else other.name
        return State(f"Cancelled by {by}", "closed", False, False, False, False)
    return State(meeting.status, "closed", False, False, False, False)
