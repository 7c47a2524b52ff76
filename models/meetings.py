"""Meetings between attendees: the organizer's slots and places, requests and bookings.

Double bookings are impossible by construction, not by checks in code:

- a person is busy at most once per slot: `meeting_bookings` has one row per person
  and slot of an accepted meeting, unique on (attendee, slot);
- a place holds at most `capacity` meetings per slot: every place has one row per seat
  in `meeting_place_seats`, an accepted meeting takes one seat (a foreign key to that
  table), and (slot, place, seat) is unique among meetings;
- a pair has at most one pending request: a partial unique index (a pair may meet
  again after a meeting, so booked meetings are not in it).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, created_at, intpk, utcnow

if TYPE_CHECKING:
    from models.attendee import Attendee

MEETING_PENDING = "pending"
MEETING_ACCEPTED = "accepted"
MEETING_DECLINED = "declined"
MEETING_CANCELLED = "cancelled"
MEETING_EXPIRED = "expired"  # pending until its time passed, unanswered
OPEN_STATUSES = (MEETING_PENDING, MEETING_ACCEPTED)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """`moment` as an aware UTC datetime (SQLite hands stored ones back naive)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


class MeetingPlace(Base):
    """A table or an area where `capacity` meetings can take place at once."""

    __tablename__ = "meeting_places"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "name"),
        sa.CheckConstraint("capacity >= 1", name="capacity_positive"),
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(100))
    capacity: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[created_at]


class PlaceSeat(Base):
    """One of a place's `capacity` seats; an accepted meeting occupies one per slot."""

    __tablename__ = "meeting_place_seats"

    place_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meeting_places.id", ondelete="CASCADE"), primary_key=True
    )
    seat: Mapped[int] = mapped_column(primary_key=True)


class MeetingSlot(Base):
    """A time attendees can meet at (the organizer cuts time windows into slots)."""

    __tablename__ = "meeting_slots"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "starts_at"),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]

    @property
    def start(self) -> dt.datetime:
        """The start, aware UTC."""
        return as_utc(self.starts_at)

    @property
    def end(self) -> dt.datetime:
        """The end, aware UTC."""
        return as_utc(self.ends_at)


def new_ics_uid() -> str:
    """A random, stable calendar UID for one meeting (no ids or names in it)."""
    return secrets.token_hex(16)


class Meeting(Base):
    """A meeting `requester` asked `recipient` for: pending, accepted, declined or cancelled.

    `slot` is the proposed time while pending and the booked time once accepted;
    `awaiting` is who answers next (the recipient, or the requester after the recipient
    proposed another time). `place` and `seat` are set only while accepted.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        sa.UniqueConstraint("slot_id", "place_id", "seat"),
        sa.ForeignKeyConstraint(
            ["place_id", "seat"],
            ["meeting_place_seats.place_id", "meeting_place_seats.seat"],
            name="fk_meetings_place_seat",
        ),
        sa.CheckConstraint("requester_id <> recipient_id", name="two_people"),
        sa.CheckConstraint("pair_low < pair_high", name="pair_ordered"),
        sa.Index(
            "uq_meetings_pending_pair",
            "pair_low",
            "pair_high",
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        ),
        sa.Index("ix_meetings_event_id_slot_id", "event_id", "slot_id"),
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    requester_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    recipient_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    # The pair's ids in order: one pending request per pair, whoever asked.
    pair_low: Mapped[int]
    pair_high: Mapped[int]
    message: Mapped[str] = mapped_column(sa.String(500), default="")
    status: Mapped[str] = mapped_column(sa.String(20), default=MEETING_PENDING)
    awaiting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE")
    )
    # NO ACTION (the default), not RESTRICT: deleting an event removes its slots and
    # meetings in one statement, checked at its end. Alone, a booked slot stays.
    slot_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting_slots.id"))
    place_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting_places.id"))
    seat: Mapped[int | None]
    # What the pair has in common, from the requester's side, as it was suggested.
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    ics_uid: Mapped[str] = mapped_column(sa.String(40), default=new_ics_uid)
    # iCalendar SEQUENCE: bumped when the time or place changes, so calendars update.
    sequence: Mapped[int] = mapped_column(default=0)
    # Who declined or cancelled it (declines are shown to the other only as "not available").
    cancelled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="SET NULL")
    )
    reminded_at: Mapped[dt.datetime | None]
    created_at: Mapped[created_at]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    requester: Mapped[Attendee] = relationship(foreign_keys=[requester_id])
    recipient: Mapped[Attendee] = relationship(foreign_keys=[recipient_id])
    slot: Mapped[MeetingSlot | None] = relationship()
    place: Mapped[MeetingPlace | None] = relationship()

    def other_id(self, attendee_id: int) -> int:
        """The other participant's id."""
        return self.recipient_id if attendee_id == self.requester_id else self.requester_id

    def other(self, attendee_id: int) -> Attendee:
        """The other participant."""
        return self.recipient if attendee_id == self.requester_id else self.requester


class Booking(Base):
    """`attendee` is busy at `slot` with `meeting` (accepted meetings only)."""

    __tablename__ = "meeting_bookings"

    attendee_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), primary_key=True
    )
    slot_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_slots.id"), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
