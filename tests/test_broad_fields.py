"""Nothing specific (issue 16): the people a bio speaks of ("our nurses", "we are four
engineers", "Teachers") are whom the writer serves or works with, no interest of
theirs. Such a word is no phrase of the about (`matcher.about_phrases`), so the pair's
score and its shown reasons leave it out alike.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from matcher.about_phrases import about_phrases

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


def test_the_people_a_bio_speaks_of_are_no_interest() -> None:
    assert "engineers" not in about_phrases("We are four engineers in Eindhoven.")
    assert "nurses" not in about_phrases("Built for nurses, tested on two wards.")
    assert "Teachers" not in about_phrases("Teachers, parents: all welcome.")
    assert "radiologists" not in about_phrases("We need radiologists who tell us where it fails.")
    # What they work on stays, and so do other people named with a field of theirs.
    assert about_phrases("Patient safety apps for nurses.") == ("Patient safety apps",)
    assert "growers" in about_phrases("Five growers who want to sell to shops.")
    assert "market gardener" in about_phrases("Left my job to become a market gardener.")


def test_a_lone_word_of_any_business_is_no_interest() -> None:
    # Careful readers rejected "pilot ~ pilot" (bank pilots, hospital pilot sites),
    # "staff ~ staff" (two headcounts), "model ~ model" (a vision model, an LLM),
    # "developer tools ~ tools", "health data ~ data", "invest ~ invests".
    text = "We invest in pilots: 40 staff, our own model, data and tools. SaaS."
    assert not about_phrases(text)
    # With what they are about, they stay.
    assert about_phrases("Synthetic data for computer vision.") == (
        "Synthetic data",
        "computer vision",
    )
    assert about_phrases("We back deep tech.") == ("deep tech",)


@pytest.fixture(scope="module")
def events(quality_event):  # type: ignore[no-untyped-def]
    """blind3 and blind4, each matched once a session (read-only for tests)."""
    return {name: quality_event(name) for name in ("blind3", "blind4")}


@pytest.mark.parametrize(
    ("name", "a", "b", "word"),
    [
        # blind3: "nurses" of a product's users and of a ward; "Teachers" of an about.
        ("blind3", "daniel-okoye", "emma-koskinen", "nurses"),
        ("blind3", "daniel-okoye", "mei-chen", "nurses"),
        ("blind3", "emma-koskinen", "thomas-richter", "nurses"),
        ("blind3", "hanna-lehtonen", "oliver-grant", "Teachers"),
        # blind4: "We are four engineers in Eindhoven" / an installer's engineers.
        ("blind4", "gareth-jones", "tom-hughes", "engineers"),
    ],
)
def test_no_claim_quotes_the_people_a_bio_speaks_of(  # type: ignore[no-untyped-def]
    events, name: str, a: str, b: str, word: str
) -> None:
    shared = events[name].common_ground(a, b).shared
    assert all(word not in (s.a, s.b) for s in shared)


def test_a_funding_stage_is_where_a_company_is_not_a_shared_interest() -> None:
    from matcher.word_overlap import KINDS_OF_ONE, apart, overlap_rule

    # Said in a headline or bio, a stage is a company fact ("raising Series B").
    assert apart(("Series A", "series a", "about"), ("Series A", "series a", "work"))
    assert apart(("pre-revenue", "pre-revenue", "about"), ("Pre-revenue", "pre-revenue", "about"))
    # Two stages are two things: related at most ("Series B ~ Series A" was "you both").
    assert overlap_rule("series b", "series a") == KINDS_OF_ONE
    assert overlap_rule("pre-seed", "seed") == KINDS_OF_ONE
    # The same stage both invest at, listed as interests, is still shared.
    assert not apart(("pre-seed", "pre-seed", "work"), ("Pre-Seed", "pre-seed", "work"))
    assert overlap_rule("pre-seed", "pre-seed") == 0


def test_no_card_says_two_companies_share_their_stage(quality_event) -> None:  # type: ignore[no-untyped-def]
    # blind10: a skills-hiring CEO and a Series A founder were told "You both listed
    # Series A", from their bios.
    shared = quality_event("blind10").common_ground("kwame-mensah", "ruben-de-groot").shared
    assert all("Series A" not in (s.a, s.b) for s in shared)
