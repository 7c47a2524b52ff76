"""Turning one CSV row into an attendee record, or saying exactly what is wrong with it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from email_validator import EmailNotValidError, validate_email

from models import EMAIL_MAX_LENGTH, FIELDS_BY_NAME, PROFILE_FIELDS, TEXT_FIELDS
from web.services.goal_items import split_at_commas
from web.services.importing.mapping import normalise
from web.services.profile_text import (
    clean_line,
    clean_name,
    clean_text,
    link_problem,
    normalise_links,
)

# Characters of each single value (the email and the profile's text fields).
LIMITS = {"email": EMAIL_MAX_LENGTH, **{n: FIELDS_BY_NAME[n].max_length for n in TEXT_FIELDS}}
EXTRA_LIMIT = 5000
# Lists: phrases, then links.
LIST_TARGETS = tuple(f.name for f in PROFILE_FIELDS if f.is_list)
# Short tags may also be separated by commas ("hiking, jazz"); goals and offers are
# phrases, cut at commas only where a comma separates two of them (`split_at_commas`).
TAG_FIELDS = frozenset(f.name for f in PROFILE_FIELDS if f.tags)
GOAL_FIELDS = frozenset(f.name for f in PROFILE_FIELDS if f.phrases == "goal")
LABELS = {"email": "email", **{f.name: f.noun for f in PROFILE_FIELDS}}
# Registrations that are not (or no longer) coming: not imported.
SKIP_STATUS = {
    "attendee status": {
        "not attending",
        "refunded",
        "cancelled",
        "canceled",
        "deleted",
        "transferred",
    },
    "approval status": {"declined", "rejected", "cancelled", "canceled", "invited"},
}
_LIST_SPLIT = re.compile(r"\s*(?:;|\||\r?\n)\s*")
# Plain ASCII addresses (nearly all of them) are checked by this pattern; anything
# else goes through email_validator, which also explains what is wrong.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}")


@dataclass
class AttendeeRecord:
    """A valid row: the email key plus the profile values the file provides."""

    row: int
    email: str
    values: dict[str, Any]
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class RowError:
    """Why a row cannot be imported."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}: {self.message}"


@dataclass
class Skipped:
    """A row deliberately left out, e.g. a cancelled registration."""

    row: int
    reason: str


def split_list(text: str, field_name: str) -> list[str]:
    """List items from one cell: `;`, `|` or line breaks; commas too for short tags and
    between goals ("seed investors, a CTO")."""
    parts = _LIST_SPLIT.split(text.strip())
    if len(parts) == 1 and field_name in TAG_FIELDS and "," in text:
        pieces = [p.strip() for p in text.split(",")]
        if all(len(p) <= 40 and len(p.split()) <= 5 for p in pieces):
            parts = pieces
    elif field_name in GOAL_FIELDS:
        parts = [item for part in parts for item in split_at_commas(part)]
    items: list[str] = []
    seen: set[str] = set()
    for part in parts:
        item = clean_line(part)
        if item and item.lower() not in seen:
            seen.add(item.lower())
            items.append(item)
    return items


# Lines that say who someone is: normalised to what they display (look-alikes merge).
IDENTITY_FIELDS = frozenset({"name", "first_name", "last_name", "headline", "company", "job_title"})


def clean_value(key: str, text: str) -> str:
    """A text field as every entry point (form, import, API) stores it."""
    if key in IDENTITY_FIELDS:
        return clean_name(text)
    return clean_text(text) if key == "about" else clean_line(text)


def links_and_problem(items: list[str]) -> tuple[list[str], str | None]:
    """Links normalised (bare domains get https://), and why the first bad one is bad."""
    links = normalise_links(items)
    problems = (link_problem(link) for link in links)
    return links, next((p for p in problems if p), None)


def compose_headline(job_title: str, company: str) -> str:
    """The "Role at Company" headline, for files without a headline column."""
    headline = f"{job_title} at {company}" if job_title and company else job_title or company
    limit = LIMITS["headline"]
    return headline if len(headline) <= limit else headline[: limit - 1] + "…"


class RecordBuilder:
    """Builds records from rows for one header and mapping."""

    def __init__(self, header: list[str], fields: list[str]) -> None:
        self.header = header
        self.fields = fields
        self.status_columns = [
            (i, SKIP_STATUS[normalise(h)])
            for i, h in enumerate(header)
            if normalise(h) in SKIP_STATUS
        ]

    def build(self, row: int, values: list[str]) -> AttendeeRecord | RowError | Skipped:
        """The record of one row, the reason to skip it, or its errors."""
        if len(values) > len(self.header) and any(v.strip() for v in values[len(self.header) :]):
            return RowError(
                row,
                f"it has {len(values)} values but the header has {len(self.header)} columns "
                "(an unquoted separator inside a value?).",
            )
        for index, skip in self.status_columns:
            status = values[index].strip() if index < len(values) else ""
            if status.lower() in skip:
                return Skipped(row, f"status “{status}”")
        collected: dict[str, Any] = {}
        extra: dict[str, str] = {}
        problems: list[str] = []
        for index, target in enumerate(self.fields):
            raw = values[index] if index < len(values) else ""
            text = raw.strip()
            if not text or target == "ignore":
                continue
            if target == "extra":
                if len(text) > EXTRA_LIMIT:
                    problems.append(
                        f"the answer to “{self.header[index]}” is longer than "
                        f"{EXTRA_LIMIT} characters"
                    )
                extra[self.header[index]] = text
            elif target in LIST_TARGETS:
                items = collected.setdefault(target, [])
                items.extend(i for i in split_list(text, target) if i not in items)
            elif target == "about" and "about" in collected:
                collected["about"] += "\n\n" + clean_value("about", text)
            else:
                collected[target] = clean_value(target, text)
        record_values = self._profile(collected, problems)
        email = self._email(collected.get("email", ""), problems)
        if problems:
            return RowError(row, "; ".join(problems) + ".")
        return AttendeeRecord(row=row, email=email, values=record_values, extra=extra)

    def _email(self, raw: str, problems: list[str]) -> str:
        if not raw:
            problems.insert(0, "the email is missing")
            return ""
        if len(raw) > LIMITS["email"]:
            problems.insert(0, f"the email is longer than {LIMITS['email']} characters")
            return ""
        if _PLAIN_EMAIL.fullmatch(raw) and len(raw.split("@")[0]) <= 64:
            return raw.lower()
        try:
            return validate_email(raw, check_deliverability=False).normalized.lower()
        except EmailNotValidError as exc:
            problems.insert(0, f"the email “{raw}” is not valid ({exc})")
            return ""

    def _profile(self, collected: dict[str, Any], problems: list[str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        name = collected.get("name") or " ".join(
            p for p in (collected.get("first_name"), collected.get("last_name")) if p
        )
        if not name:
            problems.append("the name is missing (it is printed on the badge)")
        else:
            values["name"] = name
        for key in TEXT_FIELDS:
            if key != "name" and key in collected:
                values[key] = collected[key]
        if "headline" not in values and ("job_title" in values or "company" in values):
            values["headline"] = compose_headline(
                values.get("job_title", ""), values.get("company", "")
            )
        for key in LIST_TARGETS:
            if collected.get(key):
                values[key] = collected[key]
        if values.get("links"):
            values["links"], problem = links_and_problem(values["links"])
            if problem:
                problems.append(problem.rstrip(".").replace("A link", "a link"))
        for key, limit in LIMITS.items():
            value = values.get(key)
            if isinstance(value, str) and len(value) > limit:
                problems.append(
                    f"the {LABELS[key]} is longer than {limit} characters ({len(value)})"
                )
        for key in LIST_TARGETS:
            items = values.get(key, [])
            most, longest = FIELDS_BY_NAME[key].max_items, FIELDS_BY_NAME[key].max_length
            if len(items) > most:
                problems.append(f"{LABELS[key]} has more than {most} items")
            long_items = [i for i in items if len(i) > longest]
            if long_items:
                problems.append(
                    f"an item of {LABELS[key]} is longer than {longest} characters "
                    f"(“{long_items[0][:40]}…”)"
                )
        return values
