"""Issue 16: goals written in a headline or an about count as needs, in the person's
own words ("We're raising our seed round", "open to work"); a sentence about the past,
about someone else, or a mission is no goal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import CommonGround, Complement, Matcher, Profile, wording  # noqa: E402
from matcher.facets import Vocabulary, encode_profile  # noqa: E402
from matcher.goals import KINDS, K, goal_kind  # noqa: E402
from matcher.normalise import normalise_goal  # noqa: E402
from matcher.starter_topics import need_phrase  # noqa: E402
from matcher.stated_goals import is_statement, stated_goals  # noqa: E402


def _kinds(headline: str, about: str) -> dict[str, str]:
    """kind -> the person's words of each goal said."""
    return {
        KINDS[goal_kind(normalise_goal(g.key)) % K]: g.words for g in stated_goals(headline, about)
    }


def test_a_founder_raising_seed_in_the_about_seeks_capital_in_their_own_words() -> None:
    about = (
        "We have 4,000 weekly users and a DiGA application in progress. We're raising our "
        "seed round this autumn and are looking for investors who understand reimbursement."
    )
    assert _kinds("", about) == {
        "capital": "We're raising our seed round this autumn and are looking for investors "
        "who understand reimbursement"
    }
    assert _kinds("", "We just closed our pre-seed and will raise a seed round in spring.") == {
        "capital": "We just closed our pre-seed and will raise a seed round in spring"
    }


def test_a_headline_status_and_a_wish_in_the_about_are_goals() -> None:
    assert _kinds("Full-stack engineer (React/Node), open to work", "") == {"job": "open to work"}
    assert _kinds("Embedded engineer (C, Rust), looking for work in Berlin", "") == {
        "job": "work in Berlin"
    }
    assert _kinds("Senior ML engineer, looking to co-found", "") == {
        "cofounding": "looking to co-found"
    }
    assert _kinds("", "I hope to find a technical co-founder.") == {
        "cofounder": "a technical co-founder"
    }
    assert _kinds("", "Data engineer for a retailer. I want to move to fintech.") == {
        "job": "I want to move to fintech"
    }
    assert _kinds("", "I'd love to meet investors in climate hardware.") == {
        "capital": "investors in climate hardware"
    }
    assert _kinds("", "We're hiring two backend engineers in Berlin.") == {
        "hire": "We're hiring two backend engineers in Berlin"
    }


def test_wishes_said_in_other_ways_are_goals() -> None:
    """A move weighed, volunteering wished, a team grown, a wish with "I'd love",
    adverbs alone before "open to", a move "as ... co-founder", someone to talk to."""
    move = "I'd like to move into a startup – as clinical lead or even co-founder."
    assert set(_kinds("", move)) == {"job", "cofounding"}
    assert set(_kinds("looking to join a health startup as CTO or co-founder", "")) == {
        "job",
        "cofounding",
    }
    assert _kinds("", "Honestly I'm thinking about leaving big tech for a climate startup.") == {
        "job": "Honestly I'm thinking about leaving big tech for a climate startup"
    }
    assert _kinds("", "I'd love to volunteer at health outreach events in Rotterdam.") == {
        "volunteering": "I'd love to volunteer at health outreach events in Rotterdam"
    }
    assert _kinds("", "We're doubling the integrations team in 2027.") == {
        "hire": "We're doubling the integrations team in 2027"
    }
    assert _kinds("", "Also open to a board seat in a health startup.") == {
        "job": "Also open to a board seat in a health startup"
    }
    assert _kinds("", "I'm also quietly looking for a postdoc or industry job here.") == {
        "job": "a postdoc or industry job here"
    }
    assert _kinds("", "I'd love advice from anyone who has spun out of a university.") == {
        "advice": "I'd love advice from anyone who has spun out of a university"
    }
    assert _kinds("", "Would really love a mentor who has built hardware before.") == {
        "mentor": "Would really love a mentor who has built hardware before"
    }
    assert _kinds("", "It gets lonely and I'd love to talk to someone about not burning out.") == {
        "advice": "I'd love to talk to someone about not burning out"
    }
    # blind10: a founder lost between a SAFE and a convertible loan asks for know-how,
    # not for a loan.
    about = "Also need someone to explain SAFE vs convertible loan under Dutch law, I'm lost."
    assert _kinds("", about) == {
        "advice": "Also need someone to explain SAFE vs convertible loan under Dutch law"
    }
    # A part after a search that opens with "and" is sought too.
    headline = (
        "Sleep-tech founder – looking for a clinical co-founder (sleep physician) and "
        "first pre-seed money"
    )
    assert _kinds(headline, "") == {
        "cofounder": "a clinical co-founder",
        "capital": "first pre-seed money",
    }


@pytest.mark.parametrize(
    "about",
    [
        "Our seed round was led by Northwind.",
        "I led our seed round in 2019.",
        "Our seed investors include Northwind.",
        "I would like to thank my team.",
        "Seed-stage companies are great.",
        "Sales is growing fast.",
    ],
)
def test_a_round_named_or_a_wish_of_no_kind_is_no_goal(about: str) -> None:
    assert stated_goals("", about) == ()


@pytest.mark.parametrize(
    "about",
    [
        "Before that I spent five years hiring engineers at Google.",
        "We raised our seed round in 2021 and were looking for a CTO back then.",
        "I was looking for a co-founder for two years.",
        "We are not raising right now.",
        "I help founders looking for capital.",
        "If you're hiring data engineers, talk to me.",
        "Radiologist who wants to start a company",
        "We want to make care fairer for everyone.",
        "Ready to build instead of advise.",
        "Raising awareness of plastic waste.",
        "Ex-McKinsey, looking for my startup",
        "What are you looking for?",
        "I'm looking for no permanent position, only projects.",
    ],
)
def test_the_past_someone_else_a_mission_or_a_question_is_no_goal(about: str) -> None:
    assert stated_goals("", about) == ()


def test_a_kind_already_listed_is_not_added_again_from_the_headline() -> None:
    sophie = Profile(
        id="s",
        name="Sophie",
        headline="Product designer (UX/UI), open to new roles",
        looking_for=["a product design role at a climate startup"],
        about="I want my next job to be in energy or climate.",
    )
    row = encode_profile(sophie, Vocabulary())
    assert row.words["needs"] == ["a product design role at a climate startup"]
    kofi = Profile(id="k", name="Kofi", headline="Full-stack engineer, open to work")
    assert encode_profile(kofi, Vocabulary()).words["needs"] == ["open to work"]


def test_interns_taken_on_are_a_post_of_their_own_beside_senior_ones(quality_event) -> None:  # type: ignore[no-untyped-def]
    # blind11's planted pairs: a CTO lists senior engineers to hire and says in his
    # about that the company takes end-of-studies interns every year; a student seeks
    # such an internship, a school's careers office companies to host its students.
    about = "We always take 3-4 end-of-studies interns a year, mostly from INSA."
    said = stated_goals("CTO @ Freightly", about)
    assert [g.words for g in said] == ["We always take 3-4 end-of-studies interns a year"]
    assert KINDS[goal_kind(normalise_goal(said[0].key)) % K] == "hire"
    cto = Profile(
        id="o",
        name="Olivier",
        headline="CTO @ Freightly (logistics SaaS, Series B)",
        looking_for=["senior backend engineers (Kotlin/Java) — 6 open roles"],
        about=about,
    )
    assert len(encode_profile(cto, Vocabulary()).words["needs"]) == 2
    # Another senior post said in the about is the listed kind said again.
    cto.about = "We are hiring senior engineers, again."
    assert len(encode_profile(cto, Vocabulary()).words["needs"]) == 1
    # Taking equity, founders or time is no post.
    assert not stated_goals("", "We take solo founders only. We don't take equity.")
    state = quality_event("blind11")
    assert state.common_ground("hugo-lambert", "olivier-blanc").complements
    assert state.common_ground("olivier-blanc", "agnes-colin").complements


def test_a_goal_written_as_a_sentence_is_quoted_as_what_the_profile_says() -> None:
    said = "We're raising our seed round this autumn"
    cg = CommonGround(
        score=0.5,
        complements=[
            Complement("a", said, "seed funding up to €1M", 0.5),
            Complement("b", "digital health founders raising seed", said, 0.5, mutual=True),
        ],
    )
    cg.reasons = wording.reasons(cg)
    founders = "“digital health founders raising seed”"
    assert cg.reasons == [
        f"They are looking for {founders} — your profile says “{said}”.",
        f"Your profile says “{said}” — they offer “seed funding up to €1M”.",
    ]
    assert cg.flipped().reasons == [
        f"Their profile says “{said}” — you offer “seed funding up to €1M”.",
        f"You are looking for {founders} — their profile says “{said}”.",
    ]
    page = [line.text for s in wording.sections(cg.flipped(), "Noah Schwartz") for line in s.lines]
    assert f"Noah's profile says {said} — you offer seed funding up to €1M" in page
    assert f"You look for digital health founders raising seed — Noah's profile says {said}" in page
    assert wording.complements_text(cg, "Noah", "Michael").startswith(
        f"Noah's profile says “{said}” ↔ Michael offers seed funding"
    )
    assert is_statement("open to work") and not is_statement("investors in climate")
    # A question cannot quote a whole sentence back; a sentence naming what it seeks can.
    assert need_phrase(said) == ""
    assert need_phrase("I'm looking for a CTO") == "a CTO"


def _person(pid: str, headline: str, **fields: str | list[str]) -> Profile:
    return Profile(id=pid, name=pid.title(), headline=headline, **fields)  # type: ignore[arg-type]


def test_a_seed_investor_meets_a_founder_whose_about_says_they_raise_seed(real_encoder) -> None:  # type: ignore[no-untyped-def]
    investor = _person(
        "iris",
        "Partner, Northwind Ventures (climate, seed)",
        interests=["heat pumps", "building retrofits"],
        looking_for=["climate founders raising seed"],
        offering=["seed investment up to €1M"],
    )
    raising = _person(
        "hugo",
        "Founder, ThermaHome – heat pump installation",
        interests=["heat pumps"],
        about="We install heat pumps in old houses. We're raising our seed round this spring.",
    )
    raised = _person(
        "hana",
        "Founder, WarmWall – facade insulation",
        interests=["building retrofits"],
        about="We raised our seed round in 2021 and spent years hiring installers.",
    )
    crowd = [
        _person("c1", "Data engineer", interests=["ETL pipelines"]),
        _person("c2", "Product designer", interests=["design systems"]),
    ]
    matcher = Matcher(encoder=real_encoder)
    cg = matcher.common_ground(raising, investor, population=[raised, *crowd])
    assert {(c.seeker, c.need, c.offer) for c in cg.complements} >= {
        ("a", "We're raising our seed round this spring", "seed investment up to €1M")
    }
    assert any("Your profile says “We're raising our seed round" in r for r in cg.reasons)
    past = matcher.common_ground(raised, investor, population=[raising, *crowd])
    assert not past.complements, "a round raised years ago is no goal"


def test_the_conference_founder_raising_seed_meets_the_seed_investor(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """Planted: Noah's about says he raises a seed round for a digital therapeutics app;
    Michael invests seed in digital health. Both see it, in Noah's own words."""
    hs = human_set.load_set("conference")
    lists = Matcher(encoder=real_encoder).suggest(hs.profiles, k=5)
    for me, them in (("noah-schwartz", "michael-braun"), ("michael-braun", "noah-schwartz")):
        found = next((s for s in lists[me] if s.other_id == them), None)
        assert found is not None, f"{them} is in {me}'s five"
        needs = {c.need for c in found.common_ground.complements}
        assert any(n.startswith("We're raising our seed round this autumn") for n in needs)


def test_a_thing_sought_whose_name_starts_with_no_is_still_sought() -> None:
    # "no permanent position" is denied; "no-code tools" are wanted.
    (goal,) = stated_goals("", "We are looking for no-code tools for our team.")
    assert goal.words == "no-code tools for our team"
