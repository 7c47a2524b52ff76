"""A sign-up's refresh job at scale, in one process: its time and its profile.

    .venv/bin/python scripts/bench_refresh.py --vectors .bench/vectors.pkl
    .venv/bin/python scripts/bench_refresh.py --vectors FILE --profile /tmp/refresh.prof

The event of `scripts/bench.py` section 6 (`bench_match.make_event(size + signups +
4, seed, 1.0)`) on PostgreSQL, with a full run's suggestions stored: built once and
kept as a template database (`--rebuild` makes it again), so each run starts from
the same stored lists on a copy. Two apps on that copy stand for two `commonground
worker` processes (each its own matcher and event states); sign-ups are inserted
one at a time and their refresh job (`refresh_for_attendee`, then commit) runs in
each app in turn, so every job first catches up with the other's writes, as with
two workers. The first two jobs of each app build its state and are not timed.

`--vectors FILE`: the event's phrase vectors (a `bench_match.MemoryStore` pickle,
made if missing), copied into the database, so the embedding is paid once; the
newcomers' own texts are left out (their jobs embed them, as live).
Run this file from another tree (`python OTHER/scripts/bench_refresh.py`) to time
that tree's code on the same template: a before → after in one session.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import bench_match  # noqa: E402
import bench_queue  # noqa: E402
import bench_web  # noqa: E402
import sqlalchemy as sa  # noqa: E402

WARM = 4  # jobs that build the two states (two per app), untimed


def load_vectors(path: str, profiles: list[Any], encoder: Any) -> None:
    """Encode the phrase vectors of `profiles` into `path` unless it exists."""
    if os.path.exists(path):
        return
    from matcher import Matcher

    store = bench_match.MemoryStore()
    start = time.perf_counter()
    Matcher(encoder=encoder, store=store).event(profiles, k=5)
    print(f"encoded {len(store.vectors):,} texts in {time.perf_counter() - start:.0f} s")
    with open(path, "wb") as f:
        pickle.dump(store.vectors, f)


def build_template(server: str, name: str, args: argparse.Namespace, encoder: Any) -> None:
    """The event with a full run's suggestions stored, as database `name`."""
    profiles = bench_match.make_event(args.size + args.signups + WARM, args.seed, 1.0)
    if args.vectors:
        load_vectors(args.vectors, profiles, encoder)  # made if missing
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    app = bench_web.make_app(url, encoder)
    if args.vectors:
        # The newcomers' own texts are left to their refresh jobs, as in a live event.
        event = set(bench_match.unique_phrases(profiles[: args.size]))
        newcomers = set(bench_match.unique_phrases(profiles[args.size :])) - event
        bench_queue.store_vectors(app, args.vectors, newcomers)
    bench = bench_web.populate(app, url, profiles[: args.size])
    print(f"template {name}: full refresh {bench_web.full_refresh(bench):.0f} s", flush=True)
    app.extensions["cg_engine"].dispose()


def run(
    server: str, template: str, args: argparse.Namespace, encoder: Any
) -> tuple[list[float], list[float]]:
    """Sign the last people up one at a time on a copy of `template`; -> the timed jobs'
    wall and CPU seconds (this process's CPU: the database server's is not in it)."""
    from models import Attendee, Event, hash_token
    from models.attendee import new_private_token
    from web.extensions import get_matcher
    from web.services.matching import refresh_for_attendee

    profiles = bench_match.make_event(args.size + args.signups + WARM, args.seed, 1.0)
    name = f"cg_refresh_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    profiler = cProfile.Profile() if args.profile else None
    times: list[float] = []
    cpu: list[float] = []
    try:
        apps = [bench_web.make_app(url, encoder) for _ in range(2)]
        sessions = apps[0].extensions["cg_sessions"]
        with sessions() as session:
            event_id = session.scalar(sa.select(Event.id))
        for i, p in enumerate(profiles[args.size :]):
            with sessions() as session:
                person = Attendee(
                    event_id=event_id, email=f"new{p.id}@bench.example", name=p.name,
                    headline=p.headline, company=p.company, interests=p.interests,
                    personal_interests=p.personal_interests, looking_for=p.looking_for,
                    offering=p.offering, organizations=p.organizations, about=p.about,
                    links=[], private_token_hash=hash_token(new_private_token()),
                )  # fmt: skip
                session.add(person)
                session.commit()
                me = person.id
            app = apps[i % 2]
            timed = i >= WARM
            with app.app_context(), app.extensions["cg_sessions"]() as session:
                start, used = time.perf_counter(), time.process_time()
                if profiler is not None and timed:
                    profiler.enable()
                event = session.get_one(Event, event_id)
                refresh_for_attendee(session, get_matcher(), event, me, 1)
                session.commit()
                if profiler is not None and timed:
                    profiler.disable()
                if timed:
                    times.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - used)
        if args.lists:  # every stored list at the end, to compare two trees' runs
            from models import Suggestion

            with sessions() as session:
                rows = session.execute(
                    sa.select(
                        Suggestion.attendee_id, Suggestion.other_id, Suggestion.rank,
                        Suggestion.score,
                    ).order_by(Suggestion.attendee_id, Suggestion.rank)
                )  # fmt: skip
                Path(args.lists).write_text(json.dumps([list(r) for r in rows]))
        for app in apps:
            app.extensions["cg_engine"].dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    if profiler is not None:
        profiler.dump_stats(args.profile)
    return times, cpu


def main() -> None:
    """Build the template if needed, run the sign-ups, print the times."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--signups", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--vectors", help="pickle of the event's phrase vectors, made if missing")
    ap.add_argument("--rebuild", action="store_true", help="make the template database again")
    ap.add_argument("--profile", help="write the timed jobs' cProfile stats here")
    ap.add_argument("--lists", help="write every stored list at the end here (JSON)")
    ap.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = ap.parse_args()
    from matcher import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    encoder.warm_up()
    template = f"cg_refresh_template_{args.size}_{args.signups}_{args.seed}"
    admin = sa.create_engine(args.postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        found = sa.text("SELECT 1 FROM pg_database WHERE datname = :n")
        exists = conn.scalar(found, {"n": template})
    admin.dispose()
    if args.rebuild or not exists:
        build_template(args.postgres_url, template, args, encoder)
    load = os.getloadavg()[0]
    times, cpu = run(args.postgres_url, template, args, encoder)

    def summary(seconds: list[float]) -> str:
        ms = sorted(t * 1000 for t in seconds)
        p95 = ms[round(0.95 * len(ms) + 0.5) - 1]
        return f"p50 {statistics.median(ms):.0f}, p95 {p95:.0f}, mean {statistics.mean(ms):.0f}"

    print(
        f"N={args.size:,}: {len(times)} refresh jobs (two states taking turns), wall ms "
        f"{summary(times)}; CPU ms {summary(cpu)}; "
        f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
