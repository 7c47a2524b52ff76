"""The public data types of the matcher contract (PRODUCT.md §4)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from typing import Any, Protocol, TypeVar, cast

T = TypeVar("T")


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
    # "personal" when both listed it among personal interests, "about" when either said
    # it in their about (`matcher.about_phrases`), else "interest".
    kind: str
    weight: float = 1.0  # specificity in the event (rarer concepts weigh more)
    # "same" (the two wordings mean one thing: "you both") or "related" (same field,
    # different things: said as "related — you: X · them: Y", never "you both").
    grade: str = "same"


@dataclass(slots=True)
class Complement:
    """`seeker` looks for `need`; the other person offers `offer`."""

    seeker: str  # "a" or "b"
    need: str
    offer: str
    similarity: float
    # The offer is the provider's own "looking for" item that meets the need (a
    # hiring manager's and a job seeker's goals): said as "they are looking for".
    mutual: bool = False
    # The offer is what the provider's headline says they do, not an offer they wrote
    # (someone who wrote no goals: `matcher.facets.headline_goals`): said as their work.
    implied: bool = False
    # A mutual complement whose two searches are of one kind as matching read them (in
    # English, for a profile in another language): each lacks the same thing, a shared
    # goal (`matcher.wording.peers`). None where not known (stored before it was kept).
    same_kind: bool | None = None


@dataclass(slots=True)
class Tie:
    """A mutual tie: same organization (former employer, school), or a shared contact."""

    # "organization" or "contact"; or no tie but what is said when nothing else is:
    # "background" (similar backgrounds: both headlines, the same kind of work) or
    # "nearby" (a list's fill, `matcher.fill`: the other's work is among the closest
    # here; both headlines). "field" (related work: both headlines, work in one field)
    # is no longer made (`matcher.explain`), but suggestions stored with it still read.
    kind: str
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
        longer than the explanations themselves for a full run's suggestions. Every
        field of the item classes is carried (`item_fields`), so a new field with a
        default is stored and read back without changing this.
        """
        shared_f, complement_f, tie_f = (item_fields(c) for c in (SharedItem, Complement, Tie))
        return {
            "score": self.score,
            "shared": [{f: getattr(s, f) for f in shared_f} for s in self.shared],
            "complements": [{f: getattr(c, f) for f in complement_f} for c in self.complements],
            "ties": [{f: getattr(t, f) for f in tie_f} for t in self.ties],
            "reasons": list(self.reasons),
            "starters": list(self.starters),
        }

    def flipped(self) -> CommonGround:
        """The same common ground from the other person's side: every item's two
        wordings swapped, each complement's seeker too, reasons said to them.

        The score is the pair's (symmetric). Starters are questions for one side to
        ask, so the flipped object has none: `matcher.make_starters(b, a, flipped)`
        makes the other side's from it.
        """
        from matcher.wording import reasons

        cg = CommonGround(
            score=self.score,
            shared=[
                SharedItem(s.b, s.a, s.similarity, s.kind, s.weight, s.grade) for s in self.shared
            ],
            complements=[
                Complement(
                    "b" if c.seeker == "a" else "a",
                    c.need,
                    c.offer,
                    c.similarity,
                    c.mutual,
                    c.implied,
                    c.same_kind,
                )  # fmt: skip
                for c in self.complements
            ],
            ties=[Tie(t.kind, t.b, t.a) for t in self.ties],
        )
        cg.reasons = reasons(cg)
        return cg

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CommonGround:
        """Inverse of `to_dict`; fields it does not know (a newer version's) are ignored."""
        return cls(
            score=float(data.get("score", 0.0)),
            shared=[_item(SharedItem, s) for s in data.get("shared", [])],
            complements=[_item(Complement, c) for c in data.get("complements", [])],
            ties=[_item(Tie, t) for t in data.get("ties", [])],
            reasons=list(data.get("reasons", [])),
            starters=list(data.get("starters", [])),
        )


@functools.cache
def item_fields(cls: Any) -> tuple[str, ...]:
    """The field names of an item dataclass, in order."""
    return tuple(f.name for f in fields(cls))


def _item(cls: type[T], data: dict[str, Any]) -> T:
    known = item_fields(cast(Any, cls))
    return cls(**{k: v for k, v in data.items() if k in known})


class Explaining(Protocol):
    """Where a suggestion's common ground is made when first read."""

    def fill(self, index: int) -> None:
        """Make the common ground of suggestion `index` (and of others it batches)."""
        ...


class Suggestion:
    """A suggested introduction for one attendee: `other_id`, `score`, `common_ground`.

    The common ground may be made on first read (`source`): a full run scores and
    assigns every list and explains them only when they are read, a batch at a
    time (`matcher.explain_all` makes them all at once); every read of one
    suggestion gives the same object.
    """

    __slots__ = ("other_id", "score", "_common_ground", "source", "_index")

    def __init__(
        self,
        other_id: str,
        score: float,
        common_ground: CommonGround | None = None,
        *,
        source: Explaining | None = None,
        index: int = 0,
    ) -> None:
        if common_ground is None and source is None:
            raise ValueError("a suggestion needs its common ground or a way to make it")
        self.other_id = other_id
        self.score = score
        self._common_ground = common_ground
        self.source = source  # source.fill(index) makes this one's common ground (and more)
        self._index = index

    @property
    def common_ground(self) -> CommonGround:
        """Why the two should meet, from the receiver's side (made on first read)."""
        if self._common_ground is None:
            assert self.source is not None
            self.source.fill(self._index)
            assert self._common_ground is not None, "the explainer skipped this suggestion"
        return self._common_ground

    @common_ground.setter
    def common_ground(self, value: CommonGround) -> None:
        self._common_ground = value

    @property
    def place(self) -> int:
        """Its position among its source's suggestions (what `source.fill` takes)."""
        return self._index

    @property
    def explained(self) -> bool:
        """Whether the common ground is made already."""
        return self._common_ground is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Suggestion):
            return NotImplemented
        return (self.other_id, self.score, self.common_ground) == (
            other.other_id,
            other.score,
            other.common_ground,
        )

    def __repr__(self) -> str:
        return f"Suggestion(other_id={self.other_id!r}, score={self.score!r})"
