"""A large run's per-pair work on every core: contiguous slices, the rest in forked children.

Pair scores and explanations are plain Python and numpy on one thread; the model
uses every core, and so should they. The work is split into contiguous slices:
this process does the first, forked children the others, and the results come
back in order. Children are forked, so they see the run's data without copying it
(copy-on-write) and run nothing but the slice function: no model, no faiss, no
database. Where fork is unavailable, or a child dies, the slice is done here.
Python 3.12 warns when a process with threads forks (a child could inherit a lock
held by another thread); these children take no lock: they compute and return.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# Slice functions of the calls in progress, by token: a forked child finds its
# function here (closures cannot be pickled; the child has a copy of this dict).
_TASKS: dict[int, tuple[Callable[[int, int], Any], Callable[[Any], Any] | None]] = {}
_TOKENS = itertools.count()
_LOCK = threading.Lock()


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def slices(
    n: int, parts: int, weights: Sequence[int] | None = None, overhead: float = 0.0
) -> list[tuple[int, int]]:
    """`parts` contiguous (start, stop) ranges covering 0..n, balanced by `weights` (n,).

    `overhead`: what sending a child's result back costs, as a share of computing
    it; the first slice (done in this process) is that much larger.
    """
    parts = max(1, min(parts, n)) if n else 1
    total = list(itertools.accumulate(weights if weights is not None else [1] * n, initial=0))
    share = total[-1] / (parts + overhead)
    cuts = [0]
    for p in range(1, parts):
        goal = share * (p + overhead)
        cuts.append(min(n, max(cuts[-1], bisect.bisect_left(total, goal, lo=cuts[-1]))))
    cuts.append(n)
    return [(cuts[p], cuts[p + 1]) for p in range(parts) if cuts[p + 1] > cuts[p]] or [(0, n)]


def _run_slice(token: int, start: int, stop: int) -> Any:
    fn, encode = _TASKS[token]
    result = fn(start, stop)
    return encode(result) if encode is not None else result


def map_slices(
    fn: Callable[[int, int], T],
    n: int,
    processes: int,
    weights: Sequence[int] | None = None,
    codec: tuple[Callable[[T], Any], Callable[[Any], T]] | None = None,
    overhead: float = 0.0,
) -> list[tuple[tuple[int, int], T]]:
    """[((start, stop), fn(start, stop)) for each slice of 0..n], the first slice here,
    the others in `processes - 1` forked children (`weights`: the cost of each item).
    `fn` must not touch the model, faiss or a database. `codec`: (encode, decode) for
    a child's result, when pickling `T` itself is slow; `overhead`: see `slices`.
    """
    ranges = slices(n, processes, weights, overhead)
    if len(ranges) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [(r, fn(*r)) for r in ranges]
    token = next(_TOKENS)
    with _LOCK:
        _TASKS[token] = (fn, codec[0] if codec else None)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(ranges) - 1, mp_context=context) as pool:
            futures = [pool.submit(_run_slice, token, start, stop) for start, stop in ranges[1:]]
            first = fn(*ranges[0])
            decode = codec[1] if codec else None
            rest = [_result(f, fn, r, decode) for f, r in zip(futures, ranges[1:], strict=True)]
            return list(zip(ranges, [first, *rest], strict=True))
    finally:
        with _LOCK:
            _TASKS.pop(token, None)


def _result(
    future: Future[Any],
    fn: Callable[[int, int], T],
    bounds: tuple[int, int],
    decode: Callable[[Any], T] | None,
) -> T:
    try:
        result = future.result()
    except BrokenProcessPool:  # the child was killed (out of memory?): do its part here
        log.warning("a worker process died; computing pairs %d..%d in this one", *bounds)
        return fn(*bounds)
    return decode(result) if decode is not None else result
