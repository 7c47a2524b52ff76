"""What matching produces and remembers: phrase embeddings and suggestions."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at, intpk


class PhraseEmbedding(Base):
    """One embedding per (model, normalised phrase); vectors are float32 bytes."""

    __tablename__ = "phrase_embeddings"
    __table_args__ = (sa.UniqueConstraint("model", "text_hash"),)

    id: Mapped[intpk]
    model: Mapped[str] = mapped_column(sa.String(200))
    # SHA-256 of the normalised text: phrases can be long, the key stays short.
    text_hash: Mapped[str] = mapped_column(sa.String(64))
    text: Mapped[str] = mapped_column(sa.Text)
    dim: Mapped[int]
    vector: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[created_at]


class Suggestion(Base):
    """A suggested introduction: `other` for `attendee`, with its reasons."""

    __tablename__ = "suggestions"
    __table_args__ = (sa.UniqueConstraint("attendee_id", "other_id"),)

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    attendee_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int]
    score: Mapped[float]
    # The serialised CommonGround: shared, complements, ties, reasons, starters.
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # Put there by the organizer (a PinnedIntroduction), not chosen by the matcher.
    pinned: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[created_at]


class PinnedIntroduction(Base):
    """An introduction the organizer wants made: every matching run keeps it.

    The pair is stored once (`attendee_id` < `other_id`); each side sees the other at
    the top of their list when the other may be suggested (listed, not hidden) and
    neither has declined the other or saved them as a contact already.
    """

    __tablename__ = "pinned_introductions"
    __table_args__ = (
        sa.UniqueConstraint("attendee_id", "other_id"),
        sa.CheckConstraint("attendee_id < other_id", name="ordered_pair"),
    )

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    attendee_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    # Why the organizer made it ("both run climate funds"): shown to both attendees.
    note: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[created_at]


class PairExclusion(Base):
    """A pair never to suggest again: declined by one side (met pairs are contacts)."""

    __tablename__ = "pair_exclusions"
    __table_args__ = (sa.UniqueConstraint("attendee_id", "other_id"),)

    id: Mapped[intpk]
    attendee_id: Mapped[int] = mapped_column(sa.ForeignKey("attendees.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(sa.String(20), default="declined")
    created_at: Mapped[created_at]
