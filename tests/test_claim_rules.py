"""Claims a careful reader accepts, over the human-judged conference set, with the real model.

A programming language named by an everyday word ("Rust") is not that word's
everyday sense ("rust and corrosion monitoring"); "similar backgrounds" quotes both
headlines, so it needs the two headlines to agree, not only the two profiles' topics.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import human_set  # noqa: E402

from matcher import EventState, Matcher  # noqa: E402
from matcher.normalise import normalise_phrase  # noqa: E402


@pytest.fixture(scope="module")
def state(real_encoder) -> EventState:  # type: ignore[no-untyped-def]
    event = Matcher(encoder=real_encoder).event(human_set.load_set("conference").profiles, k=5)
    event.rematch()
    return event


def test_a_language_named_by_an_everyday_word_means_the_language_as_a_work_interest() -> None:
    assert normalise_phrase("Rust") == normalise_phrase("Rust ")
    assert normalise_phrase("Rust") != normalise_phrase("rust")
    assert "programming language" in normalise_phrase("embedded Rust")
    # Lower case or first word: the everyday sense; a hobby "Go" is the board game.
    assert normalise_phrase("Rust and corrosion monitoring") == "rust and corrosion monitoring"
    assert normalise_phrase("Go", personal=True) == "go"


def test_rust_the_language_and_rust_the_corrosion_are_not_even_related(state) -> None:  # type: ignore[no-untyped-def]
    for engineer in ("ahmed-hassan", "jonas-klein", "mia-schulz"):
        cg = state.common_ground(engineer, "henrik-olsen")
        assert not [s for s in cg.shared if "rust" in s.a.lower() and "rust" in s.b.lower()]
    same = state.common_ground("jonas-klein", "mia-schulz").shared
    assert any(s.a == s.b == "Rust" and s.grade == "same" for s in same)


def test_similar_backgrounds_need_headlines_that_agree(state) -> None:  # type: ignore[no-untyped-def]
    def background(a: str, b: str) -> bool:
        return any(t.kind == "background" for t in state.common_ground(a, b).ties)

    # A designer and an engineer whose topics overlap do not have similar backgrounds...
    for engineer in ("eva-lindqvist", "nora-eriksson", "emma-johansson", "ahmed-hassan"):
        assert not background(engineer, "sophie-martin")
    # ...two engineers in neighbouring fields, and two food-fermentation people, do.
    assert background("ahmed-hassan", "tim-oconnor")
    assert background("ingrid-holm", "tobias-richter")


def test_a_narrower_kind_named_with_the_other_word_is_related_not_nothing(
    real_encoder,
) -> None:  # type: ignore[no-untyped-def]
    people = human_set.load_set("held-out").profiles
    event = Matcher(encoder=real_encoder).event(people, k=5)
    event.rematch()
    # "bird photography" is photography (cosine 0.61, under the hobby bar of 0.7).
    shared = event.common_ground("peter-lang", "noor-aziz").shared
    assert [(s.a, s.b, s.grade) for s in shared] == [("bird photography", "photography", "related")]
    # Only a head word said alone: "growing pumpkins and squash" is no kind of squash,
    # and two different activities stay apart.
    assert not event.common_ground("marie-lefevre", "olivia-brown").shared
    assert not event.common_ground("alex-kim", "maria-santos").shared


def test_an_acronym_of_the_event_s_fields_and_its_words_are_the_same_item(state) -> None:  # type: ignore[no-untyped-def]
    assert normalise_phrase("LCA") == normalise_phrase("life cycle assessment")
    assert normalise_phrase("MRV") == "measurement reporting and verification"
    shared = state.common_ground("stefan-huber", "olga-novak").shared
    assert any(
        s.a == "LCA" and s.b == "life cycle assessment" and s.grade == "same" for s in shared
    )


def test_two_founders_have_similar_backgrounds_only_when_their_companies_do_alike_things(
    quality_event,
) -> None:  # type: ignore[no-untyped-def]
    """Being founders is no similar work: the headlines must say the two companies do
    alike things (readers of the labelled sets rejected such pairs of unlike ones)."""

    def background(name: str, a: str, b: str) -> bool:
        ties = quality_event(name).common_ground(a, b).ties
        return any(t.kind == "background" for t in ties)

    # Nonprofit compliance software and lobby-meeting data; easy-to-read AI for public
    # administrations and online tutoring; buy-now-pay-later for craftsmen and a freight
    # marketplace: founders all, no similar work.
    assert not background("blind27", "julien-marchal", "ruairi-byrne")
    assert not background("blind27", "katharina-hofer", "zsofia-nagy")
    assert not background("blind", "amelie-roux", "bianca-stoica")
    # A freight marketplace and cargo-bike delivery; crypto donations and a donor CRM for
    # charities: founders of alike companies.
    assert background("blind", "bianca-stoica", "joao-pereira")
    assert background("blind27", "jakub-horak", "matthew-clarke")


def test_a_place_both_name_is_where_not_what_they_share(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind28: two items that share only a place's name were said related (rejected)."""

    def shared(name: str, a: str, b: str) -> set[tuple[str, str]]:
        return {(s.a, s.b) for s in quality_event(name).common_ground(a, b).shared}

    # Two hobbies in one place; a place in a bio and another's restaurants or club.
    assert ("fishing in Cabo de Gata", "kitesurfing in Cabo de Gata") not in shared(
        "blind28", "alejandro-martin", "marta-quesada"
    )
    assert ("sailing in Cádiz", "Cádiz carnival") not in shared(
        "blind28", "ines-marquez", "manuel-ruiz"
    )
    assert ("Seville restaurants", "Seville company") not in shared(
        "blind28", "hannah-whitaker", "rafael-molina"
    )
    # A place and what is there, alike: still said ("Lyon labs" / "Lyon academic lab").
    assert ("Lyon labs", "Lyon academic lab") in shared("blind11", "nathalie-brun", "raphael-morel")
