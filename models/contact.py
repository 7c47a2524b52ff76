"""Badge scans and saved contacts (the follow-up list)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.attendee import Attendee
from models.base import Base, created_at, intpk

FOLLOW_UP_AFTER = dt.timedelta(hours=48)


class Scan(Base):
    """Someone opened a badge URL; `scanner_id` is set when they were signed in."""

    __tablename__ = "scans"

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    scanner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    scanned_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[created_at]


class Contact(Base):
    """`owner` saved `other` after meeting them; the pair counts as met."""

    __tablename__ = "contacts"
    __table_args__ = (sa.UniqueConstraint("owner_id", "other_id"),)

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")
    follow_up_by: Mapped[dt.datetime]
    followed_up_at: Mapped[dt.datetime | None]
    reminded_at: Mapped[dt.datetime | None]
    created_at: Mapped[created_at]

    owner: Mapped[Attendee] = relationship(foreign_keys=[owner_id])
    other: Mapped[Attendee] = relationship(foreign_keys=[other_id])
