"""Every receiver's current list, and who is suggested how often (the exposure).

A list is its real suggestions (each with a reason, best first) followed by its
fills: the closest remaining people by whole profile, given to a list the real
suggestions leave short (`matcher.fill`). `load` counts real places only; the
fills are chosen again after every change with the room the real places leave.
"""

from __future__ import annotations

import numpy as np


class Lists:
    """Receiver row -> [(suggested row, score)], best first; `load` (rows,) counts how
    many lists hold each row as a real suggestion, `holders_of` says which. Fills:
    receiver row -> [suggested row], after its real suggestions (score 0)."""

    def __init__(self, size: int) -> None:
        self._items: dict[int, list[tuple[int, float]]] = {}
        self._holders: dict[int, set[int]] = {}
        self.load = np.zeros(max(size, 1), dtype=np.int64)
        self._fills: dict[int, list[int]] = {}

    def of(self, row: int) -> list[tuple[int, float]]:
        """`row`'s list (empty if none); never changed in place, so safe to keep."""
        return self._items.get(row, [])

    def fills_of(self, row: int) -> list[int]:
        """`row`'s fills, closest first (empty if none)."""
        return self._fills.get(row, [])

    def shown(self, row: int) -> list[tuple[int, float]]:
        """`row`'s whole list as shown: its real suggestions, then its fills at score 0."""
        fills = self._fills.get(row)
        items = self._items.get(row, [])
        return items + [(x, 0.0) for x in fills] if fills else items

    def is_fill(self, row: int, other: int) -> bool:
        """Whether `other` is in `row`'s list as a fill."""
        return other in self._fills.get(row, ())

    def all_fills(self) -> dict[int, list[int]]:
        """Every list's fills (a copy)."""
        return {r: list(f) for r, f in self._fills.items()}

    def set_fills(self, fills: dict[int, list[int]]) -> set[int]:
        """Replace every list's fills; -> the rows whose fills changed."""
        old, self._fills = self._fills, {r: list(f) for r, f in fills.items() if f}
        return {r for r in old.keys() | self._fills.keys() if old.get(r) != self._fills.get(r)}

    def fill_count(self) -> int:
        """How many fills all lists hold."""
        return sum(map(len, self._fills.values()))

    def holders_of(self, row: int) -> set[int]:
        """The receivers whose lists hold `row`."""
        return set(self._holders.get(row, ()))

    def grow(self, size: int) -> None:
        """Room for `size` rows."""
        if len(self.load) < size:
            grown = np.zeros(max(64, 2 * len(self.load), size), dtype=np.int64)
            grown[: len(self.load)] = self.load
            self.load = grown

    def set(self, row: int, items: list[tuple[int, float]]) -> None:
        """Replace `row`'s list."""
        for other, _ in self._items.get(row, []):
            self.load[other] -= 1
            self._holders[other].discard(row)
        if items:
            self._items[row] = items
        else:
            self._items.pop(row, None)
        for other, _ in items:
            self.load[other] += 1
            self._holders.setdefault(other, set()).add(row)

    def move(self, old: int, new: int) -> None:
        """Row `old` is now row `new` (a changed profile): its list and its places in
        others' lists go with it."""
        self.set(new, self.of(old))
        self.set(old, [])
        for receiver in self.holders_of(old):
            self.set(receiver, [(new if x == old else x, s) for x, s in self.of(receiver)])
        self._move_fills(old, new)

    def forget(self, row: int) -> None:
        """Row `row` is gone: its list and its places in others' lists go."""
        self.set(row, [])
        for receiver in self.holders_of(row):
            self.set(receiver, [(x, s) for x, s in self.of(receiver) if x != row])
        self._move_fills(row, None)

    def _move_fills(self, old: int, new: int | None) -> None:
        """Row `old`'s fills and its places in others' fills go to `new` (None: away)."""
        mine = self._fills.pop(old, None)
        if mine and new is not None:
            self._fills[new] = mine
        for receiver, fills in list(self._fills.items()):
            if old in fills:
                kept = [x for x in (new if x == old else x for x in fills) if x is not None]
                if kept:
                    self._fills[receiver] = kept
                else:
                    del self._fills[receiver]

    def entry_floor(self, row: int, k: int, diversity: float) -> float:
        """The score below which nobody can enter `row`'s list (0 while it has room):
        its last pick keeps at least 1 - diversity of its score."""
        items = self._items.get(row, [])
        if len(items) < k:
            return 0.0
        return (1 - diversity) * min(score for _, score in items)
