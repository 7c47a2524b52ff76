"""A map of the event's topics: people placed by their interests, in labelled groups.

Each person with interests becomes the mean of their interest phrases' vectors (the
matcher's own phrase vectors, professional interests counting double); people are
grouped by k-means in that space, and shown on a plane by its first two principal
components. A group is named by the topics most typical of it: frequent in the
group, rarer in the rest of the event (so "AI" at an AI conference names nothing).
No Flask.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import normalise_phrase
from models import Attendee, Event
from web.services.profile_text import clean_line
from web.services.svg_charts import MapGroup, MapPoint

log = logging.getLogger(__name__)

MAX_GROUPS = 8
TOPICS_PER_GROUP = 3
SEED = 7  # the same event draws the same map every time

# The vectors already known for some phrases, never encoding (see web.services.pictures).
Vectors = Callable[[Sequence[str]], dict[str, np.ndarray]]


@dataclass
class Group:
    """One group of people with similar interests."""

    number: int  # 0-based, as coloured on the map
    topics: list[str]  # most typical first
    people: list[int] = field(default_factory=list)  # attendee ids

    @property
    def label(self) -> str:
        """Its top topics as one line."""
        return ", ".join(self.topics) or "various topics"


@dataclass
class TopicMap:
    """Positions (in [0, 1]²) of everyone mapped, their groups, and who is not mapped."""

    points: list[MapPoint]
    groups: list[Group]
    unmapped: int  # attendees without interests
    waiting: int = 0  # attendees whose interests matching has not read yet

    @property
    def mapped(self) -> int:
        """How many people are on the map."""
        return len(self.points)

    def centres(self) -> list[MapGroup]:
        """Where each group's label goes: the mean position of its people."""
        out = []
        for g in self.groups:
            xs = [p.x for p in self.points if p.group == g.number]
            ys = [p.y for p in self.points if p.group == g.number]
            if xs:
                label = f"{g.label} ({len(g.people)} people)"
                out.append(MapGroup(g.number, sum(xs) / len(xs), sum(ys) / len(ys), label))
        return out


def _kmeans(x: np.ndarray, k: int, rounds: int = 50) -> np.ndarray:
    """Group labels (n,) of rows of `x` (n, d) by k-means with k-means++ seeding."""
    rng = np.random.default_rng(SEED)
    n = x.shape[0]
    centres = [x[int(rng.integers(n))]]
    for _ in range(1, k):
        d2 = np.min([((x - c) ** 2).sum(axis=1) for c in centres], axis=0)
        total = float(d2.sum())
        if total <= 0:
            break
        centres.append(x[int(rng.choice(n, p=d2 / total))])
    c = np.stack(centres)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(rounds):
        new = np.argmin(((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2), axis=1)
        if np.array_equal(new, labels) and _ > 0:
            break
        labels = new
        for j in range(len(c)):
            members = x[labels == j]
            if len(members):
                c[j] = members.mean(axis=0)
    return labels


def _plane(x: np.ndarray) -> np.ndarray:
    """Rows of `x` (n, d) on their first two principal components, scaled into [0, 1]²."""
    centred = x - x.mean(axis=0)
    if x.shape[0] < 3:
        coords = np.zeros((x.shape[0], 2))
        coords[:, 0] = np.arange(x.shape[0])
    else:
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        coords = centred @ vt[:2].T
        if coords.shape[1] < 2:
            coords = np.pad(coords, ((0, 0), (0, 2 - coords.shape[1])))
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    # A margin keeps dots and labels off the frame.
    return 0.06 + 0.88 * (coords - low) / span


def topic_map(session: Session, event: Event, vectors: Vectors) -> TopicMap:
    """The event's map (every attendee with interests, hidden ones left out)."""
    rows = session.execute(
        sa.select(Attendee.id, Attendee.interests, Attendee.personal_interests)
        .where(Attendee.event_id == event.id, Attendee.hidden.is_(False))
        .order_by(Attendee.id)
    ).all()
    people: list[tuple[int, list[str], list[float]]] = []  # (id, phrase keys, weights)
    display: dict[str, str] = {}
    unmapped = 0
    for pid, interests, personal in rows:
        keys: list[str] = []
        weights: list[float] = []
        for items, weight in ((interests or [], 2.0), (personal or [], 1.0)):
            for item in items:
                shown = clean_line(item)
                key = normalise_phrase(shown)
                if key and key not in keys:
                    keys.append(key)
                    weights.append(weight)
                    display.setdefault(key, shown)
        if keys:
            people.append((pid, keys, weights))
        else:
            unmapped += 1
    known = vectors(sorted({k for _, keys, _ in people for k in keys})) if people else {}
    waiting = 0
    placed: list[tuple[int, list[str], list[float]]] = []
    for pid, keys, weights in people:
        mine = [(k, w) for k, w in zip(keys, weights, strict=True) if k in known]
        if mine:
            placed.append((pid, [k for k, _ in mine], [w for _, w in mine]))
        else:
            waiting += 1
    people = placed
    if not people:
        return TopicMap([], [], unmapped, waiting)
    dim = len(next(iter(known.values())))
    x = np.zeros((len(people), dim), dtype=np.float64)
    for i, (_, keys, weights) in enumerate(people):
        v = (np.stack([known[k] for k in keys]) * np.array(weights)[:, None]).sum(axis=0)
        norm = np.linalg.norm(v)
        x[i] = v / norm if norm else v
    k = max(1, min(MAX_GROUPS, round(math.sqrt(len(people) / 2))))
    labels = _kmeans(x, k) if k > 1 else np.zeros(len(people), dtype=np.int64)
    groups = _name_groups(people, labels, display)
    plane = _plane(x)
    renumber = {old: new for new, old in enumerate(g.number for g in groups)}
    for g in groups:
        g.number = renumber[g.number]
    points = [
        MapPoint(float(plane[i, 0]), float(plane[i, 1]), renumber[int(labels[i])])
        for i in range(len(people))
    ]
    return TopicMap(points, groups, unmapped, waiting)


def _name_groups(
    people: list[tuple[int, list[str], list[float]]], labels: np.ndarray, display: dict[str, str]
) -> list[Group]:
    """Groups, largest first, each named by its most typical professional topics."""
    professional = {
        k for _, keys, weights in people for k, w in zip(keys, weights, strict=True) if w > 1
    }
    everyone = Counter(k for _, keys, _ in people for k in keys)
    n = len(people)
    groups = []
    for label in sorted(set(labels.tolist())):
        members = [people[i] for i in np.flatnonzero(labels == label)]
        counts = Counter(k for _, keys, _ in members for k in keys)
        size = len(members)

        def typical(key: str, counts: Counter[str] = counts, size: int = size) -> float:
            # Share of the group naming it, against its share in the whole event.
            return (counts[key] / size) * math.log(1 + n / everyone[key])

        # Named by professional topics (personal ones only place people on the map).
        named = [k for k in counts if k in professional] or list(counts)
        ranked = sorted(named, key=lambda k: (-typical(k), -counts[k], k))
        repeated = [k for k in ranked if counts[k] > 1] or ranked
        topics = [display[k] for k in repeated[:TOPICS_PER_GROUP]]
        groups.append(Group(int(label), topics, [pid for pid, _, _ in members]))
    groups.sort(key=lambda g: (-len(g.people), g.number))
    return groups


def map_alt(tmap: TopicMap) -> str:
    """A one-sentence description of the map, for its alt text."""
    if not tmap.points:
        return "No attendee has listed interests yet, so there is no map."
    parts = "; ".join(f"{g.number + 1}: {g.label} ({len(g.people)})" for g in tmap.groups)
    return (
        f"Map of {tmap.mapped} attendees placed by their interests, in "
        f"{len(tmap.groups)} groups — {parts}."
    )
