"""Exports of my contacts: vCard 3.0 (.vcf) and CSV.

Emails are written only where the contact's owner may see them (consent); CSV
cells that a spreadsheet could run as formulas are neutralised; names with
accents, commas and semicolons survive both formats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from matcher import wording
from web.services.contacts import ContactView, aware
from web.services.exporting import neutralise
from web.services.profile_text import link_problem

CSV_HEADERS = [
    "Name",
    "Headline",
    "Company",
    "Email",
    "Note",
    "What you have in common",
    "Saved at (UTC)",
    "Follow up by (UTC)",
    "Follow-up",
]


def _escape(value: str) -> str:
    """A vCard 3.0 text value: backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 2425)."""
    out: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = " " + char
            limit = 75
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


_PREFIXES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}


def name_parts(name: str) -> tuple[str, str, str, str]:
    """(family, given, prefix, suffix) for the N property; the last word is the family name.

    "Dr. José Núñez-García" -> ("Núñez-García", "José", "Dr.", "");
    "Benoît Ngô, Jr." -> ("Ngô", "Benoît", "", "Jr.").
    """
    main, _, suffix = name.partition(",")
    words = main.split()
    prefix = ""
    if len(words) > 1 and words[0].casefold() in _PREFIXES:
        prefix, words = words[0], words[1:]
    if len(words) < 2:
        return " ".join(words), "", prefix, suffix.strip()
    return words[-1], " ".join(words[:-1]), prefix, suffix.strip()


def common_ground_text(view: ContactView) -> str:
    """A one-line summary: shared items in both words, complements, ties (`wording.summary`)."""
    return wording.summary(view.common_ground)


def vcard(views: Sequence[ContactView]) -> str:
    """All contacts as one vCard 3.0 file (CRLF line ends, folded lines)."""
    cards = []
    for view in views:
        other = view.other
        family, given, prefix, suffix = name_parts(other.name)
        note_parts = [p for p in (view.contact.note, common_ground_text(view)) if p]
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{_escape(other.name)}",
            f"N:{_escape(family)};{_escape(given)};;{_escape(prefix)};{_escape(suffix)}",
        ]
        if other.headline:
            lines.append(f"TITLE:{_escape(other.headline)}")
        if other.company:
            lines.append(f"ORG:{_escape(other.company)}")
        if view.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{_escape(view.email)}")
        # Only web links, also for profiles stored before every entry point checked them.
        for link in [u for u in other.links if link_problem(u) is None][:3]:
            lines.append(f"URL:{_escape(link)}")
        if note_parts:
            lines.append(f"NOTE:{_escape(chr(10).join(note_parts))}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(_fold(line) for line in lines))
    return "\r\n".join(cards) + ("\r\n" if cards else "")


def contacts_csv(views: Sequence[ContactView]) -> str:
    """All contacts as CSV text (the caller adds a BOM so spreadsheets read UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for view in views:
        other, contact = view.other, view.contact
        row = [
            other.name,
            other.headline,
            other.company,
            view.email or "",
            contact.note,
            common_ground_text(view),
            aware(contact.created_at).strftime("%Y-%m-%d %H:%M"),
            aware(contact.follow_up_by).strftime("%Y-%m-%d %H:%M"),
            view.state,
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
