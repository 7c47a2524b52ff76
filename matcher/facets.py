"""An event's profiles as arrays over one table of unique, normalised phrases."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from matcher.about_phrases import about_phrases, affirmed_text
from matcher.encoding import PhraseVectors
from matcher.goal_scope import MONEY, amounts, at_own_stage, own_stages, scope, stage
from matcher.goals import (
    CONTEXT_MARK,
    KINDS,
    MONEY_PREFIX,
    PRODUCT_PILOT,
    K,
    derived_key,
    goal_kind,
    is_vague,
    offer_key,
    subject,
)
from matcher.grades import head_word
from matcher.normalise import (
    clean,
    normalise_goal,
    normalise_org,
    normalise_phrase,
    spelt_out,
    topic_item,
    unique_items,
)
from matcher.programmes import places, runs_programme
from matcher.roles import PROGRAMME, fits, identity, phrase_roles
from matcher.script import readable_part, unreadable
from matcher.specific_words import stems
from matcher.stated_goals import stated_needs
from matcher.theses import Limits, limits, sectors
from matcher.translation import Reading, in_english, reading, say_in_english
from matcher.types import Profile
from matcher.work_roles import buying_category, investing_headline, work_families, work_words

# Rows asked for at once from which padding every profile's values once pays.
_MANY_ROWS = 256
# A profile may list many items; beyond these only the first ones are compared
# (keeps pair scoring bounded; nobody reads forty interests anyway).
MAX_TOPICS = 40
MAX_GOALS = 15
MAX_ORGS = 15
# `Facets.personal` / `Row.personal` value of a topic said in the person's `about`
# (`matcher.about_phrases`): matched at the strict bar, and it never dilutes the
# shared score (`matcher.scoring._shared`); 1 is a personal interest, 0 a work one.
ABOUT = 2


@dataclass
class Ragged:
    """Per-profile lists of ints: profile p owns values[indptr[p]:indptr[p+1]].

    Never changed once made (its lengths are worked out once).
    """

    indptr: np.ndarray  # (N + 1,) int64
    values: np.ndarray  # (nnz,) int64
    _lengths: np.ndarray | None = field(default=None, repr=False, compare=False)
    _all_padded: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_lists(cls, lists: Sequence[Sequence[int]]) -> Ragged:
        """Pack Python lists of ints."""
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        indptr = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        values = np.fromiter((v for x in lists for v in x), dtype=np.int64, count=int(indptr[-1]))
        return cls(indptr, values)

    def row(self, p: int) -> np.ndarray:
        """Values of profile `p`, shape (len,)."""
        return self.values[self.indptr[p] : self.indptr[p + 1]]

    def lengths(self) -> np.ndarray:
        """Number of values per profile, shape (N,)."""
        if self._lengths is None:  # pair scoring asks for every receiver's candidates
            self._lengths = np.diff(self.indptr)
        return self._lengths

    def owners(self) -> np.ndarray:
        """The profile index of every value, shape (nnz,)."""
        return np.repeat(np.arange(len(self.indptr) - 1), self.lengths())

    def padded(self, rows: np.ndarray, pad: int) -> np.ndarray:
        """Values of `rows` padded with `pad` -> int64 array of shape (len(rows), max length)."""
        if len(rows) == 1:  # one receiver's own list (scoring per receiver): no padding
            return self.row(int(rows[0]))[None, :]
        if len(rows) >= _MANY_ROWS:  # blocks of a full run: rows of every profile's, padded once
            whole = self._all_padded.get(pad)
            if whole is None:
                whole = self._all_padded[pad] = self._pad(np.arange(len(self.indptr) - 1), pad)
            return whole[rows, : int(self.lengths()[rows].max())]
        return self._pad(rows, pad)

    def _pad(self, rows: np.ndarray, pad: int) -> np.ndarray:
        lens = self.lengths()[rows]
        width = int(lens.max()) if len(rows) else 0
        out = np.full((len(rows), width), pad, dtype=np.int64)
        if width:
            mask = np.arange(width)[None, :] < lens[:, None]
            starts = self.indptr[rows]
            out[mask] = self.values[(starts[:, None] + np.arange(width)[None, :])[mask]]
        return out


@dataclass
class Facets:
    """Profiles as phrase ids. Vectors has one extra all-zero row at index `pad` (= U)."""

    ids: list[str]
    phrases: list[str]  # unique normalised phrases, index = phrase id
    vectors: np.ndarray  # (U + 1, dim) float32, last row zero (padding)
    topics: Ragged  # interests + personal interests, phrase ids
    # 1 where the topic came from personal interests, ABOUT from the about text, else 0;
    # aligned with topics.
    personal: Ragged
    needs: Ragged  # looking-for phrase ids
    offers: Ragged  # offering phrase ids
    orgs: Ragged  # organization ids into org_keys
    org_keys: list[str]
    company: np.ndarray  # (N,) int64 org id of the current company, -1 if unknown
    display: dict[str, list[str]]  # facet -> each value's original wording, aligned with values
    # Per phrase id (U + 1,), padding last: listed as a personal interest by anyone
    # (its matches need the strict bar), its goal kind (`matcher.goals`), vague goal.
    # Per profile (N,): the phrase id of its whole professional profile (headline,
    # interests, goals, about) as one text; the padding id when it has none.
    whole: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    headlines: list[str] = field(default_factory=list)
    # Per profile (N,): the phrase id of its headline alone; the padding id when none.
    head: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Per profile (N,): the phrase id of what a founder's headline says their company
    # does (`matcher.work_roles.work_words`); the padding id when none.
    company_work: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Per profile (N,): the phrase id of what its headline says it buys
    # (`matcher.work_roles.buying_category`); the padding id when none.
    category: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    bio: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # (N,)
    strict: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=bool))
    kind: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    vague: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=bool))
    # Per phrase (`matcher.grades.narrower_lifted`): head word hashes and one-word flags,
    # made on first use.
    heads: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    # Per profile (`matcher.scoring.headlines_agree`): the role families its headline
    # names (`matcher.work_roles.family_table`), made on first use.
    work: np.ndarray | None = field(default=None, repr=False, compare=False)
    # (trades each phrase asks for (U + 1,), trades each headline names (N,)), as bits
    # (`matcher.trades`), made on first use.
    trades: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    # The fibres each phrase names (U + 1,), as bits (`matcher.materials`), made on
    # first use.
    fibres: np.ndarray | None = field(default=None, repr=False, compare=False)
    # (marks of each phrase as bits, the funding programme each phrase names as a
    # number, 0 for none), both (U + 1,) (`matcher.need_credit`), made on first use.
    marks: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    # Per phrase id (U + 1,): the phrase id of a need's subject (`matcher.goals.subject`),
    # the padding id when it has none. Per profile (N, d): the field vector, the whole
    # profile with the person's own goals (`matcher.goal_fit`).
    subject: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    # Per phrase id (U + 1,): the stages, regions and role families a goal names
    # (`matcher.goal_scope.scope`).
    scope: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    # Per phrase id (U + 1,): the goal names whom it wants, as a need / as an offer
    # (`matcher.roles.phrase_roles`). Per profile (N,): the words they say they are
    # (`matcher.roles.identity`).
    names_provider: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=bool))
    names_seeker: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=bool))
    identities: list[frozenset[str]] = field(default_factory=list)
    # Aligned with offers.values: the offer is read from the headline, not written
    # (`headline_goals`).
    implied: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # (person, phrase, side) -> whether the person is whom the phrase names (`role_ok`).
    _roles_seen: dict[tuple[int, int, int], bool] = field(
        default_factory=dict, repr=False, compare=False
    )
    fields: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))
    # Per profile (N,): the sectors an investor excludes or backs only, and the sectors
    # of one's own work (`matcher.theses`).
    limits: list[Limits] = field(default_factory=list)
    sectors: list[frozenset[str]] = field(default_factory=list)
    limited: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # (N,)

    @property
    def n(self) -> int:
        """Number of profiles."""
        return len(self.ids)

    @property
    def pad(self) -> int:
        """The phrase id of the zero padding vector."""
        return len(self.phrases)

    def ragged(self, facet: str) -> Ragged:
        """The ids of a facet: "topics", "needs", "offers" or "orgs"."""
        found: Ragged = getattr(self, facet)
        return found

    def word_at(self, p: int, facet: str, pos: int) -> str:
        """Profile `p`'s own wording of its `pos`-th item in `facet`."""
        return self.display[facet][int(self.ragged(facet).indptr[p]) + pos]

    def role_ok(self, person: int, phrase: int, as_offer: bool, headline_fit: float) -> bool:
        """Whether `person` is whom goal `phrase` names (`matcher.roles.phrase_roles`):
        the role's family and specialty in their identity, or its family there and
        their headline as close as `headline_fit` to the goal's subject."""
        key = (person, phrase, int(as_offer))
        found = self._roles_seen.get(key)
        if found is None:
            roles = phrase_roles(self.phrases[phrase])[int(as_offer)]
            family, specialty = fits(roles, self.identities[person])
            found = specialty
            if family and not specialty:
                about = self.vectors[self.subject[phrase]]
                found = float(about @ self.vectors[self.head[person]]) >= headline_fit
            self._roles_seen[key] = found
        return found

    def nonempty(self) -> np.ndarray:
        """(N,) bool: the profile has something to match on (topics, goals or ties)."""
        return (
            self.topics.lengths() + self.needs.lengths() + self.offers.lengths()
            + self.orgs.lengths() + (self.whole < self.pad)
        ) > 0  # fmt: skip


FACETS = ("topics", "needs", "offers", "orgs")


@dataclass
class Row:
    """One profile as ids into its event's vocabulary, with its own wording of each item."""

    topics: list[int]
    personal: list[int]  # 1 where the topic came from personal interests, ABOUT from about
    needs: list[int]
    offers: list[int]
    orgs: list[int]  # organization ids; the current company is one of them
    company: int  # the current company's organization id, -1 if unknown
    words: dict[str, list[str]]  # facet -> wording of each id, in order
    whole: int = -1  # phrase id of the whole professional profile, -1 if empty
    headline: str = ""
    bio: bool = False  # has a headline or an about: its whole profile is searched
    head: int = -1  # phrase id of the headline alone, -1 if none
    identity: frozenset[str] = frozenset()  # `matcher.roles.identity`
    # Every professional item (work interests, about phrases, headline parts, specific
    # needs, own offers) as (phrase id of its key with acronyms spelt out, own words):
    # what a fill's pair is searched for (`matcher.fill_ground`).
    pieces: list[tuple[int, str]] = field(default_factory=list)
    implied: list[int] = field(default_factory=list)  # positions of offers read from the headline
    # Positions of needs said in the headline or about (`matcher.stated_goals`): already
    # in the whole profile, so not in the field.
    stated: list[int] = field(default_factory=list)
    category: int = -1  # phrase id of what the headline says they buy, -1 if none
    limits: Limits = field(default_factory=Limits)  # an investor's (`matcher.theses`)
    sectors: frozenset[str] = frozenset()  # the sectors of one's work (`matcher.theses`)
    # Phrase id of what a founder's headline says their company does
    # (`matcher.work_roles.work_words`), -1 if not a founder or it says nothing more.
    company_work: int = -1


class Vocabulary:
    """The phrase and organization ids of one event, shared by all its rows.

    Ids only grow: a phrase nobody holds any more keeps its id (and vector).
    """

    def __init__(self) -> None:
        self.phrase_ids: dict[str, int] = {}
        self.phrases: list[str] = []
        self.personal: list[bool] = []  # listed as a personal interest by anyone
        self.kinds: list[int] = []  # goal kind of each phrase
        self.vague: list[bool] = []
        self.subjects: list[int] = []  # phrase id of a goal's subject; -2 none, -1 not yet
        self.stages: list[int] = []  # stages and regions a goal names (`matcher.goal_scope.scope`)
        self.named: list[tuple[bool, bool]] = []  # names whom it wants (need, offer)
        self.org_ids: dict[str, int] = {}
        self.org_keys: list[str] = []
        self._marks = 0  # phrases marked personal or given a subject so far (a change)
        self._per_phrase: tuple[tuple[int, int, int], tuple[np.ndarray, ...]] | None = None
        self._head_words: list[tuple[int, bool]] = []  # `head_word` of each phrase so far
        self._heads: tuple[np.ndarray, np.ndarray] | None = None
        # The lists above as arrays, filled as phrases arrive (and again for the phrases
        # marked since): making them from the lists walked every phrase of the event
        # each time one arrived, twice a sign-up (about 90 ms at 10,000 under load).
        self._table = np.zeros((0, 9), dtype=np.int64)  # see `_table_columns`
        self._tabled = 0  # phrases in `_table`
        self._marked: set[int] = set()  # phrases in `_table` marked since

    def phrase(self, key: str) -> int:
        """The id of a normalised phrase (a new one gets the next id)."""
        found = self.phrase_ids.get(key)
        if found is None:
            found = self.phrase_ids[key] = len(self.phrases)
            self.phrases.append(key)
            self.personal.append(False)
            self.kinds.append(goal_kind(key))
            self.vague.append(is_vague(key))
            self.subjects.append(-1)
            self.stages.append(scope(key))
            roles = phrase_roles(key)
            self.named.append((bool(roles[0]), bool(roles[1])))
        return found

    def mark_personal(self, i: int) -> None:
        """Phrase `i` is listed as a personal interest by someone, or said in an about
        (`ABOUT`): its matches need the strict bar."""
        if not self.personal[i]:
            self.personal[i] = True
            self._marks += 1
            self._marked.add(i)

    def goal(self, key: str) -> int:
        """The id of a goal's phrase, its subject (`matcher.goals.subject`) a phrase too."""
        found = self.phrase(key)
        if self.subjects[found] == -1:
            about = subject(key)
            if not about:
                self.subjects[found] = -2
            else:
                self.subjects[found] = found if about == key else self.phrase(about)
            self._marks += 1
            self._marked.add(found)
        return found

    def _table_columns(self, ids: Sequence[int]) -> np.ndarray:
        """Rows of `_table` for phrases `ids`: (personal, kind, vague, subject, stages,
        names provider, names seeker, head word hash, head word is the only word)."""
        words = self._head_words
        return np.array(
            [
                (
                    self.personal[i],
                    self.kinds[i],
                    self.vague[i],
                    self.subjects[i],
                    self.stages[i],
                    self.named[i][0],
                    self.named[i][1],
                    *words[i],
                )  # fmt: skip
                for i in ids
            ],
            dtype=np.int64,
        ).reshape(len(ids), 9)

    def _tabulate(self) -> np.ndarray:
        """`_table` with every phrase so far, marks included."""
        words = self._head_words
        while len(words) < len(self.phrases):
            words.append(head_word(self.phrases[len(words)]))
        count, have = len(self.phrases), self._tabled
        if count > len(self._table):
            grown = np.zeros((max(64, 2 * len(self._table), count), 9), dtype=np.int64)
            grown[:have] = self._table[:have]
            self._table = grown
        if count > have:
            self._table[have:count] = self._table_columns(range(have, count))
        marked = sorted(i for i in self._marked if i < have)
        if marked:
            self._table[marked] = self._table_columns(marked)
        self._marked.clear()
        self._tabled = count
        return self._table

    def per_phrase(self, count: int) -> tuple[np.ndarray, ...]:
        """(strict, kind, vague, subject, scope, names provider, names seeker) of the
        first `count` phrases, each with a
        padding entry (a subject beyond them, or none, is the padding id).

        Read-only arrays, kept until a phrase arrives, is marked personal or gets its
        subject: a pair's common ground asks for them on every scan, and making them
        walks every phrase of the event (milliseconds at 10,000 people).
        """
        key = (count, len(self.phrases), self._marks)
        if self._per_phrase is None or self._per_phrase[0] != key:
            table = self._tabulate()[:count]
            pad = np.zeros((1, 9), dtype=np.int64)
            cols = np.concatenate([table, pad]).T
            strict, vague = cols[0].astype(bool), cols[2].astype(bool)
            kind, stages = cols[1].copy(), cols[4].copy()
            subjects = cols[3].copy()
            subjects[(subjects < 0) | (subjects >= count)] = count
            subjects[count] = count
            provider, seeker = cols[5].astype(bool), cols[6].astype(bool)
            for array in (strict, kind, vague, subjects, stages, provider, seeker):
                array.setflags(write=False)
            self._per_phrase = (key, (strict, kind, vague, subjects, stages, provider, seeker))
        return self._per_phrase[1]

    def heads(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """(head word hash, one word) of the first `count` phrases plus padding
        (`matcher.grades.narrower_lifted`): read-only, kept until a phrase arrives, as
        `per_phrase` (reading every phrase's words again for each scan cost
        ~20 ms at 10,000 people)."""
        if self._heads is None or len(self._heads[0]) != count + 1:
            table = self._tabulate()
            heads = (np.append(table[:count, 7], -1), np.append(table[:count, 8] > 0, False))
            for array in heads:
                array.setflags(write=False)
            self._heads = heads
        return self._heads

    def org(self, key: str) -> int:
        """The id of a normalised organization."""
        found = self.org_ids.get(key)
        if found is None:
            found = self.org_ids[key] = len(self.org_keys)
            self.org_keys.append(key)
        return found


def encode_profile(prof: Profile, vocab: Vocabulary) -> Row:
    """Normalise one profile's items into ids of `vocab` (new phrases are added to it).

    A profile in a language with a glossary is matched in English
    (`matcher.translation`): its keys are the translated items, its words as typed.
    """
    read = reading(prof)
    english = in_english(prof, read)
    goal_key = partial(_goal_key, read=read)
    words: dict[str, list[str]] = {facet: [] for facet in FACETS}
    t_ids: list[int] = []
    t_personal: list[int] = []
    tagged = [(x, 0) for x in prof.interests] + [(x, 1) for x in prof.personal_interests]
    seen: set[int] = set()
    pieces: list[tuple[int, str]] = []
    for item, is_personal in tagged:
        display_text, key = topic_item(item, bool(is_personal))
        if not key:
            continue
        said = say_in_english(display_text, read, bool(is_personal))
        if read.code is not None or said != display_text:
            key = normalise_phrase(said, bool(is_personal)) or key
        i = vocab.phrase(key)
        if i in seen or len(t_ids) >= MAX_TOPICS:
            continue
        seen.add(i)
        if is_personal:
            vocab.mark_personal(i)
        else:
            pieces.append((_spelt(key, i, vocab), display_text))
        t_ids.append(i)
        t_personal.append(is_personal)
        words["topics"].append(display_text)
    if read.code is None:  # the stopwords are English; a translated about is not their words
        elsewhere = _said_elsewhere(prof)
        for phrase in about_phrases(str(prof.about or "")):
            key = normalise_phrase(phrase)
            if not key or len(t_ids) >= MAX_TOPICS or _repeats(phrase, elsewhere):
                continue
            i = vocab.phrase(key)
            if i in seen:
                continue
            seen.add(i)
            vocab.mark_personal(i)
            t_ids.append(i)
            t_personal.append(ABOUT)
            words["topics"].append(phrase)
            pieces.append((_spelt(key, i, vocab), phrase))
    goals: dict[str, list[int]] = {}
    wanted = unique_items(prof.looking_for, goal_key)[:MAX_GOALS]
    stated = stated_needs(prof.headline, prof.about, wanted, read.code, read.sure)
    wanted += stated  # goals said in the headline or about ("we're raising our seed")
    # Posts offered are a hire (`matcher.goals.offer_key`).
    offered = unique_items(prof.offering, lambda x: offer_key(goal_key(x)))[:MAX_GOALS]
    founder = "founder" in work_families(english.headline or "")
    if founder:
        offered = own_pilots(wanted, offered)  # a vendor's pilots are its product's
    says_invests = investing_headline(english.headline or "")
    invests = says_invests or _offers_tickets(offered)
    if invests:
        wanted = [(_as_dealflow(key), text) for key, text in wanted]
        offered = [(_as_tickets(key), text) for key, text in offered]
    elif founder:
        wanted = [(_as_round(key), text) for key, text in wanted]
    stages = own_stages([key for key, _ in wanted], [key for key, _ in offered])
    if not stages and says_invests:
        # An investor whose goals name no stage, whose headline does ("Partner @
        # Lockgate Ventures — pre-seed/seed AI infra"): the stage of its money.
        stages = stage(normalise_goal(english.headline or "").replace(CONTEXT_MARK, ", "))
    wanted = [(at_own_stage(key, stages), text) for key, text in wanted]
    offered = [(at_own_stage(key, stages, MONEY), text) for key, text in offered]
    if not invests:
        # A founder's money sought that names no stage ("angels with fintech
        # background") is for the round their other goals name ("Seed lead investor").
        raising = own_stages([], [key for key, _ in wanted])
        wanted = [(at_own_stage(key, raising, MONEY), text) for key, text in wanted]
    listed = {"needs": len(wanted) - len(stated), "offers": len(offered)}
    stated_at = [listed["needs"] + i for i in range(len(stated))]
    # Money sought or offered beside a programme is a place in it too.
    wanted += places(wanted)
    offered += places(offered)
    for facet, items in (("needs", wanted), ("offers", offered)):
        ids = goals[facet] = []
        for pos, (key, text) in enumerate(items):
            ids.append(vocab.goal(key))
            words[facet].append(text)
            # A stated goal is a sentence of the about, whose phrases are pieces already.
            if not vocab.vague[ids[-1]] and pos < listed[facet]:
                pieces.append((_spelt(key, ids[-1], vocab), text))
    implied: list[int] = []
    if not prof.looking_for and not prof.offering:
        # Nothing written under goals: the headline says what they seek and do.
        for key, text, is_need in headline_goals(prof.headline, english.headline, prof):
            facet = "needs" if is_need else "offers"
            if len(goals[facet]) >= MAX_GOALS or vocab.goal(key) in goals[facet]:
                continue  # a need said in the headline may be a stated goal already
            if not is_need:
                implied.append(len(goals["offers"]))
            goals[facet].append(vocab.goal(key))
            words[facet].append(text)
    # A need another person's need can meet (hiring <-> a job, investors <-> founders
    # raising) is also offered, under its own key (`matcher.goals.derived_key`).
    for key, text in wanted:
        derived = derived_key(key, clean(english.headline))
        if derived is not None and len(goals["offers"]) < 2 * MAX_GOALS:
            # Its subject is the need's (`matcher.goal_fit.role_mask` reads it).
            goals["offers"].append(vocab.goal(derived))
            words["offers"].append(text)
    o_ids = []
    for key, text in unique_items(prof.organizations, normalise_org)[:MAX_ORGS]:
        o_ids.append(vocab.org(key))
        words["orgs"].append(text)
    company = -1
    company_key = normalise_org(prof.company)
    if company_key:
        company = vocab.org(company_key)
        if company not in o_ids:  # the current company is a tie too
            o_ids.append(company)
            words["orgs"].append(clean(prof.company))
    text = whole_text(english)
    whole = vocab.phrase(WHOLE_PREFIX + text) if text else -1
    headline = clean(prof.headline)
    # The headline on its own: "similar backgrounds" quotes both, so both must agree.
    head_key = clean(english.headline).lower()
    head = vocab.phrase(head_key) if head_key else -1
    bought = buying_category(clean(english.headline))
    category = vocab.phrase(bought) if bought else -1
    for key, text in headline_parts(prof.headline, english.headline, prof):
        pieces.append((vocab.phrase(spelt_out(key)), text))  # a language named as one
    who = _identity(english, stated)
    work_key = clean(work_words(english.headline, prof.company)).lower() if founder else ""
    company_work = vocab.phrase(work_key) if work_key else -1
    if runs_programme(head_key, [k for k, _ in wanted], [k for k, _ in offered]):
        who |= {"family:" + PROGRAMME}
    return Row(
        t_ids, t_personal, goals["needs"], goals["offers"], o_ids, company, words, whole,
        headline, bool(headline or clean(prof.about)), head, who, pieces,
        implied, stated_at, category,
        limits(prof, english, _searches(wanted)) if _backs(who, goals["offers"], vocab)
        else Limits(),
        sectors(english, prof), company_work,
    )  # fmt: skip


_PILOTS = re.compile(r"\bpilot(?:s|ing)?\b|\btrials?\b|\bdemos?\b")
_CUSTOMERS = KINDS.index("customers")


def _piloting(key: str) -> bool:
    return goal_kind(key) % K == _CUSTOMERS and bool(_PILOTS.search(key))


def own_pilots(
    wanted: list[tuple[str, str]], offered: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """A founder's `offered` with a pilot offered of what they seek places to pilot
    ("harvest-assist robot pilots in greenhouses" beside "greenhouse co-ops in Almería
    for 2027 harvest-assist pilots") read as a trial of their own product
    (`matcher.goals.PRODUCT_PILOT`), not a site to pilot in. Not a buyer's: a city's,
    a co-op's or a corporate's pilot sites offered beside the pilots it seeks ("pilot
    sites in municipal buildings and schools" / "digital tools for our schools") are
    places to pilot in. (key, own words) pairs."""
    sought = frozenset().union(*(stems(key) for key, _ in wanted if _piloting(key)))
    if not sought:
        return offered
    return [
        (PRODUCT_PILOT + key if _piloting(key) and stems(key) & sought else key, text)
        for key, text in offered
    ]


_LENDS = frozenset(("capital", "debt", "grant"))
_DEALFLOW = KINDS.index("dealflow")
_FOUNDERS = KINDS.index("founders")


def _searches(wanted: list[tuple[str, str]]) -> tuple[str, ...]:
    """An investor's searches for companies, each as written and as its key (in
    English): "dealflow: pre-seed founders in AI infra / devtools (DACH + CEE)"."""
    return tuple(
        f"{text} . {key}" for key, text in wanted if goal_kind(key) % K in (_DEALFLOW, _FOUNDERS)
    )


def _offers_tickets(offered: list[tuple[str, str]]) -> bool:
    """Whether goals offered name an investor's tickets ("tickets Série A 1–4 M€",
    "inwestycje pre-seed/seed 100–400 tys. EUR"): one whose headline does not say they
    invest ("Partner chez Lumière Tech Partners – Série A") invests by what they offer,
    and their searches that read as rounds are the rounds they back."""
    return any(goal_kind(key) == _CAPITAL and _TICKET.search(key) is not None for key, _ in offered)


_CAPITAL = KINDS.index("capital")
# A ticket's words: its size or its stage, as written or translated.
_TICKET = re.compile(r"\b(?:tickets?|cheques?|checks?|invest\w*|pre-?seed|seed|s[ée]ries [a-d])\b")


def _backs(who: frozenset[str], offers: list[int], vocab: Vocabulary) -> bool:
    """Whether someone's limits are an investor's: their headline says they invest, or
    they offer money (a lender: "revenue-based financing €100k–1M (min. €50k MRR)")."""
    if "family:investor" in who:
        return True
    kinds = (goal_kind(vocab.phrases[i]) for i in offers)
    return any(kind < K and KINDS[kind] in _LENDS for kind in kinds)  # not a need offered


# A headline part that says what its author seeks: "always looking for Belgian craft
# producers", "seeking pilot sites" (said in English, or translated).
_SEEKS = re.compile(
    r"^(?:(?:always|currently|now|still|actively)\s+)?(?:looking\s+for|seeking|searching\s+for)\s+"
)


def headline_goals(own: str, english: str, prof: Profile) -> list[tuple[str, str, bool]]:
    """(goal key, own words, is a need) of a headline, for someone who wrote no goals.

    A part that opens with "looking for" is a need, in the words after it; every other
    part that names a field, not only a title ("Raw-milk cheesemaker", "public
    procurement for innovation"; not "Founder", "Senior consultant"), is what they do,
    and so what they can speak to: an offer, said as their work (`Complement.implied`).
    The parts after a "looking for" ("looking for a clinical co-founder (sleep physician
    or psychologist) and pre-seed money") go on saying what is sought: they are no
    offer.
    """
    out = []
    sought = False
    for key, words in headline_parts(own, english, prof):
        seeks = _SEEKS.match(key)
        if seeks is not None:
            sought = True
            own_seeks = _SEEKS.match(words.lower())
            shown = words[own_seeks.end() :] if own_seeks is not None else words
            out.append((normalise_goal(key[seeks.end() :]), clean(shown), True))
        elif sought:
            continue
        elif any(w[:1].islower() for w in words.split() if stems(w.lower())):
            # It names a field in a word of its own; a part of names only ("Pays de
            # Herve", "Port of Rotterdam") says where, not what.
            out.append((normalise_goal(key), words, False))
    return [(k, w, need) for k, w, need in out if k and w]


def _spelt(key: str, i: int, vocab: Vocabulary) -> int:
    """The phrase id of `key` (id `i`) with its acronyms spelt out (`i` if none)."""
    spelt = spelt_out(key)
    return i if spelt == key else vocab.phrase(spelt)


# Where a headline's parts meet: "Staff SRE, PayNordic", "Founder — LoadMatch",
# "Product lead @ Formly (govtech)", "ML engineer | climate".
_HEADLINE_SPLIT = re.compile(r"\s*(?:[,;|()@]|\s[—–-]\s|\s(?:at|bei|chez|en|di)\s)\s*")


def headline_parts(own: str, english: str, prof: Profile) -> list[tuple[str, str]]:
    """(key, own words) of each part of a headline that is not an organization the
    profile names ("Staff SRE, PayNordic" -> "staff sre"); `english` the headline said
    in English (the same when it is). Own words are the matching part of `own` where
    both split alike, else the whole headline."""
    orgs = {normalise_org(x) for x in [*prof.organizations, prof.company]} - {""}
    said = [clean(x) for x in _HEADLINE_SPLIT.split(clean(english))]
    mine = [clean(x) for x in _HEADLINE_SPLIT.split(clean(own))]
    same = len(said) == len(mine)
    out = []
    for pos, part in enumerate(said):
        words = mine[pos] if same else clean(own)
        if not any(c.isalpha() for c in part) or {normalise_org(part), normalise_org(words)} & orgs:
            continue
        out.append((normalise_phrase(part), words))
    return out


def _said_elsewhere(prof: Profile) -> tuple[str, set[str]]:
    """What a profile's about may repeat from elsewhere: (its headline lower-cased, its
    organizations' keys)."""
    orgs = {normalise_org(x) for x in [*prof.organizations, prof.company]}
    return clean(prof.headline).casefold(), orgs - {""}


def _repeats(phrase: str, said: tuple[str, set[str]]) -> bool:
    """An about phrase that says the headline's words again ("Data engineer at Acme"
    under "Data engineer, Acme") or names an organization the profile lists: those are
    compared already (similar backgrounds, ties), not again as topics."""
    headline, orgs = said
    return phrase.casefold() in headline or normalise_org(phrase) in orgs


def _goal_key(text: str, read: Reading) -> str:
    """The embedding key of a goal of a profile read as `read`, said in English."""
    return normalise_goal(say_in_english(text, read))


def _identity(prof: Profile, stated: Sequence[tuple[str, str]] = ()) -> frozenset[str]:
    """What a person says they are (`matcher.roles.identity`): about and work interests;
    headline and the jobs (and co-founder roles) they seek or offer themselves for, by
    their field too, `stated` ((key, words) said in the headline or about) included.
    Seeking a co-founder or capital makes a founder; offering capital or seeking deal
    flow an investor."""
    needs = [(KINDS[goal_kind(normalise_goal(x)) % K], x) for x in prof.looking_for]
    needs += [(KINDS[goal_kind(key) % K], words) for key, words in stated]
    offers = [(KINDS[goal_kind(offer_key(normalise_goal(x))) % K], x) for x in prof.offering]
    jobs = [x for kind, x in needs + offers if kind == "job"]
    work = [prof.headline, *jobs]
    work += [x for kind, x in needs + offers if kind == "cofounding"]
    founder = any(
        kind in ("cofounder", "cofounding") or (kind == "capital" and _EQUITY.search(x.lower()))
        for kind, x in needs
    )
    # Seeking companies at a stage makes an investor only with a headline that says
    # so: a startup lawyer's "founders about to raise their first round", an
    # accelerator's "climate startups for cohort 4 (pre-seed to seed)" or a grant
    # agency's "SMEs planning automation investments" are no money for a round.
    # Co-investment offered ("co-investimento €100k–1M a fianco di un investitore
    # privato", a regional fund's) is money too.
    investor = any(kind in ("capital", "assets", "coinvestors") for kind, _ in offers) or (
        any(kind == "dealflow" for kind, _ in needs) and investing_headline(prof.headline)
    )
    # Know-how offered says a specialty one has ("plant start-up experience"); offers
    # for named people (mentoring, a job) and needs offered do not.
    skills = [x for kind, x in offers if kind in _SKILL_KINDS]
    company = any(kind == "customers" and _OWN.search(x.lower()) for kind, x in needs)
    return identity(
        [str(prof.about or ""), *prof.interests],
        work,
        founder,
        investor,
        skills,
        company,
        [x.lower() for x in jobs],
    )


# Money a company raises: bare "funding" or "financing" (a hospital's for a post, a
# city's for a project) makes nobody a founder.
_EQUITY = re.compile(
    r"invest|\bseries\b|angel|rais|\bvcs?\b|seed|\bround\b|equity|venture|"
    r"\b(?:our|my) (?:start-?up|company|scale-?up)"
)
# A product of one's own, for which customers or a pilot are sought.
_OWN = re.compile(r"\b(?:our|my|unser\w*|notre|nos|nuestr\w*|nostr\w*|onze)\b")
_SKILL_KINDS = frozenset({"topic", "advice", "service", "solution", "data", "experience"})


# The key of a whole profile's text in the phrase table (no phrase starts like this).
WHOLE_PREFIX = "profile: "
_WHOLE_CHARS = 1000  # the model reads about 256 tokens anyway


def whole_text(prof: Profile) -> str:
    """A person's professional side as one text: headline, interests, about.

    Personal interests and goals are left out: this text says whether two people's
    work meets (bio-only common ground; whether an investor's or a mentor's field
    fits the one asking), and two people seeking the same thing are not alike."""
    # What the model cannot read (`matcher.script`) would make any two such
    # profiles alike: left out.
    parts = [
        readable_part(clean(prof.headline)),
        ", ".join(text for _, text in unique_items(prof.interests) if not unreadable(text)),
        readable_part(affirmed_text(" ".join(str(prof.about or "").split()))),
    ]
    return ". ".join(x for x in parts if x)[:_WHOLE_CHARS]


def assemble(ids: list[str], rows: Sequence[Row], vocab: Vocabulary, vectors: np.ndarray) -> Facets:
    """Facets of `rows` over `vocab`, whose phrase vectors are `vectors` ((U + 1, d), last zero).

    The phrase and organization lists are copied: `vocab` may grow afterwards.
    """
    display = {facet: [w for row in rows for w in row.words[facet]] for facet in FACETS}
    count = vectors.shape[0] - 1
    strict, kind, vague, subjects, stages, provider, seeker = vocab.per_phrase(count)
    whole = np.fromiter((r.whole for r in rows), dtype=np.int64, count=len(rows))
    whole[(whole < 0) | (whole >= count)] = count
    head = np.fromiter((r.head for r in rows), dtype=np.int64, count=len(rows))
    head[(head < 0) | (head >= count)] = count
    category = np.fromiter((r.category for r in rows), dtype=np.int64, count=len(rows))
    category[(category < 0) | (category >= count)] = count
    company_work = np.fromiter((r.company_work for r in rows), dtype=np.int64, count=len(rows))
    company_work[(company_work < 0) | (company_work >= count)] = count
    # A goal said in the about is in the whole profile already: not counted twice.
    own_goals = Ragged.from_lists([_own_goals(r) for r in rows])
    offers = Ragged.from_lists([r.offers for r in rows])
    implied = np.zeros(len(offers.values), dtype=bool)
    for p, r in enumerate(rows):
        if r.implied:
            implied[offers.indptr[p] + np.asarray(r.implied, dtype=np.int64)] = True
    return Facets(
        ids=ids,
        phrases=vocab.phrases[: vectors.shape[0] - 1],
        vectors=vectors,
        topics=Ragged.from_lists([r.topics for r in rows]),
        personal=Ragged.from_lists([r.personal for r in rows]),
        needs=Ragged.from_lists([r.needs for r in rows]),
        offers=offers,
        orgs=Ragged.from_lists([r.orgs for r in rows]),
        org_keys=list(vocab.org_keys),
        company=np.fromiter((r.company for r in rows), dtype=np.int64, count=len(rows)),
        display=display,
        whole=whole,
        headlines=[r.headline for r in rows],
        head=head,
        category=category,
        company_work=company_work,
        bio=np.fromiter((r.bio for r in rows), dtype=bool, count=len(rows)),
        strict=strict,
        kind=kind,
        vague=vague,
        heads=vocab.heads(count),
        subject=subjects,
        scope=stages,
        names_provider=provider,
        names_seeker=seeker,
        identities=[r.identity for r in rows],
        implied=implied,
        fields=field_vectors(vectors, whole, own_goals, kind, subjects),
        limits=[r.limits for r in rows],
        sectors=[r.sectors for r in rows],
        limited=np.fromiter((bool(r.limits) for r in rows), dtype=bool, count=len(rows)),
    )


def _own_goals(row: Row) -> list[int]:
    """A row's goals written under "looking for" / "can offer" (`Facets.fields`)."""
    if not row.stated:
        return row.needs + row.offers
    return [x for i, x in enumerate(row.needs) if i not in row.stated] + row.offers


def field_vectors(
    vectors: np.ndarray, whole: np.ndarray, goals: Ragged, kind: np.ndarray, subject: np.ndarray
) -> np.ndarray:
    """Each person's field: their whole profile's vector plus the mean of their own
    goals' subjects (`subject`, phrase id -> its subject's id, the padding id when it
    has none; a need another meets, `derived_key`, left out), normalised -> (N, d).

    An investor's thesis or a mentor's subject is often written only in "looking
    for" / "can offer", which the whole profile leaves out; the kind words ("seed
    investors", "a mentor") say what a person seeks, not what they work on.
    vectors (U + 1, d), last row zero; whole (N,) phrase ids; kind (U + 1,).
    """
    pad = vectors.shape[0] - 1
    ids = subject[np.where(goals.values < pad, goals.values, pad)]
    own = (kind[np.minimum(goals.values, pad)] < K) & (ids < pad)  # derived: repeats a need
    owners = goals.owners()[own]
    sums = np.zeros((len(whole), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, owners, vectors[ids[own]])
    counts = np.bincount(owners, minlength=len(whole)).astype(np.float32)
    out = vectors[whole] + sums / np.maximum(counts, 1.0)[:, None]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0).astype(np.float32)


def padded_vectors(vecs: np.ndarray, count: int) -> np.ndarray:
    """`count` phrase vectors plus the zero padding row: (count, d) -> (count + 1, d)."""
    dim = int(vecs.shape[1]) if count else 1
    out = np.zeros((count + 1, dim), dtype=np.float32)
    if count:
        out[:count] = vecs
    return out


# A round of one's own: "our", "we", "raising", "LPs for fund II"; not rounds "where
# we can lead" or "we'd join": those are others' rounds, for the investor's money.
_OWN_ROUND = re.compile(
    r"\b(?:our|my|we(?!'d|\s+(?:can|could|would|will|may|like to|want to|love to)\s+"
    r"(?:co-?)?(?:lead|invest|back|join|fund|write|take|anchor)\b)|raising|raise|closing|"
    r"fund (?:i|ii|iii|iv|\d))\b"
)


def _as_dealflow(key: str) -> str:
    """An investor's search that reads as a round ("Series A/B in water and climate
    adaptation, Mediterranean and North Africa") or as suppliers sought (companies
    named last): the companies they back, unless it is a round of their own ("LPs for
    our fund II"); investors sought are co-investors."""
    kind = KINDS[goal_kind(key) % K]
    if kind == "solution" and _COMPANIES.search(key) and not _OWN_ROUND.search(key):
        return "dealflow: " + key  # "Greek maritime & port software companies"
    if kind != "capital" or _OWN_ROUND.search(key):
        return key
    if _INVESTORS_SOUGHT.match(key):  # "investitori privati che guidano round (angel, VC)"
        return "co-investors: " + key
    return "dealflow: " + key


def _as_round(key: str) -> str:
    """A founder's co-investors sought ("pre-seed co-investors (€100k, lead
    committed)"): money for their round, not an investor's search for others to invest
    beside (`matcher.goals`)."""
    return MONEY_PREFIX + key if goal_kind(key) == _COINVESTORS else key


def _as_tickets(key: str) -> str:
    """An investor's co-investment offered with its tickets ("Pre-Seed-Tickets 50–150k €
    (Co-Investment)"): money a founder's round may take, from one who follows."""
    if goal_kind(key) == _COINVESTORS and (_CHEQUES.search(key) or amounts(key)):
        return MONEY_PREFIX + key
    return key


_COINVESTORS = KINDS.index("coinvestors")
# Money written out as such, not a stage alone ("co-investing alongside seed funds").
_CHEQUES = re.compile(r"\b(?:tickets?|cheques?|checks?)\b")


# Investors as the head of an investor's search ("private investors that lead rounds",
# "angels or VCs to lead"): others to invest beside, not companies to back.
_INVESTORS_SOUGHT = re.compile(
    r"^(?:[\w&-]+ ){0,3}?(?:investors?|angels?|vcs?|family offices?)\b"
    r"(?!\s*(?:tickets?|money|funding|capital|rounds?|networks?|syndicates?)\b)"
)


# Companies sought by an investor ("Greek maritime & port software companies"): the
# companies they back, not suppliers.
_COMPANIES = re.compile(r"\b(?:startups?|compan(?:y|ies)|founders|scale-?ups|ventures)$")


def build_facets(
    profiles: Sequence[Profile],
    table: PhraseVectors,
    progress: Callable[[float], None] | None = None,
) -> Facets:
    """Normalise every profile's items and look up one vector per unique phrase.

    `progress` hears the share of new phrases encoded so far.
    """
    vocab = Vocabulary()
    rows = [encode_profile(p, vocab) for p in profiles]
    vectors = padded_vectors(table.matrix(vocab.phrases, progress), len(vocab.phrases))
    return assemble([p.id for p in profiles], rows, vocab, vectors)


def phrase_keys(profile: Profile) -> set[str]:
    """The normalised phrases matching embeds for `profile` (the keys of its stored
    vectors): what deleting someone's data must consider theirs."""
    vocab = Vocabulary()
    encode_profile(profile, vocab)
    return set(vocab.phrases)
