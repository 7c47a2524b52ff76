"""The database-backed store of phrase vectors, shared by every worker of every event."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from matcher import Matcher
from models import PhraseEmbedding

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
            bind = session.get_bind()
            if bind.dialect.name == "sqlite":
                _save_sqlite(bind.engine, rows)
                return
            for start in range(0, len(rows), 500):
                stmt = pg_insert(PhraseEmbedding).values(rows[start : start + 500])
                session.execute(stmt.on_conflict_do_nothing())
            session.commit()


def _save_sqlite(engine: sa.Engine, rows: list[dict[str, object]]) -> None:
    """SQLite has one writer: when another transaction writes (often the very request
    that needs these vectors, which would wait on itself), skip the save at once
    instead of waiting. The vectors stay in this worker's phrase table; the next save,
    here or in another worker, stores them. One connection throughout, so its usual
    busy timeout is restored before it goes back to the pool."""
    with engine.connect() as conn:
        previous = conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0
        conn.exec_driver_sql("PRAGMA busy_timeout = 0")
        conn.commit()  # the pragmas' autobegun transaction, before our own
        try:
            with conn.begin():
                for start in range(0, len(rows), 500):
                    stmt = sqlite_insert(PhraseEmbedding).values(rows[start : start + 500])
                    conn.execute(stmt.on_conflict_do_nothing())
        except sa.exc.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            log.info("phrase vectors not stored this time: the database is busy writing")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(previous)}")
            conn.commit()


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
