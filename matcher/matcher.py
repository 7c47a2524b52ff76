"""Matcher: the public entry point (PRODUCT.md §4). Work in progress."""

from __future__ import annotations

from collections.abc import Iterable

from matcher.encoding import EmbeddingStore, Encoder, SentenceTransformerEncoder
from matcher.types import CommonGround, Profile, Suggestion


class Matcher:
    """Finds common ground between profiles."""

    def __init__(self, encoder: Encoder | None = None, store: EmbeddingStore | None = None) -> None:
        self.encoder: Encoder = encoder or SentenceTransformerEncoder()
        self.store = store

    def common_ground(self, a: Profile, b: Profile) -> CommonGround:
        """What `a` and `b` have in common."""
        raise NotImplementedError

    def suggest(
        self,
        profiles: list[Profile],
        k: int = 5,
        *,
        exclude: Iterable[tuple[str, str]] = (),
        hidden: Iterable[str] = (),
        max_exposure: int | None = None,
        exclude_same_company: bool = False,
    ) -> dict[str, list[Suggestion]]:
        """Suggested introductions for every profile.

        `exclude`: pairs (either order) never suggested (already met, declined).
        `hidden`: ids that receive suggestions but are never suggested to others
        (attendees who chose not to be listed). `max_exposure`: how many lists one
        person may appear in (default 3 x k).
        """
        raise NotImplementedError
