"""Every sentence about a pair, said to one of the two ("you" is side a of the common ground).

One place, so every surface says the same thing about the same pair: the
suggestion card and the API show `reasons` (made when the pair is explained);
the scan page `sections` and the card's chips `shared_label`; speed-networking
rounds `note`; the introductions export `shared_text`, `complements_text` and
`reason_text`; contact exports `summary`; the follow-up draft `recall_line` and
`offer_line`. The other person's side is `CommonGround.flipped()`, never a
second explanation. Items are quoted in the people's own words, fitted into the
sentence by `matcher.items`.

A "nearby" tie marks a list's fill (`matcher.fill`): the closest remaining person
by whole profile, with nothing in common found. Only that is said (suggested to
complete the list), with their own headline; never "you both", never that their
work is alike, and never that they have nothing in common: the matcher found no
reason it can state, which a reader of the two profiles may well see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matcher.goals import KINDS, K, goal_kind
from matcher.items import clean_item, first_name, item_form, mid_sentence, need_item
from matcher.normalise import normalise_goal
from matcher.roles import cofounder_sides
from matcher.stated_goals import is_statement

if TYPE_CHECKING:
    from matcher.types import CommonGround, Complement, SharedItem

__all__ = [
    "NOTHING_IN_COMMON",
    "Line",
    "Section",
    "clean_item",
    "complements_text",
    "first_name",
    "note",
    "offer_line",
    "reason_text",
    "reasons",
    "recall_line",
    "sections",
    "shared_label",
    "shared_text",
    "summary",
]

MAX_SHARED_REASONS = 2
NOTHING_IN_COMMON = (
    "Nothing obvious in common on paper — which makes for the best surprises. "
    "Start with one of these:"
)


_PARTNERS = KINDS.index("partners")
_COFOUNDER = KINDS.index("cofounder")
_FOUNDERS = KINDS.index("founders")
_CUSTOMERS = KINDS.index("customers")


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold() or not b


def peers(c: Complement) -> bool:
    """Two people looking for the same kind of person (each wants a co-founder): a
    shared goal, said as such ("you are both looking for"), never "you can help each
    other" — each wrote what they lack, not what they bring. Partners sought on both
    sides meet only where each is what the other seeks: a complement, said as one; so
    do co-founder searches for different sides ("a technical co-founder" and "a
    co-founder with domain knowledge"), met only where each is the side the other
    lacks (`matcher.roles`). Two searches for the same side stay peers."""
    if not c.mutual or c.same_kind is False:
        return False
    kind = goal_kind(normalise_goal(c.need)) % K
    # The kinds as matching read the two goals (`same_kind`): read from the words as
    # written, an angel club's Luxembourgish "Pre-Seed- a Seed-Startups mat Sëtz zu
    # Lëtzebuerg" (start-ups sought) is money sought, like the round it met. From the
    # words only where that reading is not stored (suggestions stored before it was).
    if c.same_kind is None and kind != goal_kind(normalise_goal(c.offer)) % K:
        return False
    if kind == _PARTNERS:
        return False
    return kind != _COFOUNDER or cofounder_sides(c.need) == cofounder_sides(c.offer)


# How each side is said to look for something, and to have written it.
_PROFILE_OF = {"you": "your", "they": "their"}


def _seeks(who: str, words: str) -> str:
    """`who` ("You", "they", ...) looks for `words`, quoted: "They are looking for “a
    CTO”"; a goal written as a sentence or a status (`matcher.stated_goals`: "We're
    raising our seed round", "open to work") is what their profile says."""
    if is_statement(words):
        owner = _PROFILE_OF[who.casefold()]
        owner = owner.capitalize() if who[:1].isupper() else owner
        return f"{owner} profile says “{words}”"
    return f"{who} are looking for “{words}”"


def _company_for_founders(c: Complement) -> bool:
    """A search for founders or startups met by someone whose company looks for its
    customers: what qualifies them is the company, which "they are looking for pilot
    customers" leaves unsaid ("founders with stories worth telling" — "their company
    is looking for “pilot customers in shipping”")."""
    need = goal_kind(normalise_goal(c.need)) % K
    return need == _FOUNDERS and goal_kind(normalise_goal(c.offer)) % K == _CUSTOMERS


def _mine_theirs(c: Complement) -> tuple[str, str]:
    """Side a's words first, whoever is the seeker."""
    return (c.need, c.offer) if c.seeker == "a" else (c.offer, c.need)


def reasons(cg: CommonGround) -> list[str]:
    """Short sentences, from a's point of view, each citing both people's own words."""
    out: list[str] = []
    for item in cg.shared[:MAX_SHARED_REASONS]:
        if item.grade == "related":
            out.append(f"Related — you: {item.a}; them: {item.b}.")
        elif item.kind == "about" and item.a.casefold() == item.b.casefold():
            out.append(f"Both your profiles mention {item.a}.")
        elif item.kind == "about":
            out.append(f"Both your profiles mention it — you: {item.a}; them: {item.b}.")
        elif item.a.casefold() == item.b.casefold():
            out.append(f"You both listed {item.a}.")
        else:
            what = "personal interest" if item.kind == "personal" else "interest"
            out.append(f"A shared {what} — you: {item.a}; them: {item.b}.")
    for seeker in ("b", "a"):  # what you can give first: it is what makes you welcome
        match = next((c for c in cg.complements if c.seeker == seeker and not peers(c)), None)
        if match is None:
            continue
        me, them = ("You", "they") if seeker == "a" else ("They", "you")
        if match.implied:  # their headline, not an offer they wrote: said as their work
            gives = f"{_PROFILE_OF[them]} work: “{match.offer}”"
        elif match.mutual and _company_for_founders(match):
            gives = f"{_PROFILE_OF[them]} company is looking for “{match.offer}”"
        elif match.mutual:
            gives = _seeks(them, match.offer)
        else:
            gives = f"{them} offer “{match.offer}”"
        out.append(f"{_seeks(me, match.need)} — {gives}.")
    shared_goal = next((c for c in cg.complements if peers(c)), None)
    if shared_goal is not None:
        mine, theirs = _mine_theirs(shared_goal)
        out.append(f"You are both looking for — you: “{mine}”; them: “{theirs}”.")
    for tie in cg.ties[:1]:
        if tie.kind == "background":
            out.append(_background(tie.a, tie.b) + ".")
        elif tie.kind == "field":
            out.append(_field(tie.a, tie.b) + ".")
        elif tie.kind == "nearby":
            out.append(_nearby(tie.b) + ".")
        elif tie.kind == "contact":
            out.append(f"You have both met {tie.b} here.")
        elif tie.a.casefold() == tie.b.casefold():
            out.append(f"You are both connected to {tie.a}.")
        else:
            out.append(f"You are both connected to {tie.a} — you: {tie.a}; them: {tie.b}.")
    return out


def _background(mine: str, theirs: str) -> str:
    if mine and theirs:
        return f"Similar backgrounds — you: {mine}; them: {theirs}"
    return "Similar backgrounds: your profiles describe related work"


def _field(mine: str, theirs: str) -> str:
    if mine and theirs:
        return f"Related work — you: {mine}; them: {theirs}"
    return "Related work: your profiles describe work in one field"


NEARBY_TITLE = "Someone new to meet"
# Only what is true of any fill: the list is completed. How close the two profiles
# are is the model's guess, often not a reader's (a "Rust" engineer near "rust and
# corrosion"), so it is not claimed; nor is "no common ground", which careful
# readers of the blind sets rejected as misleading wherever the two plainly share a
# field the matcher could not name (two epidemiologists writing in Italian and Dutch).
NEARBY_SAID = "Suggested to complete your list"


def _nearby(theirs: str) -> str:
    return f"{NEARBY_SAID} — them: {theirs}" if theirs else NEARBY_SAID


def note(cg: CommonGround) -> str:
    """One line on what the two have in common (a round's table note): the first reason."""
    return cg.reasons[0] if cg.reasons else ""


def reason_text(cg: CommonGround) -> str:
    """Every reason as one paragraph (an export cell)."""
    said = [r.strip() for r in cg.reasons if r.strip()]
    return " ".join(r if r.endswith((".", "!", "?")) else r + "." for r in said)


# -- the scan page ------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the scan page as pieces: (text, role), role "text", "item" (someone's
    own words), "both" (words both listed alike), "who" ("you: " / "them: ") or "sep"
    (between the two sides)."""

    parts: tuple[tuple[str, str], ...]
    personal: bool = False

    @property
    def text(self) -> str:
        """The line as plain text."""
        return "".join(text for text, _ in self.parts)


@dataclass(frozen=True)
class Section:
    """A block of the scan page: `kind` "shared", "complements" or "ties"."""

    kind: str
    title: str
    lines: tuple[Line, ...]


def _both_sides(mine: str, theirs: str) -> tuple[tuple[str, str], ...]:
    if _same(mine, theirs):
        return ((clean_item(theirs or mine), "both"),)
    return _two_sides(mine, theirs)


def _two_sides(mine: str, theirs: str) -> tuple[tuple[str, str], ...]:
    """Each person's own words, never merged (related items, backgrounds)."""
    return (
        ("you: ", "who"),
        (clean_item(mine), "item"),
        (" · ", "sep"),
        ("them: ", "who"),
        (clean_item(theirs), "item"),
    )


def sections(cg: CommonGround, other_name: str) -> list[Section]:
    """What two people have in common, block by block, said to side a about `other_name`."""
    first = first_name(other_name) or other_name
    out = []
    same = [s for s in cg.shared if s.grade != "related"]
    related = [s for s in cg.shared if s.grade == "related"]
    if same:
        lines = tuple(Line(_both_sides(s.a, s.b), s.kind == "personal") for s in same)
        out.append(Section("shared", "You both care about", lines))
    if related:
        lines = tuple(Line(_two_sides(s.a, s.b), s.kind == "personal") for s in related)
        out.append(Section("related", "Related interests", lines))
    helps = [c for c in cg.complements if not peers(c)]
    if helps:
        goals = []
        for c in helps:
            need, offer = (clean_item(c.need), "item"), (clean_item(c.offer), "item")
            said: tuple[tuple[str, str], ...]
            said_by = _said_on_page(first, is_statement(c.offer))
            company = c.mutual and _company_for_founders(c)
            if c.seeker == "a":
                gives = said_by[1] if c.mutual else f"{first} offers"
                gives = f"{first}'s company looks for" if company else gives
                gives = f"{first}'s work:" if c.implied else gives
                said = ((_said_on_page(first, is_statement(c.need))[0] + " ", "text"), need)
            else:
                gives = _mid(said_by[0]) if c.mutual else "you offer"
                gives = "your company looks for" if company else gives
                gives = "your work:" if c.implied else gives
                said = ((_said_on_page(first, is_statement(c.need))[1] + " ", "text"), need)
            goals.append(Line((*said, (f" — {gives} ", "text"), offer)))
        out.append(Section("complements", "You can help each other", tuple(goals)))
    alike = [_two_sides(*_mine_theirs(c)) for c in cg.complements if peers(c)]
    if alike:
        lines = tuple(Line(said) for said in alike)
        out.append(Section("goals", "You are both looking for", lines))
    backgrounds = [t for t in cg.ties if t.kind == "background"]
    if backgrounds:
        t = backgrounds[0]
        said = _two_sides(t.a, t.b) if t.a and t.b else ((_background("", ""), "text"),)
        out.append(Section("backgrounds", "Similar backgrounds", (Line(said),)))
    fields = [t for t in cg.ties if t.kind == "field"]
    if fields:
        t = fields[0]
        said = _two_sides(t.a, t.b) if t.a and t.b else ((_field("", ""), "text"),)
        out.append(Section("field", "Related work", (Line(said),)))
    nearby = [t for t in cg.ties if t.kind == "nearby"]
    if nearby:
        said = ((NEARBY_SAID, "text"),)
        if nearby[0].b:
            said += ((" — ", "sep"), ("them: ", "who"), (clean_item(nearby[0].b), "item"))
        out.append(Section("nearby", NEARBY_TITLE, (Line(said),)))
    if any(t.kind not in _NOT_TIES for t in cg.ties):
        ties = []
        for t in cg.ties:
            parts: tuple[tuple[str, str], ...]
            if t.kind in _NOT_TIES:
                continue
            if t.kind == "contact":
                parts = (
                    ("You have both met ", "text"),
                    (clean_item(t.b), "item"),
                    (" here", "text"),
                )
            elif _same(t.a, t.b):
                parts = (("You both list ", "text"), (clean_item(t.b), "both"))
            else:
                parts = _both_sides(t.a, t.b)
            ties.append(Line(parts))
        out.append(Section("ties", "Mutual ties", tuple(ties)))
    return out


def _mid(said: str) -> str:
    """ "You look for" said after a dash: "you look for"."""
    return said[:1].lower() + said[1:] if said.startswith(("You ", "Your ")) else said


def _said_on_page(first: str, statement: bool) -> tuple[str, str]:
    """(how you, how `first` look for something) on the scan page: "You look for" /
    "Noah looks for", or for a goal written as a sentence "Your profile says" /
    "Noah's profile says"."""
    if statement:
        return "Your profile says", f"{first}'s profile says"
    return "You look for", f"{first} looks for"


# Kinds of `Tie` that are no mutual tie (nothing both people have): said apart.
_NOT_TIES = ("background", "field", "nearby")


def shared_label(item: SharedItem) -> str:
    """A shared item as a chip: "marathons", or "you: marathons · them: trail running";
    a related one as "related — you: tennis · them: badminton"."""
    if item.grade == "related":
        return "related — " + "".join(text for text, _ in _two_sides(item.a, item.b))
    return "".join(text for text, _ in _both_sides(item.a, item.b))


# -- exports --------------------------------------------------------------------


def shared_text(cg: CommonGround) -> str:
    """Shared interests as "marathons ↔ trail running; carbon capture"."""
    items = []
    for item in cg.shared:
        a, b = item.a.strip(), item.b.strip()
        if item.grade == "related":
            items.append(f"{a} ↔ {b} (related)")
        else:
            items.append(a if _same(a, b) else f"{a} ↔ {b}")
    return "; ".join(dict.fromkeys(i for i in items if i))


def complements_text(cg: CommonGround, a_name: str, b_name: str) -> str:
    """Complementary goals in both directions, e.g. "Ada looks for X ↔ Ben offers Y"."""
    names = {"a": first_name(a_name) or a_name, "b": first_name(b_name) or b_name}
    parts = []
    for c in cg.complements:
        giver = "b" if c.seeker == "a" else "a"
        if peers(c):
            both = f"{names[c.seeker]}: {c.need} · {names[giver]}: {c.offer}"
            parts.append(f"both look for — {both}")
            continue
        giver_name = names[giver]
        gives = _export_seeks(giver_name, c.offer) if c.mutual else f"{giver_name} offers {c.offer}"
        gives = f"{giver_name}'s work: {c.offer}" if c.implied else gives
        parts.append(f"{_export_seeks(names[c.seeker], c.need)} ↔ {gives}")
    return "; ".join(parts)


def _export_seeks(name: str, words: str) -> str:
    """Ada looks for X, or Ada's profile says “X” for a goal written as a sentence."""
    if is_statement(words):
        return f"{name}'s profile says “{words}”"
    return f"{name} looks for {words}"


def summary(cg: CommonGround) -> str:
    """A one-line summary for a saved contact: shared items in both words, goals, ties."""
    parts = []
    for s in cg.shared[:4]:
        if s.grade == "related":
            parts.append(f"related: you: {s.a} · them: {s.b}")
        else:
            parts.append(s.b if _same(s.a, s.b) else f"you: {s.a} · them: {s.b}")
    for c in cg.complements[:2]:
        if peers(c):
            mine, theirs = _mine_theirs(c)
            parts.append(f"both look for: you: {mine} · them: {theirs}")
        else:
            me, them = ("you", "they") if c.seeker == "a" else ("they", "you")
            gives = _summary_seeks(them, c.offer) if c.mutual else f"{them} offer {c.offer}"
            gives = f"{_PROFILE_OF[them]} work: {c.offer}" if c.implied else gives
            parts.append(f"{_summary_seeks(me, c.need)}, {gives}")
    for t in cg.ties[:2]:
        if t.kind == "background":
            parts.append("similar backgrounds")
        elif t.kind == "field":
            parts.append("related work")
        elif t.kind == "nearby":
            parts.append("suggested to complete the list")
        else:
            parts.append(f"both know {t.b}" if t.kind == "contact" else f"both: {t.b}")
    return "; ".join(parts)


def _summary_seeks(who: str, words: str) -> str:
    if is_statement(words):
        return f"{_PROFILE_OF[who]} profile says “{words}”"
    return f"{who} look for {words}"


# -- the follow-up draft (side a writes to side b) --------------------------------


def recall_line(cg: CommonGround) -> str:
    """What the writer enjoyed discovering they share, or "" when nothing is shared."""
    pieces = []
    same = [s for s in cg.shared if s.grade != "related"]
    if same:
        s = same[0]
        mine, theirs = clean_item(s.a), clean_item(s.b)
        if mine.casefold() == theirs.casefold() or not mine:
            pieces.append(f"that we're both into {mid_sentence(theirs or mine)}")
        else:
            pieces.append(
                f"how much your {mid_sentence(theirs)} and my {mid_sentence(mine)} have in common"
            )
    for tie in [t for t in cg.ties if t.kind not in _NOT_TIES][:1]:
        if tie.kind == "contact":
            pieces.append(f"that we both know {clean_item(tie.b or tie.a)}")
        else:
            pieces.append(f"that we both have {clean_item(tie.b or tie.a)} in our background")
    if not pieces:
        return ""
    return "It was fun to discover " + " — and ".join(pieces) + "."


def offer_line(cg: CommonGround) -> str:
    """An offer of help with what the other looks for, or interest in what they offer."""
    for c in cg.complements:
        need, offer = need_item(c.need), clean_item(c.offer)
        if not need or not offer or c.mutual or c.implied:
            continue
        if c.seeker == "b":
            if item_form(need) not in ("n", "a") or item_form(offer, own=True) == "q":
                continue
            return (
                f"You mentioned you're looking for {mid_sentence(need)}; "
                f"I'd be glad to help with {mid_sentence(offer)} if that's useful."
            )
        if item_form(offer) in ("n", "g"):
            return f"I'd love to hear more about your experience with {mid_sentence(offer)}."
    return ""
