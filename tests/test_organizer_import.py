"""Importing in the console: upload, preview, corrected mapping, all-or-nothing commit."""

from __future__ import annotations

import html
import re
from pathlib import Path

import sqlalchemy as sa

from models import Attendee

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def upload(client, name: str, slug: str = "climate"):  # type: ignore[no-untyped-def]
    with (FIXTURES / name).open("rb") as fh:
        return client.post(
            f"/organizer/events/{slug}/import",
            data={"file": (fh, name)},
            content_type="multipart/form-data",
        )


def form_values(page: str) -> dict[str, str]:
    """The values the preview form would submit as it is."""
    values = {
        m[0]: html.unescape(m[1]) for m in re.findall(r'name="(seen)"[^>]*value="([^"]*)"', page)
    }
    for select, body in re.findall(r'<select[^>]*name="(col_\d+)"[^>]*>(.*?)</select>', page, re.S):
        values[select] = re.search(r'<option selected value="([^"]*)"', body)[1]
    return values


def test_upload_preview_correct_and_commit(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    response = upload(client, "eventbrite_attendees.csv")
    assert response.status_code == 302
    preview_url = response.headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    assert "Eventbrite attendee report" in page
    assert 'data-count="new">5<' in page and 'data-count="skipped">1<' in page
    assert "What are you hoping to get out of the summit?" in page
    assert "Dietary requirements" in page and "Vegetarian" in page  # extra answers shown
    assert "Amara Okafor" in page and "Climate Scientist at Carbon Lab" in page
    assert count(app, Attendee) == 0  # a preview writes nothing

    values = form_values(page)
    header_index = {
        html.unescape(h): i
        for i, h in re.findall(
            r'<label class="mapping__header" for="col_(\d+)">([^<]*)</label>', page
        )
    }
    diet = f"col_{header_index['Dietary requirements']}"
    assert values[diet] == "extra"
    values[diet] = "ignore"
    # Changing the mapping and pressing Import at once shows the new preview first.
    response = client.post(preview_url, data={**values, "action": "commit"})
    assert response.status_code == 200
    assert "You changed the mapping" in response.get_data(as_text=True)
    assert count(app, Attendee) == 0

    values = form_values(response.get_data(as_text=True))
    assert values[diet] == "ignore"
    response = client.post(preview_url, data={**values, "action": "commit"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/organizer/events/climate"
    page = client.get("/organizer/events/climate").get_data(as_text=True)
    assert "Imported 5 attendees: 5 new, 0 updated, 0 unchanged, 1 skipped" in page
    with app.extensions["cg_sessions"]() as session:
        people = session.scalars(sa.select(Attendee)).all()
    assert len(people) == 5 and all(p.extra == {} for p in people)
    # The upload is gone once imported.
    assert client.get(preview_url).status_code == 302


def test_rows_with_errors_block_the_import(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    preview_url = upload(client, "bad_duplicate_emails.csv").headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    assert "Row 4: the email ada@example.org is already in row 2." in page
    assert "Row 5: the name is missing" in page
    assert re.search(r'value="commit"\s+disabled', page)
    response = client.post(preview_url, data={**form_values(page), "action": "commit"})
    assert response.status_code == 400
    assert count(app, Attendee) == 0


def test_a_missing_email_column_can_be_chosen_in_the_preview(  # type: ignore[no-untyped-def]
    app, client, tmp_path, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    path = tmp_path / "contacts.csv"
    path.write_text("Name,Contact\nAda,ada@example.org\n")
    with path.open("rb") as fh:
        response = client.post(
            "/organizer/events/climate/import",
            data={"file": (fh, "contacts.csv")},
            content_type="multipart/form-data",
        )
    preview_url = response.headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    assert "No column holds the email address" in page
    values = form_values(page)
    values["col_1"] = "email"
    page = client.post(preview_url, data={**values, "action": "preview"}).get_data(as_text=True)
    assert "No column holds the email address" not in page
    response = client.post(preview_url, data={**form_values(page), "action": "commit"})
    assert response.status_code == 302 and count(app, Attendee) == 1


def test_unreadable_files_are_refused_at_upload(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    for name, message in [
        ("bad_empty.csv", "The file is empty."),
        ("bad_wrong_encoding.csv", "not readable text"),
        ("bad_broken_quoting.csv", "the quoting is broken"),
    ]:
        response = upload(client, name)
        if response.status_code == 302:  # quoting is found when the rows are read
            response = client.get(response.headers["Location"])
        assert response.status_code == 400, name
        assert message in response.get_data(as_text=True), name
    assert count(app, Attendee) == 0


def test_an_upload_belongs_to_its_organizer_and_event(  # type: ignore[no-untyped-def]
    app, client, make_event, make_organizer, login, count
) -> None:
    make_event(app, make_organizer(app))
    other = make_organizer(app, email="other@example.org")
    make_event(app, other, slug="theirs")
    login(client)
    preview_url = upload(client, "generic.csv").headers["Location"]
    upload_id = preview_url.rsplit("/", 1)[1]
    client.post("/organizer/logout")
    login(client, email="other@example.org")
    response = client.get(f"/organizer/events/theirs/import/{upload_id}")
    assert response.status_code == 302 and "/import" in response.headers["Location"]
    assert client.get("/organizer/events/theirs/import/..%2F..%2Fsecret_key").status_code in (
        302,
        404,
    )
    assert count(app, Attendee) == 0


def test_a_tampered_mapping_is_refused(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer, count
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    preview_url = upload(client, "generic.csv").headers["Location"]
    values = form_values(client.get(preview_url).get_data(as_text=True))
    values["col_0"] = "private_token_hash"
    response = client.post(preview_url, data={**values, "action": "commit"})
    assert response.status_code == 400
    assert "a field that does not exist" in response.get_data(as_text=True)
    assert count(app, Attendee) == 0


def test_the_preview_shows_each_goal_item_it_split(  # type: ignore[no-untyped-def]
    app, client, make_event, login, make_organizer
) -> None:
    make_event(app, make_organizer(app))
    login(client)
    response = upload(client, "luma_goals_with_commas.csv")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    page = page[page.index('id="sample-title"') :]  # the attendees, after the columns
    lena = page[page.index("Lena Fischer") : page.index("Omar Haddad")]
    looking = re.search(r'aria-label="Looking for">(.*?)</ul>', lena, re.S)
    assert looking is not None
    assert re.findall(r'<li class="chip chip--plain">([^<]*)</li>', looking[1]) == [
        "seed investors",
        "a CTO",
    ]
    assert 'Looking for <span class="muted">(2 items)</span>' in lena
    omar = page[page.index("Omar Haddad") : page.index("Priya Nair")]
    assert "climate hardware founders raising pre-seed/seed</li>" in omar
    assert "(1 item)" in omar
