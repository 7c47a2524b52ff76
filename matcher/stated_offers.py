"""Help offered in an about text: "I'd be glad to mentor founders who sell to hospitals".

People who list nothing under "can offer" often say what they give in their bio: a
retired CIO glad to mentor founders selling to hospitals, a former broker who now
advises brands on EU customs. Such a sentence is an offer of mentoring or advice, in
the person's own words (the verb and what follows it), when it is their own, present
and not negated ("I mentored", "I don't mentor", "if you want me to advise" are not).
Only English texts are read; a kind the "can offer" list already has is said there.
"""

from __future__ import annotations

import re

from matcher.goals import KINDS, K, goal_kind
from matcher.normalise import normalise_goal

MAX_OFFERS = 2
_MAX_WORDS = 12
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")
# "happy to mentor", "I'd be glad to advise", "always keen to tell".
_WILLING = re.compile(
    r"\b(?:happy|glad|keen|willing|love|like) to (?P<verb>mentor|coach|advise|tell)\b",
    re.IGNORECASE,
)
# "I mentor ...", "Now I advise ...", "These days I coach ..." at a sentence's start.
_DOING = re.compile(
    r"^(?:(?:now|these days|today|also|and|nowadays)[,\s]+)*(?:i|we)\s+"
    r"(?:also\s+|still\s+|regularly\s+|now\s+)?(?P<verb>mentor|coach|advise)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no|don'?t|won'?t|can'?t|if|unless)\b", re.IGNORECASE)
# Where the thing offered ends: a clause of its own, a dash, a bracket.
_END = re.compile(r"\s+[–—-]\s+|[,:(\[]|\s+(?:but|because|so|and then|since)\s+")
_KEYS = {"mentor": "mentoring", "coach": "mentoring", "advise": "advice for"}
_OFFER_KINDS = frozenset({"mentor", "advice"})


def stated_offers(about: str, listed_kinds: set[int]) -> list[tuple[str, str]]:
    """(offer key, the person's words) of the help an English `about` offers, of kinds
    not in `listed_kinds` (kind ids of the listed offers), at most `MAX_OFFERS`."""
    out: list[tuple[str, str]] = []
    kinds = set(listed_kinds)
    for sentence in _SENTENCES.split(" ".join(str(about or "").split())):
        sentence = sentence.strip()
        found = _WILLING.search(sentence) or _DOING.match(sentence)
        if found is None or _NEGATED.search(sentence[: found.start("verb")]):
            continue
        words = _offered(sentence[found.start("verb") :])
        if not words:
            continue
        verb = found.group("verb").lower()
        thing = words.split(" ", 1)[1]
        key = normalise_goal(f"{_KEYS.get(verb, 'advice on')} {thing}")
        kind = goal_kind(key) % K
        if KINDS[kind] not in _OFFER_KINDS or kind in kinds:
            continue
        kinds.add(kind)
        out.append((key, words))
        if len(out) >= MAX_OFFERS:
            break
    return out


def _offered(text: str) -> str:
    """The verb and the thing offered that starts `text` ("mentor founders who try to
    sell to hospitals"), or "" when nothing follows the verb."""
    cut = _END.search(text)
    text = (text[: cut.start()] if cut else text).rstrip(" .!?;")
    words = text.split()[:_MAX_WORDS]
    return " ".join(words) if len(words) >= 2 else ""
