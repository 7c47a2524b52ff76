"""The API's plumbing: key authentication, JSON errors, body and rate limits, ETags, paging."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from flask import Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from models import ApiKey, Event
from web import config, rate_limits
from web.api import bp
from web.db import get_session, session_factory
from web.errors import MESSAGES
from web.organizer.forms import SLUG_PATTERN
from web.services.api_keys import key_for_token, touch, use_to_record

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_PAGE = 1_000_000
PUBLIC_ENDPOINTS = frozenset({"api.openapi"})
SLUG = re.compile(SLUG_PATTERN)
AUTH_CHALLENGE = 'Bearer realm="Common Ground API"'


class ApiError(Exception):
    """An error the client can act on: HTTP status, machine code, message, offending field."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.headers = headers or {}


def error_json(
    status: int, code: str, message: str, field: str | None = None, **headers: str
) -> Response:
    """The `{"error": {"code", "message", "field"}}` response every API failure uses."""
    body: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        body["field"] = field
    response = jsonify({"error": body})
    response.status_code = status
    response.headers.update(headers)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> Response:
    return error_json(exc.status, exc.code, exc.message, exc.field, **exc.headers)


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    code = exc.name.lower().replace(" ", "_")
    if status == 413:
        limit = request.max_content_length or config.api_max_body_bytes()
        message = f"The request body is larger than {limit} bytes; send fewer attendees at once."
    elif status == 404:
        message = "There is nothing at this address."
    else:
        message = MESSAGES.get(status) or exc.description or "Error"
    headers = {k: v for k, v in exc.get_headers() if k in ("Allow", "Retry-After")}
    return error_json(status, code, message, **headers)


@bp.after_app_request
def _allow_on_405(response: Response) -> Response:
    """Routing errors under /api/ never reach the blueprint: add the `Allow` header here."""
    if response.status_code == 405 and request.path.startswith("/api/"):
        adapter = current_app.url_map.bind_to_environ(request.environ)
        allowed = sorted(adapter.allowed_methods())
        if allowed:
            response.headers["Allow"] = ", ".join(allowed)
    return response


def current_key() -> ApiKey:
    """The API key of this request (set by the authentication hook)."""
    key: ApiKey = g.api_key
    return key


def _bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    if not header:
        raise ApiError(
            401,
            "missing_api_key",
            "Send your API key as the header `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": AUTH_CHALLENGE},
        )
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "invalid_api_key",
            "The Authorization header must be `Bearer <key>`.",
            headers={"WWW-Authenticate": f'{AUTH_CHALLENGE}, error="invalid_request"'},
        )
    return token.strip()


@bp.before_request
def _authenticate() -> None:
    """Every API request but the description: a valid key, a body limit, a rate limit."""
    request.max_content_length = config.api_max_body_bytes()
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    session = get_session()
    key = key_for_token(session, _bearer_token())
    if key is None:
        raise ApiError(
            401,
            "invalid_api_key",
            "This API key is unknown or was revoked.",
            headers={"WWW-Authenticate": f'{AUTH_CHALLENGE}, error="invalid_token"'},
        )
    g.api_key = key
    _rate_limit(key)
    if use_to_record(key):
        _record_use(key.id)
    has_body = request.method in ("POST", "PUT", "PATCH") and bool(request.content_length)
    if has_body and not request.is_json:
        raise ApiError(
            415,
            "unsupported_media_type",
            "Send the body as JSON with `Content-Type: application/json`.",
        )


def _record_use(key_id: int) -> None:
    """Record the key's use in a transaction of its own: it counts even if the request fails.

    The request's session is left alone, so the request still commits in one place.
    """
    with session_factory()() as session:
        touch(session, session.get_one(ApiKey, key_id))
        session.commit()


def _rate_limit(key: ApiKey) -> None:
    if not config.rate_limiting():
        return
    limit, window = config.api_rate_limit()
    if not rate_limits.hit("api", str(key.id), limit, window):
        raise ApiError(
            429,
            "rate_limited",
            f"More than {limit} requests in {window} seconds with this key; slow down.",
            headers={"Retry-After": str(window)},
        )


@bp.after_request
def _conditional(response: Response) -> Response:
    """ETags on successful reads, so `If-None-Match` answers 304 Not Modified."""
    if request.method == "GET" and response.status_code == 200 and not response.is_streamed:
        response.headers.setdefault("Cache-Control", "private, no-cache")
        response.add_etag()
        response.make_conditional(request)
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def json_body() -> Any:
    """The request's JSON document (415 when it is not JSON, 400 when it does not parse)."""
    if not request.is_json:
        raise ApiError(
            415,
            "unsupported_media_type",
            "Send the body as JSON with `Content-Type: application/json`.",
        )
    raw = request.get_data(cache=True)  # 413 beyond the body limit
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", f"The body is not valid JSON ({exc}).") from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "The body is nested too deeply.") from None


def event_for_key(slug: str) -> Event:
    """The key's organizer's event `slug`; 404 for any other (no hint that it exists)."""
    event = None
    if SLUG.fullmatch(slug):  # anything else is no event (and may not even be storable text)
        event = get_session().scalar(
            sa.select(Event).where(
                Event.slug == slug, Event.organizer_id == current_key().organizer_id
            )
        )
    if event is None:
        raise ApiError(404, "event_not_found", f"You have no event “{slug}”.", field="slug")
    return event


def _int_arg(name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(
            400, "invalid_parameter", f"`{name}` must be a whole number.", name
        ) from None
    if not low <= value <= high:
        raise ApiError(
            400, "invalid_parameter", f"`{name}` must be between {low} and {high}.", name
        )
    return value


def encode_cursor(last_id: int) -> str:
    """An opaque cursor for the rows after `last_id`."""
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The row id a cursor continues after (400 when it is not one of ours)."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = text.partition(":")
        if kind != "after" or not value.isdigit() or len(value) > 18:
            raise ValueError(text)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(
            400, "invalid_parameter", "This cursor is not valid; use `next_cursor`.", "cursor"
        ) from None


def paginate(
    stmt: sa.Select[Any], id_column: Any, render: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """One page of `stmt` ordered by `id_column`: by `cursor` (preferred) or by `page`.

    `limit` is 1..MAX_PAGE_SIZE. The answer has `data` and `pagination` (`limit`, `total`,
    `next_cursor`, and `page` when paging by number); a `Link: <...>; rel="next"` header
    is added by the caller from `next_cursor`.
    """
    limit = _int_arg("limit", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE
    cursor = request.args.get("cursor")
    page = _int_arg("page", None, 1, MAX_PAGE)
    if cursor and page is not None:
        raise ApiError(400, "invalid_parameter", "Use either `cursor` or `page`, not both.", "page")
    session = get_session()
    total = session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery())) or 0
    ordered = stmt.order_by(id_column)
    if cursor:
        ordered = ordered.where(id_column > decode_cursor(cursor))
    elif page is not None:
        ordered = ordered.offset((page - 1) * limit)
    rows: Sequence[Any] = session.scalars(ordered.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    pagination: dict[str, Any] = {
        "limit": limit,
        "total": total,
        "next_cursor": encode_cursor(rows[-1].id) if more and rows else None,
    }
    if page is not None:
        pagination["page"] = page
    return {"data": [render(row) for row in rows], "pagination": pagination}


def next_link(pagination: dict[str, Any]) -> dict[str, str]:
    """The `Link` header to the next page, when there is one."""
    cursor = pagination.get("next_cursor")
    if not cursor:
        return {}
    args = {k: v for k, v in request.args.items() if k not in ("cursor", "page")}
    args["cursor"] = cursor
    return {"Link": f'<{request.base_url}?{urlencode(args)}>; rel="next"'}
