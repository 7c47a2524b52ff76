"""Conversation starters: open questions grounded in the pair's common ground.

The questions come from the template bank in `matcher.starter_bank`; this module
picks the topics (shared interests first, then complementary goals and mutual
ties, then the other person's own profile), fits each item's wording into a
template that reads grammatically with it, and makes the choice deterministic per
ordered pair so a page reload shows the same starters.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, zip_longest

from matcher.starter_bank import BANK, BRIDGE, GENERIC, Template
from matcher.types import CommonGround, Profile
from matcher.wording import (
    clean_item,
    first_name,
    fits,
    item_form,
    mid_sentence,
    need_item,
)

__all__ = [
    "clean_item",
    "first_name",
    "item_form",
    "make_starters",
    "mid_sentence",
    "need_item",
    "pair_rng",
]

# What nearly everybody lists: fine to have in common, poor ground for a question.
_GENERIC = {
    "ai", "artificial intelligence", "machine learning", "ml", "technology", "tech",
    "startups", "startup", "innovation", "networking", "leadership", "sustainability",
    "data", "software", "business", "entrepreneurship", "marketing", "product", "design",
    "digital transformation", "travel", "music", "food", "fitness", "reading", "movies",
    "films", "podcasts", "coffee", "sports", "books", "cooking", "hiking", "running",
    "photography", "art", "gaming", "nature", "family", "friends", "learning", "growth",
    "strategy", "finance", "management", "engineering", "science", "research", "people",
}  # fmt: skip
# Shared items weighing less than this (matcher specificity) are common to many.
_GENERIC_WEIGHT = 0.2


@dataclass
class _Topic:
    bank: str
    x: str
    mine: str = ""
    from_common_ground: bool = False

    @property
    def key(self) -> str:
        return self.x.casefold()


def _shared_topics(cg: CommonGround) -> tuple[list[_Topic], list[_Topic]]:
    """Shared items split into specific ones and ones nearly everybody has."""
    strong: list[_Topic] = []
    weak: list[_Topic] = []
    for s in cg.shared:
        theirs, mine = clean_item(s.b), clean_item(s.a)
        bank = "personal" if s.kind == "personal" else "professional"
        counterpart = mine if mine.casefold() != theirs.casefold() else ""
        topic = _Topic(bank, theirs or mine, counterpart, True)
        (strong if s.weight >= _GENERIC_WEIGHT else weak).append(topic)
    return strong, weak


def _goal_and_tie_topics(cg: CommonGround) -> tuple[list[_Topic], list[_Topic]]:
    complements = []
    for c in cg.complements:
        if c.seeker == "b":
            complements.append(_Topic("they_need", need_item(c.need), clean_item(c.offer), True))
        else:
            complements.append(_Topic("they_offer", clean_item(c.offer), need_item(c.need), True))
    ties = []
    for t in cg.ties:
        bank = "contact" if t.kind == "contact" else "organization"
        ties.append(_Topic(bank, clean_item(t.b or t.a), "", True))
    return complements, ties


def _ordered_topics(a: Profile, b: Profile, cg: CommonGround) -> Iterator[_Topic]:
    """Every topic, best first, made only as far as they are asked for.

    Specific shared items, complementary goals and mutual ties lead; then B's own
    specific interests, offers and goals; generic shared items ("AI" at an AI
    conference) only after those; then the rest of B's profile; A's own last.
    """
    strong, weak = _shared_topics(cg)
    complements, ties = _goal_and_tie_topics(cg)

    def items(bank: str, values: list[str], specific: bool | None = None) -> Iterator[_Topic]:
        for value in values:
            text = need_item(value) if bank == "they_need" else clean_item(value)
            if specific is None or _is_specific(text) == specific:
                yield _Topic(bank, text)

    def rest() -> Iterator[_Topic]:
        yield from items("organization", b.organizations)
        if clean_item(b.headline):
            yield _Topic("headline", clean_item(b.headline))

    return chain(
        _interleave(strong, complements, ties),
        _interleave(
            _interleave(
                items("professional", b.interests, True),
                items("personal", b.personal_interests, True),
            ),
            _interleave(items("they_offer", b.offering), items("they_need", b.looking_for)),
        ),
        weak,
        _interleave(
            items("professional", b.interests, False),
            items("personal", b.personal_interests, False),
        ),
        rest(),
        items("mine", [*a.interests, *a.personal_interests]),
    )


# Banks that `_ordered_topics` yields only after every interest: no bridge topic
# can follow the first of them.
_AFTER_INTERESTS = ("headline", "mine")


def _is_specific(item: str) -> bool:
    """Not one of the words on everybody's profile ("AI", "startups", "coffee")."""
    return item.casefold() not in _GENERIC


def _interleave(*groups: Iterable[_Topic]) -> Iterator[_Topic]:
    return (t for row in zip_longest(*groups) for t in row if t is not None)


class _Topics:
    """The pair's distinct topics in order, read from `_ordered_topics` only as needed.

    Most pairs need three or four topics; building every item of both profiles for
    each of a full run's suggestions was most of the starters' time.
    """

    def __init__(self, ordered: Iterator[_Topic]) -> None:
        self._ordered = ordered
        self._seen: set[str] = set()
        self.items: list[_Topic] = []

    def _more(self) -> bool:
        seen = self._seen
        for topic in self._ordered:
            if topic.x:
                key = topic.key
                if key not in seen:
                    seen.add(key)
                    self.items.append(topic)
                    return True
        return False

    def at(self, i: int) -> _Topic | None:
        """The `i`-th topic (0-based), or None when there are fewer."""
        items = self.items
        while i >= len(items):
            if not self._more():
                return None
        return items[i]

    def __iter__(self) -> Iterator[_Topic]:
        i = 0
        while (topic := self.at(i)) is not None:
            yield topic
            i += 1

    def everything(self) -> list[_Topic]:
        """All topics (reads the rest)."""
        while self._more():
            pass
        return self.items


def _slot(text: str, template_form: str) -> str:
    return text if template_form == "q" else mid_sentence(text)


def _render(template: Template, topic: _Topic) -> str:
    mine = mid_sentence(topic.mine) if topic.mine else ""
    x = _slot(topic.x, template.form)
    first_word = x.split(" ", 1)[0]
    if template.text.startswith("“{x}") and x[:1].islower() and first_word == first_word.lower():
        x = x[0].upper() + x[1:]  # it opens the sentence
    return template.text.format(x=x, mine=mine)


def _candidates(topic: _Topic, used: set[str]) -> list[Template]:
    # A contact is a person's name: always a plain noun phrase.
    form = "n" if topic.bank == "contact" else item_form(topic.x)
    mine_fits = bool(topic.mine) and fits(item_form(topic.mine, own=True), "nag")
    eligible = _eligible(topic.bank, form, topic.from_common_ground, mine_fits)
    return [template for template in eligible if template.text not in used]


@cache
def _eligible(bank: str, form: str, shared: bool, mine_fits: bool) -> tuple[Template, ...]:
    """The bank's templates that read well with an item of this kind, in bank order.

    A handful of keys covers every topic; filtering the whole bank for each topic
    of a full run's suggestions was a third of the starters' time.
    """
    return tuple(
        template
        for template in BANK[bank]
        if fits(form, template.form)
        and (shared or not template.shared_only)
        and (mine_fits or "{mine}" not in template.text)
    )


def _address(question: str, name: str) -> str:
    """Prefix a first name as a vocative: "Ana, what first pulled you into ...?"."""
    first_word = question.split(" ", 1)[0]
    if first_word == "I" or first_word.startswith("I'"):
        return f"{name}, {question}"
    return f"{name}, {question[0].lower()}{question[1:]}"


def pair_rng(a: Profile, b: Profile) -> random.Random:
    """A random generator seeded by the ordered pair: same pair, same choices."""
    digest = hashlib.sha256(f"{a.id}\x1f{b.id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def make_starters(a: Profile, b: Profile, cg: CommonGround, n: int = 3) -> list[str]:
    """`n` distinct open questions A can ask B, deterministic per pair.

    Each question is grounded in a different item where possible: shared
    interests first, then complementary goals and mutual ties, then B's own
    interests, offers, goals and headline; A's own interests only as a last resort.
    """
    rng = pair_rng(a, b)
    topics = _Topics(_ordered_topics(a, b, cg))
    used: set[str] = set()
    starters: list[str] = []
    # Go through the topics up to n times; a pair with fewer items than `n` gets
    # more than one question on the same item, never the same question twice.
    for round_ in range(n):
        if len(starters) == n:
            break
        for topic in topics if round_ == 0 else topics.everything():
            if len(starters) == n:
                break
            options = _candidates(topic, used)
            if not options:
                continue
            template = rng.choice(options)
            used.add(template.text)
            sentence = _render(template, topic)
            if sentence not in starters:
                starters.append(sentence)
    _maybe_bridge(starters, topics, rng, n)
    for generic in GENERIC:
        if len(starters) >= n:
            break
        starters.append(generic)
    name = first_name(b.name)
    if name and starters and rng.random() < 0.95:
        i = rng.randrange(len(starters))
        starters[i] = _address(starters[i], name)
    return starters[:n]


def _maybe_bridge(starters: list[str], topics: _Topics, rng: random.Random, n: int) -> None:
    """Now and then, replace the last question with one joining two further topics."""
    if len(starters) < n:
        return
    spare: list[_Topic] = []
    i = max(n - 1, 0)
    while len(spare) < 2:
        t = topics.at(i)
        if t is None or t.bank in _AFTER_INTERESTS:
            break
        if (
            item_form(t.x) in ("n", "g")
            and t.bank in ("professional", "personal")
            and _is_specific(t.x)
        ):
            spare.append(t)
        i += 1
    if len(spare) < 2 or rng.random() >= 0.3:
        return
    x, y = spare[0], spare[1]
    template = rng.choice(BRIDGE)
    starters[n - 1] = template.text.format(x=mid_sentence(x.x), y=mid_sentence(y.x))
