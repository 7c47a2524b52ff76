"""The scope a goal names: funding stages, regions and (of work) role families.

A need and an offer of compatible kinds (`matcher.goals`) are still no complement when
both name a scope and none agrees: pre-seed tickets do not lead a Series A, "West
Africa" is not "East Africa", a chef's job is not a brand-marketing hire.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from matcher.goals import CONTEXT_MARK, DERIVED_PREFIX, KINDS, SEED_ROUND, K, goal_kind
from matcher.work_roles import FAMILY_BITS, phrase_families

# The stage of a round a capital goal names (bits: pre-seed, seed, Series A, later):
# pre-seed and seed tickets do not lead a Series A, whatever the two fields.
_STAGES = (
    # "pré-seed" as Portuguese and French founders write it.
    re.compile(r"pr[eé]-?seed"),
    re.compile(r"(?<!pre-)(?<!pre)(?<!pré-)(?<!pré)(?:" + SEED_ROUND + ")"),
    re.compile(r"\bs[ée]ries? a\b"),
    # Growth money is a later stage whatever it is called ("growth capital €10–30M",
    # "late-stage equity").
    re.compile(
        # "our B round": a letter after A before "round" (an "a round" is any round).
        # "Series A/B", "Series A and B", "séries A et B": both stages.
        r"\bs[ée]ries? (?:a\s*(?:[/–+&,-]|\b(?:and|or|to|und|et|y|e|en|i)\b)\s*)?[b-e]\b|"
        r"\b[b-e][- ]rounds?\b|"
        r"growth[- ](?:stage|capital|equity|rounds?|funds?|investors?)"
        r"|late[- ]stage"
        # "post-Series A companies": Series A and every round after it.
        r"|\bpost[- ]s[ée]ries? a\b"
    ),
)


# A round raised now beside one planned for later ("Series A in 2028, seed extension now
# (€1.5M)"): the stage sought is the one of now.
_NOW = re.compile(r"\b(?:now|currently|this year|today)\b")
_LATER = re.compile(r"\b(?:in|from|by) 20\d\d\b|\b(?:later|next year|after that)\b")


@lru_cache(maxsize=1 << 16)
def stage(key: str) -> int:
    """Bit mask of the funding stages a normalised goal phrase names (0: none)."""
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    parts = re.split(r"[,;]", text)
    now = [part for part in parts if _NOW.search(part)]
    if now and len(parts) > 1 and any(_LATER.search(part) for part in parts):
        text = " ".join(now)
    return sum(1 << i for i, pattern in enumerate(_STAGES) if pattern.search(text))


# Regions a goal names, as bits of (continent, part): "West Africa" and "market insight
# on East Africa" are no complement, "East Africa" and "Kenya and Uganda" are.
_PARTS = ("north", "south", "east", "west", "central")
_CONTINENTS = ("africa", "europe", "asia", "america", "middle east")
_PART_WORD = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "central": "central", "sub-saharan": "south|east|west|central",
}  # fmt: skip
_PLACES = {  # a country or group of countries -> "continent:part|part"
    "kenya": "africa:east", "uganda": "africa:east", "tanzania": "africa:east",
    "rwanda": "africa:east", "ethiopia": "africa:east", "nigeria": "africa:west",
    "ghana": "africa:west", "senegal": "africa:west", "ivory coast": "africa:west",
    "mali": "africa:west", "south africa": "africa:south", "egypt": "africa:north",
    "morocco": "africa:north", "germany": "europe:central|west", "austria": "europe:central",
    "switzerland": "europe:central", "poland": "europe:central|east", "dach": "europe:central",
    "france": "europe:west", "uk": "europe:west|north", "netherlands": "europe:west",
    "belgium": "europe:west", "ireland": "europe:west|north", "spain": "europe:south",
    "portugal": "europe:south", "italy": "europe:south", "greece": "europe:south",
    "sweden": "europe:north", "norway": "europe:north", "denmark": "europe:north",
    "finland": "europe:north", "nordics": "europe:north", "scandinavia": "europe:north",
    "eu": "europe:*", "india": "asia:south", "china": "asia:east", "japan": "asia:east",
    "korea": "asia:east", "usa": "america:north", "canada": "america:north",
    "latin america": "america:south|central", "brazil": "america:south",
    "chile": "america:south", "mexico": "america:central|north", "mena": "middle east:*",
}  # fmt: skip
_REGION = re.compile(
    r"\b(?:("
    + "|".join(map(re.escape, _PART_WORD))
    + r")\s+)?("
    + "|".join(map(re.escape, _CONTINENTS))
    + r")\b|\b("
    + "|".join(sorted(map(re.escape, _PLACES), key=len, reverse=True))
    + r")\b"
)
_STAGE_BITS = len(_STAGES)
_STAGE_MASK = (1 << _STAGE_BITS) - 1
_EARLY = 0b11  # pre-seed and seed


def _region_bits(spec: str) -> int:
    continent, parts = spec.split(":")
    base = _CONTINENTS.index(continent) * len(_PARTS)
    names = _PARTS if parts == "*" else parts.split("|")
    return sum(1 << (base + _PARTS.index(name)) for name in names)


@lru_cache(maxsize=1 << 16)
def regions(key: str) -> int:
    """Bit mask of the regions a normalised goal phrase names (0: none)."""
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    out = 0
    for part, continent, place in _REGION.findall(text):
        if place:
            out |= _region_bits(_PLACES[place])
        else:
            parts = _PART_WORD[part] if part else "*"
            out |= _region_bits(f"{continent}:{parts}")
    return out


_STAGE_NAMES = ("pre-seed", "seed", "series a", "series b")


# An investor's searches that are read at the stages of its money when they name none.
_AT_OWN_STAGE = frozenset(("coinvestors", "dealflow", "founders"))
MONEY = frozenset(("capital",))


def at_own_stage(key: str, own: int, kinds: frozenset[str] = _AT_OWN_STAGE) -> str:
    """An investor's co-investor, deal-flow or founder search that names no stage
    ("co-investors for syndicates", "technical founders from the Baltics") at the
    stages `own` (a `stage` mask) of its author's money: an investor syndicates the
    rounds it writes tickets for, and backs founders at those stages, so a pre-seed
    angel's founders are no Series B company's. With `kinds` ("capital"), its money
    offered without a stage too ("a network of 90 women angels" of a pre-seed and
    seed syndicate)."""
    if not own or stage(key) or KINDS[goal_kind(key) % K] not in kinds:
        return key
    names = " or ".join(name for i, name in enumerate(_STAGE_NAMES) if own >> i & 1)
    return f"{key} ({names} stage)"


def own_stages(needs: list[str], offers: list[str]) -> int:
    """The funding stages (`stage` mask) of an investor's money: its capital offers and
    the startups it seeks (deal flow), by their normalised keys."""
    out = 0
    for keys, kind in ((offers, "capital"), (needs, "dealflow")):
        for key in keys:
            if KINDS[goal_kind(key) % K] == kind:
                out |= stage(key)
    return out


_REGION_BITS = len(_CONTINENTS) * len(_PARTS)
# Work one is hired for, seeks or is commissioned for: its role family is read from its
# words (`matcher.work_roles`), and a brand-marketing hire is not met by a chef's job.
_WORK_KINDS = frozenset(KINDS.index(name) for name in ("hire", "job", "service", "experience"))


# Suppliers of goods sought ("plastic-free packaging suppliers", "local producers of
# heirloom vegetables", "makers of sustainable home objects"): met by goods, or by a
# seller seeking buyers, never by an activity or a service offered: a workshop, a
# dinner, a tour, design work or workshop space supplies nothing.
_SUPPLIERS = re.compile(r"\b(?:suppliers?|producers?|makers|growers|manufacturers?)\b")
_ACTIVITY = re.compile(
    r"\b(?:workshops?|tours?|visits?|dinners?|tastings?|trainings?|courses?|classes|"
    r"sessions?|events?|talks?|space|programs?|programmes?|design|coaching|mentoring|"
    r"advice|consulting|onboarding|help|support|know-how|expertise|experience|insights?|"
    r"intros?|introductions?)\b"
)
# Where the head of an offer ends: what follows says whom or what it is for or about.
_HEAD_END = re.compile(r"\b(?:for|with|on|in|of|from|at|to|by|about)\b|[,;:(–—]")
_SUPPLY, _ACTS = 1, 2
_TRADE_SHIFT = _STAGE_BITS + _REGION_BITS + FAMILY_BITS


def trade(key: str) -> int:
    """What an ordinary goal phrase trades, by its head (its words before "for", "with",
    "on", ...): `_ACTS` when that names an activity or a service ("workshops on growing
    food", "packaging design for food brands"), else `_SUPPLY` when it names suppliers
    of goods; 0 otherwise and for a need offered (`matcher.goals.derived_key`)."""
    if key.startswith(DERIVED_PREFIX):
        return 0
    text = key.split(CONTEXT_MARK)[0]
    head = _HEAD_END.split(text, maxsplit=1)[0]
    if _ACTIVITY.search(head):  # "supplier onboarding help": help, not suppliers
        return _ACTS
    return _SUPPLY if _SUPPLIERS.search(head) else 0


# Sums of money a goal names ("seed round (€1.5M)", "€20–100M tickets", "grants up to
# €15.000", "1,5 Mio. €"): a €1.5M round is no €20–100M ticket, whatever the two fields.
# Read as decades (below €100k, to €1M, to €10M, to €100M, above): a coarse scale, so
# only sums an order of magnitude apart clash (`scope_clash`).
_MONEY_KINDS = frozenset(
    KINDS.index(name) for name in ("capital", "grant", "debt", "assets", "dealflow", "coinvestors")
)
# Currencies: the euro's kin (counted as euros) and the events' own, which `_RATES`
# turns into euros ("max. 5 millió Ft" is about €13k, not five million; "5–8 MSEK"
# about €0.5–0.7M).
_CUR = (
    r"(?:[€$£]|\beur(?:os?|ot|ų|a)?\b|\beiro\b|\busd\b|\bgbp\b|\bchf\b|\bft\b|\bhuf\b|"
    r"forint\w*|\bpln\b|zł|złotych|\bczk\b|kč|\bron\b|\b[mk]?sek\b|\bm?dkk\b|\bm?nok\b|"
    r"\b(?:m|mn|mln|t)?kr\b|\bkron(?:or|er|a)\b|\brsd\b|dinara)"
)
_RATES = {
    "ft": 0.0025, "huf": 0.0025, "forint": 0.0025, "pln": 0.23, "zł": 0.23, "złotych": 0.23,
    "czk": 0.04, "kč": 0.04, "ron": 0.2, "sek": 0.09, "dkk": 0.13, "nok": 0.085, "kr": 0.09,
    "rsd": 0.0085, "dinara": 0.0085, "kronor": 0.09, "krona": 0.09, "kroner": 0.1,
    # The Nordic scale written into the currency: "5–8 MSEK", "500 tkr", "2 mnkr".
    "msek": 0.09e6, "mnok": 0.085e6, "mdkk": 0.13e6, "mkr": 0.09e6, "mnkr": 0.09e6,
    "mlnkr": 0.09e6, "ksek": 90.0, "tkr": 90.0,
}  # fmt: skip


def _rate(currency: str | None) -> float:
    """Euros per unit of a currency `_CUR` matched (1 for the euro and its kin)."""
    if not currency:
        return 1.0
    word = currency.casefold()
    return _RATES.get("forint" if word.startswith("forint") else word, 1.0)


NUMBER = r"\d+(?:[.,]\d+)*"
# Thousands and millions in the languages of the events too ("800 tis. EUR", "1,8 mil.
# €" in Czech, "6 millió EUR", "300 mil euros" in Spanish and Portuguese, "€2 miljoen"
# in Dutch, "3 miljoner kr" in Swedish, "100 tūkst. – 5 milj. EUR" in Latvian).
SCALE = (
    r"(?:k|m|mn|mio\.?|millions?|millionen|bn|mrd\.?|billions?|tis\.?|tys\.?|tisíc\w*|"
    r"tysi[eę]cy|tsd\.?|tausend|ezer|mila|mil\.|mil|mln\.?|milion\w*|milijon\w*|millió|"
    r"milió|millones|milioni|miliard\w*|milliárd|miljoen\w*|miljon\w*|millón|milhão|milhões|"
    r"miljard\w*|milliard\w*|duizend|tusen|tūkst\.?|tuh\.?|tuhat|milj\.?)(?![\w])"
)
_SUM = rf"({_CUR})?\s*({NUMBER})\s*({SCALE})?"
_MONEY = re.compile(
    rf"(up to |to |max\.? |under |bis zu |jusqu'à |hasta )?{_SUM}"
    rf"(?:\s*(?:[-–—]|to|bis)\s*{_SUM})?\s*({_CUR})?"
)
_THOUSANDS = ("k", "tis", "tys", "tsd", "tausend", "ezer", "mila", "mil", "duizend", "tusen",
              "tūkst", "tuh", "tuhat")  # fmt: skip
_BILLIONS = ("bn", "mrd", "billion", "miliard", "milliárd", "miljard", "milliard")


def scale_factor(scale: str | None) -> float:
    """What a scale word multiplies by: "k", "tis." a thousand; "mil." (Czech) a
    million, "mil" (Spanish, Portuguese) a thousand; "bn", "mrd" a billion."""
    if not scale:
        return 1.0
    word = scale.casefold()
    if word == "mil.":
        return 1e6
    word = word.rstrip(".")
    if word in _THOUSANDS or word.startswith(("tisíc", "tysi")):
        return 1e3
    return 1e9 if word.startswith(_BILLIONS) else 1e6


_AMOUNT_BITS = 5


def number_value(text: str) -> float:
    """ "1.5" and "1,5" are decimals, "15.000" and "1,400" thousands."""
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(part) == 3 for part in parts[1:]):
        return float("".join(parts))
    return float(parts[0] + "." + "".join(parts[1:])) if len(parts) > 1 else float(text)


def _decade(value: float) -> int:
    return min(max(int(np.floor(np.log10(max(value, 1.0)))) - 4, 0), _AMOUNT_BITS - 1)


# What follows a sum that is a company's size, not money sought or offered: "Series B
# companies with €5M+ ARR" says whom an investor backs, not the size of their tickets.
_COMPANY_SIZE = re.compile(
    r"\s*\+?\s*(?:in\s+)?(?:arr|mrr|revenues?|turnover|sales|umsatz|omzet|omsättning|"
    r"chiffre d'affaires)\b"
)
# A sum and more: "€20M+", "> €1M".
_OPEN = re.compile(r"\s*\+")
_OPEN_BEFORE = re.compile(r"(?:>|\bover|\babove|\bat least|\bmore than)\s*$")


@lru_cache(maxsize=1 << 16)
def amounts(key: str) -> int:
    """Bit mask of the decades of money (`_AMOUNT_BITS` of them, from below €100k) a
    normalised goal phrase names with a currency (0: none): "€0.5–1.5M" spans two,
    "€20M+" every decade from its own. A company's revenue is no such sum."""
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    out = 0
    for m in _MONEY.finditer(text):
        upto, cur1, num1, scale1, cur2, num2, scale2, cur3 = m.groups()
        if not (cur1 or cur2 or cur3):  # "1.400 members", "10–20 MW": no money
            continue
        if _COMPANY_SIZE.match(text, m.end()):
            continue
        scale2 = scale2 or scale1
        scale1 = scale1 or scale2
        rate = _rate(cur3 or cur1 or cur2)
        low = number_value(num1) * scale_factor(scale1) * rate
        high = low if num2 is None else number_value(num2) * scale_factor(scale2) * rate
        if upto:
            low = 0.0
        if num2 is None and (_OPEN.match(text, m.end()) or _OPEN_BEFORE.search(text, 0, m.start())):
            high = 1e12
        a, b = _decade(low), _decade(high * 0.999999)
        for i in range(min(a, b), max(a, b) + 1):
            out |= 1 << i
    return out


# The rank of work a hire, a job, a service or experience names, on the five steps of
# the field `amounts` fills for money (work names no sum): a span, so that `scope_clash`
# compares the two as it compares sums. Posts for students (internships, traineeships,
# apprenticeships, a thesis) are step 0, junior and graduate work 0–2, work of no named
# rank 2–4 and senior work (senior, head, lead, chief, director, years of it) step 4.
# So a Head of Data Science is not met by an internship, a senior UX researcher by a
# junior job or traineeship, nor an engineer to hire by a student's thesis search,
# while an internship meets a junior post and any rank meets work of no named rank.
_STUDENT_WORK = re.compile(
    r"\b(?:intern(?:s|ships?)?|trainee(?:s|ships?)?|apprentice(?:s|ships?)?|thesis|"
    r"students?|phd (?:candidates?|students?|positions?)|praktik(?:um|a|ant\w*)|"
    r"werkstudent\w*|stagiaires?|stagist[aei]|tirocini[oa]?|pr[áa]cticas|becari[oa]s?|"
    r"est[áa]gios?|sta[żz](?:u|e|ysty?\w*)?|alternance|apprentissage|lehrstellen?|"
    r"ausbildung\w*|stages? (?:de fin|en)\b)"
)
_JUNIOR_WORK = re.compile(
    r"\b(?:junior|juniors|entry[- ]level|graduates?|first job|absolvent\w*|"
    r"jeunes? dipl[ôo]m[ée]s?|berufseinst\w+|starters?(?=\s+(?:job|role|functie)))\b"
)
_SENIOR_WORK = re.compile(
    r"\b(?:senior|s[ée]nior|heads? of|head|principal|chief|directors?|director[ae]|"
    r"directeur|directrice|vp|vice president|c[tfoem]o|cpo|ciso|"
    r"(?:tech|team|design|ml|ai|data|engineering|product|clinical|sales|r&d) lead|"
    r"leiter(?:in)?|experienced|ervaren|erfahrene?|exp[ée]riment[ée]e?s?|"
    r"\d+\+? ?(?:years|yrs|jahre|ans|años|anni|jaar|lat))\b"
)
STUDENT, _JUNIOR, _ANY, _SENIOR = 0b00001, 0b00111, 0b11100, 0b10000


@lru_cache(maxsize=1 << 16)
def seniority(key: str) -> int:
    """The span of ranks of work a normalised hire, job, service or experience phrase
    names (bits 0–4 of `amounts`' scale): every rank it names, or `_ANY`."""
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    named = [
        bits
        for pattern, bits in (
            (_STUDENT_WORK, STUDENT),
            (_JUNIOR_WORK, _JUNIOR),
            (_SENIOR_WORK, _SENIOR),
        )
        if pattern.search(text)
    ]
    if not named:
        return _ANY
    low = min((bits & -bits).bit_length() for bits in named) - 1
    high = max(bits.bit_length() for bits in named) - 1
    return (1 << (high + 1)) - (1 << low)


_AMOUNT_SHIFT = _TRADE_SHIFT + 2
# The lowest and highest decade of an `amounts` mask, by mask.
_LOWEST = np.array([(m & -m).bit_length() - 1 for m in range(1 << _AMOUNT_BITS)], np.int64)
_HIGHEST = np.array([m.bit_length() - 1 for m in range(1 << _AMOUNT_BITS)], np.int64)


# A lead sought for a round of a named size ("Series A lead (€4M)", "lead investor for
# a €1.5M seed"): one who writes the largest ticket of the round. Only money named at
# the round's size meets it, not a small cheque nor an investor's search that names no
# sum (`scope_clash`). Marked by the sign bit of a need's scope, above `amounts`.
# An investor's cheques, not a round: their size says nothing of the round's stage.
_TICKETS = re.compile(r"\b(?:tickets?|cheques?|checks?)\b")
_LEAD = re.compile(r"\b(?:co-?)?lead\b(?!\s+(?:times?|gen))")
_CAPITAL = KINDS.index("capital")
_LEAD_BIT = 1 << 63


def scope(key: str) -> int:
    """The funding stages, regions, (of work: a hire, a job, a service) role families,
    trade (`trade`) and (of money) sums a normalised goal phrase names, as one int64
    (`stage` in the low bits, `regions` above them, `phrase_families` above those,
    `trade` above those, `amounts` above those, a lead of a round of a named size in
    the sign bit). Money all under €100k that names no stage is at pre-seed or seed."""
    out = stage(key) | (regions(key) << _STAGE_BITS)
    kind = goal_kind(key) % K
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    if kind in _WORK_KINDS:
        out |= phrase_families(text) << (_STAGE_BITS + _REGION_BITS)
        out |= seniority(key) << _AMOUNT_SHIFT
    if kind in _MONEY_KINDS:
        sums = amounts(key)
        out |= sums << _AMOUNT_SHIFT
        if (
            sums
            and not out & _STAGE_MASK
            and (_HIGHEST[sums] == 0 or (_HIGHEST[sums] == 1 and not _TICKETS.search(text)))
        ):
            # Sums all under €100k ("tickets 20–50k€") are angel money, and a round
            # under €1M ("angels for a €400k bridge") an early one: pre-seed or seed,
            # not a Series A or B investor's search. Tickets up to €1M may join a later
            # round.
            out |= _EARLY
        if kind == _CAPITAL and sums and _LEAD.search(text):
            out -= _LEAD_BIT  # the sign bit, as an int64 holds it
    return out | (trade(key) << _TRADE_SHIFT)


def scope_clash(need_scope: np.ndarray, offer_scope: np.ndarray) -> np.ndarray:
    """Where a need and an offer both name funding stages and none agrees, both name
    regions and none overlaps, both name role families of work and none is shared, both
    name sums of money and the offer's is a decade above the need's or more than one
    below it (`amounts`), the need seeks the lead of a round of a named size and the
    offer names no money of that size, or the need asks for suppliers of goods and the
    offer is an activity (broadcast)."""
    out: np.ndarray = np.zeros(np.broadcast_shapes(need_scope.shape, offer_scope.shape), bool)
    shift = 0
    for bits in (_STAGE_BITS, _REGION_BITS, FAMILY_BITS):
        mask = np.int64((1 << bits) - 1)
        a, b = (need_scope >> shift) & mask, (offer_scope >> shift) & mask
        out |= (a > 0) & (b > 0) & ((a & b) == 0)
        shift += bits
    mask = np.int64((1 << _AMOUNT_BITS) - 1)
    a, b = (need_scope >> _AMOUNT_SHIFT) & mask, (offer_scope >> _AMOUNT_SHIFT) & mask
    # Money a decade above all that is asked (€20–100M tickets for a €1.5M round), or
    # below a tenth of it: several small tickets make one round, so one decade less is fine.
    too_big = _LOWEST[b] > _HIGHEST[a]
    too_small = _HIGHEST[b] < _LOWEST[a] - 1
    out |= (a > 0) & (b > 0) & (too_big | too_small)
    # A lead of a named round: money that reaches the round's decade, said as such.
    out |= (need_scope < 0) & (_HIGHEST[b] < _LOWEST[a])
    supply = (need_scope >> _TRADE_SHIFT) & _SUPPLY
    acts = (offer_scope >> _TRADE_SHIFT) & _ACTS
    out |= (supply > 0) & (acts > 0)
    return out


_AMOUNT_MASK = np.int64(((1 << _AMOUNT_BITS) - 1) << _AMOUNT_SHIFT)


def sum_clash(need_scope: np.ndarray, offer_scope: np.ndarray) -> np.ndarray:
    """`scope_clash` of the sums of money alone (broadcast): an investor's tickets and a
    round, whatever stages each names ("seed cheques €500k–1.5M" may join a €400k
    pre-seed round; "tickets €250k–1.5M" are no €50–100k angel money)."""
    return scope_clash(need_scope & _AMOUNT_MASK, offer_scope & _AMOUNT_MASK)
