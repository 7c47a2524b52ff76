"""Performance benchmark: the matching pipeline against the raw model, 50 to 100,000 people.

    .venv/bin/python scripts/bench.py                 # N = 1,000 and 10,000; web at 10,000
    .venv/bin/python scripts/bench.py --large         # adds N = 100,000
    .venv/bin/python scripts/bench.py --sizes 200 --web-size 200 --no-append   # quick

Prints one table and appends it, with the command, machine and date, to the
"Performance" section of BENCHMARKS.md. Sections: (1) embedding an event's unique
phrases, pipeline vs raw `SentenceTransformer.encode`; (2) full-event matching, cold
and warm, by phase, with peak RSS (each size in a fresh process); (3) sign-up ->
suggestions ready; (4) scan page; (5) HTTP under load (gunicorn, 2 workers, wrk).
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


def run_child(n: int, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    """Full-event matching of size `n` in a fresh process (clean peak RSS)."""
    cmd = [sys.executable, __file__, "--child-match", str(n), "--seed", str(args.seed)]
    cmd += ["--tail", str(args.tail), "--repeat", str(repeat)]
    cmd += ["--onnx-cache", args.onnx_cache] if args.onnx else ["--no-onnx"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"matching N={n} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def matching_rows(res: dict[str, Any]) -> list[Row]:
    """Table rows of one full-event matching result."""
    n = res["n"]
    rows: list[Row] = []
    big = n >= 10_000
    targets = {"cold": (300.0, "<= 5 min") if big else None, "warm": (30.0, "<= 30 s")}
    for label in ("cold", "warm"):
        r = res[label]
        split = " / ".join(f"{p} {r['phases'].get(p, 0.0):.1f}" for p in bench_match.PHASE_ORDER)
        target = targets[label] if n == 10_000 else None
        rows.append(
            (
                f"2. match N={n:,}",
                f"{label} total (s); {split}",
                f"{r['total_s']:.1f}",
                target[1] if target else "-",
                verdict(r["total_s"] <= target[0] if target else None),
            )
        )
    ratio = res["ratio"]
    each = ", ".join(f"{r:.2f}" for r in res["ratios"])
    rows.append(
        (
            f"2. match N={n:,}",
            f"cold / (raw encode {res['reference_encode_s']:.1f} s + exact faiss k-NN "
            f"{res['reference_knn_s']:.2f} s of {res['phrases']:,} unique phrases); "
            f"median of {res['repeat']} paired runs ({each})",
            f"{ratio:.2f}x",
            "<= 1.25x",
            verdict(ratio <= 1.25),
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
                ok = r["errors"] == 0 and (label != "scan" or r["rps"] >= 200)
                rows.append(
                    (
                        f"5. HTTP {sec}",
                        f"{label}: req/s; p50 / p90 / p99 ms; errors "
                        f"({args.connections} conns, {args.http_seconds} s, gunicorn -w 2)",
                        f"{r['rps']:.0f}; {r.get('p50_ms', 0):.0f} / {r.get('p90_ms', 0):.0f}"
                        f" / {r.get('p99_ms', 0):.0f}; {r['errors']:.0f}",
                        ">= 200 req/s, 0 errors" if label == "scan" else "0 errors",
                        verdict(ok),
                    )
                )
        app.extensions["cg_engine"].dispose()
    return rows


def table(rows: list[Row]) -> str:
    """The rows as one markdown table."""
    lines = ["| section | measure | value | target | met |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def append_report(path: Path, command: str, text: str, started: str | None = None) -> None:
    """Add a dated run to the Performance section of `path` (created if missing).

    `started`: `machine()` as read when the run began (its load average is the
    other work on the machine, not the benchmark's own).
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"\n### Run {stamp}\n\n`{command}`\n\nMachine: {started or machine()}\n\n{text}\n"
    old = path.read_text() if path.exists() else "# Benchmarks\n"
    head = "## Performance"
    if head not in old:
        path.write_text(old.rstrip("\n") + f"\n\n{head}\n" + block)
        return
    start = old.index(head) + len(head)
    nxt = old.find("\n## ", start)
    end = len(old) if nxt < 0 else nxt
    path.write_text(old[:end].rstrip("\n") + "\n" + block + old[end:])


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="full-event sizes, comma-separated")
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
        "--no-onnx",
        dest="onnx",
        action="store_false",
        help="skip the MATCHER_BACKEND=onnx runs and their agreement",
    )
    ap.add_argument(
        "--onnx-cache", default=str(default_cache_dir()), help="where the ONNX export is kept"
    )
    ap.add_argument("--in-process", action="store_true", help="no child processes (tests)")
    ap.add_argument("--no-append", action="store_true", help="print only")
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
            encoder, args.child_match, args.seed, args.tail, repeat=args.repeat, onnx=onnx
        )
        print(json.dumps(res))
        return []
    started = machine()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.large and 100_000 not in sizes:
        sizes.append(100_000)
    rows: list[Row] = []
    for n in sizes:
        if n > EMBED_UP_TO:
            continue  # section 2's reference encodes the same phrases with the raw model
        texts = bench_match.unique_phrases(bench_match.make_event(n, args.seed, args.tail))
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
    for n in sizes:
        repeat = args.repeat if n <= EMBED_UP_TO else 1  # a 100,000 run takes half an hour
        if args.in_process:
            res = bench_match.full_match(encoder, n, args.seed, args.tail, repeat=repeat, onnx=onnx)
        else:
            res = run_child(n, args, repeat)
        rows += matching_rows(res)
    if args.web_size > 0:
        rows += web_rows(args, encoder)
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
    if not args.no_append:
        given = argv if argv is not None else sys.argv[1:]
        command = "python scripts/bench.py " + shlex.join(given)
        append_report(Path(args.output), command.strip(), text, started)
    return rows


if __name__ == "__main__":
    main()
