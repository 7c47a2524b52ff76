"""An event's matching, full and incremental: `EventState`.

Built from the event's profiles, it holds what matching reads (phrase vectors,
specificity, search vectors: `matcher.event_data`) and every attendee's current
list. `rematch` computes all lists at once (`Matcher.suggest` is exactly that);
`add`, `update`, `remove` and `block` change one person or pair and recompute only
the lists that change touches, through the same candidates (`matcher.candidates`),
rules, diversity and assignment (`matcher.selection`) and pair scores
(`matcher.scoring`). Each returns a `Change`: the lists it changed.

How close a change comes to a full run on the same profiles (BENCHMARKS.md
measures it): specificity is exact, so every pair's score and common ground are
the full run's; a changed person's candidates are the full run's as long as the
search vectors are current (each row keeps those of its day; `refresh` after a
share of the event changed); a newcomer may take the place of someone already
suggested as often as the cap allows where a full run's assignment would (its edge
beats their weakest receiver's, who then gets a list chosen again); the lists they
enter are re-chosen among their current members and the newcomer only.

Lists the real suggestions leave short are then filled (`matcher.fill`), after
every change as in a full run: the same real lists give the same fills.

Not thread-safe: one caller at a time (explanations read the state too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from matcher.arrays import unique_sorted
from matcher.candidates import candidate_pairs, group_partners, partners_of
from matcher.diversity import diversified_utility
from matcher.event_data import EventData
from matcher.explain import Explainer
from matcher.fill import fill, profile_vectors
from matcher.fill_ground import WordCounts, fill_ground
from matcher.lists import Lists
from matcher.scoring import PairScores, score_pairs
from matcher.selection import Choice, Edges, Rules, choose
from matcher.types import CommonGround, Profile, SharedItem, Suggestion, Tie

if TYPE_CHECKING:
    from matcher.matcher import Matcher

# Search vectors are made again once this share of the event (at least REFRESH_MIN
# people) changed since they were last all made.
REFRESH_SHARE = 0.05
REFRESH_MIN = 50


@dataclass
class Change:
    """What one change did: `lists` has every changed list (receiver id -> new list,
    best first), `dropped` the people whose lists are gone (they left)."""

    person: str
    lists: dict[str, list[Suggestion]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)

    def entered(self) -> list[str]:
        """Receivers whose changed list now suggests `person`."""
        return [
            r
            for r, items in self.lists.items()
            if r != self.person and any(s.other_id == self.person for s in items)
        ]


class EventState:
    """One event's profiles, rules and current lists (see the module docstring).

    `k`: suggestions per person; `exclude`: pairs never suggested (met, declined);
    `hidden`: ids suggested to nobody; `max_exposure`: how many lists one person may
    enter (default `exposure_factor` x k); `exclude_same_company`: no pairs of one
    company; `prior_only`: the profiles are no population (specificity from the
    generic prior alone). Lists start empty: `rematch` computes them, `set_lists`
    takes them from elsewhere (the database of a web worker).

    `personal_weight`: how much a shared personal interest counts against a
    professional one in the pair score, from 0 (professional fit only) to 1 (equal);
    None: the matcher's (`ScoreParams.personal_weight`, 0.5 by default, so
    professional fit outweighs hobby-only overlap). An event setting.
    """

    def __init__(
        self,
        matcher: Matcher,
        profiles: Sequence[Profile] = (),
        *,
        k: int = 5,
        exclude: Iterable[tuple[str, str]] = (),
        hidden: Iterable[str] = (),
        max_exposure: int | None = None,
        exclude_same_company: bool = False,
        prior_only: bool = False,
        progress: Callable[[float], None] | None = None,
        personal_weight: float | None = None,
    ) -> None:
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise ValueError("profile ids must be unique")
        self.matcher = matcher
        self.params = matcher.params
        if personal_weight is not None:
            if not 0.0 <= personal_weight <= 1.0:
                raise ValueError("personal_weight must be between 0 and 1")
            score = replace(self.params.score, personal_weight=float(personal_weight))
            self.params = replace(self.params, score=score)
        self.k = k
        self.cap = max_exposure if max_exposure is not None else self.params.exposure_factor * k
        self.exclude_same_company = exclude_same_company
        # Whether the event has begun: only then may a starter say "so far" (the
        # service sets it; stored suggestions are read later, so False is the safe side).
        self.event_started = False
        self._blocked: dict[str, set[str]] = {}
        self.set_blocked(exclude)
        self.data = EventData(matcher.vectors, self.params, prior_only)
        self._facets_all, self._stats = self.data.build(profiles, set(hidden), progress)
        self.lists = Lists(self.data.size)
        self._searched = False  # every row's k-th neighbour similarity known
        # Rows' whole-profile vectors for the fill (`matcher.fill.profile_vectors`),
        # made once per row: a row's profile never changes (an edit is a new row).
        self._profile_vecs = np.zeros((0, 0), dtype=np.float32)
        self._profile_made = 0
        self._words = WordCounts()  # who uses which word (`matcher.fill_ground`)
        self._words_at = (-1, -1)  # (rows ever held, people present) when last counted
        # Row -> (its list as shown, the best credit that list earns for each of its
        # needs: `matcher.need_credit.best_met`); a row's needs never change.
        self._best: dict[int, tuple[tuple[int, ...], np.ndarray]] = {}

    # -- reading ----------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        """The ids of the people present, in the order they arrived."""
        return [self.data.ids[r] for r in self.data.present().tolist()]

    def __contains__(self, pid: object) -> bool:
        return pid in self.data.row_of

    def suggestions(self, pid: str) -> list[Suggestion]:
        """`pid`'s current list, best first (explained together on first read)."""
        return self._suggestions({pid: self.lists.shown(self.data.row_of[pid])})[pid]

    def all_suggestions(self) -> dict[str, list[Suggestion]]:
        """Every present person's list, in arrival order (explained a batch at a time)."""
        rows = self.data.present().tolist()
        return self._suggestions({self.data.ids[r]: self.lists.shown(r) for r in rows})

    def _suggestions(
        self, lists: dict[str, list[tuple[int, float]]]
    ) -> dict[str, list[Suggestion]]:
        explainer = Explainer(self._explain, self._flip)
        out: dict[str, list[Suggestion]] = {}
        for pid, items in lists.items():
            receiver = self.data.row_of[pid]
            out[pid] = [
                explainer.add(receiver, row, score, self.data.ids[row]) for row, score in items
            ]
        return out

    def explain_all(
        self,
        lists: dict[str, list[Suggestion]],
        progress: Callable[[float], None] | None = None,
    ) -> None:
        """Explain every suggestion of `lists` now (several processes for many)."""
        self.matcher.explain_all(lists, progress)

    def common_ground(self, a: str, b: str, *, scored: bool = True) -> CommonGround:
        """What `a` and `b` (both present) have in common, from `a`'s side, under the
        event's specificity now. Not `scored`: the same, with a score of 0 (a page
        that shows no score is spared scoring the pair, half the work)."""
        rows = self.data.row_of
        ra, rb = rows[a], rows[b]
        score = float(self._score(np.array([ra]), np.array([rb])).score[0]) if scored else 0.0
        return self._explain([ra], [rb], [score])[0]

    # -- all lists at once ------------------------------------------------------

    def rematch(self, progress: Callable[[str, float], None] | None = None) -> None:
        """Compute every list from scratch (a full run)."""
        data = self.data
        if not self._whole():  # rows came and went since it was built: start afresh
            profiles = [data.profiles[r] for r in data.present().tolist()]
            hidden = {data.ids[r] for r in data.present().tolist() if data.hidden[r]}
            self.data = EventData(self.matcher.vectors, self.params, data.prior_only)
            self._facets_all, self._stats = self.data.build(profiles, hidden)
            data = self.data
        facets, params = self._facets_all, self.params
        self.lists = Lists(self.data.size)
        self._profile_vecs, self._profile_made = np.zeros((0, 0), dtype=np.float32), 0
        if data.n < 2 or self.k <= 0:
            return
        topic_w, _ = data.weights()
        neighbours = data.ensure_neighbours(facets)
        assert facets is not None and self._stats is not None
        i, j = candidate_pairs(
            facets,
            topic_w,
            params.candidates_per_person,
            params.candidates_per_goal,
            params.score.topic_threshold,
            params.max_rare_holders,
            self._stats.rare_pairs,
            neighbours,
        )
        self._searched = True
        if progress:
            progress("scoring", 0.5)
        scores = self._score(i, j)
        edges = Edges(*self._rules(None).directed(scores))
        if progress:
            progress("assigning", 0.8)
        everyone = data.present()
        self._choose(edges, everyone)
        self._fill()

    # -- one change at a time ---------------------------------------------------

    def add(self, profile: Profile, *, hidden: bool = False) -> Change:
        """A new person (or a changed one: see `update`); -> the lists that changed."""
        if profile.id in self.data.row_of:
            return self.update(profile, hidden=hidden)
        self._maybe_refresh()
        row = self.data.put(profile, hidden)
        self.lists.grow(self.data.size)
        partners = self._partners(np.array([row]))
        changed = self._join(row, partners[row])
        if not hidden:
            changed |= self._enter_lists(row, partners[row])
        return self._change(profile.id, changed | self._fill())

    def update(self, profile: Profile, *, hidden: bool = False) -> Change:
        """`profile` changed (or its `hidden` setting): its list, the lists it was in
        and the lists it now enters are recomputed."""
        if profile.id not in self.data.row_of:
            return self.add(profile, hidden=hidden)
        left = self.remove(profile.id)
        joined = self.add(profile, hidden=hidden)
        return Change(profile.id, {**left.lists, **joined.lists})

    def remove(self, pid: str) -> Change:
        """`pid` leaves: its list goes, the lists it was in are recomputed."""
        self._maybe_refresh()
        row = self.data.row_of[pid]
        receivers = sorted(self.lists.holders_of(row))
        self.lists.set(row, [])
        for r in receivers:
            self.lists.set(r, [(x, s) for x, s in self.lists.of(r) if x != row])
        self.lists.forget(row)
        self.data.drop(row)
        self._relist(np.array(receivers, dtype=np.int64))
        change = self._change(pid, set(receivers) | self._fill())
        change.dropped.append(pid)
        return change

    def block(self, a: str, b: str) -> Change:
        """Never suggest `a` and `b` to each other (they met, or one declined)."""
        self.set_blocked([*self._blocked_pairs(), (a, b)])
        self._maybe_refresh()
        rows = self.data.row_of
        touched = [
            rows[x]
            for x, y in ((a, b), (b, a))
            if x in rows and y in rows and any(o == rows[y] for o, _ in self.lists.of(rows[x]))
        ]
        changed = self._relist(np.array(touched, dtype=np.int64))
        return self._change(a, changed | self._fill())

    def put(self, profile: Profile, *, hidden: bool = False) -> None:
        """Take `profile` in (or its new version) without choosing any list: for a copy
        of the event kept in step with lists chosen elsewhere (`set_lists`). A changed
        profile keeps its list and its places in others' lists; one the state holds as
        it is already is left alone."""
        old = self.data.row_of.get(profile.id)
        data = self.data
        if old is not None and data.profiles[old] == profile and bool(data.hidden[old]) == hidden:
            # A catch-up reads again whoever was updated at its version's latest moment:
            # a new row for them would cost a profile's vectors and count as a change.
            return
        row = data.put(profile, hidden)
        self.lists.grow(self.data.size)
        if old is not None:
            self.lists.move(old, row)

    def drop(self, pid: str) -> None:
        """Take `pid` out, with its list and its places in others' lists, without
        choosing any list again (see `put`)."""
        row = self.data.row_of[pid]
        self.lists.forget(row)
        self.data.drop(row)

    def set_blocked(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Replace the pairs never suggested (either order)."""
        pairs = list(pairs)
        self._blocked = {}
        for a, b in pairs:
            self._blocked.setdefault(a, set()).add(b)
            self._blocked.setdefault(b, set()).add(a)

    def _blocked_pairs(self) -> list[tuple[str, str]]:
        return [(a, b) for a, others in self._blocked.items() for b in others]

    def refresh(self) -> None:
        """Make every person's search vectors with today's specificity and search their
        neighbours again (done by itself once a share of the event has changed)."""
        self.data.refresh()
        self._searched = True

    def set_lists(self, lists: Mapping[str, Sequence[tuple[str, float]]]) -> None:
        """Take every list from elsewhere: receiver id -> [(other id, score)], best first,
        as shown (fills last, at score 0). People not present are left out."""
        self.lists = Lists(self.data.size)
        self.replace_lists(lists)

    def replace_lists(self, lists: Mapping[str, Sequence[tuple[str, float]]]) -> None:
        """Take these receivers' lists from elsewhere (as `set_lists`); every other list
        stays as it is."""
        rows = self.data.row_of
        fills = self.lists.all_fills()
        for pid, items in lists.items():
            if pid in rows:
                kept = [(rows[o], float(s)) for o, s in items if o in rows]
                # Fills are stored at score 0, after every real suggestion (`_fill`).
                self.lists.set(rows[pid], [(o, s) for o, s in kept if s > 0])
                fills[rows[pid]] = [o for o, s in kept if s <= 0]
        self.lists.set_fills(fills)

    # -- the shared machinery ---------------------------------------------------

    def _whole(self) -> bool:
        """Whether the rows are still exactly those the state was built with."""
        facets, data = self._facets_all, self.data
        return facets is not None and facets.n == data.size == data.n

    def _maybe_refresh(self) -> None:
        data = self.data
        if data.changes > max(REFRESH_MIN, REFRESH_SHARE * data.n):
            self.refresh()
        elif not self._searched:
            data.search_all()
            self._searched = True

    def _score(self, i: np.ndarray, j: np.ndarray) -> PairScores:
        """Scores of row pairs (i[p], j[p]) under the event's specificity now."""
        data = self.data
        topic_w, org_w = data.weights()
        procs = self.matcher._processes(len(i), self.params.parallel_scores_from)
        if self._whole():  # the facets of every row are at hand (row p at position p)
            assert self._facets_all is not None
            return score_pairs(self._facets_all, topic_w, org_w, i, j, self.params.score, procs)
        rows, inverse = np.unique(np.concatenate([i, j]), return_inverse=True)
        scores = score_pairs(
            data.facets(rows), topic_w, org_w, inverse[: len(i)], inverse[len(i) :],
            self.params.score, procs,
        )  # fmt: skip
        scores.i, scores.j = i, j
        return scores

    def _explain(
        self, a: Sequence[int], b: Sequence[int], scores: Sequence[float]
    ) -> list[CommonGround]:
        """The common ground of row pairs, with starters, under the specificity now."""
        from matcher.explain import explain_many
        from matcher.need_credit import best_met
        from matcher.starters import make_starters
        from matcher.wording import reasons

        data = self.data
        lists = {r: tuple(x for x, _ in self.lists.shown(r)) for r in {*a, *b}}
        todo = [r for r, members in lists.items() if self._best.get(r, (None,))[0] != members]
        rows: np.ndarray | None = None  # position p holds row rows[p]; None: row p
        if self._whole():  # the facets of every row are at hand (row p at position p)
            assert self._facets_all is not None
            facets = self._facets_all
        else:
            wanted = [*a, *b, *(x for r in todo for x in lists[r])]
            rows = np.unique(np.asarray(wanted, dtype=np.int64))
            facets = data.facets(rows)

        def place(of: Sequence[int]) -> np.ndarray:
            held = np.asarray(of, dtype=np.int64)
            return held if rows is None else np.searchsorted(rows, held)

        at = place([*a, *b]).tolist()
        if todo:
            # The best any of a seeker's list does for each of their needs: a need is
            # said met on a card only that well (`matcher.need_credit`).
            members = [place(lists[r]) for r in todo]
            made = best_met(facets, place(todo), members, self.params.score)
            self._best.update({r: (lists[r], m) for r, m in zip(todo, made, strict=True)})

        def floors(x: int) -> np.ndarray:
            return self._best[x if rows is None else int(rows[x])][1]

        cgs = explain_many(
            facets, data.weights()[0], at[: len(a)], at[len(a) :], scores, self.params.score,
            floors,
        )  # fmt: skip
        for x, y, cg in zip(a, b, cgs, strict=True):
            if not (cg.shared or cg.complements or cg.ties) and (
                self.lists.is_fill(x, y) or self.lists.is_fill(y, x)
            ):
                # A fill with nothing found item by item: what the two plainly share
                # across all their words, or else what is true of any fill, and no more.
                held = data.rows
                found = self._fill_ground(x, y)
                if found is not None:
                    cg.shared.append(found)
                else:
                    cg.ties.append(Tie("nearby", held[x].headline, held[y].headline))
                cg.reasons = reasons(cg)
            cg.starters = list(
                make_starters(
                    data.profiles[x], data.profiles[y], cg, n=3, event_started=self.event_started
                )
            )
        return cgs

    def _fill_ground(self, a: int, b: int) -> SharedItem | None:
        """What rows a and b plainly share across all their words (`matcher.fill_ground`)."""
        data = self.data
        # Rows are only appended and dropped: (rows ever held, people present) names one
        # moment of the event, so the counts are brought up to date once per change,
        # not once per fill explained.
        if self._words_at != (data.size, data.n):
            self._words.update(data.rows, data.vocab.phrases, data.present())
            self._words_at = (data.size, data.n)
        return fill_ground(
            data.rows[a], data.rows[b], data.vocab.phrases, data.vectors(), self._words, data.n
        )

    def _flip(self, a: int, b: int, theirs: CommonGround) -> CommonGround:
        """Row a's side of the common ground of (b, a): flipped, with a's starters."""
        from matcher.starters import make_starters

        cg = theirs.flipped()
        cg.starters = list(
            make_starters(
                self.data.profiles[a], self.data.profiles[b], cg, n=3,
                event_started=self.event_started,
            )
        )  # fmt: skip
        return cg

    def _rules(self, rows: Iterable[int] | None) -> Rules:
        """The rules over every row; blocked pairs of `rows` only (None: of everyone)."""
        data = self.data
        row_of = data.row_of
        who = row_of if rows is None else [data.ids[r] for r in rows]
        pairs = [
            (row_of[a], row_of[b])
            for a in who
            for b in self._blocked.get(a, ())
            if a in row_of and b in row_of
        ]
        size = data.size
        company = data.company[:size] if self.exclude_same_company else None
        return Rules(size, Rules.keys(pairs, size), data.hidden[:size], company)

    def _capacity(self) -> np.ndarray:
        """How many more lists each row may enter now (0 for hidden or absent rows)."""
        data = self.data
        size = data.size
        room = np.where(data.hidden[:size] | ~data.active[:size], 0, self.cap)
        return np.maximum(room - self.lists.load[:size], 0)

    def _choose(
        self, edges: Edges, receivers: np.ndarray, won: np.ndarray | None = None
    ) -> set[int]:
        """Choose the lists of `receivers` from `edges` with the room left (and one more
        place in each of the `won` rows); -> changed rows."""
        data = self.data
        for r in receivers.tolist():  # their current lists are chosen again
            self.lists.set(r, [])
        rules = self._rules(receivers.tolist())
        capacity = self._capacity()
        if won is not None:
            capacity[won] += 1

        def widen(recv: np.ndarray, sugg: np.ndarray) -> Edges:
            return Edges(*rules.directed(self._score(recv, sugg), one_way=True))

        size = data.size
        assert data.neighbours is not None
        picked = choose(
            edges,
            receivers,
            capacity,
            Choice(self.k, self.params.diversity, self.params.fallback_candidates),
            (data.reduced[:size], data.neighbours.vectors["topics"][:size]),
            data.nonempty[:size],
            widen,
            data.company[:size],
        )
        order = np.lexsort((picked.sugg, -picked.score, picked.recv))
        new: dict[int, list[tuple[int, float]]] = {}
        for r, s, score in zip(
            picked.recv[order].tolist(), picked.sugg[order].tolist(), picked.score[order].tolist(),
            strict=True,
        ):  # fmt: skip
            new.setdefault(r, []).append((s, score))
        for r, items in new.items():
            self.lists.set(r, items)
        return {int(r) for r in receivers.tolist()}

    def _fill(self) -> set[int]:
        """Fill every list the real suggestions leave short (`matcher.fill`), all
        chosen again; -> the rows whose fills changed."""
        data, lists = self.data, self.lists
        present = data.present()
        if len(present) < 2 or self.k <= 0:
            return lists.set_fills({})
        real = np.array([len(lists.of(r)) for r in present.tolist()], dtype=np.int64)
        short = present[(real < self.k) & data.nonempty[present]]
        if not len(short):
            return lists.set_fills({})
        room = self._capacity()
        candidates = np.flatnonzero((room > 0) & data.nonempty[: data.size])
        need = self.k - real[np.searchsorted(present, short)]
        company = data.company[: data.size] if self.exclude_same_company else None
        row_of, ids = data.row_of, data.ids

        def barred(r: int) -> set[int]:
            out = {r, *(x for x, _ in lists.of(r))}
            out.update(row_of[b] for b in self._blocked.get(ids[r], ()) if b in row_of)
            if company is not None and company[r] >= 0:
                out.update(np.flatnonzero(company == company[r]).tolist())
            return out

        fills = fill(
            short.tolist(), need.tolist(), candidates, room, self._profile_vectors,
            ids.__getitem__, barred,
        )  # fmt: skip
        return lists.set_fills(fills)

    def _profile_vectors(self, rows: np.ndarray) -> np.ndarray:
        """The rows' whole-profile vectors (`matcher.fill.profile_vectors`): (R, d)."""
        data = self.data
        if self._profile_made < data.size:
            new = profile_vectors(data.rows[self._profile_made : data.size], data.vectors())
            if (
                self._profile_vecs.shape[0] < data.size
                or self._profile_vecs.shape[1] != new.shape[1]
            ):
                grown = np.zeros((max(64, 2 * data.size), new.shape[1]), dtype=np.float32)
                if self._profile_vecs.shape[1] == new.shape[1]:
                    grown[: self._profile_made] = self._profile_vecs[: self._profile_made]
                self._profile_vecs = grown
            self._profile_vecs[self._profile_made : data.size] = new
            self._profile_made = data.size
        return self._profile_vecs[rows]

    def _partners(self, rows: np.ndarray) -> dict[int, np.ndarray]:
        """Every candidate partner of each of `rows` (present): search partners and
        holders of a rare concept they share (`matcher.candidates`)."""
        data, params = self.data, self.params
        found = partners_of(
            data.ensure_neighbours(),
            rows,
            data.present(),
            params.candidates_per_person,
            params.candidates_per_goal,
        )
        if data.prior_only:
            return found
        pairs = [np.stack([np.full(len(p), r), p], axis=1) for r, p in found.items()]
        for r in rows.tolist():
            rare = np.array(sorted(data.rare_partners(r)), dtype=np.int64)
            pairs.append(np.stack([np.full(len(rare), r), rare], axis=1))
        return group_partners(np.concatenate(pairs).astype(np.int64), rows)

    def _relist(
        self, receivers: np.ndarray, partners: dict[int, np.ndarray] | None = None
    ) -> set[int]:
        """Choose again the lists of `receivers` (present rows) from all their candidates;
        -> the rows whose lists changed."""
        if len(receivers) == 0:
            return set()
        grouped = partners if partners is not None else self._partners(receivers)
        recv = np.concatenate([np.full(len(grouped[r]), r) for r in receivers.tolist()])
        sugg = np.concatenate([grouped[r] for r in receivers.tolist()])
        rules = self._rules(receivers.tolist())
        edges = Edges(*rules.directed(self._score(recv.astype(np.int64), sugg), one_way=True))
        before = {r: self.lists.of(r) for r in receivers.tolist()}
        self._choose(edges, receivers)
        for r, items in before.items():
            # People a list keeps keep the score they were stored with (the change moves
            # every pair's score a little, and no other list is scored again): their
            # common ground stays stored with them, not explained again.
            held = dict(items)
            now = self.lists.of(r)
            if any(x in held and held[x] != sc for x, sc in now):
                self.lists.set(r, [(x, held.get(x, sc)) for x, sc in now])
        return {r for r, items in before.items() if self.lists.of(r) != items}

    def _join(self, row: int, partners: np.ndarray) -> set[int]:
        """Choose the list of `row` (just put) from its candidates. A person already
        suggested as often as the cap allows is still open to it where a full run would
        give them to it: its edge's utility beats the weakest of theirs (a full run's
        assignment takes edges best first). That receiver gives the place up and its
        list is chosen again, with the room left. -> the rows whose lists changed."""
        if len(partners) == 0:
            return self._relist(np.array([row]), {row: partners})
        recv = np.full(len(partners), row, dtype=np.int64)
        edges = Edges(*self._rules([row]).directed(self._score(recv, partners), one_way=True))
        weakest = self._weakest_holders(np.unique(edges.sugg[self._capacity()[edges.sugg] == 0]))
        won = np.zeros(0, dtype=np.int64)
        if weakest:
            utility = self._utilities(edges)
            beats = [
                s for s, u in zip(edges.sugg.tolist(), utility.tolist(), strict=True)
                if s in weakest and u > weakest[s][1]
            ]  # fmt: skip
            won = np.array(beats, dtype=np.int64)
        self._choose(edges, np.array([row]), won)
        over = [s for s, _ in self.lists.of(row) if s in weakest and self.lists.load[s] > self.cap]
        bumped = sorted({weakest[s][0] for s in over})
        for s in over:
            holder = weakest[s][0]
            self.lists.set(holder, [(x, sc) for x, sc in self.lists.of(holder) if x != s])
        self._relist(np.array(bumped, dtype=np.int64))
        return set(bumped) | ({row} if self.lists.of(row) else set())

    def _utilities(self, edges: Edges) -> np.ndarray:
        """The diversified utility of each edge among its receiver's edges, as the
        assignment of a full run reads them: (E,)."""
        return diversified_utility(
            edges.recv, edges.sugg, edges.score, self.data.reduced[: self.data.size],
            steps=2 * self.k, strength=self.params.diversity, reduce=False,
        )  # fmt: skip

    def _weakest_holders(self, full: np.ndarray) -> dict[int, tuple[int, float]]:
        """For each of the `full` rows (listed as often as the cap allows): the receiver
        whose edge to it has the lowest utility within that receiver's current list,
        and that utility. Rows that are not really full (hidden, absent) are left out."""
        data = self.data
        full = full[data.active[full] & ~data.hidden[full] & (self.lists.load[full] >= self.cap)]
        holders = sorted({h for s in full.tolist() for h in self.lists.holders_of(s)})
        if not holders:
            return {}
        items = [(h, x, sc) for h in holders for x, sc in self.lists.of(h)]
        recv, sugg, score = (np.array(v) for v in zip(*items, strict=True))
        utility = self._utilities(
            Edges(recv.astype(np.int64), sugg.astype(np.int64), score.astype(np.float32))
        )
        wanted = set(full.tolist())
        weakest: dict[int, tuple[int, float]] = {}
        for h, s, u in zip(recv.tolist(), sugg.tolist(), utility.tolist(), strict=True):
            if s in wanted and (s not in weakest or u < weakest[s][1]):
                weakest[s] = (h, u)
        return weakest

    def _enter_lists(self, row: int, partners: np.ndarray) -> set[int]:
        """Put `row` into the lists of those it now ranks in: each candidate's current
        list plus `row`, chosen again with the room left. -> the changed lists."""
        if len(partners) == 0:
            return set()
        scores = self._score(np.full(len(partners), row, dtype=np.int64), partners).swapped()
        fresh = Edges(*self._rules([row]).directed(scores, one_way=True))
        # A list it cannot enter stays as it is: one that is full, where even its
        # last pick is worth more than the newcomer's score could be (a pick keeps at
        # least 1 - diversity of its score).
        floor = np.array(
            [self.lists.entry_floor(r, self.k, self.params.diversity) for r in fresh.recv.tolist()],
            dtype=np.float32,
        )
        fresh = fresh.take(fresh.score >= floor)
        # A bumped receiver chosen again in `_join` may already hold `row`: no second place.
        holding = self.lists.holders_of(row)
        if holding:
            fresh = fresh.take(~np.isin(fresh.recv, np.fromiter(holding, dtype=np.int64)))
        receivers = unique_sorted(fresh.recv)
        if len(receivers) == 0:
            return set()
        current = [(r, x, s) for r in receivers.tolist() for x, s in self.lists.of(r)]
        edges = fresh
        if current:
            recv, sugg, score = (np.array(v) for v in zip(*current, strict=True))
            kept = Edges(recv.astype(np.int64), sugg.astype(np.int64), score.astype(np.float32))
            edges = kept.plus(fresh)
        before = {r: self.lists.of(r) for r in receivers.tolist()}
        self._choose(edges, receivers)
        for r, items in before.items():
            # People a list keeps keep the score they were stored with (the change moves
            # every pair's score a little, and no other list is scored again): their
            # common ground stays stored with them, not explained again.
            held = dict(items)
            now = self.lists.of(r)
            if any(x in held and held[x] != sc for x, sc in now):
                self.lists.set(r, [(x, held.get(x, sc)) for x, sc in now])
        return {r for r, items in before.items() if self.lists.of(r) != items}

    def _change(self, pid: str, rows: set[int]) -> Change:
        data = self.data
        present = {data.ids[r]: self.lists.shown(r) for r in sorted(rows) if data.active[r]}
        return Change(pid, self._suggestions(present))
