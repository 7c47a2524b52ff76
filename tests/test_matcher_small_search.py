"""Small searches skip faiss (its threads cost more than the product): same answers."""

from __future__ import annotations

import numpy as np
import pytest

from matcher import index


def _unit(n: int, d: int = 48, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _all_pairs(vectors: np.ndarray, threshold: float) -> tuple[np.ndarray, ...]:
    blocks = list(index.range_blocks(vectors, threshold))
    return tuple(np.concatenate([getattr(b, f) for b in blocks]) for f in ("rows", "cols", "sims"))


@pytest.mark.parametrize("n", [1, 7, 40])
def test_small_range_search_finds_the_same_pairs_as_faiss(n: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    vectors = _unit(n)
    vectors[0] = 0.0  # a zero row is still its own neighbour
    small = _all_pairs(vectors, 0.2)
    monkeypatch.setattr(index, "SMALL", 0)
    big = _all_pairs(vectors, 0.2)
    as_set = lambda r: {(int(a), int(b)) for a, b in zip(r[0], r[1], strict=True)}  # noqa: E731
    assert as_set(small) == as_set(big)
    assert (0, 0) in as_set(small)
    got = dict(zip(zip(small[0].tolist(), small[1].tolist(), strict=True), small[2], strict=True))
    for a, b, s in zip(*big, strict=True):
        assert got[(int(a), int(b))] == pytest.approx(float(s), abs=1e-5)


def test_small_knn_finds_the_same_neighbours_as_faiss(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    queries, base = _unit(12, seed=1), _unit(30, seed=2)
    sims, ids = index.knn(queries, base, 5)
    monkeypatch.setattr(index, "SMALL", 0)
    sims_f, ids_f = index.knn(queries, base, 5)
    assert (ids == ids_f).all()
    assert np.allclose(sims, sims_f, atol=1e-5)
    assert sims.dtype == np.float32 and ids.dtype == np.int64
    assert index.knn(queries, base, 50)[1].shape == (12, 30)
