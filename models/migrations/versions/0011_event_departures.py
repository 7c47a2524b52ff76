"""departures: a row for each attendee deleted, by event

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
    # from the ends of two attendee indexes, departures from the end of this table's
    # (models.departures) instead of counting every attendee.
    op.create_table(
        "departures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_index("ix_departures_event_id_id", "departures", ["event_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_departures_event_id_id", table_name="departures")
    op.drop_table("departures")
