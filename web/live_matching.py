"""Suggestions for one changed attendee, without recomputing the whole event.

After a sign-up or a profile edit in a large event, only that attendee's own list
is recomputed, and they are inserted into the lists of the people they now rank
for; everyone else's list stays as the last full run left it. Candidates come from
the worker's cached EventIndex (web.live_index), pair scores and explanations
from the same matcher code as a full run, with the event's specificity weights.

Approximations, each corrected by the next full run (the organizer's "Run
matching"): specificity weights are those of the last index build; the exposure
cap is respected for the changed attendee and for the people suggested to them,
but a list the attendee enters loses its lowest suggestion without that person
being offered elsewhere.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import Matcher, Profile
from matcher.explain import explain
from matcher.facets import Facets, build_facets
from matcher.scoring import score_pairs
from matcher.starters import make_starters
from models import Contact, Event, PairExclusion, Suggestion
from web.live_index import EventIndex, EventIndexCache

log = logging.getLogger(__name__)

TOPIC_CANDIDATES = 60  # nearest profiles by weighted topic vector (a full run: 40)
GOAL_CANDIDATES = 15  # nearest offers for my needs, and needs for my offers (a full run: 10)


@dataclass
class LiveResult:
    """What one incremental update wrote."""

    own: int  # suggestions in the attendee's own list
    inserted: int  # lists of others the attendee entered
    candidates: int


def _top(sims: np.ndarray, allowed: np.ndarray, k: int) -> np.ndarray:
    """Rows of the `k` highest positive `sims` among `allowed`: (n,), (n,) -> (<=k,)."""
    sims = np.where(allowed & (sims > 0), sims, -np.inf)
    k = min(k, int(np.isfinite(sims).sum()))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(-sims, k - 1)[:k]
    return top[np.argsort(-sims[top], kind="stable")]


def candidates(index: EventIndex, p: int) -> np.ndarray:
    """Index rows worth scoring against row `p` (never `p` itself): -> (C,) int64."""
    n = index.n
    allowed = index.active[:n].copy()
    allowed[p] = False
    parts = [_top(index.topic_vec[:n] @ index.topic_vec[p], allowed, TOPIC_CANDIDATES)]
    if index.need_vec[p].any():
        parts.append(_top(index.offer_vec[:n] @ index.need_vec[p], allowed, GOAL_CANDIDATES))
    if index.offer_vec[p].any():
        parts.append(_top(index.need_vec[:n] @ index.offer_vec[p], allowed, GOAL_CANDIDATES))
    return np.array(list(dict.fromkeys(np.concatenate(parts).tolist())), dtype=np.int64)


def _blocked(session: Session, attendee_id: int) -> set[int]:
    """People never to pair with `attendee_id`: saved contacts and declines, either way."""
    out: set[int] = set()
    for a, b in (
        (Contact.owner_id, Contact.other_id),
        (PairExclusion.attendee_id, PairExclusion.other_id),
    ):
        for x, y in session.execute(
            sa.select(a, b).where(sa.or_(a == attendee_id, b == attendee_id))
        ):
            out.add(int(y) if int(x) == attendee_id else int(x))
    return out


@dataclass
class _Pool:
    """The changed attendee (position 0) and their candidates (1..C), ready to score."""

    ids: list[int]  # attendee ids of the candidates
    profiles: list[Profile]  # [attendee, *candidates]
    facets: Facets
    topic_w: np.ndarray
    org_w: np.ndarray
    listed: np.ndarray  # (C,) bool: candidate may be suggested
    me_listed: bool
    vectors: np.ndarray  # (C + 1, d) topic vectors, for diversity


def _pool(
    session: Session, event_id: int, attendee_id: int, cache: EventIndexCache
) -> _Pool | None:
    with cache.lock:
        index = cache.get(session, event_id)
        p = index.pos.get(attendee_id)
        if p is None or not index.active[p]:
            return None
        rows = candidates(index, p)
        if len(rows) == 0:
            return None
        profiles = [index.profiles[p]] + [index.profiles[int(r)] for r in rows]
        facets = build_facets(profiles, cache.matcher.vectors)
        return _Pool(
            ids=[index.ids[int(r)] for r in rows],
            profiles=profiles,
            facets=facets,
            topic_w=cache.topic_weights_for(index, facets),
            org_w=cache.org_weights_for(index, facets),
            listed=index.listed[rows].copy(),
            me_listed=bool(index.listed[p]),
            vectors=np.concatenate([index.topic_vec[p : p + 1], index.topic_vec[rows]]),
        )


def update_attendee(
    session: Session, event: Event, attendee_id: int, cache: EventIndexCache
) -> LiveResult:
    """Recompute `attendee_id`'s suggestions and place them in others' lists. Flushes only."""
    matcher: Matcher = cache.matcher
    params = matcher.params
    pool = _pool(session, event.id, attendee_id, cache)
    # The pool is built before this session writes anything: building it may encode
    # new phrases, which the phrase store saves in a session of its own (SQLite has
    # one writer at a time).
    # Two statements, one per index: with "event_id AND (attendee OR other)" SQLite
    # scans every suggestion of the event (~45 ms at 10,000 attendees).
    for column in (Suggestion.attendee_id, Suggestion.other_id):
        session.execute(sa.delete(Suggestion).where(column == attendee_id))
    if pool is None:
        session.flush()
        return LiveResult(0, 0, 0)
    facets, topic_w, profiles, other_ids = pool.facets, pool.topic_w, pool.profiles, pool.ids
    others = np.arange(1, len(other_ids) + 1)
    mine = np.zeros(len(other_ids), dtype=np.int64)
    scores = score_pairs(facets, topic_w, pool.org_w, mine, others, params.score)
    blocked = _blocked(session, attendee_id)
    ok = scores.has_reason() & np.array([o not in blocked for o in other_ids], dtype=bool)
    if event.exclude_same_company:
        company = facets.company[0]
        ok &= ~((company >= 0) & (facets.company[others] == company))
    k = event.suggestions_per_attendee
    cap = event.exposure_cap if event.exposure_cap is not None else params.exposure_factor * k

    def detail(a: int, b: int, score: float) -> dict[str, object]:
        cg = explain(facets, topic_w, a, b, score, params.score)
        cg.starters = list(make_starters(profiles[a], profiles[b], cg, n=3))
        return cg.to_dict()

    own = _own_list(session, other_ids, ok & pool.listed, cap)
    own_written = 0
    if own:
        picked = _varied(own, scores.score, pool.vectors, k, params.diversity)
        for rank, e in enumerate(picked, start=1):
            session.add(
                Suggestion(
                    event_id=event.id,
                    attendee_id=attendee_id,
                    other_id=other_ids[e],
                    rank=rank,
                    score=float(scores.score[e]),
                    detail=detail(0, e + 1, float(scores.score[e])),
                )
            )
            own_written += 1
    inserted = 0
    if pool.me_listed:
        inserted = _enter_lists(
            session, event, attendee_id, other_ids, scores.score, ok, k, cap, detail
        )
    session.flush()
    return LiveResult(own_written, inserted, len(other_ids))


def _varied(
    pool: list[int], score: np.ndarray, vectors: np.ndarray, k: int, strength: float
) -> list[int]:
    """Up to `k` of `pool`, best first, a near-duplicate of an earlier pick losing utility.

    The same maximal-marginal-relevance rule as a full run's lists (matcher.diversity),
    for one receiver: vectors[e + 1] is the topic vector of candidate e.
    """
    onset = 0.5
    base = score[pool].astype(np.float32)
    vecs = vectors[np.array(pool) + 1]  # (M, d)
    redundancy = np.zeros(len(pool), dtype=np.float32)
    free = np.ones(len(pool), dtype=bool)
    picked: list[int] = []
    for _ in range(min(k, len(pool))):
        adjusted = np.where(free, base * (1 - strength * redundancy), -np.inf)
        best = int(np.argmax(adjusted))
        picked.append(pool[best])
        free[best] = False
        sims = vecs @ vecs[best]
        redundancy = np.maximum(redundancy, np.clip((sims - onset) / (1 - onset), 0.0, 1.0))
    return sorted(picked, key=lambda e: -float(score[e]))


def _own_list(session: Session, other_ids: list[int], allowed: np.ndarray, cap: int) -> list[int]:
    """Candidate positions the attendee may be shown: allowed, and under the exposure cap."""
    pool = [int(e) for e in np.flatnonzero(allowed)]
    if not pool:
        return []
    load = dict(
        session.execute(
            # The candidates are attendees of this event, so other_id alone selects
            # (and lets SQLite use its index instead of scanning the event's rows).
            sa.select(Suggestion.other_id, sa.func.count(Suggestion.id))
            .where(Suggestion.other_id.in_([other_ids[e] for e in pool]))
            .group_by(Suggestion.other_id)
        ).all()
    )
    return [e for e in pool if int(load.get(other_ids[e], 0)) < cap]


def _enter_lists(
    session: Session,
    event: Event,
    attendee_id: int,
    other_ids: list[int],
    score: np.ndarray,
    allowed: np.ndarray,
    k: int,
    cap: int,
    detail,  # noqa: ANN001 - (a, b, score) -> JSON detail
) -> int:
    """Insert the attendee into others' lists where they now rank, up to the exposure cap."""
    pool = [int(e) for e in np.flatnonzero(allowed)]
    if not pool or cap <= 0:
        return 0
    receivers = [other_ids[e] for e in pool]
    # receiver -> [(score, old row id or None, old rank, new row or None)]
    lists: dict[int, list[tuple[float, int | None, int, Suggestion | None]]] = {
        r: [] for r in receivers
    }
    for sid, owner, s, rank in session.execute(
        sa.select(Suggestion.id, Suggestion.attendee_id, Suggestion.score, Suggestion.rank).where(
            Suggestion.attendee_id.in_(receivers)
        )
    ):
        lists[int(owner)].append((float(s), int(sid), int(rank), None))
    inserted = 0
    touched: list[int] = []
    for e in sorted(pool, key=lambda e: -float(score[e])):
        if inserted >= cap:
            break
        r, s = other_ids[e], float(score[e])
        current = lists[r]
        if len(current) >= k:
            worst = min(current, key=lambda x: x[0])
            if s <= worst[0]:
                continue
            session.execute(sa.delete(Suggestion).where(Suggestion.id == worst[1]))
            current.remove(worst)
        row = Suggestion(
            event_id=event.id,
            attendee_id=r,
            other_id=attendee_id,
            score=s,
            detail=detail(e + 1, 0, s),
        )
        current.append((s, None, 0, row))
        touched.append(r)
        inserted += 1
    updates = []
    for r in touched:
        for rank, (_, sid, old_rank, row) in enumerate(
            sorted(lists[r], key=lambda x: -x[0]), start=1
        ):
            if row is not None:
                row.rank = rank
                session.add(row)
            elif rank != old_rank:
                updates.append({"id": sid, "rank": rank})
    if updates:
        session.execute(sa.update(Suggestion), updates)
    return inserted
