"""`commonground match`: every attendee's suggested introductions, with a progress bar."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from web.cli.common import event_or_fail
from web.db import session_factory
from web.extensions import get_matcher
from web.organizer.runs import NOTHING_TO_MATCH
from web.services.runs import RunInProgress, create_run, execute_run


@click.command("match")
@with_appcontext
@click.argument("slug")
def match_command(slug: str) -> None:
    """Compute every attendee's suggested introductions, with a progress bar."""
    with session_factory()() as session:
        event = event_or_fail(session, slug)
    try:
        run = create_run(session_factory(), event.id)
    except RunInProgress as busy:
        raise click.ClickException(
            f"Matching is already running for {slug} (run {busy.run.id}, "
            f"{round(busy.run.progress * 100)}%). Wait for it to finish."
        ) from None
    with click.progressbar(length=1000, label="Matching", show_eta=False) as bar:
        last = [0]

        def on_progress(phase: str, fraction: float) -> None:
            step = int(fraction * 1000)
            if step > last[0]:
                bar.update(step - last[0])
                last[0] = step

        run = execute_run(session_factory(), get_matcher(), run.id, on_progress=on_progress)
    if run.status != "done":
        raise click.ClickException(run.error or "Matching failed.")
    if not run.suggestions:
        click.echo(f"No suggestions for event {slug}: {NOTHING_TO_MATCH}")
        return
    click.echo(f"{run.suggestions} suggested introductions for event {slug}.")
