"""Performance benchmark: the matching pipeline against the raw model, 50 to 100,000 people.

    .venv/bin/python scripts/bench.py                 # 2,000 reusing words, 1,000, 10,000
    .venv/bin/python scripts/bench.py --large         # adds N = 100,000
    .venv/bin/python scripts/bench.py --sizes 200 --web-size 200   # quick
    .venv/bin/python scripts/bench.py --write         # ... and into BENCHMARKS.md
    .venv/bin/python scripts/bench.py --sizes "" --web-size 0 --no-onnx --queue  # section 6

Prints one table; with --write it becomes the "Current results" table of BENCHMARKS.md
(with the command, machine and date). Sections: (1) embedding an event's unique
phrases, pipeline vs raw `SentenceTransformer.encode`; (2) full-event matching, cold
and warm, by phase, with peak RSS (each size in a fresh process), and people joining
one at a time against the next full run; (3) sign-up -> suggestions ready; (4) scan
page; (5) HTTP under load (gunicorn, 2 workers, wrk); (6, with --queue) matching
throughput of 1 and 2 `commonground worker` processes on PostgreSQL and Redis, and
sign-ups matched by the workers. A size is N or N:TAIL (the
share of people with a phrase of their own, default --tail).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import bench_match  # noqa: E402

from matcher.onnx_encoding import default_cache_dir  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
Row = tuple[str, str, str, str, str]  # section, measure, value, target, met
# Sizes up to this get section 1 and medians of --repeat runs in section 2.
EMBED_UP_TO = 10_000
# Section 5: a scan and a my-page request each (issue 17), 2 workers on 2 cores.
HTTP_TARGET = 400


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def verdict(ok: bool | None) -> str:
    """ "yes", "NO", or "-" (no target)."""
    return "-" if ok is None else ("yes" if ok else "NO")


def machine() -> str:
    """CPU, cores, memory, torch threads and load: the context of every number."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = 0
    import torch

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem} GiB RAM, torch {torch.__version__} with "
        f"{torch.get_num_threads()} threads, Python {platform.python_version()}; "
        f"load average at start {load}"
    )


def run_child(n: int, tail: float, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    """Full-event matching of size `n` in a fresh process (clean peak RSS)."""
    cmd = [sys.executable, __file__, "--child-match", str(n), "--seed", str(args.seed)]
    cmd += ["--tail", str(tail), "--repeat", str(repeat), "--joining", str(args.joining)]
    cmd += ["--onnx-cache", args.onnx_cache] if args.onnx else ["--no-onnx"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"matching N={n} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# The target: an event where people reuse wording (about 1,100 phrases).
REUSE_EVENT = (2000, 0.2)


def matching_rows(res: dict[str, Any], tail: float) -> list[Row]:
    """Table rows of one full-event matching result (`tail`: its long-tail share)."""
    n = res["n"]
    label = f"2. match N={n:,}" + (f" (tail {tail:g})" if (n, tail) == REUSE_EVENT else "")
    rows: list[Row] = []
    big = n >= 10_000
    targets = {"cold": (300.0, "<= 5 min") if big else None, "warm": (30.0, "<= 30 s")}
    for run in ("cold", "warm"):
        r = res[run]
        split = " / ".join(f"{p} {r['phases'].get(p, 0.0):.1f}" for p in bench_match.PHASE_ORDER)
        target = targets[run] if n == 10_000 else None
        rows.append(
            (
                label,
                f"{run} total (s), lists {r['lists_s']:.1f} + explaining them all; {split}",
                f"{r['total_s']:.1f}",
                target[1] if target else "-",
                verdict(r["total_s"] <= target[0] if target else None),
            )
        )
    reference = (
        f"raw encode {res['reference_encode_s']:.1f} s + exact faiss k-NN "
        f"{res['reference_knn_s']:.2f} s of {res['phrases']:,} unique phrases"
    )
    reuse = (n, tail) == REUSE_EVENT
    for part, what in (
        ("lists_", "pipeline: Matcher.suggest (explanations made when read)"),
        ("", "pipeline + every suggestion explained (what a matching run stores)"),
    ):
        each = ", ".join(f"{r:.2f}" for r in res[f"{part}ratios"])
        ratio = res[f"{part}ratio"]
        goal = reuse and part == "lists_"
        rows.append(
            (
                label,
                f"{what} / ({reference}); median of {res['repeat']} paired runs ({each})",
                f"{ratio:.2f}x",
                "<= 1.5x (goal 1.25x)" if goal else "-",
                verdict(ratio <= 1.5) if goal else "-",
            )
        )
    if "incremental" in res:
        inc = res["incremental"]
        target = n in (1_000, 10_000)
        rows.append(
            (
                label,
                f"{inc['joining']} people joining one at a time (EventState.add), then a full "
                "run: mean overlap of each one's list right after joining with the full run's "
                f"(the lists held at the end: {inc['overlap_final']:.2f}); join p50 / p95 "
                f"{inc['p50_ms']:.0f} / {inc['p95_ms']:.0f} ms",
                f"{inc['overlap']:.2f}",
                ">= 0.8" if target else "-",
                verdict(inc["overlap"] >= 0.8) if target else "-",
            )
        )
    if "onnx_ratio" in res:
        onnx, each = res["onnx"], ", ".join(f"{r:.2f}" for r in res["onnx_ratios"])
        split = " / ".join(f"{p} {onnx['phases'].get(p, 0.0):.1f}" for p in bench_match.PHASE_ORDER)
        rows.append(
            (
                f"2. match N={n:,}",
                f"MATCHER_BACKEND=onnx: cold total {onnx['total_s']:.1f} s ({split}) / the "
                f"same reference; median of {res['repeat']} paired runs ({each})",
                f"{res['onnx_ratio']:.2f}x",
                "<= 1.25x",
                verdict(res["onnx_ratio"] <= 1.25),
            )
        )
        agree = res["agreement"]
        ok = agree["recall_at_10"] >= 0.98 and agree["spearman"] >= 0.98
        rows.append(
            (
                f"2. match N={n:,}",
                "MATCHER_BACKEND=onnx vs the torch fp32 run: recall@10 of exact k-NN over "
                f"the phrases ({agree['queries']:,.0f} queries) / Spearman of pair scores "
                f"({agree['pairs']:,.0f} suggested pairs) / same suggestions; max abs "
                f"vector diff {agree['max_diff']:.1e}",
                f"{agree['recall_at_10']:.4f} / {agree['spearman']:.4f} / "
                f"{agree['same_suggestions']:.1%}",
                ">= 0.98 / >= 0.98",
                verdict(ok),
            )
        )
    warm = res["warm"]
    rows.append(
        (
            f"2. match N={n:,}",
            "sanity: mean suggestions / covered / max exposure / all with reasons / "
            "phrases encoded cold, warm",
            f"{warm['mean_suggestions']:.2f} / {warm['covered']:.0%} / "
            f"{warm['max_exposure']} / {warm['with_reasons']} / "
            f"{res['cold']['encoded']:,}, {warm['encoded']:,}",
            "-",
            "-",
        )
    )
    limit = 6 * 1024 if n >= 100_000 else None
    tree = res.get("tree_peak_mb")
    rows.append(
        (
            f"2. match N={n:,}",
            "peak memory (MiB): the matching process's RSS + its forked workers' private "
            "pages (sampled every 0.25 s); peak RSS of the process alone "
            f"{res['peak_rss_mb']:,.0f}, of the largest worker {res['children_rss_mb']:,.0f}",
            f"{tree:,.0f}" if tree is not None else "n/a (no /proc)",
            "<= 6 GiB" if limit else "-",
            verdict(tree <= limit if limit and tree is not None else None),
        )
    )
    return rows


def web_rows(args: argparse.Namespace, encoder: Any) -> list[Row]:
    """Sections 3-5 on an event of --web-size attendees in SQLite."""
    import bench_web

    size = args.web_size
    profiles = bench_match.make_event(size + args.signups + 1, args.seed, args.tail)
    counting = bench_match.TimedEncoder(encoder)
    rows: list[Row] = []
    sec = f"N={size:,}"

    def add(section: str, measure: str, value: str, target: str = "-", met: str = "-") -> None:
        rows.append((f"{section} {sec}", measure, value, target, met))

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        app = bench_web.make_app(url, counting)
        bench = bench_web.populate(app, url, profiles[:size])
        full = bench_web.full_refresh(bench)
        add("3. sign-up", "setup: full refresh via web glue, incl. saving (s)", f"{full:.1f}")
        first = bench_web.signups(bench, profiles[size : size + 1])[0][0]
        add("3. sign-up", "first sign-up in a worker (builds its event index, s)", f"{first:.2f}")
        newcomers = profiles[size + 1 :]
        times, cpu = bench_web.signups(bench, newcomers)
        emails = [f"new{p.id}@bench.example" for p in newcomers]
        with_any, total = bench_web.new_suggestions(bench, emails)
        p95 = pct(times, 95) * 1000
        add(
            "3. sign-up",
            f"sign-up -> suggestions ready, p50 / p95 (ms) over {len(times)}; "
            f"CPU p50 / p95 {pct(cpu, 50) * 1000:.0f} / {pct(cpu, 95) * 1000:.0f} ms",
            f"{pct(times, 50) * 1000:.0f} / {p95:.0f}",
            "p95 <= 300 ms",
            verdict(p95 <= 300),
        )
        add("3. sign-up", "sign-ups that got suggestions", f"{with_any} / {total}")
        if args.agreement:
            live = bench_web.lists_of(bench, emails)
            bench_web.full_refresh(bench)
            full = bench_web.lists_of(bench, emails)
            shared = [len(live[e] & full[e]) / max(1, len(full[e])) for e in emails if full[e]]
            add(
                "3. sign-up",
                "newcomers' incremental lists vs a full run afterwards: mean overlap",
                f"{statistics.mean(shared):.0%}" if shared else "n/a",
            )
        rng = random.Random(args.seed)
        viewer = bench.ids[0]
        others = [rng.choice(bench.ids[1:]) for _ in range(args.scans + 5)]
        calls = counting.calls
        times, cpu = (x[5:] for x in bench_web.scans(bench, viewer, others))
        p95 = pct(times, 95) * 1000
        add(
            "4. scan",
            f"scan page server time, p50 / p95 (ms) over {len(times)}; "
            f"CPU p50 / p95 {pct(cpu, 50) * 1000:.0f} / {pct(cpu, 95) * 1000:.0f} ms",
            f"{pct(times, 50) * 1000:.0f} / {p95:.0f}",
            "p95 <= 100 ms",
            verdict(p95 <= 100),
        )
        made = counting.calls - calls
        add("4. scan", "model calls during the scans", str(made), "0", verdict(made == 0))
        if args.http_seconds > 0:
            # Every badge of the event, so (at a few hundred requests a second for
            # 20 s) no request repeats an earlier one and hits a worker's pair cache.
            badges = [f"/b/{bench.badge[i]}" for i in bench.ids[1:]]
            result = bench_web.http_load(
                bench,
                viewer,
                {"scan": badges, "my page": [f"/e/{bench.slug}/me"]},
                args.http_seconds,
                args.connections,
            )
            for label, r in result.items():
                ok = r["errors"] == 0 and r["rps"] >= HTTP_TARGET
                rows.append(
                    (
                        f"5. HTTP {sec}",
                        f"{label}: req/s; p50 / p90 / p99 ms; errors "
                        f"({args.connections} conns, {args.http_seconds} s, gunicorn -w 2)",
                        f"{r['rps']:.0f}; {r.get('p50_ms', 0):.0f} / {r.get('p90_ms', 0):.0f}"
                        f" / {r.get('p99_ms', 0):.0f}; {r['errors']:.0f}",
                        f">= {HTTP_TARGET} req/s, 0 errors",
                        verdict(ok),
                    )
                )
        app.extensions["cg_engine"].dispose()
    return rows


def queue_rows(args: argparse.Namespace, encoder: Any) -> list[Row]:
    """Section 6: `commonground worker` processes on PostgreSQL and the broker."""
    import bench_queue

    rows: list[Row] = []
    counts = [int(x) for x in args.queue_workers.split(",") if x.strip()]
    one = None
    for n in counts if args.queue_events > 0 else ():
        r = bench_queue.throughput(
            args.postgres_url, args.broker_url, encoder, n, args.queue_events,
            args.queue_size, args.seed,
        )  # fmt: skip
        one = one or r["per_minute"]
        rows.append(
            (
                f"6. queue N={args.queue_size:,}",
                f"matching throughput, {n} worker(s) (-c 2 each): events of "
                f"{args.queue_size:,} matched per minute ({args.queue_events} runs asked for "
                f"at once, all done in {r['seconds']:.1f} s; vs 1 worker "
                f"{r['per_minute'] / one:.2f}x)",
                f"{r['per_minute']:.2f}",
                "-",
                "-",
            )
        )
    if args.queue_signups > 0:
        n = max(counts or [1])
        size = args.queue_signup_size
        r = bench_queue.signups_with_workers(
            args.postgres_url, args.broker_url, encoder, n, size, args.queue_signups, args.seed,
            args.queue_vectors,
        )  # fmt: skip
        times = r["times"]
        p95 = pct(times, 95) * 1000
        rows.append(
            (
                f"6. queue N={size:,}",
                f"sign-up -> suggestions ready with {n} worker(s) running the jobs, p50 / p95 "
                f"(ms) over {len(times)}; sign-ups that got suggestions "
                f"{r['with_suggestions']} / {r['signups']}",
                f"{pct(times, 50) * 1000:.0f} / {p95:.0f}",
                "p95 <= 300 ms",
                verdict(p95 <= 300),
            )
        )
    return rows


def table(rows: list[Row]) -> str:
    """The rows as one markdown table."""
    lines = ["| section | measure | value | target | met |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


RESULTS_START = "<!-- bench.py --write: results start -->"
RESULTS_END = "<!-- bench.py --write: results end -->"


def write_results(path: Path, command: str, text: str, started: str | None = None) -> None:
    """Make `text` the current results of `path`: it replaces what stands between the
    results markers (a run is not a new page; BENCHMARKS.md keeps one table).

    `started`: `machine()` as read when the run began (its load average is the
    other work on the machine, not the benchmark's own).
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"{RESULTS_START}\n\nRun {stamp}: `{command}`\n\nMachine: {started or machine()}\n\n"
        f"{text}\n\n{RESULTS_END}"
    )
    old = path.read_text() if path.exists() else "# Benchmarks\n"
    if RESULTS_START in old and RESULTS_END in old:
        start, end = old.index(RESULTS_START), old.index(RESULTS_END) + len(RESULTS_END)
        path.write_text(old[:start] + block + old[end:])
    else:
        path.write_text(old.rstrip("\n") + "\n\n## Performance: current results\n\n" + block + "\n")


def parse_sizes(text: str, tail: float) -> list[tuple[int, float]]:
    """ "2000:0.2,1000" -> [(2000, 0.2), (1000, tail)]."""
    out = []
    for item in (x.strip() for x in text.split(",")):
        if item:
            n, _, share = item.partition(":")
            out.append((int(n), float(share) if share else tail))
    return out


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes",
        default="2000:0.2,1000,10000",
        help="full-event sizes, comma-separated, each N or N:TAIL",
    )
    ap.add_argument(
        "--joining", type=int, default=200, help="people who join one at a time after a run"
    )
    ap.add_argument("--large", action="store_true", help="add N = 100,000")
    ap.add_argument("--web-size", type=int, default=10_000, help="event size for sections 3-5")
    ap.add_argument("--signups", type=int, default=200)
    ap.add_argument("--scans", type=int, default=500)
    ap.add_argument("--http-seconds", type=int, default=20, help="0 skips section 5")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs per ratio (median), sizes up to 10,000"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tail", type=float, default=1.0, help="share with a unique phrase")
    ap.add_argument(
        "--no-agreement",
        dest="agreement",
        action="store_false",
        help="skip the full run that checks the incremental sign-up lists",
    )
    ap.add_argument(
        "--no-embedding",
        dest="embedding",
        action="store_false",
        help="skip section 1 (embedding alone; section 2 times the model in its reference)",
    )
    ap.add_argument(
        "--no-onnx",
        dest="onnx",
        action="store_false",
        help="skip the MATCHER_BACKEND=onnx runs and their agreement",
    )
    ap.add_argument(
        "--onnx-cache", default=str(default_cache_dir()), help="where the ONNX export is kept"
    )
    ap.add_argument(
        "--queue", action="store_true", help="section 6: workers on PostgreSQL and the broker"
    )
    ap.add_argument("--queue-workers", default="1,2", help="worker counts to time, e.g. 1,2")
    ap.add_argument(
        "--queue-events", type=int, default=4, help="events matched at once (0: no throughput)"
    )
    ap.add_argument("--queue-size", type=int, default=1_000, help="attendees per event")
    ap.add_argument("--queue-signups", type=int, default=50, help="0 skips the sign-ups")
    ap.add_argument("--queue-signup-size", type=int, default=10_000, help="their event's size")
    ap.add_argument(
        "--queue-vectors", help="pickle of the sign-up event's phrase vectors (bench_refresh.py)"
    )
    ap.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--broker-url", default="redis://127.0.0.1:6379/0")
    ap.add_argument("--in-process", action="store_true", help="no child processes (tests)")
    ap.add_argument(
        "--write", action="store_true", help="make the table the current results of --output"
    )
    ap.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    ap.add_argument("--child-match", type=int, default=0, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None, encoder: Any = None) -> list[Row]:
    """Run the benchmark; returns the table rows (and prints / appends the table)."""
    args = parse(argv)
    if encoder is None:
        from matcher import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder()
        encoder.warm_up()
    onnx = None
    if args.onnx:
        from matcher import OnnxEncoder

        onnx = OnnxEncoder(cache_dir=args.onnx_cache)
        onnx.warm_up()  # exported once, like a worker's first start: not timed
    if args.child_match:
        res = bench_match.full_match(
            encoder,
            args.child_match,
            args.seed,
            args.tail,
            repeat=args.repeat,
            onnx=onnx,
            joining=args.joining,
        )
        print(json.dumps(res))
        return []
    started = machine()
    sizes = parse_sizes(args.sizes, args.tail)
    if args.large and all(n != 100_000 for n, _ in sizes):
        sizes.append((100_000, args.tail))
    rows: list[Row] = []
    for n, tail in sizes:
        if n > EMBED_UP_TO or not args.embedding:
            continue  # section 2's reference encodes the same phrases with the raw model
        texts = bench_match.unique_phrases(bench_match.make_event(n, args.seed, tail))
        reps = args.repeat if len(texts) <= 2_000 else 1  # medians where cheap
        r = bench_match.embedding_ratio(encoder, texts, reps, onnx)
        rows.append(
            (
                f"1. embed N={n:,}",
                f"pipeline / raw encode of {r['phrases']:,} unique phrases "
                f"({r['pipeline_s']:.1f} s / {r['raw_s']:.1f} s, median of {reps}, "
                f"max abs diff {r['max_diff']:.1e})",
                f"{r['ratio']:.2f}x",
                "-",
                "-",
            )
        )
        if onnx is not None:
            rows.append(
                (
                    f"1. embed N={n:,}",
                    f"MATCHER_BACKEND=onnx pipeline / raw encode ({r['onnx_s']:.1f} s / "
                    f"{r['raw_s']:.1f} s, max abs diff {r['onnx_max_diff']:.1e})",
                    f"{r['onnx_ratio']:.2f}x",
                    "-",
                    "-",
                )
            )
    for n, tail in sizes:
        repeat = args.repeat if n <= EMBED_UP_TO else 1  # a 100,000 run takes half an hour
        if args.in_process:
            res = bench_match.full_match(
                encoder, n, args.seed, tail, repeat=repeat, onnx=onnx, joining=args.joining
            )
        else:
            res = run_child(n, tail, args, repeat)
        rows += matching_rows(res, tail)
    if args.web_size > 0:
        rows += web_rows(args, encoder)
    if args.queue:
        rows += queue_rows(args, encoder)
    rows.append(
        (
            "approximate paths",
            "faster encoder backend / approximate search",
            "ONNX Runtime, fp32 (MATCHER_BACKEND=onnx; agreement in section 2)"
            if args.onnx
            else "not run (--no-onnx)",
            "agreement printed",
            "-",
        )
    )
    text = table(rows)
    print(text)
    if args.write:
        given = argv if argv is not None else sys.argv[1:]
        command = "python scripts/bench.py " + shlex.join(given)
        write_results(Path(args.output), command.strip(), text, started)
    return rows


if __name__ == "__main__":
    main()
