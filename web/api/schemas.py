"""Component schemas and parameters of the OpenAPI document (JSON Schema 2020-12).

They describe exactly what `web.api.resources` returns and what `web.api.attendee_input`
accepts, with the import's limits.
"""

from __future__ import annotations

from typing import Any

from models import FIELDS_BY_NAME, PROFILE_FIELDS, TEXT_FIELDS, ProfileField
from web.api.attendee_input import MAX_EXTRA_ANSWERS
from web.api.attendees import MAX_BATCH
from web.api.core import MAX_PAGE, MAX_PAGE_SIZE
from web.api.exports import EMAIL_KEYS, INTRO_KEYS
from web.services.importing.records import LIMITS, LIST_TARGETS
from web.services.rounds import MAX_ROUNDS, MAX_TABLES

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


def _list(key: str) -> dict[str, Any]:
    field = FIELDS_BY_NAME[key]
    return {
        "description": (
            f"A list of strings, or one string separated by `;`; at most {field.max_items}."
        ),
        "type": ["array", "string", "null"],
        "items": {"type": "string", "maxLength": field.max_length},
        "maxItems": field.max_items,
    }


def _stored(field: ProfileField) -> dict[str, Any]:
    """A profile field as the API returns it."""
    if field.is_list:
        return STRINGS
    return nullable("string") if field.name == "external_id" else STR


_STORED_PROFILE: dict[str, Any] = {f.name: _stored(f) for f in PROFILE_FIELDS}
_PROFILE_INPUT: dict[str, Any] = {
    "email": {"type": "string", "format": "email", "maxLength": LIMITS["email"]},
    **{key: _text(key) for key in TEXT_FIELDS},
    **{key: _list(key) for key in LIST_TARGETS},
    "extra": {
        "description": "Answers to the registration's own questions (question → answer).",
        "type": ["object", "null"],
        "additionalProperties": {"type": "string"},
        "maxProperties": MAX_EXTRA_ANSWERS,
    },
}
_PERSON: dict[str, Any] = {
    "id": INT,
    "name": STR,
    "email": nullable("string", description="Only when the person agreed to share it."),
    "external_id": nullable("string"),
}

_INTRODUCTION: dict[str, Any] = {
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
        **_STORED_PROFILE,
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
    "Introduction": obj(**_INTRODUCTION),
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
    "updated_since": {
        "name": "updated_since",
        "in": "query",
        "description": "Only attendees created or changed since this time (ISO 8601; UTC "
        "without an offset). Deletions do not show here.",
        "schema": {"type": "string", "format": "date-time"},
    },
    "if_none_match": {
        "name": "If-None-Match",
        "in": "header",
        "description": "An `ETag` from an earlier read: 304 when nothing changed.",
        "schema": STR,
    },
}
