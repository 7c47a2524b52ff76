"""Prometheus metrics: request latency, jobs (durations, outcomes), queue depth, suggestions.

Served at `/metrics` (with METRICS_TOKEN set, only to `Authorization: Bearer <token>`).
Under gunicorn every worker is its own process: with PROMETHEUS_MULTIPROC_DIR set
(scripts/serve.sh and the deployment section of README do), each process writes its
samples there and a scrape of any worker adds them all up — `commonground worker`
processes on the same host too. A worker on another host serves its own with
`commonground worker --metrics-port 9100`. Queue depth is read from the jobs table
at scrape time, so it is the same whichever process answers.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, abort, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from web.extensions import this_app
from web.services import jobs

REQUEST_SECONDS = Histogram(
    "cg_http_request_duration_seconds",
    "Time to answer a request, by endpoint, method and status.",
    ["endpoint", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
JOB_SECONDS = Histogram(
    "cg_job_duration_seconds",
    "Time a job took, by job name and outcome (done, retry, failed, skipped).",
    ["job", "outcome"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800),
)
JOBS = Counter(
    "cg_jobs_total", "Jobs run, by job name and outcome (failed: gave up).", ["job", "outcome"]
)
SUGGESTIONS = Counter(
    "cg_suggestions_made_total",
    "Suggested introductions stored, by how (run: a full matching, refresh: after a change).",
    ["how"],
)


def observe_job(name: str, outcome: str, seconds: float) -> None:
    """Record one job's outcome (a JobRunner observer)."""
    JOB_SECONDS.labels(name, outcome).observe(seconds)
    JOBS.labels(name, outcome).inc()


def suggestions_made(count: int, how: str) -> None:
    """Count suggestions a job stored."""
    if count > 0:
        SUGGESTIONS.labels(how).inc(count)


class QueueCollector(Collector):
    """Jobs waiting and running, read from the database when scraped."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            with self.app.extensions["cg_sessions"]() as session:
                backlog = jobs.backlog(session)
        except Exception:  # no database: the other metrics still go out
            return
        depth = GaugeMetricFamily(
            "cg_jobs_in_queue", "Jobs not finished, by state.", labels=["state"]
        )
        depth.add_metric(["pending"], backlog.pending)
        depth.add_metric(["queued"], backlog.queued)
        depth.add_metric(["running"], backlog.running)
        yield depth
        yield GaugeMetricFamily(
            "cg_jobs_oldest_waiting_seconds",
            "How long the oldest job not started has waited.",
            value=jobs.waiting_since(backlog),
        )


def registry(app: Flask) -> CollectorRegistry:
    """What a scrape returns: this process's samples (or every process's), and the queue."""
    reg = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(reg)
    else:
        for collector in (REQUEST_SECONDS, JOB_SECONDS, JOBS, SUGGESTIONS):
            reg.register(collector)
    reg.register(QueueCollector(app))
    return reg


def init_app(app: Flask) -> None:
    """Time every request, count every job, and serve `/metrics`."""
    app.extensions["cg_job_runner"].observers.append(observe_job)

    @app.before_request
    def _start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def _observe(response: Response) -> Response:
        started = g.get("started")
        if started is not None and request.endpoint != "metrics":
            endpoint = request.endpoint or "none"  # never the raw path: it holds tokens
            REQUEST_SECONDS.labels(endpoint, request.method, str(response.status_code)).observe(
                time.perf_counter() - started
            )
        return response

    @app.get("/metrics")
    def metrics() -> Any:
        """Prometheus metrics of this host's processes."""
        token = current_app.config.get("METRICS_TOKEN") or ""
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if token and not hmac.compare_digest(given.encode(), token.encode()):
            abort(404)
        body = generate_latest(registry(this_app()))
        headers = {"Content-Type": CONTENT_TYPE_LATEST, "Cache-Control": "no-store"}
        return Response(body, headers=headers)
