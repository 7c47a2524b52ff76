"""The demo event: about sixty realistic attendees and their suggestions.

`commonground demo` (web/cli/setup.py) uses these; running it again refreshes the
same people (matched by email) instead of adding new ones, and leaves attendees
who signed up through the site alone.

The people are in `demo_people.json`, written the way people fill in a sign-up
form: lists are `;`-separated text, organizations are current and former
employers and schools (the first is where they are now), and goals and offers
complement each other across the crowd (founders and engineers, hiring and job
seeking, mentors and mentees, investors and fundraisers).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from importlib import resources
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Attendee, Event
from web.services.profile_text import split_list

log = logging.getLogger(__name__)

DEMO_EVENT_NAME = "Common Ground Demo Summit"
DEMO_DOMAIN = "demo.example.org"  # reserved for documentation: mail never reaches anyone


class DemoPerson(NamedTuple):
    """One demo attendee as typed into the sign-up form (lists as `;`-separated text)."""

    name: str
    headline: str
    interests: str
    personal_interests: str
    looking_for: str
    offering: str
    organizations: str
    about: str


def _load_people() -> list[DemoPerson]:
    text = resources.files("web.services").joinpath("demo_people.json").read_text("utf-8")
    return [DemoPerson(**person) for person in json.loads(text)]


PEOPLE: list[DemoPerson] = _load_people()


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


def demo_event(session: Session, slug: str = "demo") -> Event:
    """The demo event `slug`, created (open for sign-up) when missing. Flushes."""
    event = session.scalar(sa.select(Event).where(Event.slug == slug))
    if event is None:
        event = Event(slug=slug, name=DEMO_EVENT_NAME, signup_open=True)
        session.add(event)
        session.flush()
    return event


def attendee_count(session: Session, event: Event) -> int:
    """How many attendees `event` has (the demo people and whoever signed up)."""
    total = session.scalar(
        sa.select(sa.func.count()).select_from(Attendee).where(Attendee.event_id == event.id)
    )
    return int(total or 0)


def demo_private_link(session: Session, event: Event) -> tuple[str, str] | None:
    """A fresh private-link token for the first demo person: (name, token). Flushes.

    Lets whoever ran `commonground demo` see the event through an attendee's eyes.
    Older links of that demo person stop working.
    """
    attendee = session.scalar(
        sa.select(Attendee).where(
            Attendee.event_id == event.id, Attendee.email == demo_email(PEOPLE[0].name)
        )
    )
    if attendee is None:
        return None
    token = attendee.issue_private_token()
    session.flush()
    return attendee.name, token
