"""attendee id index: (event_id, id), so an event's highest attendee id is one lookup

Revision ID: 0010_attendee_id_index
Revises: 0009_personal_weight
Create Date: 2026-12-04 10:15:00
"""

from alembic import op

revision = "0010_attendee_id_index"
down_revision = "0009_personal_weight"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every scan reads its event's highest attendee id (web.services.event_states):
    # from the end of this index, where the (event_id, updated_at) one made it read
    # every entry of the event.
    op.create_index("ix_attendees_event_id_id", "attendees", ["event_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_attendees_event_id_id", table_name="attendees")
