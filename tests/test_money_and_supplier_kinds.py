"""Complements rejected on blind4 (issue 16): money of the wrong size or form, and one's
own search quoted as an offer.

- Sums of money both sides name (`matcher.goal_scope.amounts`): a real-estate fund's
  €20–100M tickets are no €1.5M seed round; several €25k–100k angel tickets make a
  €300k round.
- Money for assets ("equity for stabilised residential and office assets") is an asset
  investor's; a loan, even for buildings, is debt: a housing association's 25-year loan
  is met by a lender, not by equity.
- Suppliers sought ("supplier of prefab façade elements for a pilot") are sought,
  whatever the words after the head: no offer of suppliers to another who seeks them.
- Several posts to fill ("3 Stellen", "4 open roles") are a hire, not a job sought: two
  employers hiring are peers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


from complements_met import met  # noqa: E402

from matcher import EventState  # noqa: E402
from matcher.goal_scope import MONEY, amounts, at_own_stage, scope, scope_clash, stage  # noqa: E402
from matcher.goals import KINDS, K, goal_kind  # noqa: E402


def _kind(text: str) -> str:
    return KINDS[goal_kind(text) % K]


def _clash(need: str, offer: str) -> bool:
    return bool(scope_clash(np.array([scope(need)]), np.array([scope(offer)]))[0])


def test_sums_of_money_are_read_with_their_currency_and_scale() -> None:
    assert amounts("seed round (€1.5m)") == amounts("seed funding (1,5 mio. €)") != 0
    assert amounts("grants food strategy (to €15.000)") == amounts("grants €10k–50k") != 0
    assert amounts("seed tickets (€0.5–1.5m)") & amounts("seed round (€1.5m)")
    # Thousands and millions as the other languages write them: "1,8 mil. €" (Czech)
    # was €1.80, "800 tis. EUR" €800.
    assert amounts("seed investor (1,8 mil. €)") == amounts("seed round (€1.8m)")
    assert amounts("seed investice cca 800 tis. eur") == amounts("seed round (€800k)")
    assert amounts("a sorozatú befektetés, 6 millió eur") == amounts("series a (€6m)")
    assert amounts("ronda de 300 mil euros") == amounts("round of €300k")
    # Dutch and Swedish millions: blind10's "seed-ronde van ongeveer €2 miljoen" was €2.
    assert amounts("seed round of about €2 miljoen") == amounts("seed round (€2m)")
    assert amounts("€3 miljoner") == amounts("€3m")
    assert amounts("€500 duizend") == amounts("€500k")
    # The events' own currencies, in euros: blind25's city grant of "max. 5 millió Ft"
    # (about €13k) was five million euros.
    assert amounts("culture funding (max. 5 millió ft)") == amounts("grants up to €13k")
    assert amounts("pilot budget 300k pln") == amounts("pilot budget €69k")
    assert amounts("grant of 2 mil. kč") == amounts("grant of €80k")
    assert amounts("3 miljoner sek") == amounts("€270k")
    # The Nordic scale written into the currency: blind26's "riskkapital 5–8 MSEK"
    # (about €0.5–0.7M) named no sum, so a €2–6M Series A lead's tickets met it.
    assert amounts("riskkapital 5–8 msek") == amounts("€450k–720k") != 0
    assert amounts("500 tkr") == amounts("€45k")
    assert amounts("5 mnkr") == amounts("€450k")
    assert not amounts("riskkapital 5–8 msek") & amounts("lead-investments 2–6 mio. €")
    # Latvian, Lithuanian and Estonian thousands and millions: a state lender's
    # "aizdevumi 100 tūkst. – 5 milj. EUR" named no sum (blind26).
    assert amounts("aizdevumi 100 tūkst. – 5 milj. eur") == amounts("loans €100k–5m") != 0
    assert amounts("10–50 tuhat eurot") == amounts("€10k–50k") != 0
    # No currency, no money: members, megawatts, years.
    assert amounts("citizens investment: 1.400 members") == 0
    assert amounts("large heat pumps (10–20 mw)") == 0
    assert amounts("long-term loans (20-25 years)") == 0


def test_money_a_decade_above_the_round_or_far_below_it_is_no_complement() -> None:
    fund = "equity for stabilised residential and office assets (€20–100m tickets)"
    assert _clash("seed round (€1.5m)", "seed investment, €20–100m tickets")
    assert not _clash("seed round (€1.5m)", "seed tickets (€0.5–1.5m) for companies")
    # Several small tickets make one round: one decade below is fine, two are not.
    assert not _clash("angel investors for pre-seed (€300k)", "angel tickets €25k–100k")
    assert not _clash("seed investors (agtech, €1.2m round)", "seed tickets €250k–1m")
    assert _clash("series b (€30m)", "angel tickets €25k–100k")
    # A sum named on one side only says nothing.
    assert not _clash("seed round (€1.5m)", "seed investment in climate startups")
    assert _kind(fund) == "assets"


def test_a_lead_of_a_named_round_is_met_only_by_money_of_its_size() -> None:
    """The lead of a round writes its largest ticket: a €250k–1M cheque or an investor's
    search that names no sum ("dealflow from CEE", "early teams (first cheque)") leads
    no €4M or €20M round, where it may join one; tickets of the round's size lead it."""
    lead_a, lead_b = "series a lead (€4m)", "lead investor for our b round (~€20m)"
    assert _clash(lead_a, "corporate venture tickets €250k–1m")
    assert not _clash("series a investors (€4m)", "corporate venture tickets €250k–1m")
    assert _clash(lead_a, "early b2b software teams (first cheque)")
    assert _clash(lead_b, "dealflow from cee")
    assert not _clash(lead_a, "series a tickets €3–8m (lead or co-lead)")
    assert not _clash(lead_b, "series b+ tickets €15-40m")
    assert not _clash("seed round €1.2m (lead or co-lead)", "€500k-1.5m seed cheques")
    # Not a lead of money: lead times of a supplier.
    assert not _clash("a heat pump supplier with short lead times", "heat pumps (40–400 kw)")


def test_a_company_s_revenue_is_whom_an_investor_backs_not_the_size_of_a_round() -> None:
    """blind8's planted pair: a growth investor seeking "Series B B2B software companies,
    €5M+ ARR" and a founder raising a €20M Series B once clashed, the revenue read as
    a round of €5M."""
    assert amounts("series b b2b software companies, €5m+ arr, growing >80%") == 0
    assert amounts("growth loans €500k–10m for companies with >€1m revenue") == amounts(
        "growth loans €500k–10m"
    )
    founder = "series b: raising €20m, growth investors with industrial software focus"
    assert not _clash(founder, "series b b2b software companies, €5m+ arr, growing >80%")
    # A sum and more reaches every decade above it; a slash or a dash names two series.
    assert not _clash("series b (€30m)", "fintechs raising series b or later (€20m+)")
    assert _kind("series b/c companies with €10m+ revenue") == "dealflow"
    assert not _clash("investors for our b round (~€20m)", "series a–b saas companies")
    # Sums all under €100k are angel money: no Series B investor's search meets them.
    assert _clash("business angels impact, ticket 20–50 k€", "series b b2b software companies")
    assert not _clash("business angels impact, ticket 20–50 k€", "pre-seed founders in edtech")
    # So is a round under €1M that names no stage (blind10: a €400k bridge was said to
    # meet a Series B fund's and a Series A lead's searches).
    bridge = "angels for a €400k bridge"
    assert _clash(bridge, "series b b2b software companies with €8m+ arr")
    assert _clash(bridge, "series a climate companies with €1m+ arr")
    assert not _clash(bridge, "pre-seed and seed fintech or insurtech founders")
    assert not _clash(
        "pre-seed €300k from angels or early funds", "tickets €25–100k (pre-seed/seed)"
    )


def test_a_sum_for_seed_is_a_seed_round() -> None:
    # blind10: "€1.5M seed from health-focused investors" named no stage, so an
    # accelerator's pre-seed cohort was said to meet a founder past that stage.
    assert _clash(
        "pre-seed climate and health teams for our spring 2027 cohort",
        "€1.5m seed from health-focused investors",
    )
    assert not _clash("seed-stage digital health startups", "€1.5m seed from health investors")
    assert not _clash("pre-seed climate teams", "seed from our own farm")


def test_the_round_raised_now_is_the_stage_sought_not_the_one_planned_for_later() -> None:
    # blind11: "Series A in 2028, seed extension now (€1.5M)" met a Series A fund that
    # does no seed, both ways, and missed the seed funds.
    need = "series a in 2028, seed extension now (€1.5m)"
    assert _clash(need, "series a tickets €3–8m (lead or co-lead)")
    assert not _clash(need, "seed tickets €0.5–2m, climate tech")
    assert _clash("series a deals: industrial deeptech with >€1m revenue", need)
    # Two rounds and no word of time: both are sought.
    assert not _clash("seed or series a (€2m)", "series a tickets €3–8m")


def test_cheques_of_a_sum_and_rounds_led_are_money_and_a_lead_of_a_team_is_a_hire() -> None:
    """blind10: "first cheques €250k–1M, we lead" read as a hire (a lead), so an AI-infra
    seed fund never met an AI-tooling founder's round."""
    assert _kind("first cheques €250k–1m, we lead") == "capital"
    assert _kind("€25-50k angel cheques") == "capital"
    assert _kind("we co-lead rounds up to €2m") == "capital"
    assert _kind("early b2b software teams (first cheque)") == "dealflow"
    assert _kind("design lead") == _kind("lead engineer") == _kind("a tech lead") == "hire"
    assert _kind("lead generation") == "topic"


def test_borrowers_sought_are_a_lender_s_deal_flow_and_a_demo_day_is_no_money() -> None:
    """blind17: a ship bank's "shipowners refinancing eco vessels" read as a round it
    raises, met by a venture lender's and a Series A fund's searches; an accelerator's
    "demo day with 60+ investors" read as money for a founder's seed+ round."""
    assert _kind("shipowners refinancing eco vessels") == "dealflow"
    assert _kind("operators refinancing their fleets") == "dealflow"
    assert _kind("founders raising seed") == "dealflow"
    assert _kind("seed funding for our startup") == "capital"
    assert _kind("demo day with 60+ investors") == "intros"
    assert _kind("a pitch slot at our investor evening") == "intros"


def test_an_investor_s_search_for_companies_is_its_deal_flow_not_suppliers(quality_event) -> None:  # type: ignore[no-untyped-def]
    blind17 = quality_event("blind17")
    # Thomas (Series A fund) seeks "Greek maritime & port software companies": no port
    # customer for a port-software founder, no startups for a fleet's pilots; the
    # founder's Series A is what his search meets.
    assert not met(blind17, "omar-haddad", "thomas-becker")
    assert not met(blind17, "stavros-mavridis", "thomas-becker")
    assert met(blind17, "thomas-becker", "omar-haddad")


def test_a_loan_is_debt_even_for_buildings_and_money_for_assets_is_an_asset_investor_s() -> None:
    assert _kind("long-term loans (20-25 years) for finance building renovation") == "debt"
    assert _kind("senior loans €5–50m for building retrofit portfolios") == "debt"
    assert _kind("long-term capital for farmland acquisitions") == "assets"
    assert _kind("equity for stabilised residential and office assets") == "assets"


def test_suppliers_sought_are_sought_whatever_follows_the_head() -> None:
    assert _kind("supplier of prefab façade elements for a pilot in 2027") == "solution"
    assert _kind("vendors for our pilot") == "solution"
    assert _kind("pilot sites for vendors") == "customers"


def test_several_posts_to_fill_are_a_hire() -> None:
    assert _kind("engineer:innen for heat network planning (3 job, unbefristet)") == "hire"
    assert _kind("hvac commissioning engineers – 4 open roles") == "hire"
    assert _kind("data engineers – 2 positions, python/sql") == "hire"
    assert _kind("a role in 2 startups") == "job"
    assert _kind("a product role, 4 days a week") == "job"


@pytest.fixture(scope="module")
def blind4(quality_event) -> EventState:  # type: ignore[no-untyped-def]
    return quality_event("blind4")  # type: ignore[no-any-return]


def test_blind4_money_of_the_wrong_size_or_form_and_two_searches_are_no_complements(
    blind4: EventState,
) -> None:
    # A real-estate fund's €20–100M equity for a €1.5M seed round, or for an investor.
    for founder in ("felix-brandt", "lea-schmitt", "nadia-haddad"):
        assert not {o for _, o in met(blind4, founder, "william-hart") if "equity" in o}
    # The housing associations' long loans are met by the green bank's loans.
    assert any("loans" in o for _, o in met(blind4, "claire-dubois", "henrik-olsen"))
    assert any("loans" in o for _, o in met(blind4, "frank-mueller", "henrik-olsen"))
    # Sanne seeks a prefab supplier herself; Mareike and Hannah are both hiring.
    assert not met(blind4, "frank-mueller", "sanne-mulder")
    assert not met(blind4, "mareike-schulz", "hannah-fischer")


def test_a_loan_of_the_kind_a_lender_lends_is_met_whatever_the_borrower_s_field(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    # blind10's planted pair: a medtech's "€3M venture debt to extend runway to Series
    # B" and a venture-debt lender; their two fields (medtech, banking) are far apart.
    state = quality_event("blind10")
    assert met(state, "ruben-de-groot", "robert-klein") == {
        (
            "€3M venture debt to extend runway to Series B",
            "venture debt from €1M to €10M, alongside equity",
        )
    }
    # A lawyer explaining convertible loans lends nothing.
    assert not met(state, "ruben-de-groot", "victor-dijkman")
    # blind11: seed loans for deeptech startups are no bank loan for cargo bikes.
    assert not met(quality_event("blind11"), "nicolas-henry", "guillaume-petitjean")


def test_research_funding_sought_is_met_by_a_research_grant(quality_event) -> None:  # type: ignore[no-untyped-def]
    # blind3: a Finnish sensor company's "R&D funding for our next sensor generation"
    # was read as a round, so the public fund's R&D grants met nobody.
    blind3 = quality_event("blind3")
    assert (
        "R&D funding for our next sensor generation",
        "R&D grants and loans for Finnish SMEs (up to 50–70% of project costs)",
    ) in met(blind3, "ville-saarinen", "henrik-nyberg")


def test_pre_seed_written_with_an_accent_is_pre_seed() -> None:
    # blind13: a Portuguese angel's "pré-seed" (headline and search) was read as seed,
    # so once his headline gave his search its stage, a pre-seed founder's round
    # clashed with it.
    assert stage("business angel | mobility and tourism | pré-seed") == stage("pre-seed")
    assert stage("startups pré-seed of mobility or tourism") == stage("pre-seed startups")
    assert not _clash(
        "pre-seed €250k to grow the fleet",
        at_own_stage("startups in mobility or tourism", stage("angel | pré-seed")),
    )


def test_talks_about_money_and_places_sought_for_a_pilot_are_what_they_are() -> None:
    """blind18: a founder's "honest founder talk about hardware-ish fundraising" read as
    money for two rounds; "5 boutiques in Milan for a free pilot" (places sought) as a
    product offered; blind16: a job sought "at a Series A–B company" as deal flow."""
    assert _kind("honest founder talk about hardware-ish fundraising") != "capital"
    assert _kind("lessons on seed fundraising") != "capital"
    assert _kind("5 boutiques in milan for a free pilot") == "customers"
    assert _kind("free 3-month pilot for law firms") == "solution"
    post = "head of product / vp product at a series a–b company (edinburgh or hybrid)"
    assert _kind(post) not in ("capital", "dealflow")
    # "pre-seed/seed" names both stages, whatever follows.
    both = stage("pre-seed or seed")
    assert stage("scottish companies raising pre-seed/seed with first paying customers") == both


def test_an_investor_s_money_offered_without_a_stage_is_at_its_stages() -> None:
    early = stage("pre-seed or seed")
    assert stage(at_own_stage("a network of 90 women angels", early, MONEY)) == early
    assert at_own_stage("pitch coaching", early, MONEY) == "pitch coaching"
    assert at_own_stage("seed tickets €500k", early, MONEY) == "seed tickets €500k"


def test_investors_sought_by_an_investor_and_money_sought_for_clients_are_no_round(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    blind18 = quality_event("blind18")
    # A regional co-investment fund's "investitori privati che guidano round (angel,
    # VC)" seeks investors to invest beside, not Amélie's Series A.
    investors = "investitori privati che guidano round (angel, VC)"
    assert not {need for need, _ in met(blind18, "paolo-brambilla", "amelie-durand")} & {investors}
    assert not {need for need, _ in met(blind18, "paolo-brambilla", "lucia-romero")} & {investors}
    # An accountant's "family offices or investors for clients facing generational
    # handover" is no company raising for a Series A fund or a corporate VC.
    assert not met(blind18, "claire-dumont", "fabio-marini")
    assert not met(blind18, "alessandro-ricci", "fabio-marini")
    assert met(blind18, "claire-dumont", "priya-nair")
    # No talk about fundraising for a seed round.
    assert not met(blind18, "francesca-gatti", "giulia-ferrante")


def test_help_shaping_a_document_for_a_round_is_know_how_not_money(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind19: an idea-stage founder's "help building a financial model for my first
    raise" was read as money sought and offered a Series A lead's €4–10M tickets."""
    assert _kind("help building a financial model for my first raise") == "advice"
    assert _kind("help writing grant applications") == "advice"
    assert _kind("help cleaning messy climate datasets") != "advice"  # the work itself
    blind19 = quality_event("blind19")
    model = "help building a financial model for my first raise"
    assert not {need for need, _ in met(blind19, "sam-oconnor", "helena-brandt")} & {model}
    reviews = "Financial model & fundraising reviews for first-time founders"
    assert (model, reviews) in met(blind19, "sam-oconnor", "peter-lang")


def test_a_freelancer_sought_is_a_hire_and_work_at_a_fixed_fee_a_service(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind19: a founder's "freelance UX researcher for 3 months" and a freelancer's
    "Freelance UX research projects" were two jobs sought (peers); an accountant's
    "bookkeeping & payroll for s.r.o." met no "English-speaking accountant"."""
    assert _kind("freelance ux researcher for 3 months") == "hire"
    assert _kind("unity/ar developers (freelance)") == "hire"
    assert _kind("game artist (freelance or hire)") == "hire"
    assert _kind("freelance ux research projects (2–4 months)") == "job"
    assert _kind("freelance projects") == "job"
    assert _kind("esop set-up for czech s.r.o. (fixed fee)") == "service"
    assert _kind("english-speaking bookkeeping & payroll for s.r.o.") == "service"
    blind19 = quality_event("blind19")
    ux = "freelance UX researcher for 3 months"
    assert ux in {n for n, _ in met(blind19, "nikola-jovanovic", "ines-duarte")}
    accountant = "English-speaking accountant"
    payroll = "English-speaking bookkeeping & payroll for s.r.o."  # its full stop quoted
    assert (accountant, payroll) in met(blind19, "sofie-lindqvist", "milan-hruska")


def test_non_dilutive_capital_is_a_lender_s_and_post_series_a_is_every_later_round(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """blind18, blind19: "non-dilutive growth capital ~€500k (RBF or venture debt)" was
    read as a grant, and a venture-debt fund "for post-Series A companies" as backing
    Series A only, so no Series B company's venture debt met it."""
    assert _kind("non-dilutive growth capital (€3–5m)") == "debt"
    assert _kind("non-dilutive funding / grants for our lisbon pilot") == "grant"
    assert _kind("vc-backed scaleups needing non-dilutive growth capital") == "dealflow"
    assert stage("venture debt for post-series a companies") == stage("series a, series b")
    blind18 = quality_event("blind18")
    rbf = "revenue-based financing €50k–2M"
    assert rbf in {o for _, o in met(blind18, "rocco-esposito", "nina-hofmann")}
    blind19 = quality_event("blind19")
    debt = "Venture debt to extend runway ahead of Series C"
    assert debt in {n for n, _ in met(blind19, "tomas-blaha", "oliver-grant")}


def test_a_founder_s_money_sought_without_a_stage_is_for_the_round_they_raise(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """blind19: a seed founder's "angels with fintech background" met a venture-debt
    fund's search for "VC-backed companies post Series A with €3M+ ARR"; her other goal
    says the round is a seed ("Seed lead investor (€1.5M round)")."""
    blind19 = quality_event("blind19")
    assert not met(blind19, "oliver-grant", "leila-haddad")
    # A company past its Series A still meets it (Docsy, at Series B).
    assert met(blind19, "oliver-grant", "tomas-blaha") or met(
        blind19, "tomas-blaha", "oliver-grant"
    )


def test_a_programmer_sought_is_a_hire(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind19: a studio's "Unity gameplay programmer" read as a topic, so a gameplay
    programmer seeking an indie studio was offered its "Hiring 2D character artist"."""
    assert _kind("unity gameplay programmer") == "hire"
    assert _kind("tools programmer (mid/senior)") == "hire"
    blind19 = quality_event("blind19")
    job = "praca jako gameplay programmer w studiu indie"
    assert ("Unity gameplay programmer", job) in met(blind19, "tereza-holubova", "krzysztof-wojcik")
    assert "Hiring 2D character artist" not in {
        o for _, o in met(blind19, "krzysztof-wojcik", "tereza-holubova")
    }
