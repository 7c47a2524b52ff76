"""The console's attendees: a searchable, filtered list, and one attendee's page.

The list shows one row per attendee (name, email, state, suggestion counts) with
search, filters and pages; each name opens the attendee's page with their profile,
suggested introductions, pinned introductions and the actions on them
(web.organizer.people).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import abort, current_app, render_template, request
from sqlalchemy.orm import Session, aliased

from matcher import language_name
from models import Attendee, Event, Suggestion
from web.db import get_session
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.organizer.forms import EmptyForm, PinForm, RemoveForm
from web.services.languages import other_languages
from web.services.people import FILTERS, PER_PAGE, people_page
from web.services.pins import pins_of


@dataclass
class Introduction:
    """One suggested introduction as the organizer reviews it."""

    rank: int
    other: Attendee
    score: float
    reason: str
    starter: str
    pinned: bool


def introductions_of(session: Session, attendee: Attendee) -> list[Introduction]:
    """The attendee's stored suggestions, pinned first, then by rank."""
    other = aliased(Attendee)
    rows = session.execute(
        sa.select(Suggestion, other)
        .join(other, other.id == Suggestion.other_id)
        .where(Suggestion.attendee_id == attendee.id)
        .order_by(Suggestion.rank, Suggestion.id)
    )
    out = []
    for suggestion, person in rows:
        detail = suggestion.detail or {}
        out.append(
            Introduction(
                rank=suggestion.rank,
                other=person,
                score=suggestion.score,
                reason=(detail.get("reasons") or [""])[0],
                starter=(detail.get("starters") or [""])[0],
                pinned=suggestion.pinned,
            )
        )
    return out


def attendee_or_404(event: Event, attendee_id: int) -> Attendee:
    """The event's attendee `attendee_id`, or a 404."""
    attendee = get_session().scalar(
        sa.select(Attendee).where(Attendee.id == attendee_id, Attendee.event_id == event.id)
    )
    if attendee is None:
        abort(404)
    return attendee


@bp.get("/events/<slug>/attendees")
@organizer_required
def attendees(slug: str) -> Any:
    """Attendees page by page: search by name, email, company or headline, and filters."""
    event = event_for_organizer(slug)
    query = " ".join(request.args.get("q", "").split())[:100]
    filter_name = request.args.get("filter", "")
    if filter_name not in FILTERS:
        filter_name = ""
    page = max(1, request.args.get("page", 1, type=int) or 1)
    languages = other_languages(get_session(), event, current_app.config["MATCHER_MODEL"])
    rows, total = people_page(get_session(), event, query, filter_name, page, languages)
    pages = max(1, -(-total // PER_PAGE))
    if page > pages:
        page = pages
        rows, total = people_page(get_session(), event, query, filter_name, page, languages)
    return render_template(
        "organizer/attendees.html",
        event=event,
        rows=rows,
        total=total,
        query=query,
        filter_name=filter_name,
        filters=FILTERS,
        languages={i: language_name(code) for i, code in languages.items()},
        page=page,
        pages=pages,
        per_page=PER_PAGE,
    )


@bp.get("/events/<slug>/attendees/<int:attendee_id>")
@organizer_required
def attendee(slug: str, attendee_id: int) -> Any:
    """One attendee: profile, suggested and pinned introductions, and what to do."""
    event = event_for_organizer(slug)
    return attendee_page(event, attendee_or_404(event, attendee_id)), 200, NO_STORE


NO_STORE = {"Cache-Control": "private, no-store"}


def attendee_page(event: Event, person: Attendee, pin_form: PinForm | None = None) -> str:
    """The attendee's console page (with `pin_form` as submitted, errors and all)."""
    session = get_session()
    return render_template(
        "organizer/attendee.html",
        event=event,
        attendee=person,
        introductions=introductions_of(session, person),
        pins=pins_of(session, person),
        pin_form=pin_form or PinForm(formdata=None),
        remove_form=RemoveForm(formdata=None),
        form=EmptyForm(),
    )
