"""Fail fast on a missing or broken embedding model, naming the setting to fix.

`create_app` calls `check_model` when it builds the real encoder, so a gunicorn
worker (or `commonground run`) stops at start with a message naming MATCHER_MODEL
instead of serving sign-ups that can never be matched. The check is cheap (files
only); with MATCHER_WARM_UP=1 the model is also loaded at start, which catches
corrupt weights too and spares the first request the loading time.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from matcher import BUNDLED_MODEL, ModelUnavailable, resolve_model_path

log = logging.getLogger(__name__)

WEIGHTS = ("model.safetensors", "pytorch_model.bin")


def _problem(path: Path) -> str | None:
    if not path.is_dir():
        return "the folder does not exist"
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        return "it has no modules.json or config.json (not a sentence-transformers model)"
    weights = [path / w for w in WEIGHTS if (path / w).is_file()]
    if not weights and not any(path.glob("*.safetensors")) and not any(path.glob("*/")):
        return f"it has no model weights ({' or '.join(WEIGHTS)})"
    if any(w.stat().st_size == 0 for w in weights):
        return "its weights file is empty"
    return None


def check_model(model: str, encoder: Any, warm_up: bool = False) -> None:
    """Raise ModelUnavailable (naming MATCHER_MODEL) when `model` cannot be used;
    `encoder`: the one the worker will use, warmed up here with `warm_up`."""
    path_text = resolve_model_path(model)
    looks_local = path_text.startswith(("/", ".", "~"))  # else a hub name (cached offline)
    path = Path(path_text).expanduser()
    if looks_local or path.exists():
        problem = _problem(path)
        if problem:
            raise ModelUnavailable(
                f"MATCHER_MODEL={model!r} cannot be used: {problem} ({path}). "
                "Set MATCHER_MODEL to a local sentence-transformers model folder, "
                f"or unset it to use the bundled model ({BUNDLED_MODEL})."
            )
    if warm_up:
        # Raises ModelUnavailable, naming the setting (with MATCHER_BACKEND=onnx the
        # warm-up also exports the model, once).
        encoder.warm_up()
    log.info("embedding model %s is available", model)
