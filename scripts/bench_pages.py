"""Scan page and my page on one prebuilt event: CPU per request and HTTP under load.

bench.py sections 4-5 build their 10,000-person event each run (embedding its
22,000 texts takes half an hour on the shared machine). This builds it once into a
SQLite file and measures on a copy each time, so two trees can be compared on the
same event, alternating (issue 17):

    .venv/bin/python scripts/bench_pages.py build /tmp/e10k.db --size 10000
    .venv/bin/python scripts/bench_pages.py cpu /tmp/e10k.db --root /path/to/other/tree
    .venv/bin/python scripts/bench_pages.py http /tmp/e10k.db --seconds 15

`--root` is the tree whose `web` serves (default: this one); the benchmark code is
this tree's. `cpu`: requests through the Flask test client, process CPU time per
request and SQL statements per request. `http`: gunicorn -w 2 and wrk (64
connections), /healthz first in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _bench(root: Path, db: str) -> Any:
    """The event in `db` (with its tokens from `db`.json), on the app of `root`."""
    import bench_web

    from matcher import SentenceTransformerEncoder

    meta = json.loads(Path(db + ".json").read_text())
    url = f"sqlite:///{db}"
    app = bench_web.make_app(url, SentenceTransformerEncoder())
    return bench_web.BenchEvent(
        app, url, meta["slug"], meta["event_id"], meta["ids"],
        {int(k): v for k, v in meta["badge"].items()},
        {int(k): v for k, v in meta["private"].items()},
    )  # fmt: skip


def build(db: str, size: int, seed: int) -> None:
    """A full-refreshed event of `size` generated people in `db`, tokens in `db`.json."""
    import bench_match
    import bench_web

    from matcher import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    encoder.warm_up()
    app = bench_web.make_app(f"sqlite:///{db}", encoder)
    bench = bench_web.populate(app, f"sqlite:///{db}", bench_match.make_event(size, seed, 1.0))
    print(f"full refresh {bench_web.full_refresh(bench):.0f} s")
    meta = {"slug": bench.slug, "event_id": bench.event_id, "ids": bench.ids,
            "badge": bench.badge, "private": bench.private}  # fmt: skip
    Path(db + ".json").write_text(json.dumps(meta))


def cpu(root: Path, db: str, n: int, seed: int) -> None:
    """Process CPU per request of a signed-in scan and of my page (after 20 warm-ups)."""
    import bench_web
    import sqlalchemy as sa

    bench = _bench(root, db)
    client, _ = bench_web.session_cookie(bench, bench.ids[0])
    rng = random.Random(seed)
    others = [rng.choice(bench.ids[1:]) for _ in range(n + 20)]
    statements = [0]
    sa.event.listen(
        bench.app.extensions["cg_engine"],
        "before_cursor_execute",
        lambda *_: statements.__setitem__(0, statements[0] + 1),
    )
    pages = {
        "scan": [f"/b/{bench.badge[o]}" for o in others],
        "my page": [f"/e/{bench.slug}/me"] * (n + 20),
    }
    for label, paths in pages.items():
        for path in paths[:20]:
            assert client.get(path).status_code == 200
        statements[0] = 0
        start = time.process_time()
        for path in paths[20:]:
            assert client.get(path).status_code == 200
        ms = (time.process_time() - start) / n * 1000
        print(f"{label}: {ms:.2f} ms CPU per request, {statements[0] / n:.1f} SQL statements")


def http(root: Path, db: str, seconds: int, connections: int) -> None:
    """req/s of /healthz, the scan page and my page under wrk against gunicorn -w 2."""
    import bench_web

    os.environ["PYTHONPATH"] = str(root)  # gunicorn's workers import that tree's web
    bench = _bench(root, db)
    badges = [f"/b/{bench.badge[i]}" for i in bench.ids[1:]]
    targets = {"healthz": ["/healthz"], "scan": badges, "my page": [f"/e/{bench.slug}/me"]}
    bench_web.ROOT = root
    for label, r in bench_web.http_load(bench, bench.ids[0], targets, seconds, connections).items():
        print(
            f"{label}: {r['rps']:.0f} req/s, p50 / p99 {r.get('p50_ms', 0):.0f} / "
            f"{r.get('p99_ms', 0):.0f} ms, errors {r['errors']:.0f}"
        )


def main() -> None:
    """Command line: build, cpu or http."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["build", "cpu", "http"])
    ap.add_argument("db", help="the event's SQLite file (its tokens beside it, .json)")
    ap.add_argument("--root", default=str(HERE.parent), help="the tree to serve")
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    root = Path(args.root).resolve()
    sys.path[:0] = [str(root), str(HERE)]
    if args.what == "build":
        build(args.db, args.size, args.seed)
        return
    print(f"{root}, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = f"{tmp}/event.db"  # each run on a fresh copy: scans write rows
        shutil.copy(args.db, copy)
        shutil.copy(args.db + ".json", copy + ".json")
        if args.what == "cpu":
            cpu(root, copy, args.requests, args.seed)
        else:
            http(root, copy, args.seconds, args.connections)


if __name__ == "__main__":
    main()
