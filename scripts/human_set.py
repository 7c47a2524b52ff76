"""The human-judged quality sets (tests/fixtures/quality/): load, run, judge.

A method turns the profiles into ranked lists (receiver -> suggested ids) and, for the
matcher, the claims it shows on each pair. Claims are judged by the careful reader's
label table (`claim_labels.csv`): one row per claim shown, accept or reject with a
short why. Metrics: claim precision, complement precision, planted introductions
found in both people's top k, short lists, and the traps a method fell into.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from matcher import CommonGround, Profile, Suggestion

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quality"
LABELS = FIXTURES / "claim_labels.csv"
LABEL_FIELDS = ["set", "pair", "kind", "words", "label", "why", "labelled"]
SETS = {
    "conference": "conference",
    "held-out": "heldout",
    "blind": "blind",
    "blind2": "blind2",
    "blind3": "blind3",
    "blind4": "blind4",
    "blind5": "blind5",
    "blind6": "blind6",
    "blind7": "blind7",
    "blind8": "blind8",
    "blind9": "blind9",
    "blind10": "blind10",
    "blind11": "blind11",
    "blind12": "blind12",
    "blind13": "blind13",
    "blind14": "blind14",
    "blind15": "blind15",
    "blind16": "blind16",
    "blind17": "blind17",
    "blind18": "blind18",
    "blind19": "blind19",
    "blind20": "blind20",
    "blind21": "blind21",
    "blind22": "blind22",
    "blind23": "blind23",
    "blind24": "blind24",
    "blind25": "blind25",
    "blind26": "blind26",
    "blind27": "blind27",
    "blind28": "blind28",
    "blind29": "blind29",
    "blind30": "blind30",
}

Lists = dict[str, list[str]]


@dataclass
class HumanSet:
    """One hand-written event with what a careful organizer expects of it."""

    name: str
    profiles: list[Profile]
    planted: list[dict]
    claim_traps: list[dict]
    complement_traps: list[dict]


def load_set(name: str) -> HumanSet:
    """`name`: "conference", "held-out" or "blind" to "blind30" (the blind sets each
    written before any matcher ran on it)."""
    stem = SETS[name]
    data = json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))
    expect = json.loads((FIXTURES / f"{stem}_expectations.json").read_text(encoding="utf-8"))
    profiles = [Profile(**p) for p in data["profiles"]]
    return HumanSet(
        name, profiles, expect["planted"], expect["claim_traps"], expect["complement_traps"]
    )


@dataclass(frozen=True)
class Claim:
    """One thing a screen says about an unordered pair, keyed the same from both sides.

    `kind`: "shared <grade> <item kind>" (e.g. "shared same interest"), "complement",
    or "tie". `words`: both people's own words, the pair's first id's side first.
    """

    pair: str
    kind: str
    words: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.pair, self.kind, self.words)


def claims_of(a: Profile, b: Profile, cg: CommonGround) -> list[Claim]:
    """The claims `cg` (seen by `a`, about `b`) shows, in pair-canonical form."""
    first, second = sorted((a, b), key=lambda p: p.id)
    flip = first is not a
    pair = f"{first.id} | {second.id}"
    out: list[Claim] = []
    for s in cg.shared:
        grade = getattr(s, "grade", "") or "same"
        x, y = (s.b, s.a) if flip else (s.a, s.b)
        kinds = {_item_kind(first, x), _item_kind(second, y)}
        out.append(Claim(pair, f"shared {grade} {'/'.join(sorted(kinds))}", f"{x} ~ {y}"))
    for c in cg.complements:
        seeker_is_a = c.seeker == "a"
        seeker = (a if seeker_is_a else b).id
        provider = (b if seeker_is_a else a).id
        words = f"{seeker} needs: {c.need} <- {provider} offers: {c.offer}"
        out.append(Claim(pair, "complement", words))
    for t in cg.ties:
        x, y = (t.b, t.a) if flip else (t.a, t.b)
        # A fill is said "suggested to complete your list" since 2026-12-05; the
        # labels of its older wording ("... (no specific common ground found)") are
        # kept under "tie nearby", for the runs recorded before.
        kind = "fill" if t.kind == "nearby" else t.kind
        out.append(Claim(pair, f"tie {kind}", f"{x} ~ {y}"))
    return out


def _item_kind(p: Profile, words: str) -> str:
    """Which list of `p` an item of a shared pair came from (as the screens say it)."""
    if words in p.personal_interests:
        return "personal"
    return "interest" if words in p.interests else "profile"


def shown_claims(
    hs: HumanSet, suggestions: dict[str, list[Suggestion]], k: int
) -> dict[tuple, Claim]:
    """Every claim shown on any suggestion card (either side), once per pair."""
    people = {p.id: p for p in hs.profiles}
    out: dict[tuple, Claim] = {}
    for receiver, got in suggestions.items():
        for s in got[:k]:
            for claim in claims_of(people[receiver], people[s.other_id], s.common_ground):
                out.setdefault(claim.key, claim)
    return out


def exact_tag_claims(hs: HumanSet, lists: Lists, k: int) -> dict[tuple, Claim]:
    """What the exact-tag baseline can say about its pairs: the tags both typed alike."""
    people = {p.id: p for p in hs.profiles}
    out: dict[tuple, Claim] = {}
    for receiver, ranked in lists.items():
        for other in ranked[:k]:
            first, second = sorted((people[receiver], people[other]), key=lambda p: p.id)
            theirs = {x.strip().lower(): x for x in first.interests + first.personal_interests}
            for y in second.interests + second.personal_interests:
                x = theirs.get(y.strip().lower())
                if x is None:
                    continue
                kinds = {_item_kind(first, x), _item_kind(second, y)}
                claim = Claim(
                    f"{first.id} | {second.id}",
                    f"shared same {'/'.join(sorted(kinds))}",
                    f"{x} ~ {y}",
                )
                out.setdefault(claim.key, claim)
    return out


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str, str], dict[str, str]]:
    """(set, pair, kind, words) -> the label row."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["set"], r["pair"], r["kind"], r["words"]): r for r in csv.DictReader(fh)}


def append_unlabelled(set_name: str, claims: Iterable[Claim], path: Path) -> int:
    """Write claims the table lacks to `path` (same columns, label empty) for judging,
    each once: the matcher and the exact-tag baseline often show the same claim."""
    known = set(read_labels()) | set(read_labels(path))
    rows = [c for c in claims if (set_name, *c.key) not in known]
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, LABEL_FIELDS)
        if new:
            writer.writeheader()
        for c in sorted(rows, key=lambda c: c.key):
            writer.writerow({"set": set_name, "pair": c.pair, "kind": c.kind, "words": c.words})
    return len(rows)


@dataclass
class Judged:
    """One method's numbers on one set."""

    method: str
    claims: int = 0
    accepted: int = 0
    unlabelled: int = 0
    complements: int = 0
    complements_accepted: int = 0
    planted: int = 0
    planted_found: int = 0
    planted_cross: int = 0
    planted_cross_found: int = 0
    short: int = 0
    cards: int = 0  # suggestions shown (receiver, suggested)
    bad_cards: int = 0  # of which show at least one rejected claim
    traps: int = 0
    trap_hits: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def pct(self, num: int, den: int) -> str:
        return f"{num / den:.0%} ({num}/{den})" if den else "—"


def judge(
    method: str,
    hs: HumanSet,
    lists: Lists,
    k: int,
    claims: dict[tuple, Claim] | None,
    eligible: dict[str, int],
) -> Judged:
    """Score one method's lists (and claims, when it makes any) against the set."""
    out = Judged(method)
    labels = read_labels()
    if claims is not None:
        rejected = {
            c.pair
            for c in claims.values()
            if labels.get((hs.name, *c.key), {}).get("label") == "reject"
        }
        for receiver, ranked in lists.items():
            for other in ranked[:k]:
                out.cards += 1
                out.bad_cards += " | ".join(sorted((receiver, other))) in rejected
        for claim in claims.values():
            row = labels.get((hs.name, *claim.key))
            if row is None or row["label"] not in ("accept", "reject"):
                out.unlabelled += 1
                continue
            ok = row["label"] == "accept"
            out.claims += 1
            out.accepted += ok
            if claim.kind == "complement":
                out.complements += 1
                out.complements_accepted += ok
        out.traps, out.trap_hits = _traps(hs, claims)
    top = {pid: set(ranked[:k]) for pid, ranked in lists.items()}
    for p in hs.planted:
        both = p["b"] in top.get(p["a"], set()) and p["a"] in top.get(p["b"], set())
        out.planted += 1
        out.planted_found += both
        if p.get("cross_language"):
            out.planted_cross += 1
            out.planted_cross_found += both
        if not both:
            out.missed.append(f"{p['a']} <> {p['b']}")
    out.short = sum(1 for pid, n in eligible.items() if n >= k and len(lists.get(pid, [])[:k]) < k)
    return out


def _traps(hs: HumanSet, claims: dict[tuple, Claim]) -> tuple[int, list[str]]:
    """How many written-down traps the shown claims fell into."""
    hits: list[str] = []
    by_pair: dict[str, list[Claim]] = {}
    for c in claims.values():
        by_pair.setdefault(c.pair, []).append(c)
    for t in hs.claim_traps:
        pair = " | ".join(sorted((t["a"], t["b"])))
        for c in by_pair.get(pair, []):
            if not c.kind.startswith("shared"):
                continue
            words = set(c.words.split(" ~ "))
            if words == {t["a_item"], t["b_item"]} and (
                t["must_not"] == "claim" or " same " in f" {c.kind} "
            ):
                hits.append(f"{c.kind}: {c.words}")
    for t in hs.complement_traps:
        pair = " | ".join(sorted((t["seeker"], t["provider"])))
        want = f"{t['seeker']} needs: {t['need']} <- {t['provider']} offers: {t['offer']}"
        if any(c.kind == "complement" and c.words == want for c in by_pair.get(pair, [])):
            hits.append(f"complement: {want}")
    return len(hits), hits


def table(rows: list[tuple[str, Judged]], k: int) -> str:
    """The human-judged results as Markdown: one row per (set, method)."""
    lines = [
        f"| set | method | claim precision | complement precision | planted in both top-{k} "
        f"| of which across languages | short lists | suggestions with a rejected claim "
        "| traps fallen into | unlabelled |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for set_name, j in rows:
        lines.append(
            f"| {set_name} | {j.method} | {j.pct(j.accepted, j.claims)} "
            f"| {j.pct(j.complements_accepted, j.complements)} "
            f"| {j.pct(j.planted_found, j.planted)} "
            f"| {j.pct(j.planted_cross_found, j.planted_cross)} | {j.short} "
            f"| {j.pct(j.bad_cards, j.cards)} "
            f"| {j.traps if j.claims or j.unlabelled else '—'} | {j.unlabelled} |"
        )
    return "\n".join(lines)
