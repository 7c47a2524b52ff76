"""Accelerators and incubators: a place sought, a programme offered, who runs one.

A founder looking for "an accelerator programme" is met by someone who runs one: the
programme they offer ("3-month climate accelerator", "€100k for 7% + 3-month
programme") or their call for a cohort ("climate startups for cohort 4"), never a
fund's search for startups (`matcher.roles`). Money sought beside a programme ("pre-seed
money or an accelerator") is both: the goal is also read as a place sought, and a
programme offered with its money as a place offered, under `PLACE_PREFIX`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.goals import CONTEXT_MARK, DERIVED_PREFIX, KINDS, PLACE_PREFIX, K, goal_kind

__all__ = [
    "PLACE_PREFIX",
    "calls_cohort",
    "eu_money",
    "funding_programme",
    "names_programme",
    "places",
    "runs_programme",
]

# Money, or know-how ("how to start: company setup, accelerators"), sought or offered
# beside a programme.
_BESIDE = frozenset(("capital", "grant", "advice"))
# A programme named beside money: "accelerator or pre-seed investor", "€50k for 6% +
# 12-week programme", "€50k grant + 6-month programme (no equity)".
_NAMES_PROGRAMME = re.compile(
    r"(?<!\beic )\b(?:pre-?)?(?:accelerat(?:or|ors|ion)|incubat(?:or|ors|ion))\b|"
    r"\b(?:\d+|one|two|three|four|six|eight|ten|twelve)[- ](?:weeks?|months?)(?:[- ]long)?\s+"
    r"(?:[\w&-]+\s+){0,2}(?:programmes?|programs?|bootcamps?)\b"
)
# A call for a cohort, batch or intake ("startups for Cohort 4", "applicants for our
# spring batch"): a search for startups by one who runs a programme.
_CALL = re.compile(
    r"\b(?:cohorts?|batch(?:es)?|intakes?)\b|"
    r"(?<!\beic )\b(?:accelerat(?:or|ors|ion)|incubat(?:or|ors|ion))\b"
)
_CALL_KINDS = frozenset(("dealflow", "founders"))
# A headline that says one works at or runs one ("Program Manager, Navigli Fashion
# Lab — accelerator for circular fashion"), not an alumna's.
_HEADLINE = re.compile(r"\b(?:accelerators?|incubators?)\b(?!.*\balum)")


def _kind(key: str) -> str:
    return KINDS[goal_kind(key) % K]


# Public programmes that fund projects by consortia, by name: partners are sought for
# one of them ("industry partners for a Horizon Europe consortium", "Eurocities
# projektų partneriai", "Norwegian and Swedish partners for Interreg projects").
_FUNDING_PROGRAMME = re.compile(
    r"\b(horizon|interreg|eurocities|creative europe|erasmus|digital europe|eurostars|"
    r"urbact|european mobility week|life programme|cost actions?)\b"
)


@lru_cache(maxsize=1 << 14)
def funding_programme(key: str) -> str | None:
    """The funding programme a goal key names for its project, if one."""
    found = _FUNDING_PROGRAMME.search(key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0])
    return found.group(1) if found else None


# The EU's money by its name or programmes ("EU funding (Interreg / Digital Europe)",
# "ERDF", "Horizon Europe grants").
_EU_MONEY = re.compile(
    r"\b(?:eu|european union|european commission|horizon|interreg|cohesion|erdf|efre|feder|"
    r"esf\+?|creative europe|erasmus|digital europe|eic|eurostars|elena|eib|life programme)\b"
)


@lru_cache(maxsize=1 << 14)
def eu_money(key: str) -> bool:
    """Whether a goal key names the EU's money or one of its programmes."""
    return _EU_MONEY.search(key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]) is not None


def names_programme(key: str) -> bool:
    """Whether a goal key names a programme beside its money ("12-week pre-seed program
    (€30k for 7%)")."""
    return _NAMES_PROGRAMME.search(key) is not None


def calls_cohort(key: str) -> bool:
    """Whether a goal key is a call for a cohort ("pre-seed founders from CEE (cohort
    5)"): a search for startups by one who runs a programme."""
    return _kind(key) in _CALL_KINDS and _CALL.search(key) is not None


def places(goals: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, own words) of the money and know-how goals that name a programme, as
    places in one: a need for "pre-seed money or an accelerator" (or for "how to start:
    company setup, accelerators") is also a place sought, an offer of "€50k for 6% +
    12-week programme" also a place offered."""
    return [
        (PLACE_PREFIX + key, text)
        for key, text in goals
        if _kind(key) in _BESIDE and _NAMES_PROGRAMME.search(key)
    ]


def runs_programme(headline: str, needs: list[str], offers: list[str]) -> bool:
    """Whether one runs an accelerator or incubator: a programme offered, a call for a
    cohort among their needs, or a headline that says so (all as normalised keys; the
    headline in lower case)."""
    if any(_kind(key) == "accelerator" for key in offers):
        return True
    if any(_kind(key) in _CALL_KINDS and _CALL.search(key) for key in needs):
        return True
    return bool(_HEADLINE.search(headline))
