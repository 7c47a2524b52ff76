"""Explanations: which items of the two people match, and reasons in their own words."""

from __future__ import annotations

import numpy as np

from matcher.facets import Facets
from matcher.scoring import ScoreParams, ramp, topic_alignment
from matcher.types import CommonGround, Complement, SharedItem, Tie

MAX_SHARED = 8
MAX_SHARED_REASONS = 2


def shared_items(
    facets: Facets, topic_w: np.ndarray, a: int, b: int, params: ScoreParams
) -> list[SharedItem]:
    """a's topics aligned one-to-one with b's, most specific first."""
    a_ids, b_ids = facets.topics.row(a), facets.topics.row(b)
    if len(a_ids) == 0 or len(b_ids) == 0:
        return []
    sims = topic_alignment(facets, a_ids, b_ids)  # (La, Lb)
    credit = ramp(sims, params.topic_threshold, params.topic_floor, params.topic_full)
    weight = np.sqrt(np.outer(topic_w[a_ids], topic_w[b_ids]))  # (La, Lb)
    value = (credit * weight).ravel()
    positive = np.flatnonzero(value > 0)
    if len(positive) == 0:
        return []
    # Best first (ties in row order); plain lists from here: a handful of items each.
    ranked = positive[np.argsort(-value[positive], kind="stable")].tolist()
    sim_list, weight_list = sims.ravel().tolist(), weight.ravel().tolist()
    personal = facets.personal.row(a).tolist()
    words = facets.display["topics"]
    a_at, b_at = int(facets.topics.indptr[a]), int(facets.topics.indptr[b])
    width = len(b_ids)
    items: list[SharedItem] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for flat in ranked:
        if len(items) >= MAX_SHARED:
            break
        x, y = divmod(flat, width)
        if x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        items.append(
            SharedItem(
                a=words[a_at + x],
                b=words[b_at + y],
                similarity=round(min(1.0, sim_list[flat]), 4),
                kind="personal" if personal[x] else "interest",
                weight=round(weight_list[flat], 4),
            )
        )
    return items


def complements(facets: Facets, a: int, b: int, params: ScoreParams) -> list[Complement]:
    """Needs of each side met by the other's offers, both directions, best first."""
    found: list[Complement] = []
    for seeker, needer, giver in (("a", a, b), ("b", b, a)):
        needs, offers = facets.needs.row(needer), facets.offers.row(giver)
        if len(needs) == 0 or len(offers) == 0:
            continue
        sims = topic_alignment(facets, needs, offers)  # (Ln, Lo)
        credit = ramp(sims, params.goal_threshold, params.goal_floor, params.goal_full)
        for x in range(len(needs)):
            y = int(np.argmax(credit[x]))
            if credit[x, y] > 0:
                found.append(
                    Complement(
                        seeker=seeker,
                        need=facets.word_at(needer, "needs", x),
                        offer=facets.word_at(giver, "offers", y),
                        similarity=round(float(min(1.0, sims[x, y])), 4),
                    )
                )
    found.sort(key=lambda c: -c.similarity)
    return found


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
    cg = CommonGround(
        score=round(float(score), 4),
        shared=shared_items(facets, topic_w, a, b, params),
        complements=complements(facets, a, b, params),
        ties=ties(facets, a, b),
    )
    cg.reasons = reasons(cg)
    return cg
