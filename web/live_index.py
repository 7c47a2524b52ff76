"""A per-worker cache of one event's matching state, refreshed from the database.

The database is the truth; each worker keeps, per event, the attendees' profiles
and their facet vectors (specificity-weighted topic vector, needs vector, offers
vector) so one sign-up can be matched against 10,000 people in milliseconds. The
cache is checked against a cheap version of the event's attendees (count, highest
id, latest update) on every use: rows changed since are re-read and patched in,
rows gone are dropped, and the specificity weights are recomputed from scratch
once enough of the event has changed (they drift slowly: one new person barely
changes how rare "carbon capture" is).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import Matcher, Profile
from matcher.candidates import facet_vectors
from matcher.facets import Facets, build_facets
from matcher.specificity import (
    DEFAULT_PREVALENCE,
    _weight,
    org_weights,
    prior_prevalence,
    topic_weights,
)
from models import Attendee

log = logging.getLogger(__name__)

REBUILD_SHARE = 0.1  # rebuild the weights once this share of the event changed
REBUILD_MIN = 50

_COLUMNS = (
    Attendee.id,
    Attendee.name,
    Attendee.headline,
    Attendee.interests,
    Attendee.personal_interests,
    Attendee.looking_for,
    Attendee.offering,
    Attendee.organizations,
    Attendee.about,
    Attendee.company,
    Attendee.listed,
    Attendee.updated_at,
)


def _profile(row: Any) -> Profile:
    return Profile(
        id=str(row.id),
        name=row.name,
        headline=row.headline or "",
        interests=list(row.interests or []),
        personal_interests=list(row.personal_interests or []),
        looking_for=list(row.looking_for or []),
        offering=list(row.offering or []),
        organizations=list(row.organizations or []),
        about=row.about or "",
        company=row.company or "",
    )


def _complete(p: Profile) -> bool:
    lists = (p.interests, p.personal_interests, p.looking_for, p.offering, p.organizations)
    return any(lists) or bool(p.about.strip())


def event_version(session: Session, event_id: int) -> tuple[int, int, dt.datetime | None]:
    """(attendee count, highest attendee id, latest update) of an event: one small query."""
    count, max_id, latest = session.execute(
        sa.select(
            sa.func.count(Attendee.id), sa.func.max(Attendee.id), sa.func.max(Attendee.updated_at)
        ).where(Attendee.event_id == event_id)
    ).one()
    return int(count or 0), int(max_id or 0), latest


@dataclass
class EventIndex:
    """Matching state of one event's attendees; row p describes `ids[p]`.

    Vectors are float32 of shape (capacity, dim); rows of removed or incomplete
    attendees are zero and `active[p]` is False.
    """

    event_id: int
    version: tuple[int, int, dt.datetime | None]
    ids: list[int]
    profiles: list[Profile]
    active: np.ndarray  # (capacity,) bool: complete profile, still in the event
    listed: np.ndarray  # (capacity,) bool: may be suggested to others
    topic_vec: np.ndarray
    need_vec: np.ndarray
    offer_vec: np.ndarray
    phrase_weight: dict[str, float]  # normalised topic phrase -> event specificity
    weight_phrases: list[str]
    weight_vectors: np.ndarray  # (T, dim) vectors of the phrases in phrase_weight
    org_weight: dict[str, float]
    population: int  # attendees the weights were computed over
    changed: int = 0  # attendees patched in since the weights were computed
    pos: dict[int, int] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)

    @property
    def n(self) -> int:
        """Rows in use (active or not)."""
        return len(self.ids)


class EventIndexCache:
    """This worker's EventIndex per event, refreshed from the database by version."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._indexes: dict[int, EventIndex] = {}
        self._lock = threading.RLock()

    @property
    def lock(self) -> threading.RLock:
        """Held while an index is read or patched (the dev server is threaded)."""
        return self._lock

    def get(self, session: Session, event_id: int) -> EventIndex:
        """The event's index, brought up to date with the database."""
        with self._lock:
            version = event_version(session, event_id)
            index = self._indexes.get(event_id)
            if index is not None and index.version == version:
                return index
            if index is None or index.changed > max(REBUILD_MIN, REBUILD_SHARE * index.population):
                index = self.build(session, event_id, version)
            else:
                self._patch(session, index, version)
            self._indexes[event_id] = index
            return index

    def forget(self, event_id: int) -> None:
        """Drop an event's index (the next use rebuilds it)."""
        with self._lock:
            self._indexes.pop(event_id, None)

    # -- building -------------------------------------------------------------

    def build(
        self, session: Session, event_id: int, version: tuple[int, int, dt.datetime | None]
    ) -> EventIndex:
        """Read every attendee of the event and compute weights and vectors from scratch."""
        rows = session.execute(
            sa.select(*_COLUMNS).where(Attendee.event_id == event_id).order_by(Attendee.id)
        ).all()
        profiles = [_profile(r) for r in rows]
        complete = [p for p in profiles if _complete(p)]
        m = self.matcher
        facets = build_facets(complete, m.vectors)
        topic_w = topic_weights(facets, m.vectors, m.params.specificity)
        org_w = org_weights(facets, m.params.specificity)
        topic_ids = np.unique(facets.topics.values)
        dim = int(facets.vectors.shape[1])
        cap = max(64, int(len(profiles) * 1.25))
        index = EventIndex(
            event_id=event_id,
            version=version,
            ids=[],
            profiles=[],
            active=np.zeros(cap, dtype=bool),
            listed=np.zeros(cap, dtype=bool),
            topic_vec=np.zeros((cap, dim), dtype=np.float32),
            need_vec=np.zeros((cap, dim), dtype=np.float32),
            offer_vec=np.zeros((cap, dim), dtype=np.float32),
            phrase_weight={facets.phrases[t]: float(topic_w[t]) for t in topic_ids.tolist()},
            weight_phrases=[facets.phrases[t] for t in topic_ids.tolist()],
            weight_vectors=np.ascontiguousarray(facets.vectors[topic_ids]),
            org_weight={key: float(org_w[o]) for o, key in enumerate(facets.org_keys)},
            population=len(complete),
        )
        vecs = (
            facet_vectors(facets, facets.topics, topic_w),
            facet_vectors(facets, facets.needs, None),
            facet_vectors(facets, facets.offers, None),
        )
        row_of = {p.id: r for r, p in enumerate(complete)}
        for row, prof in zip(rows, profiles, strict=True):
            p = self._slot(index, row.id, prof)
            index.listed[p] = bool(row.listed)
            r = row_of.get(prof.id)
            if r is not None:
                index.active[p] = True
                index.topic_vec[p], index.need_vec[p], index.offer_vec[p] = (
                    vecs[0][r],
                    vecs[1][r],
                    vecs[2][r],
                )
        log.info("event %s: matching index built over %d attendees", event_id, len(profiles))
        return index

    def _slot(self, index: EventIndex, attendee_id: int, profile: Profile) -> int:
        p = index.pos.get(attendee_id)
        if p is not None:
            index.profiles[p] = profile
            return p
        p = len(index.ids)
        if p >= len(index.active):
            self._grow(index, max(64, 2 * len(index.active)))
        index.ids.append(attendee_id)
        index.profiles.append(profile)
        index.pos[attendee_id] = p
        return p

    @staticmethod
    def _grow(index: EventIndex, cap: int) -> None:
        for name in ("active", "listed", "topic_vec", "need_vec", "offer_vec"):
            old = getattr(index, name)
            new = np.zeros((cap, *old.shape[1:]), dtype=old.dtype)
            new[: len(old)] = old
            setattr(index, name, new)

    # -- patching -------------------------------------------------------------

    def _patch(
        self, session: Session, index: EventIndex, version: tuple[int, int, dt.datetime | None]
    ) -> None:
        """Re-read attendees changed since the index's version; drop deleted ones."""
        _count, old_max_id, old_latest = index.version
        where = [Attendee.event_id == index.event_id]
        if old_latest is not None:
            where.append(sa.or_(Attendee.updated_at >= old_latest, Attendee.id > old_max_id))
        rows = session.execute(sa.select(*_COLUMNS).where(*where)).all()
        for row in rows:
            self.upsert(index, row.id, _profile(row), bool(row.listed))
        if version[0] != len(index.ids) - len(index.removed):
            present = set(
                session.scalars(sa.select(Attendee.id).where(Attendee.event_id == index.event_id))
            )
            for gone in [a for a in index.ids if a not in present and a not in index.removed]:
                index.removed.add(gone)
                p = index.pos[gone]
                index.active[p] = index.listed[p] = False
                for vecs in (index.topic_vec, index.need_vec, index.offer_vec):
                    vecs[p] = 0.0
        index.version = version

    def upsert(self, index: EventIndex, attendee_id: int, profile: Profile, listed: bool) -> int:
        """Put one attendee's current profile into the index; returns its row."""
        p = index.pos.get(attendee_id)
        if (
            p is not None
            and attendee_id not in index.removed
            and index.profiles[p] == profile
            and bool(index.listed[p]) == listed
        ):
            return p  # re-read but unchanged (same update time as the last version)
        p = self._slot(index, attendee_id, profile)
        index.removed.discard(attendee_id)
        index.listed[p] = listed
        index.changed += 1
        if not _complete(profile):
            index.active[p] = False
            for vecs in (index.topic_vec, index.need_vec, index.offer_vec):
                vecs[p] = 0.0
            return p
        facets = build_facets([profile], self.matcher.vectors)
        topic_w = self.topic_weights_for(index, facets)
        index.active[p] = True
        index.topic_vec[p] = facet_vectors(facets, facets.topics, topic_w)[0]
        index.need_vec[p] = facet_vectors(facets, facets.needs, None)[0]
        index.offer_vec[p] = facet_vectors(facets, facets.offers, None)[0]
        return p

    # -- weights --------------------------------------------------------------

    def topic_weights_for(self, index: EventIndex, facets: Facets) -> np.ndarray:
        """Event specificity of every phrase of `facets`: -> (U + 1,), padding 0.

        Phrases new to the event take the weight of their nearest event phrase of
        the same concept, or that of a concept held by one attendee.
        """
        weights = np.zeros(len(facets.phrases) + 1, dtype=np.float32)
        unknown = []
        for t in np.unique(facets.topics.values).tolist():  # only topics are weighted
            w = index.phrase_weight.get(facets.phrases[t])
            if w is None:
                unknown.append(t)
            else:
                weights[t] = w
        if unknown:
            params = self.matcher.params.specificity
            vecs = facets.vectors[unknown]
            found = np.zeros(len(unknown), dtype=np.float32)
            if len(index.weight_phrases):
                sims = vecs @ index.weight_vectors.T  # (u, T)
                best = sims.argmax(axis=1)
                near = sims[np.arange(len(unknown)), best] >= params.cluster_threshold
                found = np.where(
                    near, [index.phrase_weight[index.weight_phrases[b]] for b in best], 0.0
                ).astype(np.float32)
            else:
                near = np.zeros(len(unknown), dtype=bool)
            prior = prior_prevalence(vecs, self.matcher.vectors, params)
            m = params.prior_strength
            alone = _weight((1.0 + m * prior) / (index.population + 1 + m), params)
            weights[unknown] = np.where(near, found, alone)
        return weights

    def org_weights_for(self, index: EventIndex, facets: Facets) -> np.ndarray:
        """Event specificity of every organization of `facets`: -> (n_orgs,)."""
        params = self.matcher.params.specificity
        m = params.prior_strength
        alone = float(
            _weight(
                np.array([(1.0 + m * DEFAULT_PREVALENCE) / (index.population + 1 + m)]), params
            )[0]
        )
        return np.array(
            [index.org_weight.get(k, alone) for k in facets.org_keys],
            dtype=np.float32,
        )
