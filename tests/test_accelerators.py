"""A place in an accelerator sought is met by one who runs a programme (issue 16).

Twelve founders over the blind sets seek an accelerator ("accelerator or incubator for
a first-time health founder", "Milano'da bir hızlandırıcı programı"), and their needs
were read as plain topics (or as money beside "pre-seed money"): five of fifteen
planted founder-and-accelerator introductions were missed. A place is now a kind of
its own (`matcher.programmes`), met by a programme offered or a cohort's call, never
by a fund's search for startups.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from complements_met import met  # noqa: E402

from matcher import Profile  # noqa: E402
from matcher.facets import Vocabulary, encode_profile  # noqa: E402
from matcher.goals import KINDS, K, goal_kind  # noqa: E402
from matcher.normalise import normalise_goal  # noqa: E402
from matcher.programmes import PLACE_PREFIX, places  # noqa: E402


def _kind(text: str) -> str:
    return KINDS[goal_kind(normalise_goal(text)) % K]


@pytest.mark.parametrize(
    "text",
    [
        "accelerator or incubator for a first-time health founder",
        "an accelerator programme",
        "accelerator with circular-economy focus",
        "pre-accelerator / incubator",
        "a place in an accelerator for blue-economy startups",
        "3-month climate accelerator",
        "12-week programme, equity-free, €15k stipend",
        "an impact programme in Austria",
        "a programme that gives us access to heavy industry sites",
        "incubation",
    ],
)
def test_a_place_in_a_programme_sought_or_offered_is_an_accelerator(text: str) -> None:
    assert _kind(text) == "accelerator"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The EU's grant of that name is no programme to join.
        ("advice on EIC Accelerator application", "advice"),
        ("startups preparing EIC Accelerator applications (TRL 5+)", "founders"),
        # Partners, startups or mentors of a programme are what they are.
        ("partnership with accelerators", "partners"),
        ("partnerships with incubators and support networks", "partners"),
        ("mentors for our programme", "mentor"),
        ("climate startups for cohort 4 (pre-seed to seed)", "dealflow"),
        # A sum to build a company's first product is money sought.
        ("first £50k to build MVP", "capital"),
    ],
)
def test_what_only_names_a_programme_keeps_its_kind(text: str, kind: str) -> None:
    assert _kind(text) == kind


def test_money_beside_a_programme_is_a_place_in_it_too() -> None:
    goals = [
        (normalise_goal(text), text)
        for text in (
            "pre-seed money or an accelerator",
            "€50k for 6% + 12-week programme",
            "seed round (€2M)",
            "advice on EIC Accelerator application",
        )
    ]
    got = places(goals)
    assert [text for _, text in got] == [
        "pre-seed money or an accelerator",
        "€50k for 6% + 12-week programme",
    ]
    assert all(key.startswith(PLACE_PREFIX) and _kind(key) == "accelerator" for key, _ in got)


def _runs_programme(**fields: object) -> bool:
    profile = Profile(id="x", name="X", **fields)  # type: ignore[arg-type]
    return "family:programme" in encode_profile(profile, Vocabulary()).identity


def test_one_who_runs_a_programme_says_so_by_a_call_an_offer_or_a_headline() -> None:
    assert _runs_programme(headline="Programme Director @ ClimateLaunch", looking_for=[
        "climate startups for cohort 4 (pre-seed to seed)"])  # fmt: skip
    assert _runs_programme(headline="Programme Director", offering=["3-month climate accelerator"])
    assert _runs_programme(headline="Program Manager, Navigli Fashion Lab — accelerator")
    # A fund seeking startups, an EIC consultant, an alumna: no programme.
    assert not _runs_programme(headline="Partner, Seed fund", looking_for=[
        "seed-stage climate startups"])  # fmt: skip
    assert not _runs_programme(headline="Grant consultant", looking_for=[
        "startups preparing EIC Accelerator applications"])  # fmt: skip
    assert not _runs_programme(headline="Founder @ Loopcart (Y Accelerator alumna)")


def test_a_founder_seeking_an_accelerator_meets_a_programme_of_their_field(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind7 = quality_event("blind7")
    need = "accelerator or incubator for a first-time health founder"
    # Natalia's healthtech accelerator meets the physio founder's need; Paweł's climate
    # accelerator does not, and no fund's search for startups does.
    assert any(n == need for n, _ in met(blind7, "marcin-gorski", "natalia-sokolowska"))
    assert not any(n == need for n, _ in met(blind7, "marcin-gorski", "pawel-zawadzki"))
    for other in blind7.ids:
        if other not in ("marcin-gorski", "natalia-sokolowska"):
            assert not any(n == need for n, _ in met(blind7, "marcin-gorski", other)), other
    # An idea-stage hardware founder and an accelerator that takes idea-stage hardware
    # teams (blind9).
    blind9 = quality_event("blind9")
    assert any(
        n == "an accelerator programme" and o == "€50k for 6% + 12-week programme"
        for n, o in met(blind9, "fionn-oconnell", "mark-dunne")
    )


def test_a_place_sought_in_another_language_or_beside_money_is_met(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind18 = quality_event("blind18")
    assert any(
        n == "Milano'da bir hızlandırıcı programı"
        for n, _ in met(blind18, "zeynep-aydin", "david-kim")
    )
    blind12 = quality_event("blind12")
    assert any(
        n == "accelerator or impact programme in Austria"
        for n, _ in met(blind12, "carmen-ruiz", "sebastian-frank")
    )
    # "accelerator or pre-seed investor (climate)": a place is sought too, and a climate
    # accelerator's programme meets it.
    blind8 = quality_event("blind8")
    assert any(
        o == "12-week programme in Tallinn" for _, o in met(blind8, "eveliina-makela", "laura-jogi")
    )


def test_a_programme_s_limits_rule_a_founder_out_as_an_investor_s_do(quality_event) -> None:  # type: ignore[no-untyped-def]
    # Julian's hardware accelerator "doesn't take software-only teams"; Elif's OT
    # security product is "pure software".
    blind15 = quality_event("blind15")
    assert not any(
        n == "accelerator with industrial network"
        for n, _ in met(blind15, "elif-yilmaz", "julian-hartwig")
    )
