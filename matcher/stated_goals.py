"""Goals a person wrote in their headline or `about` rather than under "looking for".

"We're raising our seed round this autumn and are looking for investors who
understand reimbursement", a headline "Full-stack engineer, open to work": these
are needs as real as a listed one, and a founder raising seed should meet the seed
investor in the room (issue 16: hiring <-> job seeking and founder <-> investor
"wherever the goal was written").

Deterministic and small, read in English (as `matcher.about_phrases`); a sentence of a
profile in a glossary language is said in English first (`matcher.translation`: "Wir
suchen einen CTO" -> "looking for a CTO") and quoted as written. A goal is a
clause of intent in the present or future, said by the person ("I", "we", or no
subject at all, as in a headline): looking for / seeking X, I want (to) / I'd like
to / hoping to ..., we're raising ..., we're hiring ..., open to .... A clause
about the past ("I spent five years hiring engineers", "we raised our seed",
"I was looking for"), about someone else ("founders looking for capital", "if
you're hiring") or negated is not a goal. Each goal is

- `words`: the person's own words, quoted back to them: the thing sought ("investors
  who understand reimbursement") or the clause as written ("I want to move to
  fintech", "open to work"), which the sentences about a pair say as what the
  profile says (`is_statement`);
- `key`: what is matched, said as a looking-for item so that its kind reads right
  (`matcher.goals`): "I want to move to fintech" -> "a job in fintech", "I want to
  understand how X" -> "advice on how X". A wish of no kind ("we want to make care
  fairer") is a mission, not a need: it is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.goal_scope import STUDENT, seniority
from matcher.goals import KINDS, K, goal_kind
from matcher.normalise import clean, normalise_goal
from matcher.roles import named_roles
from matcher.script import in_script_of
from matcher.translation import glossary_guess, to_english

MAX_GOALS = 3
_MAX_OBJECT_WORDS = 14


@dataclass(frozen=True)
class StatedGoal:
    """One goal said in a headline or an about: matched as `key`, quoted as `words`."""

    key: str
    words: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The word right before a trigger: a subject, an auxiliary or a linking word of the
# person's own clause ("I'm", "we are", "and", "also"). Anything else ("founders
# looking for", "years hiring") is someone else, or a description.
_LEAD = _words(
    """
    i we i'm im we're am are is 'm 're will 'll i'll we'll would 'd i'd we'd be and
    also now currently actively still really just so both desperately always
    """
)
# Words close before a trigger that make the clause no goal of the person's now: past,
# hypothetical, negated, someone else's, or an offer ("I help founders looking for").
_BLOCK = _words(
    """
    you you're your anyone anybody someone somebody people those others everyone who
    whom they they're their he she he's she's his her them if when whenever while once
    was were wasn't weren't had been spent spend used after before ago not never no
    don't didn't isn't aren't won't haven't hasn't stopped finished quit help helps
    helping advise advises advising support supporting teach teaching for with
    """
)
# Adverbs that may stand between the lead and the trigger ("we're actively hiring").
_ADVERBS = _words(
    "now currently actively also still really just desperately always soon quietly secretly "
    "finally seriously definitely slowly gradually openly honestly"
)

_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<seek>looking for|searching for|seeking|on the lookout for|in search of|hunting for)"
    r"|(?P<wantto>(?:want|wants|like|love|hope|hoping|plan|planning|aim|aiming|intend|"
    r"keen|eager|looking|wish|need|needs|trying|ready|going|about)\s+to)"
    r"|(?P<want>want|wants|need|needs|(?:'d|would)(?:\s+really)?\s+(?:love|like|appreciate))"
    r"(?!\s+to\b)"
    # A move weighed: "thinking about leaving big tech for a climate startup".
    r"|(?P<weigh>thinking (?:about|of)|considering)"
    r"|(?P<raise>raising|raise|fundraising|fundraise)"
    r"|(?P<hire>hiring|recruiting)(?:\s+for)?"
    # Students taken on: "we always take 3-4 end-of-studies interns a year".
    r"|(?P<intake>take on|take|takes|host|hosts|welcome|welcomes)"
    # A team to grow: "we're doubling the integrations team".
    r"|(?P<grow>growing|doubling|tripling|expanding)"
    r"|(?P<open>open to)"
    r")\s+"
)
# Where a sought thing ends: punctuation outside brackets (`_object`) or a new clause.
_CLAUSE_END = re.compile(
    r"\s+(?:and|but|so|because|since|as|while|though|although|then|or)\s+"
    r"(?=(?:i|we|i'm|we're|are|am|is|will|would|want|wants|need|needs|hope|also|then|"
    r"looking|seeking|raising|hiring|would|can|could|should|it|this|that|they)\b)"
    r"|\s+(?:but|because|so that|in order to)\s+"
)
# Verbs after "want to" that say whom one wants to meet: the rest is what is sought.
_MEET = re.compile(
    r"^(?:find|meet|get(?!\s+(?:in)?to\b)|receive|gather|connect with|talk to|talk with|"
    r"speak to|speak with|hear from|get to know|get in touch with|reach|work with|team up with)\s+"
)
# Anyone to talk to about a matter ("someone about not burning out"): advice on it.
_SOMEONE_ABOUT = re.compile(r"^(?:someone|somebody|anyone|people)\s+(?:about|on)\s+(?=\S)")
_PARTNER = re.compile(r"^(?:partner with|collaborate with|co-develop with)\s+")
_LEARN = re.compile(
    r"^(?:learn|understand|know|find out|figure out|hear|explore|discover)\s+(?P<how>about|from|"
    r"more about)?\s*"
)
_MOVE = re.compile(
    r"^(?:move|switch|transition|pivot|change|get|break|go back|return)\s+(?:(?:in)?to|back to)\s+"
    r"|^(?:work|get a job|find a job|find a role|land a role)\s+(?:in|at|for)\s+"
)
_JOIN = re.compile(r"^join\s+")
# Giving one's time is a place to volunteer sought ("I'd like to volunteer a few mornings
# a week", "to volunteer at health outreach events"): met by volunteer roles offered.
_VOLUNTEER = re.compile(r"^volunteer\b\s*")
# A move weighed, in its "-ing" form ("leaving big tech for a climate startup",
# "moving into product").
_MOVING = re.compile(
    r"^(?:leaving|quitting)\s+(?:[\w&'-]+\s+){0,4}?for\s+"
    r"|^(?:moving|switching|transitioning|pivoting|going back|returning)\s+(?:(?:in)?to|back to)\s+"
)
# A co-founder named in a wish to move or join ("move into a startup – as clinical lead
# or even co-founder"): oneself offered as a co-founder as well as for a job.
_AS_COFOUNDER = re.compile(r"\bco-?founder\b")
# A team grown ("the integrations team", "our sales team"): people hired.
_TEAM = re.compile(r"^(?:the|our|my)\s+(?:[\w&/-]+\s+){0,3}team\b")
_COFOUND = re.compile(r"^co-?found(?:ing)?\b\s*(?:a|an)?\s*")
_HIRE = re.compile(r"^(?:hire|recruit|bring on|bring in|onboard)\s+")
_RAISE = re.compile(r"^(?:raise|fundraise|close)\s+")
_INVEST = re.compile(r"^(?:invest in|back|fund)\s+")
# Verbs of giving: a wish to give is an offer, not a need (and offers are listed).
_GIVE = re.compile(
    r"^(?:help|mentor|advise|support|teach|share|give|offer|coach|speak|present|"
    r"talk about|write about)\b"
)
# What money is raised as (not "raise awareness", "raising two kids").
_MONEY = re.compile(
    r"\b(?:round|seed|series [a-e]|funding|capital|money|investment|pre-?seed|angels?|"
    r"bridge|tickets?|equity)\b|[€$£]\s*\d|\d+\s*(?:k|m|mn|million)\b"
)
# A sought thing that is work: "work in Berlin", "my next role", "new opportunities".
_JOB = re.compile(
    r"^(?:(?:a|an|the|my|her|his|their|our|new|next|first|full-time|part-time|permanent|"
    r"remote|senior|junior|exciting|interesting|paid|some)\s+)*"
    r"(?:work|jobs?|roles?|positions?|opportunit(?:y|ies)|challenges?|gigs?|employment|"
    r"offers|contracts?|internships?|freelance)\b"
)
_PEOPLE = re.compile(
    r"\b(?:people|talent|staff|interns?|hires|colleagues|ctos?|cfos?|cmos?|coos?|leads?|"
    r"heads? of|vps?|directors?|specialists?|experts?|assistants?|operators?|drivers?|"
    r"nurses?|technicians?|sales\w*|marketers?|writers?|members)\b"
)
_OWN_THING = re.compile(r"^(?:my|our)\b")
# Kinds a stated goal may have: "open to" names work, a co-founder, capital or partners
# ("open to mentoring" may be an offer).
# Advice is sought when the thing is advice or a knowing person, not when a word of
# its kind falls in passing ("a break from consulting").
_ADVICE = re.compile(
    r"^(?:advice|(?:some |more |honest )?(?:advice|feedback|help|guidance|tips|input|intros?|"
    r"introductions|expertise|insights?|know-how)|(?:someone|somebody|people|anyone|experts?) "
    r"(?:who|with|from|in|on|to explain))\b"
)
_WISH_KINDS = frozenset(
    {"cofounder", "cofounding", "capital", "grant", "debt", "hire", "job", "volunteers"}
)
_OPEN_KINDS = frozenset({"job", "cofounding", "capital", "partners", "customers"})
# A dash before "as ..." goes on saying the same wish ("move into a startup – as
# clinical lead or even co-founder").
_AND_MORE = re.compile(r"^\s*(?:and|&|\+)\s+", re.IGNORECASE)
_SEEK = re.compile(r"\b(?:looking for|seeking|searching for)\b")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|[;\n]+|\s[–—]\s(?!as\b)")
_SEGMENTS = re.compile(r"[,;|/()·•]|\s[-–—]\s")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text)


def _own_clause(before: str, headline: bool) -> bool:
    """Whether a trigger after `before` (lower-case, same sentence) is the person's own
    goal now: led by their subject or nothing, nothing past, negated or someone else's."""
    tokens = _tokens(before)
    if _BLOCK & set(tokens[-4:]):
        return False
    lead = [t for t in tokens if t not in _ADVERBS]
    # Nothing before it, or adverbs only ("Also open to a board seat").
    if not lead or before.rstrip()[-1:] in ",:(-–—":
        return True
    return lead[-1] in _LEAD or (headline and lead[-1] not in _BLOCK)


def _object_end(text: str) -> int:
    """Where the thing sought that starts `text` ends: at a comma, colon or closing
    bracket outside brackets, a new clause ("... and are looking for"), or after
    `_MAX_OBJECT_WORDS` words."""
    depth, end = 0, len(text)
    for pos, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth == 0:
                end = pos
                break
            depth -= 1
        elif ch in ",:" and depth == 0:
            end = pos
            break
    cut = _CLAUSE_END.search(text, 0, end)
    if cut is not None:
        end = cut.start()
    words = list(re.finditer(r"\S+", text[:end]))
    if len(words) > _MAX_OBJECT_WORDS:
        end = words[_MAX_OBJECT_WORDS - 1].end()
    return end


def _object(text: str) -> str:
    """The thing sought that starts `text` (`_object_end`), cleaned."""
    return clean(text[: _object_end(text)])


def _kind(key: str) -> str:
    return KINDS[goal_kind(normalise_goal(key)) % K]


def _people(thing: str) -> bool:
    return bool(named_roles(thing)) or bool(_PEOPLE.search(thing))


def _reads(family: str, rest: str) -> list[tuple[str, int | None]]:
    """The needs a trigger of `family` followed by `rest` says (`_read`): a wish to move
    to or join something as a co-founder ("move into a startup – as clinical lead or
    even co-founder") is a job and co-founding both."""
    read = _read(family, rest)
    if read is None:
        return []
    key, at = read
    cofounder = _AS_COFOUNDER.search(key)
    if not key.startswith(("job in ", "job at ")) or cofounder is None:
        return [read]
    job = re.sub(r"(?:\s+|[–—/,]|\b(?:or|and|even|as|an?)\b)+$", "", key[: cofounder.start()])
    return [(job, at), ("to co-found " + key[7:], at)]


# A thing sought that is denied ("Ich suche keine Festanstellung": "looking for not a
# permanent contract"): what they do not want is no need.
_NEGATED = re.compile(r"(?:not|no|none|nothing|neither|never)\b(?!-)")  # not "no-code"


def _read(family: str, rest: str) -> tuple[str, int | None] | None:
    """(key, where in `rest` the quoted thing starts, or None to quote the clause) of a
    trigger of `family` followed by `rest` (lower-case, to the sentence's end), or None
    when no need is said."""
    if family == "weigh":  # "thinking about leaving big tech for a climate startup"
        found = _MOVING.match(rest)
        thing = _object(rest[found.end() :]) if found is not None else ""
        return (f"job in {thing}", None) if thing else None
    thing = _object(rest)
    if not thing or _NEGATED.match(thing):  # "looking for no permanent position"
        return None
    if family == "grow":  # "we're doubling the integrations team in 2027"
        return (f"hiring for {thing}", None) if _TEAM.match(thing) else None
    quote_thing = 0 if family == "seek" else None
    if family in ("seek", "want", "open"):
        if _JOB.match(thing):
            return f"job: {thing}", quote_thing
        # Co-founding oneself ("open to co-founding", "open to co-founder roles") is a
        # candidate (`matcher.goals` "cofounding"); "looking for a co-founder" a search.
        if _COFOUND.match(thing) or (family == "open" and "co-founder" in thing):
            return f"to co-found {_COFOUND.sub('', thing)}".strip(), None
        if _OWN_THING.match(thing):  # "looking for my startup": their own, unclear
            return None
        return thing, quote_thing
    if family == "raise":
        return (f"raising {thing}", None) if _MONEY.search(thing) else None
    if family == "hire":
        return (f"hiring {thing}" if _people(thing) else f"{thing} to partner with"), None
    if family == "intake":  # interns taken on, not "we take equity" or "solo founders"
        return (f"hiring {thing}", None) if seniority(thing) & STUDENT else None
    return _read_verb(rest)


def _read_verb(text: str) -> tuple[str, int | None] | None:
    """The key of "(I want) to <verb> ...": whom to meet, advice, a job, a co-founder,
    a hire, capital, deal flow; a wish to give is no need. Whom to meet is quoted
    alone ("to meet investors in climate": "investors in climate")."""
    if _GIVE.match(text):
        return None
    found = _MEET.match(text)
    if found is not None:
        thing = _object(text[found.end() :])
        about = _SOMEONE_ABOUT.match(thing)
        if about is not None:  # "talk to someone about not burning out": advice on it
            return f"advice on {thing[about.end() :]}", None
        key = f"job: {thing}" if _JOB.match(thing) else thing
        return (key, found.end()) if thing and not _OWN_THING.match(thing) else None
    rules: list[tuple[re.Pattern[str], str]] = [
        (_PARTNER, "collaborating with {}"),
        (_MOVE, "job in {}"),
        (_JOIN, "job at {}"),
        (_VOLUNTEER, "somewhere to volunteer {}"),
        (_COFOUND, "to co-found {}"),
        (_INVEST, "deal flow: {}"),
    ]
    for pattern, form in rules:
        found = pattern.match(text)
        if found is not None:
            return form.format(_object(text[found.end() :])).strip(), None
    found = _HIRE.match(text)
    if found is not None:
        thing = _object(text[found.end() :])
        return (f"hiring {thing}", None) if _people(thing) else None
    found = _RAISE.match(text)
    if found is not None:
        thing = _object(text[found.end() :])
        return (f"raising {thing}", None) if _MONEY.search(thing) else None
    found = _LEARN.match(text)
    if found is not None and _object(text[found.end() :]):
        thing = _object(text[found.end() :])
        return (f"advice from {thing}" if found["how"] == "from" else f"advice on {thing}"), None
    # Any other verb ("to build the next one as a co-founder"): a need only when it
    # names a role or money, not a kind word met in passing ("instead of advising").
    key = _object(text)
    return (key, None) if _kind(key) in _WISH_KINDS else None


_AND_SUBJECT = re.compile(r"\b(?:and|but|so)\s+(?=(?:i|we|i'm|we're|i'd|we'd)\b)")


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding position `at` begins: after the last comma, colon or
    bracket before it, or at its own subject after "and" ("... and I'm recruiting"),
    else the sentence's start."""
    start = max(sentence.rfind(ch, 0, at) for ch in ",:(") + 1
    for found in _AND_SUBJECT.finditer(sentence, start, at):
        start = found.end()
    return start


def _goals_in(sentence: str, headline: bool) -> list[StatedGoal]:
    """The goals of one sentence (or headline segment); several of one kind are one,
    quoted from the first to the last."""
    text = sentence.strip()
    if not text or text.endswith("?"):
        return []
    # Lower-cased in place (the same positions): quotes are cut from `text`.
    low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text.replace("’", "'"))
    found: list[tuple[str, str, int, int]] = []  # (kind, key, start, end) in `text`
    for match in _TRIGGER.finditer(low):
        family = match.lastgroup or ""
        if not _own_clause(low[: match.start()], headline):
            continue
        rest = low[match.end() :]
        for key, at in _reads(family, rest):
            kind = _kind(key)
            if kind == "topic" or (family == "open" and kind not in _OPEN_KINDS):
                continue
            if kind == "advice" and not _ADVICE.match(key):  # "a break from consulting"
                continue
            if at is None:
                start = _clause_start(low, match.start())
                end = match.end() + _object_end(rest)
            else:
                start = match.end() + at
                end = start + _object_end(rest[at:])
            found.append((kind, key, start, end))
    out: list[StatedGoal] = []
    for kind in dict.fromkeys(k for k, *_ in found):
        same = [f for f in found if f[0] == kind]
        start, end = min(f[2] for f in same), max(f[3] for f in same)
        words = clean(text[start:end])
        key = " and ".join(dict.fromkeys(f[1] for f in same))
        if words and key:
            out.append(StatedGoal(key, words))
    return out


# "also" said after the verb, as other languages put it ("Ik zoek ook een CTO" ->
# "looking for also a CTO"), or a colon ("Wir stellen ein: ...").
_THEN_ALSO = re.compile(r"\b(for|hiring)(?:\s+also\b|\s*:)", re.IGNORECASE)


def _foreign_goals(part: str, headline: bool, code: str, sure: bool) -> list[StatedGoal]:
    """The goals of a sentence written in glossary language `code`: read in English
    (`matcher.translation`: "Wir suchen einen CTO" -> "looking for a CTO"), quoted as
    the person wrote the sentence ("Wir suchen einen CTO")."""
    said = _THEN_ALSO.sub(r"\1", to_english(part, code, keep_english=not sure))
    own = clean(part).rstrip(".!:")
    return [StatedGoal(g.key, own) for g in _goals_in(said, headline)][:1] if own else []


@lru_cache(maxsize=1 << 12)
def stated_goals(
    headline: str, about: str, code: str | None = None, sure: bool = True
) -> tuple[StatedGoal, ...]:
    """Up to `MAX_GOALS` goals said in a headline's segments ("open to work") and an
    about's sentences, in the order written, one per kind. `code`: the glossary
    language they are written in (`_foreign_goals`), None for English; `sure`, whether
    the language identifier told it (a guessed profile keeps its English words)."""
    out: list[StatedGoal] = []
    kinds: set[str] = set()
    parts = []
    seeking = False
    for segment in _SEGMENTS.split(headline or ""):
        # "looking for a clinical co-founder (sleep physician or psychologist) and first
        # pre-seed money": a part after a search that opens with "and" is sought too.
        more = _AND_MORE.match(segment)
        if seeking and more is not None:
            segment = "looking for " + segment[more.end() :]
        seeking = seeking or _SEEK.search(segment.lower()) is not None
        parts.append((segment, True))
    parts += [(s, False) for s in _SENTENCES.split(about or "")]
    for part, is_headline in parts:
        if code is None:
            read = _goals_in(part, is_headline)
        else:
            read = _foreign_goals(part, is_headline, code, sure)
        for goal in read:
            kind = _kind(goal.key)
            if kind in kinds:
                continue
            kinds.add(kind)
            out.append(goal)
            if len(out) >= MAX_GOALS:
                return tuple(out)
    return tuple(out)


# How a goal said as a sentence or a status begins ("I want to ...", "We're raising
# ...", "open to work"): it does not fit "looking for “...”" and is quoted as what the
# profile says.
_STATEMENT = re.compile(
    r"^(?:i|i'm|im|i've|i'd|i'll|we|we're|we've|we'd|we'll|open to|looking|seeking|hoping)\b"
)


def is_statement(words: str) -> bool:
    """Whether a goal's words are a sentence or a status, not the thing sought; also
    one in a glossary language that says so in English ("Wir suchen einen CTO")."""
    if _STATEMENT.match(words.strip().replace("’", "'").casefold()):
        return True
    return len(words.split()) > 2 and _foreign_statement(words)


@lru_cache(maxsize=1 << 12)
def _foreign_statement(words: str) -> bool:
    """Whether `words` in a glossary language begin as a goal said as a sentence."""
    guess = glossary_guess(words)
    for code in (guess,) if guess else in_script_of(words):
        said = to_english(words, code).strip().replace("’", "'").casefold()
        if _STATEMENT.match(_ALSO.sub("", said)):
            return True
    return False


_ALSO = re.compile(r"^also\s+")


def _content(key: str) -> frozenset[str]:
    """The longer words of a goal key (its content, not its small words)."""
    return frozenset(w for w in re.findall(r"[\w-]+", key.casefold()) if len(w) > 3)


def stated_needs(
    headline: str,
    about: str,
    listed: list[tuple[str, str]],
    code: str | None = None,
    sure: bool = True,
) -> list[tuple[str, str]]:
    """(goal key, the person's words) of the goals said in `headline` and `about` that
    add to the `listed` ones ((key, words) of "looking for"): a kind the list already
    has is said there, more plainly ("open to work" under "a job in embedded software").
    `code`, `sure`: the glossary language they are written in (`stated_goals`)."""
    kinds = {goal_kind(key) % K for key, _ in listed}
    said = [_content(key) for key, _ in listed]
    out = []
    about_text = " ".join(str(about or "").split())
    for goal in stated_goals(clean(headline), about_text, code, sure):
        key = normalise_goal(goal.key)
        # A translated sentence may say a listed goal again in other words ("industriële
        # partners voor een Horizon Europe-aanvraag" under "industry partners for a
        # Horizon Europe proposal"): two content words in common is the same goal.
        if code is not None and any(len(_content(key) & words) >= 2 for words in said):
            continue
        kind = goal_kind(key) % K
        if kind not in kinds or _another_rank(key, kind, listed):
            kinds.add(kind)
            out.append((key, goal.words))
    return out


_WORK = frozenset(KINDS.index(name) for name in ("hire", "job"))


def _another_rank(key: str, kind: int, listed: list[tuple[str, str]]) -> bool:
    """Whether a stated hire or job names a rank none of the listed ones of its kind
    do: "we always take 3-4 end-of-studies interns" beside "senior backend engineers
    (Kotlin/Java)" is a post of its own (`matcher.goal_scope.seniority`)."""
    if kind not in _WORK:
        return False
    ranks = [seniority(other) for other, _ in listed if goal_kind(other) % K == kind]
    return bool(ranks) and not any(seniority(key) & rank for rank in ranks)
