"""How people's items read inside a sentence.

Items come as people typed them ("Trail running", "to meet other founders.",
"a technical co-founder"). These helpers clean them, tell which sentence slots
they fit (noun phrase, "a"-led noun phrase, gerund phrase, or quotes only), and
fix their case mid-sentence. Used by the sentences about a pair
(`matcher.wording`) and the conversation starters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.normalise import keeps_full_stop

# Phrases starting like a sentence or a bare verb only fit in quotes.
_SENTENCE_STARTS = {
    "i", "i'm", "im", "i've", "i'd", "i'll", "we", "we're", "we've", "my", "our", "me",
    "us", "you", "your", "to", "please", "let's",
    "learn", "meet", "find", "hire", "grow", "raise", "get", "join", "connect", "explore",
    "discuss", "understand", "improve", "collaborate", "sell", "buy", "become", "know",
    "see", "try", "discover", "brainstorm", "talk", "chat",
}  # fmt: skip
# Capitalised first words that are proper nouns, kept as typed mid-sentence.
_PROPER_FIRST_WORDS = {
    "python", "java", "javascript", "typescript", "rust", "go", "kotlin", "swift", "ruby",
    "linux", "kubernetes", "docker", "excel", "european", "african", "asian", "american",
    "english", "french", "german", "spanish", "latin", "chinese", "japanese", "indian",
    "arabic", "portuguese", "italian", "dutch", "nordic", "scandinavian", "british",
    "christmas", "olympic", "android", "google", "apple", "microsoft", "amazon", "figma",
    "brazilian", "mexican", "canadian", "australian", "korean", "thai", "vietnamese",
    "turkish", "greek", "irish", "scottish", "welsh", "polish", "russian", "ukrainian",
    "swedish", "norwegian", "danish", "finnish", "swiss", "austrian", "belgian", "egyptian",
    "nigerian", "kenyan", "ethiopian", "persian", "israeli", "argentine", "argentinian",
    "chilean", "peruvian", "colombian", "cuban", "caribbean", "mediterranean", "balkan",
    "celtic", "tibetan", "hawaiian", "victorian", "roman", "viking", "marvel", "lego",
    "bach", "shakespeare", "tolkien", "formula", "champions", "premier", "nba", "nfl",
}  # fmt: skip
_FIRST_PERSON = {"i", "i'm", "i've", "me", "my", "mine", "we", "we're", "us", "our", "ours"}
_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}
_LOOKING_FOR_PREFIX = re.compile(
    r"^(?:i'?m |i am |we'?re |we are )?(?:looking for|seeking|searching for)\s+", re.IGNORECASE
)
_MAX_SLOT_WORDS = 8
# The helpers below are pure functions of short strings, called for every item of
# every suggested pair (a full run at 10,000 people: millions of calls over a few
# thousand distinct items), so their results are cached.
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def clean_item(text: str) -> str:
    """An item as it can appear in a sentence: one line, no list bullet, no end punctuation."""
    text = " ".join(str(text).split())
    text = text.lstrip("-•*·–— ").strip()
    while len(text) > 1 and text[0] in "\"'“‘«" and text[-1] in "\"'”’»":
        text = text[1:-1].strip()
    trimmed = text.rstrip(".,;:!?… ").strip()
    text = trimmed + "." if keeps_full_stop(text, trimmed) else trimmed
    # "Go (the board game" (a closing bracket trimmed upstream) gets it back.
    for opening, closing in ("()", "[]"):
        missing = text.count(opening) - text.count(closing)
        if missing > 0:
            text += closing * missing
    return text


@lru_cache(maxsize=_CACHE)
def item_form(text: str, own: bool = False) -> str:
    """How an item can be slotted: "n" bare noun phrase, "a" one led by "a"/"an",
    "g" gerund phrase, "q" quotes only.

    `own`: the asker's own item. The other person's items in the first person
    ("roles on my team") are quoted, or the question would speak for them.
    """
    words = text.split()
    if not words:
        return "q"
    first = words[0].casefold().strip("'\"“‘")
    if first in _SENTENCE_STARTS or len(words) > _MAX_SLOT_WORDS:
        return "q"
    if not own and _FIRST_PERSON & {w.casefold().strip(".,;:()'\"") for w in words}:
        return "q"
    if any(mark in text for mark in (". ", "! ", "? ", ": ", "\n")):
        return "q"
    if first in ("a", "an"):
        return "a"
    if first.endswith("ing") and len(first) > 4:
        return "g"
    return "n"


def fits(form: str, slot: str) -> bool:
    """Whether an item of `form` reads well in a slot accepting the forms in `slot`."""
    return slot == "q" or form in slot


@lru_cache(maxsize=_CACHE)
def mid_sentence(text: str) -> str:
    """The item as it reads inside a sentence: "Trail running" -> "trail running".

    Only a sentence-case phrase (capitalised first word, lowercase second word)
    loses its capital; acronyms ("AI"), names ("New York marathon", "Python
    packaging") and single words ("Marathons" may be a name) stay as typed.
    """
    words = text.split(" ")
    if len(words) < 2:
        return text
    first, second = words[0], words[1]
    if not (first[:1].isupper() and first[1:].islower() and first.isalpha()):
        return text
    if not second[:1].islower() or first.casefold() in _PROPER_FIRST_WORDS:
        return text
    # German capitalises every noun ("Kontakte zu Herstellern von Wärmepumpen"): a
    # phrase with letters beyond ASCII and a later capitalised word keeps its capital.
    if not text.isascii() and any(w[:1].isupper() and not w.isupper() for w in words[2:]):
        return text
    return first[0].lower() + text[1:]


def first_name(name: str) -> str:
    """The name to address someone by: the first word that is not a title, or the last
    where a Hungarian name is written family name first ("Kertész Zsófia": Zsófia)."""
    words = [w.strip(",") for w in name.split() if w.casefold() not in _TITLES]
    if len(words) >= 2 and _hungarian_given(words[-1]) and not _hungarian_given(words[0]):
        return words[-1]
    return words[0] if words else ""


def _hungarian_given(word: str) -> bool:
    return word.casefold() in _HUNGARIAN_GIVEN


# Hungarian given names (Hungarians write the family name first, "Nagy Attila"), the
# common ones and those no other language's family names share.
_HUNGARIAN_NAMES = """
    ádám ágnes ágota akos ákos alíz andrás andrea anikó anita anna annamária antal
    árpád attila balázs bálint barbara barnabás béla bence bernadett boglárka borbála
    botond csaba csilla dániel dávid dénes dóra dorina dorottya edit elemér emese endre
    enikő erika erzsébet eszter éva ferenc flóra gábor gergely gergő gyöngyi györgy
    gyula hajnalka henrietta ibolya ildikó ilona imre irén istván iván jános jenő
    józsef judit júlia katalin kinga klára krisztina krisztián lajos lászló lilla
    levente lőrinc márk márta mária mátyás melinda mihály miklós mónika nándor nikolett
    noémi norbert orsolya ottó pál panna péter petra piroska réka rita róbert roland
    rozália sándor sára szabolcs szilvia tamás tibor tímea tünde vilma viktória
    zita zoltán zsófia zsolt zsuzsanna
"""
_HUNGARIAN_GIVEN = frozenset(_HUNGARIAN_NAMES.split())


@lru_cache(maxsize=_CACHE)
def need_item(text: str) -> str:
    """A `looking_for` item without a leading "looking for"."""
    return _LOOKING_FOR_PREFIX.sub("", clean_item(text)).strip() or clean_item(text)
