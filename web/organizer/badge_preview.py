"""The badge preview on the event page: one badge, the address its code opens, and a
warning when that address is this machine's (no phone at the event could open it)."""

from __future__ import annotations

import base64
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlalchemy as sa

from models import Attendee, Event
from web.badges.qr import qr_png, scan_url
from web.config import configured_base_url
from web.db import get_session
from web.organizer import bp


def is_local(url: str) -> bool:
    """Whether `url` names this machine or a private network (unreachable from phones
    on mobile data, and usually from the venue's Wi-Fi too)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in ("localhost", "") or host.endswith((".local", ".localhost", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_unspecified


@dataclass(frozen=True)
class BadgePreview:
    """One attendee's badge as printed, and where its code leads."""

    name: str
    headline: str
    url: str  # what the QR code encodes
    qr_png: str  # base64 PNG
    configured: bool  # PUBLIC_BASE_URL is set
    local: bool  # the code leads to a local address


@bp.app_template_global("badge_preview")
def badge_preview(event: Event) -> BadgePreview | None:
    """The first attendee's badge (by name), or None for an event without attendees."""
    attendee = get_session().scalar(
        sa.select(Attendee)
        .where(Attendee.event_id == event.id)
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
        .limit(1)
    )
    if attendee is None:
        return None
    url = scan_url(attendee.badge_token)
    return BadgePreview(
        name=attendee.name,
        headline=attendee.headline,
        url=url,
        qr_png=base64.b64encode(qr_png(url, scale=5)).decode("ascii"),
        configured=bool(configured_base_url()),
        local=is_local(url),
    )
