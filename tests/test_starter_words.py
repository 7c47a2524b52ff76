"""Starters are English questions: another language's items are asked about in English.

A Dutch journalist's "koken" was asked about as "… with koken right now?" on an
English founder's card (blind10). The glossary says it "cooking"; an item it cannot
say ("klaverjassen", a card game) is asked about only by someone who writes Dutch.
"""

from __future__ import annotations

import re

from matcher.english_words import is_english_word
from matcher.starter_words import in_english
from matcher.starters import make_starters
from matcher.translation import reading, to_english
from matcher.types import CommonGround, Profile, SharedItem

_WORD = re.compile(r"[^\W\d_]+")


def _dutch(pid: str, personal: tuple[str, ...] = ("koken", "schaatsen", "klaverjassen")) -> Profile:
    return Profile(
        id=pid,
        name="Koen Brouwer",
        headline="Klimaat- en energieverslaggever bij een landelijk dagblad",
        interests=["energietransitie", "netcongestie"],
        personal_interests=list(personal),
        looking_for=["pilotlocatie met een eigen netaansluiting, bijvoorbeeld een haventerrein"],
        about="Ik schrijf al elf jaar over energie en klimaat. Tip me gerust, maar niet met "
        "een persbericht. In het weekend sta ik op het ijs of aan het fornuis.",
    )


ENGLISH = Profile(
    id="noor",
    name="Noor El Amrani",
    headline="Founder, adaptive maths practice for vocational students",
    interests=["edtech", "adaptive learning"],
    personal_interests=["kickboxing"],
)
DUTCH_ASKER = Profile(
    id="marloes",
    name="Marloes Dekker",
    headline="Programmamanager Schone Stadslogistiek, Gemeente Amsterdam",
    interests=["stadslogistiek", "vrachtfietsen"],
    personal_interests=["roeien", "lezen"],
    about="Ik werk aan een binnenstad met minder vrachtwagens en meer ruimte.",
)
DUTCH_WORDS = {"koken", "schaatsen", "klaverjassen", "energietransitie", "netcongestie"}


def _all_starters(
    a: Profile, cg: CommonGround | None = None, personal: tuple[str, ...] | None = None
) -> list[str]:
    """Every pair's starters for 24 Dutch people alike but for their id (the id seeds
    the choice of templates, so many templates are tried)."""
    out: list[str] = []
    for i in range(24):
        b = _dutch(f"koen-{i}") if personal is None else _dutch(f"koen-{i}", personal)
        out += make_starters(a, b, cg or CommonGround(score=0.5))
    return out


def test_the_profiles_are_read_as_written() -> None:
    assert reading(_dutch("koen")).code == "nl"
    assert reading(DUTCH_ASKER).code == "nl"
    assert reading(ENGLISH).code is None


def test_an_english_asker_is_asked_about_dutch_items_in_english() -> None:
    starters = _all_starters(ENGLISH)
    words = {w.casefold() for s in starters for w in _WORD.findall(s)}
    assert not words & DUTCH_WORDS, [s for s in starters if set(_WORD.findall(s)) & DUTCH_WORDS]
    text = " ".join(starters)
    assert "ice skating" in text and "energy transition" in text and "grid congestion" in text
    # Said by the glossary, not by Koen: never put in quotes as his words.
    for said in ("cooking", "ice skating", "energy transition", "grid congestion"):
        assert f"“{said}" not in text.casefold()
    # A sentence the glossary says only word by word is no topic in English.
    assert "haventerrein" not in text and "ports land" not in text


def test_an_item_the_glossary_cannot_say_is_asked_only_by_one_who_reads_it() -> None:
    # A card game, his only hobby: the glossary does not know the word.
    english = " ".join(_all_starters(ENGLISH, personal=("klaverjassen",)))
    assert "klaverjassen" not in english
    dutch = " ".join(_all_starters(DUTCH_ASKER, personal=("klaverjassen",)))
    assert "klaverjassen" in dutch
    assert "netaansluiting" in dutch  # his search, in his words, to a Dutch reader


def test_one_thing_in_two_languages_is_asked_about_in_the_askers_words() -> None:
    football = SharedItem("football", "voetbal", 0.9, "personal", 0.6, "same")
    cg = CommonGround(score=0.6, shared=[football])
    starters = _all_starters(ENGLISH, cg)
    assert not any("voetbal" in s for s in starters)
    assert any("football" in s for s in starters)


def test_no_card_of_blind10_asks_in_english_with_words_another_language_says_in_english(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """blind10 has Dutch, German, French, Italian, Polish and Portuguese profiles
    among English ones: no English reader's question carries a word the glossary of
    the other's language says in English."""
    import human_set

    state = quality_event("blind10")
    people = {p.id: p for p in human_set.load_set("blind10").profiles}
    seen = 0
    for pid, asker in people.items():
        for s in state.suggestions(pid):
            other = people[s.other_id]
            code = reading(other).code
            if code is None or code == reading(asker).code:
                continue
            items = [
                *other.interests,
                *other.personal_interests,
                *other.looking_for,
                *other.offering,
            ]
            foreign = {
                w
                for item in items
                for w in _WORD.findall(item)
                if len(w) > 2 and not is_english_word(w) and to_english(w, code, True) != w
            }
            for question in s.common_ground.starters:
                seen += 1
                assert not foreign & set(_WORD.findall(question)), (pid, s.other_id, question)
    assert seen > 100


def test_the_askers_own_items_are_always_theirs_to_read() -> None:
    # An English profile with Spanish items: one the glossary says whole is asked
    # about in English; one it cannot say stays the asker's own words, and is left out
    # only of the other's questions to them.
    soil = Profile(
        id="sol",
        name="Sol",
        headline="Soil scientist",
        interests=["agricultura regenerativa", "machine learning", "cobertura vegetal zxqw"],
    )
    farmer = Profile(id="fa", name="Fa", headline="Farmer", interests=["soil health"])
    asked_by_soil = in_english(soil, farmer, CommonGround(score=0.1))
    assert asked_by_soil.a.interests == [
        "regenerative agriculture",
        "machine learning",
        "cobertura vegetal zxqw",
    ]
    asked_of_soil = in_english(farmer, soil, CommonGround(score=0.1))
    assert asked_of_soil.b.interests == ["regenerative agriculture", "machine learning"]
