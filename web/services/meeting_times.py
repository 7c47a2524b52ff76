"""Meeting times as people read them, in the event's time zone.

Slots are stored in UTC; everything shown (pages, emails, exports, signs) goes
through here so a time reads the same everywhere: "Thu 3 Dec, 14:00–14:15".
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from models import Event, MeetingSlot
from models.meetings import as_utc

DEFAULT_ZONE = "UTC"
_NOT_OFFERED = ("Etc/", "SystemV/", "US/Pacific-New")


@functools.cache
def time_zone_names() -> tuple[str, ...]:
    """The IANA time zones an organizer may pick ("Europe/Lisbon"), sorted."""
    names = {
        n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/"))
    }
    return tuple(sorted(names | {DEFAULT_ZONE}))


def valid_zone(name: str) -> bool:
    """Whether `name` is a time zone we offer."""
    return name in time_zone_names()


def zone_of(event: Event) -> ZoneInfo:
    """The event's time zone (UTC when unset or unknown)."""
    try:
        return ZoneInfo(event.timezone or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def event_started(event: Event, now: dt.datetime | None = None) -> bool:
    """Whether the event's day has come in its time zone (False when it has no date).

    Conversation starters may ask "what's the best conversation so far?" only then.
    """
    if event.starts_on is None:
        return False
    moment = now or dt.datetime.now(dt.UTC)
    return as_utc(moment).astimezone(zone_of(event)).date() >= event.starts_on


def local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A stored (UTC) moment in `zone`."""
    return as_utc(moment).astimezone(zone)


def day_label(day: dt.date) -> str:
    """ "Thu 3 Dec"."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def slot_label(slot: MeetingSlot, zone: ZoneInfo, with_day: bool = True) -> str:
    """ "Thu 3 Dec, 14:00–14:15" in `zone` (without the day: "14:00–14:15")."""
    start, end = local(slot.starts_at, zone), local(slot.ends_at, zone)
    hours = f"{start:%H:%M}–{end:%H:%M}"
    return f"{day_label(start.date())}, {hours}" if with_day else hours


def zone_label(zone: ZoneInfo, moment: dt.datetime | None = None) -> str:
    """The zone as a reader knows it: "Europe/Lisbon (WET)"; "UTC" alone."""
    name = str(zone.key)
    abbreviation = local(moment or dt.datetime.now(dt.UTC), zone).tzname() or ""
    if not abbreviation or abbreviation == name or abbreviation.startswith(("+", "-")):
        return name
    return f"{name} ({abbreviation})"


def iso_utc(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with a Z, for <time datetime> and the browser's local time."""
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")
