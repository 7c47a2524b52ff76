"""Shared items a careful reader accepts, word by word, over the human-judged blind2
set (a food and farming forum), with the real model.

"Seed" of a funding stage is no plant seed. A narrower kind ("urban farming" /
"farming") is related, not the same interest; two hobbies sharing only a modifier
("table tennis" / "table football") are two activities; a name picked from an about
text ("Belgium") is no common ground with another name ("Antwerp") or a field ("Art"
of "Art. 9" / "painting"); an about text's abbreviations, cut names and common verbs
make no phrases.
"""

from __future__ import annotations

import pytest

from matcher import EventState
from matcher.about_phrases import about_phrases, affirmed_text
from matcher.explain import compares
from matcher.normalise import normalise_phrase
from matcher.word_overlap import (
    ABOUT_IT,
    KINDS_OF_ONE,
    NARROWER,
    SHARED_MODIFIER,
    apart,
    overlap_rule,
)


@pytest.fixture(scope="module")
def state(blind2_event) -> EventState:  # type: ignore[no-untyped-def]
    return blind2_event  # type: ignore[no-any-return]


def _shared(state: EventState, a: str, b: str) -> dict[tuple[str, str], str]:
    cg = state.common_ground(a, b)
    return {(s.a, s.b): s.grade for s in cg.shared}


def test_a_narrower_kind_is_the_same_only_when_near_identical() -> None:
    assert overlap_rule("urban farming", "farming") == NARROWER
    assert overlap_rule("fermentation", "mixed fermentation") == NARROWER
    # "About" a thing, not a kind of it: a limit for work topics only.
    assert overlap_rule("choir", "choir singing") == ABOUT_IT
    assert overlap_rule("heat pump controls", "heat pumps") == ABOUT_IT
    # A generic modifier or head; two wordings: no limit.
    assert overlap_rule("climate tech", "climate") == 0
    assert overlap_rule("b2b payments", "payments") == 0
    assert overlap_rule("farm software", "farm software") == 0


def test_urban_farming_and_mixed_fermentation_are_related_not_the_same(state) -> None:  # type: ignore[no-untyped-def]
    assert (
        _shared(state, "helen-clarke", "samira-elidrissi").get(
            ("farming", "urban farming"), "related"
        )
        == "related"
    )
    assert (
        _shared(state, "kwame-mensah", "maeve-oconnell")[("fermentation", "mixed fermentation")]
        == "related"
    )
    # Across languages: the Dutch item is read as "mixed fermentation".
    assert (
        _shared(state, "kwame-mensah", "wouter-vandamme")[("fermentation", "gemengde gisting")]
        == "related"
    )


def test_one_of_two_things_is_related_not_the_same(state) -> None:  # type: ignore[no-untyped-def]
    assert overlap_rule("fruit and vegetables", "heirloom vegetables") == KINDS_OF_ONE
    assert overlap_rule("heat and health", "industrial heat") == KINDS_OF_ONE
    assert overlap_rule("fruit and vegetables", "fruit and vegetables") == 0
    # Across languages: "Obst und Gemüse" is read as "fruit and vegetables".
    assert (
        _shared(state, "camille-rousseau", "katrin-vogel").get(
            ("legumes anciens", "Obst und Gemüse"), "related"
        )
        == "related"
    )


def test_two_hobbies_sharing_only_a_modifier_are_two_activities(state) -> None:  # type: ignore[no-untyped-def]
    assert overlap_rule("table tennis", "table football") == SHARED_MODIFIER
    hobby = ("table tennis", "table tennis", "personal")
    assert apart(hobby, ("table football", "table football", "personal"))
    assert not apart(hobby, ("tennis", "tennis", "personal"))  # a kind of it
    # As work interests, a shared modifier can be the field ("IoT sensors" / "IoT security").
    assert not apart(
        ("IoT sensors", "iot sensors", "work"), ("IoT security", "iot security", "work")
    )
    shared = _shared(state, "arjun-mehta", "felix-braun")
    assert all("table football" not in pair and "table tennis" not in pair for pair in shared)


def test_seed_of_a_funding_stage_is_no_plant_seed(state) -> None:  # type: ignore[no-untyped-def]
    assert normalise_phrase("seed investing") == "seed-stage venture investing"
    assert normalise_phrase("Seed-stage funding") == "seed-stage venture funding"
    for plant in ("seed saving", "seed library", "pre-seed investing"):
        assert normalise_phrase(plant) == plant
    assert normalise_phrase("seed investing", personal=True) == "seed investing"
    for saver in ("eva-jacobs", "lucia-fernandez"):
        shared = _shared(state, "hannah-lindqvist", saver)
        assert not any("seed investing" in pair for pair in shared)


def test_a_name_from_an_about_text_meets_only_its_own_word(state) -> None:  # type: ignore[no-untyped-def]
    assert apart(("Belgium", "belgium", "about"), ("Antwerp", "antwerp", "about"))
    assert apart(("Art", "art", "about"), ("painting", "painting", "personal"))
    # With a listed item sharing its word, a name is left to the model; with another
    # bio's, never (a lone word of one bio and a phrase of another: below).
    assert not apart(("Brussels", "brussels", "about"), ("Brussels food", "brussels food", "work"))
    assert apart(("Ghent", "ghent", "about"), ("Ghent", "ghent", "about"))
    # A field in title case, names typed as interests: left to the model.
    vision = ("Computer Vision", "computer vision", "about")
    assert not apart(vision, ("machine learning", "machine learning", "work"))
    assert not apart(("Python", "python", "work"), ("Scratch", "scratch", "work"))
    for a, b in (("matteo-ferri", "tom-vermeulen"), ("matteo-ferri", "youssef-amrani")):
        assert not any("Belgium" in pair for pair in _shared(state, a, b))
    assert not any("Art" in pair for pair in _shared(state, "bram-dewit", "priya-raman"))


def test_an_about_text_s_abbreviations_cut_names_and_verbs_make_no_phrases() -> None:
    assert about_phrases("Art. 9 fund, we back companies.")[0] == "fund"
    assert "Series A" in about_phrases("Raising a €6M Series A in Q1.")
    assert "Series" not in about_phrases("Raising a €6M Series A in Q1.")
    assert about_phrases("I would rather it became something. A big year.") == ("big",)
    # A lone shop is no field, as a lone customer is not.
    assert about_phrases("Five growers who want to sell to shops.") == ("growers",)
    assert about_phrases("Left my job to become a market gardener.") == ("market gardener",)
    # blind6, blind9, blind11's labellers: "back ~ back" (an angel's "I only back" and a
    # patient "back in ED"), "take ~ take", "anos ~ anos" (Portuguese "years") and
    # "model ~ model suggests" were said as common ground.
    assert "back" not in about_phrases("I only back pre-seed teams. Patients end up back in ED.")
    assert "take" not in about_phrases("Permits take 9 months in Lisbon.")
    assert "anos" not in about_phrases("Trabalho há 10 anos em logística.")
    assert "model suggests" not in about_phrases("Our model suggests ICD-10 codes.")


def test_what_an_about_text_negates_is_no_interest_of_the_writer() -> None:
    # blind5's labeller: "no equity" and "we don't charge fees" were read as both people
    # mentioning equity and fees.
    assert about_phrases("We fund climate startups, no equity, no fees, just grants.") == (
        "climate startups",
        "grants",
    )
    assert about_phrases("We don’t take equity, we fund heat pumps.") == ("heat pumps",)
    assert "solar panels" not in about_phrases("I build heat pumps, not solar panels.")
    assert about_phrases("Not a VC: we fund research without equity.") == ("research",)
    # blind8's labellers: an investor's "medtech" came from what he does not fund.
    # Exclusions said as a list, as "out of scope" or with the thing first go too.
    assert about_phrases("We don't fund: medtech, crypto, gambling. We love climate.") == (
        "climate",
    )
    assert about_phrases("Outside our thesis: hardware and biotech.") == ()
    assert about_phrases("Medtech is out of scope for us; fintech is our focus.") == ("fintech",)
    assert about_phrases("Hardware is not for us.") == ()
    # blind12's labellers: a web3 angel's "Traditional fintech (banking, payments,
    # invoicing) is not my thing" was shown as his fintech. What the thing is, said in
    # brackets before its negated verb, goes with it.
    assert about_phrases("Traditional fintech (banking, payments) is not my thing.") == ()
    assert about_phrases("Medtech (devices) is not for us, but we fund climate.") == ("climate",)
    assert about_phrases("We avoid crypto startups.") == ()
    # blind15's labellers: a mentor's "I'm not useful for pure SaaS, chips or biotech"
    # was shown as his chips and biotech. A negated clause's list goes on after its
    # comma; a clause that says something of its own does not.
    assert about_phrases("I'm not useful for pure SaaS, chips or biotech.") == ()
    assert about_phrases("No crypto, no hardware, consumer is fine.") == ()
    assert about_phrases("No crypto, we fund climate hardware.") == ("climate hardware",)
    # blind20's labellers: a shipping CVC's "we don't do biotech, marine ingredients or
    # fisheries" was shown as its marine ingredients. Items joined by "or" are items of
    # the list too; a longer clause after it is not ("..., especially around finding
    # and keeping technicians").
    assert about_phrases("We don't do biotech, marine ingredients or fisheries.") == ()
    assert about_phrases("We do NOT fund consumer apps, crypto, or anything pre-product.") == ()
    assert affirmed_text(
        "Happy to help founders avoid my mistakes, especially around finding and keeping "
        "technicians."
    ).endswith("especially around finding and keeping technicians.")
    # A negation at the end of a clause leaves the list after its colon alone.
    assert "platform earnings" in about_phrases(
        "We score gig workers banks can't see: platform earnings."
    )
    # A curly apostrophe inside a word is no break: "women’s health" stays one phrase.
    assert about_phrases("Women’s health matters.") == ("Women's health matters",)


def test_what_an_about_text_is_without_or_knows_nothing_about_is_no_interest() -> None:
    """blind23's labellers: a Galician bio's "Predicia é só software, sen hardware" was
    shown as its hardware, related to two investors' hardware; a sneaker fan's "I know
    nothing about textiles" as his textiles. A focus said by exclusion stays."""
    assert about_phrases("Predicia é só software, sen hardware.") == ("Predicia é só software",)
    assert "hardware" not in " ".join(about_phrases("Es solo software, sin hardware."))
    assert about_phrases("Wir bauen Software ohne Hardware.") == ("Wir bauen Software",)
    assert about_phrases("I know nothing about textiles.") == ()
    assert about_phrases("No consumer apps, nothing outside the water cycle.") == ("water cycle",)


def test_places_and_filler_words_of_an_about_text_are_no_phrases() -> None:
    # The blind labellers rejected "Berlin ~ Berlin", "Rotterdam ~ Rotterdam", "Europe ~
    # Southern Europe" (where people are, not what they do) and lone words of talk
    # ("tell", "anyone", "you're", "evenings").
    text = (
        "Moved to Berlin from Rotterdam. If you're in Southern Europe, tell me: anyone "
        "building heat pump controls for the German market, evenings are free."
    )
    phrases = about_phrases(text)
    assert phrases[:2] == ("heat pump controls", "German market")
    for word in ("Berlin", "Rotterdam", "Southern Europe", "you're", "tell", "anyone"):
        assert word not in phrases
    assert "evenings" not in phrases
    # Smaller cities too: blind16's and blind17's readers rejected "Dundee ~ Dundee" and
    # "Piraeus ~ Piraeus", and "cortica ~ Cork" (cork, the material, and the city).
    moved = about_phrases("Our studio is in Dundee. Moved to Piraeus, then Cork.")
    assert not {"Dundee", "Piraeus", "Cork"} & set(moved)
    # Units of time: "we rent bikes by the hour" and "billed by the hour" share no ground.
    assert "hour" not in about_phrases("We rent e-cargo bikes by the hour, insurance included.")
    # A place with what is done there stays: "Brussels kitchen" says what.
    assert about_phrases("I run a Brussels kitchen.") == ("Brussels kitchen",)
    assert about_phrases("I work in real estate.") == ("real estate",)
    # Courtesies and a revenue figure: blind5-8's readers rejected "sorry ~ sorry",
    # "come ~ come", "fine ~ fine" and "ARR ~ ARR" (a metric both state).
    said = about_phrases("Sorry, no pitches by email. Come find me at the coffee bar.")
    assert said == ("coffee bar",)
    assert about_phrases("14 sites live in Estonia, €400k ARR. Fine with hardware.") == (
        "sites",
        "hardware",
    )
    # What a vague goal seeks is no topic: blind10's readers rejected "mentor ~ mentors"
    # between a founder and an engineer who each want a mentor.
    assert about_phrases("First-time founder. Would love a mentor who has raised before.") == (
        "First-time founder",
    )
    assert about_phrases("Looking for mentors, funding and networking.") == ()


def test_a_lone_word_of_an_about_text_meets_only_an_item_with_its_word() -> None:
    # blind3's readers rejected "medicine ~ healthcare" and "floorball ~ floor": one
    # word out of its sentence.
    assert apart(("medicine", "medicine", "about"), ("healthcare", "healthcare", "work"))
    assert apart(("floor", "floor", "about"), ("floorball", "floorball", "personal"))
    assert not apart(("grids", "grids", "about"), ("grid", "grid", "work"))
    # Nor a lone word of one bio and a word of another: blind17's readers rejected "sea ~
    # sea" (at sea, helping the sea), "ports ~ port tech", "owners ~ owners"; over the
    # nineteen sets 50 of 78 such pairs were rejected ("hospitals ~ public hospitals"
    # was among those accepted).
    assert apart(("sea", "sea", "about"), ("sea", "sea", "about"))
    assert apart(("ports", "ports", "about"), ("port tech", "port tech", "about"))
    assert apart(
        ("hospitals", "hospitals", "about"), ("public hospitals", "public hospitals", "about")
    )
    # Nor a hobby: "board" of "9 producers on board" / "board games" (4 of 5 rejected).
    assert apart(("board", "board", "about"), ("board games", "board games", "personal"))
    # Two phrases of two bios, and a word of a listed item, are left to the model.
    assert not apart(
        ("heat pumps", "heat pumps", "about"),
        ("heat pump installers", "heat pump installers", "work"),
    )
    assert not apart(("Python", "python", "work"), ("Scratch", "scratch", "work"))


def test_a_whole_profile_leaves_out_what_its_about_negates() -> None:
    # The whole profile is the field an investor's fit is read from: "no medtech" made
    # a medtech founder fit better, not worse.
    from matcher import Profile
    from matcher.facets import whole_text

    angel = Profile(
        id="a", name="A", headline="Angel investor",
        about="I back B2B SaaS at pre-seed. No medtech, no crypto.",
    )  # fmt: skip
    text = whole_text(angel)
    assert "SaaS" in text and "medtech" not in text and "crypto" not in text
    plain = Profile(id="b", name="B", headline="Founder", about="We build sensors for pipes.")
    assert whole_text(plain) == "Founder. We build sensors for pipes."


def test_what_a_subject_does_and_where_a_company_sits_are_no_key_phrases() -> None:
    # blind16's labellers: "act ~ act" ("Happy to act as clinical advisor", "I act for
    # founders"), "sit ~ sit", "Glasgow-based ~ Glasgow-based", "Edinburgh HQ ~
    # Edinburgh HQ" were shown as shared.
    assert about_phrases("Every week I sit down with a founder for an honest hour.") == (
        "honest hour",
    )
    assert "act" not in about_phrases("I act for founders and investors.")
    assert about_phrases("Glasgow-based, 5 people, £210k revenue in 2026.") == ()
    assert about_phrases("Edinburgh HQ, 34 people.") == ()
    assert about_phrases("HQ Vienna. A Lisbon office.") == ()
    # A place with what it is stays.
    assert about_phrases("Edinburgh fintech scene.") == ("Edinburgh fintech scene",)


def test_a_phrasal_verb_and_the_ones_who_do_something_are_no_key_phrases() -> None:
    # blind24's labellers: "propulsion startup go ~ propulsion" ("help a propulsion
    # startup go from prototype to series production"), "course à pied ~ ones running"
    # ("the last ones running a single-aisle programme"), "drone companies set" ("help
    # foreign aerospace and drone companies set up in Occitanie").
    bio = (
        "Spent 28 years at a large OEM, the last ones running a single-aisle derivative "
        "programme. Now I want to help a propulsion startup go from prototype to series "
        "production."
    )
    phrases = about_phrases(bio)
    assert "propulsion startup" in phrases and "ones running" not in phrases
    assert not any(p.endswith((" go", "running")) for p in phrases)
    assert "drone companies" in about_phrases("I help drone companies set up in Occitanie.")
    # A set that is a thing stays.
    assert "skill set" in about_phrases("We teach a new skill set to welders.")


def test_the_last_item_of_a_negated_list_after_and_is_negated_too() -> None:
    """blind25: "Not a fit: hardware, games studios, and enterprise B2B software for
    production or post-production" gave "post-production" as the investor's interest,
    said shared with a post-production investor; its reader rejected it."""
    bio = (
        "I lead Series A rounds in creator-economy companies. Not a fit: hardware, games "
        "studios, and enterprise B2B software for production or post-production."
    )
    assert "post-production" not in about_phrases(bio)
    assert "post-production" not in affirmed_text(bio)
    # A clause of its own after the list is read ("and we ...").
    assert "climate software" in about_phrases("No hardware, and we love climate software.")


def test_one_item_spelt_two_ways_is_the_same_item(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """blind25: "esport ~ esports" was said as related; its reader rejected it as the
    same item under the wrong grade."""
    from matcher import Matcher, Profile

    people = [
        Profile(id="a", name="A", interests=["esport", "telco bundles"]),
        Profile(id="b", name="B", interests=["esports", "CS2 teams"]),
    ]
    cg = Matcher(encoder=real_encoder).common_ground(people[0], people[1])
    assert [(s.a, s.b, s.grade) for s in cg.shared if s.a == "esport"] == [
        ("esport", "esports", "same")
    ]


def test_an_item_weighing_one_thing_against_another_is_not_the_same_as_either(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """blind26: a Swedish heat-pump installer's "fjärrvärme vs värmepump" (district
    heating vs heat pumps: he replaces district heating) was said to be the same as
    three people's "district heating"; its readers rejected all three."""
    assert compares("district heating vs heat pumps") and compares("rent versus buy")
    assert not compares("district heating") and not compares("vs code extensions")
    event = quality_event("blind26")
    grades = {
        (s.a, s.b): s.grade for s in event.common_ground("kadri-saar", "oskar-lindgren").shared
    }
    assert grades.get(("district heating", "fjärrvärme vs värmepump")) != "same"


def test_one_word_in_two_senses_is_no_common_ground(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind26: "housing mobility" (social tenants swapping flats) was said related to
    "labour mobility" (engineers relocating) and to an angel's "mobiilsus" (urban
    transport), "waste heat recovery" to "waste management", "urban heat island" to
    district heating; readers rejected all eight such claims."""
    work = "work"
    for a, b in (
        ("housing mobility", "labour mobility"),
        ("labour mobility", "rural mobility"),
        ("housing mobility", "mobility"),
        ("waste heat recovery", "waste management"),
        ("urban heat island", "district heating"),
    ):
        assert apart((a, a, work), (b, b, work)), (a, b)
    for a, b in (
        ("urban mobility", "mobility"),
        ("labour mobility", "labour mobility"),
        ("food waste", "textile waste"),
        ("district heating", "heat pumps"),
    ):
        assert not apart((a, a, work), (b, b, work)), (a, b)
    event = quality_event("blind26")
    shared = event.common_ground("arturs-liepa", "laima-dambrauskiene").shared
    assert ("housing mobility", "labour mobility") not in {(s.a, s.b) for s in shared}
