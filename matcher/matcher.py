"""Matcher: the public entry point (PRODUCT.md §4). Work in progress."""

from __future__ import annotations

from matcher.encoding import Encoder, SentenceTransformerEncoder
from matcher.types import CommonGround, Profile, Suggestion


class Matcher:
    """Finds common ground between profiles."""

    def __init__(self, encoder: Encoder | None = None) -> None:
        self.encoder: Encoder = encoder or SentenceTransformerEncoder()

    def common_ground(self, a: Profile, b: Profile) -> CommonGround:
        """What `a` and `b` have in common."""
        raise NotImplementedError

    def suggest(self, profiles: list[Profile], k: int = 5) -> dict[str, list[Suggestion]]:
        """Suggested introductions for every profile."""
        raise NotImplementedError
