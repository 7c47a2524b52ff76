"""Splitting a "looking for" / "can offer" answer into its items at commas.

People answer goal questions in one cell: "seed investors, a CTO" is two needs, but
"startups in energy, water and food" and "Rust, Go and Python engineers" are one
phrase with a list inside, "a co-founder, ideally with hardware experience" is one
need with a qualifier, and "pre-seed/seed" or "1,000 users" hold no separator at all.
These rules tell them apart well enough that the organizer, who sees every item in
the import preview, has little to correct.
"""

from __future__ import annotations

import re

from matcher import only_places

# A piece starting with one of these qualifies the item before it ("…, ideally …").
_CONTINUATIONS = frozenset(
    {
        "ideally", "preferably", "especially", "particularly", "mainly", "mostly",
        "primarily", "e.g.", "eg", "i.e.", "ie", "such", "including", "incl.", "like", "who",
        "whose", "which", "that", "with", "without", "based", "in", "from", "for", "to", "at",
        "on", "of", "by", "but", "not", "esp.", "etc", "etc.", "than",
    }
)  # fmt: skip
# The same in the other languages people answer in (Polish, French, German, Dutch,
# Spanish, Italian, Portuguese, Swedish, Danish, Norwegian, Finnish, Estonian): one word,
# or the words a piece starts with.
_CONTINUATIONS_ABROAD = frozenset(
    {
        "najchętniej", "zwłaszcza", "szczególnie", "idéalement", "surtout", "notamment",
        "idealerweise", "vorzugsweise", "insbesondere", "liefst", "idealiter",
        "vooral", "preferiblemente", "idealmente", "especialmente", "preferibilmente",
        "soprattutto", "preferencialmente", "sobretudo", "helst", "gärna", "især",
        "gerne", "mieluiten", "eelistatavalt",
        # Relative pronouns: "Co-Investisseuren, déi de Lead huelen ..." (who take the
        # lead), "Partner, die ...", "investisseurs, qui ...", "fondi, che ...".
        "déi", "die", "der", "welche", "qui", "que", "dont", "che", "cui", "quien",
        "quienes", "dat", "som", "który", "która", "które", "którzy", "joka", "jotka",
        "kes", "mis",
    }
)  # fmt: skip
_CONTINUATION_PHRASES = (
    "de préférence", "am liebsten", "bij voorkeur", "sobre todo", "de preferência",
    "di preferenza", "vor allem", "in particolare", "en particulier",
)  # fmt: skip
_QUALIFIERS = _CONTINUATIONS | _CONTINUATIONS_ABROAD
# A piece ending like this goes on in the next one ("investors, e.g., angels").
_OPEN_ENDS = ("e.g.", "i.e.", "such as", "including", "like")
_CONJUNCTION = re.compile(r"(?:^|\s)(?:and|or|&|and/or)\s+", re.IGNORECASE)
_ENDS_IN_PREPOSITION = re.compile(
    r"\b(?:in|to|for|on|of|from|with|across|around|about|like|between|into|within|among)"
    r"\s+\S+$",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(r"^(?:and|or|&|and/or)\s+", re.IGNORECASE)


def _comma_pieces(text: str) -> list[str]:
    """`text` cut at commas outside brackets and not between digits ("1,000")."""
    pieces: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            if 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            pieces.append(text[start:i].strip())
            start = i + 1
    pieces.append(text[start:].strip())
    return pieces


# A piece that says only where, how or how long ("Vienna", "Berlin or remote", "remote or
# hybrid in Amsterdam", "3 months", "full-time", "summer 2027") qualifies the item
# before it: "Head of Data (VP level), Vienna" is one post, not a post and a city.
_WHEN_OR_HOW = re.compile(
    r"^(?:\d+\s*(?:[-–]\s*\d+\s*)?(?:months?|weeks?|days?|years?|hours?|hrs?|h)\b.*|"
    r"(?:fully\s+|ideally\s+)?(?:remote|hybrid|on-?site|in[- ]person|full[- ]time|part[- ]time)"
    r"\b.*|(?:(?:spring|summer|autumn|fall|winter|q[1-4]|from|by|until|starting|in)\s+)*"
    r"(?:[a-z]+\s+)?20\d\d)$",
    re.IGNORECASE,
)
_PLACE_LINKS = frozenset(
    {"or", "and", "&", "ou", "oder", "of", "o", "y", "e", "i", "lub", "remote", "hybrid",
     "area", "region", "based", "nearby", "alentours", "umgebung", "omgeving"}
)  # fmt: skip


# A piece that names only a sum ("6 millió EUR", "€2M", "ca. 150.000 €", "$1.5–2M")
# says how much of the item before it: "A sorozatú befektetés, 6 millió EUR" is one
# round. A number needs a currency or a magnitude to be a sum ("3" is not one).
_NUMBER = r"\d[\d.,\s]*(?:[-–]\s*\d[\d.,\s]*)?"
_MAGNITUDE = (
    r"(?:k|m|mn|mm|b|bn|mio\.?|mrd\.?|mld\.?|tis\.?|tys\.?|ezer|thousand|"
    r"mill\w*|milij\w*|milion\w*|millió|milió|billion\w*|miliard\w*|milliárd)"
)
_CURRENCY = r"(?:€|\$|£|eur|euros?|usd|gbp|chf|huf|czk|pln|zł|sek|dkk|nok|ft|kč|forint)"
_ABOUT = (
    r"(?:ca\.?|cca\.?|c\.|approx\.?|around|about|up to|min\.?|max\.?|~|circa|"
    r"ok\.?|około|environ|etwa|bis zu|hasta|fino a|até|do|až)"
)
_SUM = re.compile(
    rf"^(?:{_ABOUT}\s*)?(?:{_CURRENCY}\s*{_NUMBER}\s*{_MAGNITUDE}?|"
    rf"{_NUMBER}\s*{_MAGNITUDE}\.?\s*{_CURRENCY}?|{_NUMBER}\s*{_CURRENCY})$",
    re.IGNORECASE,
)


def _where_or_when(piece: str) -> bool:
    """Whether a piece says only where, how, how long or how much (`_WHEN_OR_HOW`,
    `_SUM`), or names only places ("Vienna", "Lyon ou alentours", "NL & BE")."""
    if _WHEN_OR_HOW.match(piece) or _SUM.match(piece):
        return True
    # A country's two-letter code counts as its name when written in capitals ("it",
    # "no" and "be" are words), and a code that is also a trade's ("HR", "IT", "PT")
    # only next to another place: "finance, HR" is two goals, "DE/IT" one place.
    words = [_CODE if w in _COUNTRY_CODES else w.casefold() for w in re.split(r"[\s/&,()]+", piece)]
    words = [w for w in words if w and w not in _PLACE_LINKS]
    if len(words) == 1 and piece.strip() in _TRADE_CODES:
        return False
    return only_places(words)


_COUNTRY_CODES = frozenset(
    {
        "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
        "HU", "IE", "IS", "IT", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "RS",
        "SE", "SI", "SK", "UK", "US", "EU",
    }
)  # fmt: skip
_CODE = "europe"  # any place: the piece names only places
_TRADE_CODES = frozenset({"HR", "IT", "PT", "MT"})  # human resources, IT, physio, ...


def _qualifies(piece: str) -> bool:
    if _where_or_when(piece):
        return True
    first = piece.split(" ", 1)[0]
    if not first[:1].islower():
        return False
    return first.casefold() in _QUALIFIERS or piece.casefold().startswith(_CONTINUATION_PHRASES)


def _words(text: str) -> int:
    return len(text.split())


def _lists_resolved(groups: list[str]) -> list[str]:
    """Items, with each list written as "X, Y and Z" either kept or split.

    A one-word list is part of one phrase when it ends a phrase with a preposition
    ("startups in energy, water and food") or comes before a shared noun ("Rust, Go
    and Python engineers"); a list of single words ("mentoring, advice and intros")
    is a list of items.
    """
    items: list[str] = []
    for group in groups:
        found = _CONJUNCTION.search(group)
        if not found:
            items.append(group)
            continue
        before, after = group[: found.start()].strip(), group[found.end() :].strip()
        run = 0  # one-word items just before this group
        while run < len(items) and _words(items[-1 - run]) == 1:
            run += 1
        if _words(before) > 1 or (run == 0 and not before):
            items.append(group)
        elif _words(after) > 1 and run:  # "Rust, Go and Python engineers"
            items[-run:] = [", ".join([*items[-run:], group])]
        elif run < len(items) and _ENDS_IN_PREPOSITION.search(items[-1 - run]):
            at = len(items) - run - 1  # "startups in energy, water and food"
            items[at:] = [", ".join([*items[at:], group])]
        elif _words(after) == 1 and run:  # "mentoring, advice and intros"
            items.extend(part for part in (before, after) if part)
        else:
            items.append(group)
    return items


def split_at_commas(text: str) -> list[str]:
    """The items of one goal answer separated by commas (already cut at `;`, lines).

    >>> split_at_commas("seed investors, a CTO")
    ['seed investors', 'a CTO']
    >>> split_at_commas("climate hardware founders raising pre-seed/seed")
    ['climate hardware founders raising pre-seed/seed']
    >>> split_at_commas("introductions to investors, customers and partners")
    ['introductions to investors, customers and partners']
    """
    groups: list[str] = []
    for piece in _comma_pieces(text):
        if not piece:
            continue
        if groups and (_qualifies(piece) or groups[-1].casefold().endswith(_OPEN_ENDS)):
            groups[-1] += ", " + piece
        else:
            groups.append(piece)
    if len(groups) < 2:
        return groups
    items = _lists_resolved(groups)
    return [_LEADING_CONJUNCTION.sub("", item).strip() for item in items if item.strip()]
