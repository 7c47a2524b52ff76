"""How far two items agree, as match credit: *same*, *related* or nothing, per kind.

Topics: two wordings are *same* (a paraphrase, an acronym, a translation) above a
high cosine, *related* (same field, different thing) above a lower one; related
pairs earn a share of the credit and are never said as "you both". Personal
interests need a much stricter bar (different sports sit at cosine 0.5-0.7 in
all-MiniLM-L6-v2). Goals: a need meets an offer only when their kinds are
compatible (`matcher.goals.COMPATIBLE`), then by topical fit; vague goals
("a mentor", "a job") earn less.

All functions are elementwise over arrays of any (broadcast) shape.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from matcher.goals import COMPATIBLE, KINDS, ROLE, VAGUE_WEIGHT, K
from matcher.word_overlap import ABOUT_IT, GENERIC_ONLY, SHARED_MODIFIER, overlap_rule

if TYPE_CHECKING:
    from matcher.facets import Facets
    from matcher.scoring import ScoreParams

SAME = "same"
RELATED = "related"


def _linear(sims: np.ndarray, floor: float, full: float) -> np.ndarray:
    credit = np.subtract(sims, floor, dtype=np.float32)
    credit *= np.float32(1.0 / (full - floor))
    np.clip(credit, 0.0, 1.0, out=credit)
    return credit


def topic_credit(sims: np.ndarray, strict: np.ndarray, p: ScoreParams) -> np.ndarray:
    """Match credit of topic pairs: cosines `sims`, `strict` (bool, broadcastable)
    where either item is a personal interest. 0 below the related bar, a share
    (`related_credit`) between the related and the same bar, the ramp above."""
    credit = _linear(sims, p.topic_floor, p.topic_full)
    related_bar = np.where(strict, p.personal_related, p.topic_threshold).astype(np.float32)
    same_bar = np.where(strict, p.personal_same, p.topic_same).astype(np.float32)
    credit[sims < same_bar] *= np.float32(p.related_credit)
    credit[sims < related_bar] = 0.0
    return credit


def topic_grade(sim: float, strict: bool, p: ScoreParams) -> str:
    """ "same", "related" or "" for one topic pair (compared in float32, as the credit is)."""
    value = np.float32(sim)
    if value >= np.float32(p.personal_same if strict else p.topic_same):
        return SAME
    if value >= np.float32(p.personal_related if strict else p.topic_threshold):
        return RELATED
    return ""


# Words that make a phrase more than "<modifiers> <head>" ("growing pumpkins and squash").
_FUNCTION_WORDS = frozenset(
    {"and", "or", "of", "for", "in", "on", "with", "to", "the", "a", "an", "at", "by",
     "from", "about", "&", "+", "/", "vs"}
)  # fmt: skip


@lru_cache(maxsize=1 << 16)
def head_word(key: str) -> tuple[int, bool]:
    """(hash of the head word, is one word) of a topic key that reads as
    "<one or two modifiers> <head>" ("sourdough baking" -> baking); (-1, False) else."""
    words = key.split()
    if not words or len(words) > 3 or any(w in _FUNCTION_WORDS for w in words):
        return -1, False
    return hash(words[-1]) & 0x7FFFFFFFFFFF, len(words) == 1


def _heads(facets: Facets) -> tuple[np.ndarray, np.ndarray]:
    """Per phrase id, padding last (U + 1,): its head word's hash (-1: none), one word.

    Facets of an event state come with them (`Vocabulary.heads`, kept per event)."""
    if facets.heads is None or len(facets.heads[0]) != len(facets.phrases) + 1:
        found = [head_word(k) for k in facets.phrases] + [(-1, False)]
        facets.heads = (
            np.fromiter((h for h, _ in found), dtype=np.int64, count=len(found)),
            np.fromiter((one for _, one in found), dtype=bool, count=len(found)),
        )
    return facets.heads


def narrower_lifted(
    facets: Facets, a_ids: np.ndarray, b_ids: np.ndarray, sims: np.ndarray, p: ScoreParams
) -> np.ndarray:
    """Topic cosines `sims` of phrase ids a_ids x b_ids (broadcastable), raised to the
    related bar where one phrase is a narrower kind of the other, said with its head
    word ("photography" / "bird photography", "baking" / "sourdough baking"): the model
    puts such pairs below the strict bar of personal interests, though one is a kind
    of the other. Needs `narrower_floor` of cosine still (a head word alone can mislead)."""
    head, single = _heads(facets)
    ha, hb = head[a_ids], head[b_ids]
    narrower = (ha == hb) & (ha >= 0) & (single[a_ids] | single[b_ids]) & (a_ids != b_ids)
    if not narrower.any():
        return sims
    strict = facets.strict[a_ids] | facets.strict[b_ids]
    bar = np.where(strict, p.personal_related, p.topic_threshold).astype(np.float32)
    lift = narrower & (sims >= np.float32(p.narrower_floor))
    return np.where(lift, np.maximum(sims, bar), sims).astype(np.float32)


def overlap_limited(
    facets: Facets, a_ids: np.ndarray, b_ids: np.ndarray, sims: np.ndarray, p: ScoreParams
) -> np.ndarray:
    """Topic cosines `sims` of phrase ids a_ids x b_ids (broadcastable), lowered where
    the words the two share overstate them (`matcher.word_overlap`): two kinds of one
    thing ("road freight" / "rail freight") stay below the same bar, and so do a narrower
    work topic ("industrial heat pumps" / "heat pumps") or hobby ("road cycling" /
    "cycling") and a work topic about the other ("heat pump controls"); a pair sharing
    only a generic part ("edtech" / "regtech", "B2B SaaS" / "B2B payments") goes one
    grade down. Only pairs at or above their related bar are read word by word."""
    strict = facets.strict[a_ids] | facets.strict[b_ids]
    related = np.where(strict, p.personal_related, p.topic_threshold).astype(np.float32)
    same = np.where(strict, p.personal_same, p.topic_same).astype(np.float32)
    a_all, b_all, related, same, hobby = np.broadcast_arrays(a_ids, b_ids, related, same, strict)
    at = np.nonzero((sims >= related) & (a_all != b_all))
    if not len(at[0]):
        return sims
    phrases = facets.phrases
    count = len(phrases)
    pairs = zip(a_all[at].tolist(), b_all[at].tolist(), strict=True)
    rules = np.fromiter(
        (overlap_rule(phrases[x], phrases[y]) if max(x, y) < count else 0 for x, y in pairs),
        dtype=np.int8,
        count=len(at[0]),
    )
    if not rules.any():
        return sims
    out = np.array(sims, dtype=np.float32, copy=True)
    value, below_same = out[at], np.nextafter(same[at], np.float32(0.0))
    # A narrower kind is related at most, for hobbies as for work topics ("road
    # cycling" / "cycling": readers of the later sets rejected every such hobby pair
    # called the same, 2026-12-06). One about the other is limited for work topics only.
    hobby = hobby[at]
    limit = (rules > 0) & (rules != SHARED_MODIFIER)
    limit &= (rules != ABOUT_IT) | ~hobby
    limited = np.where(limit, np.minimum(value, below_same), value)
    limited = np.where((rules == GENERIC_ONLY) & (value < same[at]), np.float32(0.0), limited)
    out[at] = limited
    return out


def goal_credit(
    sims: np.ndarray,
    need_kind: np.ndarray,
    offer_kind: np.ndarray,
    need_vague: np.ndarray,
    p: ScoreParams,
    named: np.ndarray | None = None,
) -> np.ndarray:
    """Match credit of need / offer pairs: cosines `sims`, the kinds of the needs and
    of the offers (broadcastable), whether each need is vague. Offers that are
    another person's need (kind >= K) meet by kind, and by fit over a lower bar:
    two needs are worded alike less often than a need and an offer. `named`
    (broadcastable, bool): the need names the professional it seeks, whose offers
    meet it over `ScoreParams.named_threshold` (only such a giver's: `role_mask`)."""
    derived = offer_kind >= K
    threshold = np.where(derived, p.derived_threshold, p.goal_threshold).astype(np.float32)
    if named is not None:
        # "Lawyer to set up ESOP before we hire" reads 0.41 like a lawyer's "ESOP set-up
        # for Czech s.r.o. (fixed fee)": the profession named weighs on the wording.
        lower = named & (need_kind % K == _SERVICE) & ~derived
        threshold = np.where(lower, np.float32(p.named_threshold), threshold)
    credit = _linear(sims, p.goal_floor, p.goal_full)
    credit[sims < threshold] = 0.0
    # Role needs are met by the pair's fit instead (`role_credit`), unless the offer
    # says the very same thing (then the words carry the subject, not the kind word).
    worded_alike = sims >= np.float32(p.role_same)
    credit *= COMPATIBLE[need_kind % K, offer_kind] * (
        ~ROLE[need_kind % K] | worded_alike | _worded_service(need_kind, offer_kind)
    )
    credit *= np.where(need_vague, np.float32(VAGUE_WEIGHT), np.float32(1.0))
    return credit


def role_credit(
    sims: np.ndarray,
    need_kind: np.ndarray,
    offer_kind: np.ndarray,
    need_vague: np.ndarray,
    p: ScoreParams,
) -> np.ndarray:
    """1 (or the vague weight) where a role need (capital, hiring, a job, a mentor, ...)
    meets a compatible offer, else 0: the pair's fit decides the rest
    (`matcher.scoring`), because "seed investment" reads like "seed investors"
    whatever field each works in. A mentor sought is met only by mentoring offered
    worded at least `mentor_wording` alike (`sims`, the two phrases' cosines): the
    mentoring words alone make about 0.4, so below that the offer mentors in
    something else ("a mentor who has taken a biotech into the clinic" / "mentoring
    for PMs"), however alike the two people's fields."""
    gate = COMPATIBLE[need_kind % K, offer_kind] * ROLE[need_kind % K]
    gate = gate * ~_worded_service(need_kind, offer_kind)
    mentoring = (need_kind == _MENTOR) & (offer_kind == _MENTOR)
    gate = np.where(mentoring & (sims < np.float32(p.mentor_wording)), np.float32(0.0), gate)
    return (gate * np.where(need_vague, np.float32(VAGUE_WEIGHT), np.float32(1.0))).astype(
        np.float32
    )


_MENTOR = KINDS.index("mentor")
_SERVICE = KINDS.index("service")
_GRANT = KINDS.index("grant")


def _worded_service(need_kind: np.ndarray, offer_kind: np.ndarray) -> np.ndarray:
    """Where a grant sought meets a service (grant writing): by the service's words, not
    by the two people's fit, or any service of a giver in the seeker's field would meet
    it ("founders' agreements (fixed price)" for "small grants or a stipend")."""
    return (need_kind % K == _GRANT) & (offer_kind == _SERVICE)
