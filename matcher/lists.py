"""Every receiver's current list, and who is suggested how often (the exposure)."""

from __future__ import annotations

import numpy as np


class Lists:
    """Receiver row -> [(suggested row, score)], best first; `load` (rows,) counts how
    many lists hold each row, `holders_of` says which."""

    def __init__(self, size: int) -> None:
        self._items: dict[int, list[tuple[int, float]]] = {}
        self._holders: dict[int, set[int]] = {}
        self.load = np.zeros(max(size, 1), dtype=np.int64)

    def of(self, row: int) -> list[tuple[int, float]]:
        """`row`'s list (empty if none); never changed in place, so safe to keep."""
        return self._items.get(row, [])

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

    def forget(self, row: int) -> None:
        """Row `row` is gone: its list and its places in others' lists go."""
        self.set(row, [])
        for receiver in self.holders_of(row):
            self.set(receiver, [(x, s) for x, s in self.of(receiver) if x != row])

    def entry_floor(self, row: int, k: int, diversity: float) -> float:
        """The score below which nobody can enter `row`'s list (0 while it has room):
        its last pick keeps at least 1 - diversity of its score."""
        items = self._items.get(row, [])
        if len(items) < k:
            return 0.0
        return (1 - diversity) * min(score for _, score in items)
