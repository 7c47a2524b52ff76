"""Issue 16: text the bundled model cannot read (Cyrillic, Greek, Chinese, ...) claims
nothing. The model puts any two such texts close together whatever they say, so two
Russian speakers' unrelated items were "related" and their goals complements."""

from __future__ import annotations

import numpy as np
from complements_met import met

from matcher import Matcher, Profile
from matcher.encoding import PhraseVectors
from matcher.script import partly_unread, readable_part, unreadable


def test_cyrillic_and_other_scripts_are_unreadable_latin_languages_are_not() -> None:
    for text in ("инвестиции в стартапы", "ML для медицины", "Αθήνα tech", "日本語"):
        assert unreadable(text), text
    for text in ("Wärmepumpen", "Kraków", "łańcuch dostaw", "CEO, Foo – radar", "42"):
        assert not unreadable(text), text
    assert readable_part("We build sensors. Говорю по-русски. Also Estonian.") == (
        "We build sensors. Also Estonian."
    )
    # A Russian item the glossary said only in part: "наступательная безопасность"
    # (offensive security) as "наступательная security", "автоматизация атак" (attack
    # automation) as "automation атак" would meet any security or automation.
    assert partly_unread("наступательная security") and partly_unread("automation атак")
    # One unknown word among several known ones leaves the item readable.
    assert not partly_unread("pilot customers: banks and платёжные company, DORA requirements")
    assert not partly_unread("talks о DORA TLPT") and not partly_unread("heat pumps")


def test_the_bundled_model_puts_unrelated_cyrillic_items_together(real_encoder) -> None:  # type: ignore[no-untyped-def]
    # Why the rule exists: the model's own cosine of two unrelated Russian goals.
    v = np.asarray(real_encoder.encode(["инвестиции в стартапы", "поиск сотрудников"]))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    assert float(v[0] @ v[1]) > 0.6
    table = PhraseVectors(real_encoder)
    w = table.matrix(["инвестиции в стартапы", "поиск сотрудников", "инвестиции в стартапы"])
    assert abs(float(w[0] @ w[1])) < 0.3, "unreadable items are no longer alike"
    assert float(w[0] @ w[2]) > 0.99, "the same words still meet"


def test_two_russian_profiles_with_nothing_in_common_are_told_nothing(real_encoder) -> None:  # type: ignore[no-untyped-def]
    anna = Profile(
        id="anna", name="Anna", headline="Основатель, LegalBot",
        interests=["юридические технологии", "контракты"],
        looking_for=["инвесторы для посевного раунда"], offering=["бесплатный пилот для юристов"],
    )  # fmt: skip
    ivan = Profile(
        id="ivan", name="Ivan", headline="Инженер-робототехник",
        interests=["промышленные роботы", "сварка"],
        looking_for=["работа в Таллине"], offering=["опыт с ROS"],
    )  # fmt: skip
    cg = Matcher(encoder=real_encoder).common_ground(anna, ivan)
    assert not cg.shared and not cg.complements, cg.reasons
    # The same words on both sides are still common ground.
    olga = Profile(id="olga", name="Olga", interests=["контракты", "сварка"])
    cg = Matcher(encoder=real_encoder).common_ground(anna, olga)
    assert [(s.a, s.b) for s in cg.shared] == [("контракты", "контракты")]


def test_a_language_without_a_glossary_meets_only_the_same_words(real_encoder) -> None:  # type: ignore[no-untyped-def]
    from matcher.script import unknown_language

    # A language without a glossary (here Icelandic) is read by the model as pieces of
    # English words: blind8's readers saw a Latvian loan for a press line meet laser
    # cutting, and a pilot area a school, before Latvian had a glossary.
    assert unknown_language("lán fyrir nýja pressulínu")
    assert unknown_language("tilraunasvæði og netgögn")
    assert not unknown_language("úver na novú lisovaciu linku")  # Slovak has one
    assert not unknown_language("pilootala ja võrguandmed")  # Estonian has a glossary
    assert not unknown_language("deneme alanı ve şebeke verileri")  # Turkish has one
    assert not unknown_language("Wärmepumpen für Mehrfamilienhäuser")  # a glossary's
    assert not unknown_language("heat pump installation for homes")
    jon = Profile(
        id="jon", name="Jón", headline="Framkvæmdastjóri, Málmsmiðja Norðurlands",
        interests=["málmvinnsla", "sjálfvirkni í framleiðslu"],
        looking_for=["lán fyrir nýja pressulínu (~€3M, með ábyrgðum)"],
    )  # fmt: skip
    ain = Profile(
        id="gunnar", name="Gunnar", headline="Framkvæmdastjóri, Stálsmiðjan hf.",
        interests=["málmiðnaður", "suðuvinna"],
        offering=["undirverktaka: laserskurður og suða"],
    )  # fmt: skip
    cg = Matcher(encoder=real_encoder).common_ground(jon, ain)
    assert not cg.complements and not cg.shared, cg.reasons


def test_basque_is_a_language_without_a_glossary(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind22: Basque was not among the languages detected, so Basque goals were read
    as pieces of English words and met each other by chance: a cheesemaker's
    "banatzaileak Frantzian eta Alemanian" (distributors in France and Germany) met an
    investor's "IP eta lizentzia negoziazioan laguntza" (help with IP and licence
    negotiation); its readers rejected all ten such complements. A Basque profile is
    told its language by name."""
    from matcher.language import language_name, profile_language
    from matcher.script import unknown_language

    assert unknown_language("banatzaileak Frantzian eta Alemanian")
    assert unknown_language("IP eta lizentzia negoziazioan laguntza")
    assert not unknown_language("distribuidores en Francia y Alemania")  # Spanish has one
    blind22 = quality_event("blind22")
    for seeker, provider in (("josu-agirre", "inigo-arrieta"), ("miren-uriarte", "inigo-arrieta")):
        assert not met(blind22, seeker, provider)
    josu = Profile(
        id="josu", name="Josu", headline="Artzaina eta gaztagilea · Agirre Gazta · Zegama",
        looking_for=["banatzaileak Frantzian eta Alemanian", "esportaziorako mentore bat"],
        about="Gazta ekoizten dugu 400 ardirekin. Frantziara eta Alemaniara saldu nahi dugu.",
    )  # fmt: skip
    assert language_name(profile_language(josu)) == "Basque"
