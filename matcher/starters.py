"""Conversation starters: open questions grounded in the pair's common ground."""

from __future__ import annotations

from matcher.types import CommonGround, Profile


def make_starters(a: Profile, b: Profile, cg: CommonGround, n: int = 3) -> list[str]:
    """`n` distinct open questions A can ask B, deterministic per pair."""
    raise NotImplementedError
