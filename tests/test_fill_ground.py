"""A fill says what the two truly share across all their words (issue 16, the whole
person): before "suggested to complete your list", headlines, about phrases, needs
and offers are compared too, and a link a reader sees (a specific word both use,
acronyms spelt out) is said as related. Real model; small events where every list
must be filled.
"""

from __future__ import annotations

import numpy as np
import pytest

from matcher import Matcher, Profile
from matcher.facets import Vocabulary, encode_profile, headline_goals
from matcher.fill_ground import WordCounts
from matcher.specific_words import generic, stems
from matcher.wording import NEARBY_SAID


@pytest.fixture(scope="module")
def matcher(real_encoder) -> Matcher:  # type: ignore[no-untyped-def]
    return Matcher(encoder=real_encoder)


def reason_between(matcher: Matcher, people: list[Profile], a: str, b: str) -> str:
    """What `a`'s list says about `b` when every list of this small event is filled."""
    got = matcher.suggest(people, k=len(people) - 1)
    found = next(s for s in got[a] if s.other_id == b)
    return found.common_ground.reasons[0]


PASTRY = Profile(
    id="chef", name="Chef", headline="Pastry chef, Maison Dupont", interests=["viennoiserie"]
)


def test_a_fill_between_two_sres_says_so_though_one_wrote_the_acronym(matcher) -> None:  # type: ignore[no-untyped-def]
    david = Profile(
        id="david", name="David", headline="Site Reliability Engineer",
        interests=["Kubernetes", "observability"], personal_interests=["bouldering"],
    )  # fmt: skip
    lars = Profile(
        id="lars", name="Lars", headline="Staff SRE, PayNordic",
        interests=["chaos engineering", "postmortems"], company="PayNordic",
    )  # fmt: skip
    reason = reason_between(matcher, [david, lars, PASTRY], "david", "lars")
    assert not reason.startswith(NEARBY_SAID)
    assert reason == "Related — you: Site Reliability Engineer; them: Staff SRE."
    # The other side reads its own side of the same words.
    assert reason_between(matcher, [david, lars, PASTRY], "lars", "david") == (
        "Related — you: Staff SRE; them: Site Reliability Engineer."
    )


def test_a_need_meets_the_others_interest_in_a_fill(matcher) -> None:  # type: ignore[no-untyped-def]
    zoe = Profile(
        id="zoe", name="Zoe", headline="First-time founder (B2B SaaS for clinics)",
        looking_for=["intro to health insurers"],
    )  # fmt: skip
    michael = Profile(
        id="michael", name="Michael", headline="Partner, Vitalis Ventures",
        interests=["health insurance", "elderly care"],
    )  # fmt: skip
    reason = reason_between(matcher, [zoe, michael, PASTRY], "zoe", "michael")
    assert reason == "Related — you: intro to health insurers; them: health insurance."


def test_a_shared_title_or_an_everyday_word_is_no_common_ground(matcher) -> None:  # type: ignore[no-untyped-def]
    ana = Profile(id="ana", name="Ana", headline="Founder, SeaKelp (seaweed farming)")
    ben = Profile(id="ben", name="Ben", headline="Founder, LedgerLeaf (carbon accounting)")
    reason = reason_between(matcher, [ana, ben, PASTRY], "ana", "ben")
    assert reason.startswith(NEARBY_SAID)
    assert generic("founder") and generic("engineer") and generic("startups")
    assert not generic("payment")


def test_rust_the_language_never_meets_rust_the_corrosion_in_a_fill(matcher) -> None:  # type: ignore[no-untyped-def]
    henrik = Profile(
        id="henrik", name="Henrik", headline="Corrosion engineer, offshore wind",
        interests=["rust and corrosion monitoring"],
    )  # fmt: skip
    mia = Profile(
        id="mia", name="Mia", headline="Software engineer",
        offering=["intro to embedded Rust"], interests=["embedded Linux"],
    )  # fmt: skip
    reason = reason_between(matcher, [henrik, mia, PASTRY], "henrik", "mia")
    assert "rust" not in reason.lower()


def test_acronyms_are_spelt_out_and_words_stemmed() -> None:
    assert stems("staff sre") == stems("site reliability engineer") == {"site", "reliability"}
    assert "payment" in stems("instant payments") & stems("payment infrastructure")
    assert "rust" not in stems("rust programming language")


def test_a_word_most_of_the_event_uses_is_too_common_to_count() -> None:
    from matcher.facets import Row

    keys = ["payments", "payment rails", "pastry"]
    rows = [
        Row([], [], [], [], [], -1, {}, pieces=[(0, "payments")]),
        Row([], [], [], [], [], -1, {}, pieces=[(1, "payment rails")]),
        Row([], [], [], [], [], -1, {}, pieces=[(2, "pastry")]),
    ]
    counts = WordCounts()
    counts.update(rows, keys, np.arange(3))
    assert counts.df["payment"] == 2
    assert counts.rare("payment", 3)  # two people always may share a word
    many = [Row([], [], [], [], [], -1, {}, pieces=[(0, "payments")]) for _ in range(20)]
    counts.update(rows + many, keys, np.arange(23))
    assert not counts.rare("payment", 23)
    counts.update(rows + many, keys, np.arange(3))  # the many left
    assert counts.rare("payment", 3)


def test_a_headline_only_profile_is_what_a_need_meets_said_as_their_work(matcher) -> None:  # type: ignore[no-untyped-def]
    elena = Profile(
        id="elena", name="Elena", headline="Forestry engineer, Regione Toscana",
        looking_for=["affordable fire detection systems to test this summer"],
    )  # fmt: skip
    peter = Profile(
        id="peter", name="Peter", company="EmberWatch",
        headline="Wildfire detection with cameras & AI | Founder, EmberWatch",
    )  # fmt: skip
    cg = matcher.common_ground(elena, peter)
    assert cg.score > 0
    [found] = cg.complements
    assert found.implied and found.offer == "Wildfire detection with cameras & AI"
    assert cg.reasons == [
        "You are looking for “affordable fire detection systems to test this summer” — "
        "their work: “Wildfire detection with cameras & AI”."
    ]
    assert "you offer" not in " ".join(cg.flipped().reasons)
    assert cg.flipped().reasons[0].endswith("your work: “Wildfire detection with cameras & AI”.")


def test_a_headline_says_what_someone_who_wrote_no_goals_seeks_and_does() -> None:
    luc = Profile(
        id="luc", name="Luc",
        headline="Raw-milk cheesemaker, Pays de Herve — looking for shops that age & sell",
    )  # fmt: skip
    assert headline_goals(luc.headline, luc.headline, luc) == [
        ("raw-milk cheesemaker", "Raw-milk cheesemaker", False),  # no place, no title
        ("shops that age & sell", "shops that age & sell", True),
    ]
    vocab = Vocabulary()
    row = encode_profile(luc, vocab)
    assert [vocab.phrases[i] for i in row.needs] == ["shops that age & sell"]
    # The need is also offered to a buyer's need (`matcher.goals.derived_key`).
    assert [vocab.phrases[i] for i in row.offers][0] == "raw-milk cheesemaker"
    assert row.implied == [0]
    # Someone who wrote goals is read by them, not by the headline's parts; a "looking
    # for" in it is still a goal said there (`matcher.stated_goals`).
    wrote = Profile(id="w", name="W", headline=luc.headline, offering=["cheese tastings"])
    row = encode_profile(wrote, vocab)
    assert [vocab.phrases[i] for i in row.needs] == ["shops that age & sell"]
    assert row.implied == []
    assert headline_goals("Founder, Senior consultant", "Founder, Senior consultant", wrote) == []


def test_the_parts_of_a_headline_after_looking_for_say_what_is_sought_not_an_offer() -> None:
    # "(soil scientist or agronomist)" describes the co-founder sought: the writer is
    # neither, so it is no offer of theirs.
    headline = (
        "Agritech founder – looking for a scientific co-founder (soil scientist or agronomist)"
    )
    ana = Profile(id="ana", name="Ana", headline=headline)
    assert headline_goals(headline, headline, ana) == [
        ("scientific co-founder", "a scientific co-founder", True),
    ]
    # Before "looking for", a part naming a field is still what they do.
    first = "Raw-milk cheesemaker – looking for shops (that age & sell)"
    assert headline_goals(first, first, Profile(id="l", name="L", headline=first)) == [
        ("raw-milk cheesemaker", "Raw-milk cheesemaker", False),
        ("shops", "shops", True),
    ]
