"""Issue 16, the whole person: help offered in a bio ("I'd be glad to mentor founders
who try to sell to hospitals") is an offer in the person's own words, when it is their
own, present and not negated."""

from __future__ import annotations

import pytest
from complements_met import met

from matcher import EventState
from matcher.goals import KINDS, K, goal_kind
from matcher.stated_offers import stated_offers


def _kinds(about: str) -> dict[str, str]:
    return {KINDS[goal_kind(key) % K]: words for key, words in stated_offers(about, set())}


def test_mentoring_and_advice_offered_in_a_bio_are_read_in_its_words() -> None:
    about = (
        "Retired hospital CIO; I ran EHR procurement twice. I'd be glad to mentor founders "
        "who try to sell to hospitals – how procurement actually works."
    )
    assert _kinds(about) == {"mentor": "mentor founders who try to sell to hospitals"}
    assert _kinds("Ex-broker. Now I advise e-commerce brands on EU customs.") == {
        "advice": "advise e-commerce brands on EU customs"
    }


@pytest.mark.parametrize(
    "about",
    [
        "I mentored 20 founders in 2019.",  # the past
        "I don't mentor anyone these days.",  # negated
        "If you want me to advise you, ask.",  # no offer made
        "Happy to chat.",  # nothing offered
        "We help founders find mentors.",  # someone else's mentors
    ],
)
def test_no_offer_where_the_bio_makes_none(about: str) -> None:
    assert stated_offers(about, set()) == []


def test_a_kind_the_offer_list_has_is_not_added_again() -> None:
    mentor = KINDS.index("mentor")
    assert stated_offers("Happy to mentor first-time CTOs.", {mentor}) == []


def test_a_mentor_sought_meets_mentoring_offered_only_in_a_bio(blind2_event: EventState) -> None:
    # Lotte seeks a mentor in sustainable fashion retail; Sophie lists no offers, but
    # her bio says she mentors designers and founders in sustainable fashion.
    assert met(blind2_event, "lotte-verhaeghe", "sophie-lambrecht") == {
        (
            "a mentor in sustainable fashion retail",
            "mentor younger designers and founders in sustainable fashion",
        )
    }


def test_a_starter_asks_about_help_offered_in_a_bio_as_what_one_does() -> None:
    from matcher.starter_topics import offer_phrase

    assert offer_phrase("mentor younger designers and founders in sustainable fashion") == (
        "mentoring younger designers and founders in sustainable fashion"
    )
    assert offer_phrase("advise e-commerce brands on EU customs") == (
        "advising e-commerce brands on EU customs"
    )
    assert offer_phrase("mentor for first-time founders") == "mentor for first-time founders"
