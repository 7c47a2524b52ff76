"""The same sentence-transformers model run by ONNX Runtime: the same vectors, faster.

The model's transformer is exported once to an ONNX graph, cached on disk under a
key made of the model's files and the torch version. Tokenising, mean pooling and
normalising stay those of sentence-transformers. On the 2-core benchmark machine the
bundled model encodes about twice as fast this way. The vectors agree with
`SentenceTransformerEncoder`'s to about 1e-6; `scripts/bench.py` prints the
agreement. So both encoders store their vectors under the same model name.

Chosen with `MATCHER_BACKEND=onnx` in the web app. Models other than the plain
transformer -> mean pooling (-> normalise) shape are refused with a clear message.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matcher.encoding import (
    BUNDLED_MODEL,
    FEW_TEXTS,
    ModelUnavailable,
    _load,
    dimension,
    resolve_model_path,
)

log = logging.getLogger(__name__)

# Bump when the exported graph's shape changes, so old cached files are not reused.
_EXPORT_VERSION = 1
_OPSET = 17


def default_cache_dir() -> Path:
    """Where exported graphs are kept unless told otherwise."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "commonground" / "onnx"


class OnnxEncoder:
    """Encodes with ONNX Runtime. The model loads (and exports) on first use."""

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        batch_size: int = 64,
        cache_dir: str | Path | None = None,
        threads: int | None = None,
    ) -> None:
        self.name = model or BUNDLED_MODEL
        self.batch_size = batch_size
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.threads = threads
        self._sessions: dict[int, Any] = {}
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model, export it if needed and open its session now."""
        self._session(self._many_threads())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts` -> float32 array of shape (len(texts), dim), rows L2-normalised."""
        model = _load(self.name)
        if not texts:
            return np.zeros((0, dimension(model)), dtype=np.float32)
        # A sign-up's few phrases on one thread, as the torch encoder does (a second
        # thread waiting for a busy core costs more than it gains).
        session = self._session(1 if len(texts) <= FEW_TEXTS else self._many_threads())
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: np.ndarray | None = None
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            vectors = _run(model, session, [texts[i] for i in chunk])
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[chunk] = vectors
        assert out is not None
        return out

    def _many_threads(self) -> int:
        if self.threads is not None:
            return max(1, self.threads)
        import torch

        return max(1, torch.get_num_threads())  # the same threads as the torch encoder

    def _session(self, threads: int) -> Any:
        session = self._sessions.get(threads)
        if session is not None:
            return session
        with self._lock:
            if threads not in self._sessions:
                path = exported_graph(self.name, self.cache_dir)
                self._sessions[threads] = _open(path, threads)
            return self._sessions[threads]


def _run(model: Any, session: Any, texts: list[str]) -> np.ndarray:
    """One batch: tokenise as sentence-transformers does, run, mean-pool, normalise."""
    features = _tokens(model, texts)
    names = [i.name for i in session.get_inputs()]
    feeds = {name: features[name].numpy().astype(np.int64) for name in names}
    hidden = session.run(None, feeds)[0]
    mask = feeds["attention_mask"][..., None].astype(np.float32)
    pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


def _tokens(model: Any, texts: list[str]) -> Any:
    """Token ids exactly as sentence-transformers makes them (`preprocess` since 5.x)."""
    prepare = getattr(model, "preprocess", None) or model.tokenize
    return prepare(texts)


def _open(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _check_shape(model: Any, name: str) -> None:
    """Refuse models this encoder would pool differently from sentence-transformers."""
    modules = list(model)
    kinds = [{c.__name__ for c in type(m).__mro__} for m in modules]  # by name: the
    # module paths moved between sentence-transformers releases
    mode = ""
    if len(modules) >= 2 and "Pooling" in kinds[1]:
        pooling = modules[1]
        mode = str(getattr(pooling, "pooling_mode", "") or pooling.get_pooling_mode_str())
    fits = (
        len(modules) in (2, 3)
        and "Transformer" in kinds[0]
        and mode == "mean"
        and all("Normalize" in k for k in kinds[2:])
    )
    if not fits:
        shape = " -> ".join(type(m).__name__ for m in modules)
        raise ModelUnavailable(
            "MATCHER_BACKEND=onnx supports models made of a transformer, mean pooling and "
            f"normalisation; {name!r} is {shape} (pooling {mode or 'other'}). Unset "
            "MATCHER_BACKEND to use the torch encoder."
        )


def exported_graph(name: str, cache_dir: Path) -> Path:
    """The ONNX graph of model `name`'s transformer, exported now if not cached."""
    model = _load(name)
    _check_shape(model, name)
    path = cache_dir / f"{_cache_key(name)}.onnx"
    if path.exists():
        return path
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _export(model, path)
    except OSError as exc:
        raise ModelUnavailable(
            f"MATCHER_BACKEND=onnx could not write its exported model to {cache_dir} ({exc}). "
            "Make that folder writable, or unset MATCHER_BACKEND to use the torch encoder."
        ) from exc
    return path


def _cache_key(name: str) -> str:
    """The model's folder name plus a digest of its files and the exporter's versions."""
    import torch

    folder = Path(resolve_model_path(name)).expanduser()
    digest = hashlib.sha256(f"{_EXPORT_VERSION}|{_OPSET}|{torch.__version__}|{folder}".encode())
    if folder.is_dir():
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                stat = file.stat()
                digest.update(
                    f"|{file.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return f"{folder.name or 'model'}-{digest.hexdigest()[:16]}"


def _export(model: Any, path: Path) -> None:
    """Export the transformer (token ids -> token embeddings); written atomically, so
    workers starting together never read a half-written file."""
    import torch

    transformer = model[0].auto_model.eval()
    sample = _tokens(model, ["a phrase to trace", "another"])
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

    class _Tokens(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            return self.inner(**dict(zip(names, tensors, strict=True))).last_hidden_state

    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "hidden"]}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    log.info("exporting %s to ONNX at %s", path.stem, path)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on control flow
            torch.onnx.export(
                _Tokens(),
                tuple(sample[n] for n in names),
                str(tmp),
                input_names=names,
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=_OPSET,
                dynamo=False,
            )
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
