"""Bad input, generated: sign-up form, importer and API never answer 500 nor write half.

Arbitrary unicode, control characters (NUL too), 1 MB fields, HTML and script, empty
and duplicate values: always a 4xx with a clear message, or a success that stored
exactly what was valid; nothing partially written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Attendee
from web.services.profile_text import clean_name, split_list

FIELDS = (
    "name",
    "email",
    "headline",
    "interests",
    "personal_interests",
    "looking_for",
    "offering",
    "organizations",
    "about",
    "links",
)
NASTY = [
    "",
    " ",
    "<script>window.pwned=1</script>",
    '"><img src=x onerror="window.pwned=1">',
    "javascript:alert(1)",
    '=HYPERLINK("http://x","y")',
    "a\x00b",
    "\u202eevil\u202c",
    "line\r\nbreak",
    "𝕮𝖔𝖒𝖒𝖔𝖓 🧭 ground",
    "x" * 1_000_000,
    "chess; chess; CHESS; ;;",
    "'; DROP TABLE attendees; --",
]
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _body_ok(response: Any) -> str:
    body = response.get_data(as_text=True)
    assert response.status_code < 500, body[:1000]
    assert "Traceback" not in body
    return body


@pytest.fixture
def check_signup(list_attendees):  # type: ignore[no-untyped-def]
    """`check_signup(app, form)`: post the sign-up form and check the answer and what was stored;
    the status (200 when stored as typed)."""

    def _check_signup(app: Any, form: dict[str, str]) -> int:
        client = app.test_client()
        before = list_attendees(app)
        response = client.post("/e/conf/join", data=form)
        body = _body_ok(response)
        # 303: stored, off to the welcome page; 409: the email is taken (nothing changes).
        assert response.status_code in (303, 400, 409, 413, 422), response.status_code
        assert "<script>window.pwned" not in body and "<img src=x onerror" not in body
        people = list_attendees(app)
        if response.status_code != 303:
            assert [(p.id, p.name, p.profile_version) for p in people] == [
                (p.id, p.name, p.profile_version) for p in before
            ], "a refused sign-up writes nothing"
            return response.status_code
        email = form["email"].strip().lower()
        (stored,) = [p for p in people if p.email.lower() == email]
        assert stored.name == clean_name(form["name"])
        for field in (
            "interests",
            "personal_interests",
            "looking_for",
            "offering",
            "organizations",
        ):
            goals = field in ("looking_for", "offering")
            assert [i.casefold() for i in getattr(stored, field)] == [
                i.casefold() for i in split_list(form[field], goals=goals)
            ], field
        assert "\x00" not in stored.name + stored.about + stored.headline
        return 200  # stored as typed

    return _check_signup


def test_sign_up_form_never_fails_with_arbitrary_input(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, check_signup, make_public_event
) -> None:
    app = app_factory(encoder=fake_encoder, RATELIMIT_ENABLED=False)
    make_public_event(app)

    @FUZZ
    @given(
        values=st.fixed_dictionaries({f: text for f in FIELDS if f != "email"}),
        email=st.one_of(st.emails(), text),
    )
    def run(values: dict[str, str], email: str) -> None:
        check_signup(app, {**values, "email": email, "listed": "y"})

    run()


def test_sign_up_edge_cases_on_postgresql(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, postgres_url, check_signup, make_public_event
) -> None:
    """PostgreSQL refuses NUL bytes and over-long values where SQLite would not."""
    app = app_factory(database_url=postgres_url, encoder=fake_encoder, RATELIMIT_ENABLED=False)
    make_public_event(app)
    cases = [(p, [f for f in FIELDS if f not in ("email", "links")]) for p in NASTY]  # all at once
    cases += [(p, [f]) for p in ("a\x00b", NASTY[10]) for f in FIELDS]  # and one by one
    codes = []
    for number, (payload, fields) in enumerate(cases):
        form = dict.fromkeys(FIELDS, "")
        form.update(name="Ada", email=f"ada{number}@example.org", interests="chess")
        form.update(dict.fromkeys(fields, payload))
        codes.append(check_signup(app, form))
    assert codes.count(200) >= 10, codes  # the success path is exercised too


# --- the importer ----------------------------------------------------------------

cell = st.one_of(st.sampled_from(NASTY[:-4] + ["", "a@example.org"]), st.text(max_size=60))


@FUZZ
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {"name": cell, "email": st.one_of(st.emails(), cell), "interests": cell, "x": cell}
        ),
        max_size=8,
    ),
    header=st.sampled_from(
        [
            ["name", "email", "interests", "x"],
            ["email", "email", "name", "x"],
            ["Name", "E-mail", "Interests", ""],
        ]
    ),
)
def test_importer_is_all_or_nothing_with_arbitrary_rows(
    tmp_path_factory, rows: list[dict[str, str]], header: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from models import Event
    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade
    from web.services.importing import ImportFileError, analyse, commit

    folder = tmp_path_factory.mktemp("import")
    engine = make_engine(f"sqlite:///{folder / 'db.sqlite'}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        event = Event(slug="conf", name="Conf")
        session.add(event)
        session.commit()
        event_id = event.id
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row["name"], row["email"], row["interests"], row["x"]])
    path = Path(folder / "people.csv")
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    try:
        with sessions() as session:
            try:
                report = commit(session, event_id, analyse(path))
            except ImportFileError as exc:
                assert str(exc).strip()
                session.rollback()
                report = None
            if report is not None and report.ok:
                session.commit()
            else:
                session.rollback()
        with sessions() as session:
            stored = session.scalar(sa.select(sa.func.count(Attendee.id)))
        if report is None or not report.ok:
            assert stored == 0, "a refused import writes nothing"
            if report is not None:
                assert report.errors or report.problems, "a refusal says why"
                assert all(str(e).strip() for e in report.errors)
        else:
            assert stored == report.valid
    finally:
        engine.dispose()


def test_importer_refuses_binary_garbage_with_a_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from web.services.importing import ImportFileError, analyse

    for name, data in (
        ("empty.csv", b""),
        ("bin.csv", bytes(range(256)) * 100),
        ("zip.csv", b"PK\x03\x04" + b"\x00" * 200),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFileError) as failure:
            analyse(path)
        assert str(failure.value).strip()


# --- the API ---------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=12,
)
attendee_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"email": st.one_of(st.emails(), text), "name": text},
        optional={
            "interests": st.one_of(st.lists(text, max_size=5), text, st.integers()),
            "about": text,
            "listed": json_values,
        },
    ),
)


def test_api_never_fails_with_arbitrary_json(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, api_client, make_api_key, make_organizer, make_event, list_attendees
) -> None:
    app = app_factory(encoder=fake_encoder, RATELIMIT_ENABLED=False)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="conf")
    api = api_client(app.test_client(), make_api_key(app, organizer))

    @FUZZ
    @given(body=attendee_bodies, batch=st.lists(attendee_bodies, max_size=4))
    def run(body: Any, batch: list[Any]) -> None:
        before = len(list_attendees(app))
        single = api.post("/events/conf/attendees", json=body)
        _body_ok(single)
        assert single.is_json and (single.status_code in (200, 201) or "error" in single.json)
        if single.status_code >= 400:
            assert single.json["error"]["message"].strip()
            assert len(list_attendees(app)) == before
        before = len(list_attendees(app))
        many = api.post("/events/conf/attendees/batch", json={"attendees": batch})
        _body_ok(many)
        if many.status_code >= 400:
            assert len(list_attendees(app)) == before, "a refused batch writes nothing"
        raw = api.client.post(
            "/api/v1/events/conf/attendees",
            data=b"\xff\xfe{not json",
            headers={**api.headers(), "Content-Type": "application/json"},
        )
        assert 400 <= raw.status_code < 500 and raw.is_json

    run()
