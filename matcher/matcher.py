"""Matcher: the public entry point (PRODUCT.md §4).

Pipeline of `suggest`: normalise phrases and look up one vector per unique phrase
(memory, then the store, then the model) -> specificity weights -> faiss candidate
pairs -> exact vectorised pair scores -> diversity within each list -> exposure-
capped assignment with coverage repair -> explanations and starters for the final
k per person only.
"""

from __future__ import annotations

import gc
import logging
import marshal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from matcher.assign import assign
from matcher.candidates import candidate_pairs, facet_vectors
from matcher.concepts import concept_stats
from matcher.diversity import diversified_utility
from matcher.encoding import EmbeddingStore, Encoder, PhraseVectors, SentenceTransformerEncoder
from matcher.explain import explain, explain_many
from matcher.facets import Facets, build_facets
from matcher.parallel import available_cores, map_slices
from matcher.scoring import PairScores, ScoreParams, score_pairs
from matcher.specificity import SpecificityParams, org_weights, topic_weights
from matcher.starters import make_starters
from matcher.threads import single_blas_thread
from matcher.types import CommonGround, Complement, Profile, SharedItem, Suggestion, Tie

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


@dataclass
class _Prepared:
    facets: Facets
    topic_w: np.ndarray
    org_w: np.ndarray
    rare_pairs: np.ndarray | None = None  # rare-concept candidate pairs, when a population


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

    def warm_up(self, profiles: Sequence[Profile] = ()) -> None:
        """Load the model and embed the phrases of `profiles` now, not on the first request."""
        warm = getattr(self.encoder, "warm_up", None)
        if callable(warm):
            warm()
        self._prepare(profiles)

    def _prepare(
        self,
        profiles: Sequence[Profile],
        prior_only: bool = False,
        progress: Callable[[float], None] | None = None,
        rare_pairs: bool = False,
    ) -> _Prepared:
        """Facets and weights; `rare_pairs`: also the rare-concept candidate pairs,
        from the same search of the phrase neighbourhoods (only `suggest` needs them)."""
        facets = build_facets(profiles, self.vectors, progress)
        params = self.params
        spec = params.specificity
        concepts = (
            None
            if prior_only
            else concept_stats(
                facets.topics,
                facets.vectors,
                facets.n,
                spec.cluster_threshold,
                params.score.topic_threshold if rare_pairs else None,
                params.max_rare_holders,
            )
        )
        return _Prepared(
            facets,
            topic_weights(facets, self.vectors, spec, prior_only=prior_only, concepts=concepts),
            org_weights(facets, spec, prior_only=prior_only),
            concepts.rare_pairs if concepts is not None else None,
        )

    def _common_ground(self, prep: _Prepared, a: int, b: int, score: float) -> CommonGround:
        return explain(prep.facets, prep.topic_w, a, b, score, self.params.score)

    def common_ground(
        self, a: Profile, b: Profile, *, population: Sequence[Profile] = ()
    ) -> CommonGround:
        """What `a` and `b` have in common, from `a`'s point of view ("you" = a).

        `population` (optional): the event's other profiles, so specificity reflects
        the event; without it a built-in prior of generic topics is used.
        """
        others = [p for p in population if p.id not in (a.id, b.id)]
        prep = self._prepare([a, b, *others], prior_only=not others)
        scores = score_pairs(
            prep.facets, prep.topic_w, prep.org_w, np.array([0]), np.array([1]), self.params.score
        )
        cg = self._common_ground(prep, 0, 1, float(scores.score[0]))
        cg.starters = _starters(a, b, cg)
        return cg

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
    ) -> dict[str, list[Suggestion]]:
        """Suggested introductions for every profile.

        `exclude`: pairs (either order) never suggested (already met, declined).
        `hidden`: ids that receive suggestions but are never suggested to others
        (attendees who chose not to be listed). `max_exposure`: how many lists one
        person may appear in (default 3 x k). `progress(phase, fraction)`: told
        how far the run is, fraction from 0 to 1.
        """
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise ValueError("profile ids must be unique")
        result: dict[str, list[Suggestion]] = {pid: [] for pid in ids}
        n = len(profiles)
        if n < 2 or k <= 0:
            return result
        params = self.params
        clock = _Clock()
        report = _Progress(progress)
        report("embedding", 0.0)
        prep = self._prepare(
            profiles, progress=report.within("embedding", 0.0, 0.4), rare_pairs=True
        )
        facets = prep.facets
        clock.lap("phrases and specificity")
        report("candidates", 0.4)
        i, j = candidate_pairs(
            facets,
            prep.topic_w,
            params.candidates_per_person,
            params.candidates_per_goal,
            params.score.topic_threshold,
            params.max_rare_holders,
            prep.rare_pairs,
        )
        clock.lap("candidates")
        report("scoring", 0.5)
        index = {pid: p for p, pid in enumerate(ids)}
        blocked = _blocked_keys(exclude, index, n)
        hidden_mask = np.zeros(n, dtype=bool)
        for pid in hidden:
            if pid in index:
                hidden_mask[index[pid]] = True
        rules = _Rules(n, blocked, hidden_mask, facets.company if exclude_same_company else None)
        procs = self._processes(len(i), params.parallel_scores_from)
        scores = score_pairs(facets, prep.topic_w, prep.org_w, i, j, params.score, procs)
        recv, sugg, score = rules.directed(scores)
        clock.lap("pair scores")
        report("assigning", 0.6)
        cap_value = max_exposure if max_exposure is not None else params.exposure_factor * k
        capacity = np.where(hidden_mask, 0, cap_value).astype(np.int64)
        profile_vec = facet_vectors(facets, facets.topics, prep.topic_w)
        utility = diversified_utility(
            recv, sugg, score, profile_vec, steps=2 * k, strength=params.diversity
        )
        clock.lap("diversity")
        chosen = assign(recv, sugg, utility, k, capacity)
        recv, sugg, score, utility, chosen = self._cover_short(
            prep, rules, profile_vec, k, capacity, recv, sugg, score, utility, chosen
        )
        clock.lap("assignment")
        log.info(
            "suggest: %d profiles, %d phrases, %d candidate pairs, %d suggestions",
            n,
            len(facets.phrases),
            len(i),
            int(chosen.sum()),
        )
        order = np.flatnonzero(chosen)[np.argsort(-score[chosen], kind="stable")]
        pairs = _Explaining(self, prep, profiles, recv[order], sugg[order], score[order])
        pairs.progress = report.within("explaining", 0.7, 1.0)
        procs = self._processes(len(order), params.parallel_explain_from)
        # A child's common ground is packed, sent and unpacked: a fifth of making it.
        slices = map_slices(pairs.explain, len(order), procs, codec=(_pack, _unpack), overhead=0.2)
        receivers, suggested = pairs.recv.tolist(), pairs.sugg.tolist()
        for (start, _), explained in slices:
            for e, cg in enumerate(explained, start=start):
                suggestion = Suggestion(ids[suggested[e]], cg.score, cg)
                result[ids[receivers[e]]].append(suggestion)
        report("explaining", 1.0)
        clock.lap("explanations and starters")
        log.info("suggest timings: %s", clock)
        return result

    def _processes(self, pairs: int, parallel_from: int) -> int:
        """How many processes share `pairs` pairs of work."""
        if pairs < parallel_from:
            return 1
        wanted = self.params.processes
        return max(1, wanted if wanted is not None else available_cores())

    def _cover_short(
        self,
        prep: _Prepared,
        rules: _Rules,
        profile_vec: np.ndarray,
        k: int,
        capacity: np.ndarray,
        recv: np.ndarray,
        sugg: np.ndarray,
        score: np.ndarray,
        utility: np.ndarray,
        chosen: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Widen the candidates of receivers left short of k, then assign again."""
        facets = prep.facets
        have = np.bincount(recv[chosen], minlength=facets.n)
        nonempty = (
            facets.topics.lengths() + facets.needs.lengths() + facets.offers.lengths()
            + facets.orgs.lengths()
        ) > 0  # fmt: skip
        short = np.flatnonzero((have < k) & nonempty)
        if len(short) == 0:
            return recv, sugg, score, utility, chosen
        load = np.bincount(sugg[chosen], minlength=facets.n)
        spare = np.flatnonzero(load < capacity)
        known = set((recv * facets.n + sugg).tolist())
        new_i: list[np.ndarray] = []
        new_j: list[np.ndarray] = []
        width = min(self.params.fallback_candidates, len(spare))
        for r in short.tolist():
            sims = profile_vec[spare] @ profile_vec[r]
            top = spare[np.argsort(-sims, kind="stable")[:width]]
            top = top[top != r]
            top = np.array([t for t in top.tolist() if r * facets.n + t not in known])
            if len(top):
                new_i.append(np.full(len(top), r))
                new_j.append(top)
        if not new_i:
            return recv, sugg, score, utility, chosen
        extra = score_pairs(
            facets,
            prep.topic_w,
            prep.org_w,
            np.concatenate(new_i),
            np.concatenate(new_j),
            self.params.score,
        )
        e_recv, e_sugg, e_score = rules.directed(extra, one_way=True)
        log.info("coverage: %d short receivers, %d extra edges", len(short), len(e_recv))
        recv = np.concatenate([recv, e_recv])
        sugg = np.concatenate([sugg, e_sugg])
        score = np.concatenate([score, e_score])
        utility = np.concatenate([utility, e_score])
        return recv, sugg, score, utility, assign(recv, sugg, utility, k, capacity)


class _Explaining:
    """Explains the final suggestions e in start..stop-1, for `map_slices`."""

    def __init__(
        self,
        matcher: Matcher,
        prep: _Prepared,
        profiles: Sequence[Profile],
        recv: np.ndarray,
        sugg: np.ndarray,
        score: np.ndarray,
    ) -> None:
        self.matcher, self.prep, self.profiles = matcher, prep, profiles
        self.recv, self.sugg, self.score = recv, sugg, score
        self.progress: Callable[[float], None] | None = None

    def explain(self, start: int, stop: int) -> list[CommonGround]:
        out: list[CommonGround] = []
        # Only the first slice runs in this process: a child must not call back into
        # the caller (its progress writer's lock may have been held at fork time).
        progress = self.progress if start == 0 else None
        prep, params = self.prep, self.matcher.params.score
        recv, sugg, score = self.recv.tolist(), self.sugg.tolist(), self.score.tolist()
        profiles = self.profiles
        with single_blas_thread(), _gc_paused():
            for block in range(start, stop, _PROGRESS_EVERY):
                end = min(stop, block + _PROGRESS_EVERY)
                a, b = recv[block:end], sugg[block:end]
                explained = explain_many(prep.facets, prep.topic_w, a, b, score[block:end], params)
                for x, y, cg in zip(a, b, explained, strict=True):
                    cg.starters = _starters(profiles[x], profiles[y], cg)
                out.extend(explained)
                if progress is not None:
                    progress((end - start) / (stop - start))
        return out


_PROGRESS_EVERY = 2048  # suggestions explained between progress reports


def _pack(cgs: list[CommonGround]) -> bytes:
    """Common ground as plain tuples through `marshal`. For the half of a 10,000-person
    run that a child explains, pickling the objects took 0.9 s, and `to_dict` /
    `from_dict` through marshal five times as long as these tuples."""
    return marshal.dumps(
        [
            (
                cg.score,
                [(s.a, s.b, s.similarity, s.kind, s.weight) for s in cg.shared],
                [(c.seeker, c.need, c.offer, c.similarity) for c in cg.complements],
                [(t.kind, t.a, t.b) for t in cg.ties],
                cg.reasons,
                cg.starters,
            )
            for cg in cgs
        ]
    )


def _unpack(data: bytes) -> list[CommonGround]:
    """Inverse of `_pack`."""
    with _gc_paused():
        return [
            CommonGround(
                score,
                [SharedItem(*s) for s in shared],
                [Complement(*c) for c in complements],
                [Tie(*t) for t in ties],
                reasons,
                starters,
            )
            for score, shared, complements, ties, reasons, starters in marshal.loads(data)
        ]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while open (restored as it was after).

    Explaining a full run allocates a few objects per item of 50,000 suggestions,
    none in cycles; the collections those allocations trigger walk every live
    object of the run (profiles, facets): about a second of ten at 10,000 people.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


class _Rules:
    """Which directed edges are allowed: reasons, exclusions, hidden people, same company."""

    def __init__(
        self, n: int, blocked: np.ndarray, hidden: np.ndarray, company: np.ndarray | None
    ) -> None:
        self.n = n
        self.blocked = blocked
        self.hidden = hidden
        self.company = company

    def directed(
        self, scores: PairScores, one_way: bool = False
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Allowed edges receiver -> suggested: -> (recv (E,), sugg (E,), score (E,))."""
        i, j = scores.i, scores.j
        ok = scores.has_reason() & (i != j)
        keys = np.minimum(i, j) * self.n + np.maximum(i, j)
        ok &= ~np.isin(keys, self.blocked)
        if self.company is not None:
            ok &= ~((self.company[i] >= 0) & (self.company[i] == self.company[j]))
        fwd = ok & ~self.hidden[j]
        recv, sugg, score = [i[fwd]], [j[fwd]], [scores.score[fwd]]
        if not one_way:
            back = ok & ~self.hidden[i]
            recv.append(j[back])
            sugg.append(i[back])
            score.append(scores.score[back])
        return np.concatenate(recv), np.concatenate(sugg), np.concatenate(score)


def _blocked_keys(pairs: Iterable[tuple[str, str]], index: dict[str, int], n: int) -> np.ndarray:
    keys = set()
    for x, y in pairs:
        if x in index and y in index:
            a, b = index[x], index[y]
            keys.add(min(a, b) * n + max(a, b))
    return np.array(sorted(keys), dtype=np.int64)


def _starters(a: Profile, b: Profile, cg: CommonGround) -> list[str]:
    """Three conversation starters for a to ask b."""
    return list(make_starters(a, b, cg, n=3))
