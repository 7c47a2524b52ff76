"""Profiles in German, Spanish, French, Portuguese, Italian or Dutch are matched in
English through the bundled glossary (`matcher.translation`), and claims still quote
each person's own words.

The bundled model (all-MiniLM-L6-v2) reads English: "Wärmepumpen" and "heat pumps"
sit far apart in it, so without translation a German installer never meets the
English heat-pump company in the room.
"""

from __future__ import annotations

import pytest

from matcher import EventState, Matcher, Profile
from matcher.facets import phrase_keys
from matcher.glossary import glossary_languages, translates
from matcher.translation import source_language, to_english

INSTALLER = Profile(
    id="de-installer",
    name="Jens Wagner",
    headline="Installateurmeister, Wagner Haustechnik",
    interests=["Wärmepumpen", "energetische Sanierung von Altbauten"],
    personal_interests=["Angeln"],
    looking_for=["Kontakte zu Herstellern von Wärmepumpen", "Software für die Einsatzplanung"],
    offering=["Praxiswissen aus 200 Wärmepumpen-Installationen"],
    about="Wir bauen seit zehn Jahren Wärmepumpen in Einfamilienhäuser ein.",
)
HEAT_PUMP_COMPANY = Profile(
    id="en-heat-pumps",
    name="Amy Carter",
    headline="Partnerships lead, Thermly (heat pumps for homes)",
    interests=["heat pumps", "home energy retrofits"],
    personal_interests=["climbing"],
    looking_for=["certified installers in Germany"],
    offering=["installer training on our heat pumps"],
)
SPANISH_GROWER = Profile(
    id="es-grower",
    name="Lucía Moreno",
    headline="Gerente de una cooperativa agrícola en Murcia",
    interests=["agricultura de precisión", "riego por goteo"],
    personal_interests=["senderismo"],
    looking_for=["sensores de humedad del suelo para nuestras fincas"],
    offering=["fincas piloto para probar nuevas tecnologías"],
)
SENSOR_MAKER = Profile(
    id="en-sensors",
    name="Tom Reid",
    headline="Founder, RootWise – wireless soil moisture sensors",
    interests=["soil moisture monitoring", "IoT sensors"],
    personal_interests=["football"],
    looking_for=["farms to pilot our sensors"],
    offering=["soil moisture sensors for farms at cost"],
)
# English people with other common ground, so the pairs above must win on their own.
OTHERS = [
    Profile(
        id="en-fintech",
        name="Priya Shah",
        headline="Product manager, payments startup",
        interests=["payments", "open banking"],
        personal_interests=["hiking"],
        looking_for=["a senior backend engineer"],
        offering=["advice on payments regulation"],
    ),
    Profile(
        id="en-health",
        name="Ben Ford",
        headline="Data scientist, hospital analytics",
        interests=["health data", "causal inference"],
        personal_interests=["fishing", "running"],
        looking_for=["clinicians to validate our models"],
        offering=["mentoring for junior data scientists"],
    ),
    Profile(
        id="en-mobility",
        name="Sara Lee",
        headline="Urban mobility consultant",
        interests=["public transport", "cycling infrastructure"],
        personal_interests=["football"],
        looking_for=["cities to pilot demand-responsive buses"],
        offering=["transport planning advice"],
    ),
    Profile(
        id="en-investor",
        name="Mark Olsen",
        headline="Investor, early-stage climate funds",
        interests=["climate tech", "energy storage"],
        personal_interests=["sailing"],
        looking_for=["climate founders raising seed"],
        offering=["seed investment"],
    ),
]


@pytest.fixture(scope="module")
def event(real_encoder) -> EventState:  # type: ignore[no-untyped-def]
    people = [INSTALLER, HEAT_PUMP_COMPANY, SPANISH_GROWER, SENSOR_MAKER, *OTHERS]
    state = Matcher(encoder=real_encoder).event(people, k=3)
    state.rematch()
    return state


def _suggested(state: EventState, pid: str) -> list[str]:
    return [s.other_id for s in state.suggestions(pid)]


def test_a_german_heat_pump_installer_meets_the_english_heat_pump_company(event) -> None:  # type: ignore[no-untyped-def]
    assert HEAT_PUMP_COMPANY.id in _suggested(event, INSTALLER.id)
    assert INSTALLER.id in _suggested(event, HEAT_PUMP_COMPANY.id)
    cg = event.common_ground(INSTALLER.id, HEAT_PUMP_COMPANY.id)
    same = {(s.a, s.b) for s in cg.shared if s.grade == "same"}
    assert ("Wärmepumpen", "heat pumps") in same  # each person's own words
    met = {(c.need, c.offer) for c in cg.complements if c.seeker == "a"}
    need = "Kontakte zu Herstellern von Wärmepumpen"
    assert (need, "installer training on our heat pumps") in met
    assert any("Wärmepumpen" in r and "heat pumps" in r for r in cg.reasons)


def test_a_spanish_profile_s_goal_finds_an_english_offer(event) -> None:  # type: ignore[no-untyped-def]
    assert SENSOR_MAKER.id in _suggested(event, SPANISH_GROWER.id)
    cg = event.common_ground(SPANISH_GROWER.id, SENSOR_MAKER.id)
    met = {(c.need, c.offer) for c in cg.complements if c.seeker == "a"}
    need = "sensores de humedad del suelo para nuestras fincas"
    assert (need, "soil moisture sensors for farms at cost") in met
    theirs = {(c.need, c.offer) for c in cg.complements if c.seeker == "b"}
    assert ("farms to pilot our sensors", "fincas piloto para probar nuevas tecnologías") in theirs


def test_a_translated_profile_joining_later_finds_the_same_people(real_encoder) -> None:  # type: ignore[no-untyped-def]
    # The incremental path (one sign-up at a time) reads profiles the way a full run does.
    state = Matcher(encoder=real_encoder).event([HEAT_PUMP_COMPANY, *OTHERS], k=3)
    state.rematch()
    state.add(INSTALLER)
    assert HEAT_PUMP_COMPANY.id in _suggested(state, INSTALLER.id)
    cg = state.common_ground(HEAT_PUMP_COMPANY.id, INSTALLER.id)
    assert ("heat pumps", "Wärmepumpen") in {(s.a, s.b) for s in cg.shared if s.grade == "same"}


def test_english_profiles_are_not_translated() -> None:
    for profile in (HEAT_PUMP_COMPANY, SENSOR_MAKER, *OTHERS):
        assert source_language(profile) is None
    # English with words that are also German, Spanish or Dutch ("die", "de", "con").
    tricky = Profile(
        id="x",
        name="Anna de Vries",
        headline="Head of product at Con Edison, die casting background",
        interests=["grid flexibility", "demand response"],
        looking_for=["pilot sites for our platform"],
    )
    assert source_language(tricky) is None
    assert phrase_keys(tricky) >= {"grid flexibility", "demand response"}


def test_a_few_tags_too_short_to_tell_are_read_in_the_language_whose_glossary_knows_them() -> None:
    def tags(*items: str) -> Profile:
        return Profile(id="t", name="T", interests=list(items))

    assert source_language(tags("Wärmepumpen", "Angeln")) == "de"
    assert source_language(tags("Gründerin", "Pflege", "Demenz")) == "de"
    assert source_language(Profile(id="t", name="T", headline="Ingeniero de software",
                                   interests=["IA", "datos"])) == "es"  # fmt: skip
    for english in (tags("Rust"), tags("café culture ☕", "jazz"), tags("AI", "ML", "LLMs")):
        assert source_language(english) is None
    assert "heat pumps" in phrase_keys(tags("Wärmepumpen", "Angeln"))


def test_the_embedding_keys_of_a_german_profile_are_english() -> None:
    keys = phrase_keys(INSTALLER)
    assert {"heat pumps", "fishing"} <= keys
    assert "contacts to manufacturers of heat pumps" in keys
    assert not any("wärmepumpe" in k for k in keys)


@pytest.mark.parametrize(
    ("text", "code", "english"),
    [
        ("Wärmepumpen", "de", "heat pumps"),  # a compound split at a known head
        ("Fachkräftemangel im Handwerk", "de", "skilled labour shortage in skilled trades"),
        ("Investoren für unsere Seed-Runde", "de", "investors for our seed round"),
        ("hidrogénio verde", "pt", "green hydrogen"),  # the adjective goes first
        ("energia solar flutuante", "pt", "floating solar energy"),
        ("agricultura regenerativa", "es", "regenerative agriculture"),
        ("compradores de aceite de oliva ecológico", "es", "buyers of organic olive oil"),
        ("réduction du gaspillage alimentaire", "fr", "reduction of food waste"),
        ("manutenzione di pompe di calore", "it", "maintenance of heat pumps"),
        ("warmtepompen voor woningen", "nl", "heat pumps for houses"),
        ("Beratung zur DiGA-Zulassung", "de", "advice on digital health applications approval"),
    ],
)
def test_items_are_said_in_english(text: str, code: str, english: str) -> None:
    assert to_english(text, code) == english


def test_unknown_words_names_and_acronyms_stay_as_typed() -> None:
    assert to_english("Brenner Haustechnik GmbH", "de") == "Brenner building services GmbH"
    assert to_english("Pflegeleicht", "de") == "Pflegeleicht"
    assert to_english("Kubernetes und Rust", "de") == "Kubernetes and Rust"


def test_a_personal_interest_is_read_as_the_activity() -> None:
    assert to_english("cuisine", "fr") == "kitchen"
    assert to_english("cuisine", "fr", personal=True) == "cooking"
    assert to_english("Laufen", "de", personal=True) == "running"


def test_the_glossary_covers_the_languages_people_write_here() -> None:
    assert {"de", "es", "fr", "pt", "it", "nl"} <= set(glossary_languages())
    assert not translates("pl") and not translates("en")
