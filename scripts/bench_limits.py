"""What a rate limit costs a request: the scan page with limits off, counted in memory
(ours, and limits' own memory storage) and in Redis, in one process.

    .venv/bin/python scripts/bench_limits.py [--requests 400] [--batches 9]

Each configuration serves `--batches` batches of `--requests` scans of an unknown
badge (a 404 is the cheapest page: the limit's share is the largest) from 250
client addresses; the fastest batch is reported, and its ratio to limits off.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _per_request_ms(database: Path, requests: int, batches: int, **config: Any) -> float:
    from models.migrate import upgrade
    from web import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "DATABASE_URL": f"sqlite:///{database}",
            "MATCHER_ENCODER": object(),  # never used by a scan of an unknown badge
            **config,
        }
    )
    upgrade(app.extensions["cg_engine"])
    client = app.test_client()
    for _ in range(200):  # warm
        client.get("/b/not-a-badge")
    best = float("inf")
    for _ in range(batches):
        started = time.perf_counter()
        for i in range(requests):
            client.get("/b/not-a-badge", environ_base={"REMOTE_ADDR": f"10.0.{i % 250}.1"})
        best = min(best, (time.perf_counter() - started) / requests * 1000)
    app.extensions["cg_engine"].dispose()
    return best


def main() -> None:
    """Print one line per configuration: ms per request and the ratio to limits off."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--batches", type=int, default=9)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    configs: dict[str, dict[str, Any]] = {
        "limits off": {"RATELIMIT_ENABLED": False},
        "memory (ours, cg-memory://)": {},
        "memory (limits' memory://)": {"RATELIMIT_STORAGE_URI": "memory://"},
        "redis": {"REDIS_URL": args.redis, "RATELIMIT_KEY_PREFIX": "cg-bench"},
    }
    with tempfile.TemporaryDirectory() as folder:
        results = {
            name: _per_request_ms(Path(folder) / f"{i}.db", args.requests, args.batches, **cfg)
            for i, (name, cfg) in enumerate(configs.items())
        }
    base = results["limits off"]
    for name, ms in results.items():
        print(f"{name:30} {ms:6.3f} ms/request  x{ms / base:.2f}")


if __name__ == "__main__":
    main()
