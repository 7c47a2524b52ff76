"""Issue 16's complements, the kind of money and of work (real model, blind2's forum).

Money has sub-kinds that do not meet each other: a venture fund's equity is no grant
for a farm's cold room, a family office's capital for farmland acquisitions backs no
Series A, and an investor syndicates the rounds it writes tickets for. A job sought
meets a hire only in the same role family (a chef is not a brand marketeer). Two
colleagues of one company are no complement to each other. A buyer's listing is for
products of the category they buy, and suppliers of goods are not met by an activity
(a workshop, a dinner, design work).
"""

from __future__ import annotations

import numpy as np
import pytest
from complements_met import met

from matcher import EventState
from matcher.goal_scope import at_own_stage, own_stages, scope, scope_clash
from matcher.goals import DERIVED_PREFIX, goal_kind, kind_name
from matcher.normalise import normalise_goal
from matcher.translation import to_english
from matcher.work_roles import buying_category


@pytest.fixture(scope="module")
def forum(blind2_event) -> EventState:  # type: ignore[no-untyped-def]
    return blind2_event  # type: ignore[no-any-return]


def _kind(text: str) -> str:
    return kind_name(goal_kind(normalise_goal(text)))


def test_money_for_land_grants_and_equity_are_kinds_of_their_own() -> None:
    assert _kind("long-term capital for farmland acquisitions") == "assets"
    assert _kind("real estate investors") == "assets"
    assert _kind("subsidies for solar panels") == "grant"
    assert _kind("Series A lead investor (impact)") == "capital"
    assert _kind("growth capital for acquisitions") == "capital"  # companies, not land
    # "Seed" after "of" is what is sown, not a round.
    assert _kind("training in preservation of seed") != "capital"
    assert _kind("investors seed") == "capital"


def test_a_co_investor_search_is_at_the_investor_s_own_stages() -> None:
    seed_fund = own_stages(
        [normalise_goal("seed-stage agtech startups")], [normalise_goal("seed tickets €250k–1M")]
    )
    need = at_own_stage(normalise_goal("co-investors for syndicates"), seed_fund)
    assert _kind(need) == "coinvestors"
    series_a = scope(normalise_goal("€1–5M tickets for Series A"))
    assert scope_clash(np.array([scope(need)]), np.array([series_a]))[0]
    # A search naming its stage keeps it; a need of another kind is left as it is.
    named = normalise_goal("co-investors for Series A rounds")
    assert at_own_stage(named, seed_fund) == named
    assert at_own_stage(normalise_goal("seed investors"), seed_fund) == "seed investors"


def test_money_of_another_kind_is_not_a_complement(forum) -> None:  # type: ignore[no-untyped-def]
    # Lukas's Solawi wants a grant ("Förderung") for a cold room: no VC's seed ticket
    # nor a family office's farmland capital meets it.
    assert not met(forum, "lukas-becker", "hannah-lindqvist")
    assert not met(forum, "lukas-becker", "victor-lambert")
    # Farmland capital leads no Series A and joins no venture syndicate.
    for seeker in ("nadia-benali", "bram-dewit", "hannah-lindqvist"):
        assert not met(forum, seeker, "victor-lambert"), seeker
    # A seed fund's syndicate is not a Series A fund's tickets.
    assert not met(forum, "hannah-lindqvist", "bram-dewit")
    # What is right stays: a Series A raise meets Series A tickets, a seed round seed
    # tickets, a grant need a grant-maker.
    assert ("Series A lead investor (impact)", "€1–5M tickets for Series A") in met(
        forum, "nadia-benali", "bram-dewit"
    )
    assert met(forum, "jonas-peeters", "hannah-lindqvist")
    assert met(forum, "pieter-jan-coppens", "margaux-lefevre")


def test_a_job_sought_meets_a_hire_of_its_role_family_only(forum) -> None:  # type: ignore[no-untyped-def]
    hire = normalise_goal("hiring a junior brand marketeer (Ghent)")
    chef = DERIVED_PREFIX + normalise_goal("sous-chef or head chef position")
    marketer = DERIVED_PREFIX + normalise_goal("junior marketing role in food/drink")
    assert scope_clash(np.array([scope(hire)]), np.array([scope(chef)]))[0]
    assert not scope_clash(np.array([scope(hire)]), np.array([scope(marketer)]))[0]
    # A role named by its field on one side and its people on the other is one family.
    designer = normalise_goal("a senior product designer for my team")
    design_job = DERIVED_PREFIX + normalise_goal("a product design role at a climate startup")
    assert not scope_clash(np.array([scope(designer)]), np.array([scope(design_job)]))[0]
    assert not met(forum, "max-hoffmann", "diego-morales")
    assert met(forum, "max-hoffmann", "elif-yilmaz")


def test_colleagues_are_no_complement(forum) -> None:  # type: ignore[no-untyped-def]
    # Elke and Pieter both work at Delvaux Markt: his supplier onboarding is in-house.
    assert not met(forum, "elke-baert", "pieter-claes")
    assert not met(forum, "pieter-claes", "elke-baert")


def test_a_buyer_s_headline_says_what_they_buy() -> None:
    assert buying_category("Category manager fresh vegetables, Delvaux Markt") == (
        "fresh vegetables"
    )
    assert buying_category("Sustainable packaging buyer @ Delvaux Markt (300 stores BE)") == (
        "sustainable packaging"
    )
    # No buyer, or a buyer of nothing named: no category.
    assert buying_category("Head of Purchasing, Acme") == ""
    assert buying_category("Founder, regenerative sourcing platform") == ""
    assert buying_category("Sales manager, fruit co-op") == ""


def test_a_listing_is_offered_only_to_products_of_the_buyer_s_category(forum) -> None:  # type: ignore[no-untyped-def]
    # Elke buys fresh vegetables, Katrin fruit & vegetables (in German): no shelf for a
    # hot sauce, a chocolate bar, a cheese or cork design objects, either way round.
    for seller, buyer in [
        ("kwame-mensah", "elke-baert"),
        ("kwame-mensah", "katrin-vogel"),
        ("emile-fontaine", "elke-baert"),
        ("luc-hermans", "katrin-vogel"),
        ("ines-carvalho", "katrin-vogel"),
    ]:
        assert not met(forum, seller, buyer), (seller, buyer)
        assert not met(forum, buyer, seller), (buyer, seller)
    # Apples and pears are Katrin's category, compostable produce trays pilot with her.
    assert met(forum, "joris-lemmens", "katrin-vogel")
    assert met(forum, "sofia-romano", "katrin-vogel")


def test_suppliers_of_goods_are_not_met_by_an_activity_or_a_service(forum) -> None:  # type: ignore[no-untyped-def]
    suppliers = normalise_goal("plastic-free packaging suppliers for fresh produce")
    for activity in ("packaging design for food brands", "workshop space for makers"):
        offer = scope(normalise_goal(activity))
        assert scope_clash(np.array([scope(suppliers)]), np.array([offer]))[0], activity
    goods = scope(normalise_goal("free samples of compostable trays"))
    assert not scope_clash(np.array([scope(suppliers)]), np.array([goods]))[0]
    # Help about suppliers is help, and an activity sought is met by one.
    help_need = scope(normalise_goal("supplier onboarding help for small growers"))
    training = scope(normalise_goal("onboarding training"))
    assert not scope_clash(np.array([help_need]), np.array([training]))[0]
    assert not met(forum, "pieter-claes", "jana-novak")
    assert not met(forum, "charlotte-dewulf", "pieter-jan-coppens")
    assert not met(forum, "katrin-vogel", "camille-rousseau")
    # A maker seeking shops still meets the shop seeking makers.
    assert met(forum, "ines-carvalho", "charlotte-dewulf")


def test_a_search_for_suppliers_meets_sellers_of_what_it_names(forum) -> None:  # type: ignore[no-untyped-def]
    # Charlotte's concept store seeks makers of sustainable home objects: a cork design
    # studio seeking concept stores is one, a raw-milk cheesemaker seeking shops is not;
    # Hanne's delis seeking Belgian craft producers are the cheesemaker's shops.
    assert met(forum, "ines-carvalho", "charlotte-dewulf")
    assert not met(forum, "luc-hermans", "charlotte-dewulf")
    assert met(forum, "luc-hermans", "hanne-wouters")


def test_an_investor_s_search_for_companies_or_rounds_is_deal_flow_not_money() -> None:
    # A grant agency's "SMEs planning investments" and a VC's "Series A rounds in ..."
    # seek companies to fund; a founder names the round and its investors.
    assert _kind("industrial SMEs planning automation or robotics investments") == "dealflow"
    assert _kind("Series A rounds in industrial robotics and automation") == "dealflow"
    assert _kind("investors for our seed round") == "capital"
    assert _kind("co-investors for seed rounds") == "coinvestors"
    # Swedish "bolag" is one word for a company and companies.
    assert _kind("pre-seed company within software in the nordics") == "dealflow"
    # A Romance noun after its head: "startups climat en Série A", as translated.
    assert to_english("startups climat en Série A avec du chiffre d'affaires", "fr").startswith(
        "startups climate at series a"
    )
    assert _kind("startups climate at series a with revenue") == "dealflow"
    # "Production en série" is still series production.
    assert to_english("production en série", "fr") == "series production"


def test_money_for_pilots_is_a_pilot_and_a_financial_thing_is_no_money() -> None:
    # A waterworks' "co-funding for pilots" backs no seed round (blind7's readers).
    assert _kind("co-funding for pilots (up to 300k PLN)") == "customers"
    assert _kind("NLP for legal/financial documents (4 yrs)") != "capital"
    assert _kind("financial support for our first plant") == "capital"
    assert _kind("financing for our new plant") == "capital"
    # Partners for a money business are partners (blind8: a bank's "fintech partners
    # for embedded finance" met an accelerator's €60k); money sought as partners stays.
    assert _kind("fintech partners for embedded finance") == "partners"
    assert _kind("financing partners") == "capital"
    assert _kind("partners for our seed round") == "capital"


def test_two_investors_are_peers_whatever_one_wrote_of_co_investors(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind8: Erik (a Swedish medtech angel) and Maximilian (a Munich Series A fund)
    each seek co-investors, in Swedish and German; no other investor's money is said
    to meet that, and neither search is deal flow for an investor seeking startups."""
    summit = quality_event("blind8")
    investors = ("liisa-kask", "andres-mets", "annika-strom", "mihkel-laur", "david-cohen")
    for seeker in ("erik-lindqvist", "maximilian-braun"):
        for other in investors:
            assert not met(summit, seeker, other), (seeker, other)
            assert not met(summit, other, seeker), (other, seeker)


def test_a_b_round_is_a_later_stage_and_introductions_to_funds_are_no_money() -> None:
    # blind7: "lead investor for our B round (~€20M)" was met by €2–8M Series A
    # tickets; "introduktioner till nordiska VC-fonder" was read as money offered.
    b_round = scope(normalise_goal("lead investor for our B round (~€20M)"))
    series_a = scope(normalise_goal("tickets Série A de 2 à 8 M€"))
    assert scope_clash(np.array([b_round]), np.array([series_a]))[0]
    assert not scope(normalise_goal("raising a round")) & 0b1111  # "a round" is any round
    assert _kind(to_english("introduktioner till nordiska VC-fonder", "sv")) == "intros"


def test_an_investor_s_founder_search_is_at_the_stages_of_its_money(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind8: Andres writes pre-seed angel tickets and seeks "technical founders from
    the Baltics". A founder raising pre-seed meets that; a €20M Series B and a seed
    round do not (the set's readers rejected both)."""
    angel = own_stages(
        [normalise_goal("pre-seed devtools / AI infra founders")],
        [normalise_goal("angel tickets €25–50k")],
    )
    searched = at_own_stage(normalise_goal("technical founders from the Baltics"), angel)
    assert searched.endswith("(pre-seed stage)")
    summit = quality_event("blind8")
    needs = {need for need, _ in met(summit, "andres-mets", "martin-sepp")}
    assert "technical founders from the Baltics" in needs
    assert not met(summit, "andres-mets", "tomas-vaitkus")
    assert not met(summit, "andres-mets", "oskar-nurk")


def test_an_investor_meets_a_founder_whose_work_is_one_line_of_its_thesis(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind3: Ruth's fund leads €1–5M Series A rounds in digital health and medtech;
    Daniel's CardioLoop (remote monitoring for heart failure, CE-marked) raises a €4M
    Series A. Their whole profiles sit apart (a fund's many sectors, a clinic product's
    details), but one line of each is the same field: the readers accepted the pair."""
    days = quality_event("blind3")
    assert ("Series A lead investor (€4M)", "€1–5M Series A tickets") in met(
        days, "daniel-okoye", "ruth-bakker"
    )
