"""Planning speed-networking rounds: who may be seated, pair affinities, times, a check.

Affinity comes from the stored suggested introductions (either direction, the higher
score counts). The first half of the rounds favour professional fit: a pair's score
counts in full for what they share professionally (interests, complementary goals,
organizations) and only in part for personal interests alone. `check_rounds` plans
without saving, so the console can say who would sit out before the organizer
commits to a number of tables. No Flask.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import Schedule, plan_rounds
from models import Attendee, Event, Suggestion
from web.services.matching import met_or_declined_pairs

PERSONAL_ONLY = 0.25  # the share of a hobby-only pair's score that counts in early rounds


def seatable(session: Session, event: Event) -> dict[int, Attendee]:
    """Attendees who may be seated (listed and not hidden), by id."""
    return {
        a.id: a
        for a in session.scalars(
            sa.select(Attendee)
            .where(
                Attendee.event_id == event.id,
                Attendee.listed.is_(True),
                Attendee.hidden.is_(False),
            )
            .order_by(Attendee.id)
        )
    }


def professional_share(detail: dict[str, Any]) -> float:
    """How much of a pair's common ground is professional, from 0 to 1 (1 when unknown)."""
    professional = personal = 0.0
    for item in detail.get("shared") or []:
        value = float(item.get("weight", 1.0)) * float(item.get("similarity", 1.0))
        if item.get("kind") == "personal":
            personal += value
        else:
            professional += value
    professional += sum(float(c.get("similarity", 1.0)) for c in detail.get("complements") or [])
    professional += 0.5 * len(detail.get("ties") or [])
    total = professional + personal
    return professional / total if total > 0 else 1.0


def affinities(
    session: Session, event: Event
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """(overall, professional-first) pair affinities from the stored suggestions."""
    overall: dict[tuple[str, str], float] = {}
    early: dict[tuple[str, str], float] = {}
    rows = session.execute(
        sa.select(
            Suggestion.attendee_id, Suggestion.other_id, Suggestion.score, Suggestion.detail
        ).where(Suggestion.event_id == event.id)
    )
    for a, b, score, detail in rows:
        key = (str(min(a, b)), str(max(a, b)))
        s = float(score)
        fit = s * (PERSONAL_ONLY + (1 - PERSONAL_ONLY) * professional_share(detail or {}))
        overall[key] = max(overall.get(key, 0.0), s)
        early[key] = max(early.get(key, 0.0), fit)
    return overall, early


def compute_schedule(
    session: Session, event: Event, rounds: int, tables: int, seed: int = 0
) -> tuple[Schedule, dict[int, Attendee]]:
    """The schedule for these numbers (nothing stored), and the people it seats from."""
    people = seatable(session, event)
    overall, early = affinities(session, event)
    schedule = plan_rounds(
        [str(i) for i in people],
        overall,
        rounds,
        tables,
        avoid=met_or_declined_pairs(session, event),
        seed=seed,
        early=early,
        early_rounds=math.ceil(rounds / 2),
    )
    return schedule, people


@dataclass(frozen=True)
class RoundsCheck:
    """Tables against head count: how many fit, and who would sit out in each round."""

    people: int
    tables: int
    seats: int  # two per table, one table may take a third
    sitting_out: list[list[str]]  # names per round

    @property
    def short(self) -> bool:
        """Whether some people would sit out rounds."""
        return any(self.sitting_out)

    @property
    def tables_needed(self) -> int:
        """Tables that seat everyone (pairs, one trio when the count is odd)."""
        return max(1, self.people // 2)


def check_rounds(session: Session, event: Event, rounds: int, tables: int) -> RoundsCheck:
    """Plan without saving and say who would sit out (raises RoundsError as planning does)."""
    schedule, people = compute_schedule(session, event, rounds, tables)
    return RoundsCheck(
        people=len(people),
        tables=tables,
        seats=2 * tables + 1,
        sitting_out=[
            sorted((people[int(pid)].name for pid in rnd.sitting_out), key=str.lower)
            for rnd in schedule.rounds
        ],
    )


@dataclass(frozen=True)
class RoundTime:
    """When one round starts and ends, as "HH:MM"."""

    starts: str
    ends: str


def round_time(event: Event, number: int) -> RoundTime | None:
    """Round `number`'s time from the event's rhythm (None when no start time is set)."""
    if event.rounds_start is None or not event.round_minutes:
        return None
    step = event.round_minutes + (event.round_break_minutes or 0)
    day = dt.datetime.combine(dt.date(2000, 1, 1), event.rounds_start)
    start = day + dt.timedelta(minutes=step * (number - 1))
    end = start + dt.timedelta(minutes=event.round_minutes)
    return RoundTime(start.strftime("%H:%M"), end.strftime("%H:%M"))
