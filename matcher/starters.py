"""Conversation starters: open questions grounded in the pair's common ground.

The questions come from the template bank in `matcher.starter_bank`; this module
plans the topics, fits each item's wording into a template that reads
grammatically with it, and makes the choice deterministic per ordered pair so a
page reload shows the same starters.

The plan for a pair: the strongest complement (what one needs and the other
offers), the most specific item both listed (only a *same* item is said to be
shared; a *related* one is asked about in the other person's words), and one
personal item; then the rest of the common ground and the other person's profile.
Goals are asked about as noun phrases ("mentoring", not "offering mentoring");
emoticons and low-signal words ("enthusiasm :)") are never a topic
(`matcher.starter_topics`); a question joining two topics joins two of one kind;
and nothing presumes the event has begun unless the caller says it has.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, zip_longest

from matcher.goals import KINDS, K, goal_kind, offer_key
from matcher.items import (
    clean_item,
    first_name,
    fits,
    item_form,
    mid_sentence,
    need_item,
)
from matcher.normalise import normalise_goal
from matcher.starter_bank import BANK, BRIDGE, GENERIC, Template
from matcher.starter_topics import need_phrase, offer_phrase, topic_text
from matcher.starter_words import in_english
from matcher.types import CommonGround, Complement, Profile, SharedItem

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
    planned: bool = False  # one of the pair's plan (`_plan`): never replaced by a bridge

    @property
    def key(self) -> str:
        return self.x.casefold()


def _is_same(s: SharedItem) -> bool:
    """Whether the two wordings mean the same thing (a graded item: `grade == "same"`)."""
    return getattr(s, "grade", "same") == "same"


def _shared_topics(cg: CommonGround) -> tuple[list[_Topic], list[_Topic]]:
    """Shared items, most specific first, split into specific ones and ones nearly
    everybody has. Only *same* items may be said to be shared; a *related* one is a
    question about the other person's own words."""
    strong: list[_Topic] = []
    weak: list[_Topic] = []
    for s in sorted(cg.shared, key=lambda s: -s.weight):
        theirs, mine = topic_text(s.b), topic_text(s.a)
        bank = "personal" if s.kind == "personal" else "professional"
        if _is_same(s):
            counterpart = mine if mine.casefold() != theirs.casefold() else ""
            topic = _Topic(bank, theirs or mine, counterpart, True)
        else:
            topic = _Topic(bank, theirs)
        (strong if s.weight >= _GENERIC_WEIGHT else weak).append(topic)
    return strong, weak


def _complement_topic(c: Complement) -> _Topic:
    if getattr(c, "mutual", False):  # their own "looking for" meets mine: their search
        return _Topic("they_need", need_phrase(c.need if c.seeker == "b" else c.offer), "", True)
    if c.seeker == "b":
        return _Topic("they_need", need_phrase(c.need), offer_phrase(c.offer), True)
    if getattr(c, "implied", False):  # their headline, not an offer: asked about as their work
        return _Topic("professional", c.offer)
    money = KINDS[goal_kind(offer_key(normalise_goal(c.offer))) % K] in _MONEY_KINDS
    bank = "they_fund" if money else "they_offer"
    return _Topic(bank, offer_phrase(c.offer), need_phrase(c.need), True)


# Money offered: asked about whom it is for (`matcher.starter_bank.THEY_FUND`).
_MONEY_KINDS = frozenset(("capital", "grant", "debt", "assets"))


def _goal_and_tie_topics(cg: CommonGround) -> tuple[list[_Topic], list[_Topic]]:
    """Complements, strongest first, and mutual ties."""
    ranked = sorted(cg.complements, key=lambda c: -c.similarity)
    complements = [_complement_topic(c) for c in ranked]
    ties = []
    for t in cg.ties:
        if t.kind in ("background", "field", "nearby"):  # nothing both have: no topic
            continue
        bank = "contact" if t.kind == "contact" else "organization"
        ties.append(_Topic(bank, topic_text(t.b or t.a), "", True))
    return complements, ties


def _own_topic(bank: str, value: str) -> _Topic:
    """One of a person's own items as a topic (a goal as a noun phrase)."""
    if bank == "they_need":
        return _Topic(bank, need_phrase(value))
    if bank == "they_offer":
        return _Topic(bank, offer_phrase(value))
    return _Topic(bank, topic_text(value))


def _plan(
    b: Profile, strong: list[_Topic], complements: list[_Topic]
) -> tuple[list[_Topic], _Topic | None]:
    """The pair's chosen topics: the strongest complement and the most specific
    professional *same* item (the head), and one personal item (shared, else theirs)."""
    head: list[_Topic] = []
    usable = [t for t in complements if t.x]
    if usable:
        head.append(usable[0])
    same = [t for t in strong if t.from_common_ground and t.x and _is_specific(t.x)]
    specific = next((t for t in same if t.bank == "professional"), None)
    if specific is not None:
        head.append(specific)
    personal = next((t for t in same if t.bank == "personal"), None)
    if personal is None:
        theirs = [_own_topic("personal", p) for p in b.personal_interests]
        theirs = [t for t in theirs if t.x]
        personal = next((t for t in theirs if _is_specific(t.x)), None) or next(iter(theirs), None)
    planned = [dataclasses.replace(t, planned=True) for t in head]
    return planned, dataclasses.replace(personal, planned=True) if personal else None


def _with_plan(
    head: list[_Topic], personal: _Topic | None, rest: Iterator[_Topic], at: int = 2
) -> Iterator[_Topic]:
    """The head, then the rest with the personal item placed as the `at`-th topic
    (a pair's third question by default: professional ground comes first)."""
    seen = {t.key for t in head}
    yield from head
    count = len(head)
    for topic in rest:
        if personal is not None and count >= at:
            yield personal
            personal = None
        if topic.x and topic.key not in seen:
            seen.add(topic.key)
            count += 1
        yield topic
    if personal is not None:
        yield personal


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
            topic = _own_topic(bank, value)
            if specific is None or _is_specific(topic.x) == specific:
                yield topic

    def rest() -> Iterator[_Topic]:
        yield from items("organization", b.organizations)
        if clean_item(b.headline):
            yield _Topic("headline", clean_item(b.headline))

    head, personal = _plan(b, strong, complements)
    ordered = chain(
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
    return _with_plan(head, personal, ordered)


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


# Banks whose topic is a name (an organisation, a contact): said as written, never in
# sentence case ("Bocconi alumni", not "bocconi alumni").
_NAMED = frozenset(("organization", "contact"))


def _render(template: Template, topic: _Topic) -> str:
    mine = mid_sentence(topic.mine) if topic.mine else ""
    x = topic.x if topic.bank in _NAMED else _slot(topic.x, template.form)
    first_word = x.split(" ", 1)[0]
    if template.text.startswith("“{x}") and x[:1].islower() and first_word == first_word.lower():
        x = x[0].upper() + x[1:]  # it opens the sentence
    return template.text.format(x=x, mine=mine)


def _candidates(topic: _Topic, used: set[str], live: bool, quotes: bool = True) -> list[Template]:
    """The templates left for `topic`; `quotes`: whether its words are the people's
    own (not said in English by the glossary), so a question may quote them."""
    # A contact is a person's name: always a plain noun phrase.
    form = "n" if topic.bank == "contact" else item_form(topic.x)
    mine_fits = bool(topic.mine) and fits(item_form(topic.mine, own=True), "nag")
    eligible = _eligible(topic.bank, form, topic.from_common_ground, mine_fits, live, quotes)
    return [template for template in eligible if template.text not in used]


@cache
def _eligible(
    bank: str, form: str, shared: bool, mine_fits: bool, live: bool, quotes: bool
) -> tuple[Template, ...]:
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
        and (live or not template.live)
        and (quotes or not _QUOTES.search(template.text))
    )


# Questions that say the words are the person's own: a quote, "you wrote", "you listed".
_QUOTES = re.compile(r"“\{x\}”|\b(?:wrote|listed)\b")


def _said_topics(said: frozenset[str]) -> frozenset[str]:
    """The topics (casefolded, as `_Topic.key`) made of texts said in English."""
    if not said:
        return said
    makers = (topic_text, need_phrase, offer_phrase)
    return frozenset(f(text).casefold() for text in said for f in makers) - {""}


def _address(question: str, name: str) -> str:
    """Prefix a first name as a vocative: "Ana, what first pulled you into ...?"."""
    first_word = question.split(" ", 1)[0]
    if question.startswith("“") and question.endswith("?"):
        # A quoted item opens it in its own case ("“A technical co-founder” is on your
        # list"): the name goes at the end, where no capital has to change.
        return f"{question[:-1]}, {name}?"
    if first_word == "I" or first_word.startswith("I'"):
        return f"{name}, {question}"
    return f"{name}, {question[0].lower()}{question[1:]}"


def pair_rng(a: Profile, b: Profile) -> random.Random:
    """A random generator seeded by the ordered pair: same pair, same choices."""
    digest = hashlib.sha256(f"{a.id}\x1f{b.id}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def make_starters(
    a: Profile, b: Profile, cg: CommonGround, n: int = 3, *, event_started: bool = False
) -> list[str]:
    """`n` distinct open questions A can ask B, deterministic per pair.

    Each question is grounded in a different item where possible: the plan (the
    strongest complement, the most specific shared item, one personal item), then
    the rest of the common ground, then B's own interests, offers, goals and
    headline; A's own interests only as a last resort. `event_started`: whether
    the event has begun (only then may a question say "at this event so far").
    """
    rng = pair_rng(a, b)
    words = in_english(a, b, cg)
    a, b, cg = words.a, words.b, words.cg
    said = _said_topics(words.said)
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
            quotes = topic.key not in said and topic.mine.casefold() not in said
            options = _candidates(topic, used, event_started, quotes)
            if not options:
                continue
            template = rng.choice(options)
            used.add(template.text)
            sentence = _render(template, topic)
            if sentence not in starters:
                starters.append(sentence)
    _maybe_bridge(starters, topics, rng, n)
    # During the event, "the best conversation so far" is the better opener.
    for generic in sorted(GENERIC, key=lambda t: not t.live) if event_started else GENERIC:
        if len(starters) >= n:
            break
        if (event_started or not generic.live) and generic.text not in starters:
            starters.append(generic.text)
    name = first_name(b.name)
    if name and starters and rng.random() < 0.95:
        i = rng.randrange(len(starters))
        starters[i] = _address(starters[i], name)
    return starters[:n]


def _maybe_bridge(starters: list[str], topics: _Topics, rng: random.Random, n: int) -> None:
    """Now and then, replace the last question with one joining two further topics
    of one kind (two professional interests, or two personal ones)."""
    last = topics.at(n - 1)
    if len(starters) < n or (last is not None and last.planned):
        return  # the plan's questions stay
    spare: dict[str, list[_Topic]] = {}
    i = max(n - 1, 0)
    pair: list[_Topic] = []
    while not pair:
        t = topics.at(i)
        if t is None or t.bank in _AFTER_INTERESTS:
            break
        if (
            item_form(t.x) in ("n", "g")
            and t.bank in ("professional", "personal")
            and _is_specific(t.x)
        ):
            kind = spare.setdefault(t.bank, [])
            kind.append(t)
            if len(kind) == 2:
                pair = kind
        i += 1
    if not pair or rng.random() >= 0.3:
        return
    x, y = pair
    template = rng.choice(BRIDGE)
    starters[n - 1] = template.text.format(x=mid_sentence(x.x), y=mid_sentence(y.x))
