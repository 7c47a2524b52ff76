"""Material to cover ("sources" goals): one who covers (a journalist, a podcast host)
seeks stories, sources or guests; one who wants coverage is what they seek, and so is
one offering themselves as a source. A product, a service, know-how or another's own
search is no story, and two who cover are peers (coverage offered is no guest)."""

from __future__ import annotations

from matcher import Matcher, Profile
from matcher.goals import COMPATIBLE, KINDS, K, goal_kind
from matcher.normalise import normalise_goal
from matcher.roles import phrase_roles


def _kind(text: str) -> str:
    return KINDS[goal_kind(normalise_goal(text)) % K]


def test_stories_sources_and_guests_sought_are_material_to_cover() -> None:
    for text in (
        "stories of heritage buildings getting heat pumps",
        "sources: farmers dealing with energy costs",
        "expert sources on MDR and health data",
        "podcast guests: founders in health & biotech",
        "founders who relocated to Lisbon, for a series on the tech visa",
        "social enterprises in care for a feature series",
    ):
        assert _kind(text) == "sources", text


def test_oneself_offered_to_those_who_cover_is_a_source() -> None:
    assert _kind("happy to go on podcasts or panels about building biotech") == "sources"
    assert _kind("CSRD explainer for journalists & SMEs") == "sources"


def test_coverage_sought_or_offered_is_press_and_other_sources_are_not_material() -> None:
    for text in (
        "press coverage",
        "media attention for our story",
        "a journalist to tell the story of our renovation",
        "coverage for interesting stories (no paid content)",
        "coverage in a 40k-reader newsletter",
    ):
        assert _kind(text) == "press", text
    assert _kind("heat sources for our network") != "sources"
    assert _kind("more hotel guests") != "sources"
    assert _kind("always happy to hear story ideas") != "sources"


def test_material_to_cover_meets_a_source_or_one_wanting_coverage_only() -> None:
    sources, press = KINDS.index("sources"), KINDS.index("press")
    # A source offered, or another's wish for coverage (a need offered).
    assert COMPATIBLE[sources, sources] and COMPATIBLE[sources, K + press]
    # Coverage offered is another who covers; know-how, a product, a search are no story.
    for other in ("press", "topic", "solution", "advice", "service"):
        assert not COMPATIBLE[sources, KINDS.index(other)], other
    for other in ("capital", "customers", "hire", "sources"):
        assert not COMPATIBLE[sources, K + KINDS.index(other)], other
    # A wish for coverage meets one who covers, whether they offer it or seek stories.
    assert COMPATIBLE[press, press] and COMPATIBLE[press, K + sources]


def test_guests_named_are_the_people_a_source_must_be() -> None:
    need, _ = phrase_roles(normalise_goal("podcast guests: founders in health & biotech"))
    assert [family for family, _ in need] == ["founder"]


def _person(pid: str, headline: str, **fields: str | list[str]) -> Profile:
    return Profile(id=pid, name=pid, headline=headline, **fields)  # type: ignore[arg-type]


def test_a_journalist_s_stories_are_met_by_one_wanting_press_not_by_a_product(real_encoder) -> None:  # type: ignore[no-untyped-def]
    reporter = _person(
        "nina",
        "Reporter, a building trade magazine",
        interests=["heat pumps", "heritage buildings", "renovation"],
        looking_for=["stories of heritage buildings getting heat pumps"],
        offering=["coverage in an international trade magazine"],
    )
    theatre = _person(
        "giulia",
        "Director, a 19th-century municipal theatre",
        interests=["heritage buildings", "heat pumps", "theatre"],
        about="We are installing heat pumps in our 1852 theatre.",
        looking_for=["international press coverage"],
    )
    maker = _person(
        "erik",
        "Sales director, industrial heat pumps",
        interests=["large heat pumps", "district heating"],
        offering=["large-scale heat pumps for heritage buildings and district heating"],
    )
    other = _person(
        "paul",
        "Reporter, an energy newsletter",
        interests=["heat pumps", "energy policy"],
        offering=["coverage in our newsletter (40k readers)"],
    )
    matcher = Matcher(encoder=real_encoder)
    crowd = [reporter, theatre, maker, other]

    def met(a: Profile, b: Profile) -> set[str]:
        cg = matcher.common_ground(a, b, population=crowd)
        return {f"{c.need} <- {c.offer}" for c in cg.complements if c.seeker == "a"}

    assert met(reporter, theatre), "a heritage theatre wanting press is a story"
    assert not met(reporter, maker), "a heat pump maker's product is no story"
    assert not met(reporter, other), "coverage offered is another who covers"
