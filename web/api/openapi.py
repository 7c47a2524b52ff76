"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Tests keep it true: every route of the blueprint is described and every described
operation exists, and schemathesis checks real responses against these schemas.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

from web.api import bp
from web.api.attendee_input import MAX_EXTRA_ANSWERS
from web.api.attendees import MAX_BATCH
from web.api.core import MAX_PAGE, MAX_PAGE_SIZE
from web.api.exports import EMAIL_KEYS, INTRO_KEYS
from web.importing.records import ITEM_LIMIT, LIMITS, LIST_TARGETS, MAX_ITEMS
from web.rounds import MAX_ROUNDS, MAX_TABLES

MAX_ID = 2**31 - 1
# Documented examples; the property-based test creates exactly this event and attendee.
EXAMPLE_SLUG = "climate-summit-2026"
EXAMPLE_EMAIL = "ada@example.org"
JSON = "application/json"


def ref(name: str) -> dict[str, str]:
    """A reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required: list[str] | None = None, strict: bool = True, **props: Any) -> dict[str, Any]:
    """An object schema with `props`, all required unless `required` says which."""
    schema: dict[str, Any] = {"type": "object", "properties": props}
    schema["required"] = list(props) if required is None else required
    if strict:
        schema["additionalProperties"] = False
    return schema


def nullable(kind: str, **kw: Any) -> dict[str, Any]:
    """A `kind` or null."""
    return {"type": [kind, "null"], **kw}


STR = {"type": "string"}
INT = {"type": "integer"}
BOOL = {"type": "boolean"}
STAMP = {"type": "string", "format": "date-time"}
STRINGS = {"type": "array", "items": STR}


def _text(key: str) -> dict[str, Any]:
    return nullable("string", maxLength=LIMITS[key])


_LIST_INPUT = {
    "description": f"A list of strings, or one string separated by `;`; at most {MAX_ITEMS}.",
    "type": ["array", "string", "null"],
    "items": {"type": "string", "maxLength": ITEM_LIMIT},
    "maxItems": MAX_ITEMS,
}
_PROFILE_INPUT: dict[str, Any] = {
    "email": {"type": "string", "format": "email", "maxLength": LIMITS["email"]},
    "name": _text("name"),
    "headline": _text("headline"),
    "company": _text("company"),
    "job_title": _text("job_title"),
    "about": _text("about"),
    "external_id": _text("external_id"),
    **dict.fromkeys((*LIST_TARGETS, "links"), _LIST_INPUT),
    "extra": {
        "description": "Answers to the registration's own questions (question → answer).",
        "type": ["object", "null"],
        "additionalProperties": {"type": "string"},
        "maxProperties": MAX_EXTRA_ANSWERS,
    },
}
_PERSON = {
    "id": INT,
    "name": STR,
    "email": nullable("string", description="Only when the person agreed to share it."),
    "external_id": nullable("string"),
}

SCHEMAS: dict[str, Any] = {
    "Error": obj(
        error=obj(
            required=["code", "message"],
            code=STR,
            message=STR,
            field={"type": "string", "description": "The input at fault, e.g. attendees[3].email"},
        ),
    ),
    "Pagination": obj(
        required=["limit", "total", "next_cursor"],
        limit=INT,
        total=INT,
        next_cursor=nullable("string", description="Pass as `cursor` for the next page."),
        page=INT,
    ),
    "Event": obj(
        required=[
            "slug",
            "name",
            "starts_on",
            "signup_open",
            "suggestions_per_attendee",
            "created_at",
        ],
        slug=STR,
        name=STR,
        starts_on=nullable("string", format="date"),
        signup_open=BOOL,
        suggestions_per_attendee=INT,
        created_at=STAMP,
        attendees={"type": "integer", "description": "Only when reading one event."},
    ),
    "EventList": obj(data={"type": "array", "items": ref("Event")}, pagination=ref("Pagination")),
    "Attendee": obj(
        id=INT,
        email={"type": "string", "format": "email"},
        name=STR,
        headline=STR,
        company=STR,
        job_title=STR,
        interests=STRINGS,
        personal_interests=STRINGS,
        looking_for=STRINGS,
        offering=STRINGS,
        organizations=STRINGS,
        about=STR,
        links=STRINGS,
        external_id=nullable("string"),
        extra={"type": "object", "additionalProperties": STR},
        listed={"type": "boolean", "description": "The attendee's choice: shown to others."},
        share_email={"type": "boolean", "description": "The attendee's choice."},
        badge_url={"type": "string", "format": "uri"},
        created_at=STAMP,
        updated_at=STAMP,
    ),
    "AttendeeList": obj(
        data={"type": "array", "items": ref("Attendee")}, pagination=ref("Pagination")
    ),
    "AttendeeInput": {
        **obj(required=[], **_PROFILE_INPUT),
        "description": "Fields left out keep their stored value; an empty value clears it. "
        "A new attendee needs a name. Consent choices belong to the attendee.",
    },
    "NewAttendee": {**obj(required=["email"], **_PROFILE_INPUT)},
    "Batch": obj(
        attendees={
            "type": "array",
            "items": ref("NewAttendee"),
            "minItems": 1,
            "maxItems": MAX_BATCH,
        }
    ),
    "BatchResult": obj(
        created=INT,
        updated=INT,
        unchanged=INT,
        attendees={
            "type": "array",
            "items": obj(email=STR, id=INT, status={"enum": ["created", "updated", "unchanged"]}),
        },
    ),
    "Suggestion": obj(
        rank=INT,
        score={"type": "number"},
        person=obj(**_PERSON, headline=STR),
        reasons=STRINGS,
        starters=STRINGS,
        shared={"type": "array", "items": obj(mine=STR, theirs=STR)},
        complements={
            "type": "array",
            "items": obj(who_needs={"enum": ["attendee", "person"]}, need=STR, offer=STR),
        },
    ),
    "SuggestionList": obj(
        attendee=obj(id=INT, email=STR, name=STR),
        data={"type": "array", "items": ref("Suggestion")},
    ),
    "Run": obj(
        id=INT,
        status={"enum": ["running", "done", "failed"]},
        phase=STR,
        progress={"type": "number", "minimum": 0, "maximum": 1},
        suggestions=nullable("integer"),
        error=nullable("string"),
        started_at=STAMP,
        finished_at=nullable("string", format="date-time"),
    ),
    "RunList": obj(data={"type": "array", "items": ref("Run")}),
    "Introduction": obj(
        **{
            k: (
                INT
                if k == "rank"
                else {"type": "number"}
                if k == "score"
                else nullable("string")
                if k in EMAIL_KEYS
                else STR
            )
            for k in INTRO_KEYS
        }
    ),
    "IntroductionList": obj(data={"type": "array", "items": ref("Introduction")}),
    "Rounds": obj(
        rounds={
            "type": "array",
            "items": obj(
                number=INT,
                tables={
                    "type": "array",
                    "items": obj(number=INT, people={"type": "array", "items": obj(**_PERSON)}),
                },
                sitting_out={"type": "array", "items": obj(**_PERSON)},
            ),
        }
    ),
    "RoundsInput": obj(
        required=["rounds", "tables"],
        rounds={"type": "integer", "minimum": 1, "maximum": MAX_ROUNDS},
        tables={"type": "integer", "minimum": 1, "maximum": MAX_TABLES},
        seed={"type": "integer", "minimum": 0, "maximum": MAX_ID},
    ),
}

ERRORS = {
    400: "Invalid input: `error.field` names what to fix.",
    401: "No API key, or an unknown or revoked one.",
    404: "Not found among this key's events (other organizers' events look the same).",
    409: "Conflicts with the current state.",
    413: "The body is larger than the limit.",
    415: "The body is not JSON.",
    429: "Too many requests with this key; wait `Retry-After` seconds.",
}
PARAMS: dict[str, Any] = {
    "slug": {
        "name": "slug",
        "in": "path",
        "required": True,
        "description": "The event's short name, as in its sign-up link.",
        "schema": STR,
        "example": EXAMPLE_SLUG,
    },
    "email": {
        "name": "email",
        "in": "path",
        "required": True,
        "description": "The attendee's email (the key within the event).",
        "schema": STR,
        "example": EXAMPLE_EMAIL,
    },
    "run_id": {
        "name": "run_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
    },
    "limit": {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 50},
    },
    "cursor": {
        "name": "cursor",
        "in": "query",
        "description": "`pagination.next_cursor` of the previous page.",
        "schema": STR,
    },
    "page": {
        "name": "page",
        "in": "query",
        "description": "A page number instead of a cursor (1 is the first).",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    },
    "if_none_match": {
        "name": "If-None-Match",
        "in": "header",
        "description": "An `ETag` from an earlier read: 304 when nothing changed.",
        "schema": STR,
    },
}


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
        "summary": summary,
        "tags": [tag],
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in names],
        "responses": {str(code): r for code, r in ok.items()},
    }
    if read:
        operation["responses"]["304"] = {"description": "Not modified since the given ETag."}
    for code in (*errors, *((400, 413, 415) if body else ())):
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
                "Your events",
                {200: _json("EventList", "A page of events.", **etag)},
                page,
                (400, 401, 429),
                read=True,
            )
        },
        ev: {
            "get": op(
                "One event",
                {200: _json("Event", "The event.", **etag)},
                ("slug",),
                read=True,
            )
        },
        f"{ev}/attendees": {
            "get": op(
                "The event's attendees, a page at a time",
                {200: _json("AttendeeList", "A page of attendees.", **etag)},
                ("slug", *page),
                (400, 401, 404, 429),
                tag="attendees",
                read=True,
            ),
            "post": op(
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
                "One attendee",
                {200: _json("Attendee", "The attendee.", **etag)},
                ("slug", "email"),
                tag="attendees",
                read=True,
            ),
            "put": op(
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
                "Delete the attendee and everything about them",
                {204: {"description": "Deleted."}},
                ("slug", "email"),
                tag="attendees",
            ),
        },
        f"{person}/suggestions": {
            "get": op(
                "The attendee's suggested introductions, with reasons and starters",
                {200: _json("SuggestionList", "Best first.", **etag)},
                ("slug", "email"),
                tag="matching",
                read=True,
            )
        },
        f"{ev}/runs": {
            "get": op(
                "Recent matching runs, newest first",
                {200: _json("RunList", "Up to 20 runs.", **etag)},
                ("slug",),
                tag="matching",
                read=True,
            ),
            "post": op(
                "Start a matching run in the background",
                {202: _json("Run", "Started: poll the Location.", **located)},
                ("slug",),
                (401, 404, 409, 429),
                tag="matching",
            ),
        },
        f"{ev}/runs/{{run_id}}": {
            "get": op(
                "A matching run and its progress",
                {200: _json("Run", "The run.", **etag)},
                ("slug", "run_id"),
                tag="matching",
                read=True,
            )
        },
        f"{ev}/introductions": {
            "get": op(
                "Every suggested introduction, as JSON",
                {200: _json("IntroductionList", "One object per introduction.", **etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/introductions.csv": {
            "get": op(
                "The introductions as CSV",
                {200: _file("text/csv", etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/introductions.xlsx": {
            "get": op(
                "The introductions as an XLSX workbook",
                {200: _file(CONTENT_XLSX, etag)},
                ("slug",),
                tag="exports",
                read=True,
            )
        },
        f"{ev}/rounds": {
            "get": op(
                "The speed-networking schedule",
                {200: _json("Rounds", "Rounds, tables and sit-outs.", **etag)},
                ("slug",),
                tag="rounds",
                read=True,
            ),
            "post": op(
                "Plan the rounds (replaces the schedule)",
                {201: _json("Rounds", "The new schedule.")},
                ("slug",),
                (401, 404, 429),
                body="RoundsInput",
                tag="rounds",
            ),
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


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API (public: it holds no data)."""
    return current_app.json.response(document())
