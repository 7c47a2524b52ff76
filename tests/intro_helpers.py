"""Helpers for the export, badge and rounds tests: attendees and stored suggestions."""

from __future__ import annotations

from typing import Any

from flask import Flask

from matcher.types import CommonGround, Complement, SharedItem
from models import Attendee, Event, Suggestion


def add_event(app: Flask, slug: str = "climate", organizer_id: int | None = None) -> int:
    """An event; returns its id."""
    with app.extensions["cg_sessions"]() as session:
        event = Event(slug=slug, name="Climate Summit 2026", organizer_id=organizer_id)
        session.add(event)
        session.commit()
        return event.id


def add_people(app: Flask, event_id: int, people: list[dict[str, Any]]) -> dict[str, int]:
    """Attendees from dicts of their fields (an email is made up when missing); name -> id."""
    ids = {}
    with app.extensions["cg_sessions"]() as session:
        for n, person in enumerate(people):
            fields = {"email": f"person{n}@example.org", **person}
            attendee = Attendee(event_id=event_id, **fields)
            attendee.issue_private_token()
            session.add(attendee)
            session.flush()
            ids[attendee.name] = attendee.id
        session.commit()
    return ids


def detail(
    shared: list[tuple[str, str]] = (),  # type: ignore[assignment]
    complements: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    reasons: list[str] = (),  # type: ignore[assignment]
    starters: list[str] = (),  # type: ignore[assignment]
    score: float = 0.5,
) -> dict[str, Any]:
    """A stored CommonGround (Suggestion.detail) from short tuples."""
    return CommonGround(
        score=score,
        shared=[SharedItem(a=a, b=b, similarity=0.8, kind="interest") for a, b in shared],
        complements=[
            Complement(seeker=s, need=need, offer=offer, similarity=0.7)
            for s, need, offer in complements
        ],
        reasons=list(reasons),
        starters=list(starters),
    ).to_dict()


def add_suggestion(
    app: Flask, event_id: int, attendee_id: int, other_id: int, rank: int, score: float, **kw: Any
) -> None:
    """A stored suggestion of `other_id` for `attendee_id`."""
    with app.extensions["cg_sessions"]() as session:
        session.add(
            Suggestion(
                event_id=event_id,
                attendee_id=attendee_id,
                other_id=other_id,
                rank=rank,
                score=score,
                detail=detail(score=score, **kw),
            )
        )
        session.commit()
