"""Which language each text of a profile is read in (`matcher.translation.reading`):
a few tags without accents or small words are still read in their language, an
English profile's item that only a glossary knows is translated on its own, and a
word that is also plain English is translated only in a profile clearly in that
language.
"""

from __future__ import annotations

import pytest

from matcher import EventState, Matcher, Profile
from matcher.english_words import is_english_word
from matcher.facets import phrase_keys
from matcher.translation import item_language, reading, source_language


def tags(*items: str, personal: tuple[str, ...] = ()) -> Profile:
    return Profile(id="t", name="T", interests=list(items), personal_interests=list(personal))


def test_a_terse_spanish_tag_list_without_accents_is_read_in_spanish() -> None:
    # No accent and no small word: before, this read as English and met nobody.
    profile = tags("logistica", "rutas", "flotas", personal=("ciclismo",))
    assert source_language(profile) == "es"
    assert not reading(profile).sure  # a guess: its plain English words stay
    assert {"logistics", "routes", "fleets", "cycling"} <= phrase_keys(profile)


def test_plain_english_words_are_not_evidence_of_another_language() -> None:
    for english in (tags("team formation", "red team"), tags("formation", "stage"),
                    tags("repair café"), tags("LCA", "EPDs", "CSR")):  # fmt: skip
        assert reading(english).code is None
    assert {"red team", "team formation"} <= phrase_keys(tags("team formation", "red team"))
    assert is_english_word("retrofits") and is_english_word("recyclers")
    assert is_english_word("café") and not is_english_word("rutas")


def test_a_guessed_profile_keeps_its_plain_english_words() -> None:
    # "red" is Spanish for network, but in a few guessed tags it stays as written.
    profile = tags("rutas", "flotas", "red team")
    assert source_language(profile) == "es"
    assert "red team" in phrase_keys(profile)
    # In a profile the identifier is sure is Spanish, "red" is a network.
    spanish = Profile(id="s", name="S",
                      headline="Director de operaciones de una empresa de transporte",
                      offering=["red de 40 camiones en Aragón"])  # fmt: skip
    assert reading(spanish).sure
    assert any("network of 40 trucks" in k for k in phrase_keys(spanish))


def test_an_english_profile_s_foreign_hobby_is_translated_on_its_own() -> None:
    profile = Profile(id="e", name="E", headline="Data engineer at a logistics startup",
                      interests=["dbt", "Airflow", "peers doing CSRD reporting in the Mittelstand"],
                      personal_interests=["Wandern", "sailing"])  # fmt: skip
    assert source_language(profile) is None
    keys = phrase_keys(profile)
    assert "hiking" in keys and "wandern" not in keys
    # One loanword in an English phrase: the phrase stays English.
    assert item_language("peers doing CSRD reporting in the Mittelstand") is None


def test_look_alike_words_of_two_languages_are_read_apart() -> None:
    # "vela" is sailing in Italian, Spanish and Portuguese; "vélo" is cycling in French.
    assert item_language("vela") in {"es", "it", "pt"}
    assert item_language("velo") == "fr"
    assert "sailing" in phrase_keys(tags(personal=("vela",)))
    assert "cycling" in phrase_keys(tags(personal=("velo",)))


TERSE_SPANISH = Profile(
    id="es-terse",
    name="Jorge Ruiz",
    interests=["logistica", "rutas", "flotas", "camiones"],
    personal_interests=["pesca"],
)
ENGLISH_FLEET = Profile(
    id="en-fleet",
    name="Kate Moss",
    headline="Operations lead, FleetOps (route planning for truck fleets)",
    interests=["route planning", "truck fleets", "telematics"],
    personal_interests=["fishing"],
)
ENGLISH_OTHERS = [
    Profile(id="en-pay", name="A", headline="Payments PM", interests=["payments", "open banking"],
            personal_interests=["tennis"]),
    Profile(id="en-health", name="B", headline="Hospital data scientist",
            interests=["health data", "causal inference"], personal_interests=["running"]),
    Profile(id="en-sail", name="C", headline="Naval architect", interests=["ship design"],
            personal_interests=["sailing"]),
    Profile(id="en-vela", name="D", headline="Product designer", interests=["UX research"],
            personal_interests=["vela"]),
    Profile(id="en-velo", name="E", headline="Urban planner", interests=["bike lanes"],
            personal_interests=["vélo"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def event(real_encoder) -> EventState:  # type: ignore[no-untyped-def]
    state = Matcher(encoder=real_encoder).event(
        [TERSE_SPANISH, ENGLISH_FLEET, *ENGLISH_OTHERS], k=3
    )
    state.rematch()
    return state


def test_a_terse_spanish_profile_meets_the_english_fleet_planner(event) -> None:  # type: ignore[no-untyped-def]
    assert ENGLISH_FLEET.id in [s.other_id for s in event.suggestions(TERSE_SPANISH.id)]
    cg = event.common_ground(TERSE_SPANISH.id, ENGLISH_FLEET.id)
    quoted = {(s.a, s.b) for s in cg.shared}
    assert ("pesca", "fishing") in quoted  # each person's own words
    assert any(a in ("rutas", "flotas", "camiones") for a, _ in quoted)


def test_sailing_written_in_italian_is_never_cycling_written_in_french(event) -> None:  # type: ignore[no-untyped-def]
    sailing = event.common_ground("en-vela", "en-sail")
    assert ("vela", "sailing") in {(s.a, s.b) for s in sailing.shared if s.grade == "same"}
    assert not event.common_ground("en-vela", "en-velo").shared
