"""An import in two steps: analyse the file (mapping and preview), then check or commit.

Both steps stream the file from disk. Committing validates and writes in one pass and
rolls back when any row is bad, so a bad file leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from web.services.importing.mapping import (
    FIELDS,
    FORMAT_NAMES,
    Column,
    detect_format,
    guess_mapping,
    mapping_problems,
    resolve_column,
)
from web.services.importing.reading import FileInfo, ImportFileError, iter_rows, sniff
from web.services.importing.records import AttendeeRecord, RecordBuilder, RowError, Skipped
from web.services.importing.store import OnCreated, existing_emails, write_batch

BATCH = 1000
MAX_ERRORS = 200
SAMPLE_ROWS = 200


@dataclass
class Plan:
    """A file ready to import: how to read it and which field each column feeds."""

    path: Path
    info: FileInfo
    format: str
    columns: list[Column]

    @property
    def fields(self) -> list[str]:
        """The field of each column, in file order."""
        return [c.field for c in self.columns]

    @property
    def format_name(self) -> str:
        """A human name of the detected format."""
        return FORMAT_NAMES[self.format]

    @property
    def problems(self) -> list[str]:
        """Reasons the mapping cannot be imported as it is."""
        return mapping_problems(self.fields, self.info.header)


@dataclass
class Report:
    """What an import found (a check) or did (a commit)."""

    rows: int = 0
    valid: int = 0
    new: int = 0
    existing: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    samples: list[AttendeeRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        """Nothing stands in the way of committing."""
        return not self.problems and not self.error_count and self.valid > 0

    @property
    def skipped_count(self) -> int:
        """Rows left out on purpose (e.g. cancelled registrations)."""
        return sum(self.skipped.values())


def analyse(path: Path, overrides: Mapping[int, str] | None = None) -> Plan:
    """Read the header and the first rows: format, guessed mapping (with `overrides`)."""
    info = sniff(path)
    fields = guess_mapping(info.header)
    for index, target in (overrides or {}).items():
        if not 0 <= index < len(fields) or target not in FIELDS:
            raise ValueError(f"no column {index} or no field {target!r}")
        fields[index] = target
    samples: list[list[str]] = [[] for _ in info.header]
    rows = iter_rows(path, info)
    try:
        for count, (_, values) in enumerate(rows):
            if count >= SAMPLE_ROWS:
                break
            for index, value in enumerate(values[: len(info.header)]):
                text = " ".join(value.split())
                if text and len(samples[index]) < 3:
                    samples[index].append(text if len(text) <= 80 else text[:79] + "…")
    finally:
        rows.close()
    guessed = guess_mapping(info.header)
    columns = [
        Column(index=i, header=h, field=fields[i], guessed=guessed[i], samples=samples[i])
        for i, h in enumerate(info.header)
    ]
    return Plan(path=path, info=info, format=detect_format(info.header), columns=columns)


def overrides_by_name(header: list[str], assignments: list[str]) -> dict[int, str]:
    """Parse `COLUMN=field` assignments (the CLI's --map) into column indexes."""
    overrides: dict[int, str] = {}
    for assignment in assignments:
        if "=" not in assignment:
            raise ImportFileError(f"--map {assignment!r}: write it as COLUMN=field.")
        name, target = (part.strip() for part in assignment.rsplit("=", 1))
        target = target.lower().replace("-", "_").replace(" ", "_")
        if target not in FIELDS:
            raise ImportFileError(
                f"--map {assignment!r}: unknown field {target!r}; choose one of "
                f"{', '.join(FIELDS)}."
            )
        index = resolve_column(header, name)
        if index is None:
            raise ImportFileError(
                f"--map {assignment!r}: the file has no column {name!r}. "
                f"Its columns are: {', '.join(header)}."
            )
        overrides[index] = target
    return overrides


def _records(plan: Plan, report: Report) -> Iterator[AttendeeRecord]:
    """Valid records in file order; errors, duplicates and skips go into `report`."""
    builder = RecordBuilder(plan.info.header, plan.fields)
    first_row_of: dict[str, int] = {}
    for row, values in iter_rows(plan.path, plan.info):
        report.rows += 1
        result = builder.build(row, values)
        if isinstance(result, Skipped):
            report.skipped[result.reason] = report.skipped.get(result.reason, 0) + 1
            continue
        if isinstance(result, AttendeeRecord):
            earlier = first_row_of.setdefault(result.email, row)
            if earlier != row:
                result = RowError(row, f"the email {result.email} is already in row {earlier}.")
        if isinstance(result, RowError):
            report.error_count += 1
            if len(report.errors) < MAX_ERRORS:
                report.errors.append(result)
            continue
        report.valid += 1
        if len(report.samples) < 5:
            report.samples.append(result)
        yield result


def check(session: Session, event_id: int, plan: Plan) -> Report:
    """Validate every row and count new and registered attendees; writes nothing."""
    report = Report(problems=plan.problems)
    if report.problems:
        return report
    batch: list[str] = []
    for record in _records(plan, report):
        batch.append(record.email)
        if len(batch) >= BATCH:
            report.existing += len(existing_emails(session, event_id, batch))
            batch = []
    report.existing += len(existing_emails(session, event_id, batch))
    report.new = report.valid - report.existing
    if report.rows == 0:
        raise ImportFileError("The file has a header row but no attendee rows.")
    return report


def commit(
    session: Session, event_id: int, plan: Plan, on_created: OnCreated | None = None
) -> Report:
    """Validate and write the file in one pass, all or nothing (flushes; the caller commits).

    Rows are written in batches as they are read; at the first bad row writing stops
    (reading goes on, to report every bad row) and the session is rolled back, so
    nothing of a bad file stays. `on_created(record, private_token)` hears of each new
    attendee, e.g. to email the private link once the caller has committed.
    """
    report = Report(problems=plan.problems)
    if report.problems:
        return report
    batch: list[AttendeeRecord] = []
    try:
        for record in _records(plan, report):
            if report.error_count:
                continue
            batch.append(record)
            if len(batch) >= BATCH:
                _write(session, event_id, batch, report, on_created)
                batch = []
        if report.rows == 0:
            raise ImportFileError("The file has a header row but no attendee rows.")
    except Exception:
        session.rollback()
        raise
    if report.error_count or not report.valid:
        session.rollback()
        return report
    if batch:
        _write(session, event_id, batch, report, on_created)
    session.flush()
    report.new, report.existing = report.created, report.updated + report.unchanged
    report.committed = True
    return report


def _write(
    session: Session,
    event_id: int,
    batch: list[AttendeeRecord],
    report: Report,
    on_created: OnCreated | None,
) -> None:
    result = write_batch(session, event_id, batch, on_created)
    report.created += result.created
    report.updated += result.updated
    report.unchanged += result.unchanged
