"""Events and the organizers who run them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, created_at, intpk

if TYPE_CHECKING:
    from models.attendee import Attendee


class Organizer(Base):
    """A person who runs events; logs in with email and a hashed password."""

    __tablename__ = "organizers"

    id: Mapped[intpk]
    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    created_at: Mapped[created_at]

    events: Mapped[list[Event]] = relationship(back_populates="organizer")


class Event(Base):
    """One event: its attendees are matched with each other, never across events."""

    __tablename__ = "events"

    id: Mapped[intpk]
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    starts_on: Mapped[dt.date | None]
    signup_open: Mapped[bool] = mapped_column(default=True)
    suggestions_per_attendee: Mapped[int] = mapped_column(default=5)
    # None: the matcher's default cap (3 x suggestions_per_attendee).
    exposure_cap: Mapped[int | None]
    exclude_same_company: Mapped[bool] = mapped_column(default=False)
    organizer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizers.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[created_at]

    organizer: Mapped[Organizer | None] = relationship(back_populates="events")
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
