"""The demo event: about sixty realistic attendees and their suggestions.

`commonground demo` calls `create_demo`; running it again refreshes the same
people (matched by email) instead of adding new ones, and leaves attendees who
signed up through the site alone.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from models import Attendee, Event
from models.migrate import upgrade
from web.attendee.forms import split_list
from web.db import session_factory
from web.demo_people import PEOPLE
from web.matching import refresh_suggestions

log = logging.getLogger(__name__)

DEMO_EVENT_NAME = "Common Ground Demo Summit"
DEMO_DOMAIN = "demo.example.org"  # reserved for documentation: mail never reaches anyone


def demo_email(name: str) -> str:
    """A stable example address for a demo person ("Tomás Herrera" -> tomas.herrera@...)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    local = re.sub(r"[^a-z0-9]+", ".", ascii_name.lower()).strip(".")
    return f"{local}@{DEMO_DOMAIN}"


def upsert_demo_people(session: Session, event: Event) -> int:
    """Create or refresh the demo people in `event`; returns how many there are."""
    existing = {
        a.email: a
        for a in session.scalars(sa.select(Attendee).where(Attendee.event_id == event.id))
    }
    wanted: set[str] = set()
    for name, headline, interests, personal, looking, offering, orgs, about in PEOPLE:
        email = demo_email(name)
        wanted.add(email)
        attendee = existing.get(email)
        if attendee is None:
            attendee = Attendee(event_id=event.id, email=email, name=name)
            attendee.issue_private_token()
            session.add(attendee)
        organizations = split_list(orgs)
        fields: dict[str, object] = {
            "name": name,
            "headline": headline,
            "interests": split_list(interests),
            "personal_interests": split_list(personal),
            "looking_for": split_list(looking),
            "offering": split_list(offering),
            "organizations": organizations,
            "about": about,
            # The first organization listed is where they are now.
            "company": organizations[0] if organizations else "",
        }
        changed = any(getattr(attendee, k, None) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(attendee, key, value)
        attendee.extra = {"demo": True}
        attendee.listed = True
        if changed and attendee.id is not None:
            attendee.profile_version += 1
    # Demo people dropped from the list since the last run go; real sign-ups stay.
    for email, attendee in existing.items():
        if (attendee.extra or {}).get("demo") and email not in wanted:
            session.delete(attendee)
    session.flush()
    return len(PEOPLE)


def create_demo(slug: str = "demo") -> tuple[Event, int]:
    """Create or refresh the demo event and compute its suggestions.

    Returns the event and its number of attendees. Needs an app context. The
    schema is brought up to date first, so it also works before `init-db`.
    """
    upgrade(current_app.extensions["cg_engine"])
    with session_factory()() as session:
        event = session.scalar(sa.select(Event).where(Event.slug == slug))
        if event is None:
            event = Event(slug=slug, name=DEMO_EVENT_NAME, signup_open=True)
            session.add(event)
            session.flush()
        upsert_demo_people(session, event)
        # Commit the people first: the matcher's phrase cache writes in its own
        # transactions, and SQLite has a single writer.
        session.commit()
        count = refresh_suggestions(session, event)
        total = session.scalar(
            sa.select(sa.func.count()).select_from(Attendee).where(Attendee.event_id == event.id)
        )
        session.commit()
        log.info("demo event %s: %s attendees, %d suggestions", slug, total, count)
        return event, int(total or 0)


def demo_private_link(slug: str = "demo") -> tuple[str, str] | None:
    """A fresh private-link token for the first demo person: (name, token).

    Lets whoever ran `commonground demo` see the event through an attendee's eyes.
    Older links of that demo person stop working.
    """
    email = demo_email(PEOPLE[0][0])
    with session_factory()() as session:
        attendee = session.scalar(
            sa.select(Attendee)
            .join(Event, Event.id == Attendee.event_id)
            .where(Event.slug == slug, Attendee.email == email)
        )
        if attendee is None:
            return None
        token = attendee.issue_private_token()
        session.commit()
        return attendee.name, token
