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
    # Sessions carry this version: logging out or a new password ends them all.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    created_at: Mapped[created_at]

    events: Mapped[list[Event]] = relationship(back_populates="organizer")

    def end_sessions(self) -> None:
        """Sign this organizer out on every browser."""
        self.session_version = (self.session_version or 1) + 1


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
    # How much shared personal interests count against professional ones (1: equally);
    # None: the matcher's default (professional fit first).
    personal_weight: Mapped[float | None]
    # IANA name: meeting times are shown (and entered by the organizer) in it.
    timezone: Mapped[str] = mapped_column(sa.String(64), default="UTC", server_default="UTC")
    # Speed-networking rhythm: round n starts at rounds_start + (n - 1) x (minutes +
    # break), on the event's date in its time zone. None: no times shown.
    rounds_start: Mapped[dt.time | None]
    round_minutes: Mapped[int | None]
    round_break_minutes: Mapped[int] = mapped_column(default=0, server_default="0")
    organizer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizers.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[created_at]

    organizer: Mapped[Organizer | None] = relationship(back_populates="events")
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
