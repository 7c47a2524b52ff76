"""One meeting as an iCalendar file (RFC 5545), built with the `icalendar` package.

Times are written in UTC, which every calendar converts to its own zone; the UID is
the meeting's random calendar id and SEQUENCE grows with every change, so importing
the file again after a reschedule updates the entry instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt

import icalendar

from matcher import CommonGround
from models import Attendee, Event, Meeting, utcnow
from models.meetings import MEETING_ACCEPTED
from web.services.meeting_times import slot_label, zone_label, zone_of

PRODUCT_ID = "-//Common Ground//Meetings//EN"
ALARM_BEFORE = dt.timedelta(minutes=10)


def meeting_ics(
    meeting: Meeting,
    viewer: Attendee,
    event: Event,
    page_url: str = "",
    common_ground: CommonGround | None = None,
) -> bytes:
    """The calendar file of `meeting` for `viewer` (the summary names the other person)."""
    if meeting.slot is None:
        raise ValueError("a meeting without a time has no calendar entry")
    other = meeting.other(viewer.id)
    zone = zone_of(event)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = icalendar.Event()
    entry.add("uid", f"{meeting.ics_uid}@commonground")
    entry.add("sequence", meeting.sequence)
    entry.add("dtstamp", utcnow())
    entry.add("dtstart", meeting.slot.start)
    entry.add("dtend", meeting.slot.end)
    entry.add("summary", f"Meet {other.name} · {event.name}")
    if meeting.place is not None:
        entry.add("location", f"{meeting.place.name}, {event.name}")
    entry.add("status", "CONFIRMED" if meeting.status == MEETING_ACCEPTED else "CANCELLED")
    lines = [
        f"{slot_label(meeting.slot, zone)}, {zone_label(zone, meeting.slot.start)}",
    ]
    if meeting.place is not None:
        lines.append(f"Where: {meeting.place.name}")
    if other.headline:
        lines.append(f"{other.name}: {other.headline}")
    if common_ground is not None:
        lines += [f"• {reason}" for reason in common_ground.reasons[:3]]
        if common_ground.starters:
            lines.append(f"Start with: {common_ground.starters[0]}")
    if meeting.message:
        lines.append(f"Message: {meeting.message}")
    if page_url:
        lines.append(page_url)
        entry.add("url", page_url)
    entry.add("description", "\n".join(lines))
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Meet {other.name}")
    alarm.add("trigger", -ALARM_BEFORE)
    entry.add_component(alarm)
    calendar.add_component(entry)
    return bytes(calendar.to_ical())
