"""`commonground links`: private links for the organizer's own mail merge."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import click
from flask import current_app, url_for
from flask.cli import with_appcontext

from web.cli.common import atomic_file, event_or_fail
from web.config import configured_base_url
from web.db import session_factory
from web.services.exporting import csv_chunks
from web.services.private_links import LINK_HEADERS, link_rows, reissue_links


def link_base(base_url: str | None) -> str:
    """The public address links point to (--base-url, else PUBLIC_BASE_URL), or an error."""
    base = (base_url or configured_base_url()).strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise click.ClickException(
            "Private links need the public address attendees open, like "
            "https://meet.example.org: set PUBLIC_BASE_URL or pass --base-url."
        )
    return base


@click.command("links")
@with_appcontext
@click.argument("slug")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The CSV file to write (name, email, private link).",
)
@click.option(
    "--all",
    "everyone",
    is_flag=True,
    help="Replace every attendee's link, also of those who already use theirs "
    "(default: only attendees who never opened their link).",
)
@click.option("--base-url", help="Public address the links point to (default: PUBLIC_BASE_URL).")
def links_command(slug: str, output: Path, everyone: bool, base_url: str | None) -> None:
    """Write new private links to a CSV for your own mail merge.

    Only a fingerprint of each link is stored, so each exported link is new: the
    attendee's earlier link stops working. Keep the file safe, and delete it once
    the emails are sent: each link opens that person's page.
    """
    base = link_base(base_url)
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    with session_factory()() as session:
        event = event_or_fail(session, slug)
        recipients = reissue_links(session, event, everyone)
        with app.test_request_context(base_url=base):
            rows = link_rows(
                recipients,
                lambda token: url_for("attendee.private_link", token=token, _external=True),
            )
        text = io.StringIO()
        for chunk in csv_chunks(rows, LINK_HEADERS):
            text.write(chunk)
        with atomic_file(output) as fh:
            fh.write(text.getvalue().encode("utf-8"))
        session.commit()  # the new links work only once the file is written
    who = "attendees" if everyone else "attendees who had not opened their link yet"
    click.echo(
        f"Wrote {len(recipients)} private links to {output} ({who}); "
        "their earlier links no longer work. The file opens their pages: keep it safe."
    )
