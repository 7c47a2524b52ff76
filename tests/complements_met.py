"""What a quality test asks of a pair's complements, said once for every test file."""

from __future__ import annotations

from matcher import EventState


def met(state: EventState, seeker: str, provider: str) -> set[tuple[str, str]]:
    """(need, offer) pairs of `seeker`'s needs that `provider` meets."""
    cg = state.common_ground(seeker, provider)
    return {(c.need, c.offer) for c in cg.complements if c.seeker == "a"}
