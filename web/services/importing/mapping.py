"""Which profile field each column holds: format detection and guesses from the wording.

Eventbrite attendee reports and Luma guest exports are recognised by their fixed
columns; custom registration questions ("What are you looking for?") are mapped by
their wording; anything else is kept as an extra answer. The organizer can override
every guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models import FIELDS_BY_NAME, PROFILE_FIELDS

# Target fields, in the order the preview offers them: the profile, name parts, the rest.
FIELDS: dict[str, str] = {
    "email": "Email",
    "name": FIELDS_BY_NAME["name"].label,
    "first_name": "First name",
    "last_name": "Last name",
    **{f.name: f.label for f in PROFILE_FIELDS if f.name != "name"},
    "extra": "Keep as extra answer",
    "ignore": "Ignore this column",
}
# At most one column may feed these.
SINGLE_FIELDS = frozenset(
    {"email", "first_name", "last_name", *(f.name for f in PROFILE_FIELDS if f.kind == "line")}
)
FORMAT_NAMES = {"eventbrite": "Eventbrite attendee report", "luma": "Luma guest list"}
FORMAT_NAMES["generic"] = "CSV with a header row"


def normalise(header: str) -> str:
    """A header as compared: lower case, `_` as space, no trailing punctuation."""
    text = header.lower().replace("_", " ").replace("\u2019", "'")
    return " ".join(text.split()).strip(" :?*.").strip()


# Exact (normalised) column names of the generic CSV and of the registration systems.
STANDARD: dict[str, str] = {
    **dict.fromkeys(["email", "e-mail", "email address", "e-mail address", "mail"], "email"),
    **dict.fromkeys(["name", "full name", "attendee name", "guest name"], "name"),
    **dict.fromkeys(["first name", "firstname", "given name", "forename"], "first_name"),
    **dict.fromkeys(["last name", "lastname", "surname", "family name"], "last_name"),
    **dict.fromkeys(["headline", "tagline"], "headline"),
    **dict.fromkeys(["job title", "jobtitle", "title", "role", "position"], "job_title"),
    **dict.fromkeys(
        ["company", "company name", "organization", "organisation", "employer", "affiliation"],
        "company",
    ),
    **dict.fromkeys(["interests", "professional interests", "topics", "tags"], "interests"),
    **dict.fromkeys(["personal interests", "hobbies"], "personal_interests"),
    **dict.fromkeys(["looking for", "looking_for", "seeking", "needs"], "looking_for"),
    **dict.fromkeys(["offering", "offer", "offers", "can offer"], "offering"),
    **dict.fromkeys(
        ["organizations", "organisations", "past employers", "schools", "affiliations"],
        "organizations",
    ),
    **dict.fromkeys(["about", "bio", "about me", "working on"], "about"),
    **dict.fromkeys(["linkedin", "linkedin url", "linkedin profile", "links", "link"], "links"),
    **dict.fromkeys(
        ["external id", "attendee #", "attendee id", "api id", "guest id", "registration id"],
        "external_id",
    ),
}

# Registration-system bookkeeping and contact data we do not need: ignored by default
# (privacy by default; the organizer may still keep a column as an extra answer).
SYSTEM_COLUMNS = frozenset(
    [
        # Eventbrite
        "order #", "order date", "quantity", "price tier", "ticket type", "group",
        "order type", "currency", "total paid", "fees paid", "eventbrite fees",
        "eventbrite payment processing", "attendee status", "barcode #", "buyer first name",
        "buyer last name", "buyer email", "check-in date", "checked in", "device name",
        "discount", "access code", "tax", "invited by", "gender", "age", "birth date",
        "blog", "event name", "event id", "ticket price", "payment status", "order id",
        # Luma
        "created at", "approval status", "custom source", "checked in at", "amount",
        "amount tax", "amount discount", "coupon code", "eth address", "solana address",
        "survey response rating", "survey response feedback", "ticket type id",
        "ticket name", "qr code url", "has joined event", "utm source", "utm medium",
        "utm campaign", "registered at", "invited at", "phone number", "telegram",
    ]
)  # fmt: skip
_PRIVATE_PATTERN = re.compile(
    r"phone|mobile|\baddress\b|\bzip\b|postcode|postal|\bstreet\b|passport|date of birth|"
    r"^(home|work|billing|shipping) |password|credit card|iban"
)

# Custom questions: (field, pattern) tried in order; the first match wins.
WORDING: list[tuple[str, re.Pattern[str]]] = [
    (f, re.compile(p))
    for f, p in [
        ("links", r"linkedin"),
        (
            "personal_interests",
            r"hobb|personal interest|outside (of )?work|free time|spare time|for fun|weekend",
        ),
        (
            "offering",
            r"\boffer|help (others|people|someone|other attendees)|can you (help|share|teach|"
            r"give)|happy to help|could help|bring to|share with|teach|mentor (others|someone)",
        ),
        (
            "looking_for",
            r"looking for|hoping to|hope to|want(ing)? to (meet|find|learn|get)|seeking|"
            r"need help|what do you need|get out of|goals?\b|would like to meet|who .*meet|"
            r"challenges?\b",
        ),
        ("organizations", r"organi[sz]ations|past (employ|compan)|previous(ly)? (employ|compan|"
         r"work)|worked (at|for)|alma mater|school|universit|studied|alumni|"
         r"where did you (study|work)"),
        ("interests", r"interest|topic|talk about|passionate|excited about|curious about|"
         r"\bareas?\b|industr|\bfield\b|focus|expertise|skills?"),
        ("about", r"about (you|yourself)|\bbio\b|working on|tell us|introduce yourself|"
         r"describe yourself|what do you do|your (work|project)"),
        ("job_title", r"job title|\brole\b|position|\btitle\b"),
        ("company", r"company|employer|organi[sz]ation\b|affiliation|startup|where do you work"),
        ("headline", r"headline|tagline|one.?liner|elevator pitch"),
        ("name", r"\bfull name\b|your name"),
        ("email", r"e-?mail"),
    ]
]  # fmt: skip


@dataclass
class Column:
    """One column of the file: its header, the field it feeds and a few sample values."""

    index: int
    header: str
    field: str
    guessed: str
    samples: list[str]


def detect_format(header: list[str]) -> str:
    """The file's origin ("eventbrite", "luma" or "generic"), from the header row."""
    names = {normalise(h) for h in header}
    if "order #" in names and ({"first name", "email"} <= names or "attendee #" in names):
        return "eventbrite"
    if ("api id" in names or "guest id" in names) and "email" in names:
        return "luma"
    return "generic"


def guess_field(header: str) -> str:
    """The field a column most likely feeds, from its name or question wording."""
    name = normalise(header)
    if name in STANDARD:
        return STANDARD[name]
    if name in SYSTEM_COLUMNS or _PRIVATE_PATTERN.search(name) and "email" not in name:
        return "ignore"
    for field_name, pattern in WORDING:
        if pattern.search(name):
            return field_name
    return "extra"


def guess_mapping(header: list[str]) -> list[str]:
    """A field per column; a repeated single-valued field falls back to an extra answer."""
    fields = [guess_field(h) for h in header]
    # Exact standard names claim their field before a question that merely mentions it.
    taken = {f for h, f in zip(header, fields, strict=True) if normalise(h) in STANDARD}
    claimed: set[str] = set()
    for i, (h, f) in enumerate(zip(header, fields, strict=True)):
        if f not in SINGLE_FIELDS:
            continue
        exact = normalise(h) in STANDARD
        if f in claimed or (not exact and f in taken):
            fields[i] = "extra"
        else:
            claimed.add(f)
    return fields


def mapping_problems(fields: list[str], header: list[str]) -> list[str]:
    """What makes a mapping unusable (no email, no name, a field fed twice)."""
    problems = []
    if "email" not in fields:
        problems.append(
            "No column holds the email address, which identifies each attendee. "
            f"Columns found: {', '.join(header)}. Choose the email column in the mapping."
        )
    if not {"name", "first_name", "last_name"} & set(fields):
        problems.append("No column holds the attendees' names. Choose the name column(s).")
    for single in sorted(SINGLE_FIELDS):
        columns = [h for h, f in zip(header, fields, strict=True) if f == single]
        if len(columns) > 1:
            listed = " and ".join(f"“{c}”" for c in columns)
            problems.append(f"{listed} are both mapped to {FIELDS[single]}; choose one.")
    return problems


def resolve_column(header: list[str], name: str) -> int | None:
    """The index of the column called `name` (case and spacing insensitive)."""
    wanted = normalise(name)
    for i, h in enumerate(header):
        if h == name:
            return i
    for i, h in enumerate(header):
        if normalise(h) == wanted:
            return i
    return None
