"""The matching half of the performance benchmark: embedding against the raw model,
and full-event matching with its phases timed from outside. Used by scripts/bench.py.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate_event  # noqa: E402
from synth_data import PERSONAL, PROFESSIONAL  # noqa: E402

from matcher import Matcher, Profile  # noqa: E402

# Where the phases live: (module, function) -> phase. Timed by wrapping from outside,
# so the matcher carries no benchmark code; a name that disappears is simply untimed.
PHASES: dict[tuple[str, str], str] = {
    ("matcher.event", "EventData.build"): "prepare",
    ("matcher.event_data", "EventData.ensure_neighbours"): "candidates",
    ("matcher.event", "candidate_pairs"): "candidates",
    ("matcher.event", "score_pairs"): "scoring",
    ("matcher.selection", "diversified_utility"): "assignment",
    ("matcher.selection", "assign"): "assignment",
    # Wall time of explaining, wherever it runs (large runs fork: matcher.parallel).
    ("matcher.matcher", "explain_all"): "explain",
}
PHASE_ORDER = ("encoding", "prepare", "candidates", "scoring", "assignment", "explain", "other")


def with_long_tail(profiles: list[Profile], share: float, seed: int) -> list[Profile]:
    """Give a `share` of attendees one free-text interest of their own.

    Real sign-ups write things nobody else writes ("battery recycling for e-bikes");
    the generator's vocabulary alone has a few hundred phrases at any size, which
    would make encoding look free. Phrases combine two of the generator's wordings.
    """
    if share <= 0:
        return profiles
    rng = random.Random(seed)
    words = [w for _, ws in PROFESSIONAL for w in ws] + [w for _, ws in PERSONAL for w in ws]
    joins = (" for ", " meets ", " and ", " in ", " with ")
    for p in profiles:
        if rng.random() < share:
            a, b = rng.sample(words, 2)
            p.interests.append(f"{a}{rng.choice(joins)}{b.lower()}")
    return profiles


def make_event(n: int, seed: int, tail: float) -> list[Profile]:
    """The synthetic event of scripts/synth.py with the long tail."""
    return with_long_tail(generate_event(n, seed=seed).profiles, tail, seed)


def unique_phrases(profiles: Sequence[Profile]) -> list[str]:
    """The normalised phrases the matcher embeds for these profiles (plus its prior)."""
    from matcher.facets import build_facets
    from matcher.specificity import GENERIC_TOPICS

    class Recorder:
        texts: list[str] = []

        def matrix(self, texts: Sequence[str], progress: Any = None) -> np.ndarray:
            self.texts = list(texts)
            return np.zeros((len(texts), 8), dtype=np.float32)

    rec = Recorder()
    build_facets(profiles, rec)  # type: ignore[arg-type]
    return list(dict.fromkeys([*rec.texts, *GENERIC_TOPICS]))


class MemoryStore:
    """An in-process embedding store (the cache a worker restart would keep)."""

    def __init__(self) -> None:
        self.vectors: dict[tuple[str, str], np.ndarray] = {}

    def load(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Known vectors among `texts`."""
        return {t: self.vectors[(model, t)] for t in texts if (model, t) in self.vectors}

    def save(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Remember new vectors."""
        for t, v in vectors.items():
            self.vectors[(model, t)] = v


class TimedEncoder:
    """Wraps an encoder and adds up the time spent in the model."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0
        self.calls = 0
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode through the wrapped encoder, timing it."""
        start = time.perf_counter()
        try:
            return np.asarray(self.inner.encode(texts))
        finally:
            self.seconds += time.perf_counter() - start
            self.calls += 1
            self.texts += len(texts)


@contextmanager
def phase_timers() -> Iterator[dict[str, float]]:
    """Time the matcher's phases by wrapping its functions; restores them afterwards."""
    import importlib

    times: dict[str, float] = {}
    saved: list[tuple[Any, str, Callable[..., Any]]] = []
    depth = [0]

    def wrap(fn: Callable[..., Any], phase: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return fn(*args, **kwargs)
            depth[0] += 1
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                depth[0] -= 1
                times[phase] = times.get(phase, 0.0) + time.perf_counter() - start

        return timed

    for (module_name, path), phase in PHASES.items():
        owner: Any = importlib.import_module(module_name)
        *outer, attr = path.split(".")  # "Class.method" wraps a method of a class
        for name in outer:
            owner = getattr(owner, name, None)
        fn = getattr(owner, attr, None) if owner is not None else None
        if fn is not None:
            saved.append((owner, attr, fn))
            setattr(owner, attr, wrap(fn, phase))
    try:
        yield times
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def raw_model(encoder: Any) -> Any:
    """The SentenceTransformer behind the pipeline's encoder (same object, same threads)."""
    from matcher.encoding import _load

    return _load(encoder.name)


def raw_encode(model: Any, texts: list[str]) -> np.ndarray:
    """Plain `SentenceTransformer.encode` with its defaults, normalised like the pipeline."""
    return np.asarray(model.encode(texts, normalize_embeddings=True, show_progress_bar=False))


def exact_knn_seconds(vectors: np.ndarray, k: int = 10) -> float:
    """Time of an exact faiss inner-product k-NN of every vector against all."""
    import faiss

    start = time.perf_counter()
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    index.search(np.ascontiguousarray(vectors, dtype=np.float32), min(k, len(vectors)))
    return time.perf_counter() - start


def embedding_ratio(
    encoder: Any, texts: list[str], repeat: int, onnx: Any = None
) -> dict[str, float]:
    """Pipeline (unique phrases through the phrase table) vs raw encode of the same texts;
    with `onnx` (an OnnxEncoder), the pipeline over ONNX Runtime too."""
    from matcher.encoding import PhraseVectors

    model = raw_model(encoder)
    raw_encode(model, texts[:64])  # warm the thread pools
    encoders = {"pipe": encoder, **({"onnx": onnx} if onnx is not None else {})}
    times: dict[str, list[float]] = {"raw": [], **{name: [] for name in encoders}}
    vectors: dict[str, np.ndarray] = {}
    for rep in range(repeat):
        order = ["raw", *encoders]
        for which in order if rep % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            if which == "raw":
                vectors[which] = raw_encode(model, texts)
            else:
                table = PhraseVectors(encoders[which])
                table.ensure(texts)
                vectors[which] = table.matrix(texts)
            times[which].append(time.perf_counter() - start)
    med = {name: statistics.median(t) for name, t in times.items()}
    out = {"phrases": len(texts), "pipeline_s": med["pipe"], "raw_s": med["raw"]}
    out["ratio"] = med["pipe"] / med["raw"]
    out["max_diff"] = float(np.abs(vectors["pipe"] - vectors["raw"]).max()) if texts else 0.0
    if onnx is not None:
        out["onnx_s"] = med["onnx"]
        out["onnx_ratio"] = med["onnx"] / med["raw"]
        out["onnx_max_diff"] = (
            float(np.abs(vectors["onnx"] - vectors["raw"]).max()) if texts else 0.0
        )
    return out


def _cold_or_warm(
    encoder: Any, store: MemoryStore, profiles: list[Profile], k: int
) -> dict[str, Any]:
    """One full `suggest` over `profiles` with the phrase vectors `store` holds, timed."""
    clear_matcher_caches()  # like a fresh worker: nothing left from the previous run
    timed = TimedEncoder(encoder)
    matcher = Matcher(encoder=timed, store=store)
    with phase_timers() as times:
        start = time.perf_counter()
        result = matcher.suggest(profiles, k=k)
        lists_s = time.perf_counter() - start
        matcher.explain_all(result)  # what the service stores: every suggestion explained
        total = time.perf_counter() - start
    phases = dict(times)
    phases["prepare"] = phases.get("prepare", 0.0) - timed.seconds
    phases["encoding"] = timed.seconds
    phases["other"] = total - sum(phases.values())
    counts = [len(v) for v in result.values()]
    exposure: dict[str, int] = {}
    for suggestions in result.values():
        for s in suggestions:
            exposure[s.other_id] = exposure.get(s.other_id, 0) + 1
    pos = {pid: i for i, pid in enumerate(result)}
    made = [(pos[r], pos[s.other_id]) for r, sugg in result.items() for s in sugg]
    return {
        # (receiver, suggested) positions of every suggestion, for `backend_agreement`;
        # taken out before a child reports. The suggestions themselves are dropped here,
        # so they do not weigh on the peak memory of the runs that follow.
        "pairs": np.array(made, dtype=np.int64).reshape(-1, 2),
        "total_s": total,
        "lists_s": lists_s,
        "phases": phases,
        "encoded": timed.texts,
        "mean_suggestions": float(np.mean(counts)),
        "covered": sum(1 for c in counts if c) / max(1, len(counts)),
        "max_exposure": max(exposure.values(), default=0),
        "with_reasons": all(s.common_ground.reasons for v in result.values() for s in v),
    }


def clear_matcher_caches() -> None:
    """Empty the matcher's in-process caches (normalisation, wording, templates)."""
    for name, module in list(sys.modules.items()):
        if name == "matcher" or name.startswith("matcher."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


class TreeMemory:
    """Peak memory of this process and its forked workers together: this process's
    RSS plus each worker's private pages (those it wrote since the fork; the pages it
    still shares copy-on-write are in the RSS already), sampled from /proc every
    `every` s by a thread. Linux only: `peak_mb` stays None elsewhere.
    """

    def __init__(self, every: float = 0.25) -> None:
        self.every = every
        self.peak_mb: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def __enter__(self) -> TreeMemory:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            own = self._kb(os.getpid(), ("Rss:",))
            workers = sum(self._kb(c, _PRIVATE) for c in self._children())
            total = (own + workers) / 1024
            self.peak_mb = max(self.peak_mb or 0.0, total)

    @staticmethod
    def _children() -> list[int]:
        found: list[int] = []
        for tid in os.listdir("/proc/self/task"):
            try:
                found += [
                    int(x) for x in Path(f"/proc/self/task/{tid}/children").read_text().split()
                ]
            except OSError:
                continue
        return found

    @staticmethod
    def _kb(pid: int, fields: tuple[str, ...]) -> int:
        try:
            lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            return sum(int(x.split()[1]) for x in lines if x.startswith(fields))
        except (OSError, ValueError):
            return 0  # a worker that just exited


_PRIVATE = ("Private_Clean:", "Private_Dirty:")


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median total time (its phases stay consistent with its total)."""
    return sorted(runs, key=lambda r: float(r["total_s"]))[len(runs) // 2]


def full_match(
    encoder: Any,
    n: int,
    seed: int,
    tail: float,
    k: int = 5,
    repeat: int = 1,
    onnx: Any = None,
    joining: int = 0,
) -> dict[str, Any]:
    """Cold and warm full-event matching of a generated event of `n`, phases timed.

    Each of `repeat` rounds times the reference (raw encode of the unique phrases +
    exact k-NN over them) and a cold run back to back, alternating which goes first,
    so that load on a shared machine hits both sides of the ratio alike; the ratio
    reported is the median of the rounds' ratios. Warm runs reuse the last cold
    run's phrase vectors. With `onnx` (an OnnxEncoder, MATCHER_BACKEND=onnx) each
    round also times a cold run over it, and its agreement with the torch run is
    measured (`backend_agreement`). With `joining`, that many of the event's people
    also join one at a time after a full run over the others (`incremental_agreement`).
    """
    with TreeMemory() as memory:
        result = _full_match(encoder, n, seed, tail, k, repeat, onnx, joining)
    result["tree_peak_mb"] = memory.peak_mb
    return result


def _full_match(
    encoder: Any, n: int, seed: int, tail: float, k: int, repeat: int, onnx: Any, joining: int
) -> dict[str, Any]:
    profiles = make_event(n, seed, tail)
    texts = unique_phrases(profiles)
    model = raw_model(encoder)
    raw_encode(model, texts[:64])
    refs: list[dict[str, float]] = []
    runs: dict[str, list[dict[str, Any]]] = {"cold": [], "onnx": []}
    stores: dict[str, MemoryStore] = {}
    order = ["reference", "cold", *(["onnx"] if onnx is not None else [])]
    for rep in range(repeat):
        for which in order if rep % 2 == 0 else order[::-1]:
            if which == "reference":
                start = time.perf_counter()
                vectors = raw_encode(model, texts)
                encode_s = time.perf_counter() - start
                refs.append({"encode_s": encode_s, "knn_s": exact_knn_seconds(vectors)})
            else:
                stores[which] = MemoryStore()
                chosen = encoder if which == "cold" else onnx
                runs[which].append(_cold_or_warm(chosen, stores[which], profiles, k))
    warms = [_cold_or_warm(encoder, stores["cold"], profiles, k) for _ in range(repeat)]
    out: dict[str, Any] = {"n": n, "phrases": len(texts), "repeat": repeat}
    ref = sorted(refs, key=lambda r: r["encode_s"] + r["knn_s"])[len(refs) // 2]
    out.update(
        reference_s=ref["encode_s"] + ref["knn_s"],
        reference_encode_s=ref["encode_s"],
        reference_knn_s=ref["knn_s"],
    )
    for label, colds in runs.items():
        if not colds:
            continue
        key = "" if label == "cold" else "onnx_"
        # total: lists and every explanation (what the service stores); lists: what
        # `suggest` itself takes, explanations made when read.
        for part, field in (("", "total_s"), ("lists_", "lists_s")):
            ratios = [
                c[field] / (r["encode_s"] + r["knn_s"]) for c, r in zip(colds, refs, strict=True)
            ]
            out[f"{key}{part}ratios"] = ratios
            out[f"{key}{part}ratio"] = statistics.median(ratios)
        out[label] = _median_run(colds)
    if onnx is not None:
        out["agreement"] = backend_agreement(
            profiles,
            texts,
            encoder.name,
            (stores["cold"], runs["cold"][-1]["pairs"]),
            (stores["onnx"], runs["onnx"][-1]["pairs"]),
        )
    for run in [*runs["cold"], *runs["onnx"], *warms]:
        run.pop("pairs", None)
    out["warm"] = _median_run(warms)
    if joining:
        out["incremental"] = incremental_agreement(encoder, stores["cold"], profiles, joining, k)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The forked workers of large runs (matcher.parallel): the largest one's peak,
    # which counts the pages it shares with the parent too (an upper bound).
    out["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def incremental_agreement(
    encoder: Any, store: MemoryStore, profiles: list[Profile], joining: int, k: int = 5
) -> dict[str, Any]:
    """The last `joining` people join one at a time (`EventState.add`) after a full run
    over the others; then a full run over everyone. -> each newcomer's list right after
    joining against that full run's (mean overlap), the time of each join with every
    changed list explained (what the service stores), and the same overlap for the
    lists the state holds at the end."""
    clear_matcher_caches()
    matcher = Matcher(encoder=encoder, store=store)
    state = matcher.event(profiles[:-joining], k=k)
    state.rematch()
    instant: dict[str, list[str]] = {}
    times = []
    for p in profiles[-joining:]:
        start = time.perf_counter()
        change = state.add(p)
        for items in change.lists.values():
            for s in items:
                s.common_ground  # noqa: B018 - explained, as the service stores them
        times.append(time.perf_counter() - start)
        instant[p.id] = [s.other_id for s in change.lists.get(p.id, [])]
    final = {p.id: [s.other_id for s in state.suggestions(p.id)] for p in profiles[-joining:]}
    full = matcher.suggest(profiles, k=k)

    def overlap(lists: dict[str, list[str]]) -> float:
        shares = [
            len(set(lists[pid]) & {s.other_id for s in full[pid]}) / len(full[pid])
            for pid in lists
            if full[pid]
        ]
        return statistics.mean(shares) if shares else 0.0

    ordered = sorted(times)
    return {
        "joining": joining,
        "overlap": overlap(instant),
        "overlap_final": overlap(final),
        "p50_ms": ordered[len(ordered) // 2] * 1000,
        "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000,
    }


class _StoredOnly:
    """An encoder for a matcher that must find every vector in its store."""

    def __init__(self, name: str) -> None:
        self.name = name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise AssertionError(f"{len(texts)} phrases missing from the store")


def backend_agreement(
    profiles: list[Profile],
    texts: list[str],
    model_name: str,
    exact: tuple[MemoryStore, np.ndarray],
    other: tuple[MemoryStore, np.ndarray],
    queries: int = 2_000,
    seed: int = 0,
) -> dict[str, float]:
    """How far a second encoder backend's run is from the exact torch fp32 run.

    `exact`, `other`: each run's phrase vectors and its suggestions as (receiver,
    suggested) positions in `profiles`. Measures:
    the largest difference between the two vectors of a phrase; recall@10 of an
    exact k-NN over the other vectors against the torch vectors' (sampled query
    phrases); Spearman of pair scores, every pair either run suggested scored with
    each run's vectors and event weights; the share of the torch run's
    suggestions the other run makes too.
    """
    import faiss
    from scipy.stats import spearmanr

    from matcher.scoring import score_pairs

    a = np.stack([exact[0].vectors[(model_name, t)] for t in texts]).astype(np.float32)
    b = np.stack([other[0].vectors[(model_name, t)] for t in texts]).astype(np.float32)
    rng = np.random.default_rng(seed)
    sample = rng.choice(len(texts), size=min(queries, len(texts)), replace=False)
    k = min(10, len(texts))
    found = []
    for vecs in (a, b):
        index = faiss.IndexFlatIP(vecs.shape[1])
        index.add(vecs)
        found.append(index.search(vecs[sample], k)[1])
    recall = float(
        np.mean([len(set(x) & set(y)) / k for x, y in zip(found[0], found[1], strict=True)])
    )
    made = set(map(tuple, exact[1].tolist()))
    also = set(map(tuple, other[1].tolist()))
    union = np.array(sorted(made | also), dtype=np.int64).reshape(-1, 2)
    scores = []
    for store in (exact[0], other[0]):
        matcher = Matcher(encoder=_StoredOnly(model_name), store=store)
        state = matcher.event(profiles)  # the event's weights, as `suggest` makes them
        facets = state.data.facets(np.arange(len(profiles)))
        topic_w, org_w = state.data.weights()
        scores.append(
            score_pairs(
                facets, topic_w, org_w, union[:, 0], union[:, 1], matcher.params.score
            ).score
        )
    rho = float(spearmanr(scores[0], scores[1]).statistic) if len(union) > 1 else 1.0
    return {
        "max_diff": float(np.abs(a - b).max()) if len(texts) else 0.0,
        "recall_at_10": recall,
        "queries": float(len(sample)),
        "spearman": rho,
        "pairs": float(len(union)),
        "same_suggestions": len(made & also) / max(1, len(made)),
    }
