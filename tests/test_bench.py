"""The performance benchmark at N = 200: the table's shape and sanity, never timings."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import bench  # noqa: E402


@pytest.mark.slow
def test_the_benchmark_runs_at_200_and_reports_every_section(real_encoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    http = ["--http-seconds", "2", "--connections", "8"] if shutil.which("wrk") else []
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n\n## Quality\n\nkept as is\n")
    rows = bench.main(
        ["--sizes", "200", "--web-size", "200", "--signups", "6", "--scans", "12",
         "--repeat", "1", "--in-process", "--output", str(out), "--http-seconds", "0",
         "--joining", "20", "--write", "--onnx-cache", str(tmp_path / "onnx"), *http],
        encoder=real_encoder,
    )  # fmt: skip
    assert all(len(r) == 5 for r in rows)
    sections = {r[0].split(" ")[0] for r in rows}
    assert {"1.", "2.", "3.", "4."} <= sections
    if http:
        assert "5." in sections
    by_measure = {r[1].split(" (")[0].split(";")[0]: r for r in rows}

    embed = next(r for r in rows if r[0].startswith("1."))
    assert float(embed[2].rstrip("x")) > 0
    assert float(re.search(r"max abs diff ([\d.e+-]+)", embed[1]).group(1)) < 1e-3, (
        "the pipeline's vectors are the raw model's"
    )
    sanity = next(r for r in rows if r[1].startswith("sanity"))
    mean, covered, exposure, reasons, encoded = (x.strip() for x in sanity[2].split(" / "))
    assert float(mean) > 3 and covered == "100%" and int(exposure) <= 15
    assert reasons == "True"
    cold, warm = (int(x.replace(",", "")) for x in encoded.split(", "))  # "1,234, 0"
    assert cold > 200 and warm == 0, "a warm run sends nothing to the model"
    for label in ("cold total", "warm total"):
        row = next(r for r in rows if r[1].startswith(label))
        assert float(row[2]) > 0
        assert all(p in row[1] for p in ("encoding", "candidates", "scoring", "assignment"))

    for what in ("pipeline: Matcher.suggest", "pipeline + every suggestion explained"):
        ratio = next(r for r in rows if r[1].startswith(what))
        assert float(ratio[2].rstrip("x")) > 0 and "median of 1 paired runs" in ratio[1]
    joined = next(r for r in rows if "joining one at a time" in r[1])
    assert 0.5 <= float(joined[2]) <= 1.0, "newcomers' lists mostly agree with the full run"

    # MATCHER_BACKEND=onnx: timed against the same reference, with its agreement printed.
    onnx_embed = next(r for r in rows if r[1].startswith("MATCHER_BACKEND=onnx pipeline"))
    assert float(re.search(r"max abs diff ([\d.e+-]+)", onnx_embed[1]).group(1)) < 1e-5
    onnx_ratio = next(r for r in rows if r[1].startswith("MATCHER_BACKEND=onnx: cold total"))
    assert float(onnx_ratio[2].rstrip("x")) > 0 and onnx_ratio[3] == "<= 1.25x"
    agree = next(r for r in rows if r[1].startswith("MATCHER_BACKEND=onnx vs the torch"))
    recall, rho, same = (x.strip() for x in agree[2].split(" / "))
    assert float(recall) >= 0.98 and float(rho) >= 0.98 and agree[4] == "yes", agree
    assert float(same.rstrip("%")) > 90, "the same vectors make (nearly) the same suggestions"

    signup = next(r for r in rows if r[1].startswith("sign-up -> suggestions ready"))
    p50, p95 = (float(x) for x in signup[2].split(" / "))
    assert 0 < p50 <= p95
    got = next(r for r in rows if r[1].startswith("sign-ups that got suggestions"))
    assert got[2] == "6 / 6", "every newcomer gets suggestions"
    assert by_measure["model calls during the scans"][2] == "0", (
        "the scan page needs no model call when phrases are stored"
    )
    if http:
        for r in (r for r in rows if r[0].startswith("5.")):
            assert r[2].endswith("; 0"), f"no HTTP errors: {r}"

    text = out.read_text()
    assert text.index(bench.RESULTS_START) > text.index("kept as is")
    assert "| section | measure | value | target | met |" in text
    assert "Machine:" in text and "python scripts/bench.py --sizes 200" in text


def test_a_run_replaces_the_current_results_and_keeps_the_rest(tmp_path) -> None:
    out = tmp_path / "B.md"
    out.write_text(
        f"# B\n\n## Performance\n\nmethod\n\n{bench.RESULTS_START}\nold table\n"
        f"{bench.RESULTS_END}\n\nhistory\n\n## Quality\n\nq\n"
    )
    bench.write_results(out, "python scripts/bench.py", "| table |", "a machine")
    text = out.read_text()
    assert "old table" not in text
    assert text.index("method") < text.index("| table |") < text.index("history")
    assert text.index("history") < text.index("## Quality")
    assert text.count(bench.RESULTS_START) == 1


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("broker_url", ["redis"], indirect=True)
def test_the_queue_section_matches_with_workers_on_postgres_and_the_broker(  # type: ignore[no-untyped-def]
    real_encoder, postgres_server, broker_url, tmp_path
) -> None:
    """Section 6 at a tiny size: real `commonground worker`s do the runs and the
    sign-ups' refreshes (its numbers are not checked, only that it did the work)."""
    rows = bench.main(
        ["--sizes", "", "--web-size", "0", "--no-onnx", "--queue", "--queue-workers", "1,2",
         "--queue-events", "2", "--queue-size", "24", "--queue-signups", "3",
         "--queue-signup-size", "30", "--postgres-url", postgres_server,
         "--broker-url", broker_url, "--output", str(tmp_path / "BENCHMARKS.md")],
        encoder=real_encoder,
    )  # fmt: skip
    queue = [r for r in rows if r[0].startswith("6.")]
    throughput = [r for r in queue if r[1].startswith("matching throughput")]
    assert len(throughput) == 2
    assert all(float(r[2]) > 0 for r in throughput)
    assert "1 worker(s)" in throughput[0][1] and "2 worker(s)" in throughput[1][1]
    signup = next(r for r in queue if r[1].startswith("sign-up -> suggestions ready with 2"))
    p50, p95 = (float(x) for x in signup[2].split(" / "))
    assert 0 < p50 <= p95
    assert "over 3;" in signup[1] and "got suggestions 3 / 3" in signup[1], signup
