"""Thread limits: one BLAS thread for the many small matrix products of scoring and
explanations, one torch thread for encoding a few phrases.

`threadpoolctl.threadpool_limits` scans every loaded shared library on each call
(about a millisecond, more under load); the controller scans once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def single_blas_thread() -> Any:
    """A context manager limiting BLAS to one thread while it is open."""
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")


@contextmanager
def single_torch_thread() -> Iterator[None]:
    """Run torch on one thread in the calling thread while open.

    For a sign-up's few phrases a second thread gains little, and when the other
    core is busy (another web worker, a matching run) OpenMP's waiting threads make
    one phrase take 0.7 s instead of 45 ms (measured on the 2-core machine). The
    setting is per calling thread (an OpenMP per-thread value), so a matching run
    in another thread keeps its threads.
    """
    import torch

    before = torch.get_num_threads()
    if before == 1:
        yield
        return
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
