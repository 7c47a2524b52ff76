"""attendee versions: an index on (event_id, updated_at) for the event state's version

Revision ID: 0008_attendee_versions
Revises: 0007_console
Create Date: 2026-12-04 02:45:00
"""

from alembic import op

revision = "0008_attendee_versions"
down_revision = "0007_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every scan reads the count, highest id and latest update of its event's
    # attendees; with this index that is one pass over the index, not the table.
    op.create_index("ix_attendees_event_id_updated_at", "attendees", ["event_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_attendees_event_id_updated_at", table_name="attendees")
