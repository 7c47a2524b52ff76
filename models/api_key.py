"""Organizer API keys: shown once, stored as a SHA-256 hash, revocable."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, created_at, intpk

if TYPE_CHECKING:
    from models.event import Organizer

KEY_PREFIX = "cg_"


def new_api_key() -> tuple[str, str]:
    """A fresh key and its display prefix, e.g. ("cg_1a2b3c4d_<secret>", "cg_1a2b3c4d").

    The prefix names the key in lists and on the command line; the 256-bit secret part
    is what authenticates. Only the key's hash is stored.
    """
    prefix = f"{KEY_PREFIX}{secrets.token_hex(4)}"
    return f"{prefix}_{secrets.token_urlsafe(32)}", prefix


def hash_api_key(key: str) -> str:
    """The stored form of an API key (SHA-256 hex): keys are random, so no salt is needed."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKey(Base):
    """A key an organizer's tools send as a Bearer token; reaches that organizer's events."""

    __tablename__ = "api_keys"

    id: Mapped[intpk]
    organizer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(100))
    prefix: Mapped[str] = mapped_column(sa.String(16), unique=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[created_at]
    last_used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]

    organizer: Mapped[Organizer] = relationship()

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None
