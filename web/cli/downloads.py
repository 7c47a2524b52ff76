"""Downloads from the command line: `export`, `badges`, `rounds`."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from web.cli.common import atomic_file, event_or_fail
from web.config import configured_base_url
from web.db import session_factory
from web.extensions import get_matcher
from web.services import rounds as rounds_glue
from web.services.badges_pdf import PAPERS, BadgeError, event_badges_pdf
from web.services.exporting import FORMATS, csv_chunks, export_event


@click.command("export")
@with_appcontext
@click.argument("slug")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="CSV (UTF-8 with BOM) or an Excel workbook (default: from the file's extension).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write.",
)
def export_command(slug: str, fmt: str | None, output: Path) -> None:
    """Export an event's suggested introductions, one row per suggestion."""
    fmt = fmt or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    with session_factory()() as session:
        event = event_or_fail(session, slug)
        with atomic_file(output) as fh:
            count = export_event(session, event, fmt, fh)
    click.echo(f"Wrote {count} suggested introductions to {output}.")


@click.command("badges")
@with_appcontext
@click.argument("slug")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The PDF file to write.",
)
@click.option("--paper", type=click.Choice(sorted(PAPERS)), default="a4", show_default=True)
@click.option("--base-url", help="Public address the QR codes point to (default: PUBLIC_BASE_URL).")
def badges_command(slug: str, output: Path, paper: str, base_url: str | None) -> None:
    """Write a printable PDF with every attendee's badge, six per page."""
    base = base_url or configured_base_url()
    with session_factory()() as session:
        event = event_or_fail(session, slug)
        try:
            pdf = event_badges_pdf(session, event, base, paper=paper)
        except BadgeError as exc:
            raise click.ClickException(str(exc)) from None
        people = len(event.attendees)
    with atomic_file(output) as fh:
        fh.write(pdf)
    click.echo(f"Wrote {people} badges on {paper.upper()} paper to {output}.")


@click.command("rounds")
@with_appcontext
@click.argument("slug")
@click.option("--rounds", "count", type=int, required=True, help="How many rounds.")
@click.option("--tables", type=int, required=True, help="How many tables (two or three seats).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the schedule as CSV to this file.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Tie-breaking seed.")
def rounds_command(slug: str, count: int, tables: int, output: Path | None, seed: int) -> None:
    """Plan speed-networking rounds: new people at every table, the best matches first."""
    with session_factory()() as session:
        event = event_or_fail(session, slug)
        try:
            schedule = rounds_glue.plan_event_rounds(
                session, get_matcher(), event, count, tables, seed=seed, notes_budget=None
            )
        except rounds_glue.RoundsError as exc:
            raise click.ClickException(str(exc)) from None
        session.commit()
        rows = list(rounds_glue.schedule_rows(session, event))
        suggested = rounds_glue.round_affinities(session, event)
    for rnd in schedule.rounds:
        out = f", {len(rnd.sitting_out)} sit out" if rnd.sitting_out else ""
        click.echo(f"Round {rnd.number}: {len(rnd.tables)} tables{out}")
    meetings = schedule.meetings()
    matched = sum(1 for a, b in meetings if (min(a, b, key=int), max(a, b, key=int)) in suggested)
    click.echo(f"{matched} of {len(meetings)} meetings are suggested introductions.")
    if output is not None:
        text = "".join(csv_chunks(rows, rounds_glue.SCHEDULE_HEADERS))
        with atomic_file(output) as fh:
            fh.write(text.encode("utf-8"))
        click.echo(f"Wrote the schedule to {output}.")
