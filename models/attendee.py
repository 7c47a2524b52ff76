"""Attendees: a profile, consent choices and the two opaque tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, created_at, intpk, str_list, utcnow

if TYPE_CHECKING:
    from models.event import Event

LIST_FIELDS = ("interests", "personal_interests", "looking_for", "offering", "organizations")


def new_badge_token() -> str:
    """An opaque badge token: 192 random bits, URL-safe, no personal data."""
    return secrets.token_urlsafe(24)


def new_private_token() -> str:
    """A private-link token: 256 random bits; only its hash is stored."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a private-link token (SHA-256 hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Attendee(Base):
    """One person at one event. The email is the key within the event."""

    __tablename__ = "attendees"
    # AUTOINCREMENT: SQLite never hands a deleted attendee's id to someone new (a device
    # still signed in as the deleted id must not become the newcomer).
    __table_args__ = (sa.UniqueConstraint("event_id", "email"), {"sqlite_autoincrement": True})

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(sa.String(320))
    name: Mapped[str] = mapped_column(sa.String(200))
    headline: Mapped[str] = mapped_column(sa.String(300), default="")
    company: Mapped[str] = mapped_column(sa.String(200), default="")
    job_title: Mapped[str] = mapped_column(sa.String(200), default="")
    interests: Mapped[str_list]
    personal_interests: Mapped[str_list]
    looking_for: Mapped[str_list]
    offering: Mapped[str_list]
    organizations: Mapped[str_list]
    about: Mapped[str] = mapped_column(sa.Text, default="")
    links: Mapped[str_list]
    # Unknown import columns, kept as the organizer's extra answers.
    extra: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    external_id: Mapped[str | None] = mapped_column(sa.String(200))

    listed: Mapped[bool] = mapped_column(default=True)
    share_email: Mapped[bool] = mapped_column(default=False)

    badge_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_badge_token)
    private_token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)

    # Bumped on every profile change so matching recomputes only what changed.
    profile_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[created_at]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    event: Mapped[Event] = relationship(back_populates="attendees")

    def issue_private_token(self) -> str:
        """Set a fresh private link and return the token (shown once, stored hashed)."""
        token = new_private_token()
        self.private_token_hash = hash_token(token)
        return token

    def private_token_matches(self, token: str) -> bool:
        """Constant-time check of a presented private-link token."""
        return hmac.compare_digest(self.private_token_hash, hash_token(token))

    @property
    def is_complete(self) -> bool:
        """A profile with something to match on."""
        return any(getattr(self, f) for f in LIST_FIELDS) or bool(self.about.strip())
