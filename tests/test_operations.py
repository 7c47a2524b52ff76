"""Production conventions: probes, metrics over several gunicorn workers, request ids in logs."""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from conftest import free_port
from fixtures_attendee import profile

from web.queue import wait_for_jobs

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text, 0 when absent."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith(name) and not line.startswith("#"):
            metric, value = line.rsplit(" ", 1)
            got = ",".join(sorted(re.findall(r'\w+="[^"]*"', metric)))
            if metric.split("{")[0] == name and got == want:
                return float(value)
    return 0.0


def test_readyz_names_what_is_not_ready(app_factory, fake_encoder) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder)
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 200
    assert ready.json["checks"]["database"] == "ok"
    assert ready.json["checks"]["model"].startswith("ok")
    assert "not used" in ready.json["checks"]["broker"]
    assert app.test_client().get("/healthz").json == {"status": "ok"}

    broken = app_factory(encoder=fake_encoder, BROKER_URL=f"redis://127.0.0.1:{free_port()}/0")
    answer = broken.test_client().get("/readyz")
    assert answer.status_code == 503
    assert answer.json["status"] == "not ready"
    assert answer.json["checks"]["broker"].startswith("failed: unreachable")
    assert answer.json["checks"]["database"] == "ok"


def test_every_answer_carries_a_request_id_that_its_log_lines_share(
    app, caplog: pytest.LogCaptureFixture, make_public_event
) -> None:  # type: ignore[no-untyped-def]
    from web.logs import RequestIdFilter

    make_public_event(app)
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO)
    client = app.test_client()
    answer = client.post("/e/conf/join", data=profile(), headers={"X-Request-ID": "lb-7f3a"})
    assert answer.headers["X-Request-ID"] == "lb-7f3a"
    wait_for_jobs(app)
    mine = [r for r in caplog.records if getattr(r, "request_id", "") == "lb-7f3a"]
    assert any("asked for" in r.getMessage() for r in mine), "the job it asked for is named"
    jobs = [r for r in caplog.records if str(getattr(r, "request_id", "")).startswith("job-")]
    assert jobs, "a job's lines say which job"
    # A made-up id that could break a log line is replaced by a fresh one.
    odd = client.get("/healthz", headers={"X-Request-ID": "bad id; INFO forged"})
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["X-Request-ID"])


def test_metrics_count_jobs_and_suggestions_and_keep_tokens_out(app, make_public_event) -> None:  # type: ignore[no-untyped-def]
    make_public_event(app)
    client = app.test_client()

    def scrape() -> str:
        return client.get("/metrics").get_data(as_text=True)

    before = scrape()
    client.post("/e/conf/join", data=profile())
    client.post(
        "/e/conf/join",
        data=profile(email="ben@example.org", name="Ben Okafor", headline="Founder at Soil Labs"),
    )
    wait_for_jobs(app)
    after = scrape()
    done = {"job": "refresh_attendee", "outcome": "done"}
    assert _sample(after, "cg_jobs_total", **done) - _sample(before, "cg_jobs_total", **done) == 2
    made = _sample(after, "cg_suggestions_made_total", how="refresh")
    assert made - _sample(before, "cg_suggestions_made_total", how="refresh") >= 2
    assert "/m/" not in after and "/b/" not in after, "paths with tokens never become labels"
    app.config["METRICS_TOKEN"] = "s3cret"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_metrics_add_up_every_gunicorn_worker(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ops.db'}",
        "SECRET_KEY": "test-secret",
        "RATELIMIT_ENABLED": "0",
        "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{ROOT}",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    subprocess.run(
        [str(BIN / "flask"), "--app", "served_app:create_app", "init-db"],
        env=env, cwd=tmp_path, check=True, capture_output=True,
    )  # fmt: skip
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("wb") as log_file:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "python:web.gunicorn_conf", "served_app:create_app()"],
            env=env, cwd=tmp_path, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.3)
        for _ in range(40):  # new connections: both workers answer some
            with requests.Session() as fresh:
                answer = fresh.get(f"{base}/healthz", headers={"Connection": "close"}, timeout=10)
                assert answer.ok
        metrics = requests.get(f"{base}/metrics", timeout=10).text
        count = _sample(
            metrics,
            "cg_http_request_duration_seconds_count",
            endpoint="healthz",
            method="GET",
            status="200",
        )
        assert count == 40, "every worker's requests are counted, whichever answers the scrape"
        assert _sample(metrics, "cg_jobs_in_queue", state="pending") == 0
        log = log_path.read_text()
        pids = set(re.findall(r"Booting worker with pid: (\d+)", log))
        assert len(pids) == 2
        assert re.search(r'"GET /healthz HTTP/1.1" 200 .* request_id=[0-9a-f]{32}', log)
        assert "WARNING: This is a development server" not in log
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
