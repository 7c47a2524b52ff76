"""The console's people list: search, filters and pages over an event's attendees. No Flask."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Attendee, Event, PinnedIntroduction, Suggestion
from web.services.stats import complete_condition

PER_PAGE = 50

# filter name -> what the console calls it
FILTERS = {
    "": "Everyone",
    "no-suggestions": "No suggestions",
    "incomplete": "Incomplete profile",
    "not-listed": "Not listed",
    "hidden": "Hidden by you",
    "pinned": "With a pinned introduction",
    "other-language": "Profile in another language",
}


@dataclass(frozen=True)
class PersonRow:
    """One attendee in the list, with how many suggestions they have and appear in."""

    attendee: Attendee
    suggestions: int
    appears_in: int
    complete: bool


def _like(query: str) -> str:
    escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(
    event: Event, query: str, filter_name: str, languages: Collection[int]
) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = [Attendee.event_id == event.id]
    if query:
        pattern = _like(query)
        where.append(
            sa.or_(
                sa.func.lower(Attendee.name).like(pattern, escape="\\"),
                sa.func.lower(Attendee.email).like(pattern, escape="\\"),
                sa.func.lower(Attendee.company).like(pattern, escape="\\"),
                sa.func.lower(Attendee.headline).like(pattern, escape="\\"),
            )
        )
    own = sa.select(Suggestion.id).where(Suggestion.attendee_id == Attendee.id)
    if filter_name == "no-suggestions":
        where.append(~own.exists())
    elif filter_name == "incomplete":
        where.append(~complete_condition())
    elif filter_name == "not-listed":
        where.append(Attendee.listed.is_(False))
    elif filter_name == "hidden":
        where.append(Attendee.hidden.is_(True))
    elif filter_name == "other-language":
        where.append(Attendee.id.in_(list(languages)))
    elif filter_name == "pinned":
        where.append(
            sa.select(PinnedIntroduction.id)
            .where(
                sa.or_(
                    PinnedIntroduction.attendee_id == Attendee.id,
                    PinnedIntroduction.other_id == Attendee.id,
                )
            )
            .exists()
        )
    return where


def people_page(
    session: Session,
    event: Event,
    query: str = "",
    filter_name: str = "",
    page: int = 1,
    languages: Collection[int] = (),
) -> tuple[list[PersonRow], int]:
    """One page of attendees matching the search and filter (by name), and their total.

    The search looks in name, email, company and headline, case-insensitively.
    `languages`: the ids of attendees whose profile the model reads poorly
    (`web.services.languages.other_languages`), for the "other-language" filter.
    """
    where = _conditions(event, query, filter_name if filter_name in FILTERS else "", languages)
    total = int(session.scalar(sa.select(sa.func.count(Attendee.id)).where(*where)) or 0)

    def count(column: sa.orm.InstrumentedAttribute[int]) -> sa.ScalarSelect[int]:
        return (
            sa.select(sa.func.count(Suggestion.id))
            .where(column == Attendee.id)
            .correlate(Attendee)
            .scalar_subquery()
        )

    rows = session.execute(
        sa.select(
            Attendee,
            count(Suggestion.attendee_id),
            count(Suggestion.other_id),
            complete_condition(),
        )
        .where(*where)
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
        .limit(PER_PAGE)
        .offset((max(1, page) - 1) * PER_PAGE)
    ).all()
    return [PersonRow(a, int(s or 0), int(n or 0), bool(c)) for a, s, n, c in rows], total


def find_attendee(session: Session, event: Event, text: str) -> list[Attendee]:
    """Attendees an organizer may mean by `text`: the email exactly, else names containing it."""
    text = " ".join(text.split())
    if not text:
        return []
    by_email = session.scalar(
        sa.select(Attendee).where(
            Attendee.event_id == event.id, sa.func.lower(Attendee.email) == text.lower()
        )
    )
    if by_email is not None:
        return [by_email]
    exact = session.scalars(
        sa.select(Attendee).where(
            Attendee.event_id == event.id, sa.func.lower(Attendee.name) == text.lower()
        )
    ).all()
    if exact:
        return list(exact)
    return list(
        session.scalars(
            sa.select(Attendee)
            .where(
                Attendee.event_id == event.id,
                sa.func.lower(Attendee.name).like(_like(text), escape="\\"),
            )
            .order_by(sa.func.lower(Attendee.name))
            .limit(8)
        )
    )
