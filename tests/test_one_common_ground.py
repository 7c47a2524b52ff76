"""One common ground per pair: the suggestion card, the scan page, the export row and
the API say the same shared items, complements and reasons, from one stored object;
rounds notes and the follow-up draft say it too, and the other person reads it flipped."""

from __future__ import annotations

import csv
import html
import io
import re

import sqlalchemy as sa

from matcher import CommonGround, wording
from matcher.followup import draft_follow_up
from models import RoundAssignment, Suggestion
from web.services.contacts import my_contacts
from web.services.exporting import HEADERS
from web.services.matching import profile_of

ADA = {}  # the helpers' default profile: marathons, carbon capture, compilers; chess, poetry
BEN = {
    "name": "Benoît Ngô",
    "email": "ben@example.org",
    "interests": "carbon capture; sailing",
    "personal_interests": "marathons",
    "looking_for": "mentoring in mathematics",
    "offering": "a technical co-founder",
    "organizations": "University of London",
}
OTHERS = [
    {"name": "Cleo Park", "email": "cleo@example.org", "interests": "sailing; poetry"},
    {"name": "Dev Rao", "email": "dev@example.org", "interests": "compilers; jazz"},
]


def text_of(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags gone, entities read, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_card_scan_page_export_row_and_api_carry_the_same_common_ground(  # type: ignore[no-untyped-def]
    app,
    client,
    api_client,
    make_api_key,
    make_organizer,
    make_event,
    sign_up,
    open_private_link,
    login,
    list_attendees,
) -> None:
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    ada_phone = app.test_client()
    ada_link = sign_up(ada_phone, slug="climate", **ADA)
    ben_phone = app.test_client()
    ben_link = sign_up(ben_phone, slug="climate", **BEN)
    for person in OTHERS:
        sign_up(app.test_client(), slug="climate", **person)
    people = {a.email: a for a in list_attendees(app, "climate")}
    ada, ben = people["ada@example.org"], people["ben@example.org"]
    with app.extensions["cg_sessions"]() as session:
        detail = session.scalar(
            sa.select(Suggestion.detail).where(
                Suggestion.attendee_id == ada.id, Suggestion.other_id == ben.id
            )
        )
    assert detail, "Ben is among Ada's suggestions"
    cg = CommonGround.from_dict(detail)
    assert cg.shared and cg.complements and cg.reasons and cg.starters

    # The suggestion card on Ada's page.
    open_private_link(ada_phone, ada_link)
    page = ada_phone.get("/e/climate/me").get_data(as_text=True)
    card = next(c for c in page.split('<li class="card person">')[1:] if "Benoît Ngô" in c)
    reasons = [
        text_of(r)
        for r in re.findall(r"<li>(.*?)</li>", card.split('class="reasons"')[1].split("</ul>")[0])
    ]
    assert reasons == cg.reasons[:3]
    chips = [text_of(c) for c in re.findall(r'<li class="chip[^"]*">(.*?)</li>', card, re.S)]
    assert chips == [wording.shared_label(s) for s in cg.shared[:4]]

    # The scan page: Ada opens Ben's badge.
    scan = ada_phone.get(f"/b/{ben.badge_token}").get_data(as_text=True)
    lines = [text_of(x) for x in re.findall(r'<li class="cg-item[^"]*">(.*?)</li>', scan, re.S)]
    expected = [line.text for s in wording.sections(cg, ben.name) for line in s.lines]
    assert lines == [" ".join(x.split()) for x in expected]
    starters = [text_of(s) for s in re.findall(r'<li class="starter">(.*?)</li>', scan, re.S)]
    assert starters == cg.starters

    # The organizer's introductions export.
    login(client)
    exported = client.get("/organizer/events/climate/export.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    col = {name: i for i, name in enumerate(rows[0])}
    assert rows[0] == HEADERS
    row = next(
        r
        for r in rows[1:]
        if r[col["Attendee"]] == ada.name and r[col["Suggested person"]] == ben.name
    )
    assert row[col["Shared interests"]] == wording.shared_text(cg)
    assert row[col["Complementary goals"]] == wording.complements_text(cg, ada.name, ben.name)
    assert row[col["Reason"]] == wording.reason_text(cg)
    assert row[col["Conversation starter"]] == cg.starters[0]

    # The JSON API.
    api = api_client(app.test_client(), make_api_key(app, organizer))
    body = api.get("/events/climate/attendees/ada@example.org/suggestions").get_json()
    item = next(s for s in body["data"] if s["person"]["name"] == ben.name)
    assert item["reasons"] == cg.reasons and item["starters"] == cg.starters
    assert [(s["mine"], s["theirs"]) for s in item["shared"]] == [(s.a, s.b) for s in cg.shared]
    assert [(c["who_needs"], c["need"], c["offer"]) for c in item["complements"]] == [
        ("attendee" if c.seeker == "a" else "person", c.need, c.offer) for c in cg.complements
    ]

    # Ben's side of the same pair is the same object, flipped: his scan of Ada's badge.
    open_private_link(ben_phone, ben_link)
    theirs = ben_phone.get(f"/b/{ada.badge_token}").get_data(as_text=True)
    lines = [text_of(x) for x in re.findall(r'<li class="cg-item[^"]*">(.*?)</li>', theirs, re.S)]
    flipped = cg.flipped()
    assert lines == [
        " ".join(line.text.split()) for s in wording.sections(flipped, ada.name) for line in s.lines
    ]

    # Their stored suggestion of Ada is the same common ground, seen from his side.
    with app.extensions["cg_sessions"]() as session:
        back = session.scalar(
            sa.select(Suggestion.detail).where(
                Suggestion.attendee_id == ben.id, Suggestion.other_id == ada.id
            )
        )
    assert back, "Ada is among Ben's suggestions too"
    assert {**CommonGround.from_dict(back).to_dict(), "starters": []} == {
        **flipped.to_dict(),
        "starters": [],
    }

    # Speed-networking rounds: each side's table note is its side of that one object.
    result = app.test_cli_runner().invoke(
        args=["rounds", "climate", "--rounds", "3", "--tables", "2"]
    )
    assert result.exit_code == 0, result.output
    with app.extensions["cg_sessions"]() as session:
        seats = session.scalars(
            sa.select(RoundAssignment).where(RoundAssignment.attendee_id.in_([ada.id, ben.id]))
        ).all()
    notes = [
        (seat.attendee_id, seat.notes[str(other)])
        for seat in seats
        for other in (ada.id, ben.id)
        if str(other) in seat.notes
    ]
    assert wording.note(cg) and sorted(notes) == sorted(
        [(ada.id, wording.note(cg)), (ben.id, wording.note(flipped))]
    ), "Ada and Ben share a table in one of three rounds of four people"
    assert f"Benoît Ngô — {wording.note(cg)}" in text_of(ada_phone.get("/e/climate/me").text)

    # Ada saves Ben: the suggestion is gone, and the follow-up draft on her contacts
    # page recalls the same common ground (now the event state's, not a stored copy).
    note = "talked about sailing in winter"
    saved = ada_phone.post(f"/b/{ben.badge_token}/save", data={"note": note})
    assert saved.status_code == 302
    with app.extensions["cg_sessions"]() as session:
        assert not session.scalar(
            sa.select(Suggestion.id).where(
                Suggestion.attendee_id == ada.id, Suggestion.other_id == ben.id
            )
        )
    contacts = ada_phone.get("/e/climate/me/contacts").get_data(as_text=True)
    drafts = re.findall(r'<textarea id="draft-\d+"[^>]*>(.*?)</textarea>', contacts, re.S)
    expected = draft_follow_up(profile_of(ada), profile_of(ben), cg, note, "Climate Summit")
    assert wording.recall_line(cg) in expected.body
    assert [html.unescape(d) for d in drafts] == [expected.body]
    with app.extensions["cg_sessions"]() as session:
        (view,) = my_contacts(session, app.extensions["cg_matcher"], ada, "Climate Summit")
    assert {**view.common_ground.to_dict(), "starters": []} == {**cg.to_dict(), "starters": []}
