"""Phrase and organization normalisation: what makes two written items "the same"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

# Acronyms people write at events, expanded so the model sees what they mean
# ("ML" alone embeds poorly; "machine learning" embeds well).
ACRONYMS: dict[str, str] = {
    "ai": "artificial intelligence",
    "ml": "machine learning",
    "nlp": "natural language processing",
    "llm": "large language models",
    "llms": "large language models",
    "genai": "generative ai",
    "cv": "computer vision",
    "rl": "reinforcement learning",
    "ux": "user experience design",
    "ui": "user interface design",
    "pm": "product management",
    "vc": "venture capital",
    "vcs": "venture capital",
    "b2b": "business to business sales",
    "b2c": "consumer products",
    "saas": "software as a service",
    "devops": "devops and infrastructure",
    "sre": "site reliability engineering",
    "esg": "environmental social and governance",
    "d&i": "diversity and inclusion",
    "dei": "diversity equity and inclusion",
    "iot": "internet of things",
    "ar": "augmented reality",
    "vr": "virtual reality",
    "seo": "search engine optimisation",
    "hr": "human resources",
    "m&a": "mergers and acquisitions",
    "ipo": "initial public offering",
    "gtm": "go to market",
    "ehr": "electronic health records",
    # Climate, energy and health: the fields this product's events are about.
    "lca": "life cycle assessment",
    "csrd": "corporate sustainability reporting directive",
    "mrv": "measurement reporting and verification",
    "ghg": "greenhouse gas emissions",
    "ccs": "carbon capture and storage",
    "ccus": "carbon capture utilisation and storage",
    "dac": "direct air capture",
    "cdr": "carbon dioxide removal",
    "ppa": "power purchase agreements",
    "ppas": "power purchase agreements",
    "ev": "electric vehicles",
    "evs": "electric vehicles",
    "vpp": "virtual power plants",
    "bess": "battery energy storage systems",
    "hvac": "heating ventilation and air conditioning",
    "tso": "transmission system operators",
    "dso": "distribution system operators",
    "rtos": "real-time operating systems",
    "gis": "geographic information systems",
    "icu": "intensive care",
    "emr": "electronic medical records",
    "samd": "software as a medical device",
    "mdr": "medical device regulation",
    # EU rules and offices of the sets' product and reporting work: the letters alone
    # read alike to the model ("ESRS" / "ESPR", "EPI" / "EPO").
    "espr": "ecodesign for sustainable products regulation",
    "esrs": "european sustainability reporting standards",
    "dpp": "digital product passport",
    "dpps": "digital product passports",
    "epr": "extended producer responsibility",
    "eudr": "eu deforestation regulation",
    "epo": "european patent office",
    # Building words written short: "prefab" is prefabrication ("prefabrykacja").
    "prefab": "prefabrication",
}

# Programming languages named by an everyday word ("Rust", "Go", "Swift"). Written
# with a capital as a whole professional interest, or inside one ("embedded Rust"),
# the name means the language; the model reads the bare word in its everyday sense
# ("rust" ~ corrosion), so the key says which is meant. Lower-case or
# sentence-initial words ("Rust and corrosion monitoring") keep their everyday sense,
# and personal interests are left alone ("Go" there is the board game).
HOMONYMS: frozenset[str] = frozenset(
    {"Rust", "Go", "Swift", "Ruby", "Julia", "Dart", "Elixir", "Crystal", "Scratch", "Java",
     "Python", "Haskell", "Erlang", "Kotlin", "Clojure", "Racket", "Pascal", "R"}
)  # fmt: skip

# "Seed" of a funding stage ("seed investing", "seed round") is no plant seed ("seed
# saving", "traditional seeds"): the key says the stage, as a language is said above.
_SEED_STAGE = re.compile(
    r"(?<![\w-])seed(?:[\s-]+stage)?(?=[\s-]+(?:invest|fund|round|ticket|capital|financ|vc\b))"
)

# Leading words that only say which field the phrase is in ("need a", "happy to").
_GOAL_PREFIX = re.compile(
    r"^(?:i(?:'m| am)?\s+)?(?:am\s+)?"
    r"(?:looking\s+for|searching\s+for|seeking|need(?:ing)?|want(?:ing)?(?:\s+to\s+find)?|"
    r"hoping\s+to\s+(?:find|meet)|would\s+love|offering|offer|can\s+offer|"
    r"happy\s+to(?:\s+(?:offer|give|share|provide))?|can)\s+",
)
_ARTICLE = re.compile(r"^(?:a|an|some|the)\s+")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\-–—•*·,;:.!?\"'()\[\]]+|[\s\-–—•*·,;:.!?\"'()\[\]]+$")
_LEADING_PUNCT = re.compile(r"^[\s\-–—•*·,;:.!?\"'()\[\]]*")
_CLOSERS = {")": "(", "]": "[", '"': '"', "'": "'"}
# A last word that is an abbreviation with full stops inside ("s.r.o", "Ph.D", "U.S"):
# its final full stop is part of it, not the end of a sentence.
_DOTTED = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")


def keeps_full_stop(text: str, trimmed: str) -> bool:
    """Whether `trimmed` (`text` without its end punctuation) ends in an abbreviation
    whose own full stop `text` had ("payroll for s.r.o." keeps it)."""
    rest = text[len(trimmed) :] if text.startswith(trimmed) else ""
    return rest.startswith(".") and _DOTTED.search(trimmed) is not None


# Legal-form and filler words that do not change which organization is meant.
_ORG_SUFFIXES = {
    "llc", "l.l.c", "inc", "incorporated", "ltd", "limited", "gmbh", "corp", "corporation",
    "co", "company", "plc", "sa", "s.a", "ag", "bv", "b.v", "nv", "llp", "lp", "pty", "oy",
    "ab", "as", "srl", "spa", "sas", "kk", "group", "holdings", "the",
}  # fmt: skip
_ORG_ALIASES: dict[str, str] = {
    "alphabet": "google",
    "meta platforms": "meta",
    "facebook": "meta",
    "mit": "massachusetts institute of technology",
    "ucl": "university college london",
    "ucla": "university of california los angeles",
    "uc berkeley": "university of california berkeley",
    "berkeley": "university of california berkeley",
    "eth": "eth zurich",
    "epfl": "ecole polytechnique federale de lausanne",
    "aws": "amazon",
    "amazon web services": "amazon",
    "microsoft research": "microsoft",
    "google deepmind": "deepmind",
}


# The feminine and masculine ordinal indicators (ª, º), kept by `compatible`.
_ORDINALS = re.compile("([\u00aa\u00ba])")
# A full run normalises every item of every profile (240,000 at 10,000 attendees),
# mostly the same few thousand wordings: the pure functions below are cached.
_CACHE = 1 << 16


def compatible(text: str) -> str:
    """`text` in Unicode's compatibility form (NFKC: full-width letters plain, ligatures
    spelt out), but for the ordinals of Romance languages ("4ª generación", "1º
    andar"), kept as written: NFKC makes them plain letters, which misquotes them."""
    parts = _ORDINALS.split(text)
    return "".join(p if _ORDINALS.fullmatch(p) else unicodedata.normalize("NFKC", p) for p in parts)


@lru_cache(maxsize=_CACHE)
def clean(text: str) -> str:
    """Unicode-normalised, trimmed, single-spaced display text ("" for blank input)."""
    text = _SPACE.sub(" ", compatible(text or "")).strip()
    out = _EDGE_PUNCT.sub("", text)
    # Give back closing brackets and quotes that close one inside the phrase,
    # so "Go (the board game)" keeps its ")".
    lead = _LEADING_PUNCT.match(text)
    rest = text[(lead.end() if lead else 0) + len(out) :]
    for ch in rest:
        opener = _CLOSERS.get(ch)
        if opener is None:
            break
        unclosed = out.count(ch) % 2 == 1 if opener == ch else out.count(opener) > out.count(ch)
        if not unclosed:
            break
        out += ch
    if keeps_full_stop(text[lead.end() if lead else 0 :], out):
        out += "."
    return out


@lru_cache(maxsize=_CACHE)
def normalise_phrase(text: str, personal: bool = False) -> str:
    """The embedding key of an interest phrase: lower-case, trimmed, acronyms expanded,
    a programming language named by an everyday word said as one (`HOMONYMS`) and
    seed as a funding stage (`_SEED_STAGE`; neither for a `personal` interest)."""
    shown = clean(text)
    if not personal:
        shown = _languages_named(shown)
    key = shown.lower()
    key = ACRONYMS.get(key, key)
    return key if personal else _SEED_STAGE.sub("seed-stage venture", key)


def _languages_named(text: str) -> str:
    """`text` with each capitalised language name (`HOMONYMS`) said as the language,
    when it is the whole item or not its first word."""
    if text in HOMONYMS:
        return f"{text} programming language"
    words = text.split(" ")
    if len(words) < 2 or not any(w in HOMONYMS for w in words[1:]):
        return text
    return " ".join(
        [words[0], *(f"{w} programming language" if w in HOMONYMS else w for w in words[1:])]
    )


@lru_cache(maxsize=_CACHE)
def topic_item(text: str, personal: bool = False) -> tuple[str, str]:
    """(display text, embedding key) of an interest as typed: one cached lookup per item."""
    display = clean(text)
    return display, normalise_phrase(display, personal)


@lru_cache(maxsize=_CACHE)
def spelt_out(key: str) -> str:
    """A key with each acronym word in it spelt out ("staff sre" -> "staff site
    reliability engineering", a plural "sres" too); `normalise_phrase` spells out only
    a whole item."""
    out = []
    for word in key.lower().split():
        bare = word.strip(".,;:()[]/'\"")
        found = ACRONYMS.get(bare)
        if found is None and bare.endswith("s") and len(bare) > 3:  # "SREs", not "AIS"
            found = ACRONYMS.get(bare[:-1])
        out.append(word.replace(bare, found) if found and bare else word)
    return " ".join(out)


@lru_cache(maxsize=_CACHE)
def normalise_goal(text: str) -> str:
    """The embedding key of a looking-for / offering phrase, without "need a", "happy to"."""
    key = clean(text).lower()
    stripped = _ARTICLE.sub("", _GOAL_PREFIX.sub("", key)).strip()
    key = stripped or key
    return ACRONYMS.get(key, key)


@lru_cache(maxsize=_CACHE)
def normalise_org(text: str) -> str:
    """An organization's identity: "Google LLC", "google, inc." and "Google" are one."""
    # A role or years in brackets after the name ("Startup Lisboa (mentor)", "Shell
    # (2009–2016)") is one's part in it, not another organisation.
    plain = unicodedata.normalize("NFKD", _ROLE_IN.sub("", clean(text)).lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.replace("&", " and ")
    words = [w for w in re.split(r"[^a-z0-9.]+", plain) if w]
    words = [w.strip(".") for w in words]
    while words and words[-1] in _ORG_SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    key = " ".join(w for w in words if w)
    if key in _NO_ORG:
        return ""
    return _ORG_ALIASES.get(key, key)


_ROLE_IN = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")
# What a company field says of one's work when there is no organisation to share
# ("Freelance", "Independent", "Stealth"): two freelancers are not colleagues
# (blind17's readers rejected "Freelance ~ Freelance").
_NO_ORG = frozenset(
    [
        "freelance", "freelancer", "freelancing", "independent", "independent consultant",
        "self employed", "selbststandig", "selbstandig", "autonomo",
        "autonoma", "independant", "independante", "n.a", "n a", "na", "none",
        "student", "retired", "stealth", "stealth mode", "stealth startup", "various",
        "tbd", "unemployed", "open to work", "confidential", "private", "myself",
    ]
)  # fmt: skip


def unique_items(
    items: Iterable[str], key: Callable[[str], str] = normalise_phrase
) -> list[tuple[str, str]]:
    """(normalised key, display text) for each distinct non-empty item, first wording kept."""
    seen: dict[str, str] = {}
    for item in items:
        display = clean(item)
        if not display:
            continue
        k = key(display)
        if k and k not in seen:
            seen[k] = display
    return list(seen.items())
