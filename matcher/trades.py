"""Trades a buyer and a seller name: shops that stock, and those who make what they stock.

A cheesemaker "looking for shops that age & sell" and an affineur whose headline says
"fine food shop owner — 3 delis in Antwerp, always looking for Belgian craft
producers" look for each other, though the two searches read nothing alike (cosine
well under any bar: the model does not know an affineur ages cheese). A plain reading
does: the one wants shops and the other runs shops; the one wants producers and the
other makes cheese. So a search for customers or suppliers that names a trade
("shops", "delis", "craft producers") meets someone whose headline says they are of
that trade (and, when the search says which, one of its words is theirs: "craft
producers" and a maker of craft chocolate), when that person looks for the other side
in turn (their need is offered, `matcher.goals.derived_key`) and the two fields fit
(`matcher.goal_fit.trade_credit`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.roles import word_form

# Trade -> the nouns (singular) that name its people or their business.
_TRADES: dict[str, tuple[str, ...]] = {
    "shop": (
        "shop", "store", "deli", "delicatessen", "boutique", "grocer", "stockist", "affineur",
    ),
    "supermarket": ("supermarket", "hypermarket"),
    "maker": (
        "producer", "maker", "grower", "brewer", "baker", "roaster", "chocolatier",
        "distiller", "winemaker", "cheesemaker", "artisan",
    ),
}  # fmt: skip
_TRADE = {word: trade for trade, words in _TRADES.items() for word in words}
_TOKEN = re.compile(r"[a-z][a-z'-]*")
# A search's own things ("to stock our bars") and its relative clauses ("shops that
# age & sell") say nothing of whom it asks for.
_CUT = re.compile(r"\b(?:our|my|who|that|which|whose)\b.*$")
# A headline part that says what its author seeks, not what they are.
_SEEKS = re.compile(r"\b(?:looking\s+for|seeking|searching\s+for|wanted|hiring)\b.*$")
_PARTS = re.compile(r"\s*(?:[,;|()@]|\s[—–-]\s)\s*")


def _trade(token: str) -> str | None:
    word = token[:-1] if token.endswith("s") and not token.endswith("ss") else token
    word = word[:-2] if word.endswith("ie") and token.endswith("ies") else word
    if word.endswith("maker"):  # "cheesemaker", "chocolate-maker"
        return "maker"
    return _TRADE.get(word)


def _trades(text: str) -> int:
    out = 0
    for token in _TOKEN.findall(text):
        trade = _trade(token)
        if trade is not None:
            out |= 1 << list(_TRADES).index(trade)
    return out


# Words of a search that say neither a trade nor what it trades in.
_PLAIN = frozenset((
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "with", "by", "from", "us",
    "stock", "sell", "buy", "supply", "new", "more", "other", "some", "small", "looking",
))  # fmt: skip


@lru_cache(maxsize=1 << 16)
def sought(key: str) -> tuple[int, frozenset[str]]:
    """(bits of the trades a goal phrase asks for, the words that say which of them):
    "belgian craft producers" -> (maker, {belgian, craft}); "regional producers –
    apples, pears" -> (maker, {regional, apple, pear}); "shops that age & sell" ->
    (shop, {}); "workshop space for makers" (something for them) -> (0, {})."""
    # What follows "for" is whom or what the thing sought is for ("space for makers").
    text = _CUT.sub("", key.lower()).split(" for ")[0]
    tokens = _TOKEN.findall(text)
    which = frozenset(
        word_form(t) for t in tokens if _trade(t) is None and t not in _PLAIN and len(t) > 2
    )
    return _trades(text), which


@lru_cache(maxsize=1 << 16)
def practised(headline: str) -> int:
    """Bits of the trades a headline says its author is of, its seeking parts left out:
    "Raw-milk cheesemaker, Pays de Herve — looking for shops that age & sell" -> maker."""
    parts = _PARTS.split(headline.lower())
    return _trades(" ".join(_SEEKS.sub("", part) for part in parts))
