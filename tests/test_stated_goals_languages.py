"""Goals written in the about or headline of a profile in a glossary language ("Wir
suchen ...", "On recrute aussi ...", "Cerchiamo ...") are read as in English
(`matcher.stated_goals`), and quoted in the person's own words."""

from __future__ import annotations

import pytest

from matcher import Matcher, Profile
from matcher.facets import Vocabulary, encode_profile
from matcher.goals import KINDS, K, goal_kind
from matcher.stated_goals import is_statement, stated_needs
from matcher.translation import to_english


@pytest.mark.parametrize(
    ("code", "about", "kind"),
    [
        ("de", "Wir stellen auch ein: Data Scientist mit Erfahrung in Zeitreihen.", "hire"),
        ("de", "Wir suchen einen Co-Founder für Vertrieb.", "cofounder"),
        ("fr", "On recrute aussi un développeur backend.", "hire"),
        ("fr", "Nous cherchons des investisseurs pour notre seed.", "capital"),
        ("it", "Cerchiamo un co-investitore per il nostro round.", "capital"),
        ("nl", "Ik zoek ook een technische medeoprichter.", "cofounder"),
        ("es", "Buscamos inversores para nuestra ronda semilla.", "capital"),
        ("pl", "Szukamy inwestora na rundę seed.", "capital"),
    ],
)
def test_a_goal_in_another_language_is_read_and_quoted_as_written(
    code: str, about: str, kind: str
) -> None:
    needs = stated_needs("", about, [], code)
    assert [KINDS[goal_kind(key) % K] for key, _ in needs] == [kind]
    words = needs[0][1]
    assert words == about.rstrip(".")  # the person's own sentence
    assert is_statement(words), "quoted as what their profile says"


@pytest.mark.parametrize(
    ("code", "about"),
    [
        ("de", "Wir haben 2019 Investoren gesucht."),  # the past
        ("fr", "Nous aidons les startups qui cherchent des investisseurs."),  # someone else
        ("es", "Buscamos hacer la logística más justa."),  # a mission, no kind
        # What one does not want: "looking for not a permanent contract".
        ("de", "Ich suche keine Festanstellung, sondern Projekte."),
    ],
)
def test_no_goal_in_another_language_where_english_has_none(code: str, about: str) -> None:
    assert stated_needs("", about, [], code) == []


def test_a_listed_item_in_another_language_is_no_statement() -> None:
    assert not is_statement("Investoren für unsere Seed-Runde")
    assert not is_statement("un développeur backend")
    assert not is_statement("a CTO for our startup")


@pytest.mark.parametrize("code", ["es", "pt", "fr", "it", "nl", "pl", "cs"])
def test_series_a_stays_series_a(code: str) -> None:
    """Was "series as lead" (the plural ending put on the letter), "Series to lead"
    (Italian "a"), "Series and lead" (Polish "a")."""
    assert to_english("Series A lead", code).casefold() == "series a lead"
    assert to_english("lead for Series A", code).casefold().endswith("series a")


# A German founder whose about says she is hiring (and lists no goals).
LENA = Profile(
    id="lena",
    name="Lena",
    headline="Gründerin, Zeitreihen-Analytik für Stadtwerke",
    interests=["Energiewirtschaft", "Prognosen", "Netzbetrieb"],
    about=(
        "Wir helfen Stadtwerken, Lastprognosen zu verbessern. "
        "Wir stellen auch ein: Data Scientist mit Erfahrung in Zeitreihen."
    ),
)
LENA_HIRES = "Wir stellen auch ein: Data Scientist mit Erfahrung in Zeitreihen"


def test_a_german_profile_needs_what_its_about_says() -> None:
    row = encode_profile(LENA, Vocabulary())
    assert row.words["needs"] == [LENA_HIRES]


def test_an_english_data_scientist_meets_a_german_team_hiring_one(real_encoder) -> None:  # type: ignore[no-untyped-def]
    seeker = Profile(
        id="omar",
        name="Omar",
        headline="Data scientist, time series forecasting",
        interests=["time series", "energy forecasting"],
        looking_for=["a data scientist job in energy"],
    )
    crowd = [
        Profile(id="c1", name="C1", headline="Product designer", interests=["design systems"]),
        Profile(id="c2", name="C2", headline="Sales lead", interests=["B2B sales"]),
    ]
    cg = Matcher(encoder=real_encoder).common_ground(seeker, LENA, population=crowd)
    assert any(LENA_HIRES in (c.need, c.offer) for c in cg.complements)


def test_a_translated_sentence_saying_a_listed_goal_again_is_not_added() -> None:
    listed = [("industry partners for a horizon europe proposal", "industry partners ...")]
    about = "We zoeken industriële partners voor een Horizon Europe-aanvraag (deadline april)."
    assert stated_needs("", about, listed, "nl") == []
    assert stated_needs("", about, [], "nl") != []
