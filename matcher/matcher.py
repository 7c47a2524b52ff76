"""Matcher: the public entry point (PRODUCT.md §4).

Pipeline of `suggest` (`matcher.event.EventState.rematch`): normalise phrases and
look up one vector per unique phrase (memory, then the store, then the model) ->
specificity weights -> faiss candidate pairs -> exact vectorised pair scores ->
diversity within each list -> exposure-capped assignment with coverage repair.
Explanations and starters are made for the final k per person only, when read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from matcher.encoding import EmbeddingStore, Encoder, PhraseVectors, SentenceTransformerEncoder
from matcher.event import EventState
from matcher.explain import explain_all
from matcher.parallel import available_cores
from matcher.scoring import ScoreParams
from matcher.specificity import SpecificityParams
from matcher.types import CommonGround, Profile, Suggestion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MatchParams:
    """Tunable settings of the whole pipeline (defaults are the documented design)."""

    score: ScoreParams = field(default_factory=ScoreParams)
    specificity: SpecificityParams = field(default_factory=SpecificityParams)
    candidates_per_person: int = 40  # nearest profiles by topic vector
    candidates_per_goal: int = 10  # nearest offers for needs, and needs for offers
    max_rare_holders: int = 64  # concepts held by at most this many feed candidates directly
    fallback_candidates: int = 200  # for people still short of k after assignment
    exposure_factor: int = 3  # default cap: nobody suggested to more than 3 x k others
    diversity: float = 0.3  # how much a near-duplicate of an earlier pick loses
    # A large run scores and explains its pairs in this many processes (forked, see
    # matcher.parallel); None: one per core this process may use; 1: never fork.
    processes: int | None = None
    parallel_scores_from: int = 20_000  # fewer candidate pairs: scored in this process
    parallel_explain_from: int = 2_000  # fewer suggestions: explained in this process


class Matcher:
    """Finds common ground between profiles."""

    def __init__(
        self,
        encoder: Encoder | None = None,
        store: EmbeddingStore | None = None,
        params: MatchParams | None = None,
    ) -> None:
        self.encoder: Encoder = encoder or SentenceTransformerEncoder()
        self.store = store
        self.params = params or MatchParams()
        self.vectors = PhraseVectors(self.encoder, store)
        # Objects a service keeps alongside this matcher (a web worker's event states).
        self.extensions: dict[str, Any] = {}

    def warm_up(self, profiles: Sequence[Profile] = ()) -> None:
        """Load the model and embed the phrases of `profiles` now, not on the first request."""
        warm = getattr(self.encoder, "warm_up", None)
        if callable(warm):
            warm()
        if profiles:
            EventState(self, _distinct(profiles))

    def event(
        self,
        profiles: Sequence[Profile] = (),
        *,
        k: int = 5,
        exclude: Iterable[tuple[str, str]] = (),
        hidden: Iterable[str] = (),
        max_exposure: int | None = None,
        exclude_same_company: bool = False,
        personal_weight: float | None = None,
    ) -> EventState:
        """An event's matching state over `profiles`, lists not computed yet
        (`EventState.rematch`, or `set_lists` with lists kept elsewhere).
        `personal_weight`: see `EventState`."""
        return EventState(
            self,
            profiles,
            k=k,
            exclude=exclude,
            hidden=hidden,
            max_exposure=max_exposure,
            exclude_same_company=exclude_same_company,
            personal_weight=personal_weight,
        )

    def common_ground(
        self, a: Profile, b: Profile, *, population: Sequence[Profile] = ()
    ) -> CommonGround:
        """What `a` and `b` have in common, from `a`'s point of view ("you" = a).

        `population` (optional): the event's other profiles, so specificity reflects
        the event; without it a built-in prior of generic topics is used.
        """
        if b.id == a.id:  # one person twice: still two rows
            b = replace(b, id=f"{b.id}\x1f")
        others = [p for p in _distinct(population) if p.id not in (a.id, b.id)]
        state = EventState(self, [a, b, *others], prior_only=not others)
        return state.common_ground(a.id, b.id)

    def suggest(
        self,
        profiles: list[Profile],
        k: int = 5,
        *,
        exclude: Iterable[tuple[str, str]] = (),
        hidden: Iterable[str] = (),
        max_exposure: int | None = None,
        exclude_same_company: bool = False,
        progress: Callable[[str, float], None] | None = None,
        personal_weight: float | None = None,
    ) -> dict[str, list[Suggestion]]:
        """Suggested introductions for every profile.

        `exclude`: pairs (either order) never suggested (already met, declined).
        `hidden`: ids that receive suggestions but are never suggested to others
        (attendees who chose not to be listed). `max_exposure`: how many lists one
        person may appear in (default 3 x k). `progress(phase, fraction)`: told
        how far the run is, fraction from 0 to 1. `personal_weight`: how much
        personal interests count against professional ones (see `EventState`).
        Each suggestion's common ground
        is made when first read, a batch at a time (`EventState.explain_all` makes
        them all at once).
        """
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise ValueError("profile ids must be unique")
        if len(profiles) < 2 or k <= 0:
            return {pid: [] for pid in ids}
        clock = _Clock()
        report = _Progress(progress)
        report("embedding", 0.0)
        state = EventState(
            self,
            profiles,
            k=k,
            exclude=exclude,
            hidden=hidden,
            max_exposure=max_exposure,
            exclude_same_company=exclude_same_company,
            progress=report.within("embedding", 0.0, 0.4),
            personal_weight=personal_weight,
        )
        clock.lap("phrases and specificity")
        report("candidates", 0.4)
        state.rematch(progress=lambda phase, f: report(phase, f))
        clock.lap("candidates, scores and assignment")
        result = state.all_suggestions()
        report("done", 1.0)
        log.info(
            "suggest: %d profiles, %d suggestions; %s",
            len(profiles),
            sum(len(v) for v in result.values()),
            clock,
        )
        return result

    def explain_all(
        self,
        result: dict[str, list[Suggestion]],
        progress: Callable[[float], None] | None = None,
    ) -> None:
        """Make the common ground of every suggestion of `result` (from `suggest` or an
        `EventState`) now, in several processes when there are many."""
        explain_all(
            (s for items in result.values() for s in items),
            lambda pending: self._processes(pending, self.params.parallel_explain_from),
            progress,
        )

    def _processes(self, pairs: int, parallel_from: int) -> int:
        """How many processes share `pairs` pairs of work."""
        if pairs < parallel_from:
            return 1
        wanted = self.params.processes
        return max(1, wanted if wanted is not None else available_cores())


def _distinct(profiles: Sequence[Profile]) -> list[Profile]:
    """Profiles with their first occurrence of each id only."""
    seen: set[str] = set()
    return [p for p in profiles if not (p.id in seen or seen.add(p.id))]  # type: ignore[func-returns-value]


class _Progress:
    """Forwards (phase, fraction) to the caller's callback, if any."""

    def __init__(self, callback: Callable[[str, float], None] | None) -> None:
        self.callback = callback

    def __call__(self, phase: str, fraction: float) -> None:
        if self.callback is not None:
            self.callback(phase, max(0.0, min(1.0, fraction)))

    def within(self, phase: str, start: float, end: float) -> Callable[[float], None]:
        """A callback for one stage's own fraction, mapped onto start..end."""
        return lambda f: self(phase, start + (end - start) * f)


class _Clock:
    """Stage timings for the log."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.laps: list[tuple[str, float]] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, now - self.last))
        self.last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {secs:.2f}s" for name, secs in self.laps)
