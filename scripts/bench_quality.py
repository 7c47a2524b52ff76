"""Matching quality: human-judged sets first, then synthetic events, against two baselines.

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/bench_quality.py --sizes 300,1000 --seeds 0,1,2

1. The human-judged sets (tests/fixtures/quality/, written by hand before any matcher
   ran on them; see scripts/human_set.py): claim precision and complement precision
   by the careful reader's label table, planted introductions found in both people's
   top k, short lists, traps fallen into; the held-out and the six blind sets reported
   on their own rows (`--sets blind4` runs one set alone).
   `--unlabelled FILE` writes the shown claims the label table lacks, for judging;
   `--dump FILE` writes every list with its claims, reasons and starters, for reading.
2. Synthetic events (scripts/synth.py, written with the matcher's design in mind, so
   they reward it: kept as a regression check, not as the judge). Metrics, over
   attendees with a planted partner: recall@k (the partner is in their k suggestions)
   and MRR@k; over everyone: exposure (times suggested: max and Gini) and coverage
   (share of non-empty profiles with k suggestions).

Baselines rank everyone else, without any exposure cap: exact-tag Jaccard, and one
embedding per whole profile (headline, every list and `about`) with cosine.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import human_set  # noqa: E402
from synth import SyntheticEvent, generate_event  # noqa: E402

from matcher import Matcher, Profile, SentenceTransformerEncoder  # noqa: E402
from matcher.encoding import Encoder  # noqa: E402
from matcher.matcher import MatchParams  # noqa: E402
from matcher.normalise import clean  # noqa: E402
from matcher.specificity import SpecificityParams  # noqa: E402

Lists = dict[str, list[str]]


@dataclass
class Row:
    """One method on one event."""

    method: str
    n: int
    seed: int
    recall: float
    mrr: float
    max_exposure: int
    gini: float
    coverage: float
    seconds: float


def gini(values: np.ndarray) -> float:
    """Gini coefficient of non-negative values (0 = equal, 1 = one has all)."""
    v = np.sort(values.astype(float))
    if v.sum() == 0:
        return 0.0
    n = len(v)
    return float((2 * np.arange(1, n + 1) - n - 1) @ v / (n * v.sum()))


def evaluate(
    method: str, event: SyntheticEvent, lists: Lists, k: int, seed: int, secs: float
) -> Row:
    """Metrics of one method's lists (attendee id -> ranked ids)."""
    hits, rr = 0, 0.0
    for pid, partner in event.partner.items():
        ranked = lists.get(pid, [])[:k]
        if partner in ranked:
            hits += 1
            rr += 1.0 / (ranked.index(partner) + 1)
    planted = max(1, len(event.partner))
    ids = [p.id for p in event.profiles]
    pos = {pid: i for i, pid in enumerate(ids)}
    exposure = np.zeros(len(ids))
    for ranked in lists.values():
        for other in ranked[:k]:
            exposure[pos[other]] += 1
    covered = sum(len(lists.get(pid, [])) >= k for pid in ids)
    return Row(
        method, len(ids), seed, hits / planted, rr / planted, int(exposure.max()),
        gini(exposure), covered / len(ids), secs,
    )  # fmt: skip


def top_k(sims: np.ndarray, ids: list[str], k: int, rng: np.random.Generator) -> Lists:
    """Each row's k best others (ties broken at random, never self): sims (N, N)."""
    jitter = rng.random(sims.shape) * 1e-9
    scored = sims + jitter
    np.fill_diagonal(scored, -np.inf)
    best = np.argsort(-scored, axis=1)[:, :k]
    return {ids[i]: [ids[j] for j in best[i]] for i in range(len(ids))}


def tags(p: Profile) -> set[str]:
    """Exact tags: every item, trimmed and lower-cased."""
    items = p.interests + p.personal_interests + p.looking_for + p.offering
    return {clean(x).lower() for x in items if clean(x)}


def jaccard_lists(event: SyntheticEvent | human_set.HumanSet, k: int, seed: int) -> Lists:
    """Baseline 1: Jaccard similarity of exact tag sets."""
    sets = [tags(p) for p in event.profiles]
    n = len(sets)
    sims = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            union = len(sets[i] | sets[j])
            sims[i, j] = sims[j, i] = len(sets[i] & sets[j]) / union if union else 0.0
    return top_k(sims, [p.id for p in event.profiles], k, np.random.default_rng(seed))


def profile_text(p: Profile) -> str:
    """A whole profile as one text."""
    parts = [
        p.headline,
        "Interests: " + ", ".join(p.interests),
        "Personal interests: " + ", ".join(p.personal_interests),
        "Looking for: " + ", ".join(p.looking_for),
        "Offering: " + ", ".join(p.offering),
        p.about,
    ]
    return ". ".join(x for x in parts if x)


def whole_profile_lists(
    event: SyntheticEvent | human_set.HumanSet, k: int, seed: int, encoder: Encoder
) -> Lists:
    """Baseline 2: one embedding per whole profile, cosine similarity."""
    vecs = encoder.encode([profile_text(p) for p in event.profiles])
    return top_k(vecs @ vecs.T, [p.id for p in event.profiles], k, np.random.default_rng(seed))


def matcher_lists(matcher: Matcher, event: SyntheticEvent, k: int, cap: int | None) -> Lists:
    """Our suggestions as ranked id lists."""
    got = matcher.suggest(event.profiles, k=k, max_exposure=cap)
    return {pid: [s.other_id for s in sugg] for pid, sugg in got.items()}


def timed(fn: Callable[[], Lists]) -> tuple[Lists, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def run(sizes: list[int], seeds: list[int], k: int, encoder: Encoder) -> list[Row]:
    """Every method on every (size, seed)."""
    ours = Matcher(encoder=encoder)
    uncapped = Matcher(encoder=encoder, params=MatchParams(diversity=0.0))
    uniform = Matcher(
        encoder=encoder, params=MatchParams(specificity=SpecificityParams(rare_prevalence=0.999))
    )
    uncapped.vectors = uniform.vectors = ours.vectors  # one phrase table: all timings warm
    rows: list[Row] = []
    for n in sizes:
        for seed in seeds:
            event = generate_event(n, seed)
            ours.warm_up(event.profiles)  # model and phrase vectors outside the timings
            methods: list[tuple[str, Callable[[], Lists]]] = [
                ("exact-tag Jaccard", partial(jaccard_lists, event, k, seed)),
                ("whole-profile embedding", partial(whole_profile_lists, event, k, seed, encoder)),
                ("matcher, no specificity", partial(matcher_lists, uniform, event, k, None)),
                ("matcher, no cap/diversity", partial(matcher_lists, uncapped, event, k, n)),
                ("matcher (default)", partial(matcher_lists, ours, event, k, None)),
            ]
            for name, fn in methods:
                lists, secs = timed(fn)
                rows.append(evaluate(name, event, lists, k, seed, secs))
                logging.info("%s n=%d seed=%d done in %.1fs", name, n, seed, secs)
    return rows


def table(rows: list[Row], k: int) -> str:
    """Mean over seeds per (method, size), as Markdown."""
    head = (
        f"| method | attendees | recall@{k} | MRR@{k} | max exposure | exposure Gini "
        "| coverage | seconds |\n|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    keys = list(dict.fromkeys((r.method, r.n) for r in rows))
    for method, n in sorted(keys, key=lambda x: x[1]):
        group = [r for r in rows if r.method == method and r.n == n]

        def mean(attr: str, group: list[Row] = group) -> float:
            return float(np.mean([getattr(r, attr) for r in group]))

        lines.append(
            f"| {method} | {n} | {mean('recall'):.3f} | {mean('mrr'):.3f} "
            f"| {max(r.max_exposure for r in group)} | {mean('gini'):.3f} "
            f"| {mean('coverage'):.1%} | {mean('seconds'):.1f} |"
        )
    return "\n".join(lines)


def human_judged(
    encoder: Encoder,
    k: int,
    unlabelled: Path | None,
    dump: Path | None,
    sets: list[str] | None = None,
) -> list[tuple[str, human_set.Judged]]:
    """Section 1: the matcher and both baselines on each human-judged set (or `sets`)."""
    rows: list[tuple[str, human_set.Judged]] = []
    for name in sets or list(human_set.SETS):
        hs = human_set.load_set(name)
        # A fresh phrase table per set, as a new event gets: a phrase's vector differs
        # in its last digits with the batch it is encoded in, so a table shared across
        # sets made one set's near ties turn with the sets run before it.
        matcher = Matcher(encoder=encoder)
        eligible = {p.id: len(hs.profiles) - 1 for p in hs.profiles}
        got = matcher.suggest(hs.profiles, k=k)
        lists = {pid: [s.other_id for s in sugg] for pid, sugg in got.items()}
        claims = human_set.shown_claims(hs, got, k)
        if unlabelled is not None:
            human_set.append_unlabelled(name, claims.values(), unlabelled)
        if dump is not None:
            write_dump(dump, name, hs, got)
        rows.append((name, human_set.judge("matcher (default)", hs, lists, k, claims, eligible)))
        cosine = whole_profile_lists(hs, k, 0, encoder)
        rows.append((name, human_set.judge("whole-profile cosine", hs, cosine, k, None, eligible)))
        jaccard = jaccard_lists(hs, k, 0)
        tag_claims = human_set.exact_tag_claims(hs, jaccard, k)
        if unlabelled is not None:
            human_set.append_unlabelled(name, tag_claims.values(), unlabelled)
        rows.append(
            (name, human_set.judge("exact-tag Jaccard", hs, jaccard, k, tag_claims, eligible))
        )
    return rows


def write_dump(path: Path, name: str, hs: human_set.HumanSet, got: dict) -> None:
    """Every attendee's list as an attendee would read it, for the careful reader."""
    people = {p.id: p for p in hs.profiles}
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"# {name}\n\n")
        for pid, sugg in got.items():
            fh.write(f"## {pid} ({people[pid].headline})\n")
            for rank, s in enumerate(sugg, start=1):
                fh.write(f"{rank}. {s.other_id} score {s.score:.3f}\n")
                for reason in s.common_ground.reasons:
                    fh.write(f"   reason: {reason}\n")
                for starter in s.common_ground.starters:
                    fh.write(f"   starter: {starter}\n")
            fh.write("\n")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unlabelled", type=Path, help="write claims lacking a label here")
    parser.add_argument("--dump", type=Path, help="write every list with its wording here")
    parser.add_argument("--human-only", action="store_true", help="skip the synthetic events")
    parser.add_argument(
        "--sets",
        default="",
        help=f"human-judged sets, comma-separated (default: all of {list(human_set.SETS)})",
    )
    parser.add_argument("--sizes", default="300,1000", help="event sizes, comma-separated")
    parser.add_argument("--seeds", default="0,1,2", help="generator seeds, comma-separated")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--model", default="", help="MATCHER_MODEL (default: bundled)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("matcher", "faiss", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    encoder = SentenceTransformerEncoder(args.model)
    sets = [x for x in args.sets.split(",") if x] or None
    if sets and not set(sets) <= set(human_set.SETS):
        parser.error(f"--sets: choose from {list(human_set.SETS)}")
    judged = human_judged(encoder, args.k, args.unlabelled, args.dump, sets)
    print(human_set.table(judged, args.k))
    for set_name, j in judged:
        if j.trap_hits or (j.missed and j.method.startswith("matcher")):
            logging.info("%s / %s traps: %s", set_name, j.method, "; ".join(j.trap_hits))
            logging.info("%s / %s planted missed: %s", set_name, j.method, "; ".join(j.missed))
    if args.human_only:
        return
    print()
    sizes = [int(x) for x in args.sizes.split(",")]
    seeds = [int(x) for x in args.seeds.split(",")]
    rows = run(sizes, seeds, args.k, encoder)
    print(table(rows, args.k))


if __name__ == "__main__":
    main()
