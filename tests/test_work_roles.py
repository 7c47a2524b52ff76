""" "Similar backgrounds" needs the same kind of work, read from both headlines' role
words: one sector is not similar work (a founder and a CFO of freight companies)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import Matcher, Profile  # noqa: E402
from matcher.facets import build_facets  # noqa: E402
from matcher.scoring import ScoreParams, headlines_agree  # noqa: E402
from matcher.work_roles import same_work, work_families  # noqa: E402


@pytest.mark.parametrize(
    ("headline", "families"),
    [
        ("Site Reliability Engineer", {"engineering"}),
        ("Head of Product, Flexa Energy (grid flexibility)", {"product"}),
        ("VP People, Helio (120 people)", {"people"}),
        ("Sales manager, Haspengouw fruit co-op (organic apples & pears, 60 growers)", {"sales"}),
        ("Partner @ Nordwind Ventures (pre-seed/seed, fintech)", {"investor"}),
        ("Head of Partnerships, Nuvo Bank", {"sales"}),
        ("IT lead, Contract logistics (3PL)", {"engineering"}),
        ("Diseñadora UX/UI", {"design"}),
        ("Gründerin, Pflegeleicht (App für die ambulante Pflege)", {"founder"}),
        ("Leiterin Digitalisierung, Stadtverwaltung Leipzig", {"fn:digitalisierung"}),
        # A field word before a role noun is its specialty, not a second family.
        ("Product designer (UX/UI), open to new roles", {"design"}),
        ("Investment manager, deep tech (quantum, photonics)", {"investor"}),
        # Whom they work with is not what they are; a rank alone says nothing.
        ("Tech recruiter (agency), placing engineers in climate startups", {"people"}),
        ("Manager, Groentecoöperatie Leiestreek (40 veg growers, East Flanders)", set()),
        # A recruiter's fields are whom they place (blind10's and blind18's readers
        # rejected "similar backgrounds" between such recruiters and engineers).
        ("Tech recruiter for startups & scale-ups (engineering, data, product)", {"people"}),
        ("Senior Recruiter — fashion tech & retail tech (engineering, data, PLM)", {"people"}),
        # What one hopes to become is not one's work.
        (
            "Full-stack dev (8 yrs) — want to join an early agrifood startup as CTO / co-founder",
            {"engineering"},
        ),
        (
            "Ex-strategy consultant, looking to co-found (commercial side) in agtech/hardware",
            {"fn:exstrategy"},
        ),
    ],
)
def test_the_role_families_a_headline_names(headline: str, families: set[str]) -> None:
    assert work_families(headline) == families


def test_one_sector_is_not_one_kind_of_work() -> None:
    founder = "Founder, LoadMatch — digital freight marketplace"
    assert same_work(founder, "CFO, FreightFlow") is False
    assert same_work(founder, "Founder, CityHop cargo-bike delivery (Lisbon)") is True
    assert same_work("Junior Product Manager, Studyly", "Software engineer") is False
    assert same_work("Staff SRE, PayNordic", "Site Reliability Engineer") is True
    assert same_work("Scientist", "Process engineer") is True  # kin: science and engineering
    assert same_work("Owner, Maison Verte concept store Ghent", "Software engineer") is None


def test_software_and_physical_engineering_are_not_one_kind_of_work() -> None:
    # blind21's readers rejected "similar backgrounds" between these (a backend engineer
    # and an automotive quality engineer, a retired mechanical engineer), and blind19's
    # between a Unity programmer and a battery-management engineer.
    backend = "Senior Backend Engineer (Java/Kotlin, 9 yrs) — moving back to Cluj from Berlin"
    assert same_work(backend, "Quality Engineer, automotive | IATF 16949, PPAP, 8D") is False
    assert same_work(backend, "Retired mechanical engineer — here for the talks") is False
    assert same_work("Programista Unity / gameplay programmer", "Embedded / BMS engineer") is False
    assert same_work("Data scientist — open to CV roles", "Automatyk / PLC programmer") is False
    assert same_work(backend, "Irish software engineer in Cluj, remote for a fintech") is True
    assert same_work("Embedded engineer (C, Rust)", "IoT engineer, freelance") is True
    # An engineer naming no kind may be either.
    assert same_work("VP Engineering @ Talkwise", backend) is True
    assert same_work("VP Engineering @ Talkwise", "Process engineer") is True


def test_a_founder_and_a_cfo_are_not_similar_backgrounds_two_sres_are(real_encoder) -> None:  # type: ignore[no-untyped-def]
    about = "Payments infrastructure at a fintech: reliability, on-call, Kubernetes."
    freight = "Digital freight: matching loads to empty trucks, fundraising, carriers."
    people = [
        Profile(id="sre", name="A", headline="Staff SRE, PayNordic", about=about),
        Profile(id="sre2", name="B", headline="Site Reliability Engineer, Vyne", about=about),
        Profile(id="founder", name="C", headline="Founder, LoadMatch", about=freight),
        Profile(id="cfo", name="D", headline="CFO, FreightFlow", about=freight),
    ]
    facets = build_facets(people, Matcher(encoder=real_encoder).vectors)
    agree = headlines_agree(facets, np.array([0, 2]), np.array([1, 3]), ScoreParams())
    assert agree.tolist() == [True, False]


def test_no_similar_backgrounds_with_someone_who_wrote_no_headline(real_encoder) -> None:  # type: ignore[no-untyped-def]
    # Said "similar backgrounds" from the whole profiles alone, a careful reader
    # rejected half of these pairs (a nurse and a fintech UX designer): the reason
    # quotes both headlines, and one side has none to quote.
    about = "Payments infrastructure at a fintech: reliability, on-call, Kubernetes."
    people = [
        Profile(id="sre", name="A", headline="Staff SRE, PayNordic", about=about),
        Profile(id="anon", name="B", headline="", about=about),
    ]
    facets = build_facets(people, Matcher(encoder=real_encoder).vectors)
    assert headlines_agree(facets, np.array([0, 1]), np.array([1, 0]), ScoreParams()).tolist() == [
        False,
        False,
    ]


def test_no_background_claim_on_the_blind_set_joins_two_kinds_of_work(real_encoder) -> None:  # type: ignore[no-untyped-def]
    people = human_set.load_set("blind").profiles
    event = Matcher(encoder=real_encoder).event(people, k=5)
    event.rematch()
    said = [
        t
        for pid in event.ids
        for s in event.suggestions(pid)
        for t in s.common_ground.ties
        if t.kind == "background"
    ]
    assert said  # founders of two logistics startups, two engineers...
    for tie in said:
        assert same_work(tie.a, tie.b) is not False, (tie.a, tie.b)


def test_work_merely_in_one_field_is_not_said_to_be_related(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """A carbon-accounting founder and a sustainability manager: one field, two kinds of
    work. Once said as "related work", such claims were rejected by the readers of the
    labelled sets 48 times in 101 (2026-12-07): the pair is a fill, which claims only
    that it completes the list, and never "similar backgrounds"."""
    people = human_set.load_set("conference").profiles
    event = Matcher(encoder=real_encoder).event(people, k=5)
    event.rematch()
    cg = event.common_ground("maya-brooks", "stefan-huber")
    assert [t.kind for t in cg.ties] == ["nearby"]
    assert cg.reasons[-1] == (
        "Suggested to complete your list — them: "
        "Sustainability manager, Huber Metallbau (350 employees)."
    )
    assert not any("both" in r or "Related work" in r for r in cg.reasons)
