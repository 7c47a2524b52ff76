"""Synthetic events with planted ground truth, for the quality and performance benchmarks.

`generate_event(n, seed)` returns realistic-looking profiles and, for the planted
attendees, the partner they should be introduced to. It is meant to be hard:

- planted partners share two rare concepts written in *different* wordings
  ("running marathons" / "trail running"), or need what the other offers
  (worded differently on each side) and share one rare concept;
- decoys: each planted concept and goal is also given to other attendees, often in
  one partner's exact wording, so an exact-tag matcher finds the wrong person;
- everybody carries popular generic interests ("AI", "startups", "travel") as noise,
  and unplanted attendees carry random concepts and goals.

Run it directly to print a few profiles: `python scripts/synth.py 20`.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth_data import (  # noqa: E402
    COMPANIES,
    FIRST_NAMES,
    GENERIC_PERSONAL,
    GENERIC_PROFESSIONAL,
    GOALS,
    LAST_NAMES,
    PERSONAL,
    PROFESSIONAL,
    ROLES,
    SCHOOLS,
)

from matcher import Profile  # noqa: E402

PLANTED_SHARE = 0.6  # share of attendees that have a planted partner
COMPLEMENT_SHARE = 0.4  # share of planted pairs that are need/offer pairs


@dataclass
class SyntheticEvent:
    """Profiles plus the planted truth: `partner[id]` is who `id` should meet."""

    profiles: list[Profile]
    partner: dict[str, str] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)  # "shared" or "complement"


def _org_variant(rng: random.Random, name: str) -> str:
    """The same organization as different people write it ("Google LLC" / "Google")."""
    for suffix in (" LLC", " Inc.", " Ltd", " AG", " & Company"):
        if name.endswith(suffix) and rng.random() < 0.5:
            return name[: -len(suffix)]
    return name


class _Builder:
    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.people: list[dict[str, list[str]]] = [
            {"interests": [], "personal": [], "needs": [], "offers": []} for _ in range(n)
        ]
        self._pools: dict[str, list[int]] = {}

    def take(self, pool: str, size: int) -> int:
        """Next concept index from a shuffled cycle, so reuse is spread evenly."""
        queue = self._pools.setdefault(pool, [])
        if not queue:
            queue.extend(self.rng.sample(range(size), size))
        return queue.pop()

    def two_wordings(self, wordings: list[str]) -> tuple[str, str]:
        first, second = self.rng.sample(wordings, 2)
        return first, second

    def decoys(self, exclude: set[int], count: int) -> list[int]:
        others = self.rng.sample(range(self.n), min(self.n, count + 4))
        return [p for p in others if p not in exclude][:count]


def generate_event(n: int, seed: int = 0) -> SyntheticEvent:
    """A synthetic event of `n` attendees with planted partners (deterministic per seed)."""
    b = _Builder(n, seed)
    rng = b.rng
    order = rng.sample(range(n), n)
    n_pairs = int(n * PLANTED_SHARE) // 2
    event = SyntheticEvent(profiles=[])
    planted: set[int] = set()
    for pair in range(n_pairs):
        x, y = order[2 * pair], order[2 * pair + 1]
        planted.update((x, y))
        kind = "complement" if rng.random() < COMPLEMENT_SHARE else "shared"
        event.partner[str(x)], event.partner[str(y)] = str(y), str(x)
        event.kind[str(x)] = event.kind[str(y)] = kind
        _plant_concept(b, x, y, "interests", PROFESSIONAL)
        if kind == "shared":
            _plant_concept(b, x, y, "personal", PERSONAL)
        else:
            _plant_goal(b, x, y)
            if rng.random() < 0.5:  # reciprocal: each needs what the other offers
                _plant_goal(b, y, x)
    for p in range(n):
        person = b.people[p]
        if p not in planted:
            for _ in range(rng.randint(1, 2)):
                concept = PROFESSIONAL[b.take("pro", len(PROFESSIONAL))]
                person["interests"].append(rng.choice(concept[1]))
            concept = PERSONAL[b.take("personal", len(PERSONAL))]
            person["personal"].append(rng.choice(concept[1]))
            if rng.random() < 0.4:
                goal = GOALS[rng.randrange(len(GOALS))]
                side = rng.choice(("needs", "offers"))
                person[side].append(rng.choice(goal[1] if side == "needs" else goal[2]))
        person["interests"] += rng.sample(GENERIC_PROFESSIONAL, rng.randint(2, 4))
        person["personal"] += rng.sample(GENERIC_PERSONAL, rng.randint(1, 2))
        for key in ("interests", "personal"):
            rng.shuffle(person[key])
        event.profiles.append(_profile(rng, p, person))
    return event


def _plant_concept(
    b: _Builder, x: int, y: int, field_name: str, table: list[tuple[str, list[str]]]
) -> None:
    concept = table[b.take(field_name, len(table))]
    wx, wy = b.two_wordings(concept[1])
    b.people[x][field_name].append(wx)
    b.people[y][field_name].append(wy)
    for d in b.decoys({x, y}, b.rng.randint(1, 2)):  # decoys often copy one partner's words
        b.people[d][field_name].append(b.rng.choice([wx, wy, *concept[1]]))


def _plant_goal(b: _Builder, seeker: int, giver: int) -> None:
    goal = GOALS[b.take("goal", len(GOALS))]
    b.people[seeker]["needs"].append(b.rng.choice(goal[1]))
    b.people[giver]["offers"].append(b.rng.choice(goal[2]))
    for d in b.decoys({seeker, giver}, 1):  # another person offers the same
        b.people[d]["offers"].append(b.rng.choice(goal[2]))


def _profile(rng: random.Random, p: int, person: dict[str, list[str]]) -> Profile:
    company = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    orgs = [_org_variant(rng, company)]
    if rng.random() < 0.6:
        orgs.append(_org_variant(rng, rng.choice([c for c in COMPANIES if c != company])))
    orgs.append(rng.choice(SCHOOLS))
    return Profile(
        id=str(p),
        name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        headline=f"{role}, {_org_variant(rng, company)}",
        interests=person["interests"],
        personal_interests=person["personal"],
        looking_for=person["needs"],
        offering=person["offers"],
        organizations=orgs,
        about=f"{role} at {company}.",
        company=company,
    )


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    generated = generate_event(size, seed=1)
    for prof in generated.profiles:
        print(prof, "->", generated.partner.get(prof.id), generated.kind.get(prof.id))
