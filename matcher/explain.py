"""Explanations: which items of the two people match, and reasons in their own words."""

from __future__ import annotations

import gc
import marshal
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from matcher.facets import ABOUT, Facets
from matcher.goals import K
from matcher.grades import (
    RELATED,
    SAME,
    narrower_lifted,
    overlap_limited,
    topic_credit,
    topic_grade,
)
from matcher.need_credit import TIE, aligned, need_credit
from matcher.parallel import map_slices
from matcher.places import only_a_place_shared
from matcher.scoring import (
    ScoreParams,
    background_credit,
    headlines_agree,
    headlines_related,
)
from matcher.threads import single_blas_thread
from matcher.types import CommonGround, Complement, SharedItem, Suggestion, Tie, item_fields
from matcher.word_overlap import apart
from matcher.wording import reasons

MAX_SHARED = 8


# Pairs explained together: one batched product per facet instead of one per pair.
CHUNK = 512


def _shared_many(
    facets: Facets, topic_w: np.ndarray, a: np.ndarray, b: np.ndarray, params: ScoreParams
) -> list[list[SharedItem]]:
    """For each pair p: a[p]'s topics aligned one-to-one with b[p]'s, most specific first."""
    a_ids, b_ids = facets.topics.padded(a, facets.pad), facets.topics.padded(b, facets.pad)
    if a_ids.shape[1] == 0 or b_ids.shape[1] == 0:
        return [[] for _ in range(len(a))]
    sims = aligned(facets, a_ids, b_ids)  # (C, La, Lb); padding is 0
    sims = narrower_lifted(facets, a_ids[:, :, None], b_ids[:, None, :], sims, params)
    sims = overlap_limited(facets, a_ids[:, :, None], b_ids[:, None, :], sims, params)
    strict = facets.strict[a_ids][:, :, None] | facets.strict[b_ids][:, None, :]
    credit = topic_credit(sims, strict, params)
    weight = np.sqrt(topic_w[a_ids][:, :, None] * topic_w[b_ids][:, None, :])  # padding 0
    # Most specific first; personal interests after professional ones by their weight.
    pw = np.float32(params.personal_weight)
    personal_a = facets.personal.padded(a, 0)[:, :, None] == 1
    personal_b = facets.personal.padded(b, 0)[:, None, :] == 1
    order_w = np.where(personal_a & personal_b, pw, np.float32(1.0))
    value = (credit * weight * order_w).reshape(len(a), -1)
    pair, flat = np.nonzero(value > 0)
    # Best first within each pair, ties in row order (a stable sort of -value).
    ranked = np.lexsort((flat, -value[pair, flat], pair))
    pair, flat = pair[ranked], flat[ranked]
    width = b_ids.shape[1]
    xs, ys = np.divmod(flat, width)
    sim_list = sims.reshape(len(a), -1)[pair, flat].tolist()
    weight_list = weight.reshape(len(a), -1)[pair, flat].tolist()
    personal = facets.personal.values
    words = facets.display["topics"]
    phrases = facets.phrases
    a_at, b_at = facets.topics.indptr[a].tolist(), facets.topics.indptr[b].tolist()
    out: list[list[SharedItem]] = [[] for _ in range(len(a))]
    used: list[tuple[set[int], set[int]]] = [(set(), set()) for _ in range(len(a))]
    for k, (p, x, y) in enumerate(zip(pair.tolist(), xs.tolist(), ys.tolist(), strict=True)):
        items = out[p]
        used_a, used_b = used[p]
        if len(items) >= MAX_SHARED or x in used_a or y in used_b:
            continue
        ia, ib = a_at[p] + x, b_at[p] + y
        if apart(
            (words[ia], phrases[a_ids[p, x]], _ORIGIN[personal[ia]]),
            (words[ib], phrases[b_ids[p, y]], _ORIGIN[personal[ib]]),
        ):
            continue
        strict = bool(facets.strict[a_ids[p, x]] or facets.strict[b_ids[p, y]])
        grade = topic_grade(sim_list[k], strict, params)
        if grade != SAME and spelt_alike(phrases[a_ids[p, x]], phrases[b_ids[p, y]]):
            grade = SAME  # "esport" / "esports", "e-sports"
        if grade == SAME and compares(phrases[a_ids[p, x]]) != compares(phrases[b_ids[p, y]]):
            # "district heating vs heat pumps" weighs one against another: not the same
            # item as "district heating", whose readers rejected "same" four times.
            grade = RELATED
        if grade != SAME and (
            _lone_about(words[ia], personal[ia]) or _lone_about(words[ib], personal[ib])
        ):
            # A lone word of a bio is the same as an item or no common ground, never
            # related ("climate adaptation" / "climate", "logistics" / "operating
            # theatre logistics"): readers of the labelled sets rejected 70 of 133.
            continue
        if _where_not_what(words[ia], words[ib], (personal[ia], personal[ib]), grade):
            continue
        used_a.add(x)
        used_b.add(y)
        items.append(
            SharedItem(
                a=words[a_at[p] + x],
                b=words[b_at[p] + y],
                similarity=round(min(1.0, sim_list[k]), 4),
                # Personal when both listed it as personal: the same from either side.
                kind=_kind(personal[a_at[p] + x], personal[b_at[p] + y]),
                weight=round(weight_list[k], 4),
                grade=grade,
            )
        )
    return out


_ORIGIN = {0: "work", 1: "personal", ABOUT: "about"}  # `Facets.personal` values


def _where_not_what(a: str, b: str, origins: tuple[int, int], grade: str) -> bool:
    """Two items that share only a place (`matcher.places.only_a_place_shared`): with an
    item of a bio ("Seville restaurants" / "Seville company", "Bilbao area" / "ría de
    Bilbao", "Scottish companies" / "Scottish startups"), no common ground; two hobbies
    not the same ("fishing in Cabo de Gata" / "kitesurfing in Cabo de Gata", "sailing in
    Cádiz" / "Cádiz carnival"), two things done in one place. Readers of the labelled
    sets rejected 11 of the 14 such claims shown (four of them blind28's)."""
    if ABOUT in origins:
        return only_a_place_shared(a, b)
    return 1 in origins and grade != SAME and only_a_place_shared(a, b, names=True)


_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s")


def compares(key: str) -> bool:
    """Whether a topic key weighs one thing against another ("x vs y")."""
    return _VERSUS.search(key) is not None


def spelt_alike(a: str, b: str) -> bool:
    """Whether two topic keys are one item spelt two ways: the same words but for a
    plural "s", a hyphen or a space ("esport" / "esports", "e-sports")."""
    return a != b and _folded(a) == _folded(b)


def _folded(key: str) -> str:
    return "".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in key.split()).replace(
        "-", ""
    )


def _lone_about(words: str, origin: int) -> bool:
    """Whether an item is one word picked from an about text."""
    return origin == ABOUT and len(words.split()) == 1


def _kind(a: int, b: int) -> str:
    """A shared item's kind from its two sides' `Facets.personal` values: personal when
    both listed it as personal (the same from either side), "about" when either said
    it in their about (`ABOUT`), else a work interest."""
    if a == 1 and b == 1:
        return "personal"
    return "about" if ABOUT in (a, b) else "interest"


def _complements_many(
    facets: Facets,
    needer: np.ndarray,
    giver: np.ndarray,
    seeker: str,
    params: ScoreParams,
    floors: Sequence[np.ndarray] | None = None,
) -> list[list[Complement]]:
    """For each pair p: needer[p]'s needs met by giver[p]'s offers, in the needs' order.
    `floors[p]`: the best credit the needer's list earns for each need
    (`matcher.need_credit.best_met`); a need met less well here is left unsaid."""
    needs, offers, sims, credit = need_credit(facets, needer, giver, params)
    out: list[list[Complement]] = [[] for _ in range(len(needer))]
    if needs.shape[1] == 0 or offers.shape[1] == 0:
        return out
    best = credit.argmax(axis=2)  # (C, Ln): first best offer of each need
    met = np.take_along_axis(credit, best[:, :, None], axis=2)[:, :, 0]
    if floors is not None:
        floor = np.zeros_like(met)
        for p, f in enumerate(floors):
            floor[p, : len(f)] = f
        met[met < floor - TIE] = 0.0
    pair, x = np.nonzero(met > 0)
    y = best[pair, x]
    sim_list = sims[pair, x, y].tolist()
    kind = facets.kind
    need_words, offer_words = facets.display["needs"], facets.display["offers"]
    n_at, o_at = facets.needs.indptr[needer].tolist(), facets.offers.indptr[giver].tolist()
    for k, (p, xi, yi) in enumerate(zip(pair.tolist(), x.tolist(), y.tolist(), strict=True)):
        out[p].append(
            Complement(
                seeker=seeker,
                need=need_words[n_at[p] + xi],
                offer=offer_words[o_at[p] + yi],
                similarity=round(min(1.0, sim_list[k]), 4),
                mutual=bool(kind[offers[p, yi]] >= K),
                implied=bool(len(facets.implied) and facets.implied[o_at[p] + yi]),
                same_kind=bool(kind[needs[p, xi]] % K == kind[offers[p, yi]] - K),
            )
        )
    return out


def _once(found: list[Complement]) -> list[Complement]:
    """Two goals that meet each other (a hiring manager's and a job seeker's) once,
    from the first side found, not again the other way round."""
    out: list[Complement] = []
    seen: set[tuple[str, str]] = set()
    for c in found:
        if c.mutual and (c.offer, c.need) in seen:
            continue
        seen.add((c.need, c.offer))
        out.append(c)
    return out


def ties(facets: Facets, a: int, b: int) -> list[Tie]:
    """Organizations both people list (after normalisation), in a's order."""
    theirs = {o: pos for pos, o in enumerate(facets.orgs.row(b).tolist())}
    return [
        Tie(
            kind="organization",
            a=facets.word_at(a, "orgs", pos),
            b=facets.word_at(b, "orgs", theirs[o]),
        )
        for pos, o in enumerate(facets.orgs.row(a).tolist())
        if o in theirs
    ]


def explain(
    facets: Facets,
    topic_w: np.ndarray,
    a: int,
    b: int,
    score: float,
    params: ScoreParams,
) -> CommonGround:
    """The common ground of the ordered pair (a, b), without starters."""
    return explain_many(facets, topic_w, [a], [b], [score], params)[0]


def explain_many(
    facets: Facets,
    topic_w: np.ndarray,
    a: Sequence[int],
    b: Sequence[int],
    scores: Sequence[float],
    params: ScoreParams,
    floors: Callable[[int], np.ndarray] | None = None,
) -> list[CommonGround]:
    """The common ground of each ordered pair (a[p], b[p]), without starters.
    `floors(x)`: for each need of position x, the best credit its list earns for it
    (`matcher.need_credit.best_met`); a need is said met only that well or better."""
    out: list[CommonGround] = []
    for start in range(0, len(a), CHUNK):
        aa = np.asarray(a[start : start + CHUNK], dtype=np.int64)
        bb = np.asarray(b[start : start + CHUNK], dtype=np.int64)
        floor_a = floor_b = None
        if floors is not None:
            floor_a, floor_b = [floors(x) for x in aa.tolist()], [floors(y) for y in bb.tolist()]
        shared = _shared_many(facets, topic_w, aa, bb, params)
        background = background_credit(facets, aa, bb, params)
        background *= headlines_related(facets, aa, bb, params)
        similar = headlines_agree(facets, aa, bb, params)
        theirs_met = _complements_many(facets, aa, bb, "a", params, floor_a)
        mine_met = _complements_many(facets, bb, aa, "b", params, floor_b)
        for p, (x, y) in enumerate(zip(aa.tolist(), bb.tolist(), strict=True)):
            found = _once(theirs_met[p] + mine_met[p])
            found.sort(key=lambda c: -c.similarity)
            pair_ties = ties(facets, x, y)
            # "Similar backgrounds" quotes both headlines.
            headlines = not len(facets.head) or (
                facets.head[x] != facets.pad and facets.head[y] != facets.pad
            )
            if (
                background[p] > 0
                and headlines
                and similar[p]
                and not (found or pair_ties or any(s.grade == SAME for s in shared[p]))
            ):
                # Nothing else to say, but their work is alike (the same kind of work):
                # said as such. Work merely in one field ("related work — you: ...;
                # them: ...") is not said: readers of the labelled sets rejected 48 of
                # the 101 such claims (an angel and a bank's fintech partnerships, a
                # lawyer and a growth fund), and no cosine of the two profiles or
                # headlines told the true ones apart; such a pair is a fill (below).
                kind = "background"
                pair_ties.append(Tie(kind, facets.headlines[x], facets.headlines[y]))
            elif scores[start + p] > 0 and not (found or pair_ties or shared[p]):
                # Ranked on what cannot be said: the likeness of two profiles of which
                # one has no headline, or shared items held back as no common ground
                # (`matcher.word_overlap.apart`): only what is true of any fill.
                pair_ties.append(Tie("nearby", facets.headlines[x], facets.headlines[y]))
            cg = CommonGround(
                score=round(float(scores[start + p]), 4),
                shared=shared[p],
                complements=found,
                ties=pair_ties,
            )
            cg.reasons = reasons(cg)
            out.append(cg)
    return out


Explain = Callable[[list[int], list[int], list[float]], list[CommonGround]]
Flip = Callable[[int, int, CommonGround], CommonGround]


class Explainer:
    """Suggestions whose common ground is made on first read, a batch at a time.

    `explain(a_rows, b_rows, scores)` makes the common ground (starters included)
    of each ordered pair of rows; `flip(a, b, cg)` turns the common ground of
    (b, a) into that of (a, b) (`CommonGround.flipped` and a's starters): a pair
    suggested both ways is explained once, each side reading its side of one
    object. Reading one suggestion explains it and the next CHUNK - 1 not yet
    explained, so reading a whole result in order costs what explaining it at once
    would; `fill_all` explains everything left, in several processes when there
    is much.
    """

    def __init__(self, explain: Explain, flip: Flip) -> None:
        self._explain, self._flip = explain, flip
        self._pending: list[tuple[int, int, float, Suggestion]] = []
        self._made: dict[tuple[int, int], CommonGround] = {}  # (a, b) explained as such

    def add(self, a: int, b: int, score: float, other_id: str) -> Suggestion:
        """A suggestion of row `b` (id `other_id`) to row `a`, explained when read."""
        rounded = round(float(score), 4)
        suggestion = Suggestion(other_id, rounded, source=self, index=len(self._pending))
        self._pending.append((a, b, rounded, suggestion))
        return suggestion

    def _split(
        self, items: list[tuple[int, int, float, Suggestion]]
    ) -> list[tuple[int, int, float, Suggestion]]:
        """The items whose pair must be explained (neither way round made yet)."""
        fresh, seen = [], set()
        for item in items:
            pair, back = (item[0], item[1]), (item[1], item[0])
            if pair in seen or back in seen or pair in self._made or back in self._made:
                continue
            seen.add(pair)
            fresh.append(item)
        return fresh

    def _settle(
        self,
        items: list[tuple[int, int, float, Suggestion]],
        fresh: list[tuple[int, int, float, Suggestion]],
        made: list[CommonGround],
    ) -> None:
        for item, cg in zip(fresh, made, strict=True):
            self._made[(item[0], item[1])] = cg
        for a, b, _, suggestion in items:
            if (a, b) in self._made:
                suggestion.common_ground = self._made[(a, b)]
            else:
                suggestion.common_ground = self._flip(a, b, self._made[(b, a)])

    def fill(self, index: int) -> None:
        """Explain suggestion `index` and the next ones not explained yet, CHUNK in all."""
        batch = [item for item in self._pending[index : index + CHUNK] if not item[3].explained]
        fresh = self._split(batch)
        made = self._explain([x[0] for x in fresh], [x[1] for x in fresh], [x[2] for x in fresh])
        self._settle(batch, fresh, made)

    def fill_all(
        self,
        processes: int = 1,
        progress: Callable[[float], None] | None = None,
        only: set[int] | None = None,
    ) -> None:
        """Explain every suggestion not explained yet (`only`: those of these indices);
        slices in forked processes."""
        todo = [
            item
            for i, item in enumerate(self._pending)
            if not item[3].explained and (only is None or i in only)
        ]
        fresh = self._split(todo)
        a, b = [x[0] for x in fresh], [x[1] for x in fresh]
        scores = [x[2] for x in fresh]
        explain = self._explain

        def part(start: int, stop: int) -> list[CommonGround]:
            out: list[CommonGround] = []
            # Only the first slice runs in this process: a child must not call back into
            # the caller (its progress writer's lock may have been held at fork time).
            report = progress if start == 0 else None
            with single_blas_thread(), gc_paused():
                for block in range(start, stop, _PROGRESS_EVERY):
                    end = min(stop, block + _PROGRESS_EVERY)
                    out += explain(a[block:end], b[block:end], scores[block:end])
                    if report is not None:
                        report((end - start) / (stop - start))
            return out

        # A child's common ground is packed, sent and unpacked: a fifth of making it.
        done = map_slices(part, len(fresh), processes, codec=(_pack, _unpack), overhead=0.2)
        made = [cg for _, part_made in done for cg in part_made]
        with gc_paused():
            self._settle(todo, fresh, made)
        if progress is not None:
            progress(1.0)


def explain_all(
    suggestions: Iterable[Suggestion],
    processes: Callable[[int], int] = lambda pending: 1,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Make the common ground of these suggestions now, and of no other suggestion of
    their explainers (`processes(pending)`: how many processes share that many
    explanations)."""
    sources: dict[int, tuple[Explainer, set[int]]] = {}
    pending = 0
    for s in suggestions:
        if not s.explained and isinstance(s.source, Explainer):
            sources.setdefault(id(s.source), (s.source, set()))[1].add(s.place)
            pending += 1
    for source, indices in sources.values():
        source.fill_all(processes(pending), progress, indices)


_PROGRESS_EVERY = 2048  # suggestions explained between progress reports


def _pack(cgs: list[CommonGround]) -> bytes:
    """Common ground as plain tuples through `marshal`. For the half of a 10,000-person
    run that a child explains, pickling the objects took 0.9 s, and `to_dict` /
    `from_dict` through marshal five times as long as these tuples."""
    shared_f, complement_f, tie_f = (item_fields(c) for c in (SharedItem, Complement, Tie))
    return marshal.dumps(
        [
            (
                cg.score,
                [tuple(getattr(s, f) for f in shared_f) for s in cg.shared],
                [tuple(getattr(c, f) for f in complement_f) for c in cg.complements],
                [tuple(getattr(t, f) for f in tie_f) for t in cg.ties],
                cg.reasons,
                cg.starters,
            )
            for cg in cgs
        ]
    )


def _unpack(data: bytes) -> list[CommonGround]:
    """Inverse of `_pack`."""
    with gc_paused():
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
def gc_paused() -> Iterator[None]:
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
