"""Every sentence about a pair comes from matcher.wording, from either side of one object."""

from __future__ import annotations

from matcher import (
    CommonGround,
    Complement,
    Matcher,
    Profile,
    SharedItem,
    Tie,
    phrase_keys,
    wording,
)
from matcher.specificity import GENERIC_TOPICS


def pair() -> CommonGround:
    cg = CommonGround(
        score=0.62,
        shared=[
            SharedItem("marathons", "trail running", 0.71, "personal", 0.8),
            SharedItem("Carbon capture", "carbon capture", 1.0, "interest", 0.9),
        ],
        complements=[
            Complement("a", "a technical co-founder", "backend engineering", 0.6),
            Complement("b", "seed investors", "angel investing", 0.7),
        ],
        ties=[Tie("organization", "Google LLC", "Google")],
    )
    cg.reasons = wording.reasons(cg)
    return cg


def test_reasons_cite_both_peoples_words_and_say_what_each_can_give() -> None:
    assert pair().reasons == [
        "A shared personal interest — you: marathons; them: trail running.",
        "You both listed Carbon capture.",
        "They are looking for “seed investors” — you offer “angel investing”.",
        "You are looking for “a technical co-founder” — they offer “backend engineering”.",
        "You are both connected to Google LLC — you: Google LLC; them: Google.",
    ]


def test_the_other_side_reads_the_same_pair_from_their_side() -> None:
    cg = pair()
    theirs = cg.flipped()
    assert theirs.reasons == [
        "A shared personal interest — you: trail running; them: marathons.",
        "You both listed carbon capture.",
        "They are looking for “a technical co-founder” — you offer “backend engineering”.",
        "You are looking for “seed investors” — they offer “angel investing”.",
        "You are both connected to Google — you: Google; them: Google LLC.",
    ]
    assert wording.note(cg) == cg.reasons[0]
    assert wording.note(theirs) == theirs.reasons[0]
    assert theirs.flipped().reasons == cg.reasons


def test_the_scan_page_blocks_name_the_other_person_and_mark_their_words() -> None:
    blocks = wording.sections(pair(), "Dr. Ana Lopez")
    assert [(s.kind, s.title) for s in blocks] == [
        ("shared", "You both care about"),
        ("complements", "You can help each other"),
        ("ties", "Mutual ties"),
    ]
    shared, goals, ties = blocks
    assert [line.text for line in shared.lines] == [
        "you: marathons · them: trail running",
        "carbon capture",
    ]
    assert shared.lines[0].personal and not shared.lines[1].personal
    assert [text for text, role in shared.lines[0].parts if role == "item"] == [
        "marathons",
        "trail running",
    ]
    assert shared.lines[1].parts == (("carbon capture", "both"),)
    assert [line.text for line in goals.lines] == [
        "You look for a technical co-founder — Ana offers backend engineering",
        "Ana looks for seed investors — you offer angel investing",
    ]
    assert [line.text for line in ties.lines] == ["you: Google LLC · them: Google"]
    cg = pair()
    cg.ties.append(Tie("contact", "Maria Silva", "Maria Silva"))
    assert wording.sections(cg, "Ana")[2].lines[1].text == "You have both met Maria Silva here"
    assert wording.sections(CommonGround(score=0.0), "Ana") == []


def test_export_cells_and_contact_summaries() -> None:
    cg = pair()
    assert wording.shared_text(cg) == "marathons ↔ trail running; Carbon capture"
    assert wording.complements_text(cg, "Ada Lovelace", "Prof. Ben Ng") == (
        "Ada looks for a technical co-founder ↔ Ben offers backend engineering; "
        "Ben looks for seed investors ↔ Ada offers angel investing"
    )
    assert wording.reason_text(CommonGround(0.1, reasons=["One", "Two!"])) == "One. Two!"
    assert wording.summary(cg) == (
        "you: marathons · them: trail running; carbon capture; "
        "you look for a technical co-founder, they offer backend engineering; "
        "they look for seed investors, you offer angel investing; both: Google"
    )
    assert [wording.shared_label(s) for s in cg.shared] == [
        "you: marathons · them: trail running",
        "carbon capture",
    ]


def test_the_follow_up_recalls_what_is_shared_and_offers_help() -> None:
    cg = pair()
    assert wording.recall_line(cg) == (
        "It was fun to discover how much your trail running and my marathons have in "
        "common — and that we both have Google in our background."
    )
    assert wording.offer_line(cg) == (
        "I'd love to hear more about your experience with backend engineering."
    )
    assert wording.recall_line(CommonGround(score=0.0)) == ""


def test_phrase_keys_are_exactly_the_phrases_matching_embeds(fake_encoder) -> None:  # type: ignore[no-untyped-def]
    person = Profile(
        id="p",
        name="P",
        interests=["ML", "  Carbon capture. ", "carbon capture"],
        personal_interests=["Trail running"],
        looking_for=["Looking for a technical co-founder"],
        offering=["happy to mentor"],
        organizations=["Acme Inc."],
    )
    matcher = Matcher(encoder=fake_encoder)
    matcher.event([person])
    embedded = set(matcher.vectors._rows)  # the person's phrases and the generic prior's
    assert phrase_keys(person) <= embedded
    assert embedded - phrase_keys(person) <= set(GENERIC_TOPICS)
    assert phrase_keys(person) == {
        "machine learning",
        "carbon capture",
        "trail running",
        "technical co-founder",
        "mentor",
        # The need also offered (a co-founder search meets another's), and the whole
        # professional profile: both are the person's, deleted with them.
        "looking for technical co-founder",
        "profile: ML, Carbon capture",
        # The need's subject ("matcher.goals.subject"): whether a provider fits it.
        "technical",
    }


def test_two_people_seeking_a_co_founder_are_said_to_share_a_goal_not_to_help_each_other() -> None:
    """Each wrote what they lack: "you can help each other" would be untrue (issue 16).
    A hiring manager and a job seeker, both under "looking for", still help each other."""
    cg = CommonGround(
        score=0.4,
        complements=[
            Complement("a", "a technical co-founder", "technical co-founders", 0.87, mutual=True),
            Complement("b", "a senior data engineer", "a data engineering job", 0.7, mutual=True),
        ],
    )
    blocks = {s.kind: s for s in wording.sections(cg, "Leila Haddad")}
    assert blocks["goals"].title == "You are both looking for"
    (peer,) = blocks["goals"].lines
    assert [t for t, _ in peer.parts] == [
        "you: ",
        "a technical co-founder",
        " · ",
        "them: ",
        "technical co-founders",
    ]
    (helps,) = blocks["complements"].lines
    assert "a senior data engineer" in "".join(t for t, _ in helps.parts)
    said = wording.reasons(cg)
    both = (
        "You are both looking for — you: “a technical co-founder”; them: “technical co-founders”."
    )
    assert both in said
    assert not any("co-founder" in r and "You are looking for" in r for r in said)
    assert "both look for — Ada: a technical co-founder · Leila: technical co-founders" in (
        wording.complements_text(cg, "Ada Lovelace", "Leila Haddad")
    )
    assert "both look for: you: a technical co-founder" in wording.summary(cg)


def test_co_founder_searches_for_different_sides_are_said_as_meeting_each_other() -> None:
    """A CEO's "a technical co-founder" and an engineer's "a co-founder with domain
    knowledge" (met only where each is the other's side, `matcher.roles`): each is what
    the other looks for, said so, not "you are both looking for"."""
    cg = CommonGround(
        score=0.4,
        complements=[
            Complement(
                "a", "a technical co-founder", "a co-founder with domain knowledge", 0.64, True
            ),
        ],
    )
    said = wording.reasons(cg)
    assert (
        "You are looking for “a technical co-founder” — they are looking for "
        "“a co-founder with domain knowledge”."
    ) in said
    assert not any("both looking for" in r for r in said)
    assert {s.kind for s in wording.sections(cg, "Jonas Becker")} >= {"complements"}
    # Seen from the other side, mid-sentence: "— you look for", never "— You look for".
    (line,) = {s.kind: s for s in wording.sections(cg.flipped(), "Maya Okafor")}[
        "complements"
    ].lines
    said = "".join(t for t, _ in line.parts)
    assert said == (
        "Maya looks for a technical co-founder — you look for a co-founder with domain knowledge"
    )


def test_founders_sought_are_met_by_a_company_said_as_such() -> None:
    """A journalist's "founders to write about" met by a founder whose
    company looks for pilot customers (the demo's Ella and Maya): what qualifies her is
    her company, said so, not "they are looking for pilot customers" on its own."""
    cg = CommonGround(
        score=0.4,
        complements=[
            Complement("b", "founders to write about", "pilot customers in shipping", 0.5, True),
        ],
    )
    assert wording.reasons(cg) == [
        "They are looking for “founders to write about” — your company is "
        "looking for “pilot customers in shipping”."
    ]
    (line,) = {s.kind: s for s in wording.sections(cg.flipped(), "Maya Okafor")}[
        "complements"
    ].lines
    assert "".join(t for t, _ in line.parts) == (
        "You look for founders to write about — Maya's company looks for "
        "pilot customers in shipping"
    )
    # A hire met by a job sought is said as before.
    hire = CommonGround(
        score=0.4,
        complements=[Complement("a", "senior Rust engineers", "a backend job in Rust", 0.6, True)],
    )
    assert wording.reasons(hire) == [
        "You are looking for “senior Rust engineers” — they are looking for "
        "“a backend job in Rust”."
    ]
