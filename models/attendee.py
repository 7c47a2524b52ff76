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
from models.profile import EMAIL_MAX_LENGTH, FIELDS_BY_NAME, LIST_FIELDS

if TYPE_CHECKING:
    from models.event import Event

MAX_REVOKED_SESSIONS = 20


def _max(name: str) -> int:
    return FIELDS_BY_NAME[name].max_length


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
    # (event_id, updated_at) and (event_id, id): each scan reads the attendees' version
    # of its event (count, highest id, latest update) from these indexes alone
    # (web.services.event_states).
    __table_args__ = (
        sa.UniqueConstraint("event_id", "email"),
        sa.Index("ix_attendees_event_id_updated_at", "event_id", "updated_at"),
        sa.Index("ix_attendees_event_id_id", "event_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(sa.String(EMAIL_MAX_LENGTH))
    name: Mapped[str] = mapped_column(sa.String(_max("name")))
    headline: Mapped[str] = mapped_column(sa.String(_max("headline")), default="")
    company: Mapped[str] = mapped_column(sa.String(_max("company")), default="")
    job_title: Mapped[str] = mapped_column(sa.String(_max("job_title")), default="")
    interests: Mapped[str_list]
    personal_interests: Mapped[str_list]
    looking_for: Mapped[str_list]
    offering: Mapped[str_list]
    organizations: Mapped[str_list]
    about: Mapped[str] = mapped_column(sa.Text, default="")
    links: Mapped[str_list]
    # Unknown import columns, kept as the organizer's extra answers.
    extra: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    external_id: Mapped[str | None] = mapped_column(sa.String(_max("external_id")))

    listed: Mapped[bool] = mapped_column(default=True)
    # The organizer's choice (e.g. someone not coming): suggested to nobody, not
    # seated at rounds; unlike `listed`, the attendee did not choose it.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    share_email: Mapped[bool] = mapped_column(default=False)
    # Meeting requests, acceptances and reminders by email too (when SMTP is set).
    email_notifications: Mapped[bool] = mapped_column(default=True, server_default=sa.true())

    badge_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_badge_token)
    private_token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)

    # Sessions (signed cookies) carry this version: bumping it ends every session of
    # the attendee. One device signing out adds its session's nonce to the list.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    revoked_sessions: Mapped[list[str]] = mapped_column(
        sa.JSON, default=list, server_default=sa.text("'[]'")
    )
    # When the current private link last signed a device in (None: never opened).
    link_used_at: Mapped[dt.datetime | None]
    # When a sign-in link was last emailed to this (registered) address.
    sign_in_mailed_at: Mapped[dt.datetime | None]

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

    def reissue_private_link(self) -> str:
        """A new private link for the same person: the old link and every session end."""
        token = self.issue_private_token()
        self.end_sessions()
        self.link_used_at = None
        return token

    def end_sessions(self) -> None:
        """Sign every device out (sessions of an older version are refused)."""
        self.session_version = (self.session_version or 1) + 1
        self.revoked_sessions = []

    def revoke_session(self, nonce: str) -> None:
        """Sign one device's session out, whoever holds a copy of its cookie.

        The list stays short: past MAX_REVOKED_SESSIONS, every session ends instead.
        """
        if len(self.revoked_sessions) >= MAX_REVOKED_SESSIONS:
            self.end_sessions()
        else:
            self.revoked_sessions = [*self.revoked_sessions, nonce]

    def private_token_matches(self, token: str) -> bool:
        """Constant-time check of a presented private-link token."""
        return hmac.compare_digest(self.private_token_hash, hash_token(token))

    @property
    def suggestable(self) -> bool:
        """Whether others may be shown this attendee (listed, and not hidden by the organizer)."""
        return self.listed and not self.hidden

    @property
    def is_complete(self) -> bool:
        """A profile with something to match on: a list, an about text or a headline
        (the matcher reads headlines: "Founder, looking for a clinical co-founder")."""
        return (
            any(getattr(self, f) for f in LIST_FIELDS)
            or bool(self.about.strip())
            or bool(self.headline.strip())
        )
