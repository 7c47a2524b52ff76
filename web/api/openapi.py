"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Tests keep it true: every route of the blueprint is described (its operationId is the
view's name) and every described operation exists, the document validates against the
OAS 3.1 meta-schema, and schemathesis checks real responses against these schemas.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Response, jsonify, request

from web.api import bp
from web.api.attendees import MAX_BATCH
from web.api.core import ApiError
from web.api.schemas import ERRORS, JSON, PARAMS, SCHEMAS, STR, ref


def _json(schema: str, description: str, **headers: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {JSON: {"schema": ref(schema)}},
    }
    if headers:
        response["headers"] = {
            name: {"schema": STR, "description": d} for name, d in headers.items()
        }
    return response


def op(
    operation_id: str,
    summary: str,
    ok: dict[int, dict[str, Any]],
    params: tuple[str, ...] = (),
    errors: tuple[int, ...] = (401, 404, 429),
    body: str | None = None,
    tag: str = "events",
    read: bool = False,
) -> dict[str, Any]:
    """One operation: its parameters, body, success responses and error responses."""
    names = list(params) + (["if_none_match"] if read else [])
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "tags": [tag],
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in names],
        "responses": {str(code): r for code, r in ok.items()},
    }
    if read:
        operation["responses"]["304"] = {"description": "Not modified since the given ETag."}
    # Every operation refuses a query parameter it does not describe (400).
    for code in sorted({400, *errors, *((413, 415) if body else ())}):
        operation["responses"][str(code)] = _json("Error", ERRORS[code])
    if body:
        operation["requestBody"] = {"required": True, "content": {JSON: {"schema": ref(body)}}}
    if not operation["parameters"]:
        del operation["parameters"]
    return operation


def _paths() -> dict[str, Any]:
    etag = {"ETag": "Send as If-None-Match on the next read."}
    located = {"Location": "The URL of the resource."}
    page = ("limit", "cursor", "page")
    ev = "/events/{slug}"
    person = f"{ev}/attendees/{{email}}"
    return {
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description (no key needed)",
                "tags": ["meta"],
                "security": [],
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 document.",
                        "content": {JSON: {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/events": {
            "get": op(
                "list_events",
                "Your events",
                {200: _json("EventList", "A page of events.", **etag)},
                page,
                (400, 401, 429),
                read=True,
            )
        },
        ev: {
            "get": op(
                "get_event",
                "One event",
                {200: _json("Event", "The event.", **etag)},
                ("slug",),
                read=True,
            )
        },
        f"{ev}/attendees": {
            "get": op(
                "list_attendees",
                "The event's attendees, a page at a time",
                {200: _json("AttendeeList", "A page of attendees.", **etag)},
                ("slug", *page, "updated_since"),
                (400, 401, 404, 429),
                tag="attendees",
                read=True,
            ),
            "post": op(
                "create_attendee",
                "Create or update the attendee with the body's email",
                {
                    201: _json("Attendee", "Created.", **located),
                    200: _json("Attendee", "Updated (or unchanged).", **located),
                },
                ("slug",),
                (401, 404, 409, 429),
                body="NewAttendee",
                tag="attendees",
            ),
        },
        f"{ev}/attendees/batch": {
            "post": op(
                "batch_attendees",
                f"Create or update up to {MAX_BATCH} attendees: all or nothing",
                {200: _json("BatchResult", "Every attendee was written.")},
                ("slug",),
                (401, 404, 409, 429),
                body="Batch",
                tag="attendees",
            )
        },
        person: {
            "get": op(
                "get_attendee",
                "One attendee",
                {200: _json("Attendee", "The attendee.", **etag)},
                ("slug", "email"),
                tag="attendees",
                read=True,
            ),
            "put": op(
                "put_attendee",
                "Create or update the attendee with this email",
                {
                    201: _json("Attendee", "Created.", **located),
                    200: _json("Attendee", "Updated (or unchanged).", **located),
                },
                ("slug", "email"),
                (401, 404, 409, 429),
                body="AttendeeInput",
                tag="attendees",
            ),
            "delete": op(
                "delete_attendee",
                "Delete the attendee and everything about them",
                {204: {"description": "Deleted."}},
                ("slug", "email"),
                tag="attendees",
            ),
        },
        f"{person}/suggestions": {
            "get": op(
                "attendee_suggestions",
                "The attendee's suggested introductions, with reasons and starters",
                {200: _json("SuggestionList", "Best first.", **etag)},
                ("slug", "email"),
                tag="matching",
                read=True,
            )
        },
        f"{ev}/runs": {
            "get": op(
                "list_runs",
                "Recent matching runs, newest first",
                {200: _json("RunList", "Up to 20 runs.", **etag)},
                ("slug",),
                tag="matching",
                read=True,
            ),
            "post": op(
                "start_run",
                "Start a matching run in the background",
                {202: _json("Run", "Started: poll the Location.", **located)},
                ("slug",),
                (401, 404, 409, 429),
                tag="matching",
            ),
        },
        f"{ev}/runs/{{run_id}}": {
            "get": op(
                "get_run",
                "A matching run and its progress",
                {200: _json("Run", "The run.", **etag)},
                ("slug", "run_id"),
                tag="matching",
                read=True,
            )
        },
        f"{ev}/introductions": {
            "get": op(
                "introductions_json",
                "Every suggested introduction, as JSON",
                {200: _json("IntroductionList", "One object per introduction.", **etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/introductions.csv": {
            "get": op(
                "introductions_csv",
                "The introductions as CSV",
                {200: _file("text/csv", etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/introductions.xlsx": {
            "get": op(
                "introductions_xlsx",
                "The introductions as an XLSX workbook",
                {200: _file(CONTENT_XLSX, etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/rounds": {
            "get": op(
                "get_rounds",
                "The speed-networking schedule",
                {200: _json("Rounds", "Rounds, tables and sit-outs.", **etag)},
                ("slug",),
                tag="rounds",
                read=True,
            ),
            "post": op(
                "plan_rounds",
                "Plan the rounds (replaces the schedule)",
                {201: _json("Rounds", "The new schedule.")},
                ("slug",),
                (401, 404, 429),
                body="RoundsInput",
                tag="rounds",
            ),
        },
        f"{ev}/rounds.csv": {
            "get": op(
                "rounds_csv",
                "The schedule as CSV, one row per attendee per round",
                {200: _file("text/csv", etag)},
                ("slug",),
                tag="rounds",
                read=True,
            )
        },
    }


CONTENT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(media_type: str, headers: dict[str, str]) -> dict[str, Any]:
    return {
        "description": "A file download.",
        "headers": {name: {"schema": STR, "description": d} for name, d in headers.items()},
        "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
    }


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Common Ground API",
            "version": "1.0.0",
            "description": (
                "Push attendees from a registration system and read suggestions, runs, "
                "exports and rounds. Authenticate with an organizer API key: "
                "`Authorization: Bearer <key>`. Errors are "
                '`{"error": {"code", "message", "field"}}`.'
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"apiKey": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An organizer API key (created on the organizer's API page).",
                }
            },
            "parameters": PARAMS,
            "schemas": SCHEMAS,
        },
    }


@cache
def _query_parameters() -> dict[str, frozenset[str]]:
    """Each operation's described query parameters, by operationId."""
    params = document()["components"]["parameters"]
    return {
        operation["operationId"]: frozenset(
            params[p["$ref"].rsplit("/", 1)[1]]["name"]
            for p in operation.get("parameters", ())
            if params[p["$ref"].rsplit("/", 1)[1]]["in"] == "query"
        )
        for item in _paths().values()
        for operation in item.values()
    }


@bp.before_request
def _only_described_query_parameters() -> None:
    """A misspelt or unknown query parameter is a 400, not silently ignored
    (registered after the key check, so a request without a key still gets 401)."""
    allowed = _query_parameters().get((request.endpoint or "").removeprefix("api."))
    unknown = sorted(set(request.args) - (allowed or frozenset()))
    if allowed is None or not unknown:
        return
    takes = ", ".join(f"`{name}`" for name in sorted(allowed)) or "none"
    raise ApiError(
        400,
        "unknown_parameter",
        f"Unknown query parameter “{unknown[0][:40]}”; this operation takes {takes}.",
        field=unknown[0][:60],
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API (public: it holds no data)."""
    return jsonify(document())
