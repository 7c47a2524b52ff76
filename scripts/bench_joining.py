"""Why a newcomer's instant list differs from the next full run's (issue 15).

The last `--joining` people of a synthetic event join one at a time
(`EventState.add`) after a full run over the others; then a full run over everyone.
Prints the mean overlap of each newcomer's list right after joining with that run's
(the measure of `scripts/bench.py --joining`), the join times, and for every pair
the full run gives a newcomer that its instant list lacks, the cause: the person
joined later, was not among the newcomer's candidates, was already suggested as
often as the exposure cap allows at the join, or other (diversity, near ties).

`--store FILE` keeps the phrase vectors between runs (a pickle; made by the first
run, whose cold full matching, `Matcher.suggest` plus every explanation, is timed).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_match  # noqa: E402

from matcher import Matcher, Profile, SentenceTransformerEncoder  # noqa: E402


def main() -> None:
    """Run the diagnosis and print it."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000)
    ap.add_argument("--joining", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tail", type=float, default=1.0)
    ap.add_argument("--store", help="pickle of phrase vectors, made if missing")
    args = ap.parse_args()
    k = 5
    encoder = SentenceTransformerEncoder()
    encoder.warm_up()
    profiles = bench_match.make_event(args.size, args.seed, args.tail)
    store = bench_match.MemoryStore()
    if args.store and os.path.exists(args.store):
        with open(args.store, "rb") as f:
            store.vectors = pickle.load(f)
    else:
        print(f"load average at start {os.getloadavg()[0]:.1f}", flush=True)
        start = time.perf_counter()
        cold = Matcher(encoder=encoder, store=store)
        lists = cold.suggest(profiles, k=k)
        lists_s = time.perf_counter() - start
        cold.explain_all(lists)
        total = time.perf_counter() - start
        print(f"cold N={args.size:,}: suggest {lists_s:.1f} s, explained {total:.1f} s")
        if args.store:
            with open(args.store, "wb") as f:
                pickle.dump(store.vectors, f)
    diagnose(Matcher(encoder=encoder, store=store), profiles, args.joining, k)


def diagnose(matcher: Matcher, profiles: list[Profile], joining: int, k: int) -> None:
    """Join the last `joining` one at a time, then compare with a full run (see above)."""
    state = matcher.event(profiles[:-joining], k=k)
    state.rematch()
    partners_of = state._partners
    seen: dict[int, np.ndarray] = {}

    def recording(rows: np.ndarray) -> dict[int, np.ndarray]:
        found = partners_of(rows)
        seen.update(found)
        return found

    state._partners = recording  # type: ignore[method-assign]
    joined: dict[str, tuple[list[str], set[str], set[str], set[str]]] = {}
    times = []
    for p in profiles[-joining:]:
        present = set(state.ids)
        load = state.lists.load.copy()
        full = {state.data.ids[r] for r in np.flatnonzero(load >= state.cap).tolist()}
        seen.clear()
        start = time.perf_counter()
        change = state.add(p)
        times.append(time.perf_counter() - start)
        row = state.data.row_of[p.id]
        candidates = {state.data.ids[r] for r in seen.get(row, np.zeros(0, int)).tolist()}
        joined[p.id] = ([s.other_id for s in change.lists.get(p.id, [])], present, candidates, full)
    reference = matcher.suggest(profiles, k=k)
    causes: Counter[str] = Counter()
    shares = []
    for pid, (mine, present, candidates, full) in joined.items():
        theirs = [s.other_id for s in reference[pid]]
        if not theirs:
            continue
        shares.append(len(set(mine) & set(theirs)) / len(theirs))
        for other in set(theirs) - set(mine):
            causes[
                "joined later" if other not in present
                else "not a candidate" if other not in candidates
                else "at the cap at the join" if other in full
                else "other (diversity, near ties)"
            ] += 1  # fmt: skip
    ordered = sorted(times)
    print(
        f"N={len(profiles):,}, {joining} joining: overlap {statistics.mean(shares):.3f}; "
        f"join p50 {ordered[len(ordered) // 2] * 1000:.0f} ms, "
        f"p95 {ordered[int(0.95 * len(ordered))] * 1000:.0f} ms; "
        f"load average at the end {os.getloadavg()[0]:.1f}"
    )
    for cause, count in causes.most_common():
        print(f"  missed, {cause}: {count}")


if __name__ == "__main__":
    main()
