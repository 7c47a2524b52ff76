"""gunicorn settings: `gunicorn -c python:web.gunicorn_conf 'web:create_app()'`.

scripts/serve.sh serves this way, and so should production (README, Deployment). Each
setting can be changed through the environment: BIND (or HOST and PORT),
WEB_CONCURRENCY (worker processes), GUNICORN_TIMEOUT (seconds a request may take).
Every worker loads the model when it starts (MATCHER_WARM_UP=1), so no visitor waits
for it. With PROMETHEUS_MULTIPROC_DIR, the workers' metrics are added up (web.metrics).
Neither the access log nor gunicorn's error log holds a token from a URL (web.logs).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from gunicorn.glogging import Logger

from web.logs import REDACT_TOKENS

bind = (
    os.environ.get("BIND")
    or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
)
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Requests are short: matching, imports' emails and reminders are jobs.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
accesslog = "-"
# The request id ties an access line to the app's log lines (web.logs).
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s'


class RedactingLogger(Logger):
    """gunicorn's logger, with private-link, sign-in, reset and badge tokens replaced
    by "[token]" in every access line (path, query, referer) and error line."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(REDACT_TOKENS)


logger_class = RedactingLogger
# Workers load the model as they start (a broken one stops them there), unless told not to.
os.environ.setdefault("MATCHER_WARM_UP", "1")


def on_starting(_server: Any) -> None:
    """Start metrics afresh: samples of processes from an earlier start would add up."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        for old in path.glob("*.db"):
            old.unlink()


def child_exit(_server: Any, worker: Any) -> None:
    """A worker that exits stops counting in the live gauges (web.metrics)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
