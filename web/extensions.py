"""The worker's long-lived objects, bound to the app: the matcher and its caches.

Services (web/services) take these as arguments; views and commands get them here.
Work that follows a request's commit is a job (web/tasks.py, web/queue.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app

from matcher import (
    Encoder,
    Matcher,
    MatchParams,
    OnnxEncoder,
    SentenceTransformerEncoder,
    warm_up_language,
)
from web.services.model_check import check_model
from web.services.store import DatabaseStore, preload_phrases

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Create this worker's matcher (the configured encoder over the database store)."""
    encoder = app.config.get("MATCHER_ENCODER")
    if not encoder:
        encoder = _configured_encoder(app)
        # A missing or broken model stops the worker at start, naming MATCHER_MODEL.
        check_model(
            app.config["MATCHER_MODEL"], encoder, warm_up=bool(app.config.get("MATCHER_WARM_UP"))
        )
    sessions = app.extensions["cg_sessions"]
    store = DatabaseStore(sessions)
    params = MatchParams(processes=app.config.get("MATCHER_PROCESSES"))
    matcher = Matcher(encoder=encoder, store=store, params=params)
    app.extensions["cg_matcher"] = matcher
    app.extensions["cg_app"] = app
    if app.config.get("MATCHER_WARM_UP"):
        preload_phrases(matcher, store)
        warm_up_language()  # my page tells the profile's language (web.services.languages)


def _configured_encoder(app: Flask) -> Encoder:
    """The encoder MATCHER_BACKEND names for MATCHER_MODEL."""
    model = app.config["MATCHER_MODEL"]
    if app.config.get("MATCHER_BACKEND", "torch") == "onnx":
        return OnnxEncoder(model, cache_dir=Path(app.instance_path) / "onnx")
    return SentenceTransformerEncoder(model)


def this_app() -> Flask:
    """The app object behind `current_app`, for a thread that outlives the request."""
    app: Flask = current_app.extensions["cg_app"]
    return app


def get_matcher() -> Matcher:
    """This worker's matcher."""
    matcher: Matcher = current_app.extensions["cg_matcher"]
    return matcher
