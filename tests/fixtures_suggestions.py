"""Factory fixtures for the export, badge and rounds tests: people and stored suggestions.

`detail` only builds a dict, so it is imported; the factories hold no state, so one
of each serves the whole session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from matcher.types import CommonGround, Complement, SharedItem
from models import Attendee, Suggestion


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


@pytest.fixture(scope="session")
def add_people() -> Callable[[Flask, int, list[dict[str, Any]]], dict[str, int]]:
    """`add_people(app, event_id, people)`: attendees from dicts; name -> id.

    An email is made up when a dict has none.
    """

    def add(app: Flask, event_id: int, people: list[dict[str, Any]]) -> dict[str, int]:
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

    return add


@pytest.fixture(scope="session")
def add_suggestion() -> Callable[..., None]:
    """`add_suggestion(app, event_id, attendee_id, other_id, rank, score, **detail)`."""

    def add(
        app: Flask,
        event_id: int,
        attendee_id: int,
        other_id: int,
        rank: int,
        score: float,
        **kw: Any,
    ) -> None:
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

    return add
