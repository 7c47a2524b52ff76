"""Introductions a careful organizer would make, found from what the goals say: a
named role sought and the person who is it (a plant scientist and a postdoc in plant
physiology), a mentor's subject said in one piece of their profile, growers sought
as suppliers, pro bono work as a service (issue 16, blind2's planted pairs)."""

from __future__ import annotations

import pytest
from complements_met import met

from matcher import EventState
from matcher.goals import goal_kind, kind_name
from matcher.roles import fits, identity, named_roles


@pytest.fixture(scope="module")
def blind2(blind2_event) -> EventState:  # type: ignore[no-untyped-def]
    return blind2_event  # type: ignore[no-any-return]


def test_growers_sought_are_suppliers_and_pro_bono_work_is_a_service() -> None:
    def kind(text: str) -> str:
        return kind_name(goal_kind(text))

    assert kind("belgian growers for private label vegetables") == "solution"
    assert kind("growers of heirloom tomatoes") == "solution"
    assert kind("a few pro bono hours per month for nonprofits") == "service"
    # Something for growers is not a grower.
    assert kind("workshops for growers") != "solution"
    assert kind("pro bono graphic designer for our campaign") == "hire"


def test_a_researcher_is_a_scientist_of_their_field_and_offered_know_how_is_a_specialty() -> None:
    postdoc = identity([], ["Postdoc, plant physiology (light spectra & photosynthesis)"])
    assert fits(named_roles("plant scientist (led recipes)"), postdoc) == (True, True)
    assert fits(named_roles("soil scientists"), postdoc) == (True, False)
    manager = identity(
        ["food manufacturing"], ["Production manager, food manufacturing"],
        skills=["plant start-up experience"],
    )  # fmt: skip
    assert fits(named_roles("plant manager for our first production site"), manager) == (
        True,
        True,
    )
    # Words of know-how never make a family: offering "data analysis" is no analyst.
    analyst = identity([], ["Postdoc, plant physiology"], skills=["data analysis (R)"])
    assert fits(named_roles("data analysts"), analyst)[0] is False


def test_a_named_role_sought_meets_the_person_who_is_it(blind2) -> None:  # type: ignore[no-untyped-def]
    # Daan hires a plant scientist for LED recipes; Priya, a postdoc in light-spectra
    # plant physiology, seeks a CEA industry job (and the reverse).
    assert met(blind2, "daan-smits", "priya-raman")
    assert met(blind2, "priya-raman", "daan-smits")
    # Larvo's plant manager opening; Dimitri, a production manager with plant start-up
    # experience, open to a new role.
    assert met(blind2, "matteo-ferri", "dimitri-papadopoulos")
    # Elke seeks Belgian growers for private label; Marieke's co-op of 40 growers wants
    # buyers.
    assert met(blind2, "elke-baert", "marieke-desmet")


def test_a_mentor_s_subject_may_be_one_piece_of_their_profile(blind2) -> None:  # type: ignore[no-untyped-def]
    # Gerrit lists "fundraising" and mentors NGO directors on it; Jean-Marc lists FMCG
    # and grocery retail and mentors founders on supermarket listings.
    assert met(blind2, "pieter-jan-coppens", "gerrit-janssens")
    assert met(blind2, "nathalie-verbeke", "jean-marc-dubois")
    # A mentor of another field is still no complement: Priya's move from academia to
    # industry is not what Gerrit or Jean-Marc mentor on.
    assert not met(blind2, "priya-raman", "gerrit-janssens")
    assert not met(blind2, "priya-raman", "jean-marc-dubois")


def test_a_search_names_a_trade_and_which_of_it() -> None:
    from matcher.trades import practised, sought

    shop, supermarket, maker = 1, 2, 4
    assert sought("specialty shops & delis to stock our bars") == (shop, frozenset({"specialty"}))
    assert sought("shops that age & sell")[0] == shop
    assert sought("belgian craft producers") == (maker, frozenset({"belgian", "craft"}))
    assert sought("supermarkets donating surplus")[0] == supermarket
    # Something for makers is no search for makers.
    assert sought("workshop space for makers")[0] == 0
    assert sought("buyers for surplus cauliflower and leeks")[0] == 0
    # A headline's trade is what its author is, not what they look for.
    cheesemaker = "Raw-milk cheesemaker, Pays de Herve — looking for shops that age & sell"
    assert practised(cheesemaker) == maker
    assert practised("Affineur & fine food shop owner — 3 delis in Antwerp") == shop
    assert practised("Director, De Werkplaats community makerspace") == 0


def test_a_headline_only_shop_and_makers_look_for_each_other(blind2) -> None:  # type: ignore[no-untyped-def]
    # Hanne wrote only a headline: "Affineur & fine food shop owner — 3 delis in
    # Antwerp, always looking for Belgian craft producers".
    assert met(blind2, "hanne-wouters", "emile-fontaine")  # a craft chocolate maker
    assert met(blind2, "luc-hermans", "hanne-wouters")  # shops that age & sell cheese
    # A search that says which producers is met only by those: heirloom vegetables or
    # Belgian growers are not a chocolate maker's.
    assert not met(blind2, "camille-rousseau", "emile-fontaine")
    assert not met(blind2, "elke-baert", "emile-fontaine")
    # A food-rescue's search for supermarkets is not met by a deli.
    assert not met(blind2, "amira-haddad", "hanne-wouters")


def test_a_named_role_met_by_such_a_person_reads_any_piece_of_their_work(blind2) -> None:  # type: ignore[no-untyped-def]
    # Olivia's youth network needs a pro bono graphic designer; Jana, a packaging &
    # brand designer, offers a few pro bono hours a month for nonprofits.
    assert met(blind2, "olivia-brandt", "jana-novak")
    # Someone who is not the role named is still no complement, whatever their pieces:
    # a chocolate maker is no designer.
    assert not met(blind2, "olivia-brandt", "emile-fontaine")
