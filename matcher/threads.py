"""One BLAS thread for the many small matrix products of scoring and explanations.

`threadpoolctl.threadpool_limits` scans every loaded shared library on each call
(about a millisecond, more under load); the controller scans once per process.
"""

from __future__ import annotations

from typing import Any

from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def single_blas_thread() -> Any:
    """A context manager limiting BLAS to one thread while it is open."""
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")
