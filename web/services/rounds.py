"""Speed-networking rounds for an event: plan from the suggestions, store, read back.

Affinity comes from the stored suggested introductions (either direction, the higher
score counts), so run matching first for the best tables. Attendees who chose not to
be listed are never seated; pairs who already met or declined never share a table.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import (  # noqa: F401 (RoundsError re-exported)
    CommonGround,
    Matcher,
    RoundsError,
    Schedule,
    wording,
)
from models import Attendee, Event, RoundAssignment, Suggestion
from web.services.common_ground import event_common_ground, pair_common_ground
from web.services.exporting import registration_key
from web.services.round_plan import RoundTime, affinities, compute_schedule, round_time

log = logging.getLogger(__name__)

MAX_ROUNDS = 50
MAX_TABLES = 1000
# Seconds a web request may spend explaining table-mates without a stored suggestion;
# the rest are explained when each attendee opens their page.
NOTES_BUDGET = 5.0
SCHEDULE_HEADERS = [
    "Round",
    "Table",
    "Attendee",
    "Registration key",
    "Sitting with",
    "In common",
    "Starts",
    "Ends",
]


@dataclass
class Mate:
    """A table-mate as an attendee sees them."""

    name: str
    headline: str
    note: str


@dataclass
class MyRound:
    """One round for one attendee: a table and table-mates, or a sit-out."""

    number: int
    table: int | None
    mates: list[Mate] = field(default_factory=list)
    time: RoundTime | None = None


def round_affinities(session: Session, event: Event) -> dict[tuple[str, str], float]:
    """Sparse pair affinities from the event's stored suggestions."""
    return affinities(session, event)[0]


def _notes(
    session: Session,
    matcher: Matcher,
    event: Event,
    schedule: Schedule,
    people: dict[int, Attendee],
    budget: float | None,
) -> dict[tuple[int, int], str]:
    """For seated (attendee, mate) pairs: what they have in common, from the attendee's side.

    Each pair's one common ground (`web.services.common_ground`): the stored one, or
    the matcher's until `budget` seconds are spent (None: no limit); each side reads
    its own side of it. Pairs left out are explained later, when an attendee opens
    their page (`my_rounds`).
    """
    deadline = None if budget is None else time.monotonic() + budget
    stored: dict[tuple[int, int], CommonGround] = {}
    for a, b, detail in session.execute(
        sa.select(Suggestion.attendee_id, Suggestion.other_id, Suggestion.detail).where(
            Suggestion.event_id == event.id
        )
    ):
        if detail:
            stored[(a, b)] = CommonGround.from_dict(detail)
    compute = event_common_ground(session, matcher, event)
    notes: dict[tuple[int, int], str] = {}
    matcher_works = True
    for a_id, b_id in schedule.meetings():
        a, b = int(a_id), int(b_id)
        found = stored.get((a, b)) or (stored[(b, a)].flipped() if (b, a) in stored else None)
        in_time = deadline is None or time.monotonic() < deadline
        if found is None and matcher_works and in_time:
            try:
                found = compute(people[a], people[b])
            except Exception:  # the note is a nicety: the schedule stands without it
                log.warning("rounds: no common-ground notes (matcher failed)", exc_info=True)
                matcher_works = False
        if found is not None:
            notes[(a, b)] = wording.note(found)
            theirs = stored.get((b, a))
            notes[(b, a)] = wording.note(theirs if theirs is not None else found.flipped())
    return notes


def plan_event_rounds(
    session: Session,
    matcher: Matcher,
    event: Event,
    rounds: int,
    tables: int,
    seed: int = 0,
    notes_budget: float | None = NOTES_BUDGET,
) -> Schedule:
    """Plan `rounds` rounds on `tables` tables for the listed attendees and store them.

    Replaces the event's previous schedule. Flushes only; the caller commits.
    Raises RoundsError with a message for the organizer when it cannot be done.
    """
    if rounds > MAX_ROUNDS:
        raise RoundsError(f"Plan at most {MAX_ROUNDS} rounds.")
    if tables > MAX_TABLES:
        raise RoundsError(f"Use at most {MAX_TABLES} tables.")
    schedule, people = compute_schedule(session, event, rounds, tables, seed)
    notes = _notes(session, matcher, event, schedule, people, notes_budget)
    session.execute(sa.delete(RoundAssignment).where(RoundAssignment.event_id == event.id))
    for rnd in schedule.rounds:
        for table in rnd.tables:
            for member in table.members:
                me = int(member)
                mates = [int(m) for m in table.members if m != member]
                session.add(
                    RoundAssignment(
                        event_id=event.id,
                        round_number=rnd.number,
                        table_number=table.number,
                        attendee_id=me,
                        notes={str(m): notes[(me, m)] for m in mates if (me, m) in notes},
                    )
                )
        for member in rnd.sitting_out:
            session.add(
                RoundAssignment(
                    event_id=event.id,
                    round_number=rnd.number,
                    table_number=None,
                    attendee_id=int(member),
                    notes={},
                )
            )
    session.flush()
    log.info(
        "event %s: planned %d rounds on %d tables for %d", event.slug, rounds, tables, len(people)
    )
    return schedule


def _assignments(session: Session, event: Event) -> list[tuple[RoundAssignment, Attendee]]:
    return list(
        session.execute(
            sa.select(RoundAssignment, Attendee)
            .join(Attendee, Attendee.id == RoundAssignment.attendee_id)
            .where(RoundAssignment.event_id == event.id)
            .order_by(
                RoundAssignment.round_number,
                RoundAssignment.table_number.is_(None),
                RoundAssignment.table_number,
                sa.func.lower(Attendee.name),
            )
        )
    )


def listed_count(session: Session, event: Event) -> int:
    """How many attendees may be seated (listed, and not hidden by the organizer)."""
    stmt = sa.select(sa.func.count(Attendee.id)).where(
        Attendee.event_id == event.id, Attendee.listed.is_(True), Attendee.hidden.is_(False)
    )
    return int(session.scalar(stmt) or 0)


def schedule_summary(session: Session, event: Event) -> dict[str, int]:
    """How many rounds, tables and seated people the stored schedule has (zeros if none)."""
    row = session.execute(
        sa.select(
            sa.func.max(RoundAssignment.round_number),
            sa.func.max(RoundAssignment.table_number),
            sa.func.count(sa.distinct(RoundAssignment.attendee_id)),
        ).where(RoundAssignment.event_id == event.id)
    ).one()
    return {"rounds": row[0] or 0, "tables": row[1] or 0, "people": row[2] or 0}


def schedule_tables(session: Session, event: Event) -> list[dict[str, Any]]:
    """The stored schedule by round: [{number, tables: [(table, [names])], sitting_out,
    time}]."""
    by_round: dict[int, dict[str, Any]] = {}
    for assignment, person in _assignments(session, event):
        rnd = by_round.setdefault(
            assignment.round_number,
            {
                "number": assignment.round_number,
                "tables": {},
                "sitting_out": [],
                "time": round_time(event, assignment.round_number),
            },
        )
        if assignment.table_number is None:
            rnd["sitting_out"].append(person.name)
        else:
            rnd["tables"].setdefault(assignment.table_number, []).append(person.name)
    return [{**r, "tables": sorted(r["tables"].items())} for r in by_round.values()]


def schedule_rows(session: Session, event: Event) -> Iterator[list[str | int | float]]:
    """One row per attendee per round, in SCHEDULE_HEADERS order (not yet neutralised)."""
    assignments = _assignments(session, event)
    seats: dict[tuple[int, int], list[Attendee]] = defaultdict(list)
    for assignment, person in assignments:
        if assignment.table_number is not None:
            seats[(assignment.round_number, assignment.table_number)].append(person)
    for assignment, person in assignments:
        if assignment.table_number is None:
            row: list[str | int | float] = [
                assignment.round_number,
                "sits out",
                person.name,
                registration_key(person),
                "",
                "",
            ]
        else:
            mates = [
                p
                for p in seats[(assignment.round_number, assignment.table_number)]
                if p is not person
            ]
            notes = [assignment.notes.get(str(m.id), "") for m in mates]
            if len(mates) > 1:  # a trio: say whose common ground each note is
                notes = [f"{m.name}: {n}" if n else "" for m, n in zip(mates, notes, strict=True)]
            row = [
                assignment.round_number,
                assignment.table_number,
                person.name,
                registration_key(person),
                " & ".join(m.name for m in mates),
                " / ".join(n for n in notes if n),
            ]
        when = round_time(event, assignment.round_number)
        yield [*row, when.starts if when else "", when.ends if when else ""]


# Built once: my page asks on every visit (building costs more than running it).
_MY_SEATS = (
    sa.select(RoundAssignment)
    .where(RoundAssignment.attendee_id == sa.bindparam("me"))
    .order_by(RoundAssignment.round_number)
)


def my_rounds(session: Session, matcher: Matcher, attendee: Attendee) -> list[MyRound]:
    """The attendee's rounds, in order, with table-mates and what they have in common.

    Notes missing since planning are explained now and kept (flushed with the session).
    """
    mine = session.scalars(_MY_SEATS, {"me": attendee.id}).all()
    if not mine:
        return []
    seated = [(a.round_number, a.table_number) for a in mine if a.table_number is not None]
    mates: dict[tuple[int, int | None], list[Attendee]] = defaultdict(list)
    if seated:
        rows = session.execute(
            sa.select(RoundAssignment.round_number, RoundAssignment.table_number, Attendee)
            .join(Attendee, Attendee.id == RoundAssignment.attendee_id)
            .where(
                RoundAssignment.event_id == attendee.event_id,
                RoundAssignment.attendee_id != attendee.id,
                # Someone who stopped being listed (or was hidden) after the plan is not shown.
                Attendee.listed.is_(True),
                Attendee.hidden.is_(False),
                sa.tuple_(RoundAssignment.round_number, RoundAssignment.table_number).in_(seated),
            )
            .order_by(Attendee.name)
        )
        for number, table, person in rows:
            mates[(number, table)].append(person)
    out = []
    matcher_works = True
    for a in mine:
        people = mates.get((a.round_number, a.table_number), [])
        missing = [p for p in people if str(p.id) not in a.notes]
        if missing and matcher_works:
            # Explained now (planning ran out of time) and kept for next time.
            found = {}
            for p in missing:
                try:
                    found[str(p.id)] = wording.note(
                        pair_common_ground(session, matcher, attendee, p)
                    )
                except Exception:  # the note is a nicety: the page stands without it
                    log.warning("rounds: no common-ground notes (matcher failed)", exc_info=True)
                    matcher_works = False
                    break
            a.notes = {**a.notes, **found}
        out.append(
            MyRound(
                number=a.round_number,
                table=a.table_number,
                mates=[Mate(p.name, p.headline, a.notes.get(str(p.id), "")) for p in people],
                time=round_time(attendee.event, a.round_number),
            )
        )
    return out
