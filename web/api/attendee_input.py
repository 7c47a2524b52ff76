"""An attendee sent as JSON, checked with the import's rules and turned into its record.

The API writes through the import's upsert (`web.services.importing.store.write_batch`), with the
same limits, email normalisation, list splitting and "Role at Company" headline, so an
attendee pushed by the API and one imported from a file are stored the same way.
Fields left out keep their stored value; an empty value clears it.
"""

from __future__ import annotations

from typing import Any

from email_validator import EmailNotValidError, validate_email

from models import FIELDS_BY_NAME, PROFILE_FIELDS
from web.api.core import ApiError
from web.services.importing.records import (
    EXTRA_LIMIT,
    LABELS,
    LIMITS,
    AttendeeRecord,
    clean_value,
    compose_headline,
    links_and_problem,
    split_list,
)
from web.services.profile_text import clean_line

# Text values (the registration ID, which may be null, is read on its own).
TEXT_FIELDS = tuple(f.name for f in PROFILE_FIELDS if not f.is_list and f.name != "external_id")
LIST_FIELDS = tuple(f.name for f in PROFILE_FIELDS if f.is_list)
WRITABLE = frozenset({"email", *(f.name for f in PROFILE_FIELDS), "extra"})
MAX_EXTRA_ANSWERS = 100


def invalid(field: str, message: str) -> ApiError:
    """A 400 naming the field at fault."""
    return ApiError(400, "validation_error", message, field=field)


def check_characters(text: str, where: str) -> str:
    """`text`, unless it holds what no database can store (NUL, unpaired surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid(
            where, "The text holds an invalid character (an unpaired surrogate)."
        ) from None
    if "\x00" in text:
        raise invalid(where, "The text holds a NUL character.")
    return text


def normalise_email(raw: Any, field: str = "email") -> str:
    """The email as the import stores it (validated, normalised, lower case)."""
    if not isinstance(raw, str) or not raw.strip():
        raise invalid(field, "The email is missing.")
    raw = check_characters(raw.strip(), field)
    if len(raw) > LIMITS["email"]:
        raise invalid(field, f"The email is longer than {LIMITS['email']} characters.")
    try:
        return validate_email(raw, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise invalid(field, f"The email “{raw[:80]}” is not valid ({exc}).") from None


def _text(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str):
        raise invalid(where, f"The {LABELS[key]} must be a string.")
    check_characters(value, where)
    text = clean_value(key, value)
    limit = LIMITS[key]
    if len(text) > limit:
        raise invalid(where, f"The {LABELS[key]} is longer than {limit} characters ({len(text)}).")
    return text


def _items(value: Any, key: str, where: str) -> list[str]:
    most, longest = FIELDS_BY_NAME[key].max_items, FIELDS_BY_NAME[key].max_length
    if isinstance(value, str):
        items = split_list(check_characters(value, where), key)
    elif isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise invalid(where, f"Every item of {LABELS[key]} must be a string.")
        if len(value) > most:
            raise invalid(where, f"{LABELS[key].capitalize()} has more than {most} items.")
        if any(len(v) > longest for v in value):
            raise invalid(where, f"An item of {LABELS[key]} is longer than {longest} characters.")
        for item in value:
            check_characters(item, where)
        items = []
        seen: set[str] = set()
        for item in (clean_line(v) for v in value):
            if item and item.lower() not in seen:
                seen.add(item.lower())
                items.append(item)
    else:
        raise invalid(where, f"{LABELS[key].capitalize()} must be a list of strings.")
    if len(items) > most:
        raise invalid(where, f"{LABELS[key].capitalize()} has more than {most} items.")
    long_items = [i for i in items if len(i) > longest]
    if long_items:
        raise invalid(
            where,
            f"An item of {LABELS[key]} is longer than {longest} characters "
            f"(“{long_items[0][:40]}…”).",
        )
    if key == "links":
        items, problem = links_and_problem(items)
        if problem:
            raise invalid(where, problem)
    return items


def _extra(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise invalid(where, "`extra` must be an object of question → answer strings.")
    if len(value) > MAX_EXTRA_ANSWERS:
        raise invalid(where, f"`extra` has more than {MAX_EXTRA_ANSWERS} answers.")
    answers: dict[str, str] = {}
    for question, answer in value.items():
        check_characters(question, where)
        if not isinstance(answer, str) or len(question) > 200:
            raise invalid(f"{where}.{question[:40]}", "Each answer must be a string.")
        check_characters(answer, f"{where}.{question[:40]}")
        if len(answer) > EXTRA_LIMIT:
            raise invalid(
                f"{where}.{question[:40]}", f"The answer is longer than {EXTRA_LIMIT} characters."
            )
        if answer.strip():
            answers[question] = answer.strip()
    return answers


def attendee_record(
    data: Any, prefix: str = "", email: str | None = None, row: int = 1
) -> AttendeeRecord:
    """The record of one JSON attendee; `email` from the URL wins over a missing body email.

    `prefix` names the place in a batch ("attendees[3].") for the `field` of errors.
    """
    if not isinstance(data, dict):
        raise invalid(prefix.rstrip(".") or "body", "An attendee must be a JSON object.")
    unknown = sorted(set(data) - WRITABLE)
    if unknown:
        raise invalid(
            f"{prefix}{unknown[0][:60]}",
            f"Unknown field “{unknown[0][:40]}”. Writable fields: {', '.join(sorted(WRITABLE))}.",
        )
    if (
        email is not None
        and data.get("email") is not None
        and normalise_email(data["email"], f"{prefix}email") != email
    ):
        raise invalid(f"{prefix}email", "The email in the body differs from the one in the URL.")
    address = email if email is not None else normalise_email(data.get("email"), f"{prefix}email")
    values: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        if key in data and data[key] is not None:
            values[key] = _text(data[key], key, f"{prefix}{key}")
    if "name" in values and not values["name"]:
        raise invalid(f"{prefix}name", "The name cannot be empty (it is printed on the badge).")
    if "external_id" in data:
        external = data["external_id"]
        values["external_id"] = (
            _text(external, "external_id", f"{prefix}external_id") or None
            if external is not None
            else None
        )
    for key in LIST_FIELDS:
        if key in data and data[key] is not None:
            values[key] = _items(data[key], key, f"{prefix}{key}")
    if "headline" not in values and ("job_title" in values or "company" in values):
        values["headline"] = compose_headline(
            values.get("job_title", ""), values.get("company", "")
        )
    extra = _extra(data["extra"], f"{prefix}extra") if data.get("extra") is not None else {}
    return AttendeeRecord(row=row, email=address, values=values, extra=extra)
