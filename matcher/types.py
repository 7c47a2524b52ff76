"""The public data types of the matcher contract (PRODUCT.md §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Profile:
    """One attendee as the matcher sees it: a few lists of short phrases."""

    id: str
    name: str
    headline: str = ""
    interests: list[str] = field(default_factory=list)
    personal_interests: list[str] = field(default_factory=list)
    looking_for: list[str] = field(default_factory=list)
    offering: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    about: str = ""
    # Beyond the §4 contract, optional: the current employer, for the
    # "exclude same-company pairs" setting.
    company: str = ""


@dataclass(slots=True)
class SharedItem:
    """An item of A aligned with an item of B: `a` is A's words, `b` is B's."""

    a: str
    b: str
    similarity: float
    kind: str  # "interest" or "personal"
    weight: float = 1.0  # specificity in the event (rarer concepts weigh more)


@dataclass(slots=True)
class Complement:
    """`seeker` looks for `need`; the other person offers `offer`."""

    seeker: str  # "a" or "b"
    need: str
    offer: str
    similarity: float


@dataclass(slots=True)
class Tie:
    """A mutual tie: same organization (former employer, school), or a shared contact."""

    kind: str  # "organization" or "contact"
    a: str
    b: str


@dataclass(slots=True)
class CommonGround:
    """Why two people should meet; every field is about the ordered pair (a, b)."""

    score: float
    shared: list[SharedItem] = field(default_factory=list)
    complements: list[Complement] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    starters: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (stored with suggestions, served by the API).

        Written out rather than `dataclasses.asdict`, whose generic deep copy took
        longer than the explanations themselves for a full run's suggestions.
        """
        return {
            "score": self.score,
            "shared": [
                {"a": s.a, "b": s.b, "similarity": s.similarity, "kind": s.kind, "weight": s.weight}
                for s in self.shared
            ],
            "complements": [
                {"seeker": c.seeker, "need": c.need, "offer": c.offer, "similarity": c.similarity}
                for c in self.complements
            ],
            "ties": [{"kind": t.kind, "a": t.a, "b": t.b} for t in self.ties],
            "reasons": list(self.reasons),
            "starters": list(self.starters),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CommonGround:
        """Inverse of `to_dict`."""
        return cls(
            score=float(data.get("score", 0.0)),
            shared=[SharedItem(**s) for s in data.get("shared", [])],
            complements=[Complement(**c) for c in data.get("complements", [])],
            ties=[Tie(**t) for t in data.get("ties", [])],
            reasons=list(data.get("reasons", [])),
            starters=list(data.get("starters", [])),
        )


@dataclass(slots=True)
class Suggestion:
    """A suggested introduction for one attendee."""

    other_id: str
    score: float
    common_ground: CommonGround
