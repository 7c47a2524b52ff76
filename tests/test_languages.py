"""Profiles in other languages: detected, and told to the attendee and the organizer.

The bundled model (all-MiniLM-L6-v2) reads English; "Wärmepumpen" and "heat pumps"
are far apart in it. A profile in a language with a glossary is matched in English
(`matcher.translation`, tests/test_translation.py) and its attendee told so; any
other language gets a clear notice and is shown to the organizer, never a silently
empty page.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from matcher import Profile, profile_language, reads_across_languages
from models import Attendee
from web.services.languages import language_notice

QUALITY = Path(__file__).parent / "fixtures" / "quality"
WRITTEN_IN = {
    "ana-garcia": "es", "klaus-brenner": "de", "julia-schmidt": "de",
    "camille-bernard": "fr", "joao-pereira": "pt", "giulia-bianchi": "it",
    "hanna-de-boer": "nl", "diego-ramos": "es",
}  # fmt: skip


def people(name: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((QUALITY / f"{name}.json").read_text())["profiles"]


def as_profile(person: dict) -> Profile:  # type: ignore[type-arg]
    fields = {f.name for f in dataclasses.fields(Profile)}
    return Profile(**{k: v for k, v in person.items() if k in fields})


@pytest.mark.parametrize("dataset", ["conference", "heldout"])
def test_the_language_of_each_hand_written_profile_is_told(dataset: str) -> None:
    found = {p["id"]: profile_language(as_profile(p)) for p in people(dataset)}
    others = {pid: code for pid, code in found.items() if code != "en"}
    assert others == {pid: c for pid, c in WRITTEN_IN.items() if pid in found}


def test_estonian_and_latvian_are_told_as_such_not_read_as_finnish() -> None:
    # Estonian reads like Finnish to a detector that knows only Finnish, and would
    # then be "translated" with the Finnish glossary; Latvian passed as English.
    estonian = Profile(
        id="kadri", name="Kadri", headline="Tegevjuht, Metsaandmed OÜ",
        interests=["metsandus", "kaugseire", "andmeanalüüs"],
        looking_for=["investorid meie esimesse rahastusringi"],
        about="Aitame metsaomanikel oma metsa satelliidipiltide abil paremini hallata.",
    )  # fmt: skip
    latvian = Profile(
        id="janis", name="Jānis", headline="Programmatūras inženieris",
        interests=["mākslīgais intelekts", "datu analīze"],
        about="Meklēju darbu jaunuzņēmumā, kas strādā ar enerģētiku.",
    )  # fmt: skip
    assert profile_language(estonian) == "et"
    assert profile_language(latvian) == "lv"


def test_short_tag_lists_count_as_english() -> None:
    for tags in (["Rust"], ["grid flexibility", "MRV"], ["AI", "ML", "LLMs"]):
        assert profile_language(Profile(id="x", name="X", interests=tags)) == "en"


def test_only_multilingual_models_match_across_languages() -> None:
    assert not reads_across_languages("all-MiniLM-L6-v2")
    assert not reads_across_languages("sentence-transformers/all-mpnet-base-v2")
    assert reads_across_languages("paraphrase-multilingual-MiniLM-L12-v2")
    assert reads_across_languages("sentence-transformers/LaBSE")


KLAUS = next(p for p in people("conference") if p["id"] == "klaus-brenner")


def form(person: dict, email: str) -> dict[str, str]:  # type: ignore[type-arg]
    return {
        "name": person["name"],
        "email": email,
        "headline": person["headline"],
        "interests": "; ".join(person["interests"]),
        "personal_interests": "; ".join(person["personal_interests"]),
        "looking_for": "; ".join(person["looking_for"]),
        "offering": "; ".join(person["offering"]),
        "organizations": "; ".join(person["organizations"]),
        "about": person["about"],
        "links": "",
    }


# A profile in a language without a glossary (Arabic): the model reads it poorly.
LAYLA = {
    "name": "Layla Haddad",
    "headline": "مديرة مشاريع في تعاونية للطاقة في عمّان",
    "interests": ["المضخات الحرارية", "الطاقة المتجددة", "تعاونيات الطاقة"],
    "personal_interests": ["الإبحار"],
    "looking_for": ["شركاء لمشاريع الطاقة الشمسية"],
    "offering": ["خبرة في المنح الأوروبية"],
    "organizations": [],
    "about": "أعمل مع البلديات على مشاريع محلية للطاقة المتجددة.",
}


def test_a_profile_the_model_cannot_read_is_told_and_the_organizer_sees_it(  # type: ignore[no-untyped-def]
    app, make_event, sign_up, open_private_link, login, make_organizer
) -> None:
    make_event(app, make_organizer(app), slug="conf")
    english = [p for p in people("conference") if p["id"] not in WRITTEN_IN][:6]
    english_reader = app.test_client()
    english_token = sign_up(english_reader, **form(english[0], "p0@example.org"))
    for i, person in enumerate(english[1:], start=1):
        sign_up(app.test_client(), **form(person, f"p{i}@example.org"))
    layla = app.test_client()
    token = sign_up(layla, **form(LAYLA, "layla@example.org"))
    sign_up(app.test_client(), **form(KLAUS, "klaus@example.de"))  # German: translated
    open_private_link(layla, token)
    page = layla.get("/e/conf/me").get_data(as_text=True)
    assert 'id="language-notice"' in page and "data-translated" not in page
    assert "Your profile is written in Arabic." in page
    assert "compares profiles in English" in page and "in English too" in page
    open_private_link(english_reader, english_token)
    assert 'id="language-notice"' not in english_reader.get("/e/conf/me").get_data(as_text=True)

    organizer = app.test_client()
    login(organizer)
    event_page = organizer.get("/organizer/events/conf").get_data(as_text=True)
    assert "Profiles in other languages" in event_page and "(Arabic 1)" in event_page
    # The languages said to be matched through the glossary are the glossary's own.
    assert "Profiles in German, Spanish, French" in event_page
    matched = "Greek, Romanian, Turkish, Slovak and Luxembourgish are matched"
    assert matched in event_page
    listed = organizer.get("/organizer/events/conf/attendees?filter=other-language")
    text = listed.get_data(as_text=True)
    assert "Layla Haddad" in text and "Arabic profile" in text
    assert "1 attendee · profile in another language" in text
    assert "Klaus Brenner" not in text  # matched through the German glossary
    assert not any(p["name"] in text for p in english)


def test_a_german_heat_pump_installer_is_told_his_profile_is_translated(  # type: ignore[no-untyped-def]
    app, make_event, sign_up, open_private_link, login, make_organizer
) -> None:
    make_event(app, make_organizer(app), slug="conf")
    english = [p for p in people("conference") if p["id"] not in WRITTEN_IN][:4]
    for i, person in enumerate(english):
        sign_up(app.test_client(), **form(person, f"p{i}@example.org"))
    klaus = app.test_client()
    token = sign_up(klaus, **form(KLAUS, "klaus@example.de"))
    open_private_link(klaus, token)
    page = klaus.get("/e/conf/me").get_data(as_text=True)
    assert 'id="language-notice"' in page and "data-translated" in page
    assert "Your profile is written in German." in page
    assert "we translate the usual words of events like this one from German" in page
    assert "likely why" not in page  # the glossary applies: no claim that it cannot match

    organizer = app.test_client()
    login(organizer)
    event_page = organizer.get("/organizer/events/conf").get_data(as_text=True)
    assert "Profiles in other languages" not in event_page
    listed = organizer.get("/organizer/events/conf/attendees?filter=other-language")
    assert "German profile" not in listed.get_data(as_text=True)


def test_no_notice_when_the_model_reads_every_language(app, make_public_event, sign_up) -> None:  # type: ignore[no-untyped-def]
    make_public_event(app)
    sign_up(app.test_client(), **form(KLAUS, "klaus@example.de"))
    with app.extensions["cg_sessions"]() as session:
        klaus = session.scalar(sa.select(Attendee))
        notice = language_notice(klaus, "all-MiniLM-L6-v2")
        assert notice is not None and notice.language == "German" and notice.translated
        assert language_notice(klaus, "paraphrase-multilingual-MiniLM-L12-v2") is None


def test_a_few_german_tags_are_told_they_are_translated(app, make_public_event, sign_up) -> None:  # type: ignore[no-untyped-def]
    # Too short for the language identifier; the German glossary knows both words.
    make_public_event(app)
    terse = {key: ([] if isinstance(value, list) else "") for key, value in KLAUS.items()}
    terse |= {"name": "Uwe Kranz", "interests": ["Wärmepumpen"], "personal_interests": ["Angeln"]}
    sign_up(app.test_client(), **form(terse, "uwe@example.de"))
    with app.extensions["cg_sessions"]() as session:
        uwe = session.scalar(sa.select(Attendee))
        notice = language_notice(uwe, "all-MiniLM-L6-v2")
        assert notice is not None and notice.language == "German" and notice.translated
