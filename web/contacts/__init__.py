"""The contacts blueprint: my saved contacts, follow-up and exports (J4).

Endpoints: `contacts.index`, `contacts.done`, `contacts.export_vcf`,
`contacts.export_csv`. Saving happens from a scanned badge (`badges.save`).
The `send-reminders` command (web.cli) emails due follow-ups.
"""

from flask import Blueprint

bp = Blueprint("contacts", __name__)

from web.contacts import views  # noqa: E402, F401  (routes register on import)
