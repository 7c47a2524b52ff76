"""A 50,000-row registration export imports in bounded memory (streamed, batched)."""

from __future__ import annotations

import csv
import gc
import re
import time
import tracemalloc
from pathlib import Path

import pytest
import sqlalchemy as sa

from models import Attendee
from web.services.importing import analyse, commit

pytestmark = pytest.mark.slow

ROWS = 50_000
TOPICS = ["carbon capture", "heat pumps", "grid storage", "policy", "machine learning", "GIS"]


def write_export(path, rows: int) -> None:  # type: ignore[no-untyped-def]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["First Name", "Last Name", "Email", "Job Title", "Company", "Interests",
             "What are you looking for?", "What can you offer?", "Dietary requirements"]
        )  # fmt: skip
        for i in range(rows):
            writer.writerow(
                [f"Person{i}", f"Surname{i % 977}", f"person{i}@example.org", "Engineer",
                 f"Company {i % 1500}", f"{TOPICS[i % 6]}; {TOPICS[(i * 7) % 6]}",
                 "a co-founder who has shipped hardware", "code reviews and mentoring",
                 "vegetarian" if i % 3 == 0 else ""]
            )  # fmt: skip


def _kib(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    assert match, f"{field} missing from /proc/self/status"
    return int(match.group(1))


def _reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def test_fifty_thousand_rows_import_in_bounded_memory(app, tmp_path, make_event) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.csv"
    write_export(path, ROWS)
    event_id = make_event(app, None, slug="big")
    plan = analyse(path)
    gc.collect()
    # Peak resident memory of the import itself: the kernel's high-water mark, reset
    # just before. (tracemalloc would measure the same but makes this run 5x slower;
    # it is the fallback where the high-water mark cannot be reset.)
    use_rss = _reset_peak_rss()
    with app.extensions["cg_sessions"]() as session:
        started = time.perf_counter()
        if use_rss:
            baseline = _kib("VmRSS")
        else:
            tracemalloc.start()
        try:
            report = commit(session, event_id, plan)
            session.commit()
            if use_rss:
                peak = (_kib("VmHWM") - baseline) * 1024
            else:
                peak = tracemalloc.get_traced_memory()[1]
        finally:
            if not use_rss:
                tracemalloc.stop()
        elapsed = time.perf_counter() - started
        total = session.scalar(sa.select(sa.func.count(Attendee.id)))
    assert report.created == ROWS and total == ROWS
    # The file is ~6 MB; 50,000 ORM objects (or all rows held as dicts) take several
    # hundred MB. A streamed, batched import stays near one batch plus the seen emails.
    print(f"50k import: peak growth {peak / 1e6:.1f} MB, {elapsed:.1f} s")
    assert peak < 60e6, f"memory grew by {peak / 1e6:.1f} MB during the import"
