"""J3: badge QR codes, the scan page, saving a contact with consent."""

from __future__ import annotations

import subprocess
import threading

import pytest
import sqlalchemy as sa
from conftest import require_tool
from fixtures_attendee import assert_csp_clean
from flask import Flask
from flask.testing import FlaskClient

from models import Attendee, Contact, Scan, Suggestion

ADA = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "interests": "carbon capture; compilers",
    "personal_interests": "chess",
    "looking_for": "a technical co-founder",
    "offering": "mentoring in mathematics",
    "organizations": "University of London",
}
BEN = {
    "name": "Benoît Ngô, Jr.",
    "email": "ben@example.org",
    "headline": "Climate engineer",
    "interests": "carbon capture; soil science",
    "personal_interests": "chess; sailing",
    "looking_for": "mentoring in mathematics",
    "offering": "a technical co-founder",
    "organizations": "University of London",
    "about": "",
    "links": "",
}


@pytest.fixture
def people(make_public_event, sign_up, list_attendees):  # type: ignore[no-untyped-def]
    """`people(app)`: Ada and Ben signed up to `conf`, each on their own signed-in client."""

    def people(app: Flask) -> tuple[FlaskClient, FlaskClient, Attendee, Attendee]:
        make_public_event(app)
        ada, ben = app.test_client(), app.test_client()
        sign_up(ada, **ADA)
        sign_up(ben, **BEN)
        a, b = list_attendees(app)
        return ada, ben, a, b

    return people


def rows(app: Flask, model: type) -> list:  # type: ignore[type-arg]
    with app.extensions["cg_sessions"]() as session:
        return list(session.scalars(sa.select(model).order_by(model.id)))  # type: ignore[attr-defined]


def zbar(png: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """Decode a QR from PNG bytes with the real zbarimg."""
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    out = subprocess.run(
        [require_tool("zbarimg"), "--quiet", "--raw", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_badge_qr_png_decodes_to_the_absolute_scan_url(app, tmp_path, people) -> None:  # type: ignore[no-untyped-def]
    _, _, _, b = people(app)
    client = app.test_client()
    response = client.get(f"/b/{b.badge_token}/qr.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert zbar(response.data, tmp_path) == f"http://localhost/b/{b.badge_token}"


def test_badge_qr_uses_public_base_url_and_svg_is_served(app, tmp_path, people) -> None:  # type: ignore[no-untyped-def]
    _, _, _, b = people(app)
    app.config["PUBLIC_BASE_URL"] = "https://meet.example.org"
    client = app.test_client()
    png = client.get(f"/b/{b.badge_token}/qr.png").data
    assert zbar(png, tmp_path) == f"https://meet.example.org/b/{b.badge_token}"
    svg = client.get(f"/b/{b.badge_token}/qr.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    assert svg.data.startswith(b"<svg") and b"<path" in svg.data


@pytest.mark.parametrize("path", ["/b/{t}", "/b/{t}/qr.png", "/b/{t}/qr.svg"])
def test_unknown_badge_tokens_are_404(client, path: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path.format(t="not-a-real-token"))
    assert response.status_code == 404
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_stranger_sees_the_public_card_without_email_and_an_invitation(app, people) -> None:  # type: ignore[no-untyped-def]
    _, _, _, b = people(app)
    response = app.test_client().get(f"/b/{b.badge_token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Benoît Ngô, Jr." in html and "Climate engineer" in html
    assert "soil science" in html
    assert "ben@example.org" not in html
    assert "sailing" not in html and "mentoring in mathematics" not in html
    assert "/e/conf/join" in html
    assert_csp_clean(html)
    scans = rows(app, Scan)
    assert [(s.scanner_id, s.scanned_id) for s in scans] == [(None, b.id)]


def test_an_unlisted_attendee_shows_only_name_and_headline(  # type: ignore[no-untyped-def]
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    sign_up(app.test_client(), **{**BEN, "listed": None})
    (b,) = list_attendees(app)
    html = app.test_client().get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "Benoît Ngô, Jr." in html and "soil science" not in html


def test_an_attendee_of_another_event_sees_the_public_card(  # type: ignore[no-untyped-def]
    app, people, make_public_event, sign_up
) -> None:
    _, _, _, b = people(app)
    make_public_event(app, slug="other", name="Other Conf")
    outsider = app.test_client()
    sign_up(outsider, slug="other", **ADA)
    html = outsider.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "You and" not in html and "Sign up for Conf 2026" in html


def test_scanning_your_own_badge_says_so(app, people) -> None:  # type: ignore[no-untyped-def]
    _, ben, _, b = people(app)
    html = ben.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "This is your badge" in html
    assert rows(app, Scan) == []


def test_signed_in_attendee_sees_common_ground_first_then_starters_and_save(app, people) -> None:  # type: ignore[no-untyped-def]
    ada, _, a, b = people(app)
    response = ada.get(f"/b/{b.badge_token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "You and Benoît Ngô, Jr." in html
    assert "carbon capture" in html
    # Complements in both directions, mutual tie, three starters, the save form.
    assert "You look for <strong>a technical co-founder</strong>" in html
    assert "looks for <strong>mentoring in mathematics</strong>" in html
    assert "University of London" in html
    assert html.count('class="starter"') == 3
    assert html.index("carbon capture") < html.index('class="starter"') < html.index("Save contact")
    assert "ben@example.org" not in html
    assert_csp_clean(html)
    assert [(s.scanner_id, s.scanned_id) for s in rows(app, Scan)] == [(a.id, b.id)]
    assert ada.get(f"/b/{b.badge_token}").get_data(as_text=True).count('class="starter"') == 3


def test_saving_twice_keeps_one_contact_and_updates_the_note(app, people) -> None:  # type: ignore[no-untyped-def]
    ada, _, a, b = people(app)
    with app.extensions["cg_sessions"]() as session:
        session.execute(sa.delete(Suggestion))
        for x, y in ((a, b), (b, a)):
            session.add(
                Suggestion(event_id=x.event_id, attendee_id=x.id, other_id=y.id, rank=1, score=0.5)
            )
        session.commit()
    first = ada.post(f"/b/{b.badge_token}/save", data={"note": "talked about soil carbon"})
    assert first.status_code == 302 and first.location.endswith(f"/b/{b.badge_token}#saved")
    ada.post(f"/b/{b.badge_token}/save", data={"note": "send him the paper"})
    (contact,) = rows(app, Contact)
    assert (contact.owner_id, contact.other_id, contact.note) == (a.id, b.id, "send him the paper")
    assert (contact.follow_up_by - contact.created_at).total_seconds() == pytest.approx(
        48 * 3600, abs=5
    )
    assert rows(app, Suggestion) == []  # a met pair leaves both lists
    page = ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "In your contacts" in page and "send him the paper" in page and "Update note" in page


def test_saving_needs_the_attendee_session_and_a_sane_note(app, people) -> None:  # type: ignore[no-untyped-def]
    ada, _, _, b = people(app)
    stranger = app.test_client().post(f"/b/{b.badge_token}/save", data={"note": "hi"})
    assert stranger.status_code == 403
    too_long = ada.post(f"/b/{b.badge_token}/save", data={"note": "x" * 1001})
    assert too_long.status_code == 422
    html = too_long.get_data(as_text=True)
    assert "Keep the note under 1000 characters." in html and "x" * 1001 in html
    assert rows(app, Contact) == []


def test_email_is_hidden_without_consent_and_shown_after_mutual_save(app, people) -> None:  # type: ignore[no-untyped-def]
    ada, ben, a, b = people(app)
    ada.post(f"/b/{b.badge_token}/save", data={"note": ""})
    page = ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "ben@example.org" not in page
    assert "will see your request" in page
    contacts = ada.get("/e/conf/me/contacts").get_data(as_text=True)
    assert "ben@example.org" not in contacts
    # Ben sees the request and saves Ada back: now both see each other's email.
    bens = ben.get("/e/conf/me/contacts").get_data(as_text=True)
    assert "Saved you" in bens and "Ada Lovelace" in bens and "ada@example.org" not in bens
    ben.post(f"/b/{a.badge_token}/save", data={"note": "met at lunch"})
    assert "ada@example.org" in ben.get("/e/conf/me/contacts").get_data(as_text=True)
    assert "ben@example.org" in ada.get("/e/conf/me/contacts").get_data(as_text=True)
    assert "ben@example.org" in ada.get(f"/b/{b.badge_token}").get_data(as_text=True)


def test_email_shared_on_exchange_shows_once_saved(  # type: ignore[no-untyped-def]
    app, make_public_event, sign_up, list_attendees
) -> None:
    make_public_event(app)
    ada = app.test_client()
    sign_up(ada, **ADA)
    sign_up(app.test_client(), **{**BEN, "share_email": "y"})
    _, b = list_attendees(app)
    assert "ben@example.org" not in ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    ada.post(f"/b/{b.badge_token}/save", data={"note": ""})
    assert "ben@example.org" in ada.get(f"/b/{b.badge_token}").get_data(as_text=True)


def test_people_both_saved_show_as_mutual_ties(app, people, sign_up, list_attendees) -> None:  # type: ignore[no-untyped-def]
    ada, ben, a, b = people(app)
    cleo = app.test_client()
    sign_up(cleo, name="Cléo Dupont", email="cleo@example.org", interests="pottery")
    c = list_attendees(app)[2]
    ada.post(f"/b/{c.badge_token}/save", data={"note": ""})
    ben.post(f"/b/{c.badge_token}/save", data={"note": ""})
    html = ada.get(f"/b/{b.badge_token}").get_data(as_text=True)
    assert "You have both met <strong>Cléo Dupont</strong>" in html


def test_with_csrf_on_a_save_without_token_is_refused_and_keeps_the_note(
    app_factory, fake_encoder, people
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=fake_encoder)
    ada, _, _, b = people(app)
    app.config["WTF_CSRF_ENABLED"] = True
    response = ada.post(f"/b/{b.badge_token}/save", data={"note": "my precious note"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "my precious note" in html and "expired" in html
    assert rows(app, Contact) == []


@pytest.mark.postgres
def test_two_simultaneous_saves_of_one_pair_make_one_contact(
    app_factory, fake_encoder, postgres_url, people
) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(database_url=postgres_url, encoder=fake_encoder)
    ada, _, _, b = people(app)
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def tap(note: str) -> None:
        client = app.test_client()
        with ada.session_transaction() as source, client.session_transaction() as target:
            target.update(source)
        barrier.wait()
        statuses.append(client.post(f"/b/{b.badge_token}/save", data={"note": note}).status_code)

    threads = [threading.Thread(target=tap, args=(f"tap {i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert statuses == [302] * 4
    (contact,) = rows(app, Contact)
    assert contact.note.startswith("tap ")


class BrokenEncoder:
    """An encoder whose model cannot load."""

    name = "broken"

    def encode(self, texts):  # type: ignore[no-untyped-def]
        raise RuntimeError("model files are missing")


def test_the_scan_page_still_works_when_the_model_fails(app_factory, people) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(encoder=BrokenEncoder())
    ada, _, _, b = people(app)
    response = ada.get(f"/b/{b.badge_token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "You and Benoît Ngô, Jr." in html
    assert html.count('class="starter"') == 3 and "Save contact" in html
    assert ada.post(f"/b/{b.badge_token}/save", data={"note": "x"}).status_code == 302


def statements_of(app: Flask, client: FlaskClient, path: str) -> list[str]:
    """The SQL statements one GET of `path` sends, after a first GET (warm caches)."""
    assert client.get(path).status_code == 200
    engine = app.extensions["cg_engine"]
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()))

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return seen


def test_a_scan_and_my_page_ask_the_database_few_questions(app, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: a signed-in scan loads the badge's owner and the viewer in one query,
    and my page builds no query it does not need; more statements are a regression
    (a pair without a stored suggestion adds the attendees' version: 6)."""
    ada, _, _, b = people(app)
    scan = statements_of(app, ada, f"/b/{b.badge_token}")
    people_loads = [s for s in scan if s.startswith("SELECT attendees.id, attendees.event_id")]
    assert len(people_loads) == 1 and "attendees.badge_token = " in people_loads[0]
    assert len(scan) <= 6, scan
    assert len(statements_of(app, ada, "/e/conf/me")) <= 9
