"""Offers made *for* startups, and room to work (issue 16, complements).

- "<something> for early-stage startups / founders / teams" is what its head is: a
  brand studio's "brand & visual identity for early-stage startups" is a service, an
  accountant's "accounting for SaaS & startups" know-how, an angel's "seed tickets for
  pre-seed founders" money. Read as a search for startups (deal flow), such offers met
  no need at all: blind6's founder looking for "brand identity before launch" and the
  accountant "who understands SaaS + NHR/IFICI" were never introduced.
- Desks, office or lab space are room to work: they meet a need for room, never a
  wish for advice or for side projects in the same field.
- A search for startups to pilot with is met by a startup or a company with a product,
  not by someone who serves startups.
"""

from __future__ import annotations

import pytest
from complements_met import met

from matcher import EventState
from matcher.goals import KINDS, K, goal_kind
from matcher.normalise import normalise_goal
from matcher.roles import phrase_roles


def _kind(text: str) -> str:
    return KINDS[goal_kind(normalise_goal(text)) % K]


@pytest.mark.parametrize(
    ("offer", "kind"),
    [
        ("seed tickets for early-stage startups", "capital"),
        ("angel cheques €25-75k for pre-seed B2B SaaS founders", "capital"),
        ("brand & visual identity for early-stage startups (fixed price)", "topic"),
        ("accounting for SaaS & startups in Portugal", "topic"),
        ("ESOP / vesting setup for early teams", "topic"),
        ("free first session for solo founders", "topic"),
        ("desks for early-stage climate teams", "space"),
        ("lab space for 6 months", "space"),
    ],
)
def test_something_for_startups_is_what_its_head_is(offer: str, kind: str) -> None:
    assert _kind(offer) == kind


@pytest.mark.parametrize(
    ("goal", "kind"),
    [
        # An investor's search for companies stays deal flow.
        ("seed-stage climate startups", "dealflow"),
        ("founders raising pre-seed", "dealflow"),
        ("early-stage startups to invest in", "dealflow"),
        ("startups for our accelerator programme", "founders"),
        # Desks of a help desk or a newsroom are no room to work.
        ("help desk software", "solution"),
        # Firms named by their trade are firms to work with, met by such a firm.
        ("carpentry firms in France building vertical extensions", "partners"),
    ],
)
def test_searches_for_startups_and_other_desks_keep_their_kind(goal: str, kind: str) -> None:
    assert _kind(goal) == kind


def test_startups_to_pilot_with_are_met_by_a_company() -> None:
    need_roles, _ = phrase_roles(normalise_goal("fintech startups to pilot with our SME clients"))
    assert {role for role, _ in need_roles} == {"founder", "company"}


@pytest.fixture(scope="module")
def blind6(quality_event) -> EventState:  # type: ignore[no-untyped-def]
    return quality_event("blind6")  # type: ignore[no-any-return]


def test_blind6_services_for_startups_meet_the_founders_who_need_them(blind6: EventState) -> None:
    assert any("accounting" in o for _, o in met(blind6, "noor-haddad", "frank-odonnell"))
    assert any("brand" in o for _, o in met(blind6, "ines-carvalho", "sara-conti"))
    # A bank's search for fintech startups to pilot is no brand studio's.
    assert not met(blind6, "akiko-tanaka", "sara-conti")


def test_room_to_work_meets_only_a_need_for_room() -> None:
    from matcher.goals import COMPATIBLE

    space = KINDS.index("space")
    assert COMPATIBLE[space, space] > 0
    for need in ("topic", "advice", "partners", "solution"):
        assert COMPATIBLE[KINDS.index(need), space] == 0, need


@pytest.mark.parametrize(
    ("goal", "kind"),
    [
        # Posts at funded companies are work, not money sought.
        ("2–3 advisory roles with seed-stage SaaS", "job"),
        ("fractional CFO for fundraising prep", "job"),
        ("open roles: 3 backend engineers", "hire"),
        # Work in investing is work: a post named by its holder is a hire, one sought a job.
        ("an investment associate", "hire"),
        ("a role in climate investing", "job"),
        ("junior VC analyst position", "job"),
        # Companies named by their stage, or about to raise, are an investor's search.
        ("founders about to raise their first round", "dealflow"),
        ("climate companies at Series A with €1M+ ARR", "dealflow"),
        # A funder's search for companies to fund, named by what they hold or do.
        ("Finnish health tech SMEs with R&D projects for 2027 funding", "dealflow"),
        ("health tech companies applying for funding", "dealflow"),
        # A stage "and later" is a stage ("Series A+ startups": a lender's search).
        ("Series A+ startups with recurring revenue", "dealflow"),
        # Money for one's portfolio is another investor's money sought alongside.
        ("follow-on investors for our portfolio companies", "coinvestors"),
        # Money sought stays money.
        ("SME funding for energy audits", "capital"),
        ("investors for our startup raising seed", "capital"),
        ("pre-seed angels (€400k, €150k committed)", "capital"),
    ],
)
def test_posts_at_funded_companies_are_work_and_companies_at_a_stage_are_deal_flow(
    goal: str, kind: str
) -> None:
    assert _kind(goal) == kind


def test_blind6_an_adviser_seeking_advisory_roles_is_no_investor(blind6: EventState) -> None:
    # Patrícia's "2–3 advisory roles with seed-stage SaaS" was read as a round to fund,
    # and angels' cheques offered for it.
    assert not met(blind6, "patricia-moura", "rui-matos")
    # A Series A climate investor's search meets a climate company raising its Series A.
    assert any("Series A" in o for _, o in met(blind6, "clara-weiss", "pieter-de-vries"))
