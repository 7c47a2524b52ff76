"""Reading registration exports: encoding, separator, header and a stream of rows.

Files are read from disk row by row, so a 50,000-row export never sits in memory.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20
SEPARATORS = (",", ";", "\t")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""


@dataclass
class FileInfo:
    """How to read a file: its encoding, separator and (cleaned) header."""

    encoding: str
    delimiter: str
    header: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def encoding_label(self) -> str:
        """A human name of the encoding."""
        return {
            "utf-8": "UTF-8",
            "utf-8-sig": "UTF-8 (with byte order mark)",
            "utf-16": "UTF-16",
            "cp1252": "Windows-1252",
        }.get(self.encoding, self.encoding)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> tuple[str, list[str]]:
    """The file's text encoding and any warning about it."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise ImportFileError("The file is empty. Export the attendee list again and upload it.")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            "This is an Excel workbook, not a CSV file. In Excel choose "
            "File → Save As → “CSV UTF-8 (Comma delimited)” and upload that file."
        )
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise ImportFileError(
            "The file is not readable text (it contains NUL bytes: UTF-16 without a byte "
            "order mark, or a binary file). Export it again as “CSV UTF-8”."
        )
    elif _decodes(path, "utf-8"):
        return "utf-8", []
    elif _decodes(path, "cp1252"):
        return "cp1252", [
            "The file is not UTF-8, so it was read as Windows-1252 (Western European). "
            "Check that names with accents look right below; if not, export it again as "
            "“CSV UTF-8”."
        ]
    else:
        raise ImportFileError(
            "The file's text encoding is not UTF-8 nor Windows-1252, so names would come out "
            "garbled. Export it again as “CSV UTF-8” and upload that file."
        )
    if not _decodes(path, encoding):
        raise ImportFileError(
            f"The file starts like {encoding.upper()} text but contains bytes that are not. "
            "Export it again as “CSV UTF-8”."
        )
    return encoding, []


def _open(path: Path, encoding: str) -> io.TextIOWrapper:
    return path.open("r", encoding=encoding, newline="")


def _guess_delimiter(first_line: str) -> str:
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def clean_header(raw: list[str]) -> list[str]:
    """Trimmed, unique column names ("Column 4" for a blank one, "Email (2)" for a repeat)."""
    seen: dict[str, int] = {}
    header = []
    for position, name in enumerate(raw, start=1):
        name = " ".join(name.replace("\ufeff", "").split()) or f"Column {position}"
        key = name.lower()
        seen[key] = seen.get(key, 0) + 1
        header.append(name if seen[key] == 1 else f"{name} ({seen[key]})")
    return header


def sniff(path: Path) -> FileInfo:
    """Encoding, separator and header of the CSV at `path` (raises ImportFileError)."""
    encoding, warnings = detect_encoding(path)
    with _open(path, encoding) as fh:
        first_line = fh.readline()
        while first_line and not first_line.strip():
            first_line = fh.readline()
    delimiter = _guess_delimiter(first_line)
    rows = iter_rows(path, FileInfo(encoding, delimiter, []), header=True)
    try:
        _, raw = next(rows)
    except StopIteration:
        raise ImportFileError("The file is empty.") from None
    finally:
        rows.close()
    if len(raw) < 2 and delimiter == ",":
        warnings.append("The header row has a single column: is this really a CSV export?")
    return FileInfo(encoding, delimiter, clean_header(raw), warnings)


def iter_rows(
    path: Path, info: FileInfo, header: bool = False
) -> Generator[tuple[int, list[str]], None, None]:
    """Yield (row number, values) per non-blank record; the header is row 1.

    Row numbers count records, as a spreadsheet shows them, not physical lines.
    With `header=True` the header row itself is yielded first.
    """
    with _open(path, info.encoding) as fh:
        reader = csv.reader(fh, delimiter=info.delimiter, strict=True)
        row_number = 0
        started = False
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(
                    f"Row {row_number + 1} (line {reader.line_num} of the file): the quoting "
                    f"is broken ({exc}). A value that contains the separator, a quote or a "
                    "line break must be enclosed in double quotes, and a quote inside it "
                    'written twice (""). Fix the file or export it again.'
                ) from None
            if not any(v.strip() for v in values):
                if started:
                    row_number += 1  # a blank row still occupies a spreadsheet row
                continue
            started = True
            row_number += 1
            if row_number == 1 and not header:
                continue
            yield row_number, values
