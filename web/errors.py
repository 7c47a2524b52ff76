"""Error pages and JSON errors: never a stack trace on screen."""

from __future__ import annotations

import logging

from flask import Flask, g, render_template, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    SecurityError,
    ServiceUnavailable,
)

from web.logs import redact

log = logging.getLogger(__name__)

MESSAGES = {
    400: "That request could not be understood. Please go back and try again.",
    403: "You do not have access to this page.",
    404: "There is nothing here. Check the link, or ask the person who shared it.",
    405: "That action is not allowed here.",
    413: "That upload is too large.",
    429: "Too many requests in a short time. Please wait a moment and try again.",
    500: "Something went wrong on our side. Nothing you entered was lost; please try again.",
    503: "The service is briefly unavailable. Please try again in a minute.",
}


def wants_json() -> bool:
    """API paths and clients that prefer JSON get JSON errors."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_response(
    code: str, message: str, status: int, field: str | None = None
) -> tuple[dict[str, object] | str, int]:
    """A JSON or HTML error with a status code."""
    if wants_json():
        body: dict[str, object] = {"code": code, "message": message}
        if field:
            body["field"] = field
        return {"error": body}, status
    return render_template("error.html", status=status, message=message), status


def _rollback() -> None:
    session = g.get("db")
    if session is not None:
        session.rollback()


def init_app(app: Flask) -> None:
    """Register handlers for HTTP errors, lost databases and unexpected failures."""

    @app.errorhandler(SecurityError)
    def unknown_host(exc: SecurityError) -> tuple[str, int, dict[str, str]]:
        # A Host header outside TRUSTED_HOSTS: no URL can be built for it, so no page.
        log.info("refused a request for an untrusted host: %s", exc.description)
        return "Unknown host.\n", 400, {"Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[dict[str, object] | str, int]:
        status = exc.code or 500
        message = MESSAGES.get(status) or exc.description or "Error"
        if status in (400, 403, 413, 429) and exc.description and wants_json():
            message = exc.description
        return error_response(exc.name.lower().replace(" ", "_"), message, status)

    @app.errorhandler(OperationalError)
    def database_unavailable(exc: OperationalError) -> tuple[dict[str, object] | str, int]:
        log.warning("database unavailable: %s", exc.orig)
        _rollback()
        return error_response("service_unavailable", MESSAGES[503], ServiceUnavailable.code)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> tuple[dict[str, object] | str, int]:
        log.exception("unhandled error on %s %s", request.method, redact(request.path))
        _rollback()
        return error_response("internal_error", MESSAGES[500], InternalServerError.code)
