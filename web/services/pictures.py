"""The numbers behind the event page's pictures: goals, fairness, scores, ratings.

No Flask: each function reads the database (and, for goals, the matcher's phrase
vectors) and returns plain data that both the SVG chart and its table show, so the
picture and the table always say the same.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import normalise_goal
from models import Attendee, Event, Feedback, Suggestion
from web.services.profile_text import clean_line
from web.services.stats import complete_condition

log = logging.getLogger(__name__)

# Two goal wordings whose vectors are at least this similar count as one goal
# ("seed funding" and "seed investment"); the table lists every wording it merged.
SAME_GOAL = 0.78
GOALS_SHOWN = 12
EXPOSURE_BINS = 12  # 0 .. 11 lists, then "12 or more"
SCORE_BINS = 10

# The vectors already known for some phrases (never encoding: a page must not wait for
# the model, which a matching run may be using): phrase -> unit vector.
Vectors = Callable[[Sequence[str]], dict[str, np.ndarray]]


@dataclass
class Goal:
    """One goal of the event: who looks for it, who offers it, the wordings merged."""

    label: str
    seekers: int
    offerers: int
    wordings: list[str] = field(default_factory=list)

    @property
    def gap(self) -> int:
        """Seekers without an offer to match (negative: more offers than seekers)."""
        return self.seekers - self.offerers


def goal_balance(
    session: Session, event: Event, vectors: Vectors | None, limit: int = GOALS_SHOWN
) -> list[Goal]:
    """The event's most named goals with how many look for and offer each, busiest first.

    Wordings are merged when their vectors are close (`SAME_GOAL`); wordings without a
    known vector (new since the last matching) are merged only when identical.
    """
    seek: dict[str, set[int]] = defaultdict(set)
    offer: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    rows = session.execute(
        sa.select(Attendee.id, Attendee.looking_for, Attendee.offering).where(
            Attendee.event_id == event.id, Attendee.hidden.is_(False)
        )
    )
    for person, looking_for, offering in rows:
        for items, side in ((looking_for or [], seek), (offering or [], offer)):
            for item in items:
                display = clean_line(item)
                key = normalise_goal(display)
                if key:
                    side[key].add(person)
                    shown[key][display] += 1
    keys = sorted(set(seek) | set(offer), key=lambda k: (-(len(seek[k]) + len(offer[k])), k))
    groups = _group(keys, vectors)
    goals = []
    for members in groups:
        seekers = set().union(*(seek[k] for k in members))
        offerers = set().union(*(offer[k] for k in members))
        wordings = Counter[str]()
        for k in members:
            wordings.update(shown[k])
        goals.append(
            Goal(
                label=wordings.most_common(1)[0][0],
                seekers=len(seekers),
                offerers=len(offerers),
                wordings=[w for w, _ in wordings.most_common()],
            )
        )
    goals.sort(key=lambda g: (-(g.seekers + g.offerers), -g.seekers, g.label.lower()))
    return goals[:limit]


def _group(keys: list[str], vectors: Vectors | None) -> list[list[str]]:
    """Keys in groups of near-identical meaning; the first (busiest) key leads each."""
    if not keys:
        return []
    if vectors is None:
        return [[k] for k in keys]
    try:
        known = vectors(keys)
    except Exception:  # the picture is a nicety: identical wordings still group
        log.warning("goal picture: no phrase vectors", exc_info=True)
        return [[k] for k in keys]
    leaders: list[np.ndarray] = []  # vectors of the groups that have one
    leading: list[list[str]] = []  # those groups, in the same order
    groups: list[list[str]] = []
    for key in keys:
        vector = known.get(key)
        if vector is None:
            groups.append([key])
            continue
        if leaders:
            sims = np.stack(leaders) @ vector
            best = int(np.argmax(sims))
            if float(sims[best]) >= SAME_GOAL:
                leading[best].append(key)
                continue
        leaders.append(vector)
        leading.append([key])
        groups.append(leading[-1])
    return groups


@dataclass(frozen=True)
class Person:
    """Someone named in a fairness list."""

    id: int
    name: str
    suggestions: int


@dataclass
class Fairness:
    """How many lists each person is in, and who has a short list or none."""

    bins: list[tuple[str, int]]  # ("3", people in exactly 3 lists), ...
    eligible: int  # people who may be suggested (listed, not hidden, a profile)
    k: int
    short: list[Person]  # fewer than k suggestions (but some)
    empty: list[Person]  # a profile and no suggestion at all
    has_run: bool


def fairness(session: Session, event: Event) -> Fairness:
    """Exposure (lists each suggestable person appears in) and short or empty lists."""
    people = session.execute(
        sa.select(Attendee.id, Attendee.name, Attendee.listed)
        .where(Attendee.event_id == event.id, Attendee.hidden.is_(False), complete_condition())
        .order_by(sa.func.lower(Attendee.name), Attendee.id)
    ).all()

    def counts(column: sa.orm.InstrumentedAttribute[int]) -> dict[int, int]:
        return {
            int(who): int(n)
            for who, n in session.execute(
                sa.select(column, sa.func.count(Suggestion.id))
                .where(Suggestion.event_id == event.id)
                .group_by(column)
            )
        }

    appears = counts(Suggestion.other_id)
    own = counts(Suggestion.attendee_id)
    per_person = Counter(
        min(appears.get(pid, 0), EXPOSURE_BINS) for pid, _, listed in people if listed
    )
    bins = [(str(n), per_person.get(n, 0)) for n in range(EXPOSURE_BINS)]
    bins.append((f"{EXPOSURE_BINS}+", per_person.get(EXPOSURE_BINS, 0)))
    while len(bins) > 4 and bins[-1][1] == 0 and bins[-2][1] == 0:
        bins.pop()  # no empty tail: the axis ends near the busiest person
    k = event.suggestions_per_attendee
    short = [Person(p, n, own[p]) for p, n, _ in people if 0 < own.get(p, 0) < k]
    empty = [Person(p, n, 0) for p, n, _ in people if not own.get(p)]
    return Fairness(
        bins=bins,
        eligible=sum(1 for *_, listed in people if listed),
        k=k,
        short=short,
        empty=empty,
        has_run=bool(own),
    )


def score_bins(session: Session, event: Event) -> list[tuple[str, int]]:
    """Suggestions per score band: ("0.0–0.1", n), … ("0.9–1.0", n)."""
    counts = Counter[int]()
    for (score,) in session.execute(
        sa.select(Suggestion.score).where(Suggestion.event_id == event.id)
    ):
        counts[min(SCORE_BINS - 1, max(0, int(float(score) * SCORE_BINS)))] += 1
    return [
        (f"{i / SCORE_BINS:.1f}–{(i + 1) / SCORE_BINS:.1f}", counts.get(i, 0))
        for i in range(SCORE_BINS)
    ]


def rating_bins(session: Session, event: Event) -> list[tuple[str, int]]:
    """Answers to "How much did you have in common?" per rating, 1 to 5."""
    counts = dict(
        session.execute(
            sa.select(Feedback.rating, sa.func.count(Feedback.id))
            .where(Feedback.event_id == event.id)
            .group_by(Feedback.rating)
        ).all()
    )
    return [(str(r), int(counts.get(r, 0))) for r in range(1, 6)]
