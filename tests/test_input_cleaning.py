"""One set of rules for what people type, whichever way it comes in: form, API or import.

Issue 14, findings 6 (links) and 9 (look-alike names).
"""

from __future__ import annotations

import csv

import pytest
from fixtures_attendee import profile

BAD_LINKS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "http://",
    "ftp://files.example.org/cv.pdf",
]


@pytest.fixture
def entry_points(app, api_client, make_api_key, make_organizer, make_event):  # type: ignore[no-untyped-def]
    """The event "climate" with an API key; returns (api, runner)."""
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    return api_client(app.test_client(), make_api_key(app, organizer)), app.test_cli_runner()


def _import(runner, tmp_path, header: str, row: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header.split(","), row])
    return runner.invoke(args=["import", "climate", str(path)])


@pytest.mark.parametrize("link", BAD_LINKS)
def test_api_and_import_refuse_the_links_the_form_refuses(
    app, entry_points, tmp_path, link, list_attendees
):
    """Finding 6: a `javascript:` or `data:` link never reaches a page or a vCard."""
    api, runner = entry_points
    form = app.test_client().post(
        "/e/climate/join", data=profile(links=link), follow_redirects=True
    )
    assert form.status_code == 422 and "does not look like a web address" in form.text
    put = api.put(
        "/events/climate/attendees/ada@example.org", json={"name": "Ada", "links": [link]}
    )
    assert put.status_code == 400, put.get_data(as_text=True)
    assert put.get_json()["error"]["field"] == "links"
    batch = api.post(
        "/events/climate/attendees/batch",
        json={"attendees": [{"email": "ada@example.org", "name": "Ada", "links": link}]},
    )
    assert batch.status_code == 400 and batch.get_json()["error"]["field"] == "attendees[0].links"
    result = _import(runner, tmp_path, "name,email,linkedin", ["Ada", "ada@example.org", link])
    assert result.exit_code != 0 and "Row 2" in result.output, result.output
    assert "web address" in result.output
    assert list_attendees(app, "climate") == []


def test_good_links_pass_everywhere_the_same_way(
    app, entry_points, tmp_path, list_attendees
) -> None:
    api, runner = entry_points
    put = api.put(
        "/events/climate/attendees/ada@example.org",
        json={"name": "Ada", "links": ["example.org/ada", "https://www.linkedin.com/in/ada"]},
    )
    assert put.status_code == 201, put.get_data(as_text=True)
    result = _import(
        runner, tmp_path, "name,email,linkedin", ["Ben", "ben@example.org", "example.org/ben"]
    )
    assert result.exit_code == 0, result.output
    links = {a.email: a.links for a in list_attendees(app, "climate")}
    assert links == {
        "ada@example.org": ["https://example.org/ada", "https://www.linkedin.com/in/ada"],
        "ben@example.org": ["https://example.org/ben"],
    }


def test_a_link_stored_before_the_checks_is_never_shown_as_a_link(
    app, make_public_event, sign_up
) -> None:
    """Finding 6, for profiles already stored: my page and vCards show only web links."""
    make_public_event(app)
    phone = app.test_client()
    sign_up(phone)
    friend = app.test_client()
    sign_up(friend, name="Ben Okafor", email="ben@example.org")
    with app.extensions["cg_sessions"]() as session:
        from models import Attendee

        ada = session.query(Attendee).filter_by(email="ada@example.org").one()
        ada.links = ["javascript:alert(1)", "https://example.org/ada"]
        session.commit()
        badge = ada.badge_token
    page = phone.get("/e/conf/me").get_data(as_text=True)
    assert "javascript:" not in page and 'href="https://example.org/ada"' in page
    friend.post(f"/b/{badge}/save", data={"note": "met at lunch"})
    vcard = friend.get("/e/conf/me/contacts.vcf").get_data(as_text=True)
    assert "URL:https://example.org/ada" in vcard and "javascript" not in vcard


LOOK_ALIKES = [
    ("Ada\u200d Love\u200blace", "Ada Lovelace"),  # zero-width joiner and space
    ("\u202eAda Lovelace\u202c", "Ada Lovelace"),  # right-to-left override
    ("Ada\u2066 Lovelace\u2069", "Ada Lovelace"),  # isolates
    ("\ufeffＡｄａ Ｌｏｖｅｌａｃｅ", "Ada Lovelace"),  # BOM, full-width letters (NFKC)
    ("Ada\u00a0Lovelace\u2060", "Ada Lovelace"),  # no-break space, word joiner
    ("Ane Zubizarreta, 4ª generación", "Ane Zubizarreta, 4ª generación"),  # an ordinal kept
]


@pytest.mark.parametrize(("typed", "stored"), LOOK_ALIKES)
def test_names_and_headlines_are_normalised_and_lose_invisible_characters(
    app, entry_points, tmp_path, typed: str, stored: str, sign_up, list_attendees
) -> None:
    """Finding 9: a name that displays like someone else's is stored as what it shows."""
    api, runner = entry_points
    sign_up(app.test_client(), slug="climate", name=typed, headline=f"CTO at {typed}")
    api.put("/events/climate/attendees/ben@example.org", json={"name": typed, "headline": typed})
    result = _import(runner, tmp_path, "name,email,headline", [typed, "cy@example.org", typed])
    assert result.exit_code == 0, result.output
    people = list_attendees(app, "climate")
    assert [a.name for a in people] == [stored] * 3
    assert sorted(a.headline for a in people) == sorted([f"CTO at {stored}", stored, stored])


def test_a_name_made_only_of_invisible_characters_is_refused(
    app, make_public_event, list_attendees
) -> None:
    make_public_event(app)
    response = app.test_client().post("/e/conf/join", data=profile(name="\u200b\u200d\u202e"))
    assert response.status_code == 422
    assert "Please enter your name" in response.get_data(as_text=True)
    assert list_attendees(app) == []
