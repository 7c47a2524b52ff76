"""Who a goal names, and whether the other person is that.

Topical fit does not tell a backend engineer from field service engineers, data
engineers from data scientists, or a hospital CEO from the clinicians a need asks for:
the model puts all of them close together. What decides is a plain reading of the
words: a need that names the people it wants ("data scientists to hire", "clinicians
who advise startups", "health startups I can mentor") is met only by someone who is
such a person, and an offer for named people ("mentoring for new engineering
managers") only meets them.

A named role is a *family* (the head noun: engineer, scientist, manager, founder,
clinician, ...) with its *specialty* (the words before it: "data", "backend", "field
service"; seniority words left out). A person is a role when their identity (headline,
about, work interests, the roles they seek for themselves) names the family and, if
the role has a specialty, one of its words too, or their headline reads like the role
(cosine from `ScoreParams.role_headline`, `matcher.goal_fit.role_mask`): "health
startups" and a "First-time founder (B2B SaaS for clinics)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from matcher.goals import DERIVED_PREFIX, KINDS, goal_kind

# Head nouns (singular) of the roles a goal can name -> their family.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "engineer": ("engineer", "developer", "programmer", "sre", "swe"),
    "scientist": ("scientist",),
    "designer": ("designer",),
    "manager": ("manager", "pm"),
    "analyst": ("analyst",),
    "researcher": ("researcher", "postdoc"),
    "founder": ("founder", "cofounder", "entrepreneur", "startup"),
    "clinician": (
        "clinician", "physician", "doctor", "nurse", "cardiologist", "surgeon", "radiologist",
        "intensivist", "psychiatrist", "pediatrician", "paediatrician", "gp", "oncologist",
        "neurologist", "anaesthetist", "anesthetist", "dermatologist", "midwife",
    ),
    "biologist": ("biologist", "ecologist"),
    "chemist": ("chemist",),
    "physicist": ("physicist",),
    "economist": ("economist",),
    "agronomist": ("agronomist",),
    "journalist": ("journalist", "reporter", "editor"),
    "teacher": ("teacher", "educator", "tutor"),
    # With the words of the events' languages a headline keeps untranslated ("Expert
    # contabil CECCAR", "avocat d'affaires").
    "lawyer": (
        "lawyer", "attorney", "solicitor", "notary", "avocat", "abogado", "advogado",
        "avvocato", "anwalt", "rechtsanwalt", "advokat",
    ),
    "accountant": (
        # Not "auditor": a supplier or a quality auditor is no accountant.
        "accountant", "bookkeeper", "contabil", "contable", "contador", "comptable",
        "commercialista", "steuerberater", "buchhalter",
    ),
    "installer": ("installer", "electrician", "technician"),
    # "mentoring for students, founders and next-gen family business leaders".
    "student": (
        "student", "undergraduate", "estudante", "estudiante", "studente", "étudiant",
        "etudiant", "studentin", "msc", "bsc",
    ),
}  # fmt: skip
FAMILY = {word: family for family, words in _FAMILIES.items() for word in words}
_STUDENT = "student"
# Families whose people are the other's too: a postdoc in plant physiology is a plant
# scientist, a research scientist a researcher (the specialty still has to agree).
_KIN = {"scientist": ("researcher",), "researcher": ("scientist",)}
# An ML engineer's work is a data scientist's too ("ML engineer with NLP experience"
# and an NLP data scientist open to work): the specialty still has to be theirs.
_ML_WORDS = frozenset({"ml", "ai", "nlp", "machine", "llm", "mlops"})
# A field one works or seeks a job in -> the family of its people.
_FIELDS = {"science": "scientist", "design": "designer", "engineering": "engineer"}
# A company one works for, or hopes to join, is no evidence of founding one.
_NOT_IDENTITY = frozenset({"startup"})
# Acronyms that are a role with its specialty.
_EXPANDS = {"sre": ("site", "reliability"), "pm": ("product",)}
# Words before a head noun that say seniority or number, not a specialty.
_SENIORITY = frozenset((
    "senior", "junior", "new", "first-time", "experienced", "lead", "staff", "principal",
    "aspiring", "young", "motivated", "early-career", "mid-level", "entry-level", "freelance",
    "two", "three", "four", "five", "several", "more", "good", "great", "some", "other",
    "next", "full-time", "part-time", "permanent", "remote",
))  # fmt: skip
# Words that end the specialty (read backwards from the head noun).
_STOP = frozenset((
    "a", "an", "the", "for", "to", "with", "from", "of", "in", "on", "at", "by", "as", "who",
    "and", "or", "we", "we're", "i", "i'm", "hiring", "hire", "recruiting", "recruit",
    "looking", "need", "needs", "want", "wants", "our", "my", "your", "their", "is", "are",
    "be", "can", "mentor", "mentoring", "mentors", "coach", "coaching", "happy", "help",
))  # fmt: skip
_SEGMENT = re.compile(r"[(),;:/|·–—]")  # a role does not reach across these
_TOKEN = re.compile(r"[a-z0-9+#][a-z0-9+#'-]*")
# The seeker's own things ("for our Berlin team", "mentors for our students"): not
# whom the goal asks for (as `matcher.goals.subject`).
_OWN = re.compile(r"\b(?:our|my|unsere[mnrs]?|notre|nos|nuestr[ao]s?|mi|mis)\b.*$")
_CONTEXT_MARK = " — "
_RELATIVE = re.compile(r"\b(?:who|that|which|whose)\b")

Role = tuple[str, frozenset[str]]  # (family, specialty words)


def word_form(token: str) -> str:
    """A token as compared: no hyphens or apostrophes, singular."""
    word = token.replace("-", "").replace("'", "")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=1 << 16)
def named_roles(text: str) -> tuple[Role, ...]:
    """The roles a goal phrase names, in order: "senior backend engineers (Python, k8s)
    for our Berlin team" -> (("engineer", {"backend"}),); the seeker's own things
    ("our students") are left out."""
    text = _OWN.sub("", text.lower())
    # The people of a relative clause are not the ones asked for: "clinicians who advise
    # startups" asks for clinicians, "people who have hired engineers" for no engineer.
    clause = _RELATIVE.search(text)
    return _roles_in(text if clause is None else text[: clause.start()])


def _roles_in(text: str, by_field: bool = False) -> tuple[Role, ...]:
    """Roles named in `text`; `by_field`: a field counts as its people ("design")."""
    out: list[Role] = []
    for segment in _SEGMENT.split(text):
        tokens = _tokens(segment)
        for at, token in enumerate(tokens):
            family = FAMILY.get(word_form(token)) or (_FIELDS.get(token) if by_field else None)
            if family is None or tokens[at + 1 : at + 2] in (["tools"], ["tooling"]):
                continue  # "developer tools" are things, not people
            specialty = set(_EXPANDS.get(word_form(token), ()))
            for before in reversed(tokens[max(0, at - 3) : at]):
                if before in _STOP or FAMILY.get(word_form(before)):
                    break
                if before not in _SENIORITY:
                    specialty.add(word_form(before))
            out.append((family, frozenset(specialty)))
    return tuple(out)


# The side of a company a co-founder brings: its words in a co-founder goal or in what
# a person says they do (headline, the co-founder role they offer themselves for), and
# the role families that are that side wherever they are said ("ML engineer").
_SIDES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "technical": (
        frozenset({"technical", "tech", "cto", "engineering", "engineer", "developer", "software"}),
        frozenset({"engineer", "scientist", "researcher"}),
    ),
    "business": (
        frozenset({"business", "commercial", "ceo", "coo", "cmo", "cro", "sales",
                   "go-to-market", "gtm", "marketing", "non-technical"}),
        frozenset(),
    ),
    "clinical": (
        frozenset({"clinical", "medical", "clinician", "physician", "doctor"}),
        frozenset({"clinician"}),
    ),
    "scientific": (
        frozenset({"scientific", "science", "scientist", "research", "researcher"}),
        frozenset({"scientist", "researcher", "biologist", "chemist", "physicist"}),
    ),
}  # fmt: skip


def _sides_in(text: str) -> frozenset[str]:
    """The co-founder sides whose words `text` says."""
    tokens = set(_tokens(text))
    return frozenset(side for side, (words, _) in _SIDES.items() if words & tokens)


# Words that say the clinical side of a person only of a person ("Chief Medical
# Officer", "clinical lead", "medical doctor"): of a thing they say its field ("medical
# software", "clinical trials", "medical devices"), which an engineer may build.
_FIELD_ADJECTIVES = re.compile(r"\b(?:medical|clinical)\s+(?!(?:co-?)?founder)([a-z][\w-]*)")
_PERSON_END = re.compile(r"(?:ist|ian|er|or|lead|side|background|expertise|staff)$")


def _work_sides(text: str) -> frozenset[str]:
    """The co-founder sides a headline or a job sought says (`_sides_in`), without
    "medical" or "clinical" said of a thing."""
    text = text.lower()
    return _sides_in(
        _FIELD_ADJECTIVES.sub(
            lambda m: (
                m.group(0)
                if FAMILY.get(word_form(m.group(1))) or _PERSON_END.search(m.group(1))
                else m.group(1)
            ),
            text,
        )
    )


@lru_cache(maxsize=1 << 16)
def cofounder_sides(text: str) -> frozenset[str]:
    """The sides a co-founder goal names: "a CTO co-founder with ML experience" ->
    {"technical"}; "to join a startup as co-founder (commercial side)" -> {"business"}
    (the writer's own side: `matcher.goals` kind "cofounding"). The seeker's own things
    ("for our medical startup") say no side."""
    return _sides_in(_OWN.sub("", text.lower()))


# Words by which one says one invests (in a headline): "Angel investor", "VC partner".
_INVESTOR = frozenset({"investor", "angel", "vc", "investing"})


def identity(
    texts: Sequence[str],
    work: Sequence[str] = (),
    founder: bool = False,
    investor: bool = False,
    skills: Sequence[str] = (),
    company: bool = False,
    sought: Sequence[str] = (),
) -> frozenset[str]:
    """The words a person says they are, with the families they name as
    "family:<name>": `texts` (about, work interests) by role nouns ("engineer"); `work`
    (headline, the jobs they seek or offer themselves for) by their field too ("a data
    science job": a data scientist); `founder` when they seek a co-founder or capital;
    `company` when they seek customers for a product of their own;
    `investor` when they offer capital or seek deal flow (or say so in `work`);
    `skills` (the know-how they offer: "plant start-up experience") by their words only,
    as a specialty they have ("plant manager"), never as a family. The
    co-founder sides (technical, business, ...) they are count as families too: by
    their words in `work`, by role families anywhere. `sought` (the jobs they seek,
    also in `work`) that name a role with its specialty ("an informatics nurse job")
    add "sought:<family>": they asked for that specialty of the family (`fits`)."""
    words: set[str] = set()
    for text in work:
        words.update("family:" + side for side in _work_sides(text))
        if any(word_form(token) in _INVESTOR for token in _tokens(text)):
            investor = True
    words.add("family:investor" if investor else "family:noninvestor")
    # A role said without a specialty ("my next engineering role") conflicts with none.
    for text in work:
        words.update(
            f"generic:{name}" for name, specialty in _roles_in(text.lower(), True) if not specialty
        )
    for text, by_field in [*((t, False) for t in texts), *((t, True) for t in work)]:
        for token in _tokens(text):
            word = word_form(token)
            words.add(word)
            words.update(word_form(part) for part in token.split("-") if part)
            words.update(_EXPANDS.get(word, ()))
            family = FAMILY.get(word) or (_FIELDS.get(word) if by_field else None)
            if family is not None and word not in _NOT_IDENTITY:
                words.add("family:" + family)
    for text in skills:
        words.update(word_form(token) for token in _tokens(text))
    for text in sought:
        words.update(f"sought:{name}" for name, specialty in named_roles(text) if specialty)
    if founder:
        words.add("family:founder")
    if company:
        words.add("family:company")
    for side, (_, families) in _SIDES.items():
        if any("family:" + name in words for name in families):
            words.add("family:" + side)
    return frozenset(words)


def fits(roles: tuple[Role, ...], who: frozenset[str]) -> tuple[bool, bool]:
    """(family named, specialty too) for the best of `roles` against an identity.

    One who seeks a job of the family with another specialty ("an informatics nurse
    job" for "study nurses") said which of the family they are: the family does not
    count then, however alike their headline reads (`matcher.facets`), nor does a
    role said without a specialty ("Nurse, city hospital")."""
    family = False
    for name, specialty in roles:
        kin = _KIN.get(name, ())
        if name == "engineer" and specialty & _ML_WORDS:
            kin = (*kin, "scientist")
        if not any("family:" + k in who for k in (name, *kin)):
            continue
        sought = "sought:" + name in who
        # What a student studies is said too many ways ("medical students", "Med
        # student"; "industrial design students", "MSc Industrial Design Engineering").
        anyone = name == _STUDENT or ("generic:" + name in who and not sought)
        if not specialty or specialty & who or anyone:
            return True, True
        family = family or not sought
    return family, False


# Needs that name whom they want from the provider ("clinicians who advise startups",
# "data scientists to hire"); a job sought names oneself, capital and deal flow are
# read from the two fields (`matcher.goal_fit`).
_NAMES_PROVIDER = frozenset(
    {"hire", "mentee", "mentor", "topic", "advice", "partners", "sources", "experience"}
    | {"service"}  # a professional sought ("a lawyer to set up our ESOP")
)
# Offers that name whom they are for ("mentoring for new engineering managers", "tech
# advice for non-tech founders").
_NAMES_SEEKER = frozenset({"hire", "mentor", "advice"})
_COMPANIES = re.compile(r"\b(?:start-?ups?|compan(?:y|ies)|scale-?ups?|teams?|smes?)\b")


# Those a company's equity is for: its founders, or a company seeking customers for a
# product of its own (`matcher.facets`).
_COMPANY: tuple[Role, ...] = (("founder", frozenset()), ("company", frozenset()))
# One who runs an accelerator or incubator (`matcher.facets`: a call for a cohort, a
# programme offered, or a headline that says so).
PROGRAMME = "programme"
_PROGRAMME: tuple[Role, ...] = ((PROGRAMME, frozenset()),)
_EQUITY_OFFER = re.compile(r"\bseries [a-d]\b|\bseed\b|pre-?seed|equity|tickets?|\bvc\b|venture")


_STARTUPS_SOUGHT = re.compile(r"\b(?:startups?|start-ups?|scale-?ups?|spin-?outs?)\b")
_HEAD_END = re.compile(r"\b(?:to|for|with|on|in|of|from|at|by|about|who|that)\b|[,;:(–—]")


def _head(text: str) -> str:
    """A goal's head: its words before what it is for, with or about."""
    return _HEAD_END.split(text, maxsplit=1)[0]


@lru_cache(maxsize=1 << 16)
def phrase_roles(key: str) -> tuple[tuple[Role, ...], tuple[Role, ...]]:
    """(roles the other person must be when the phrase is a need, when it is an offer)
    of a normalised goal key; a need also offered (`matcher.goals.derived_key`) names
    the same people either way."""
    derived = key.startswith(DERIVED_PREFIX)
    kind = KINDS[goal_kind(key) % len(KINDS)]
    text = key.removeprefix(DERIVED_PREFIX).split(_CONTEXT_MARK)[0]
    if kind in ("capital", "assets"):
        # Money is offered by investors: another's wish for founders (a journalist's,
        # a city's) does not meet a founder's need for capital. Equity offered ("Series
        # A tickets", "seed investment") is for a company: a GP's or a hospital's
        # "funding for a post" is no round.
        if derived:
            return (), ()
        investee = _COMPANY if kind == "capital" and _EQUITY_OFFER.search(text) else ()
        return (("investor", frozenset()),), investee
    if kind == "accelerator":
        # A place in a programme is given by one who runs it (`PROGRAMME`): a founder
        # seeking an accelerator meets an accelerator's call, never a fund's search
        # for startups; offered (the founder's need meeting another's call), it meets
        # only the call of one who runs a programme.
        return ((), _PROGRAMME) if derived else (_PROGRAMME, ())
    if kind in ("dealflow", "founders"):
        # Companies to back, or founders and startups to write about, advise or run a
        # programme with, are met by a founder: a hospital's or a city's own search
        # (for funding, for volunteers) makes it no startup; a company's search for
        # customers of its own product ("utilities to pilot our platform") does. Offered
        # (the need meeting another's), it is for such a company's own need.
        return ((), _COMPANY) if derived else (_COMPANY, ())
    if kind == "solution" and not derived and _STARTUPS_SOUGHT.search(_head(text)):
        # "fintech startups to pilot with our SME clients": a product's makers, a
        # startup or a company, not a studio offering its services to startups.
        return _COMPANY, ()
    if kind == "customers" and derived:
        # A company's wish for customers or a pilot site meets a buyer's need, or a
        # search for startups to work with; an investor's search for startups is for
        # startups raising (an investor is no customer).
        return (), (("noninvestor", frozenset()),)
    if kind == "cofounder":
        # A co-founder search names the side the other must bring; one offering the
        # writer as co-founder ("cofounding") names their own side (`identity`).
        roles: tuple[Role, ...] = tuple(
            (side, frozenset()) for side in sorted(cofounder_sides(text))
        )
    else:
        roles = named_roles(text) if kind in _NAMES_PROVIDER else ()
    if derived:
        return (), roles
    if kind == "advice" and _COMPANIES.search(text):
        # Advice for startups or companies ("advice for digital health startups") is
        # about them: an investor or a hospital working with them may ask for it too.
        return roles, ()
    return roles, (roles if kind in _NAMES_SEEKER else ())
