"""An investor's stated limits, with the real model: the sectors they say they never
back ("No crypto, no hardware", "No invertim en marques de consum (CPG)") or back only
("ausschließlich Software", "medical devices only") rule out a company in them; what
names no sector (a stage, a region, "things I understand") limits nothing here."""

from __future__ import annotations

import sys
from pathlib import Path

from complements_met import met

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import Matcher, Profile
from matcher.countries import countries, home, seat
from matcher.goal_scope import stage
from matcher.theses import (
    Limits,
    limits,
    limits_of,
    revenues,
    rules_out,
    searched,
    sectors,
    seeks_lead,
)


def test_exclusions_are_read_in_each_language_to_the_end_of_their_clause() -> None:
    assert limits_of("No crypto, no hardware, no consumer social, sorry!") == Limits(
        frozenset({"crypto", "hardware", "consumer"})
    )
    wellness = "We don't invest in wellness or mindfulness apps sold to consumers"
    assert limits_of(wellness).excluded == {"wellness", "consumer"}
    assert limits_of("No invertim en marques de consum (CPG) ni en restauració.").excluded == {
        "consumer"
    }
    assert limits_of("Investiamo solo in software e servizi: niente hardware, niente immobili") == (
        Limits(frozenset({"hardware", "real estate"}), frozenset({"software"}))
    )
    assert limits_of("Geen crypto, geen vastgoed").excluded == {"crypto", "real estate"}
    # "Medtech is not for us": the thing excluded said first.
    assert limits_of("Medtech is not for us.").excluded == {"medtech"}
    # A limit of its own in brackets: "medical devices only (no drugs, no biotech)".
    assert limits_of("angel tickets €30–80k, medical devices only (no drugs, no biotech)") == (
        Limits(frozenset({"biotech"}), frozenset({"medtech"}))
    )


def test_what_is_not_an_exclusion_is_not_read_as_one() -> None:
    # Not minding, a double negation, a kind of software, a narrow class of devices.
    assert not limits_of("We like boring supply chains and don't mind some hardware")
    assert limits_of(
        "Wir investieren nicht in Software-only-Geschäftsmodelle ohne Hardware"
    ).excluded == {"software-only"}
    no_vertical = limits_of("Ex-engineer. No fintech, no health, no vertical SaaS.")
    assert no_vertical.excluded == {"fintech", "health"}  # vertical SaaS is still software
    # Consumer lending is a kind of lending, not all of fintech; "not interested in
    # fintech/adtech, only health" excludes no health.
    assert limits_of("no consumer lending, no crypto").excluded == {"consumer", "crypto"}
    assert limits_of("not interested in fintech/adtech/mobility, only health").excluded == {
        "fintech"
    }
    assert not limits_of("I'm allergic to 'AI for everything' decks, no offence").excluded
    assert not limits_of("We don't do Class III devices or pharma").excluded - {"biotech"}
    # Stages, regions and "things I understand" name no sector (a region is read as
    # the countries they back: below).
    dach = limits_of("We don't do pre-seed or seed. DACH-headquartered companies only.")
    assert not dach.excluded and not dach.only and dach.regions == {"DE", "AT", "CH"}
    assert not limits_of("I invest only in things I understand: factories, logistics.")


def test_a_company_s_sectors_are_what_it_makes_not_what_it_serves() -> None:
    edge = Profile(
        id="m",
        name="M",
        headline="Founder, Tracelight — open-source observability for edge devices (pre-seed)",
    )
    assert "hardware" not in sectors(edge)
    cold = Profile(id="k", name="K", headline="CEO, Serin Solar — solar-powered cold rooms")
    assert "hardware" in sectors(cold)
    # A need about one's own company says what it is; other needs say what it seeks.
    brand = Profile(
        id="c",
        name="C",
        headline="Founder, Olivar de la Sierra — regenerative olive oil, sold direct",
        looking_for=["Investors for our D2C olive oil brand", "hardware engineers"],
    )
    assert sectors(brand) == {"consumer", "food"}
    # What a company says it does not do is not its sector.
    assert "hardware" not in sectors(
        Profile(id="s", name="S", headline="Payroll SaaS", about="We don't build hardware.")
    )


def test_only_a_sector_rules_out_companies_in_known_other_sectors() -> None:
    software_only = Limits(only=frozenset({"software"}))
    assert rules_out(software_only, frozenset({"hardware"}))
    assert not rules_out(software_only, frozenset({"hardware", "software"}))
    assert not rules_out(software_only, frozenset())  # nothing known: nothing ruled out
    assert rules_out(Limits(frozenset({"consumer"})), frozenset({"consumer", "software"}))


def test_an_investor_s_tickets_do_not_meet_a_round_in_a_sector_they_rule_out(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    blind13 = quality_event("blind13")
    # "No invertim en marques de consum (CPG)": not the D2C olive-oil brand's investor,
    # and the brand's round is not the startup she looks for.
    assert not met(blind13, "carmen-ruiz", "marta-puig")
    assert not met(blind13, "marta-puig", "carmen-ruiz")
    # "ausschließlich Software – keine Hardware": not a cold-room maker's Series A.
    assert not met(blind13, "kerem-aydin", "daniel-kessler")
    blind8 = quality_event("blind8")
    # "nicht in Software-only-Geschäftsmodelle": not a software-first Series B; the
    # growth fund backing B2B software is.
    assert not met(blind8, "tomas-vaitkus", "maximilian-braun")
    assert met(blind8, "tomas-vaitkus", "david-cohen")
    # "We don't do Class III devices or pharma" leaves a class IIa device in.
    assert met(quality_event("blind6"), "kwame-asante", "elena-popescu")


def test_the_verticals_an_investor_s_search_names_are_its_focus() -> None:
    angel = Profile(id="p", name="P", headline="Angel investor", about="Not for me: hardware.")
    fintech = limits(angel, searches=("pre-seed and seed fintech or insurtech founders",))
    assert fintech.focus == {"fintech", "insurtech"} and fintech.excluded == {"hardware"}
    games = limits(angel, searches=("spółki pre-seed/seed: gry i narzędzia AI — CEE + UK",))
    assert games.focus == {"games", "ai"}
    assert games.regions >= {"PL", "CZ", "UK"} and "IT" not in games.regions
    # A country preferred is no limit; a sector backed only overrides a search's focus.
    assert not limits(angel, searches=("founders in consumer health, esp. Hungarian",)).regions
    only = Profile(id="o", name="O", headline="Angel", about="Medical devices only.")
    assert not limits(only, searches=("seed fintech founders",)).focus


def test_a_company_outside_an_investor_s_focus_is_ruled_out_only_by_its_known_field() -> None:
    games_and_ai = Limits(focus=frozenset({"games", "ai"}))
    assert rules_out(games_and_ai, frozenset({"food", "in:IT"}))
    assert not rules_out(games_and_ai, frozenset({"games", "software"}))
    assert not rules_out(games_and_ai, frozenset({"software"}))  # no field known
    # AI is a way of working, in any field: a climate fund's focus keeps an AI startup.
    assert not rules_out(Limits(focus=frozenset({"climate"})), frozenset({"ai"}))
    # A search for "fintech and B2B SaaS companies" keeps a proptech SaaS.
    fintech_or_saas = Limits(focus=frozenset({"fintech", "software"}))
    assert not rules_out(fintech_or_saas, frozenset({"real estate", "software"}))
    # A vertical inside a broader one: medical devices are health; buildings, climate.
    assert not rules_out(Limits(only=frozenset({"medtech"})), frozenset({"health"}))
    assert not rules_out(Limits(focus=frozenset({"climate"})), frozenset({"construction"}))
    # "Software only" says nothing of a company known only by its field.
    assert not rules_out(Limits(only=frozenset({"software"})), frozenset({"fintech"}))


def test_an_investor_s_search_meets_no_round_outside_its_focus(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind16 = quality_event("blind16")
    # Tomasz's fund seeks "spółki pre-seed/seed: gry i narzędzia AI — CEE + UK"; an
    # Italian upcycled-food company's seed round is neither his field nor his region.
    assert not met(blind16, "marco-ferrari", "tomasz-nowak")
    assert not met(blind16, "tomasz-nowak", "marco-ferrari")
    # Katharina seeks "pre-seed founders in AI infra / devtools": not a neobank's round.
    assert not met(quality_event("blind12"), "luca-moretti", "katharina-moser")
    blind10 = quality_event("blind10")
    # Pieter seeks fintech or insurtech founders: not an LLM-evals startup.
    assert not met(blind10, "pieter-van-dam", "priya-raman")
    # A climate fund's search meets a built-environment energy-software company's round.
    assert met(blind10, "grace-thompson", "femke-jansen")
    # A medical-devices-only angel still meets a device maker that says "health".
    assert met(quality_event("blind11"), "sarah-cohen", "jean-marc-aubert")


def test_a_german_investor_s_limits() -> None:
    fund = Profile(
        id="f",
        name="F",
        headline="Partner, Alpine Seed — B2B software",
        offering=["tickets €200–500k"],
        about="Keine Hardware, kein Krypto.",
    )
    assert limits(fund).excluded == {"hardware", "crypto"}


def test_the_countries_an_investor_backs_only_are_read_as_a_limit() -> None:
    assert limits_of("Tickets 25–75 k€ (nur Österreich und Bayern)").regions == {"AT", "DE"}
    assert limits_of("angel tickets €25–100k (SLO/HR founders only)").regions == {"SI", "HR"}
    assert limits_of("Nous n'investissons qu'au Maroc.").regions == {"MA"}
    assert limits_of("We invest only in Ireland & UK climate companies").regions == {"IE", "UK"}
    assert limits_of("DACH only, pre-seed").regions == {"DE", "AT", "CH"}
    assert limits_of("Angel tickets €25k–€75k (Greece & Cyprus only)").regions == {"GR", "CY"}
    # Places in their own scripts: a Bulgarian startup is placed in Bulgaria.
    assert countries("Основател @ SeaHome, регистрирана в България") == {"BG"}
    assert countries("Άγγελος επενδυτής, Λεμεσός") == {"CY"}
    # A place with no "only" is where they are; Europe or the world limits nothing.
    assert not limits_of("Angel based in Vienna, tickets €25k").regions
    assert not limits_of("We invest only in B2B software across Europe and the US").regions
    # A code that is also a trade is a place only in an investor's limit.
    assert countries("HR tech, IT security") == frozenset()
    assert countries("SLO/HR founders only", codes=True) == {"SI", "HR"}


def test_a_company_is_placed_by_its_headline_company_organisations_and_bio() -> None:
    lyon = Profile(id="c", name="C", headline="CEO @ Météorisk", about="Basée à Lyon.")
    assert "in:FR" in sectors(lyon)
    brno = Profile(id="b", name="B", headline="Zakladatel BalanceVR", organizations=["VUT Brno"])
    assert "in:CZ" in sectors(brno)
    # Languages one speaks place nobody: "English" names no country.
    assert sectors(Profile(id="e", name="E", about="I speak English.")) == frozenset()


def test_a_country_limit_rules_out_only_companies_placed_elsewhere() -> None:
    dach = Limits(regions=frozenset({"DE", "AT", "CH"}))
    assert rules_out(dach, frozenset({"in:IT"}))
    assert not rules_out(dach, frozenset({"in:IT", "in:AT"}))  # Milan and Vienna
    assert not rules_out(dach, frozenset({"software"}))  # placed nowhere: not ruled out
    # A place is no sector: "software only" still needs a known sector to rule out.
    assert not rules_out(Limits(only=frozenset({"software"})), frozenset({"in:FR"}))


def test_an_investor_who_backs_one_country_only_does_not_meet_a_round_elsewhere(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    blind13 = quality_event("blind13")
    # "Nous n'investissons qu'au Maroc": not an Italian hotel-greywater startup's seed.
    assert not met(blind13, "lorenzo-ferri", "karim-el-idrissi")
    assert not met(blind13, "karim-el-idrissi", "lorenzo-ferri")


def test_a_region_s_acronym_is_read_only_in_capitals() -> None:
    assert countries("Seed tickets, SEE and CEE founders") >= {"RS", "PL"}
    assert not limits_of("I only invest where I can see traction").regions
    assert not countries("Wir bauen ein Dach für Startups")


def test_revenue_is_read_yearly_and_a_minimum_only_where_it_is_marked_so() -> None:
    assert revenues("Bootstrapped, 38 gyms in CZ/SK, €8k MRR.") == ((96_000.0, False),)
    assert revenues("2026: 2,6 Mio. CHF Umsatz, EBITDA-positiv") == ((2_600_000.0, False),)
    assert revenues("€420k ARR, growing 9% month on month.") == ((420_000.0, False),)
    assert revenues("revenue-based financing €100k–1M") == ()  # a loan's size, no revenue
    assert limits_of("revenue-based financing €100k–1M (min. €50k MRR)").min_revenue == 600_000
    assert limits_of("companies with >€2M revenue").min_revenue == 2_000_000
    assert limits_of("Wir investieren in Series A erst ab €1 Mio. ARR").min_revenue == 1_000_000
    assert limits_of("We never lend pre-revenue, it's a regulatory thing.").min_revenue == 1
    assert not limits_of("Our portfolio companies make €40M revenue together.").min_revenue


def test_a_minimum_revenue_rules_out_only_companies_known_to_make_less() -> None:
    lender = Limits(min_revenue=600_000)
    assert rules_out(lender, frozenset({"revenue:96000"}))
    assert not rules_out(lender, frozenset({"revenue:1300000"}))
    assert not rules_out(lender, frozenset({"software"}))  # revenue unknown
    pre = Profile(id="p", name="P", headline="Founder", about="Pre-revenue, CE marking in 2028.")
    assert "revenue:0" in sectors(pre)
    # "We do not finance pre-revenue companies" says nothing of the lender's own revenue.
    lender_bio = Profile(id="l", name="L", about="We do not finance pre-revenue companies.")
    assert not {s for s in sectors(lender_bio) if s.startswith("revenue:")}


def test_an_investor_s_or_a_lender_s_minimum_revenue_keeps_smaller_rounds_out(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    blind13 = quality_event("blind13")
    # "Series A erst ab €1 Mio. ARR": not Taula at €420k ARR; Wattsea at €1.3M ARR stays.
    assert not met(blind13, "sergi-roca", "daniel-kessler")
    assert met(blind13, "lucas-moreau", "daniel-kessler")
    # A lender (no investor's headline) at "min. €50k MRR": not Cruxly at €8k MRR; the
    # e-cargo bike fleet's asset-backed debt stays.
    blind14 = quality_event("blind14")
    assert not met(blind14, "petra-novotna", "nenad-jovanovic")
    assert met(blind14, "jonas-weber", "nenad-jovanovic")


def test_an_investor_s_rounds_to_lead_are_its_deal_flow_not_a_round_it_raises(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    blind15 = quality_event("blind15")
    # Katrin (Partner @ Isarwerk Ventures) seeks "seed rounds €1–4M where we can lead":
    # other people's rounds. Read as her own round, it met a lender's search for
    # companies to lend to, a patent attorney's search for startups before their seed,
    # and another fund's tickets.
    assert not met(blind15, "ruth-adler", "katrin-vogel")
    assert not met(blind15, "andreas-frank", "katrin-vogel")
    assert not met(blind15, "katrin-vogel", "lotte-jansen")
    # A founder raising a seed round is one she seeks.
    assert met(blind15, "katrin-vogel", "lena-hoffmann")


def test_a_company_sits_where_it_says_it_sits_not_in_the_markets_it_enters(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    assert seat("Empresa con sede en Valencia. Queremos entrar en Alemania.") == {"ES"}
    assert seat("11 clienti in Italia, sede a Milano. Vogliamo entrare in Germania.") == {"IT"}
    assert seat("Based in Zagreb, often in Vienna.") == {"HR"}
    assert seat("Vienna-based FlexCo since 2026.") == seat("HQ Vienna.") == {"AT"}
    assert seat("We move to Munich later.") == frozenset()  # says no seat
    # blind15: Presa Robotics sits in Milan and wants to enter Germany; an angel who
    # invests only in Austria and Bavaria does not meet its round.
    blind15 = quality_event("blind15")
    assert not met(blind15, "ilaria-bellini", "christine-pichler")


def test_a_lender_s_search_for_companies_is_its_deal_flow_and_no_equity(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind9 = quality_event("blind9")
    # Seán (Head of Venture Debt) seeks "VC-backed tech companies looking for
    # non-dilutive runway": companies to lend to, not a grant he needs; an enterprise
    # agency's feasibility grants do not meet it.
    assert not met(blind9, "sean-fitzgerald", "rachel-obrien")
    # Nor does his search meet a founder's equity round: he lends, he buys no shares.
    assert not met(blind9, "ravi-menon", "sean-fitzgerald")
    assert met(blind9, "ravi-menon", "brian-mcgrath")  # an angel's cheques do


def test_an_investor_s_search_meets_only_rounds_its_tickets_fit(quality_event) -> None:  # type: ignore[no-untyped-def]
    assert stage("€5–20m tickets, lead or co-lead, series a and b") == stage("series a/b")
    blind15 = quality_event("blind15")
    # Felix raises €50–100k from an angel in Austria or Bavaria. Lotte's fund writes
    # €250k–1.5M tickets: her search for agritech startups does not meet his round.
    # Christine's €25–75k tickets (Austria and Bavaria only) do.
    assert not met(blind15, "felix-aigner", "lotte-jansen")
    assert met(blind15, "felix-aigner", "christine-pichler")
    # blind6: Rui writes €25–75k angel cheques; a founder's €2.5M seed lead is no round
    # his search for founders raising pre-seed or seed meets.
    assert not met(quality_event("blind6"), "rui-matos", "kwame-asante")


def test_a_requirement_names_the_countries_an_investor_backs_without_an_only() -> None:
    """blind18: an angel syndicate's "Criteria: ..., company incorporated in Italy or
    Switzerland" and a regional fund's "Requisito non negoziabile: sede legale o unità
    operativa in Lombardia" limit where they invest, though neither says "only"."""
    criteria = "Criteria: one female founder, company incorporated in Italy or Switzerland."
    assert limits_of(criteria).regions == {"IT", "CH"}
    requisite = "Requisito non negoziabile: sede legale o unità operativa in Lombardia."
    assert limits_of(requisite).regions == {"IT"}
    # Where a fund has its offices is no requirement; the EU names no country.
    assert not limits_of("Fund II (€120M), offices in Munich and Milan.").regions
    assert not limits_of("Companies must be registered in the EU.").regions
    # Regions and smaller cities place someone in their country.
    assert countries("Lombardia") == countries("Bergamo") == countries("Toscana") == {"IT"}
    assert countries("Nordrhein-Westfalen") == {"DE"}
    assert countries("Île-de-France") == {"FR"}


def test_a_monthly_revenue_minimum_and_a_lender_who_cannot_fund_pre_revenue() -> None:
    lender = "Minimum €25k monthly revenue and 12 months of trading history."
    assert limits_of(lender).min_revenue == 300_000
    assert limits_of("We can't fund pre-revenue companies.").min_revenue == 1
    assert limits_of("We cannot finance pre-revenue startups.").min_revenue == 1


def test_a_syndicate_s_criteria_and_a_lender_s_minimum_keep_rounds_out(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind18 = quality_event("blind18")
    # Trama Angels back pre-seed and seed companies incorporated in Italy or
    # Switzerland: not a Madrid Series A (its "network of 90 women angels" was offered).
    assert not met(blind18, "lucia-romero", "beatrice-monti")
    # Flowcap lends from €25k monthly revenue: not Loopcart at about €6k MRR.
    assert not met(blind18, "sara-okafor", "nina-hofmann")


def test_a_building_sector_is_buildings_not_building_something() -> None:
    """blind6: "technical founders building dev tools or infra" read as a search for
    construction companies."""
    assert searched(("technical founders building dev tools or infra (pre-seed/seed)",))[0] == {
        "devtools"
    }
    assert "construction" not in sectors(
        Profile(id="a", name="A", headline="We are building an app for nurses")
    )
    assert "construction" in sectors(Profile(id="b", name="B", headline="Smart building sensors"))


def test_a_company_is_placed_neither_where_it_expands_nor_seeks_nor_by_languages_spoken(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """blind18: a Paris repair start-up that "opens Italy in 2027", seeks artisans in
    Milan and speaks Italian was placed in Italy, and met a Lombardy-only fund."""
    assert home("Team of 28 in London, now moving into Italy, opening Milan in Q1.") == {"UK"}
    paris = "HEC Paris. On ouvre l'Italie en 2027 — nous cherchons des artisans à Milan."
    assert home(paris + " Je parle italien.") == {"FR"}
    assert home("23 marcas en España y Francia. Queremos abrir Italia en 2027.") == {"ES", "FR"}
    assert home("I speak Italian and German.") == frozenset()
    blind18 = quality_event("blind18")
    assert not met(blind18, "paolo-brambilla", "amelie-durand")
    assert not met(blind18, "amelie-durand", "paolo-brambilla")


def test_a_turkish_seat_and_an_out_of_scope_list_are_read() -> None:
    """blind18: an Italy-only angel who rules out biotech met an Istanbul biotech that
    wants to spend months in Milan; a corporate VC's "Out of scope: medtech, ...,
    crypto/NFT" was read as nothing."""
    assert seat("Şirket İstanbul'da kayıtlı ve merkezimiz orada kalacak.") == {"TR"}
    assert seat("İzmir merkezli bir girişim") == {"TR"}
    assert countries("İstanbul") == {"TR"}
    assert limits_of("Out of scope: medtech, fast fashion, crypto/NFT.").excluded == {
        "medtech",
        "crypto",
    }
    assert limits_of("Medtech is out of scope for us.").excluded == {"medtech"}


def test_an_investor_who_never_leads_meets_no_lead_sought() -> None:
    follows = "We never lead; we co-invest alongside a financial lead and don't take board seats."
    assert limits_of(follows).follows
    assert limits_of("We don't do seed and we don't lead equity rounds.").follows
    # One who leads up to a size, or leads, is no follower.
    assert not limits_of("We follow, we don't lead rounds above €2M.").follows
    assert not limits_of("co-investors (we never lead above €2M)").follows
    assert not limits_of("We lead seed rounds up to €2M.").follows
    assert seeks_lead("series a lead (€4m)")
    assert seeks_lead("series a of 5 m€ — looking for fondo that lidere")
    # A round that has its lead, or takes a co-investor as well, asks for no lead.
    assert not seeks_lead("€1.2m seed (we have a lead for half)")
    assert not seeks_lead("seed round €2.5m — angels welcome alongside a lead")
    assert not seeks_lead("series a of 3 m€ — lead or co investor stratégique")


def test_a_corporate_vc_that_never_leads_is_not_offered_for_a_lead(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind18 = quality_event("blind18")
    lead = "Serie A de 5 M€ — buscamos fondo que lidere"
    assert not any(n == lead for n, _ in met(blind18, "lucia-romero", "alessandro-ricci"))
    # A Series A fund that leads meets it; Amélie's "lead or strategic co-investor"
    # still meets his tickets.
    assert any(n == lead for n, _ in met(blind18, "lucia-romero", "claire-dumont"))
    assert any(
        o == "minority tickets €1–5M (Series A–B)"
        for _, o in met(blind18, "amelie-durand", "alessandro-ricci")
    )


def test_limits_said_in_czech_slovak_and_hungarian_are_read() -> None:
    """blind19: a Slovak seed fund "investujeme len do softvéru (žiadny hardvér, žiadne
    biotech)" met a heat-pump maker; a Czech agency's grants "jen firmy se sídlem v ČR".
    Their words "only" and "no" are read as the glossary leaves them."""
    software = limits_of("investujeme len until software (žiadny hardware, žiadne biotech)")
    assert software.only == {"software"} and software.excluded == {"hardware", "biotech"}
    assert limits_of("csak software, nem hardware").excluded == {"hardware"}
    assert limits_of("dotace na VaV (jen firmy se sídlem v Czech Republic)").regions == {"CZ"}


def test_a_fund_seeking_companies_that_already_have_a_lead_is_a_follower(quality_event) -> None:  # type: ignore[no-untyped-def]
    assert limits_of("Co-investície €150–400k (nikdy nevedieme kolo)").follows
    assert limits_of("seed startups that already have a lead investor").follows
    assert limits_of("seed startupy z CZ, SK, PL a HU, ktoré už majú lead investora").follows
    assert not limits_of("Wir führen Seed-Runden, Tickets bis €2M").follows
    blind19 = quality_event("blind19")
    # Leila still seeks her seed lead: the co-investor's search is not met by her round,
    # whichever of her goals would be quoted.
    assert not met(blind19, "katarina-mikulova", "leila-haddad")
    # A software-only fund is offered to no heat-pump maker's seed round.
    assert not met(blind19, "petra-svobodova", "katarina-mikulova")


def test_a_czech_fund_s_stages_region_and_a_czech_agency_s_grants_are_read(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind19: a Czech corporate VC's "investice 0,5–3 mil. € (seed až série A)" was
    read as Series A only and its "Region: Česko a Slovensko" as no limit, so a Czech
    heat-pump maker's seed round was not met and a Slovenian one was; "rada k dotacím"
    (advice on subsidies) was read as grants offered for R&D grants sought."""
    assert stage("seed up to series a") == stage("seed–series a") == stage("seed, series a")
    assert limits_of("Region: Czech Republic and Slovensko.").regions == {"CZ", "SK"}
    blind19 = quality_event("blind19")
    seed = "investor do seed kola (cca 25 mil. Kč), ideálně strategický z energetiky"
    assert seed in {n for n, _ in met(blind19, "petra-svobodova", "pavel-dostal")}
    assert not met(blind19, "ziga-kovac", "pavel-dostal")
    assert "R&D grants" in {n for n, _ in met(blind19, "ondrej-kral", "ivana-markova")}
    assert "R&D grants" not in {n for n, _ in met(blind19, "ondrej-kral", "petra-svobodova")}


def test_a_nordic_investor_s_limits(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind20: a Danish angel's "Jeg leder ikke runder ... kun selskaber med hovedsæde i
    Danmark eller Sverige" and a Swedish one's "jag investerar bara i bolag registrerade
    i Skåne" limited nothing: the words of "only", "not", a seat and Skåne were unread."""
    danish = limits_of(
        "Jeg leder ikke runder – der skal være en lead investor på plads. "
        "Ingen ren software, og kun selskaber med hovedsæde i Danmark eller Sverige."
    )
    assert danish.follows and danish.regions == {"DK", "SE"}
    assert limits_of("Medtech-virksomheder med en lead investor på plads").follows
    assert not limits_of("Vi leder gerne runden").follows
    swedish = limits_of("Ingen hårdvara, och jag investerar bara i bolag registrerade i Skåne")
    assert swedish.regions == {"SE"} and swedish.excluded == {"hardware"}
    assert limits_of("Sijoitamme vain suomalaisiin yrityksiin").regions == {"FI"}
    blind20 = quality_event("blind20")
    # A Copenhagen start-up's pre-seed is not met by the Skåne-only angel's tickets.
    assert not met(blind20, "maja-kristensen", "erik-holm")


def test_a_moldovan_investor_s_limits(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind21: a Chișinău angel's "investiții 10.000–50.000 EUR (doar companii din RM)"
    and "Investesc exclusiv în companii înregistrate în Republica Moldova" limited
    nothing: Moldova, "RM", "doar", "exclusiv" and "înregistrate" were unread, so his
    tickets were offered to a Romanian SRL's pre-seed round."""
    assert limits_of("investiții 10.000–50.000 EUR (doar companii din RM)").regions == {"MD"}
    bio = "Investesc exclusiv în companii înregistrate în Republica Moldova."
    assert limits_of(bio).regions == {"MD"}
    assert limits_of("Nu investim în biotech sau hardware.").excluded == {"biotech", "hardware"}
    # Danish "nu" is "now": "investerer nu egne penge i ... medtech" excludes nothing.
    assert not limits_of("Jeg investerer nu egne penge i danske medtech-startups").excluded
    assert countries("SRL registered in Bistrița") == {"RO"}
    blind21 = quality_event("blind21")
    assert not met(blind21, "larisa-cretu", "victor-ceban")
    assert met(blind21, "natalia-rotaru", "victor-ceban")  # a Moldovan winery's round


def test_hydrogen_mobility_and_biomass_are_sectors_an_investor_excludes(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind21, blind22: a climate VC who writes "we don't invest in biomass combustion"
    was offered for a pellet line's raise, and one who writes "No invertim en mobilitat
    d'hidrogen (camions, autobusos, hidrogeneres)" for a hydrogen retrofit of terminal
    tractors; hydrogen made for industry stays in."""
    assert limits_of("we don't invest in biomass combustion").excluded == {"biomass"}
    catalan = "No invertim en mobilitat d'hidrogen (camions, autobusos, hidrogeneres)"
    assert limits_of(catalan).excluded == {"hydrogen mobility"}
    tractors = Profile(
        id="h",
        name="H",
        headline="Founder H2Port — hydrogen fuel-cell retrofit for terminal tractors",
    )
    assert "hydrogen mobility" in sectors(tractors)
    electrolysers = Profile(
        id="e", name="E", headline="Green hydrogen for steel reheating furnaces"
    )
    assert "hydrogen mobility" not in sectors(electrolysers)
    pellets = Profile(id="p", name="P", headline="Founder — ENplus A1 pellets from sawmill waste")
    assert "biomass" in sectors(pellets)
    assert not met(quality_event("blind21"), "ciprian-nemes", "elena-vasilescu")
    blind22 = quality_event("blind22")
    assert not met(blind22, "pablo-ruiz", "clara-montserrat-i-vidal")


def test_space_drones_defence_and_aviation_fuels_are_sectors_investors_name(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind24: a space seed fund ("startup spaziali in fase seed"), a drones-and-agritech
    fund, a SAF and e-fuels lead and a dual-use fund were offered to companies outside
    their searches: a U-space drone-traffic firm, a cubesat maker, a hydrogen powertrain
    for regional aircraft. A German family office "übernimmt nie den Lead", and a fund
    that backs only companies with "mínimo 300k€ de ingresos" read no minimum."""
    assert limits_of("Wir übernehmen grundsätzlich nie den Lead.").follows
    assert limits_of("Solo compañías con mínimo 300k€ de ingresos recurrentes.").min_revenue == (
        300_000
    )
    assert limits_of("SAF and pure software are not our topic.").excluded == {
        "aviation fuels",
        "software-only",
    }
    forest = Profile(id="f", name="F", headline="Latvus — forest inventory from satellite + lidar")
    thrusters = Profile(id="t", name="T", headline="Orbitale — green thrusters for microsatellites")
    assert "space" not in sectors(forest) and "space" in sectors(thrusters)
    assert "space" not in sectors(Profile(id="u", name="U", headline="U-space traffic for drones"))
    blind24 = quality_event("blind24")
    assert not met(blind24, "pau-serra", "elena-ruiz")  # drones and agritech only
    assert not met(blind24, "wiktoria-nowak", "giulia-ferraro")  # U-space is no space
    assert ("inversor seed ~1 M€", "ticket seed 300k–1,5M€") in met(
        blind24, "pau-serra", "giulia-ferraro"
    )
    assert not met(blind24, "lukas-weber", "joost-van-dijk")  # SAF and e-fuels only
    assert not met(blind24, "thomas-girard", "lukas-weber")  # dual-use only
    # "SAF-producenten die een Series A ophalen": producers raising, met by a SAF round.
    assert (
        "SAF-producenten die een Series A ophalen",
        "Series A lead (€6M) for our demo plant",
    ) in met(blind24, "joost-van-dijk", "amelie-garric")


def test_games_of_one_kind_excluded_are_not_all_games() -> None:
    """blind25: a games fund's "we don't finance mobile F2P nor games with loot boxes"
    (in Polish) was read as excluding games, so it met no game studio's round, while
    the gacha studio it rules out was met by another fund that says the same in
    Hungarian."""
    polish = "Nie finansujemy mobile F2P ani gier z loot boxami czy innymi mikropłatnościami."
    assert limits_of(polish).excluded == {"gacha"}
    hungarian = (
        "Csak játék és interaktív szórakoztatás, más szektor nem. Amit soha nem "
        "finanszírozunk: loot boxos vagy gacha mechanikára épülő játékok."
    )
    assert limits_of(hungarian).excluded == {"gacha"}
    assert limits_of(hungarian).only == {"games"}
    gacha = Profile(
        id="g", name="G", headline="CEO @ Gachapolis Games — mobile F2P",
        about="A mobile F2P RPG with gacha banners and loot chests.",
    )  # fmt: skip
    premium = Profile(id="p", name="P", headline="Co-founder, Ködfény Studio (narrative PC game)")
    assert rules_out(limits_of(polish), sectors(gacha))
    assert not rules_out(limits_of(polish), sectors(premium))
    assert limits_of("No games with microtransactions.").excluded == {"gacha"}


def test_a_mandate_said_outside_and_healthy_numbers_are_read_as_they_are() -> None:
    """blind25: "Consumer VR games and fitness apps are outside our mandate" excluded
    nothing, and a creator-economy fund's "healthy net revenue retention" after "no
    pre-revenue companies" excluded health."""
    xr = "We back B2B XR only. Consumer VR games and fitness apps are outside our mandate."
    assert limits_of(xr).excluded == {"consumer", "games"}
    traction = "No pre-revenue companies, ideally €1m+ ARR with healthy net revenue retention."
    assert "health" not in limits_of(traction).excluded
    assert limits_of("No health or biotech.").excluded == {"health", "biotech"}


def test_an_investor_known_by_the_tickets_they_offer_backs_the_rounds_they_seek(
    quality_event,  # type: ignore[no-untyped-def]
    real_encoder,
) -> None:
    """blind25: a film-tech fund whose headline says no "invest" ("Partner chez Lumière
    Tech Partners – Série A") looking for "SaaS B2B pour la production/post-production
    en Série A" read as a founder raising a Series A: another fund's tickets met it,
    and the other fund's search for deals met it as a round. Both were rejected."""
    event = quality_event("blind25")
    assert not met(event, "julien-moreau", "catherine-doyle")
    assert not met(event, "catherine-doyle", "julien-moreau")
    # A Series B founder's "angel checks occasionally (€10–25k)" are not at his
    # company's stage: they still meet a pre-seed round (blind17). The pair is read on
    # its own: on the founder's list a Greek angel's larger tickets meet the round
    # better, and a card leaves a need met less well than elsewhere on the list unsaid.
    people = {p.id: p for p in human_set.load_set("blind17").profiles}
    cg = Matcher(encoder=real_encoder).common_ground(
        people["alex-morgan"], people["tasos-michailidis"], population=list(people.values())
    )
    assert ("pre-seed $500k", "angel checks occasionally (€10–25k)") in {
        (c.need, c.offer) for c in cg.complements if c.seeker == "a"
    }


def test_a_founder_s_co_investors_sought_are_money_an_angel_s_co_investment_tickets_too(
    quality_event,  # type: ignore[no-untyped-def]
) -> None:
    """blind25: a royalty-accounting founder filling "pre-seed co-investors (€100k, lead
    committed)" and a music-tech angel syndicate offering "Pre-Seed-Tickets 50–150k €
    (Co-Investment)" (it never leads) were two investors' searches for others to invest
    beside, which nothing meets; a planted pair was missed. Once read as money, an
    accelerator's deal met it instead, which its reader rejected."""
    event = quality_event("blind25")
    assert (
        "pre-seed co-investors (€100k, lead committed)",
        "Pre-Seed-Tickets 50–150k € (Co-Investment)",
    ) in met(event, "lena-huber", "markus-brandl")
    # An accelerator's "12-week pre-seed program (€30k for 7%)" joins no round that
    # has its lead, and a round with its lead is no applicant for its cohort.
    assert not met(event, "lena-huber", "nina-kovalenko")
    assert not met(event, "nina-kovalenko", "lena-huber")
    # An angel's co-investing beside funds, naming no tickets, is no money offered
    # (blind6: it met a founder's €2.5M seed lead).
    assert not met(quality_event("blind6"), "rui-matos", "kwame-asante")


def test_whom_an_investor_backs_by_origin_and_no_consulting_are_limits(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind26: a social-impact fund that invests "in companies from the Baltics,
    Poland and Czechia" and does "not fund pure consulting or service businesses" met a
    care consultancy's search for investors ("All our revenue is consulting projects");
    an Estonian angel's "idufirmadesse, mille asutajad on Eestist" (start-ups whose
    founders are from Estonia) and a Latvian lender's "tikai Latvijā reģistrētiem" named
    no country the matcher knew."""
    fund = limits_of(
        "We invest €500k–2M at Series A in companies from the Baltics, Poland and Czechia."
        " Hard no on crypto, and we do not fund pure consulting or service businesses."
    )
    assert fund.regions == {"EE", "LV", "LT", "PL", "CZ"}
    assert fund.excluded == {"crypto", "consulting"}
    assert limits_of("startups whose founders are from Estonia").regions == {"EE"}
    assert limits_of("invest early-stage startups, mille founder is Eestist").regions == {"EE"}
    assert limits_of("funding only Latvijā reģistrētiem komersantiem").regions == {"LV"}
    # "From seed to Series A" names no place.
    assert not limits_of("We back companies from seed to Series A").regions
    for place, code in (("Lietuvoje", "LT"), ("w Polsce", "PL"), ("Rīgā", "LV"), ("Lätis", "LV")):
        assert countries(place, codes=True) == {code}
    assert countries("Baltikum", codes=True) == {"EE", "LV", "LT"}
    assert not met(quality_event("blind26"), "ieva-balode", "ruta-kazlauskiene")


def test_a_focus_named_is_a_region_and_a_service_business_is_consulting(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind27: a Zurich fund's "Seed bis Series A, Fokus DACH und Benelux" and its "keine
    reinen Dienstleistungs- oder Beratungsfirmen" met a Malmö textile co-op's patient
    capital and a Cologne easy-to-read agency that is "a service business and want[s] to
    stay that way" (both rejected)."""
    fund = limits_of(
        "Tickets zwischen CHF 250'000 und 1,5 Mio., Seed bis Series A, Fokus DACH und Benelux."
    )
    assert fund.regions == {"DE", "AT", "CH", "BE", "NL", "LU"}
    assert limits_of("We focus on the Nordics.").regions == {"SE", "NO", "DK", "FI"}
    # A focus anywhere in Europe names no limit.
    assert not limits_of("We focus on Europe.").regions
    agency = Profile(
        id="s",
        name="S",
        headline="Owner, Klar & Einfach – Leichte Sprache translation and testing",
        looking_for=["investment to scale our Leichte Sprache agency"],
        about="I would like to grow, but we are a service business and want to stay that way.",
    )
    assert "consulting" in sectors(agency)
    event = quality_event("blind27")
    assert not met(event, "svenja-koch", "lukas-brandli")
    assert not met(event, "elin-sandberg", "lukas-brandli")


def test_a_grant_maker_s_limits_are_read_and_where_one_cannot_fund_names_a_region(
    quality_event,  # type: ignore[no-untyped-def]
) -> None:
    """blind27: a Flemish recoverable-grant fund's "dealflow: circulaire projecten in
    België en Nederland" was met by a Hungarian edtech start-up's pre-seed round (its
    limits were not read: it offers grants, no investor's money), and a Nordic
    venture-philanthropy fund's "We can't fund outside the Nordics and Baltics" named no
    place. Readers rejected what followed."""
    nordic = limits_of("We can't fund outside the Nordics and Baltics, however good the model is.")
    assert nordic.regions == {"SE", "NO", "DK", "FI", "EE", "LV", "LT"}
    assert limits_of("We do not lend outside Belgium.").regions == {"BE"}
    # Outside a mandate, or outside Europe, names no country funded.
    assert not limits_of("Consumer VR games are outside our mandate.").regions
    assert not limits_of("We never invest outside Europe.").regions
    event = quality_event("blind27")
    assert not met(event, "pieter-claes", "zsofia-nagy")


def test_where_an_investor_says_it_invests_names_the_countries_it_backs(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind29: a Lugano family office writes "Investiamo tra CHF 1 e 5 milioni in aziende
    wealthtech e pension tech in Svizzera, Italia e Lussemburgo" and no "only"; its
    tickets met a Romanian, a Hungarian, a Spanish and a Dutch round (all rejected).
    Where a company sits is read from where its people work ("42 mensen in Utrecht") and
    from a bio that opens with its name and place ("A Számlakapu (Budapest) ..."); and
    countries are named in the events' languages ("Croazia", "Carinzia")."""
    assert limits_of(
        "We invest at seed in agrifood and circular economy in Italy and Austria."
    ).regions == {"IT", "AT"}
    swiss = limits_of(
        "Investiamo tra CHF 1 e 5 milioni in aziende wealthtech e pension tech in Svizzera, "
        "Italia e Lussemburgo, preferibilmente già redditizie."
    )
    assert swiss.regions == {"CH", "IT", "LU"}
    # A portfolio's past, or anywhere, names no limit.
    assert not limits_of("We invested in 40 companies in France and Spain.").regions
    assert not limits_of("We invest globally, with a fit to our operations.").regions
    assert countries("Slovenia, Croazia e Carinzia") == {"SI", "HR", "AT"}
    assert countries("Polonia, Ungheria e Grecia") == {"PL", "HU", "GR"}
    assert seat("€3,5M ARR, 42 people in Utrecht, and we explore Luxembourg") == {"NL"}
    assert seat("CEO . A Számlakapu (Budapest) egyetlen API-n keresztül köti össze") == {"HU"}
    event = quality_event("blind29")
    assert not met(event, "oana-popescu", "giulia-ferretti")
    assert not met(event, "zsofia-kovacs", "giulia-ferretti")
    assert not met(event, "sander-bakker", "giulia-ferretti")
    # A Zagreb start-up's seed round still meets a fund that invests "a seed in ...
    # Slovenia, Croazia e Carinzia" (accepted).
    assert met(quality_event("blind14"), "luka-babic", "marco-ferrari")


def test_cryptography_is_no_crypto_asset() -> None:
    """blind29: a post-quantum start-up's "crypto inventory & crypto-agility for banks"
    and a cryptography group's work were read as crypto, which a seed fund that writes
    "Pas de crypto" excludes."""
    pqc = Profile(
        id="q",
        name="Q",
        headline="Co-founder, Qanat Labs — post-quantum migration: crypto inventory & "
        "crypto-agility for banks",
        offering=["automated cryptographic inventory (CBOM) across apps & network"],
    )
    assert "crypto" not in sectors(pqc)
    wallet = Profile(
        id="w", name="W", headline="Founder, DarujChain – crypto and stablecoin donations"
    )
    assert "crypto" in sectors(wallet)
