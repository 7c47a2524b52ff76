"""The command line fails in one clear line, never a traceback: a bad DATABASE_URL, an
unreachable database, an unwritable file (the real console script, in a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("commonground")


def _run(tmp_path: Path, *args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "x"}
    return subprocess.run(
        [str(SCRIPT), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("nonsense://x", "is not a database address this program understands"),
        ("not a url at all", "is not a database address this program understands"),
        (
            "sqlite:////nonexistent/folder/cg.db",
            "Cannot use the database at sqlite:////nonexistent",
        ),
        (
            "postgresql+psycopg://someone:hunter2@127.0.0.1:1/none",
            "Cannot use the database at postgresql+psycopg://someone:***@127.0.0.1:1/none",
        ),
    ],
)
def test_a_bad_database_url_is_one_line(tmp_path: Path, url: str, says: str) -> None:
    result = _run(tmp_path, "init-db", database_url=url)
    assert result.returncode == 1
    # Log lines may come first; the failure itself is one line.
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and says in errors[0], result.stderr
    assert "Traceback" not in result.stderr and "hunter2" not in result.stderr


def test_an_unwritable_output_file_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cg.db'}"
    assert _run(tmp_path, "init-db", database_url=url).returncode == 0
    made = _run(tmp_path, "create-event", "summit", "--name", "Summit", database_url=url)
    assert made.returncode == 0, made.stderr
    # Nobody, not even root, may make a folder in /proc.
    target = "/proc/commonground/x.csv"
    result = _run(tmp_path, "export", "summit", "-o", target, database_url=url)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: Cannot write {target}: No such file or directory."
    )
    assert "Traceback" not in result.stderr
