"""Explanations: which items of the two people match, and reasons in their own words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matcher.facets import Facets
from matcher.scoring import ScoreParams, ramp
from matcher.types import CommonGround, Complement, SharedItem, Tie

MAX_SHARED = 8
MAX_SHARED_REASONS = 2


# Pairs explained together: one batched product per facet instead of one per pair.
CHUNK = 512


def _shared_many(
    facets: Facets, topic_w: np.ndarray, a: np.ndarray, b: np.ndarray, params: ScoreParams
) -> list[list[SharedItem]]:
    """For each pair p: a[p]'s topics aligned one-to-one with b[p]'s, most specific first."""
    a_ids, b_ids = facets.topics.padded(a, facets.pad), facets.topics.padded(b, facets.pad)
    if a_ids.shape[1] == 0 or b_ids.shape[1] == 0:
        return [[] for _ in range(len(a))]
    sims = _aligned(facets, a_ids, b_ids)  # (C, La, Lb); padding is 0
    credit = ramp(sims, params.topic_threshold, params.topic_floor, params.topic_full)
    weight = np.sqrt(topic_w[a_ids][:, :, None] * topic_w[b_ids][:, None, :])  # padding 0
    value = (credit * weight).reshape(len(a), -1)
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
    a_at, b_at = facets.topics.indptr[a].tolist(), facets.topics.indptr[b].tolist()
    out: list[list[SharedItem]] = [[] for _ in range(len(a))]
    used: list[tuple[set[int], set[int]]] = [(set(), set()) for _ in range(len(a))]
    for k, (p, x, y) in enumerate(zip(pair.tolist(), xs.tolist(), ys.tolist(), strict=True)):
        items = out[p]
        used_a, used_b = used[p]
        if len(items) >= MAX_SHARED or x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        items.append(
            SharedItem(
                a=words[a_at[p] + x],
                b=words[b_at[p] + y],
                similarity=round(min(1.0, sim_list[k]), 4),
                kind="personal" if personal[a_at[p] + x] else "interest",
                weight=round(weight_list[k], 4),
            )
        )
    return out


def _aligned(facets: Facets, a_ids: np.ndarray, b_ids: np.ndarray) -> np.ndarray:
    """Cosines of each pair's phrases: (C, La), (C, Lb) -> (C, La, Lb)."""
    return np.matmul(facets.vectors[a_ids], facets.vectors[b_ids].transpose(0, 2, 1))


def _complements_many(
    facets: Facets, needer: np.ndarray, giver: np.ndarray, seeker: str, params: ScoreParams
) -> list[list[Complement]]:
    """For each pair p: needer[p]'s needs met by giver[p]'s offers, in the needs' order."""
    needs = facets.needs.padded(needer, facets.pad)
    offers = facets.offers.padded(giver, facets.pad)
    out: list[list[Complement]] = [[] for _ in range(len(needer))]
    if needs.shape[1] == 0 or offers.shape[1] == 0:
        return out
    sims = _aligned(facets, needs, offers)  # (C, Ln, Lo); padding is 0
    credit = ramp(sims, params.goal_threshold, params.goal_floor, params.goal_full)
    best = credit.argmax(axis=2)  # (C, Ln): first best offer of each need
    pair, x = np.nonzero(np.take_along_axis(credit, best[:, :, None], axis=2)[:, :, 0] > 0)
    y = best[pair, x]
    sim_list = sims[pair, x, y].tolist()
    need_words, offer_words = facets.display["needs"], facets.display["offers"]
    n_at, o_at = facets.needs.indptr[needer].tolist(), facets.offers.indptr[giver].tolist()
    for k, (p, xi, yi) in enumerate(zip(pair.tolist(), x.tolist(), y.tolist(), strict=True)):
        out[p].append(
            Complement(
                seeker=seeker,
                need=need_words[n_at[p] + xi],
                offer=offer_words[o_at[p] + yi],
                similarity=round(min(1.0, sim_list[k]), 4),
            )
        )
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


def reasons(cg: CommonGround) -> list[str]:
    """Short sentences, from a's point of view, each citing both people's own words."""
    out: list[str] = []
    for item in cg.shared[:MAX_SHARED_REASONS]:
        if item.a.casefold() == item.b.casefold():
            out.append(f"You both listed {item.a}.")
        else:
            what = "personal interest" if item.kind == "personal" else "interest"
            out.append(f"A shared {what} — you: {item.a}; them: {item.b}.")
    for seeker in ("b", "a"):  # what you can give first: it is what makes you welcome
        match = next((c for c in cg.complements if c.seeker == seeker), None)
        if match is None:
            continue
        if seeker == "a":
            out.append(f"You are looking for “{match.need}” — they offer “{match.offer}”.")
        else:
            out.append(f"They are looking for “{match.need}” — you offer “{match.offer}”.")
    for tie in cg.ties[:1]:
        if tie.a.casefold() == tie.b.casefold():
            out.append(f"You are both connected to {tie.a}.")
        else:
            out.append(f"You are both connected to {tie.a} — you: {tie.a}; them: {tie.b}.")
    return out


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
) -> list[CommonGround]:
    """The common ground of each ordered pair (a[p], b[p]), without starters."""
    out: list[CommonGround] = []
    for start in range(0, len(a), CHUNK):
        aa = np.asarray(a[start : start + CHUNK], dtype=np.int64)
        bb = np.asarray(b[start : start + CHUNK], dtype=np.int64)
        shared = _shared_many(facets, topic_w, aa, bb, params)
        theirs_met = _complements_many(facets, aa, bb, "a", params)
        mine_met = _complements_many(facets, bb, aa, "b", params)
        for p, (x, y) in enumerate(zip(aa.tolist(), bb.tolist(), strict=True)):
            found = theirs_met[p] + mine_met[p]
            found.sort(key=lambda c: -c.similarity)
            cg = CommonGround(
                score=round(float(scores[start + p]), 4),
                shared=shared[p],
                complements=found,
                ties=ties(facets, x, y),
            )
            cg.reasons = reasons(cg)
            out.append(cg)
    return out
