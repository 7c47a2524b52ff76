"""Profile text as people type it: cleaned lines, lists of items, links.

Shared by the sign-up form, the import, the API and the demo data.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from web.services.goal_items import split_at_commas

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bidirectional embeddings, overrides, isolates and marks: they reorder what a reader
# sees ("\u202eecalevoL adA" displays as "Ada Lovelace"), so no text keeps them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def clean_text(value: str | None) -> str:
    """Unicode-normalised text without control characters, bidi controls or runs of spaces."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value)
    value = _BIDI.sub("", _CONTROL.sub("", value))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return "\n".join(lines).strip()


def clean_line(value: str | None) -> str:
    """`clean_text` on one line (newlines become spaces)."""
    return _SPACES.sub(" ", clean_text(value).replace("\n", " ")).strip()


_ORDINALS = ("ª", "º")


def clean_name(value: str | None) -> str:
    """A name or headline as it displays: one line, NFKC, no invisible format characters.

    Zero-width joiners and spaces, bidi controls, word joiners and byte-order marks
    (Unicode category Cf) are dropped and full-width letters become plain ones, so a
    name that looks like another person's is stored as exactly what it shows.
    """
    if not value:
        return ""
    # The ordinals of "4ª generación" kept: NFKC makes them plain letters (a misquote).
    value = "".join(
        p if p in _ORDINALS else unicodedata.normalize("NFKC", p) for p in re.split("([ªº])", value)
    )
    return clean_line("".join(ch for ch in value if unicodedata.category(ch) != "Cf"))


def split_list(text: str | None, *, goals: bool = False) -> list[str]:
    """Items of a list field: `;` or newlines separate; commas only when there is no `;`.

    With `goals` ("looking for", "can offer") a comma separates only where it parts two
    goals, as the import reads them: "seed investors, a CTO" is two, "startups in
    energy, water and food" one (`split_at_commas`).
    Empty items and repeats (ignoring case) are dropped; order is kept.
    """
    text = clean_text(text)
    if not text:
        return []
    if ";" in text or "\n" in text:
        parts = re.split(r"[;\n]", text)
    else:
        parts = [text] if goals else text.split(",")
    if goals:
        parts = [item for part in parts for item in split_at_commas(part)]
    items: list[str] = []
    seen: set[str] = set()
    for part in parts:
        item = clean_line(part).strip(" ,.·•-")
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            items.append(item)
    return items


def join_list(items: list[str]) -> str:
    """The text form of a list, as the form shows it."""
    return "; ".join(items)


def is_link(value: str) -> bool:
    """Whether `value` is a plausible http(s) link to a named host."""
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:  # e.g. a broken IPv6 literal
        return False
    return parts.scheme in ("http", "https") and "." in host and not re.search(r"\s", value)


def normalise_link(text: str) -> str:
    """One link as typed, cleaned; a bare domain ("example.org/me") gets https://."""
    link = clean_line(text).rstrip(",")
    if link and not _SCHEME.match(link):
        link = "https://" + link
    return link


def link_problem(link: str) -> str | None:
    """Why `link` (normalised) cannot be shown as a link, or None when it can.

    The one rule for every way links come in (form, API, import): http(s) to a named
    host, so `javascript:`, `data:` and the like never reach a page or a vCard.
    (How long a link may be is each entry point's limit.)
    """
    if not is_link(link):
        return f"“{link[:60]}” does not look like a web address."
    return None


def split_links(text: str | None) -> list[str]:
    """Links, one per line (or `;`/space separated); bare domains get https://."""
    return normalise_links(re.split(r"[;\s]+", clean_text(text)))


def normalise_links(items: list[str]) -> list[str]:
    """Each link normalised (`normalise_link`), empty ones and repeats dropped."""
    links: list[str] = []
    for item in items:
        link = normalise_link(item)
        if link and link not in links:
            links.append(link)
    return links
