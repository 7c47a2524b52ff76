"""Reviewing an event's attendees and their suggested introductions, page by page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask import render_template, request
from sqlalchemy.orm import Session, aliased

from models import Attendee, Event, Suggestion
from web.db import get_session
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required

PER_PAGE = 50


@dataclass
class Introduction:
    """One suggested introduction as the organizer reviews it."""

    rank: int
    name: str
    headline: str
    score: float
    reason: str
    starter: str


@dataclass
class AttendeeRow:
    """An attendee with their suggestions."""

    attendee: Attendee
    introductions: list[Introduction] = field(default_factory=list)


def attendee_page(
    session: Session, event: Event, query: str, page: int
) -> tuple[list[AttendeeRow], int]:
    """One page of the event's attendees (filtered by name, email or company) and the total."""
    where = [Attendee.event_id == event.id]
    if query:
        pattern = (
            "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        where.append(
            sa.or_(
                sa.func.lower(Attendee.name).like(pattern, escape="\\"),
                Attendee.email.like(pattern, escape="\\"),
                sa.func.lower(Attendee.company).like(pattern, escape="\\"),
            )
        )
    total = int(session.scalar(sa.select(sa.func.count(Attendee.id)).where(*where)) or 0)
    attendees = session.scalars(
        sa.select(Attendee)
        .where(*where)
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    rows = {a.id: AttendeeRow(a) for a in attendees}
    other = aliased(Attendee)
    suggestions = session.execute(
        sa.select(Suggestion, other.name, other.headline)
        .join(other, other.id == Suggestion.other_id)
        .where(Suggestion.attendee_id.in_(rows))
        .order_by(Suggestion.attendee_id, Suggestion.rank)
    )
    for suggestion, name, headline in suggestions:
        detail = suggestion.detail or {}
        rows[suggestion.attendee_id].introductions.append(
            Introduction(
                rank=suggestion.rank,
                name=name,
                headline=headline,
                score=suggestion.score,
                reason=(detail.get("reasons") or [""])[0],
                starter=(detail.get("starters") or [""])[0],
            )
        )
    return list(rows.values()), total


@bp.get("/events/<slug>/attendees")
@organizer_required
def attendees(slug: str) -> Any:
    """The attendee list with each person's suggested introductions and their reasons."""
    event = event_for_organizer(slug)
    query = request.args.get("q", "").strip()[:100]
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total = attendee_page(get_session(), event, query, page)
    pages = max(1, -(-total // PER_PAGE))
    return render_template(
        "organizer/attendees.html",
        event=event,
        rows=rows,
        total=total,
        query=query,
        page=min(page, pages),
        pages=pages,
    )
