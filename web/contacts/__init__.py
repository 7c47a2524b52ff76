"""The contacts blueprint: my saved contacts, follow-up and exports (J4).

Endpoints: `contacts.index`, `contacts.done`, `contacts.export_vcf`,
`contacts.export_csv`. Saving happens from a scanned badge (`badges.save`).
The `send-reminders` command emails due follow-ups.
"""

from flask import Blueprint

# cli_group=None: `send-reminders` sits at the top level of the `commonground` CLI.
bp = Blueprint("contacts", __name__, cli_group=None)

from web.contacts import views  # noqa: E402, F401  (routes register on import)
from web.contacts.reminders import send_reminders_command  # noqa: E402

bp.cli.add_command(send_reminders_command)
