"""console: organizer-hidden attendees, pinned introductions, round times

Revision ID: 0007_console
Revises: 0006_jobs
Create Date: 2026-12-03 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_console"
down_revision = "0006_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of attendees or events would drop the table, and
    # with foreign keys on that deletes every row referencing it (STATUS 20:50).
    op.add_column(
        "attendees", sa.Column("hidden", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column(
        "suggestions", sa.Column("pinned", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column("events", sa.Column("rounds_start", sa.Time(), nullable=True))
    op.add_column("events", sa.Column("round_minutes", sa.Integer(), nullable=True))
    op.add_column(
        "events",
        sa.Column("round_break_minutes", sa.Integer(), server_default="0", nullable=False),
    )
    op.create_table(
        "pinned_introductions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "attendee_id < other_id", name=op.f("ck_pinned_introductions_ordered_pair")
        ),
        sa.ForeignKeyConstraint(
            ["attendee_id"],
            ["attendees.id"],
            name=op.f("fk_pinned_introductions_attendee_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_pinned_introductions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["attendees.id"],
            name=op.f("fk_pinned_introductions_other_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pinned_introductions")),
        sa.UniqueConstraint(
            "attendee_id", "other_id", name=op.f("uq_pinned_introductions_attendee_id_other_id")
        ),
    )
    op.create_index(op.f("ix_pinned_introductions_event_id"), "pinned_introductions", ["event_id"])
    op.create_index(op.f("ix_pinned_introductions_other_id"), "pinned_introductions", ["other_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_pinned_introductions_other_id"), table_name="pinned_introductions")
    op.drop_index(op.f("ix_pinned_introductions_event_id"), table_name="pinned_introductions")
    op.drop_table("pinned_introductions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("round_break_minutes")
        batch_op.drop_column("round_minutes")
        batch_op.drop_column("rounds_start")
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.drop_column("pinned")
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_column("hidden")
