"""State changes and queries behind the attendee pages.

Everything here only flushes, except `refresh_quietly`, which works in its own
session after the request's changes are committed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from matcher import CommonGround
from models import Attendee, Event, Suggestion
from web.attendee.forms import ProfileForm, SignupForm
from web.db import session_factory
from web.matching import refresh_for_attendee, refresh_suggestions

log = logging.getLogger(__name__)

TAG_SUGGESTIONS = 40


def find_by_email(session: Session, event: Event, email: str) -> Attendee | None:
    """The attendee of `event` with this (normalised) email."""
    return session.scalar(
        sa.select(Attendee).where(Attendee.event_id == event.id, Attendee.email == email)
    )


def save_signup(session: Session, event: Event, form: SignupForm) -> tuple[Attendee, str, bool]:
    """Create the attendee, or update the one with the same email; issue a fresh private link.

    An update keeps what was left empty and never loosens consent (`merge_into`).

    Returns (attendee, private token, created). Two sign-ups racing with one email
    end as one attendee: the loser of the unique constraint updates the winner's row.
    """
    email = form.email.data or ""
    attendee = find_by_email(session, event, email)
    created = attendee is None
    if attendee is None:
        attendee = Attendee(event_id=event.id, email=email)
        form.fill(attendee)
        token = attendee.issue_private_token()
        try:
            with session.begin_nested():
                session.add(attendee)
                session.flush()
        except IntegrityError:
            # Someone signed up with this email a moment ago: update that profile.
            attendee = find_by_email(session, event, email)
            if attendee is None:
                raise
            created = False
    if not created:
        form.merge_into(attendee)
        attendee.profile_version += 1
        token = attendee.issue_private_token()
    session.flush()
    log.info(
        "event %s: attendee %s %s", event.slug, attendee.id, "created" if created else "updated"
    )
    return attendee, token, created


def update_profile(session: Session, attendee: Attendee, form: ProfileForm) -> None:
    """Apply the edit form to `attendee`."""
    form.fill(attendee)
    attendee.profile_version += 1
    session.flush()


def refresh_quietly(event_id: int, attendee_id: int | None = None) -> bool:
    """Recompute an event's suggestions in a session of its own; True when it worked.

    With `attendee_id` (a sign-up, edit or deletion of that attendee), large events
    update only what that attendee changes (web.matching.refresh_for_attendee).

    Call it after the request's own changes are committed: the profile is durable
    before the slow, fallible matching step, a matching failure never loses a
    sign-up (the suggestions stay as they were and the next refresh catches up),
    and SQLite's single writer is never waited on by the matcher's phrase cache.
    """
    with session_factory()() as session:
        event = session.get(Event, event_id)
        if event is None:
            return False
        try:
            if attendee_id is None:
                refresh_suggestions(session, event)
            else:
                refresh_for_attendee(session, event, attendee_id)
            session.commit()
            return True
        except Exception:
            session.rollback()
            log.exception("event %s: refreshing suggestions failed", event.slug)
            return False


def delete_attendee(session: Session, attendee: Attendee) -> None:
    """Remove the attendee and, by cascade, their suggestions, scans, contacts and exclusions."""
    event_slug, attendee_id = attendee.event.slug, attendee.id
    # Rows pointing at the attendee go by the database's ON DELETE CASCADE
    # (PostgreSQL; SQLite with foreign keys on, see models.db).
    from web.attendee.forget import forget_phrases

    forget_phrases(session, attendee)  # cached embeddings of phrases only they used
    session.delete(attendee)
    session.flush()
    log.info("event %s: attendee %s deleted their data", event_slug, attendee_id)


_TAGS_TTL = 60.0  # seconds; tag suggestions may lag sign-ups by a minute


def event_tags(session: Session, event: Event) -> dict[str, list[str]]:
    """Tag suggestions per list field: phrases at least two listed attendees used.

    Only phrases shared by several people are offered, so a suggestion never
    reveals one person's profile. Cached per worker for a minute: a sign-up rush
    at a large event does not re-read every profile for every form shown.
    """
    cache: dict[int, tuple[float, dict[str, list[str]]]]
    cache = current_app.extensions.setdefault("cg_event_tags", {})
    cached = cache.get(event.id)
    now = time.monotonic()
    if cached and now - cached[0] < _TAGS_TTL:
        return cached[1]
    tags = _compute_event_tags(session, event)
    if len(cache) > 1000:
        cache.clear()
    cache[event.id] = (now, tags)
    return tags


def _compute_event_tags(session: Session, event: Event) -> dict[str, list[str]]:
    rows = session.execute(
        sa.select(
            Attendee.interests,
            Attendee.personal_interests,
            Attendee.looking_for,
            Attendee.offering,
            Attendee.organizations,
        ).where(Attendee.event_id == event.id, Attendee.listed.is_(True))
    ).all()
    counters: dict[str, Counter[str]] = {
        "interests": Counter(),
        "personal_interests": Counter(),
        "goals": Counter(),
        "organizations": Counter(),
    }
    spelling: dict[str, str] = {}
    for interests, personal, looking, offering, orgs in rows:
        for key, items in (
            ("interests", interests),
            ("personal_interests", personal),
            ("goals", [*looking, *offering]),
            ("organizations", orgs),
        ):
            for item in {str(i).strip() for i in items or [] if str(i).strip()}:
                norm = item.casefold()
                spelling.setdefault(norm, item)
                counters[key][norm] += 1
    tags = {
        key: [spelling[t] for t, n in counter.most_common(TAG_SUGGESTIONS) if n >= 2]
        for key, counter in counters.items()
    }
    return {
        "interests": tags["interests"],
        "personal_interests": tags["personal_interests"],
        "looking_for": tags["goals"],
        "offering": tags["goals"],
        "organizations": tags["organizations"],
    }


@dataclass
class SuggestedPerson:
    """One suggested introduction as my page shows it."""

    other: Attendee
    rank: int
    score: float
    common_ground: CommonGround
    starters: list[str] = field(default_factory=list)


def my_suggestions(session: Session, attendee: Attendee, limit: int = 5) -> list[SuggestedPerson]:
    """The attendee's stored suggestions, best first, each with reasons.

    People who have since chosen not to be listed, and suggestions without a reason,
    are left out.
    """
    rows = session.execute(
        sa.select(Suggestion, Attendee)
        .join(Attendee, Attendee.id == Suggestion.other_id)
        .where(Suggestion.attendee_id == attendee.id, Attendee.listed.is_(True))
        .order_by(Suggestion.rank, Suggestion.id)
    ).all()
    people: list[SuggestedPerson] = []
    for suggestion, other in rows:
        try:
            cg = CommonGround.from_dict(suggestion.detail or {})
        except (TypeError, ValueError):
            log.warning("suggestion %s has an unreadable detail", suggestion.id)
            continue
        if not cg.reasons:
            continue
        people.append(SuggestedPerson(other, suggestion.rank, suggestion.score, cg, cg.starters))
        if len(people) >= limit:
            break
    return people
