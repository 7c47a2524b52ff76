"""Two topic wordings that share words: what the shared words say, and what they do not.

The model reads words, so a shared word raises the cosine whether or not it carries
the meaning. Two such cases overstate a pair:

- *Kinds of one thing* ("road freight" / "rail freight", "green hydrogen" / "blue
  hydrogen"): the same head word with different modifiers is two kinds of one thing,
  *related* at most, never the *same* interest.
- *Only a generic part shared* ("edtech" / "regtech", "B2B SaaS" / "B2B payments",
  "deep learning" / "deep tech"): a compound's ending or a modifier that says nothing
  about the field (`GENERIC`) is all the two have in common; the pair is graded one
  step down (same -> related, related -> nothing).

Words are compared singular, without hyphens; "edtech" reads as "ed" + "tech".
Whether a remaining word of one is the start of the other's ("ed" / "education")
still counts as agreeing, so an abbreviation never trips a rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.normalise import ACRONYMS

# Modifiers that say how or for whom, not which field ("deep", "B2B", "open").
GENERIC_MODIFIERS = frozenset((
    "deep", "hard", "b2b", "b2c", "d2c", "b2g", "smart", "big", "small", "new", "next",
    "future", "modern", "advanced", "applied", "emerging", "open", "global", "local",
    "social", "early", "high", "low", "general", "real", "mass", "micro", "macro",
))  # fmt: skip
# Heads that say "a field of", leaving the field to the modifier ("health tech").
GENERIC_HEADS = frozenset(("tech", "technology", "technologies", "ops", "industry", "sector"))
GENERIC = GENERIC_MODIFIERS | GENERIC_HEADS
# Compound endings written as one word ("edtech", "mlops").
_COMPOUND_ENDS = ("tech", "ops")
# Words that make a phrase more than "<modifiers> <head>".
_FUNCTION_WORDS = frozenset((
    "and", "or", "of", "for", "in", "on", "with", "to", "the", "a", "an", "at", "by",
    "from", "about", "vs", "&", "+", "/",
))  # fmt: skip
_TOKEN = re.compile(r"[^\s,;:()/]+")
_MAX_WORDS = 5

KINDS_OF_ONE = 1  # related at most
GENERIC_ONLY = 2  # one grade down


def _word(token: str) -> str:
    word = token.replace("-", "").replace("'", "").replace(".", "")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ops")) and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def words(key: str) -> tuple[str, ...]:
    """The words of a normalised topic key as compared, compounds split ("edtech" ->
    ("ed", "tech")); () when the key is no short noun phrase (a sentence, a list)."""
    tokens = _TOKEN.findall(key.lower())
    if not tokens or len(tokens) > _MAX_WORDS or any(t in _FUNCTION_WORDS for t in tokens):
        return ()
    out: list[str] = []
    for token in tokens:
        word = _word(token)
        for end in _COMPOUND_ENDS:
            if word.endswith(end) and len(word) > len(end) + 1:
                out.extend((word[: -len(end)], end))
                break
        else:
            out.append(word)
    return tuple(out)


def _agree(x: str, y: str) -> bool:
    """Two words say the same: equal, or one the start of the other ("ed" / "education")."""
    return x == y or (min(len(x), len(y)) >= 2 and (x.startswith(y) or y.startswith(x)))


def _expanded(modifiers: tuple[str, ...]) -> str:
    """Modifiers as one string, acronyms spelt out ("ml" -> "machinelearning")."""
    return "".join(ACRONYMS.get(m, m).replace(" ", "") for m in modifiers)


@lru_cache(maxsize=1 << 18)
def overlap_rule(a: str, b: str) -> int:
    """How the words shared by topic keys `a` and `b` limit their grade: 0 (no
    limit), `KINDS_OF_ONE` (related at most) or `GENERIC_ONLY` (one grade down)."""
    wa, wb = words(a), words(b)
    if not wa or not wb or wa == wb:
        return 0
    shared = set(wa) & set(wb)
    if not shared:
        return 0
    rest_a = [w for w in wa if w not in shared]
    rest_b = [w for w in wb if w not in shared]
    if not rest_a or not rest_b:  # one is a narrower kind of the other
        return 0
    if any(_agree(x, y) for x in rest_a for y in rest_b):
        return 0
    if shared <= GENERIC:
        return GENERIC_ONLY
    if wa[-1] == wb[-1] and _expanded(wa[:-1]) != _expanded(wb[:-1]):
        return KINDS_OF_ONE
    return 0
