"""Key phrases of an `about` text: the noun-ish chunks a person wrote about their work.

Deterministic and small, no model: sentences are split at punctuation, then cut at
stopwords and common verbs (an English list); a chunk starting with a gerund loses
it ("running customs brokerage" -> "customs brokerage"); words with digits go
("€150 duty exemption" -> "duty exemption"); what a clause says after a negation
is what the person does not do or want ("no equity", "we don't charge fees",
"without a VC") and goes; chunks of one to five words are kept,
generic ones ("years", "a day", "our margins") and places ("Berlin", "Southern
Europe": `matcher.places`) dropped. Each phrase is the
person's own wording, as typed: it is quoted back to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from matcher.places import only_places
from matcher.roles import FAMILY

MAX_PHRASES = 8
MAX_WORDS = 5


def _words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


# Cut here: pronouns, determiners, prepositions, conjunctions, auxiliaries, adverbs,
# the verbs people use to say what they do, and courtesies ("sorry", "please").
_STOP = _words(
    """
    a an the this that these those there here it its it's i i'm i've i'd me my mine we
    we're we've our ours us you your he she his her they them their who whom whose which
    what when where why how and or but nor so yet if then than as because while though
    although since until unless whether of in on at by for from to with without about
    into onto over under between among across through during before after above below
    around via per up down out off again also too very really just still now currently
    previously formerly recently soon already always often never ever not no yes all any
    each every some many much more most few less least other another such same own only
    both either neither am is are was were be been being have has had having do does did
    doing done can could will would shall should may might must get gets got make makes
    made spent spend spends run runs ran lead leads led work works worked advise advises
    advised help helps helped want wants wanted need needs needed like likes love loves
    understand know think believe hope plan plans try tries build builds built ship ships
    shipped hit hits study studies studied use uses used based joined join joining looking
    look seeking seek find found meet talk learn learning focus focused focusing mostly
    especially including new former current next last first second one two three
    hard well day days year years month months week weeks time times lot lots way ways
    thing things stuff people person someone everyone anything something everything
    lets let gives give scores tracks cut recover produce closed raise raised taught
    finished moved laid wear afford keep move sell left share paid live instead far
    going goes happy ready right lately change yrs empty cannot can't won't don't
    become becomes became becoming tell tells told say says said ask asks asked
    anyone anybody somebody nobody everybody whoever ones
    take takes took taken taking back suggest suggests decide decides decided outside
    anos años ans anni jahre jaar
    sorry please thanks thank come comes came coming fine sold ok okay hey hi hello
    welcome glad
    you're you'll you'd they're they'll they'd we'll we'd i'll he's she's that's
    there's what's it'll let's
    zero four five six seven eight nine ten eleven twelve twenty hundred thousand
    january february march april may june july august september october november december
    """
)
# Chunks that say nothing specific on their own: a revenue figure ("€400k ARR"), a
# portfolio or a cohort (of a designer or a fund, of an accelerator or a study), what
# a vague goal seeks ("a mentor", "funding", "networking": two people who both want a
# mentor share no topic).
_GENERIC = _words(
    """
    mentor mentors mentoring mentorship mentee mentees coach coaches coaching advice
    feedback funding networking network contacts connections support introductions
    intros collaborators opportunities
    end start part side kind sort type number margins margin team teams company companies
    business businesses job jobs role roles career life world field area areas space
    work experience background problem problems question questions idea ideas project
    projects customers clients users partners colleagues friends country countries city
    today future past industry sector market markets focus interest interests hard
    software product products design plant progress startup startups founder founders
    investor investors bank banks shop shops store stores
    real morning mornings evening evenings night nights weekend weekends
    hour hours minute minutes afternoon afternoons quarter quarters decade decades
    arr mrr revenue revenues gmv ebitda kpi kpis metrics portfolio portfolios cohort
    cohorts data tools tool model models pilot pilots staff invest invests saas tech
    partnerships partnership
    """
)
# A full stop before a number ends an abbreviation ("Art. 9", "No. 5"), not a sentence:
# the abbreviation is then no word of its own (`_WORD`) and goes.
_SPLIT = re.compile(r"(?:\.(?!\s*\d)|[;:!?()\[\]\n,\"“”‘’/|•–—])+|\s-\s")
_CLAUSE_CUT = re.compile(f"({_SPLIT.pattern})")
_WORD = re.compile(r"[\w][\w&+'’.-]*[\w+]|[\w]")


# Words after which the rest of a clause is what the writer does not do or want.
_NEGATIONS = _words(
    """
    no not never without nor neither don't doesn't didn't won't can't cannot isn't
    aren't wasn't weren't haven't hasn't shouldn't wouldn't avoid avoids avoiding
    exclude excludes excluding except
    sen sin sans senza ohne utan zonder
    """
)
# Exclusions said without a negation word ("outside our thesis", "out of scope"): read
# as one ("not").
_EXCLUDING = re.compile(
    r"\b(?:outside (?:of )?(?:our|my|the) (?:thesis|scope|focus|mandate|remit)|"
    r"out of (?:our |my |the )?scope|off-limits|"
    # What one knows nothing about ("I know nothing about textiles").
    r"(?:know|knows|knew) (?:nothing|little) (?:about|of))\b",
    re.IGNORECASE,
)
# A negated clause whose subject is the thing ("Medtech is not for us"): all of it goes.
_COPULAS = _words("is are was were 's remains remain stays stay")
# What the negated thing is, said in brackets before its verb ("Traditional fintech
# (banking, payments) is not my thing"): negated with it.
_ASIDE_NEGATED = re.compile(
    r"\s*\([^()]*\)(?=\s+(?:"
    + "|".join(map(re.escape, sorted(_COPULAS)))
    + r")\s+(?:not|never)\b)",
    re.IGNORECASE,
)
# Words before the negation of a clause that negates the list after its colon.
_LIST_LEAD = 2
# A clause this short after a negated one, saying nothing of its own ("chips or
# biotech", not "consumer is fine" nor "just grants"), is an item of its list.
_LIST_ITEM = 3
_LIST_ITEMS = 5  # words of a clause of several items ("consumer products or carbon offsets")
_JOINS = frozenset(("or", "and", "nor", "&"))
_SAYS = frozenset(("is", "are", "was", "ok", "okay", "fine", "welcome", "ist", "sind", "est"))
_TURNS = frozenset(("just", "only", "but", "instead", "rather", "yet", "though", "however"))


def _list_item(words: list[str]) -> bool:
    """Whether a clause is an item of the list a negated clause began: a few words, or
    a few such joined by "or" / "and" ("we don't do biotech, marine ingredients or
    fisheries")."""
    if not words or words[0].casefold() in _TURNS:
        return False
    if any(w.casefold() in _SAYS for w in words):
        return False
    parts: list[list[str]] = [[]]
    for w in words:
        if w.casefold() in _JOINS:
            parts.append([])
        else:
            parts[-1].append(w)
    parts = parts[1:] if not parts[0] else parts  # "..., or anything pre-product"
    return len(words) <= _LIST_ITEMS and all(1 <= len(p) <= _LIST_ITEM for p in parts)


# Words that start a clause of its own after a colon.
_SUBJECTS = _words("we i our my they it you he she but and so")
_PRONOUNS = _words("i we you they he she")
# Where a sentence ends; its clauses are cut further at `_SPLIT`.
_SENTENCE = re.compile(r"(?:\.(?!\s*\d)|[;!?\n])+")


_INNER_QUOTE = re.compile(r"(?<=\w)’(?=\w)")


def _affirmed(clause: str) -> str:
    """`clause` up to its first negation ("we fund pilots, no equity" has its own
    clause; "we don't take equity" keeps "we"); nothing when what comes before is the
    negated thing itself ("Medtech is not for us")."""
    words = clause.split()
    for pos, word in enumerate(words):
        if word.strip("'’").replace("’", "'").casefold() in _NEGATIONS:
            if pos and words[pos - 1].casefold() in _COPULAS:
                return ""
            return " ".join(words[:pos])
    return clause


def _clauses(text: str) -> Iterator[str]:
    """The affirmed part of each clause of `text` (`_affirmed`). A negated clause
    that opens a list ("We don't fund: medtech, crypto", "Outside our thesis:
    hardware") negates the rest of its sentence."""
    text = _ASIDE_NEGATED.sub("", _EXCLUDING.sub(" not ", text))
    for sentence in _SENTENCE.split(text):
        parts = _CLAUSE_CUT.split(sentence)
        listed = False  # in a list a negation opened
        items = False  # in a list a negated clause began ("not useful for SaaS, chips")
        for clause, cut in zip(parts[::2], [*parts[1::2], ""], strict=True):
            words = clause.split()
            if (listed or items) and _opens_own(words):
                listed = items = False  # a clause of its own ("Not a VC: we fund research")
            if listed or (items and _list_item(words)):
                continue
            affirmed = _affirmed(clause)
            yield affirmed
            # The negation leads its clause ("We don't fund:", not "... that banks
            # can't see: 2 years of earnings").
            kept = len(affirmed.split())
            listed = ":" in cut and kept < len(words) and kept <= _LIST_LEAD
            # A negated clause ending in a list goes on after its comma: "I'm not useful
            # for pure SaaS, chips or biotech" negates the chips and biotech too.
            items = "," in cut and kept < len(words) and not listed


def _opens_own(words: list[str]) -> bool:
    """Whether a clause after a negated list is one of its own ("Not a VC: we fund
    research"), not the list's last item ("Not a fit: hardware, games studios, and
    enterprise software for post-production"): "and" opens one only before a pronoun."""
    if not words or words[0].casefold() not in _SUBJECTS:
        return False
    return words[0].casefold() != "and" or (len(words) > 1 and words[1].casefold() in _PRONOUNS)


def _runs(words: list[str], cut: Callable[[int, str, list[str]], bool]) -> list[list[str]]:
    """The runs of `words` between those `cut(position, word, run so far)` drops."""
    out: list[list[str]] = []
    current: list[str] = []
    for pos, word in enumerate(words):
        if not cut(pos, word, current):
            current.append(word)
            continue
        if current:
            out.append(current)
        current = []
    if current:
        out.append(current)
    return out


def _chunks(sentence: str) -> list[list[str]]:
    """The runs of words between stopwords, words with digits and symbols."""

    words = [word.strip("'’") for word in sentence.split()]

    def cut(pos: int, token: str, run: list[str]) -> bool:
        return (
            (token.casefold() in _STOP and not _letter_of_name(token, run))
            # What a subject does is a verb: "I sit down with", "we act for founders".
            or (pos > 0 and token.islower() and words[pos - 1].casefold() in _PRONOUNS)
            or not _WORD.fullmatch(token)
            # A sentence opening with a gerund opens with a verb ("Writing my thesis on").
            or (pos == 0 and _gerund(token[:1].lower() + token[1:]))
            or any(ch.isdigit() for ch in token)
            # A verb of a phrasal verb: "help a propulsion startup go from prototype",
            # "companies set up in Occitanie".
            or words[pos + 1 : pos + 2] in _PHRASAL.get(token, [])
        )

    return _runs(words, cut)


_GO = [[w] for w in ("from", "to", "into", "through", "out", "back", "beyond")]
_SET = [[w] for w in ("up", "out", "off")]
_PHRASAL = {"go": _GO, "goes": _GO, "set": _SET, "sets": _SET}


def _letter_of_name(token: str, run: list[str]) -> bool:
    """A capital letter closing a name ("Series A", "Plan B"), not the article "A"."""
    return (
        len(token) == 1
        and token.isupper()
        and token != "I"
        and run[-1:] != []
        and (run[-1][:1].isupper())
    )


def _gerund(word: str) -> bool:
    return word.islower() and word.endswith("ing") and len(word) > 5


def _split_verbs(words: list[str]) -> list[list[str]]:
    """A chunk cut at its gerunds ("Maersk running customs brokerage"), except a last
    word after others ("machine learning"); a lone gerund goes."""
    last = len(words) - 1
    return _runs(words, lambda pos, word, run: _gerund(word) and not (pos == last and bool(run)))


def _people(key: str) -> bool:
    """A plural naming people by their role ("nurses", "engineers", "Teachers"): whom
    a bio speaks of (users, colleagues, a team), no interest of the writer's."""
    return any(key.endswith(end) and key[: -len(end)] in FAMILY for end in ("s", "es"))


def _weak_word(word: str) -> bool:
    """A lone word that says nothing specific: generic, short, a plural of people
    ("nurses"), or a lowercase participle, adverb or comparative ("moved", "lately",
    "cheaper")."""
    key = word.casefold()
    if key in _GENERIC or len(key) < 3 or _people(key):
        return True
    return word.islower() and key.endswith(("ed", "ly", "er"))


def affirmed_text(text: str) -> str:
    """`text` without what it negates (`_clauses`): a sentence with a negation is said
    by its affirmed clauses ("We fund climate startups, no medtech." -> "We fund
    climate startups."); a text with none is returned as it is."""
    text = _INNER_QUOTE.sub("'", str(text or ""))
    if not _EXCLUDING.search(text) and not any(
        w.strip("'’").casefold() in _NEGATIONS for w in text.split()
    ):
        return text
    out = []
    for sentence in _SENTENCE.split(text):
        said = ", ".join(c.strip() for c in _clauses(sentence) if c.strip())
        if said:
            out.append(said + ".")
    return " ".join(out)


@lru_cache(maxsize=1 << 12)
def about_phrases(text: str, cap: int = MAX_PHRASES) -> tuple[str, ...]:
    """Up to `cap` key phrases of `text`, in the order written, each once."""
    out: list[str] = []
    seen: set[str] = set()
    # "don’t", "women’s" are one word (the split cuts at curly quotes).
    for clause in _clauses(_INNER_QUOTE.sub("'", str(text or ""))):
        for words in (part for chunk in _chunks(clause) for part in _split_verbs(chunk)):
            if len(words) > MAX_WORDS:
                continue
            phrase = " ".join(words)
            key = phrase.casefold()
            if key in seen or (len(words) == 1 and _weak_word(words[0])):
                continue
            if all(w.casefold() in _GENERIC for w in words) or only_places(words):
                continue
            seen.add(key)
            out.append(phrase)
            if len(out) >= cap:
                return tuple(out)
    return tuple(out)


# For other modules that tell specific words from everyday ones (`matcher.fill_ground`).
STOP_WORDS = _STOP
GENERIC_WORDS = _GENERIC
