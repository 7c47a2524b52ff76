"""One pending request per pair (was: one pending or booked meeting), so a pair can meet again

Revision ID: 0005_meetings_pending_pair
Revises: 0004_sign_in_mail
Create Date: 2026-12-03 21:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_meetings_pending_pair"
down_revision = "0004_sign_in_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("uq_meetings_open_pair", table_name="meetings")
    op.create_index(
        "uq_meetings_pending_pair",
        "meetings",
        ["pair_low", "pair_high"],
        unique=True,
        sqlite_where=sa.text("status = 'pending'"),
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("uq_meetings_pending_pair", table_name="meetings")
    op.create_index(
        "uq_meetings_open_pair",
        "meetings",
        ["pair_low", "pair_high"],
        unique=True,
        sqlite_where=sa.text("status IN ('pending', 'accepted')"),
        postgresql_where=sa.text("status IN ('pending', 'accepted')"),
    )
