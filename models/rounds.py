"""Speed-networking rounds: where each attendee sits in each round."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at, intpk


class RoundAssignment(Base):
    """`attendee` sits at `table_number` in `round_number`; no table means a sit-out.

    Table-mates are the rows with the same event, round and table. `notes` holds, per
    table-mate id, a short line on what the two have in common ("you both …").
    """

    __tablename__ = "round_assignments"
    __table_args__ = (sa.UniqueConstraint("event_id", "round_number", "attendee_id"),)

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    round_number: Mapped[int]
    table_number: Mapped[int | None]
    attendee_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    notes: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[created_at]
