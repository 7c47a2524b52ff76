"""The human-judged quality sets and how bench_quality judges a method on them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import CommonGround, Complement, SharedItem, Suggestion  # noqa: E402


def test_the_sets_hold_what_the_issue_asks_for() -> None:
    conference = human_set.load_set("conference")
    held_out = human_set.load_set("held-out")
    blind = human_set.load_set("blind")
    blind2 = human_set.load_set("blind2")
    blind3 = human_set.load_set("blind3")
    blind4 = human_set.load_set("blind4")
    blind5 = human_set.load_set("blind5")
    blind6 = human_set.load_set("blind6")
    blind7 = human_set.load_set("blind7")
    blind8 = human_set.load_set("blind8")
    blind9 = human_set.load_set("blind9")
    blind10 = human_set.load_set("blind10")
    blind11 = human_set.load_set("blind11")
    blind12 = human_set.load_set("blind12")
    blind13 = human_set.load_set("blind13")
    blind14 = human_set.load_set("blind14")
    blind15 = human_set.load_set("blind15")
    blind16 = human_set.load_set("blind16")
    blind17 = human_set.load_set("blind17")
    blind18 = human_set.load_set("blind18")
    blind19 = human_set.load_set("blind19")
    blind20 = human_set.load_set("blind20")
    blind21 = human_set.load_set("blind21")
    blind22 = human_set.load_set("blind22")
    blind23 = human_set.load_set("blind23")
    blind24 = human_set.load_set("blind24")
    blind25 = human_set.load_set("blind25")
    blind26 = human_set.load_set("blind26")
    blind27 = human_set.load_set("blind27")
    blind28 = human_set.load_set("blind28")
    blind29 = human_set.load_set("blind29")
    blind30 = human_set.load_set("blind30")
    assert len(conference.profiles) >= 60 and len(held_out.profiles) >= 25
    assert len(blind.profiles) >= 50 and len(blind.planted) >= 20
    assert len(blind2.profiles) >= 55 and len(blind2.planted) >= 25
    assert len(blind3.profiles) >= 60 and len(blind3.planted) >= 40
    assert len(blind4.profiles) >= 60 and len(blind4.planted) >= 40
    assert len(blind5.profiles) >= 60 and len(blind5.planted) >= 40
    assert len(blind6.profiles) >= 60 and len(blind6.planted) >= 40
    assert len(blind7.profiles) >= 60 and len(blind7.planted) >= 40
    assert len(blind8.profiles) >= 60 and len(blind8.planted) >= 40
    assert len(blind9.profiles) >= 60 and len(blind9.planted) >= 40
    assert len(blind10.profiles) >= 60 and len(blind10.planted) >= 40
    assert len(blind11.profiles) >= 60 and len(blind11.planted) >= 40
    assert len(blind12.profiles) >= 60 and len(blind12.planted) >= 40
    assert len(blind13.profiles) >= 60 and len(blind13.planted) >= 40
    assert len(blind14.profiles) >= 60 and len(blind14.planted) >= 40
    assert len(blind15.profiles) >= 60 and len(blind15.planted) >= 40
    assert len(blind16.profiles) >= 60 and len(blind16.planted) >= 40
    assert len(blind17.profiles) >= 60 and len(blind17.planted) >= 40
    assert len(blind18.profiles) >= 60 and len(blind18.planted) >= 40
    assert len(blind19.profiles) >= 60 and len(blind19.planted) >= 40
    assert len(blind20.profiles) >= 60 and len(blind20.planted) >= 40
    assert len(blind21.profiles) >= 60 and len(blind21.planted) >= 40
    assert len(blind22.profiles) >= 60 and len(blind22.planted) >= 40
    assert len(blind23.profiles) >= 60 and len(blind23.planted) >= 40
    assert len(blind24.profiles) >= 60 and len(blind24.planted) >= 40
    assert len(blind25.profiles) >= 60 and len(blind25.planted) >= 40
    assert len(blind26.profiles) >= 60 and len(blind26.planted) >= 40
    assert len(blind27.profiles) >= 60 and len(blind27.planted) >= 40
    assert len(blind28.profiles) >= 60 and len(blind28.planted) >= 40
    assert len(blind29.profiles) >= 60 and len(blind29.planted) >= 40
    assert len(blind30.profiles) >= 60 and len(blind30.planted) >= 40
    assert not {p.id for p in conference.profiles} & {p.id for p in held_out.profiles}
    every = (conference, held_out, blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8)
    later = (blind9, blind10, blind11, blind12, blind13, blind14, blind15, blind16, blind17)
    later = (*later, blind18, blind19, blind20, blind21, blind22, blind23, blind24, blind25)
    for hs in (*every, *later, blind26, blind27, blind28, blind29, blind30):
        ids = {p.id for p in hs.profiles}
        assert all(p["a"] in ids and p["b"] in ids for p in hs.planted)
        assert hs.claim_traps and hs.complement_traps


def test_a_claim_reads_the_same_from_either_side_of_the_pair() -> None:
    hs = human_set.load_set("conference")
    people = {p.id: p for p in hs.profiles}
    tom, priya = people["tom-becker"], people["priya-nair"]
    seen_by_tom = CommonGround(
        0.5,
        shared=[SharedItem("chess", "basketball", 0.6, "personal")],
        complements=[Complement("b", "my next role as a backend engineer, ideally in climate",
                                "mentoring for new engineering managers", 0.5)],
    )  # fmt: skip
    seen_by_priya = CommonGround(
        0.5,
        shared=[SharedItem("basketball", "chess", 0.6, "personal")],
        complements=[Complement("a", "my next role as a backend engineer, ideally in climate",
                                "mentoring for new engineering managers", 0.5)],
    )  # fmt: skip
    a = human_set.claims_of(tom, priya, seen_by_tom)
    b = human_set.claims_of(priya, tom, seen_by_priya)
    assert [c.key for c in a] == [c.key for c in b]
    assert a[0].pair == "priya-nair | tom-becker" and a[0].words == "basketball ~ chess"


def test_the_judge_counts_traps_planted_pairs_and_short_lists() -> None:
    hs = human_set.load_set("conference")
    people = {p.id: p for p in hs.profiles}
    cg = CommonGround(0.5, shared=[SharedItem("chess", "basketball", 0.6, "personal")])
    got = {"tom-becker": [Suggestion("priya-nair", 0.5, cg)], "priya-nair": []}
    claims = human_set.shown_claims(hs, got, 5)
    lists = {pid: [] for pid in people} | {
        "tom-becker": ["priya-nair"],
        "priya-nair": ["tom-becker"],
    }
    eligible = {pid: len(people) - 1 for pid in people}
    judged = human_set.judge("probe", hs, lists, 5, claims, eligible)
    assert judged.traps == 1 and "chess" in judged.trap_hits[0]
    assert judged.planted_found == 1 and judged.short == len(people)


def test_every_label_is_accept_or_reject_with_a_why() -> None:
    rows = human_set.read_labels().values()
    assert {r["set"] for r in rows} >= {"conference", "held-out", "blind"}
    assert all(r["label"] in ("accept", "reject") and r["why"] for r in rows)


def test_a_claim_to_label_is_written_once(tmp_path: Path) -> None:
    # The matcher and the exact-tag baseline often show the same claim; its readers were
    # given it twice to label.
    claim = human_set.Claim("a-one | b-two", "shared same interest", "chess ~ chess")
    out = tmp_path / "unlabelled.csv"
    assert human_set.append_unlabelled("conference", [claim], out) == 1
    assert human_set.append_unlabelled("conference", [claim], out) == 0
    assert out.read_text(encoding="utf-8").count("chess ~ chess") == 1
