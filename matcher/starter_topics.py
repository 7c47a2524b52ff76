"""What of a person's items may carry a conversation starter, and in which words.

People write goals as sentences ("happy to offer mentoring", "looking to hire a
CTO"), add emoticons ("enthusiasm :)"), and list things that say nothing to talk
about ("networking", "good vibes", "n/a"). A starter needs a topic: a noun phrase
(or a gerund) that reads inside a question. `topic_text` cleans an item and gives
"" when nothing worth a question is left; `offer_phrase` and `need_phrase` turn a
goal into the thing offered or looked for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from matcher.items import clean_item

# Emoticons written with punctuation: ":)", ";-)", ":D", "<3", "^^", "xD", ":/".
_EMOTICON = re.compile(
    r"(?:(?<=\s)|^)(?:[:;=8xX][-']?[()\[\]DPpOo3/\\|*]+|<3+|\^\^|\^_\^|[()]+[-']?[:;])(?=\s|$)"
)
_STRAY = re.compile(r"[!?.…,;:*~_#=|\\]{2,}|(?:(?<=\s)|^)[-–—•*·~_#=|\\!?.,;:]+(?=\s|$)")
# Words that, alone or together, give nothing to ask about.
_LOW_SIGNAL = frozenset(
    {
        "enthusiasm", "passion", "curiosity", "positivity", "good", "great", "vibes",
        "fun", "anything", "everything", "something", "stuff", "things", "whatever", "misc",
        "miscellaneous", "various", "etc", "n/a", "na", "none", "nothing", "tbd", "tba",
        "idk", "all", "of", "the", "above", "lots", "a", "an", "some", "my", "new", "people",
        "friends", "contacts", "connections", "networking", "network", "chats", "chat",
        "conversations", "conversation", "inspiration", "ideas", "time", "help", "support",
        "and", "or", "to", "be", "open", "learn", "learning", "meet", "meeting", "interesting",
        "cool", "nice", "smile", "smiles", "hugs", "yes", "no",
        "just", "here", "more", "many", "much", "other", "others", "attendees", "folks",
    }
)  # fmt: skip
# How offers are introduced ("happy to offer", "I can help with", "offering").
_OFFER_LEAD = re.compile(
    r"^(?:(?:i|we)(?:'m| am|'re| are)?\s+)?(?:(?:am|are)\s+)?(?:always\s+)?"
    r"(?:happy|glad|keen|willing|able)\s+to\s+|^(?:i|we)\s+(?:can|could)\s+|^can\s+|^offering\s+"
    r"|^offer\s+",
    re.IGNORECASE,
)
_OFFER_VERB = re.compile(
    r"^(?:offer|give|provide|share|bring|lend)\s+", re.IGNORECASE
)  # the verb says nothing the slot does not
# How needs are introduced ("looking for", "hoping to meet", "need").
_NEED_LEAD = re.compile(
    r"^(?:(?:i|we)(?:'m| am|'re| are)?\s+)?(?:(?:am|are)\s+)?"
    r"(?:looking\s+(?:for|to)|searching\s+for|seeking|hoping\s+to|keen\s+to|want(?:ing)?\s+to|"
    r"would\s+(?:love|like)\s+to|need(?:ing)?(?:\s+to)?|in\s+search\s+of|to)\s+",
    re.IGNORECASE,
)
_NEED_VERB = re.compile(
    r"^(?:meet|find|get|connect\s+with|talk\s+to|speak\s+(?:to|with)|learn\s+(?:about|from)|"
    r"discover|hear\s+from|get\s+to\s+know|know)\s+",
    re.IGNORECASE,
)
# Verbs kept as an action, in the gerund ("hire a CTO" -> "hiring a CTO").
_GERUNDS = {
    "hire": "hiring", "raise": "raising", "mentor": "mentoring", "advise": "advising",
    "review": "reviewing", "coach": "coaching", "invest": "investing", "build": "building",
    "pilot": "piloting", "partner": "partnering", "teach": "teaching",
    "introduce": "introducing", "test": "testing", "sell": "selling", "launch": "launching",
    "scale": "scaling", "grow": "growing", "fund": "funding", "support": "supporting",
    "collaborate": "collaborating", "join": "joining", "explore": "exploring",
    "volunteer": "volunteering", "run": "running", "start": "starting", "co-found": "co-founding",
    "tell": "telling",
}  # fmt: skip
_CACHE = 1 << 16


def _without_symbols(text: str) -> str:
    """`text` without emoji, pictographs and emoticons."""
    kept = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co", "Cf")
    )
    return _STRAY.sub(" ", _EMOTICON.sub(" ", kept))


@lru_cache(maxsize=_CACHE)
def topic_text(item: str) -> str:
    """The item as a starter's topic, or "" when it holds nothing to ask about.

    Emoji, emoticons and stray punctuation are dropped; an item made only of
    low-signal words ("enthusiasm :)", "networking!!", "n/a") gives "".
    An item whose spaced dash adds a note to its head ("Board and advisory roles – I
    ran US commercial ops for 6 years", "a CTO co-founder — my co-founder left") is
    asked about by its head (`_head`).
    """
    parts = (_without_symbols(part) for part in _NOTE_DASH.split(_head(item)))
    text = clean_item(" – ".join(" ".join(part.split()) for part in parts if part.strip()))
    words = [w.strip(".,;:!?()\"'“”‘’").casefold() for w in text.split()]
    if not any(ch.isalnum() for ch in text) or all(w in _LOW_SIGNAL for w in words if w):
        return ""
    return text


# A dash between spaces: what follows it is a note on what precedes it.
_NOTE_DASH = re.compile(r"\s[-–—]\s")
# A note that is a clause of one's own ("– I ran ...", "— my co-founder left").
_OWN_CLAUSE = re.compile(r"(?:i|i'm|i've|we|we're|we've|my|our|me|us)\b", re.I)


def _head(item: str) -> str:
    """`item` before a note set off by a spaced dash, when the head says what it is
    without the note: two words or more ("Senior Product Manager – scheduling"), or
    any head before a clause of one's own. "Türkçe – Almanca dil değişimi" keeps its
    note: one word alone does not say what is meant."""
    parts = _NOTE_DASH.split(item, maxsplit=1)
    if len(parts) < 2:
        return item
    head, note = parts[0].strip(), parts[1].strip()
    words = [w for w in head.split() if any(ch.isalnum() for ch in w)]
    return head if len(words) >= 2 or (words and _OWN_CLAUSE.match(note)) else item


def _gerund(text: str) -> str:
    first, _, rest = text.partition(" ")
    gerund = _GERUNDS.get(first.casefold())
    return f"{gerund} {rest}".strip() if gerund and rest else text


def _phrase(text: str, lead: re.Pattern[str], verb: re.Pattern[str]) -> str:
    """`text` without its lead-in; a verb right after "to"/"can" becomes a gerund."""
    found = lead.match(text)
    rest = text[found.end() :] if found else text
    plain = verb.sub("", rest, count=1)
    if found and plain == rest and re.search(r"(?:\bto|\bcan|\bcould)\s+$", found[0], re.I):
        plain = _gerund(plain)  # "looking to hire a CTO" -> "hiring a CTO"
    return topic_text(plain) if plain != text else text


@lru_cache(maxsize=_CACHE)
def offer_phrase(item: str) -> str:
    """What is offered, as a noun (or gerund) phrase: "happy to offer mentoring" -> "mentoring"."""
    phrase = _phrase(topic_text(item), _OFFER_LEAD, _OFFER_VERB)
    # An offer written as a verb ("mentor founders who ..."): said as what one does,
    # "mentoring founders who ...".
    return _gerund(phrase) if _BARE_OFFER_VERB.match(phrase) else phrase


_BARE_OFFER_VERB = re.compile(r"^(?:mentor|coach|advise|tell)\s+(?!for\b|to\b|with\b)", re.I)


# A goal said in the first person or as a status ("I want to move to fintech", "We're
# raising our seed round", "open to work"): `matcher.stated_goals.is_statement`.
_FIRST_PERSON = re.compile(r"^(?:i|i'm|im|i've|i'd|i'll|we|we're|we've|we'd|we'll|open to)\b")


@lru_cache(maxsize=_CACHE)
def need_phrase(item: str) -> str:
    """What is looked for, as a noun (or gerund) phrase: "hoping to meet VCs" -> "VCs".

    A goal said in the first person or as a status gives "" unless its lead-in names
    what it seeks ("I'm looking for a CTO" -> "a CTO", "I want to hire a CTO" -> "hiring
    a CTO"): "We're raising our seed round this autumn" or "I want to move to fintech"
    cannot be asked about in a few words."""
    text = topic_text(item)
    if not _FIRST_PERSON.match(text.replace("’", "'").casefold()):
        return _phrase(text, _NEED_LEAD, _NEED_VERB)
    found = _NEED_LEAD.match(text)
    if found is None:
        return ""
    out = _phrase(text, _NEED_LEAD, _NEED_VERB)
    bare_verb = found[0].rstrip().casefold().endswith(" to") and out == text[found.end() :]
    return "" if bare_verb else out
