"""The real app with the fake encoder, for tests that start it as a process (gunicorn, CLI).

`gunicorn 'served_app:create_app()'` or `flask --app served_app:create_app match SLUG`
with `tests/` on PYTHONPATH. FAKE_ENCODER_DELAY (seconds) slows every encode call, so a
test can interrupt a matching run while it works.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import numpy as np
from conftest import FakeEncoder
from flask import Flask


class SlowFakeEncoder(FakeEncoder):
    """The fake encoder, optionally sleeping on every call."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        time.sleep(float(os.environ.get("FAKE_ENCODER_DELAY", "0")))
        return super().encode(texts)


def create_app() -> Flask:
    """The app from the environment (DATABASE_URL, SECRET_KEY...), with the fake encoder."""
    from web import create_app as real_create_app

    config: dict[str, object] = {"MATCHER_ENCODER": SlowFakeEncoder()}
    if os.environ.get("MATCHING_INCREMENTAL_FROM"):
        config["MATCHING_INCREMENTAL_FROM"] = int(os.environ["MATCHING_INCREMENTAL_FROM"])
    return real_create_app(config)
