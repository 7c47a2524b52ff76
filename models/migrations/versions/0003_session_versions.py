"""session versions: revocable attendee and organizer sessions; when a link was last used

Revision ID: 0003_session_versions
Revises: 0002_meetings
Create Date: 2026-12-03 21:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_session_versions"
down_revision = "0002_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite supports it): a batch copy of these tables would drop
    # them, and with foreign keys on that deletes every row that references them.
    op.add_column(
        "attendees",
        sa.Column("session_version", sa.Integer(), server_default="1", nullable=False),
    )
    op.add_column(
        "attendees",
        sa.Column("revoked_sessions", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
    )
    op.add_column(
        "attendees",
        sa.Column("link_used_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "organizers",
        sa.Column("session_version", sa.Integer(), server_default="1", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("organizers", schema=None) as batch_op:
        batch_op.drop_column("session_version")
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_column("link_used_at")
        batch_op.drop_column("revoked_sessions")
        batch_op.drop_column("session_version")
