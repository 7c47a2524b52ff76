"""Years of one's own work offered ("experience" goals): know-how to ask about, oneself
as a hire or a partner's track record; never the product, supplier, project or site
that a need names. An installer's "10 years installing heat pumps" is no supplier of
heat pumps, an ML engineer's "8 yrs MLOps" no monitoring tool."""

from __future__ import annotations

from matcher import Matcher, Profile
from matcher.goals import COMPATIBLE, KINDS, K, goal_kind
from matcher.normalise import normalise_goal


def _kind(text: str) -> str:
    return KINDS[goal_kind(normalise_goal(text)) % K]


def test_years_of_work_and_lessons_learned_are_experience() -> None:
    for text in (
        "10 years of experience in installation and commissioning of heat pumps",
        "8 yrs ML engineering, forecasting, MLOps",
        "board experience",
        "experience coordinating 5 EU projects",
        "co-op governance experience (12 yrs)",
        "lessons learned on 15 years of building retrofits",
        "experience with notified body / MDR class IIa",
        "retours d'expérience sur 40 chantiers",
        "10 Jahre Erfahrung in der Pflege",
        "15 años de experiencia en logística",
    ):
        assert _kind(text) == "experience", text


def test_people_sought_with_experience_and_terms_in_years_are_not() -> None:
    assert _kind("a mentor with FMCG retail experience") == "mentor"
    assert _kind("data analyst with experience in marketplace pricing") == "hire"
    assert _kind("business co-founder with go-to-market experience") == "cofounder"
    assert _kind("20–25 year tenors for housing providers") != "experience"
    assert _kind("10 years of weather data for Flanders") != "experience"
    assert _kind("user experience") != "experience"
    assert _kind("Entwickler mit Python-Erfahrung") != "experience"


def test_a_post_named_by_its_specialist_is_a_hire() -> None:
    assert _kind("clinical product specialist (nurse or doctor background), Lisbon") == "hire"


def test_experience_meets_know_how_a_hire_or_a_partner_never_a_thing_sought() -> None:
    experience = KINDS.index("experience")
    for need in ("advice", "hire", "partners", "service", "experience"):
        assert COMPATIBLE[KINDS.index(need), experience], need
    for need in ("topic", "solution", "customers", "capital", "sources", "job", "mentor"):
        assert not COMPATIBLE[KINDS.index(need), experience], need


def _person(pid: str, headline: str, **fields: str | list[str]) -> Profile:
    return Profile(id=pid, name=pid, headline=headline, **fields)  # type: ignore[arg-type]


def test_an_installer_s_years_are_no_heat_pump_supplier_but_answer_a_question(real_encoder) -> None:  # type: ignore[no-untyped-def]
    housing = _person(
        "claire",
        "Asset manager, a social housing association",
        interests=["heat pumps", "housing retrofit"],
        looking_for=[
            "collective heat pumps for three 1960s residential blocks",
            "advice on commissioning heat pumps in occupied buildings",
        ],
    )
    installer = _person(
        "diego",
        "HVAC technician looking for a new role",
        interests=["heat pumps", "HVAC"],
        looking_for=["a job as HVAC technician in Germany"],
        offering=["10 years of experience installing and commissioning heat pumps"],
    )
    crowd = [
        housing,
        installer,
        _person("c1", "Product designer", interests=["design systems"]),
        _person("c2", "Nurse, city hospital", interests=["patient safety"]),
    ]
    cg = Matcher(encoder=real_encoder).common_ground(housing, installer, population=crowd)
    met = {c.need for c in cg.complements if c.seeker == "a"}
    assert not any("collective heat pumps" in need for need in met), met
    assert any("advice on commissioning" in need for need in met), met


def test_years_of_work_carry_their_role_family_as_a_hire_does() -> None:
    """A hire met by experience is weighed by role family like a job sought
    (`matcher.goal_scope`): a brand-marketing hire is no chef's years."""
    import numpy as np

    from matcher.goal_scope import scope, scope_clash

    need = scope(normalise_goal("brand marketing manager"))
    chef = scope(normalise_goal("12 years of experience as a head chef"))
    marketer = scope(normalise_goal("10 years of experience in brand marketing"))
    assert scope_clash(np.array(need), np.array(chef))
    assert not scope_clash(np.array(need), np.array(marketer))


def test_advice_named_before_its_question_is_advice() -> None:
    """Know-how met by years of it: "regulatory advice: is our software class I or
    IIa" asks a question, it seeks no software."""
    assert _kind("regulatory advice: is our dispenser software MDR class I or IIa") == "advice"
