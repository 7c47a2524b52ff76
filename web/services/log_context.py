"""Which request or job a log line belongs to (a context variable, read by web.logs).

A request sets its request id; a job sets "job-<id>"; threads start with "-". No Flask.
"""

from __future__ import annotations

from contextvars import ContextVar, Token

_current: ContextVar[str] = ContextVar("cg_log_context", default="-")


def current() -> str:
    """The request id or job this code runs for, "-" when none."""
    return _current.get()


def bind(value: str) -> Token[str]:
    """Log as `value` until `reset` (or the end of this thread or context)."""
    return _current.set(value)


def reset(token: Token[str]) -> None:
    """Go back to what was bound before `bind`."""
    _current.reset(token)
