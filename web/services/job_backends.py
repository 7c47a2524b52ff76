"""Where committed jobs go: threads of this process, or a message broker.

Both take `dispatch([(job id, name)])` after a commit (web.services.jobs.bind) and
never raise from it: a job that could not be handed over stays pending in the
database, and the next sweep (`JobRunner.due`) hands it out again.

No Flask here; the Celery glue (web/queue.py) passes the function that publishes.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from web.services.job_runner import RETRY, JobRunner
from web.services.jobs import DEFAULT_QUEUE, QUEUES, REGISTRY

log = logging.getLogger(__name__)

Publish = Callable[[int, str], None]  # (job id, queue) -> sent to the broker, or raises


def queue_of(name: str) -> str:
    """The queue job `name` goes to (the default one for names not registered here)."""
    spec = REGISTRY.get(name)
    return spec.queue if spec is not None else DEFAULT_QUEUE


class InProcessBackend:
    """Jobs run in threads of this process: the embedded default, without a broker.

    Each queue has its own small pool, so a long matching run never delays the
    refresh after a sign-up. A retry waits on a timer. Jobs a stopped process left
    behind are picked up by the next sweep, at most every `sweep_every` seconds when
    jobs are dispatched or `sweep` is called (each request's end does).
    """

    def __init__(self, runner: JobRunner, threads: int = 2, sweep_every: float = 10.0) -> None:
        self.runner = runner
        self.pools = {
            queue: ThreadPoolExecutor(max_workers=threads, thread_name_prefix=f"job-{queue}")
            for queue in QUEUES
        }
        self.sweep_every = sweep_every
        self._futures: set[Future[None]] = set()
        self._timers: set[threading.Timer] = set()
        self._lock = threading.Lock()
        self._last_sweep = 0.0
        self.closed = False

    def dispatch(self, jobs: list[tuple[int, str]]) -> None:
        """Start these committed jobs in this process's threads."""
        for job_id, name in jobs:
            self._submit(job_id, name)

    def _submit(self, job_id: int, name: str) -> None:
        if self.closed:
            return
        future = self.pools[queue_of(name)].submit(self._run, job_id, name)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)

    def _run(self, job_id: int, name: str) -> None:
        try:
            outcome, delay = self.runner.run(job_id)
        except Exception:  # the database is gone: the job stays as it was, for a sweep
            log.exception("job %s (%s) could not be run", job_id, name)
            return
        if outcome == RETRY and not self.closed:
            timer = threading.Timer(delay, self._retry, args=(job_id, name))
            timer.daemon = True
            with self._lock:
                self._timers.add(timer)
            timer.start()

    def _retry(self, job_id: int, name: str) -> None:
        with self._lock:
            self._timers = {t for t in self._timers if t.is_alive()}
        self._submit(job_id, name)

    def sweep(self, force: bool = False) -> int:
        """Run jobs left behind (never started, due retries, their worker died)."""
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_sweep < self.sweep_every:
                return 0
            self._last_sweep = now
        try:
            due = self.runner.due()
        except Exception:  # no jobs table yet, or the database is down: next time
            log.debug("job sweep skipped", exc_info=True)
            return 0
        self.dispatch(due)
        return len(due)

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until no job of this process runs or waits to (tests, shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                futures = list(self._futures)
            if not futures:
                return True
            for future in futures:
                with contextlib.suppress(Exception):  # logged by _run
                    future.result(max(0.0, deadline - time.monotonic()))
        return False

    def close(self) -> None:
        """Stop taking jobs; cancel retry timers (their jobs stay pending for a sweep)."""
        self.closed = True
        with self._lock:
            timers, self._timers = list(self._timers), set()
        for timer in timers:
            timer.cancel()
        for pool in self.pools.values():
            pool.shutdown(wait=False, cancel_futures=True)


class BrokerBackend:
    """Jobs go to the broker, for `commonground worker` processes on any host.

    Publishing happens after the commit and must never hold up the request: when the
    broker fails, jobs stay pending in the database (the console says so) and no
    request tries the broker again for `pause` seconds; the workers' relay
    (`relay_once`) hands the pending jobs over once it is back.
    """

    def __init__(self, runner: JobRunner, publish: Publish, pause: float = 5.0) -> None:
        self.runner = runner
        self.publish = publish
        self.pause = pause
        self._paused_until = 0.0

    @property
    def reachable(self) -> bool:
        """False while publishing is paused after a failure."""
        return time.monotonic() >= self._paused_until

    def dispatch(self, jobs: list[tuple[int, str]]) -> None:
        """Publish these committed jobs, unless the broker failed a moment ago."""
        if jobs and self.reachable:
            self._send(jobs)

    def _send(self, jobs: list[tuple[int, str]]) -> int:
        sent: list[int] = []
        try:
            for job_id, name in jobs:
                self.publish(job_id, queue_of(name))
                sent.append(job_id)
        except Exception as exc:
            self._paused_until = time.monotonic() + self.pause
            log.warning(
                "broker unreachable (%s): %d job(s) wait in the database for it",
                exc,
                len(jobs) - len(sent),
            )
        try:
            self.runner.mark_queued(sent)
        except Exception:  # still handed over; at worst the relay sends it again
            log.warning("could not mark %d job(s) queued", len(sent), exc_info=True)
        return len(sent)

    def relay_once(self) -> int:
        """Hand the broker every job that is due (the relay's one step); how many went."""
        due = self.runner.due()
        if not due:
            return 0
        sent = self._send(due)
        if sent:
            log.info("relayed %d job(s) to the broker", sent)
        return sent
