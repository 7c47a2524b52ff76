"""Glue between the database and the matcher: profiles, the embedding store, suggestions."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from matcher import CommonGround, Encoder, Matcher, OnnxEncoder, Profile, SentenceTransformerEncoder
from matcher.matcher import MatchParams
from models import Attendee, Contact, Event, PairExclusion, PhraseEmbedding, Suggestion
from web.live_index import EventIndexCache
from web.live_matching import update_attendee

log = logging.getLogger(__name__)


def text_key(text: str) -> str:
    """The stored key of a normalised phrase."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DatabaseStore:
    """Phrase vectors persisted in `phrase_embeddings`, shared by every worker.

    Uses its own short transactions: the cache is valid whatever the request does.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def load(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Known vectors among `texts`."""
        found: dict[str, np.ndarray] = {}
        keys = {text_key(t): t for t in texts}
        key_list = list(keys)
        with self.sessions() as session:
            for start in range(0, len(key_list), 500):
                chunk = key_list[start : start + 500]
                rows = session.execute(
                    sa.select(PhraseEmbedding.text_hash, PhraseEmbedding.vector).where(
                        PhraseEmbedding.model == model, PhraseEmbedding.text_hash.in_(chunk)
                    )
                )
                for key, blob in rows:
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def load_all(self, model: str, limit: int) -> tuple[list[str], np.ndarray]:
        """The most recently stored vectors of `model`, up to `limit`: (texts, (n, d))."""
        with self.sessions() as session:
            rows = session.execute(
                sa.select(PhraseEmbedding.text, PhraseEmbedding.vector)
                .where(PhraseEmbedding.model == model)
                .order_by(PhraseEmbedding.id.desc())
                .limit(limit)
            ).all()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [r[0] for r in rows], np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])

    def save(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Insert new vectors; a phrase another worker saved first is kept as is."""
        if not vectors:
            return
        rows = [
            {
                "model": model,
                "text_hash": text_key(text),
                "text": text,
                "dim": int(vec.shape[0]),
                "vector": np.asarray(vec, dtype=np.float32).tobytes(),
            }
            for text, vec in vectors.items()
        ]
        with self.sessions() as session:
            dialect = session.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            for start in range(0, len(rows), 500):
                stmt = insert(PhraseEmbedding).values(rows[start : start + 500])
                session.execute(stmt.on_conflict_do_nothing())
            session.commit()


def init_app(app: Flask) -> None:
    """Create this worker's matcher: the configured encoder over the database store."""
    encoder = app.config.get("MATCHER_ENCODER")
    if not encoder:
        from web.model_check import check_model

        encoder = _configured_encoder(app)
        # A missing or broken model stops the worker at start, naming MATCHER_MODEL.
        check_model(
            app.config["MATCHER_MODEL"], encoder, warm_up=bool(app.config.get("MATCHER_WARM_UP"))
        )
    store = DatabaseStore(app.extensions["cg_sessions"])
    params = MatchParams(processes=app.config.get("MATCHER_PROCESSES"))
    matcher = Matcher(encoder=encoder, store=store, params=params)
    app.extensions["cg_matcher"] = matcher
    if app.config.get("MATCHER_WARM_UP"):
        preload_phrases(matcher, store)


def _configured_encoder(app: Flask) -> Encoder:
    """The encoder MATCHER_BACKEND names for MATCHER_MODEL."""
    model = app.config["MATCHER_MODEL"]
    if app.config.get("MATCHER_BACKEND", "torch") == "onnx":
        return OnnxEncoder(model, cache_dir=Path(app.instance_path) / "onnx")
    return SentenceTransformerEncoder(model)


# A worker preloads at most this many stored phrase vectors (about 1.5 KB each).
PRELOAD_LIMIT = 200_000


def preload_phrases(matcher: Matcher, store: DatabaseStore) -> int:
    """Read the stored phrase vectors of this worker's model into its phrase table.

    Then a scan page or sign-up needs no database round trip for known phrases.
    Best effort: a database not migrated yet (init-db) or unreachable just skips it.
    """
    try:
        texts, vectors = store.load_all(matcher.vectors.model, PRELOAD_LIMIT)
    except sa.exc.SQLAlchemyError as exc:
        log.warning("phrase vectors not preloaded: %s", exc.__class__.__name__)
        return 0
    added = matcher.vectors.remember(texts, vectors) if texts else 0
    log.info("preloaded %d stored phrase vectors", added)
    return added


def get_matcher() -> Matcher:
    """This worker's matcher."""
    matcher: Matcher = current_app.extensions["cg_matcher"]
    return matcher


def profile_of(attendee: Attendee) -> Profile:
    """The matcher's view of an attendee."""
    return Profile(
        id=str(attendee.id),
        name=attendee.name,
        headline=attendee.headline,
        interests=list(attendee.interests),
        personal_interests=list(attendee.personal_interests),
        looking_for=list(attendee.looking_for),
        offering=list(attendee.offering),
        organizations=list(attendee.organizations),
        about=attendee.about,
        company=attendee.company,
    )


def pair_common_ground(a: Attendee, b: Attendee) -> CommonGround:
    """What `a` and `b` have in common, from `a`'s point of view."""
    return get_matcher().common_ground(profile_of(a), profile_of(b))


def met_or_declined_pairs(session: Session, event: Event) -> set[tuple[str, str]]:
    """Pairs never to suggest: saved contacts (met) and declined pairs, as id strings."""
    pairs: set[tuple[str, str]] = set()
    contacts = session.execute(
        sa.select(Contact.owner_id, Contact.other_id).where(Contact.event_id == event.id)
    )
    declined = session.execute(
        sa.select(PairExclusion.attendee_id, PairExclusion.other_id)
        .join(Attendee, Attendee.id == PairExclusion.attendee_id)
        .where(Attendee.event_id == event.id)
    )
    for owner, other in [*contacts, *declined]:
        pairs.add((str(owner), str(other)))
    return pairs


def lock_event(session: Session, event: Event) -> None:
    """Serialise suggestion writers of one event until this transaction ends (PostgreSQL).

    Concurrent refreshes would otherwise delete and insert the same rows (unique
    violations) and a slow one could store a list computed before a newer sign-up.
    Taken before reading attendees, so the last writer sees every committed sign-up.
    NO KEY UPDATE does not block sign-ups inserting rows that reference the event.
    SQLite needs nothing: it has one writer at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            sa.select(Event.id).where(Event.id == event.id).with_for_update(key_share=True)
        )


def refresh_suggestions(
    session: Session, event: Event, progress: Callable[[str, float], None] | None = None
) -> int:
    """Recompute and store every attendee's suggestions for `event`; returns how many.

    Flushes only; the caller's transaction boundary commits.
    """
    lock_event(session, event)
    attendees = session.scalars(
        sa.select(Attendee).where(Attendee.event_id == event.id).order_by(Attendee.id)
    ).all()
    if progress:
        progress("loading", 0.05)
    profiles = [profile_of(a) for a in attendees if a.is_complete]
    result = get_matcher().suggest(
        profiles,
        k=event.suggestions_per_attendee,
        exclude=met_or_declined_pairs(session, event),
        hidden=[str(a.id) for a in attendees if not a.listed],
        max_exposure=event.exposure_cap,
        exclude_same_company=event.exclude_same_company,
        progress=(lambda phase, f: progress(phase, 0.05 + 0.85 * f)) if progress else None,
    )
    if progress:
        progress("saving", 0.9)
    session.execute(sa.delete(Suggestion).where(Suggestion.event_id == event.id))
    rows = [
        {
            "event_id": event.id,
            "attendee_id": int(attendee_id),
            "other_id": int(s.other_id),
            "rank": rank,
            "score": float(s.score),
            "detail": s.common_ground.to_dict(),
        }
        for attendee_id, suggestions in result.items()
        for rank, s in enumerate(suggestions, start=1)
    ]
    # Core executemany in batches: the ORM's unit of work for 50,000 objects took
    # longer than the matching itself.
    for start in range(0, len(rows), 5000):
        session.execute(sa.insert(Suggestion), rows[start : start + 5000])
    count = len(rows)
    session.flush()
    if progress:
        progress("done", 1.0)
    log.info("event %s: %d suggestions for %d attendees", event.slug, count, len(profiles))
    return count


# Below this many attendees a sign-up recomputes the whole event (exact, and cheap).
INCREMENTAL_FROM = 200


def live_index() -> EventIndexCache:
    """This worker's cache of event indexes for incremental matching."""
    cache: EventIndexCache | None = current_app.extensions.get("cg_live_index")
    if cache is None:
        cache = current_app.extensions.setdefault("cg_live_index", EventIndexCache(get_matcher()))
    return cache


def refresh_for_attendee(session: Session, event: Event, attendee_id: int) -> None:
    """Bring suggestions up to date after one attendee signed up or changed their profile.

    Events smaller than MATCHING_INCREMENTAL_FROM (default 200) are recomputed whole;
    larger ones update only this attendee's list and the lists they now rank in
    (web.live_matching), which takes milliseconds instead of minutes. Flushes only.
    """
    threshold = int(current_app.config.get("MATCHING_INCREMENTAL_FROM", INCREMENTAL_FROM))
    lock_event(session, event)
    count = session.scalar(
        sa.select(sa.func.count(Attendee.id)).where(Attendee.event_id == event.id)
    )
    if int(count or 0) < threshold:
        refresh_suggestions(session, event)
        return
    result = update_attendee(session, event, attendee_id, live_index())
    log.info(
        "event %s: attendee %s has %d suggestions, entered %d lists (%d candidates)",
        event.slug,
        attendee_id,
        result.own,
        result.inserted,
        result.candidates,
    )
