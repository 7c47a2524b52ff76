"""events.personal_weight: how much personal interests count against professional ones

Revision ID: 0009_personal_weight
Revises: 0008_attendee_versions
Create Date: 2026-12-04 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_personal_weight"
down_revision = "0008_attendee_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (a batch copy of events would cascade-delete its attendees).
    # NULL: the matcher's default balance.
    op.add_column("events", sa.Column("personal_weight", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("personal_weight")
