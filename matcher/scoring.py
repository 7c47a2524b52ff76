"""Pair scores over candidate pairs, vectorised: shared topics, complements, ties.

The score of a pair is symmetric and in [0, 1]:

    score = 1 - (1 - shared) (1 - beta c_ab) (1 - beta c_ba) (1 - gamma tie)

- `shared`: specificity-weighted soft F1 of the two topic lists (BERTScore-like:
  each phrase is credited with its best match on the other side, credit ramps up
  with cosine above a threshold, phrases weigh by specificity; a pseudo-weight for
  what the lists leave unsaid keeps two "AI"-only profiles from scoring 1).
- `c_ab`: how well b's offers meet a's needs (noisy-or over a's needs), and `c_ba`
  the reverse: both directions count, so a pair good for both scores higher.
- `tie`: shared organizations, weighted by how rare the organization is here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.arrays import unique_sorted
from matcher.facets import ABOUT, Facets, Ragged
from matcher.goal_fit import (
    buyer_mask,
    colleagues,
    role_fit,
    role_mask,
    trade_credit,
    wording_credit,
)
from matcher.goal_scope import scope_clash
from matcher.grades import (
    goal_credit,
    narrower_lifted,
    overlap_limited,
    role_credit,
    topic_credit,
)
from matcher.parallel import map_slices
from matcher.threads import single_blas_thread
from matcher.work_roles import family_id, family_table, field_defined


@dataclass(frozen=True)
class ScoreParams:
    """Thresholds and weights of the pair score (cosine values for all-MiniLM-L6-v2)."""

    topic_threshold: float = 0.6  # below: not even related ("marathons" / "tax law")
    topic_same: float = 0.78  # from here two professional topics are the same
    personal_related: float = 0.7  # personal interests: related from here...
    personal_same: float = 0.85  # ...and the same from here (two sports are not)
    related_credit: float = 0.5  # share of the credit a related pair earns
    # A narrower kind said with the other's word as its head ("bird photography" /
    # "photography") is related from this cosine (`matcher.grades.narrower_lifted`).
    narrower_floor: float = 0.5
    # Weight of personal interests against professional ones in the shared score
    # (1: equal). An event setting may change it (`EventState(personal_weight=)`).
    personal_weight: float = 0.5
    topic_floor: float = 0.3  # credit ramps from here...
    topic_full: float = 0.75  # ...to full credit here (same concept, reworded)
    goal_threshold: float = 0.42  # needs and offers are worded differently; lower bar
    goal_floor: float = 0.25
    goal_full: float = 0.75
    derived_threshold: float = 0.45  # a need met by another's need (hiring <-> a job)
    # A professional sought by name ("a lawyer to set up our ESOP"), met by such a
    # professional's offer (`matcher.grades.goal_credit`).
    named_threshold: float = 0.38
    # A role need worded like the offer itself ("mentoring in mathematics" on both
    # sides) is met by those words, whatever the two whole profiles say.
    role_same: float = 0.9
    # A mentor sought and mentoring offered: the two phrases at least this alike
    # (`matcher.grades.role_credit`).
    mentor_wording: float = 0.45
    # Whole professional profiles (`facets.whole_text`): their cosine is the fit of a
    # role complement (an investor's field and the founder's; a mentor's and the
    # mentee's) and, above `fit_threshold`, a term of its own ("similar backgrounds").
    fit_threshold: float = 0.4
    fit_floor: float = 0.3
    fit_full: float = 0.6
    # Mentoring and press needs: the mean of the fields' cosine and the need's subject
    # against the provider's field (`matcher.goal_fit.role_fit`) from here.
    subject_fit_threshold: float = 0.45
    # Needs met by wording: the mean of the wording's cosine and the need's subject
    # against the provider's field from here (`matcher.goal_fit.wording_credit`).
    goal_fit_threshold: float = 0.45
    # A goal naming a role the other person's identity names without its specialty
    # ("health startups" / a founder of clinic software): met when their headline is
    # this close to the goal's subject (`matcher.roles`).
    role_headline: float = 0.5
    whole_threshold: float = 0.52  # similar backgrounds from here...
    headline_threshold: float = 0.3  # ...when the two headlines (quoted as such) agree
    headline_same: float = 0.6  # ...or, naming no role family, say nearly the same
    # Two founders' work is their companies' (`matcher.work_roles.work_words`): said
    # alike from this cosine of what the two headlines say their companies do.
    company_work_threshold: float = 0.4
    whole_weight: float = 0.3
    unseen: float = 0.5  # pseudo-weight of what a profile leaves unsaid
    complement_weight: float = 0.4  # beta
    tie_weight: float = 0.15  # gamma


def ramp(sims: np.ndarray, threshold: float, floor: float, full: float) -> np.ndarray:
    """Match credit of cosines, same shape: 0 below `threshold`, linear floor..full, 1 above."""
    credit = np.subtract(sims, floor, dtype=np.float32)
    credit *= np.float32(1.0 / (full - floor))
    np.clip(credit, 0.0, 1.0, out=credit)
    credit[sims < threshold] = 0.0
    return credit


@dataclass
class PairScores:
    """Scores of candidate pairs; all arrays have shape (P,)."""

    i: np.ndarray
    j: np.ndarray
    shared: np.ndarray
    c_ij: np.ndarray  # j's offers meet i's needs
    c_ji: np.ndarray  # i's offers meet j's needs
    tie: np.ndarray
    score: np.ndarray
    whole: np.ndarray  # credit of the whole profiles' similarity
    # 1 where that similarity may be said ("similar backgrounds": the headlines agree
    # too); None: wherever it has credit.
    said: np.ndarray | None = None

    def swapped(self) -> PairScores:
        """The same scores of the pairs (j, i)."""
        return PairScores(
            self.j, self.i, self.shared, self.c_ji, self.c_ij, self.tie, self.score, self.whole,
            self.said,
        )  # fmt: skip

    def has_reason(self) -> np.ndarray:
        """(P,) bool: the pair has at least one thing to say (shared, complement, tie or
        similar backgrounds)."""
        return (
            (self.shared > 0) | (self.c_ij > 0) | (self.c_ji > 0) | (self.tie > 0)
            | ((self.whole > 0) if self.said is None else (self.said > 0))
        )  # fmt: skip


def combine(
    shared: np.ndarray,
    c_ij: np.ndarray,
    c_ji: np.ndarray,
    tie: np.ndarray,
    params: ScoreParams,
    whole: np.ndarray | None = None,
) -> np.ndarray:
    """The symmetric pair score from its parts, all (P,) -> (P,) in [0, 1]."""
    beta, gamma = params.complement_weight, params.tie_weight
    rest = (1 - shared) * (1 - beta * c_ij) * (1 - beta * c_ji) * (1 - gamma * tie)
    if whole is not None:
        rest = rest * (1 - params.whole_weight * whole)
    return np.clip(1.0 - rest, 0.0, 1.0).astype(np.float32)


def score_pairs(
    facets: Facets,
    topic_w: np.ndarray,
    org_w: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    params: ScoreParams | None = None,
    processes: int = 1,
) -> PairScores:
    """Exact scores of the pairs (i[p], j[p]): i, j (P,) int -> PairScores of shape (P,).

    Pairs are scored a block at a time, each block in a few array operations over
    its padded phrase lists (`PhraseCredit` gives the match credit of the block's
    phrases). `processes`: how many processes share the blocks (`matcher.parallel`);
    same scores.
    """
    params = params or ScoreParams()
    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    n_pairs = len(i)
    credit = PhraseCredit(facets, params, n_pairs)
    if not credit.dense and len(unique_sorted(i)) > len(unique_sorted(j)):
        # Blocks per receiver: group by the side with fewer distinct profiles.
        return score_pairs(facets, topic_w, org_w, j, i, params, processes).swapped()
    shared, c_ij, c_ji, tie, whole, said = (np.zeros(n_pairs, dtype=np.float32) for _ in range(6))
    out = (shared, c_ij, c_ji, tie, whole, said)
    order, bounds = _blocks(facets, i, j, credit.dense)
    blocks = _Blocks(facets, topic_w, org_w, i, j, order, bounds, credit)
    cost = (np.diff(bounds) + _BLOCK_COST).tolist()
    for (b0, b1), values in map_slices(blocks.score, len(bounds) - 1, processes, cost):
        sel = order[bounds[b0] : bounds[b1]]
        for array, part in zip(out, values, strict=True):
            array[sel] = part
    score = combine(shared, c_ij, c_ji, tie, params, whole)
    if not np.isfinite(score).all():  # a broken vector or weight: fail loudly, never rank by NaN
        bad = np.flatnonzero(~np.isfinite(score))[:5]
        pairs = [(int(i[p]), int(j[p])) for p in bad]
        raise ValueError(f"pair scores are not finite for pairs {pairs}")
    return PairScores(i, j, shared, c_ij, c_ji, tie, score, whole, said)


# A block costs about as much as this many of its pairs (a few dozen array
# operations), whatever its size: slices are balanced on pairs + this per block.
_BLOCK_COST = 60
# Pairs per block when the credit tables are global: bounds the (pairs, La, Lb) arrays.
BLOCK_PAIRS = 4096
# Up to this many distinct phrases, the match credit of every pair of them is one
# table of each kind (at most 2 x 36 MB) and pairs are scored in large blocks;
# beyond it, one receiver's pairs at a time against only their phrases.
DENSE_PHRASES = 3000


@dataclass
class Credit:
    """Match credit between the phrases of a block's two sides.

    `topic` and `goal`: (A, B) credit tables; `a_index` / `b_index` map a phrase id
    to its row / column (None: the tables are indexed by phrase id itself).
    `topic_by_person` / `offer_by_person`: with global tables, each profile's best
    credit for every phrase: (N, U + 1), from its topics / from its offers to a need.
    """

    topic: np.ndarray
    goal: np.ndarray
    role: np.ndarray  # (A, B) compatible role kinds (times the need's vagueness weight)
    # Goal credit is not symmetric (a need meets an offer): the same with the b side's
    # phrases as needs, (B, A); the tables themselves when both sides are every phrase.
    goal_t: np.ndarray | None = None
    role_t: np.ndarray | None = None
    a_index: dict[str, np.ndarray] | None = None
    b_index: dict[str, np.ndarray] | None = None
    topic_by_person: np.ndarray | None = None
    offer_by_person: np.ndarray | None = None
    role_by_person: np.ndarray | None = None

    def of(
        self, kind: str, a_facet: str, a_ids: np.ndarray, b_facet: str, b_ids: np.ndarray
    ) -> np.ndarray:
        """Credit of each pair's phrases: a_ids (P, La), b_ids (P, Lb) -> (P, La, Lb).

        `kind` "topic" or "goal"; a_ids are a side's `a_facet` ids (b likewise).
        """
        table = {"topic": self.topic, "goal": self.goal, "role": self.role}[kind]
        if self.a_index is not None and self.b_index is not None:
            a_ids, b_ids = self.a_index[a_facet], self.b_index[b_facet]
        return table[a_ids[:, :, None], b_ids[:, None, :]]

    def best_topics(
        self, a: np.ndarray, a_ids: np.ndarray, b: np.ndarray, b_ids: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For pairs of profiles a, b with topic ids a_ids (P, La), b_ids (P, Lb): each
        of a's topics' best credit among b's, and each of b's among a's."""
        if self.topic_by_person is not None:
            by = self.topic_by_person
            return by[b[:, None], a_ids], by[a[:, None], b_ids]
        match = self.of("topic", "topics", a_ids, "topics", b_ids)  # (P, La, Lb)
        return match.max(axis=2), match.max(axis=1)

    def best_offers(
        self,
        needs: np.ndarray,
        giver: np.ndarray,
        offers: np.ndarray,
        needs_facet: tuple[str, str],
        table: str = "goal",
        offer_ok: np.ndarray | None = None,
    ) -> np.ndarray:
        """Each need (P, Ln)'s best credit among the giver's offers (P, Lo) -> (P, Ln).

        `needs_facet`: ("a", "b") when the needs are the block's a side, else ("b", "a").
        `table`: "goal" (by wording) or "role" (compatible role kinds). `offer_ok`
        (P, Lo): 0 where an offer may not count for this pair (`matcher.goal_fit.role_mask`).
        """
        by_person = self.offer_by_person if table == "goal" else self.role_by_person
        if by_person is not None and offer_ok is None:
            return by_person[giver[:, None], needs]
        if needs_facet[0] == "a":
            match = self.of(table, "needs", needs, "offers", offers)
        else:
            # The needs are the b side's: the table of b-side needs x a-side offers.
            flipped = self.goal_t if table == "goal" else self.role_t
            assert flipped is not None
            if self.a_index is not None and self.b_index is not None:
                needs, offers = self.b_index["needs"], self.a_index["offers"]
            match = flipped[needs[:, :, None], offers[:, None, :]]
        if offer_ok is not None:
            match = match * offer_ok[:, None, :]
        out: np.ndarray = match.max(axis=2)
        return out


class PhraseCredit:
    """Where blocks of pairs get their match credit.

    In an event where people reuse wording (few distinct phrases) every pair of
    phrases is compared once, in two global tables read by phrase id, and each
    profile's best credit for every phrase is worked out once (a pair then reads
    two rows instead of comparing its lists); otherwise each block's phrases are
    compared when it is scored.
    """

    def __init__(self, facets: Facets, params: ScoreParams, pairs: int) -> None:
        self.facets, self.params = facets, params
        phrases = facets.vectors.shape[0]
        # The tables pay for themselves when many pairs read them (a full run).
        self.dense = phrases <= DENSE_PHRASES + 1 and pairs * 100 >= phrases * phrases
        self._global: Credit | None = None
        if self.dense:
            vectors = facets.vectors  # the padding row is zero: its credit is 0
            every = np.arange(phrases)
            with single_blas_thread():
                self._global = self._tables(vectors @ vectors.T, every, every)
            if facets.n * phrases <= PER_PERSON_CELLS:
                self._global.topic_by_person = _per_person(self._global.topic, facets.topics)
                self._global.offer_by_person = _per_person(self._global.goal.T, facets.offers)
                self._global.role_by_person = _per_person(self._global.role.T, facets.offers)

    def _tables(self, sims: np.ndarray, a_ids: np.ndarray, b_ids: np.ndarray) -> Credit:
        """Credit tables of phrases a_ids (A,) x b_ids (B,) with cosines sims (A, B)."""
        f, p = self.facets, self.params
        strict = f.strict[a_ids][:, None] | f.strict[b_ids][None, :]
        need_kind, offer_kind = f.kind[a_ids][:, None], f.kind[b_ids][None, :]
        vague = f.vague[a_ids][:, None]
        # Funding stages or regions named on both sides and disagreeing: no complement.
        fits = ~scope_clash(f.scope[a_ids][:, None], f.scope[b_ids][None, :])
        credit = Credit(
            topic_credit(_topic_sims(f, a_ids[:, None], b_ids[None, :], sims, p), strict, p),
            goal_credit(sims, need_kind, offer_kind, vague, p, f.names_provider[a_ids][:, None])
            * fits,
            role_credit(sims, need_kind, offer_kind, vague, p) * fits,
        )
        if a_ids is b_ids:
            credit.goal_t, credit.role_t = credit.goal, credit.role
        else:
            need_t, offer_t, vague_t = offer_kind.T, need_kind.T, f.vague[b_ids][:, None]
            fits_t = ~scope_clash(f.scope[b_ids][:, None], f.scope[a_ids][None, :])
            named_t = f.names_provider[b_ids][:, None]
            credit.goal_t = goal_credit(sims.T, need_t, offer_t, vague_t, p, named_t) * fits_t
            credit.role_t = role_credit(sims.T, need_t, offer_t, vague_t, p) * fits_t
        return credit

    def block(self, sides: tuple[dict[str, np.ndarray], dict[str, np.ndarray]]) -> Credit:
        """The credit of a block whose two sides have these padded phrase ids per facet."""
        if self._global is not None:
            return self._global
        index: list[dict[str, np.ndarray]] = []
        uniques = []
        for side in sides:
            flat = np.concatenate([ids.ravel() for ids in side.values()])
            unique, inverse = np.unique(flat, return_inverse=True)
            uniques.append(unique)
            out, at = {}, 0
            for facet, ids in side.items():
                out[facet] = inverse[at : at + ids.size].reshape(ids.shape)
                at += ids.size
            index.append(out)
        vectors = self.facets.vectors
        credit = self._tables(vectors[uniques[0]] @ vectors[uniques[1]].T, *uniques)
        credit.a_index, credit.b_index = index
        return credit


# Profiles x phrases up to this many cells get per-profile best-credit tables (128 MB).
PER_PERSON_CELLS = 32_000_000
# Rows of a table gathered at once while working those out.
_GATHER_CELLS = 8_000_000


def _per_person(table: np.ndarray, ragged: Ragged) -> np.ndarray:
    """Each profile's best credit for every phrase: max of `table`'s rows of its ids.

    table (U + 1, U + 1), its last row (the padding id's) zero; ragged: each
    profile's ids -> (N, U + 1), zero rows for profiles without ids.
    """
    n, width = len(ragged.indptr) - 1, table.shape[1]
    out = np.zeros((n, width), dtype=np.float32)
    lengths = ragged.lengths()
    longest = int(lengths.max()) if n else 0
    if longest == 0:
        return out
    step = max(1, _GATHER_CELLS // (width * longest))  # profiles per gather
    pad = table.shape[0] - 1
    for start in range(0, n, step):
        rows = np.arange(start, min(n, start + step))
        np.max(table[ragged.padded(rows, pad)], axis=1, out=out[start : start + len(rows)])
    return out


def _blocks(
    facets: Facets, i: np.ndarray, j: np.ndarray, dense: bool
) -> tuple[np.ndarray, np.ndarray]:
    """An order of the pairs and block bounds in it: -> (order (P,), bounds (B + 1,)).

    Dense credit: blocks of BLOCK_PAIRS pairs sorted by list lengths (little
    padding). Otherwise one block per receiver `i`: its own phrases against its
    candidates', the fewest comparisons.
    """
    n_pairs = len(i)
    if dense:
        lengths = facets.topics.lengths()
        order = np.lexsort((lengths[j], lengths[i]))
        return order, np.r_[np.arange(0, n_pairs, BLOCK_PAIRS), n_pairs]
    order = np.argsort(i, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(i[order]) != 0]) if n_pairs else np.zeros(0, int)
    return order, np.r_[starts, n_pairs]


class _Blocks:
    """Scores the pairs of blocks b0..b1-1 (in `order`), for `map_slices`."""

    def __init__(
        self,
        facets: Facets,
        topic_w: np.ndarray,
        org_w: np.ndarray,
        i: np.ndarray,
        j: np.ndarray,
        order: np.ndarray,
        bounds: np.ndarray,
        credit: PhraseCredit,
    ) -> None:
        self.facets, self.topic_w, self.org_w = facets, topic_w, org_w
        self.i, self.j, self.order, self.bounds, self.credit = i, j, order, bounds, credit

    def score(self, b0: int, b1: int) -> tuple[np.ndarray, ...]:
        """(shared, c_ij, c_ji, tie, whole, said) of the pairs order[bounds[b0]:bounds[b1]]."""
        first = self.bounds[b0]
        size = self.bounds[b1] - first
        out = tuple(np.zeros(size, dtype=np.float32) for _ in range(6))
        # Many small products: multi-threaded BLAS only adds contention here.
        with single_blas_thread():
            for b in range(b0, b1):
                lo, hi = self.bounds[b] - first, self.bounds[b + 1] - first
                sel = self.order[self.bounds[b] : self.bounds[b + 1]]
                for array, part in zip(out, self._block(self.i[sel], self.j[sel]), strict=True):
                    array[lo:hi] = part
        return out

    def _block(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
        facets, params = self.facets, self.credit.params
        # A block of one receiver (per-receiver blocks) pads its lists once: (1, L)
        # broadcasts against the candidates' (P, L).
        first = a[:1] if a[0] == a[-1] and (a == a[0]).all() else a
        sides = tuple(
            {facet: facets.ragged(facet).padded(x, facets.pad) for facet in _PHRASE_FACETS}
            for x in (first, b)
        )
        credit = self.credit.block(sides)  # type: ignore[arg-type]
        mine, theirs = sides
        personal = (facets.personal.padded(first, 0), facets.personal.padded(b, 0))
        shared = _shared(
            self.topic_w, credit, first, mine["topics"], b, theirs["topics"], params, personal
        )
        c_ab = _complement(
            credit, facets, (first, mine["needs"]), (b, theirs["offers"]), ("a", "b"), params
        )
        c_ba = _complement(
            credit, facets, (b, theirs["needs"]), (first, mine["offers"]), ("b", "a"), params
        )
        whole = background_credit(facets, first, b, params)
        said = ((whole > 0) & headlines_related(facets, first, b, params)).astype(np.float32)
        return shared, c_ab, c_ba, _ties(facets, self.org_w, first, b), whole, said


_PHRASE_FACETS = ("topics", "needs", "offers")


def _shared(
    topic_w: np.ndarray,
    credit: Credit,
    a: np.ndarray,
    a_ids: np.ndarray,
    b: np.ndarray,
    b_ids: np.ndarray,
    params: ScoreParams,
    personal: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """Specificity-weighted soft F1 of each pair's topic lists (P, La), (P, Lb) -> (P,);
    `personal`: 1 where a topic is a personal interest, same shapes (it weighs
    `personal_weight` of a professional one), ABOUT where it is said in an about."""
    if a_ids.shape[1] == 0 or b_ids.shape[1] == 0:
        return np.zeros(max(len(a_ids), len(b_ids)), dtype=np.float32)
    best_a, best_b = credit.best_topics(a, a_ids, b, b_ids)  # (P, La), (P, Lb)
    pw = np.float32(params.personal_weight)
    wa = topic_w[a_ids] * np.where(personal[0] == 1, pw, np.float32(1.0))  # padding weighs 0
    wb = topic_w[b_ids] * np.where(personal[1] == 1, pw, np.float32(1.0))
    # A phrase of an about (`ABOUT`) counts where it is met: a bio says much that no
    # one shares, and the person did not list it to be matched on.
    da = np.where(personal[0] == ABOUT, wa * best_a, wa).sum(axis=1)
    db = np.where(personal[1] == ABOUT, wb * best_b, wb).sum(axis=1)
    precision = (wa * best_a).sum(axis=1) / (da + params.unseen)  # (P,)
    recall = (wb * best_b).sum(axis=1) / (db + params.unseen)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    return f1.astype(np.float32)


def _topic_sims(
    f: Facets, a_ids: np.ndarray, b_ids: np.ndarray, sims: np.ndarray, p: ScoreParams
) -> np.ndarray:
    """Topic cosines as graded: narrower kinds lifted, overstating word overlap limited."""
    return overlap_limited(f, a_ids, b_ids, narrower_lifted(f, a_ids, b_ids, sims, p), p)


def whole_cosine(facets: Facets, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of the whole profiles of pairs a (P,) or (1,), b (P,) -> (P,)."""
    va = facets.vectors[facets.whole[a]]
    vb = facets.vectors[facets.whole[b]]
    return (va * vb).sum(axis=1)


def background_credit(facets: Facets, a: np.ndarray, b: np.ndarray, p: ScoreParams) -> np.ndarray:
    """Similar backgrounds: the whole profiles' cosine above `whole_threshold`, (P,).
    Only between people who both wrote a headline or an about: tags alone are
    already compared item by item. A score term; said as a reason only where
    `headlines_agree`."""
    credit = ramp(whole_cosine(facets, a, b), p.whole_threshold, p.fit_floor, p.fit_full)
    both = facets.bio[a] & facets.bio[b]
    return np.where(both, credit, np.float32(0.0)).astype(np.float32)


def headlines_related(facets: Facets, a: np.ndarray, b: np.ndarray, p: ScoreParams) -> np.ndarray:
    """(P,) bool: the two profiles' likeness ranks them as a real suggestion: said as
    "similar backgrounds" where `headlines_agree`; where the headlines read alike
    (`headline_threshold`) and one of the two is a founder or an investor, whose work
    is their company's or fund's field (`matcher.work_roles.field_defined`: a
    carbon-accounting founder and a sustainability manager), ranked but said only as
    a fill (`matcher.explain`); where either wrote no headline, unsaid."""
    if not len(facets.head):
        return np.ones(len(b), dtype=bool)
    a, b = np.broadcast_arrays(a, b)
    ha, hb = facets.head[a], facets.head[b]
    heads = (facets.vectors[ha] * facets.vectors[hb]).sum(axis=1)
    defined = field_defined(_work(facets))
    field = (defined[a] | defined[b]) & (heads >= p.headline_threshold)
    # Where either wrote no headline the words cannot tell: the likeness still ranks
    # the pair, and what they plainly share is said as for a fill (`matcher.event`).
    unsaid = (ha == facets.pad) | (hb == facets.pad)
    return field | unsaid | headlines_agree(facets, a, b, p)


def _work(facets: Facets) -> np.ndarray:
    """Each profile's headline role families (`matcher.work_roles.family_table`), kept."""
    if facets.work is None or len(facets.work) != len(facets.headlines):
        facets.work = family_table(facets.headlines)
    return facets.work


def headlines_agree(facets: Facets, a: np.ndarray, b: np.ndarray, p: ScoreParams) -> np.ndarray:
    """(P,) bool: "similar backgrounds" may be said. The reason quotes both headlines,
    so where both wrote one they must name the same kind of work
    (`matcher.work_roles`: a freight marketplace's founder and a freight company's CFO
    are one sector, not similar work) and read alike (`headline_threshold`); where
    either names no role the words cannot tell, and the headlines must say nearly the
    same (`headline_same`). Two profiles alike in their topics but not in their work
    ("Senior software engineer" / "Product designer") are no similar backgrounds,
    though their likeness still ranks them. Nor are two profiles of which one has no
    headline: the reason would quote one side only, and the whole profiles' cosine
    alone was what careful readers rejected half the time (a nurse and a fintech UX
    designer, a data engineer and a reporter)."""
    if not len(facets.head):
        return np.ones(len(b), dtype=bool)
    a, b = np.broadcast_arrays(a, b)
    ha, hb = facets.head[a], facets.head[b]
    heads = (facets.vectors[ha] * facets.vectors[hb]).sum(axis=1)
    fa, fb = _work(facets)[a], _work(facets)[b]  # (P, F)
    named = (fa[:, 0] >= 0) & (fb[:, 0] >= 0)
    common = ((fa[:, :, None] == fb[:, None, :]) & (fa[:, :, None] >= 0)).any(axis=(1, 2))
    agree = np.where(named, common & (heads >= p.headline_threshold), heads >= p.headline_same)
    if len(facets.company_work):
        agree &= ~_founders_apart(facets, (a, fa), (b, fb), p)
    return (ha != facets.pad) & (hb != facets.pad) & agree


def _founders_apart(
    facets: Facets,
    first: tuple[np.ndarray, np.ndarray],
    second: tuple[np.ndarray, np.ndarray],
    p: ScoreParams,
) -> np.ndarray:
    """(P,) bool: two founders and nothing else alike by role, whose headlines say
    their companies do unlike things (`company_work_threshold`). Being founders is
    no similar work: readers of the labelled sets rejected 26 of 87 "similar
    backgrounds" shown, most of them two founders of unlike companies (nonprofit
    compliance software and lobby-meeting data; embedded insurance and API testing).
    `first`, `second`: the people and their `family_table` rows."""
    (a, fa), (b, fb) = first, second
    founder = family_id("founder")
    same = (fa[:, :, None] == fb[:, None, :]) & (fa[:, :, None] >= 0)  # (P, Fa, Fb)
    only = same.any(axis=(1, 2)) & ~(same & (fa[:, :, None] != founder)).any(axis=(1, 2))
    wa, wb = facets.company_work[a], facets.company_work[b]
    said = (wa != facets.pad) & (wb != facets.pad)
    alike = (facets.vectors[wa] * facets.vectors[wb]).sum(axis=1) >= p.company_work_threshold
    return only & said & ~alike


def _complement(
    credit: Credit,
    facets: Facets,
    seeking: tuple[np.ndarray, np.ndarray],
    giving: tuple[np.ndarray, np.ndarray],
    sides: tuple[str, str],
    params: ScoreParams,
) -> np.ndarray:
    """How well the giver's offers meet the seeker's needs: noisy-or over the needs of
    each need's best-matching offer -> (P,). `seeking`: (seeker (P,) or (1,), its
    needs (P, Ln) or (1, Ln)); `giving`: (giver, its offers) likewise; `sides`: whose
    the needs and offers are. Needs are met by an offer's wording when the need's
    subject fits the giver's field; role needs (`matcher.goals.ROLE_KINDS`) by a
    compatible offer and the fit of the two people (`matcher.goal_fit`)."""
    seeker, needs = seeking
    giver, offers = giving
    if needs.shape[1] == 0 or offers.shape[1] == 0:
        return np.zeros(max(len(needs), len(offers)), dtype=np.float32)
    # Offers for named people meet only them; needs naming people only such a giver.
    offer_ok = role_mask(facets, seeker, offers, True, params)  # (P, Lo)
    # A seller's wish for customers meets a buyer only in the buyer's category.
    offer_ok = offer_ok * buyer_mask(facets, (seeker, giver), offers, True, params)
    only = None if offer_ok.all() else offer_ok
    best = credit.best_offers(needs, giver, offers, sides, offer_ok=only)  # (P, Ln)
    best = wording_credit(best, facets, (seeker, needs), giver, params)
    typed = credit.best_offers(needs, giver, offers, sides, table="role", offer_ok=only)
    fit = role_fit(facets, seeker, needs, giver, params, wanted=typed > 0)
    best = np.maximum(best, typed * fit)
    trade = trade_credit(facets, seeking, giving, params)  # (P, Ln, Lo)
    if trade.any():
        trade *= ~scope_clash(facets.scope[needs][:, :, None], facets.scope[offers][:, None, :])
        if only is not None:
            trade = trade * only[:, None, :]
        best = np.maximum(best, trade.max(axis=2))
    best *= role_mask(facets, giver, needs, False, params)
    best *= ~colleagues(facets, seeker, giver)[:, None]
    best *= buyer_mask(facets, (seeker, giver), needs, False, params)
    return (1.0 - np.prod(1.0 - best, axis=1)).astype(np.float32)


def _ties(facets: Facets, org_w: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Shared organizations, noisy-or of their specificity: a (P,) or (1,), b (P,) -> (P,)."""
    mine = facets.orgs.padded(a, -1)  # (P, La)
    theirs = facets.orgs.padded(b, -2)  # (P, Lb): paddings never equal
    if mine.shape[1] == 0 or theirs.shape[1] == 0:
        return np.zeros(len(b), dtype=np.float32)
    hit = (theirs[:, :, None] == mine[:, None, :]).any(axis=2)  # (P, Lb)
    w = np.where(hit, org_w[np.maximum(theirs, 0)], 0.0)
    return (1.0 - np.prod(1.0 - w, axis=1)).astype(np.float32)
