"""when a sign-in link was last emailed to a registered address

Revision ID: 0004_sign_in_mail
Revises: 0003_session_versions
Create Date: 2026-12-03 21:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sign_in_mail"
down_revision = "0003_session_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of attendees would cascade away rows pointing at it.
    op.add_column(
        "attendees", sa.Column("sign_in_mailed_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_column("sign_in_mailed_at")
