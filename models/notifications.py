"""What attendees are told (notifications) and what they tell us back (feedback)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, created_at, intpk, str_list, utcnow

if TYPE_CHECKING:
    from models.attendee import Attendee
    from models.meetings import Meeting


class Notification(Base):
    """Something `attendee` should know about, e.g. a meeting request from `actor`.

    `kind` names what happened (see web.services.notifications); the text is made
    when shown, so it always uses the current names.
    """

    __tablename__ = "notifications"
    __table_args__ = (sa.Index("ix_notifications_attendee_id_read_at", "attendee_id", "read_at"),)

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    attendee_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[created_at]
    read_at: Mapped[dt.datetime | None]
    emailed_at: Mapped[dt.datetime | None]

    attendee: Mapped[Attendee] = relationship(foreign_keys=[attendee_id])
    actor: Mapped[Attendee | None] = relationship(foreign_keys=[actor_id])
    meeting: Mapped[Meeting | None] = relationship()


class Feedback(Base):
    """`rater`'s answer after meeting `other`: how much in common (1-5), meet again?

    `kinds` keeps the kinds of reason the pair was introduced for (shared topic,
    complement, personal) as they were when rated, for the organizer's statistics.
    """

    __tablename__ = "meeting_feedback"
    __table_args__ = (
        sa.UniqueConstraint("rater_id", "other_id"),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    rater_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    rating: Mapped[int]
    meet_again: Mapped[bool | None]
    kinds: Mapped[str_list]
    created_at: Mapped[created_at]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
