"""What an investor says they never back, and whether a company is such a thing.

Investors write their limits plainly: "No crypto, no hardware, no consumer social",
"We don't invest in wellness or mindfulness apps sold to consumers", "ausschließlich
Software – keine Hardware", "medical devices only (no drugs, no biotech)". A round
met by the tickets of an investor whose limits rule it out was about one in six of the
wrong complements left on the human-judged sets (2026-12-06: a D2C olive-oil brand and
a fund that says "No invertim en marques de consum (CPG)"; a cold-room maker and a
software-only fund); those whose limit is a sector are read here.

`limits` reads an investor's profile for the sectors they exclude and the sectors
they say they back only, and their searches for companies for the verticals sought
(2026-12-06: a games-and-AI fund's search met an upcycled-food company's round);
`sectors` reads a company's for the sectors it is in; and
`rules_out` says whether the first rules the second out. Sectors are a short list of
the ones investors name (hardware, consumer, crypto, biotech, medtech, ...), each
found by its words in English and in the languages of the events; what no sector
names (stages, regions, "things I understand") limits nothing here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from matcher.about_phrases import affirmed_text
from matcher.countries import countries, home, seat
from matcher.goal_scope import NUMBER, SCALE, number_value, scale_factor
from matcher.types import Profile

# Sector -> (words an investor excludes it by, words a company is in it by).
_SECTORS: dict[str, tuple[str, str]] = {
    "hardware": (
        r"hardware|hårdvara|hardwarový|sprzęt\w*",
        r"hardware|devices?|sensors?|robot\w*|drones?|batter(?:y|ies)|cold[- ]rooms?|"
        r"boats?|chips?|semiconductors?|satellites?|wearables?|machinery|turbines?|"
        r"heat pumps?|units",
    ),
    "consumer": (
        r"consumer\w*|b2c|d2c|cpg|consum|consumo|konsument\w*|consumenten|"
        r"consommat\w*|grand public",
        r"b2c|d2c|dtc|direct[- ]to[- ]consumer|consumer (?:brand|app|product|goods)s?|"
        r"cpg|sold to consumers|for consumers",
    ),
    # Crypto-assets, not cryptography ("post-quantum migration: crypto inventory &
    # crypto-agility for banks", "lattice cryptography").
    "crypto": (
        r"crypto\w*|krypto\w*|kripto\w*|web3|blockchain|defi|nfts?|tokens?",
        r"crypto(?!graph)\w*(?!\s+(?:inventor\w*|agility|librar\w*|keys?|migration|"
        r"algorithms?|primitives?|standards?))|web3|blockchain|defi|nfts?|tokeni[sz]\w*|"
        r"on-chain",
    ),
    "biotech": (
        r"biotech\w*|pharma\w*|drugs?|therapeutics|medicines?|farmac\w*|arzneimittel",
        r"biotech\w*|pharma\w*|drug (?:discovery|development|candidates?)|therapeutics?|"
        r"phages?|antibod(?:y|ies)|biologics",
    ),
    "medtech": (
        r"medtech|medical devices?|regulatory approval|medizinprodukte?",
        r"medtech|medical devices?|ce[- ]mark\w*|\bmdr\b|implants?|fda (?:clearance|approval)",
    ),
    "wellness": (
        r"wellness|mindfulness|meditation",
        r"wellness|mindfulness|meditation",
    ),
    "real estate": (
        r"real estate|vastgoed|immobili\w*|immobilien|property|properties",
        r"real estate|proptech|property (?:developer|development|management)",
    ),
    "marketplaces": (
        r"marketplaces?|marktpl(?:ä|a)tze?|marktplaatsen|marketplace",
        r"marketplaces?",
    ),
    "carbon offsets": (
        r"(?:carbon )?offsets?|carbon credits?",
        r"carbon offsets?|carbon credits?|offsetting",
    ),
    # "No invertim en mobilitat d'hidrogen (camions, autobusos, hidrogeneres)": trucks,
    # buses and tractors run on hydrogen, not hydrogen made for industry.
    "hydrogen mobility": (
        r"(?:hydrogen|h2) (?:mobility|trucks|buses|vehicles|cars)|mobility (?:of|with) hydrogen|"
        r"mobilitat d'hidrogen|movilidad (?:de|del|con) hidr[óo]geno|"
        r"mobilit[ée] (?:à l'|a l')?hydrog[èe]ne|wasserstoffmobilit[äa]t",
        r"(?:hydrogen|h2|fuel[- ]cells?)\b[\w -]{0,40}?\b(?:mobility|trucks?|buses|vehicles?|"
        r"tractors?|forklifts?|cars?|trains?|refuel\w*)|hydrogen refuel\w*",
    ),
    # "we don't invest in biomass combustion": pellets and wood chips are burnt.
    "biomass": (
        r"biomass\w*|biomas[aă]|biomasse",
        r"biomass\w*|biomas[aă]|biomasse|pellets?|pelleting|peleți|wood chips|firewood",
    ),
    "micromobility": (
        r"micro-?mobility|e-?scooters?|scooters?",
        r"micro-?mobility|e-?scooters?|scooters?|e-?bike sharing",
    ),
    # "No pure-software marketplaces", "nicht in Software-only-Geschäftsmodelle": software
    # without anything physical (`sectors` gives it to software with no hardware).
    "software-only": (
        r"(?:software[- ]only|pure[- ]software|reine[- ]software)\S*",
        r"(?!x)x",
    ),
    "software": (
        r"software\w*|saas|mjukvar\w*|logiciel\w*",
        r"software(?:-\w+)?|saas|platform|apps?|apis?|analytics|dashboards?",
    ),
    # "we do not fund pure consulting or service businesses", "Puhast
    # konsultatsiooniteenust ei rahasta": a firm whose work is sold by the day.
    "consulting": (
        r"consult\w*|consultanc\w*|service (?:businesses|compan(?:y|ies)|firms?)|"
        r"konsultatsioon\w*|beratung\w*|doradztw\w*",
        r"consultanc(?:y|ies)|consulting (?:firm|company|business|projects|practice)|"
        r"advisory (?:firm|practice|boutique)|paid per day|day rates?|"
        # "we are a service business and want to stay that way", "our translation agency".
        r"(?:a|we are a) service business|(?:our|my) (?:[\w-]+ ){0,3}agency",
    ),
    "devtools": (
        r"dev ?tools|developer tools",
        r"dev ?tools|developer (?:tools|tooling|platforms?|experience)",
    ),
    "construction": (
        r"construction",
        # Buildings, not building something ("founders building dev tools").
        r"construction|contech|bim|façades?|facades?|retrofit\w*|buildings|"
        r"(?:smart|green|office|commercial|residential|public|existing|new) building|"
        r"building (?:energy|materials?|envelopes?|stock|sector|industry|automation|"
        r"management|renovations?|retrofits?|information|permits?|codes?|products?)",
    ),
    # The verticals investors name as their focus ("fintech or insurtech founders",
    # "spółki pre-seed/seed: gry i narzędzia AI"): a company in one of them and in none
    # an investor's search names is not the deal flow it seeks (`VERTICALS`).
    "fintech": (
        r"fintech\w*|financial services|neobank\w*",
        r"fintech\w*|neo-?bank\w*|payments?|lending|lenders?|loans?|bnpl|open banking|"
        r"regtech|wealthtech|banking|credit scoring|invoice financ\w*",
    ),
    "insurtech": (
        r"insurtech\w*|insurance",
        r"insurtech\w*|insurance|insurers?|reinsurance|underwriting|versicherung\w*|"
        r"seguros?|assicura\w*",
    ),
    "games": (
        r"games?|gaming|gamedev|video ?games?|gry|gier|jeux vid[ée]o|videojuegos?|"
        # Hungarian, Czech and Slovak, Romanian, Croatian, Serbian and Slovenian.
        r"videogiochi|videospiele?|játék\w*|videohry|hry|jocuri|video ?igre|igre|igara",
        r"games?|gaming|gamedev|game studios?|video ?games?|esports?|gry|gier|"
        r"jeux vid[ée]o|videojuegos?|videogiochi|videospiele?|játék\w*|videohry|hry|jocuri|"
        r"video ?igre|igre|igara",
    ),
    # Games built on paid chance ("never loot-box or gacha games", "no mobile F2P"): a
    # kind of games that investors in games name to rule out.
    "gacha": (
        r"loot[- ]?box\w*|gacha|f2p|free[- ]to[- ]play|mikropłatno\w*|microtransactions?",
        r"gacha|loot[- ]?(?:box|chest)\w*|f2p|free[- ]to[- ]play",
    ),
    "ai": (
        r"ai|a\.i\.|artificial intelligence|machine learning|ml|llms?|genai|ia",
        r"ai|ai-\w+|artificial intelligence|machine learning|ml|llms?|genai|deep learning|"
        r"computer vision|nlp",
    ),
    "food": (
        r"food\w*|f&b|beverages?|agri-?food|alimenta\w*|lebensmittel\w*|voedsel\w*",
        r"food\w*|f&b|beverages?|drinks?|agri-?food|olive oil|snacks?|restaurants?|"
        r"brew(?:ery|eries|ing)|distiller(?:y|ies)|whisky|wines?|winer(?:y|ies)|coffee|"
        r"chocolate|dairy|chees\w*|bakery|plant-based|alimenta\w*|lebensmittel\w*|"
        r"voedsel\w*",
    ),
    "climate": (
        r"climate\w*|cleantech|decarboni[sz]\w*|energy|renewables?|net[- ]zero",
        r"climate\w*|cleantech|decarboni[sz]\w*|energy|renewables?|solar|wind|"
        r"hydrogen|batter(?:y|ies)|heat pumps?|grids?|emissions|circular\w*|recycl\w*|"
        r"ocean|marine|blue economy|"
        r"electrif\w*|ev charging|biochar|net[- ]zero",
    ),
    "health": (
        # Not "healthy" ("healthy net revenue retention", "healthy snacks").
        r"health(?!y\b|ier\b)\w*|life sciences",
        r"health(?!y\b|ier\b)\w*|medical|medtech|clinical|clinics?|clinicians?|patients?|hospitals?|"
        r"nhs|diagnos\w*|therap\w*|care homes?|biotech|pharma\w*|gesundheit\w*|"
        r"sant[ée]|salud|sa[úu]de|sanit[àa]",
    ),
    "edtech": (
        r"edtech|education|e-?learning",
        r"edtech|education(?:al)?|e-?learning|schools?|teachers?|tutor\w*|classrooms?|"
        r"pupils",
    ),
    # Aerospace investors name these ("Investiamo ... nello spazio upstream", "startups
    # de drones o agritech", "dual-use startups raising Series A", "SAF-producenten").
    # "Space" alone is a room or a U-space airspace: a company is in space by its
    # satellites, launches or orbit.
    "space": (
        r"space(?:[- ]?tech)?|newspace|upstream space|spazio|espacio|espai|espace|"
        r"raumfahrt|spatial|satellit\w*",
        r"newspace|(?:upstream|downstream) space|space (?:tech|industry|sector|startups?|"
        r"companies|economy|infrastructure|systems?|hardware|missions?)|spazio|spaziali?|"
        r"espacial|espai|raumfahrt|spatial(?! (?:data|computing|analysis|audio|planning|"
        r"analytics|intelligence))|(?:micro|nano|mini|small)?satellit\w*|sat[eè]l·lits?|cubesats?|"
        r"smallsats?|nanosats?|spacecraft|in-orbit|in orbit|orbital|earth observation|"
        r"launchers?|launch (?:services?|vehicles?|slots?|brokerage)|"
        r"ground (?:stations?|segment)",
    ),
    "aviation": (
        # Not a fuel for it ("SAF and pure software are not our topic").
        r"a[ée]ro|aerospace|a[ée]rospatial\w*|a[ée]ronaut\w*|aviation(?! fuels?)|aircraft|"
        r"luftfahrt|lotnict\w*|aeroespacial|aerospazial\w*",
        r"aerospace|a[ée]rospatial\w*|a[ée]ronaut\w*|aviation|aircraft|luftfahrt|"
        r"lotnict\w*|aeroespacial|aerospazial\w*|avionics|airlines?|airports?|evtol|mro|a[ée]ro",
    ),
    "drones": (
        r"drones?|drohnen?|dron(?:es|y|ów|i)?|uavs?|uas|unmanned",
        r"drones?|drohnen?|dron(?:es|y|ów|i)?|uavs?|uas|bvlos|u-space|unmanned aircraft",
    ),
    "defence": (
        r"defen[cs]e|dual-use|military|weapons?|défense|defensa|difesa|verteidigung|"
        r"rüstung|armement",
        r"defen[cs]e|dual-use|military|weapons?|counter-uas|défense|defensa|difesa|"
        r"verteidigung|rüstung|armement",
    ),
    "aviation fuels": (
        r"saf|e-?fuels?|sustainable aviation fuels?|biokerosene|carburants? durables?",
        r"saf|e-?fuels?|sustainable aviation fuels?|biokerosene|carburants? durables?|"
        r"alcohol-to-jet|power-to-liquid|biojet|duurzame vliegtuigbrandstof",
    ),
    "agritech": (
        r"agri-?tech|ag-?tech|agricultur\w*|agr[ií]col\w*|agricole\w*",
        r"agri-?tech|ag-?tech|agricultur\w*|agr[ií]col\w*|agricoles?|farmers?|farming|"
        r"viticultur\w*|vineyards?|viñedos?|vinyes?|vignobles?|orchards?|crops?|livestock",
    ),
}
# The sectors a company is in by its field (not by what it is made of, or who buys it:
# hardware, software, consumer), read against the verticals an investor seeks.
VERTICALS = frozenset(
    [
        "fintech", "insurtech", "games", "ai", "food", "climate", "health", "edtech",
        "crypto", "biotech", "medtech", "real estate", "wellness", "micromobility",
        "carbon offsets", "devtools", "construction", "hydrogen mobility", "biomass",
        "space", "aviation", "drones", "defence", "aviation fuels", "agritech",
    ]
)  # fmt: skip
# A vertical inside broader ones: a medical-device company is in health; investors in
# proptech or in climate back construction tech (buildings are much of emissions).
_BROADER: dict[str, tuple[str, ...]] = {
    "medtech": ("health",),
    "biotech": ("health",),
    "wellness": ("health",),
    "construction": ("real estate", "climate"),
    "carbon offsets": ("climate",),
    "micromobility": ("climate",),
    "hydrogen mobility": ("climate",),
    "biomass": ("climate",),
    # Farming is food, and much of what climate investors back (irrigation, soil carbon).
    "agritech": ("food", "climate"),
}


def _either(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


_EXCLUDES = {name: _either(ex) for name, (ex, _) in _SECTORS.items()}
_IS = {name: _either(member) for name, (_, member) in _SECTORS.items()}
# Any sector's words at all (most profiles have none: one search says so).
_ANY = _either("|".join(member for _, member in _SECTORS.values()))

# Where a limit's words end: a sentence, a clause after a colon or dash, a bracket.
_SENTENCE = re.compile(r"[.;!?\n|•·]+(?:\s|$)|\s[–—-]\s|\(|\)")
# What opens an exclusion, to the clause's end ("No crypto, no hardware"; "Not for
# me: hardware"; "keine Hardware"; "niente immobili").
_NEGATION = re.compile(
    r"(?<![\w-])(?:no|not|never|nothing|excluding|except|nor|don't|do not|out of scope|"
    # "Consumer VR games and fitness apps are outside our mandate".
    r"outside (?:of )?(?:our|my|the) (?:thesis|scope|focus|mandate|remit)|"
    r"doesn't|won't|geen|keine?|nicht|niente|né|ni|pas|aucun\w*|ingen|inte|não|nem|nie|"
    r"nunca|ningún|ninguna|mai|"
    # Czech, Slovak, Hungarian: "žádný hardware", "žiadne biotech", "nem finanszírozunk".
    r"žádn[ýáé]|žiadn[yae]|nem|"
    # Danish, Norwegian, Swedish, Finnish: "ikke software", "aldrig", "inga appar", "emme".
    r"ikke|aldrig|aldri|inga|inget|emme|"
    # Romanian before its verb ("nu investim în"; Danish "nu" is "now"), Bulgarian and
    # Ukrainian "не".
    r"nu(?=\s+(?:investim|investesc|finanțăm|finantam|facem|intrăm|intram|lucrăm|"
    r"lucram|pot|vreau)\b)|не)(?![\w-])",
    re.IGNORECASE,
)
# Negations that do not exclude: "don't mind some hardware", "not just finance it",
# "not only software".
_NOT_EXCLUDING = re.compile(r"^\s*(?:mind|just|only|necessarily|always)\b", re.IGNORECASE)
# A copula before the negation: the thing excluded is said first ("Medtech is not for
# us", "Traditional fintech (banking, payments) is not my thing").
_SAID_FIRST = re.compile(r"\b(?:is|are|isn't|aren't)\s*$", re.IGNORECASE)
# What makes a limit an "only": "medical devices only", "ausschließlich Software".
_ONLY = re.compile(
    r"(?<![\w-])(?:only|exclusively|solely|ausschließlich|nur|uniquement|exclusivement|"
    r"seulement|solo|soltanto|esclusivamente|apenas|somente|solamente|únicamente|"
    r"bara|endast|alleen|uitsluitend|wyłącznie|tylko|qu'(?:au|aux|en|à)|"
    r"jen|pouze|výhradně|len|iba|výlučne|výhradne|csak|kizárólag|"
    r"kun|udelukkende|utelukkende|enbart|vain|ainoastaan|yksinomaan|"
    # Romanian, Bulgarian, Ukrainian, Serbian, Turkish: "doar companii din RM".
    r"doar|numai|exclusiv|само|лише|тільки|samo|sadece|yalnızca|yalnizca)(?![\w-])",
    re.IGNORECASE,
)
# An "only" before what it limits ("only health"), not after ("medical devices only").
_ONLY_NEXT = re.compile(rf"(?:{_ONLY.pattern})(?=\s+\w)", re.IGNORECASE)
# What makes the places after it a requirement, with or without "only": "company
# incorporated in Italy or Switzerland", "Requisito non negoziabile: sede legale ... in
# Lombardia", "must be based in Portugal", "Region: CZ & SK".
_REQUIRED = re.compile(
    r"(?<![\w-])(?:incorporated|registered|headquartered|domiciled|requirements?|required|"
    r"requisit\w*|criteria|must be|must have|sede legale|registered office|"
    # Danish, Norwegian, Swedish, Finnish: "hovedsæde i Danmark", "registrerade i Skåne".
    r"hovedsæde|hovedkontor|registreret|registrerede|registrerad\w*|registrert\w*|"
    r"kotipaik\w*|"
    # Romanian, Hungarian, Ukrainian, Bulgarian, Turkish: "înregistrate în Republica
    # Moldova", "székhelyű", "зареєстровані в Україні", "Türkiye'de kayıtlı".
    r"înregistrat\w*|inregistrat\w*|sediul|bejegyzett|székhely\w*|зареєстрован\w*|"
    r"регистриран\w*|kayıtlı|kayitli|"
    # A region said as a label ("Region: Česko a Slovensko").
    r"regions?(?=\s*:))(?![\w-])",
    re.IGNORECASE,
)
# Whom an investor backs, by where they come from: "companies from the Baltics",
# "founders based in Poland", "whose founders are from Estonia".
_FROM = re.compile(
    r"\b(?:compan(?:y|ies)|startups?|start-ups?|founders?|teams?|firms?|businesses)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:are|is)\s+)?(?:from|based in|located in)\s+"
    r"|\bfounders?\s+(?:are|is)\s+(?=\w)",
    re.IGNORECASE,
)
# A negation, then where they do not fund: "we can't fund outside the Nordics".
_OUTSIDE = re.compile(
    r"(?:\bno\b|\bnot\b|n't|\bnever\b|\bcannot\b)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?"
    r"(?!our\b|my\b|(?:thesis|scope|focus|mandate|remit)\b)",
    re.IGNORECASE,
)
# Where an investor says they look: "Fokus DACH und Benelux", "focus on the Nordics".
_FOCUS = re.compile(
    r"\b(?:fokus|focus|focused|focusing)\b(?:\s+(?:on|auf|in|sur))?\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Where an investor says it invests ("We invest at seed in agrifood and circular economy
# in Italy and Austria", "Investiamo tra CHF 1 e 5 milioni in aziende wealthtech ... in
# Svizzera, Italia e Lussemburgo"): the places named after, in the present tense only
# ("we invested in", a portfolio's past, names none).
_INVEST = re.compile(
    r"\b(?:we|i)\s+(?:(?:only|mainly|mostly|primarily|typically|usually|generally)\s+)?"
    r"invest\b|\b(?:investiamo|investieren|investissons|invertimos|investimos|investeren|"
    r"inwestujemy|investerar|investerer|investujeme|befektetünk|investim|"
    r"investéieren)\b",
    re.IGNORECASE,
)
# A place that names no limit: "only B2B, anywhere in Europe".
_ANYWHERE = re.compile(
    r"\b(?:europe\w*|eu|europa|eur[oó]p\w*|global\w*|world\w*|international\w*|anywhere)\b",
    re.IGNORECASE,
)
# What ends an exclusion inside a clause: "no hardware, but happy with deep tech";
# "nicht in Software-only-Geschäftsmodelle ohne Hardware" excludes no hardware.
_BUT = re.compile(
    r"\b(?:but|however|aber|mais|pero|ma|mas|maar|without|ohne|sans|senza|sin|sem|"
    r"zonder|utan|bez)\b",
    re.IGNORECASE,
)


# A need about one's own work: "our", "my", in the languages of the events.
_OWN = re.compile(r"\b(?:our|my|unser\w*|notre|nos|nuestr\w*|nostr\w*|onze|nosso|nossa)\b", re.I)


@dataclass(frozen=True)
class Limits:
    """The sectors an investor excludes, those they back only, and the countries they
    back only (`matcher.countries` codes) (empty: any)."""

    excluded: frozenset[str] = frozenset()
    only: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    # The least yearly revenue they back (in euros, any currency taken as one; 1: any
    # revenue at all, "we never lend pre-revenue"); 0: none stated.
    min_revenue: float = 0.0
    # The sectors their searches for companies name ("pre-seed and seed fintech or
    # insurtech founders"; empty: any), read against a company's by `_outside`.
    focus: frozenset[str] = frozenset()
    # They never lead a round ("We never lead; we co-invest alongside a financial
    # lead"): no lead sought is theirs to meet.
    follows: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.excluded or self.only or self.regions or self.min_revenue or self.focus
            or self.follows
        )  # fmt: skip


def _named(text: str, table: dict[str, re.Pattern[str]]) -> set[str]:
    return {name for name, pattern in table.items() if pattern.search(text)}


# A sector named with what it has ("games with loot boxes", "gier z loot boxami",
# "Spiele mit Lootboxen"), or in Hungarian with what it is built on before it ("gacha
# mechanikára épülő játékok"): that kind of it, not the sector, is excluded.
_QUALIFIED = re.compile(r"\s+(?:with|z|ze|mit|con|avec|com|met|cu|s|sa)\s+\w", re.IGNORECASE)
_QUALIFIED_BEFORE = re.compile(r"\b(?:épülő|alapuló)\s+$", re.IGNORECASE)


def _unqualified(scope: str) -> set[str]:
    """The sectors `scope` (what follows a negation) excludes (`_EXCLUDES`), but not
    those it names only with a qualifier (`_QUALIFIED`, `_QUALIFIED_BEFORE`)."""
    return {
        name
        for name, pattern in _EXCLUDES.items()
        if any(
            not _QUALIFIED.match(scope, hit.end())
            and not _QUALIFIED_BEFORE.search(scope, 0, hit.start())
            for hit in pattern.finditer(scope)
        )
    }


# Words before a thing that make it what the work is for, not what it makes:
# "observability for edge devices", "runs on off-the-shelf cameras".
_FOR = frozenset(
    [
        "for",
        "of",
        "on",
        "from",
        "with",
        "across",
        "about",
        "to",
        "edge",
        "existing",
        "off-the-shelf",
    ]
)


# Data "from satellite" is a means, like a device one's software runs on; thrusters
# "for satellites" are still made for space.
_MEANS = {"hardware": _FOR, "space": frozenset(["from", "via", "using", "by"])}


def _made(text: str) -> set[str]:
    """The sectors `text` (a company's own words) says its work is in."""
    found: set[str] = set()
    for name, pattern in _IS.items():
        for hit in pattern.finditer(text):
            before = text[: hit.start()].split()[-1:]
            if not before or before[0].casefold() not in _MEANS.get(name, ()):
                found.add(name)
                break
    return found


@lru_cache(maxsize=1 << 12)
def limits_of(text: str) -> Limits:
    """The limits an investor's text states (`Limits`)."""
    excluded: set[str] = set()
    only: set[str] = set()
    regions: set[str] = set()
    for clause in _SENTENCE.split(text):
        for hit in _NEGATION.finditer(clause):
            after = clause[hit.end() :]
            if _NOT_EXCLUDING.match(after):
                continue
            before = clause[: hit.start()]
            scope = before if _SAID_FIRST.search(before) else _BUT.split(after)[0]
            # "not interested in fintech/adtech, only health": what is backed only.
            scope = _ONLY_NEXT.split(scope)[0]
            excluded |= _unqualified(scope)
        first = _NEGATION.search(clause)
        said = clause[: first.start()] if first else clause  # "solo in software: niente ..."
        if _ONLY.search(said):
            only |= _named(said, _EXCLUDES)
            if not _ANYWHERE.search(said):  # "Ireland & UK only", "qu'au Maroc"
                regions |= countries(said, codes=True)
        # Whom they back by origin ("software companies from the Baltics and Nordics",
        # "mille asutajad on Eestist": whose founders are from Estonia), where they cannot
        # fund outside ("We can't fund outside the Nordics and Baltics") and where they
        # focus ("Seed bis Series A, Fokus DACH und Benelux"): the places named after.
        for where in (_FROM, _OUTSIDE, _FOCUS, _INVEST):
            named = where.search(clause)
            if named and not _ANYWHERE.search(clause[named.end() :]):
                regions |= countries(clause[named.end() :], codes=True)
        required = _REQUIRED.search(clause)
        if required and not _ANYWHERE.search(clause[required.start() :]):
            # "Criteria: ..., company incorporated in Italy or Switzerland"
            regions |= countries(clause[required.start() :], codes=True)
    # Nobody excludes all software ("no vertical SaaS" names a kind of it), nor AI ("I'm
    # allergic to 'AI for everything' decks" is about decks).
    excluded -= {"software", "ai"}
    least = max((amount for amount, least in revenues(text) if least), default=0.0)
    if not least and _NO_PRE_REVENUE.search(text):
        least = 1.0
    follows = bool(_NEVER_LEADS.search(text))
    return Limits(
        frozenset(excluded), frozenset(only - excluded), frozenset(regions), least, follows=follows
    )


def limits(
    profile: Profile, english: Profile | None = None, searches: tuple[str, ...] = ()
) -> Limits:
    """What `profile` (an investor's) says they never back, or back only, as written
    and as said in English (`english`, `matcher.translation.in_english`); and what its
    `searches` for companies (each as written and in English) name: the verticals and
    the countries sought ("spółki pre-seed/seed: gry i narzędzia AI — CEE + UK"), where
    the profile names none it backs only."""
    text = _text(profile)
    if english is not None and english is not profile:
        text += " . " + _text(english)
    stated = limits_of(text)
    if not searches:
        return stated
    focus, regions = searched(searches)
    return replace(
        stated,
        focus=frozenset() if stated.only & VERTICALS else focus - stated.excluded,
        regions=stated.regions or regions,
    )


@lru_cache(maxsize=1 << 12)
def searched(searches: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The sectors and the countries (`matcher.countries` codes) searches for
    companies name ("seed and Series A climate companies in Ireland & UK"); a search
    "anywhere in Europe" names no country, nor one preferred ("esp. Hungarian")."""
    named: set[str] = set()
    regions: set[str] = set()
    for text in searches:
        found = _named(text, _IS)
        if "drones" in found and not _IS["hardware"].search(_IS["drones"].sub(" ", text)):
            # "startups de drones o agritech": drones sought, not any hardware.
            found.discard("hardware")
        named |= found
        if not _ANYWHERE.search(text):
            regions |= countries(_PREFERRED.split(text)[0], codes=True)
    return frozenset(named), frozenset(regions)


# What a search prefers, not requires: "esp. Hungarian founders", "ideally in Lyon".
_PREFERRED = re.compile(
    r"(?<![\w-])(?:esp\.?|especially|ideally|preferably|preferred|bonus|nice to have|"
    r"incl\.?|including|e\.g\.)(?![\w-])",
    re.IGNORECASE,
)


def sectors(profile: Profile, written: Profile | None = None) -> frozenset[str]:
    """The sectors `profile`'s own work is in, by its headline, offers, about and the
    needs that name its own work ("investors for our D2C olive oil brand"; other
    needs name what it seeks, its interests what it follows: neither what it is);
    and, as "in:<code>", the countries its headline, company, organisations and about
    place it in (`matcher.countries`: "Lyon-based", "a Brno startup"): where it says
    it sits, when it says so, as written or in English (`profile` is `written` said
    in English), else every country they name."""
    own = [x for x in profile.looking_for if _OWN.search(x)]
    text = " . ".join([profile.headline, profile.company, *profile.offering, *own])
    about = str(profile.about or "")
    where = " . ".join([profile.headline, profile.company, *profile.organizations, about])
    seats = seat(where)
    if written is not None and written is not profile:
        seats |= seat(" . ".join([written.headline, str(written.about or "")]))
    placed = {f"{_IN}{code}" for code in seats or home(where)}
    had = [amount for amount, least in revenues(f"{text} . {about}") if not least]
    if had:
        placed.add(f"{_REVENUE}{max(had):.0f}")
    elif _PRE_REVENUE.search(f"{text} . {about}") and not _NO_PRE_REVENUE.search(about):
        placed.add(f"{_REVENUE}0")
    if not (_ANY.search(text) or _ANY.search(about)):
        return frozenset(placed)
    found = _made(f"{text} . {affirmed_text(about)}")
    if "software" in found and "hardware" not in found:
        found.add("software-only")
    return frozenset(found | placed)


_IN = "in:"
_REVENUE = "revenue:"

# Revenue: a sum and a word for it, either way round ("€8k MRR", "2,6 Mio. CHF Umsatz",
# "ARR €1M+", ">€2M annual revenue"); a minimum when marked so ("min. €50k MRR",
# "€50k+ MRR", "erst ab €1 Mio. ARR", ">€2M").
_SUM = rf"(?:[€$£]|chf|eur)?\s?({NUMBER})\s?({SCALE})?\.?\s?(?:€|eur|euros?|chf|\$|£|usd)?(\+)?"
_REVENUE_WORD = (
    r"(arr|mrr|monthly (?:recurring )?revenues?|(?:annual |yearly |recurring )*revenues?|"
    r"umsatz|jahresumsatz|turnover|"
    r"chiffre d'affaires|ricavi|fatturato|facturación|ingresos|omzet|receita|przychod\w*|"
    r"tržby|obrat)"
)
_REVENUE_AT = re.compile(
    rf"(?<![\w.])(?:{_SUM}\s?(?:de |of |di |d')?{_REVENUE_WORD}\b|\b{_REVENUE_WORD}\s?"
    # The year it is for, between ("ingresos 2026 de 1,7 M€").
    rf"(?:(?:in |im |en |nel )?(?:19|20)\d\d\s?)?(?:of|:|von|de|di)?\s?{_SUM})",
    re.IGNORECASE,
)
# Any word for revenue at all (most texts name none: one search says so).
_REVENUE_SAID = re.compile(_REVENUE_WORD, re.IGNORECASE)
_LEAST = re.compile(
    r"(?:\bmin\.?|\bminimum|\bat least|\bmindestens|\bab|\bfrom|>|≥|\bover|\babove|"
    r"\bmore than|\bau moins|\balmeno|\bm[ií]nimo|\bminimo)\s*(?:\w+\s*){0,2}$",
    re.IGNORECASE,
)
_PRE_REVENUE = re.compile(
    r"\bpre-?revenue\b|\bno revenue yet\b|\bnoch kein(?:en)? umsatz|\bsans chiffre d'affaires|"
    r"\bsin ingresos\b|\bpre-?ricavi\b|\bbez tržeb\b",
    re.IGNORECASE,
)
# An investor who never leads ("We never lead", "we don't lead equity rounds", "we
# co-invest alongside a financial lead", "seed startups that already have a lead"), not
# one who leads up to a size ("we don't lead rounds above €2M").
_NEVER_LEADS = re.compile(
    r"\b(?:never|don't|do not|doesn't|does not|won't|will not|cannot|can't)\s+"
    r"(?:take\s+(?:the\s+)?)?lead(?:s|ing)?\b"
    r"(?!\s+(?:[\w-]+\s+){0,2}(?:above|over|beyond|larger|bigger|more than|past)\b)|"
    r"\bco-?invest(?:s|ing)?\s+(?:only\b|alongside\s+(?:an?|the)\s+(?:[\w-]+\s+)?lead\b)|"
    r"\bnon\s+guidiamo\b|\bno\s+lideramos\b|\bne\s+(?:menons|prenons)\s+(?:pas|jamais)\s+"
    r"(?:le\s+)?lead\b|\bführen\s+(?:nie|keine)\b|\bnie\s+(?:den\s+)?lead\b|"
    # Czech, Slovak, Polish: "nikdy nevedieme kolo", "nevedeme kola", "nie prowadzimy".
    r"\bneved(?:ie)?me\b|\bnie\s+prowadzimy\b|"
    # Danish, Norwegian, Swedish, Finnish: "Jeg leder ikke runder", "vi leder aldrig",
    # "emme johda"; companies sought "med en lead investor på plads" (with a lead in place).
    r"\bleder\s+(?:ikke|inte|aldrig|aldri)\b|\bemme\s+johda\b|"
    r"\blead(?:[- ]investor\w*)?\s+(?:på\s+(?:plads|plass|plats)|in\s+place)|"
    # Companies sought "that already have a lead" ("ktoré už majú lead investora").
    r"\b(?:already|už|již|już|bereits|déjà|già|ya)\s+(?:have|has|majú|mají|mają|haben|hat|ont|"
    r"hanno|tienen)\s+(?:an?\s+|the\s+|einen\s+|un\s+)?(?:[\w-]+\s+)?lead",
    re.IGNORECASE,
)
# A round whose lead is sought ("Series A lead (€4M)", "buscamos fondo que lidere",
# translated "looking for fund that leads"), not one that has its lead or takes
# co-investors too ("we have a lead for half", "lead or co-investor").
_LEAD_SOUGHT = re.compile(r"\blead(?:s|-investor)?\b|\blider(?:e|ar|a)\b|\bguidi\b")
_HAS_LEAD = re.compile(
    r"\b(?:have|has|got|with|alongside|behind|beside)\s+(?:an?\s+|the\s+|our\s+)?"
    r"(?:[\w-]+\s+)?lead\b|\blead\s+(?:committed|secured|in place|confirmed|partiel)|"
    r"\blead\s+(?:or|o|ou|oder)\b|\bco-?lead\b"
)


@lru_cache(maxsize=1 << 12)
def seeks_lead(key: str) -> bool:
    """Whether a round sought (a normalised goal) asks for its lead."""
    return bool(_LEAD_SOUGHT.search(key)) and not _HAS_LEAD.search(key)


_NO_PRE_REVENUE = re.compile(
    r"\b(?:no|never|not|don't|do not|can't|cannot|won't|keine?|nie|jamais|pas)\s+"
    r"(?:\w+\s+){0,3}"
    r"(?:pre-?revenue|before revenue|vor dem umsatz)",
    re.IGNORECASE,
)


_CURRENCY = re.compile(r"[€$£]|\b(?:chf|eur|euros?|usd)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 12)
def revenues(text: str) -> tuple[tuple[float, bool], ...]:
    """Each revenue `text` states, yearly (a monthly one times twelve), and whether it
    is a minimum asked for ("min. €50k MRR") rather than one had ("€8k MRR")."""
    if not _REVENUE_SAID.search(text):
        return ()
    out: list[tuple[float, bool]] = []
    for hit in _REVENUE_AT.finditer(text):
        number, magnitude, plus, word = hit.group(1), hit.group(2), hit.group(3), hit.group(4)
        if number is None:
            word, number, magnitude, plus = hit.group(5), hit.group(6), hit.group(7), hit.group(8)
        if not magnitude and not _CURRENCY.search(hit.group(0)):
            continue  # "ingresos 2026 de 1,7 M€": a year, no sum
        try:
            value = number_value(number) * scale_factor(magnitude)
        except ValueError:
            continue
        if word.casefold() == "mrr" or word.casefold().startswith("monthly"):
            value *= 12
        least = bool(plus) or bool(_LEAST.search(text[max(0, hit.start() - 25) : hit.start()]))
        out.append((value, least))
    return tuple(out)


def rules_out(limit: Limits, company: frozenset[str]) -> bool:
    """Whether an investor with `limit` rules out a company in the `company` sectors:
    it is in one they exclude; or, when they back some only, it is in known sectors
    and none of those ("software only" rules out a cold-room maker, not the maker of
    an app with a sensor, nor a fintech whose form nothing says; nor a company whose
    sector nothing says); or it is outside the focus of their search for companies
    (`_outside`); or, when they back some countries only, its profile places it in
    countries and in none of those ("Ireland & UK only" rules out a Lyon startup, not
    one in Dublin and Lyon, nor one whose profile names no place)."""
    places = {s.removeprefix(_IN) for s in company if s.startswith(_IN)}
    if limit.regions and places and not places & limit.regions:
        return True
    had = [float(s.removeprefix(_REVENUE)) for s in company if s.startswith(_REVENUE)]
    if limit.min_revenue and had and max(had) < limit.min_revenue:
        return True
    company = frozenset(s for s in company if not s.startswith((_IN, _REVENUE)))
    if limit.excluded & company:
        return True
    if limit.focus and _outside(limit.focus, company):
        return True
    if not limit.only or not company:
        return False
    if not limit.only & VERTICALS:  # "software only": a field says nothing of it
        company -= VERTICALS
    if "ai" not in limit.only:  # AI is a way of working, in any field
        company -= {"ai"}
    return bool(company) and not _wider(limit.only) & _wider(company)


def _wider(named: frozenset[str]) -> frozenset[str]:
    """`named` sectors with the broader verticals they are part of."""
    return named.union(*(_BROADER.get(x, ()) for x in named))


def _outside(focus: frozenset[str], company: frozenset[str]) -> bool:
    """Whether a company in the `company` sectors is outside the `focus` an investor's
    search names: its field is known (AI alone names none) and not one sought, and
    it is not of a kind sought either ("fintech and B2B SaaS companies")."""
    if _wider(focus) & _wider(company):
        return False
    return bool((company & VERTICALS) - {"ai"}) and bool(focus & VERTICALS)


def _text(profile: Profile) -> str:
    parts = [profile.headline, str(profile.about or ""), *profile.offering, *profile.looking_for]
    return " . ".join(x for x in parts if x)
