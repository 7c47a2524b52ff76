"""What kind of work a headline says, by its role words: for "similar backgrounds".

"Similar backgrounds — you: <headline>; them: <headline>" claims the two do similar
work. Two people of one sector read alike to the model whatever they do there (a
freight marketplace's founder and a freight company's CFO; a designer and an
engineer at one startup), so the claim needs the same *role family* from a plain
reading of both headlines, the field being checked by the profiles' likeness.

A family comes from a role noun ("engineer", "Gründerin", "chef") or from the function
a rank word is attached to ("Head of *Product*", "*Sales* manager", "VP *People*",
"Leiterin *Digitalisierung*"); a function this module does not know is its own family
("*Sustainability* manager" / "*Sustainability* lead"). A rank alone ("Manager,
Acme", "Owner, Maison Verte") names no family; nor do plural role nouns, which
are whom someone works with ("placing engineers", "40 veg growers").
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_GROUPS: dict[str, tuple[str, ...]] = {
    "engineering": (
        "engineer", "engineering", "developer", "dev", "programmer", "sre", "swe", "devops",
        "architect", "cto", "ingenieur", "ingenieurin", "ingeniero", "ingeniera", "ingénieur",
        "ingénieure", "ingegnere", "engenheiro", "engenheira", "entwickler", "entwicklerin",
        "desarrollador", "desarrolladora", "développeur", "développeuse", "sviluppatore",
        "sviluppatrice", "ontwikkelaar", "software", "platform", "technology", "tech",
        "itrole",
    ),
    "science": (
        "scientist", "researcher", "research", "postdoc", "phd", "chemist", "biologist",
        "physicist", "physiologist", "geologist", "ecologist", "agronomist", "agrónoma",
        "agrónomo", "investigador", "investigadora", "forscher", "forscherin", "chercheur",
        "chercheuse", "ricercatore", "ricercatrice", "onderzoeker", "wetenschapper",
        "wissenschaftler", "wissenschaftlerin", "science",
    ),
    "founder": (
        "founder", "cofounder", "cofound", "ceo", "entrepreneur", "gründer", "gründerin",
        "mitgründer", "mitgründerin", "fundador", "fundadora", "fondateur", "fondatrice",
        "fondatore", "oprichter", "oprichtster", "geschäftsführer", "geschäftsführerin",
    ),
    "investor": ("investor", "angel", "vc", "investment", "investing"),
    "product": ("product", "cpo", "pm"),
    "design": (
        "designer", "design", "ux", "ui", "diseñador", "diseñadora", "designerin",
        "ontwerper", "progettista", "graphiste",
        # Who draws a shoe's or a garment's pattern ("modelador(a) CAD de calçado").
        "modeller", "modeler", "modelador", "modeladora", "modelista", "modellista",
    ),
    "sales": (
        "sales", "salesperson", "development", "partnership", "bd", "account", "commercial",
        "vertrieb", "ventas", "ventes", "verkoop", "verkäufer", "verkäuferin",
    ),
    "buying": (
        "buyer", "buying", "purchasing", "procurement", "category", "einkäufer",
        "einkäuferin", "einkauf", "inkoper", "inkoop", "inkoopadviseur", "acheteur",
        "acheteuse", "achats", "comprador", "compradora", "compras", "sourcing",
    ),
    "marketing": (
        "marketing", "marketer", "marketeer", "growth", "brand", "communication", "comms",
    ),
    "finance": ("cfo", "finance", "financial", "controller", "accountant", "treasurer"),
    "operations": ("coo", "operations", "operation", "ops", "operaciones", "opérations"),
    "production": ("production", "manufacturing"),
    "people": (
        "hr", "people", "talent", "recruiter", "recruiting", "recruitment", "l&d",
        "personal", "personalwesen",
    ),
    "education": (
        "teacher", "educator", "tutor", "lecturer", "insegnante", "docente", "professeur",
        "lehrer", "lehrerin", "leraar", "docent", "maestro", "maestra", "enseignant",
        "enseignante", "trainer", "learning", "formation", "formación", "formazione",
        "training", "teaching", "education", "onderwijs",
    ),
    "press": (
        "journalist", "reporter", "editor", "journaliste", "periodista", "giornalista",
        "redakteur", "redakteurin", "redacteur", "writer",
    ),
    "clinical": (
        "clinician", "physician", "doctor", "nurse", "cardiologist", "surgeon", "radiologist",
        "intensivist", "psychiatrist", "pediatrician", "paediatrician", "gp", "oncologist",
        "neurologist", "anaesthetist", "anesthetist", "dermatologist", "midwife",
        "audiologist", "verpleegkundige", "wijkverpleegkundige", "médecin", "arzt", "ärztin",
        "medico", "médico", "enfermera", "enfermero", "infirmière", "infirmier",
    ),
    "legal": (
        "lawyer", "attorney", "solicitor", "counsel", "advocaat", "abogado", "abogada",
        "avocat", "avocate", "anwalt", "anwältin", "rechtsanwalt", "rechtsanwältin",
        "compliance", "legal",
    ),
    "policy": ("policy", "beleidsmedewerker", "beleidsadviseur", "beleid", "politique"),
    "consulting": ("consulting", "consultancy"),
    "mentoring": ("mentor", "mentoring", "coach", "coaching"),
    "planning": ("planner", "planning"),
    "student": ("student", "estudiante", "étudiant", "étudiante", "studente", "grad"),
    "cooking": (
        "chef", "souschef", "cheffe", "cook", "cuisinier", "cuisinière", "koch", "köchin",
        "kok", "cocinero", "cocinera", "cuoco", "cuoca",
    ),
    "baking": ("baker", "bakker", "bäcker", "bäckerin", "boulanger", "boulangère", "panadero"),
    "brewing": ("brewer", "brouwer", "brauer", "brasseur", "brewing"),
    "cheese": ("cheesemaker", "kaasmaker", "käser", "fromager", "fromagère", "affineur"),
    # Skilled trades on site ("HVAC technician", "heat pump installer", "Elektriker").
    "trades": (
        "technician", "techniker", "technikerin", "technicien", "technicienne", "técnico",
        "técnica", "tecnico", "installer", "installateur", "installatrice", "instalador",
        "instaladora", "installatore", "monteur", "monteurin", "electrician", "elektriker",
        "elektrikerin", "électricien", "électricienne", "electricista", "elettricista",
        "plumber", "klempner", "plombier", "fontanero", "idraulico", "welder", "schweißer",
        "soudeur", "carpenter", "joiner", "zimmermann", "zimmerer", "schreiner", "tischler",
        "charpentier", "menuisier", "carpintero", "falegname", "timmerman", "mechanic",
        "mechaniker", "mécanicien", "mecánico", "roofer", "dachdecker", "bricklayer",
        "maurer", "maçon", "albañil",
    ),
    "farming": (
        "farmer", "grower", "gardener", "gärtner", "gärtnerin", "tuinder", "boer", "boerin",
        "landwirt", "landwirtin", "agricultor", "agricultora", "agriculteur", "agricultrice",
        "contadino", "maraîcher", "maraîchère", "horticulturist",
    ),
}  # fmt: skip
FAMILY = {word: family for family, words in _GROUPS.items() for word in words}
# Words of `_GROUPS` that name a field, not a person: a family only next to a rank
# ("Head of *Product*") or opening a part of the headline ("Business development,
# Orbitae"; "now mentoring"), never as another role's specialty ("Product designer").
_FIELD_WORDS = frozenset((
    "engineering", "software", "platform", "technology", "tech", "itrole", "research",
    "science", "product", "design", "ux", "ui", "sales", "development", "partnership", "bd",
    "account", "commercial", "vertrieb", "ventas", "ventes", "verkoop", "buying",
    "purchasing", "procurement", "category", "einkauf", "inkoop", "achats", "compras",
    "sourcing", "marketing", "growth", "brand", "communication", "comms", "finance",
    "financial", "operations", "operation", "ops", "operaciones", "opérations",
    "production", "manufacturing", "hr", "people", "talent", "recruiting", "recruitment",
    "l&d", "personal", "personalwesen", "learning", "formation", "formación", "formazione",
    "training", "teaching", "education", "onderwijs", "compliance", "legal", "policy",
    "beleid", "politique", "consulting", "consultancy", "mentoring", "coaching",
    "investment", "investing", "brewing", "planning",
))  # fmt: skip
# Families whose people do alike work (a scientist and a process engineer).
_KIN = {"science": "engineering"}
# Rank words: they name a family only through the function they are attached to.
_RANKS = frozenset((
    "manager", "managerin", "head", "lead", "leader", "director", "directeur", "directrice",
    "directora", "direttore", "direttrice", "chief", "officer", "vp", "president",
    "coordinator", "coordinadora", "coordinador", "coordinatrice", "coördinator",
    "responsable", "responsabile", "leiter", "leiterin", "jefe", "jefa", "hoofd",
    "supervisor", "specialist", "associate", "assistant", "administrator", "owner",
    "proprietaire", "propriétaire", "proprietario", "propietaria", "propietario", "eigenaar",
    "inhaber", "inhaberin", "organiser", "organizer", "partner", "principal", "expert",
    "chargée", "chargé", "medewerker", "mitarbeiter", "mitarbeiterin", "adviseur",
    "analyst", "executive", "member", "fellow", "intern", "worker", "staff", "maker",
    # Advisers and consultants are known by what they advise on ("Policy advisor").
    "advisor", "adviser", "consultant", "berater", "beraterin", "consultor", "consultora",
    "consulente",
))  # fmt: skip
# Words around a rank that are no function ("Senior", "of", "the").
_NOT_FUNCTION = frozenset((
    "senior", "junior", "staff", "principal", "lead", "interim", "acting", "deputy",
    "assistant", "associate", "global", "international", "regional", "national", "general",
    "executive", "former", "ex", "freelance", "new", "first-time", "retired", "now", "de",
    "di", "du", "des", "del", "della", "van", "für", "of", "the", "a", "an", "and", "&",
    "for", "at", "in", "on", "with", "y", "et", "e", "und", "en", "la", "le", "el", "il",
    "mission", "project", "team", "group", "line", "business", "digital", "service",
    "services", "smart",
))  # fmt: skip
# Ranks written before their function ("VP People", "Leiterin Digitalisierung").
_RANKS_BEFORE_FUNCTION = frozenset((
    "vp", "chief", "head", "leiter", "leiterin", "responsable", "responsabile", "jefe",
    "jefa", "hoofd", "director",
))  # fmt: skip
_PREPOSITIONS = frozenset(("of", "de", "di", "du", "des", "del", "della", "van", "für"))
_SEGMENT = re.compile(r"[,;:()|·–—@/→+]|\s-\s|\bat\b|\bfor\b|\bwho\b|\bthat\b")
_ASPIRATION = re.compile(
    r"\b(?:want|wants|wanting|looking|hoping|aspiring|itching|busco|buscando|cerco|suche|"
    r"cherche|zoek|open to)\b"
)
_TOKEN = re.compile(r"[^\W\d_][\w&'-]*", re.UNICODE)
_RECRUITERS = frozenset(("recruiter", "recruiters", "headhunter", "rekruter", "rekruterka"))
# Whom a rank works with when a headline names it ("an investor in ...": the family).
_INVESTOR_CONTEXT = frozenset(("ventures", "venture", "capital", "fund", "vc", "office"))


def _word(token: str) -> str:
    word = token.lower().replace("-", "").replace("'", "")
    return word


def _family(word: str) -> str | None:
    """The family of a function word, singular or plural ("Head of Partnerships")."""
    return FAMILY.get(word) or (FAMILY.get(word[:-1]) if word.endswith("s") else None)


def _function(words: list[str]) -> str | None:
    """The family of function words next to a rank ("sales", "data science")."""
    for word in reversed(words):
        if _family(word):
            return _family(word)
    content = [w for w in words if w not in _NOT_FUNCTION and len(w) > 2]
    return "fn:" + " ".join(content) if content else None


# A headline by which one invests: "Angel investor", "Partner @ Nordic Ventures",
# "VC", "Investment Manager", "Business Angel", "Inwestor", "Family office" (not an
# investigative journalist, nor a venture lawyer, a VC recruiter or a fund reporter).
_INVESTING = re.compile(
    r"^(?!.*\b(?:lawyers?|attorneys?|solicitors?|counsel|advocaten|advocaat|avocat\w*|"
    r"anw[äa]lt\w*|abogad[oa]s?|avvocat[oa]|advogad[oa]|accountants?|recruiters?|"
    r"journalists?|reporters?|legal|law firm)\b)"
    # "invest" in a company's name is no investing ("CEO di Robinvest"), nor are an
    # evangelist and an adventure; compounds are ("ingelinvestor", "ängelinvesterare").
    r".*(?:\b(?:co-?|re)?invest\b|invest(?!igat)\w|(?<!ev)angel|\bvcs?\b|(?<!ad)venture|"
    r"\bcapital\b|\bfunds?\b|family office|"
    # A GP partner is a family doctor, not a general partner.
    r"\bgp\b(?! partner| practice| surgery)|"
    r"inversor|inversora|investisseu|investidor|sijoittaja|sijoitus|inwestor)"
)


def investing_headline(headline: str) -> bool:
    """Whether a headline says its writer invests (`_INVESTING`)."""
    return bool(_INVESTING.search(headline.lower()))


@lru_cache(maxsize=1 << 14)
def work_families(headline: str) -> frozenset[str]:
    """The role families a headline names (`_GROUPS` names, "fn:<word>" for a
    function this module does not know); empty when it names none."""
    text = re.sub(r"\bIT\b", "itrole", headline).lower()
    out: set[str] = set()
    investing = any(_word(t) in _INVESTOR_CONTEXT for t in _TOKEN.findall(text))
    # What one hopes to become is not one's work ("want to join a startup as CTO /
    # co-founder"): the headline is read up to its first wish.
    text = _ASPIRATION.split(text, maxsplit=1)[0]
    # A recruiter's fields are whom they place ("Tech recruiter | engineering & data
    # leadership searches"), not their work.
    recruiter = any(_word(t) in _RECRUITERS for t in _TOKEN.findall(text))
    for segment in _SEGMENT.split(text):
        words = [_word(t) for t in _TOKEN.findall(segment)]
        content = [w for w in words if w not in _NOT_FUNCTION]
        if (
            content
            and not recruiter
            and content[0] in _FIELD_WORDS
            and not any(FAMILY.get(w) and w not in _FIELD_WORDS or w in _RANKS for w in content)
        ):
            out.add(FAMILY[content[0]])  # "Business development, Orbitae"
        for at, word in enumerate(words):
            if word in FAMILY and word not in _FIELD_WORDS:
                out.add(FAMILY[word])
            elif (word in ("partner", "principal", "associate") and investing) or (
                word == "office" and at > 0 and words[at - 1] == "family"
            ):
                out.add("investor")
            elif word in _RANKS:
                before = [w for w in words[max(0, at - 2) : at] if w not in _RANKS]
                after = words[at + 1 : at + 4]
                if after and after[0] in _PREPOSITIONS:
                    after = after[1:3]
                elif word in _RANKS_BEFORE_FUNCTION:
                    after = after[:2]
                else:
                    after = []
                family = _function(before) or _function(after)
                if word == "director" and at > 0 and words[at - 1] == "managing":
                    family = "founder"
                if family is not None:
                    out.add(family)
            # Anything else, plural role nouns included, names no family of theirs:
            # "placing engineers", "40 veg growers" are whom they work with.
    return frozenset(_KIN.get(f, f) for f in out)


# What an engineer's headline says they build, read from the words beside the role
# ("Senior Backend Engineer", "Quality Engineer, automotive", "BMS engineer"): software,
# or physical things (machines, circuits, plants). A backend engineer and a mechanical
# or quality engineer are one family by their role noun but no similar work; an
# engineer naming neither ("VP Engineering", "CTO") may be either.
_SOFTWARE = frozenset((
    "software", "backend", "frontend", "fullstack", "web", "mobile", "ios", "android",
    "cloud", "devops", "sre", "data", "ml", "ai", "llm", "nlp", "game", "games", "gameplay",
    "unity", "unreal", "java", "kotlin", "python", "golang", "javascript", "typescript",
    "react", "node", "logiciel", "informatique", "informático", "informatico",
    "saas", "api", "app", "apps",
))  # fmt: skip
_PHYSICAL = frozenset((
    "mechanical", "mécanique", "maschinenbau", "quality", "process", "civil", "structural",
    "electrical", "electronics", "électronique", "elektronik", "chemical", "automotive",
    "manufacturing", "hardware", "embedded", "embarqué", "firmware", "fpga", "asic", "rf",
    "bms", "plc", "automation", "automatyk", "maintenance", "materials", "aerospace",
    "propulsion", "hydrodynamics", "naval", "mechatronics", "hvac", "avionics", "iot",
    "welding", "geotechnical", "biomedical", "packaging", "agroalimentaire",
))  # fmt: skip
_ENGINEERING_KINDS = ("engineering:software", "engineering:physical")


@lru_cache(maxsize=1 << 14)
def engineering_kind(headline: str) -> str:
    """ "software" or "physical" where the part of a headline naming an engineer (a
    developer, a data scientist) says which only; "" otherwise."""
    text = _ASPIRATION.split(headline.lower(), maxsplit=1)[0]
    kinds: set[str] = set()
    for segment in _SEGMENT.split(text):
        words = [_word(t) for t in _TOKEN.findall(segment)]
        if not any(_family(w) in ("engineering", "science") for w in words):
            continue
        kinds.update("software" for w in words if w in _SOFTWARE)
        kinds.update("physical" for w in words if w in _PHYSICAL)
    return kinds.pop() if len(kinds) == 1 else ""


def _compared_families(headline: str) -> frozenset[str]:
    """`work_families` with engineering told apart by `engineering_kind`: an engineer
    naming no kind is either."""
    families = work_families(headline)
    if "engineering" not in families:
        return families
    kind = engineering_kind(headline)
    kinds = {f"engineering:{kind}"} if kind else set(_ENGINEERING_KINDS)
    return (families - {"engineering"}) | kinds


def same_work(a: str, b: str) -> bool | None:
    """Whether headlines `a` and `b` name a role family in common; None when either
    names none (then their words cannot tell)."""
    fa, fb = _compared_families(a), _compared_families(b)
    if not fa or not fb:
        return None
    return bool(fa & fb)


# What a founder's headline says their company does, apart from the role: the parts
# of the headline split at punctuation (not at "for": "onboarding software for SMEs").
_WORK_PARTS = re.compile(r"[,;:()|·–—@/→+]|\s-\s|\.\s")
# Words of a role part that say nothing of the work ("Co-founder & CEO", "CEO i
# współzałożycielka", "3rd generation", "we're hiring").
_NOT_WORK = _NOT_FUNCTION | frozenset((
    "co", "cofounder", "i", "y", "e", "és", "ja", "og", "och", "in", "a", "ex", "we",
    "were", "our", "my", "ppl", "people", "yrs", "years", "rd", "th", "nd", "generation",
    "hiring", "raising", "bootstrapped", "profitable", "not",
))  # fmt: skip


@lru_cache(maxsize=1 << 14)
def work_words(headline: str, company: str) -> str:
    """What a headline says one works on, the role words, the company's name and a part
    that is a name alone ("Lisbon") left out, read up to its first wish: "Founder,
    LoadMatch — digital freight marketplace (Lisbon)" says "digital freight
    marketplace"; "" when it says nothing more than the role ("CTO @ FrioLog")."""
    wish = _ASPIRATION.search(headline.lower())
    text = headline[: wish.start()] if wish else headline
    name = {_word(t) for t in _TOKEN.findall(company)}
    kept: list[str] = []
    for part in _WORK_PARTS.split(text):
        tokens = _TOKEN.findall(part)
        if len(tokens) == 1 and tokens[0][:1].isupper():
            continue  # a name alone
        words = [
            t for t in tokens
            if not (_word(t) in name or _word(t) in _RANKS or _word(t) in ("co", "cofounder")
                    or (_family(_word(t)) and _word(t) not in _FIELD_WORDS))
        ]  # fmt: skip
        if any(_word(t) not in _NOT_WORK for t in words):
            kept.append(" ".join(words))
    return ", ".join(kept)


# A bit per family; a kin family shares its kin's bit (`goal_scope.scope` packs these
# with stages, regions and sums into one int64).
_BITS = {name: i for i, name in enumerate(g for g in _GROUPS if g not in _KIN)}
FAMILY_BITS = len(_BITS)


@lru_cache(maxsize=1 << 14)
def phrase_families(text: str) -> int:
    """Bit mask of the role families any word of a job or a hire names, field words
    included ("a product design role": product and design; "sous-chef or head chef
    position": cooking); 0 when it names none ("a job", "a data engineer" is not 0)."""
    out = 0
    for token in _TOKEN.findall(text.lower()):
        family = _family(_word(token))
        if family is not None:
            out |= 1 << _BITS[_KIN.get(family, family)]
    return out


_IDS: dict[str, int] = {}
# Families whose work is their company's or their fund's field: a founder of carbon
# accounting software and a sustainability manager do related work.
FIELD_DEFINED = ("founder", "investor")


def family_table(headlines: list[str]) -> np.ndarray:
    """Each headline's families as ids, -1 padded: (N, F) int64, F >= 1 (a row of -1:
    no family named, or no headline)."""
    rows = [sorted(_IDS.setdefault(f, len(_IDS)) for f in _compared_families(h)) for h in headlines]
    width = max([1, *(len(r) for r in rows)])
    out = np.full((len(rows), width), -1, dtype=np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return out


def family_id(name: str) -> int:
    """The id a `family_table` gives family `name`."""
    return _IDS.setdefault(name, len(_IDS))


def field_defined(table: np.ndarray) -> np.ndarray:
    """(N,) bool: rows of a `family_table` naming a founder or an investor."""
    ids = [_IDS.setdefault(f, len(_IDS)) for f in FIELD_DEFINED]
    return np.asarray(np.isin(table, ids).any(axis=1), dtype=bool)


# A person who buys ("Einkäuferin Obst & Gemüse"): with a rank ("Category manager fresh
# vegetables", "Head of purchasing") any word of buying says the same.
_BUYER_NOUNS = frozenset((
    "buyer", "purchaser", "einkäufer", "einkäuferin", "inkoper", "acheteur", "acheteuse",
    "comprador", "compradora",
))  # fmt: skip


@lru_cache(maxsize=1 << 14)
def buying_category(headline: str) -> str:
    """What a buyer's headline says they buy ("Category manager fresh vegetables, Delvaux
    Markt" -> "fresh vegetables"; "Sustainable packaging buyer @ Delvaux" -> "sustainable
    packaging"): the other words of the headline part holding the buying role; "" when
    the headline names no buyer, or no category ("Head of Purchasing, Acme")."""
    text = _ASPIRATION.split(headline.lower(), maxsplit=1)[0]
    for segment in _SEGMENT.split(text):
        words = [_word(t) for t in _TOKEN.findall(segment)]
        buying = [w for w in words if _family(w) == "buying"]
        if not buying or not (
            any(w in _BUYER_NOUNS or w[:-1] in _BUYER_NOUNS for w in buying)
            or any(w in _RANKS for w in words)
        ):
            continue
        rest = [
            w
            for w in words
            if _family(w) != "buying" and w not in _RANKS and w not in _NOT_FUNCTION
        ]
        return " ".join(rest)
    return ""
