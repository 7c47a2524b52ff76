"""event departures: attendees deleted, counted on their event

Revision ID: 0011_event_departures
Revises: 0010_attendee_id_index
Create Date: 2026-12-04 13:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_event_departures"
down_revision = "0010_attendee_id_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Whether an event's attendees changed is asked on every scan: arrivals and edits
    # from the ends of two indexes, departures from this counter (models.departures)
    # instead of counting every attendee.
    op.add_column(
        "events", sa.Column("departures", sa.Integer(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    op.drop_column("events", "departures")
