"""Logs with a request id and without private tokens.

Every line a request (or a job) writes says which one it was, and no line holds a
token from a URL (private links, email sign-ins, password resets, badges): `redact`
replaces each with "[token]" in the app's, werkzeug's and gunicorn's logs alike.

The id comes from the `X-Request-ID` header a proxy set (when it looks like an id),
else a new random one; it is sent back in `X-Request-ID`, so a user's report or the
proxy's access log leads to the lines. Jobs log as "job-<id>".
"""

from __future__ import annotations

import logging
import os
import re
import uuid

from flask import Flask, Response, g, request

from web.services import log_context

FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
_GOOD_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# The path segment after these is a secret (or, for badges, opens a person's page):
# /m/<private link>, /e/<event>/sign-in/<email link>, /organizer/password/reset/<reset>,
# /b/<badge>. The shape of the path stays readable: "/b/[token]/qr.png".
_TOKEN_IN_PATH = re.compile(r"(/(?:m|b|sign-in|password/reset)/)[^/?#\s\"'\x1b]+")
# ...and the badge a visitor scanned before signing up (/e/<event>/join?badge=<badge>).
_TOKEN_IN_QUERY = re.compile(r"([?&]badge=)[^&#\s\"'\x1b]+")


def redact(text: str) -> str:
    """`text` with every token of a private, sign-in, reset or badge URL replaced."""
    return _TOKEN_IN_QUERY.sub(r"\1[token]", _TOKEN_IN_PATH.sub(r"\1[token]", text))


class RedactTokens(logging.Filter):
    """Rewrites a record's message without the tokens of URLs in it (see `redact`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


REDACT_TOKENS = RedactTokens()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (the request's, the job's, or "-")."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = log_context.current()
        return True


def configure(level: str | None = None) -> None:
    """Send logs to stderr with the request id, unless the host set logging up already."""
    root = logging.getLogger()
    if any(getattr(h, "cg_handler", False) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(REDACT_TOKENS)
    handler.cg_handler = True  # type: ignore[attr-defined]
    if not root.handlers:  # pytest and embedding hosts bring their own
        root.addHandler(handler)
        root.setLevel(level or os.environ.get("LOG_LEVEL", "INFO").upper())


def init_app(app: Flask) -> None:
    """Give each request an id, bound for its log lines and echoed in the response;
    keep tokens out of the development server's request lines and Flask's own."""
    if not app.testing:
        configure()
    for logger in (logging.getLogger("werkzeug"), app.logger):
        logger.addFilter(REDACT_TOKENS)  # the same filter is added once only

    @app.before_request
    def _bind_request_id() -> None:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _GOOD_ID.match(given) else uuid.uuid4().hex
        g.request_id = request_id
        g.log_token = log_context.bind(request_id)

    @app.after_request
    def _echo_request_id(response: Response) -> Response:
        if "request_id" in g:
            response.headers["X-Request-ID"] = g.request_id
        return response

    @app.teardown_request
    def _unbind(_exc: BaseException | None) -> None:
        token = g.pop("log_token", None)
        if token is not None:
            log_context.reset(token)
