"""The JSON API: keys, events and attendees (create/update by email, batches, pages, ETags)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fixtures_api import Api

from models import ApiKey, Attendee

ADA = {
    "email": "Ada@Example.org",
    "name": "Ada Lovelace",
    "job_title": "Engineer",
    "company": "Analytical Engines",
    "interests": ["carbon capture", "Carbon Capture", "poetry"],
    "looking_for": "a co-founder; funding",
    "extra": {"T-shirt size": "M"},
}


@pytest.fixture
def api(app, client, api_client, make_api_key, make_organizer, make_event) -> Api:  # type: ignore[no-untyped-def]
    """The organizer of event "climate", calling with their key."""
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    return api_client(client, make_api_key(app, organizer))


@pytest.fixture
def other_api(app, client, api_client, make_api_key, make_organizer, make_event) -> Api:  # type: ignore[no-untyped-def]
    """Another organizer with their own event "rival" and key."""
    organizer = make_organizer(app, email="other@example.org")
    make_event(app, organizer, slug="rival", name="Rival Summit")
    return api_client(client, make_api_key(app, organizer))


def error_of(response) -> dict:  # type: ignore[no-untyped-def]
    assert response.is_json, response.get_data(as_text=True)[:200]
    return response.get_json()["error"]


# --- authentication ----------------------------------------------------------


def test_no_key_bad_key_and_wrong_scheme_are_401_with_a_challenge(api, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/events")
    assert response.status_code == 401
    assert error_of(response)["code"] == "missing_api_key"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    for header in (f"Bearer {api.key}x", "Bearer cg_nothing", f"Basic {api.key}", "Bearer "):
        response = client.get("/api/v1/events", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert error_of(response)["code"] == "invalid_api_key"
        assert "Traceback" not in response.get_data(as_text=True)


def test_a_revoked_key_is_refused_at_once(app, api, runner) -> None:  # type: ignore[no-untyped-def]
    assert api.get("/events").status_code == 200
    prefix = api.key[:11]
    result = runner.invoke(args=["revoke-api-key", prefix])
    assert result.exit_code == 0, result.output
    response = api.get("/events")
    assert response.status_code == 401
    assert "revoked" in error_of(response)["message"]


def test_keys_are_stored_hashed_and_record_their_last_use(app, api) -> None:  # type: ignore[no-untyped-def]
    with app.extensions["cg_sessions"]() as session:
        key = session.scalars(sa.select(ApiKey)).one()
        assert api.key not in (key.key_hash, key.prefix, key.name)
        assert api.key.startswith(key.prefix + "_") and key.last_used_at is None
    api.get("/events")
    with app.extensions["cg_sessions"]() as session:
        assert session.scalars(sa.select(ApiKey)).one().last_used_at is not None


def test_another_organizers_event_is_404_whatever_the_route(api, other_api) -> None:  # type: ignore[no-untyped-def]
    api.put("/events/climate/attendees/ada@example.org", json=ADA)
    assert [e["slug"] for e in other_api.get("/events").get_json()["data"]] == ["rival"]
    calls = [
        other_api.get("/events/climate"),
        other_api.get("/events/climate/attendees"),
        other_api.get("/events/climate/attendees/ada@example.org"),
        other_api.put("/events/climate/attendees/ben@example.org", json={"name": "Ben"}),
        other_api.delete("/events/climate/attendees/ada@example.org"),
        other_api.post("/events/climate/runs"),
        other_api.get("/events/climate/introductions.csv"),
    ]
    for response in calls:
        assert response.status_code == 404
        assert error_of(response)["code"] == "event_not_found"
    unknown = other_api.get("/events/no-such-event")
    assert (
        error_of(unknown)["message"].replace("no-such-event", "climate")
        == error_of(calls[0])["message"]
    )
    assert api.get("/events/climate/attendees/ada@example.org").status_code == 200


def test_rate_limit_per_key_is_429_with_retry_after(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, api_client, make_api_key, make_organizer
) -> None:
    app = app_factory(encoder=fake_encoder, API_RATE_LIMIT=(3, 60))
    organizer = make_organizer(app)
    api = api_client(app.test_client(), make_api_key(app, organizer))
    assert [api.get("/events").status_code for _ in range(3)] == [200] * 3
    response = api.get("/events")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "60"
    assert error_of(response)["code"] == "rate_limited"


# --- events ------------------------------------------------------------------


def test_events_list_and_read(api) -> None:  # type: ignore[no-untyped-def]
    body = api.get("/events").get_json()
    assert body["pagination"] == {"limit": 50, "total": 1, "next_cursor": None}
    assert body["data"][0]["slug"] == "climate" and body["data"][0]["name"] == "Climate Summit"
    api.put("/events/climate/attendees/ada@example.org", json=ADA)
    event = api.get("/events/climate").get_json()
    assert event["attendees"] == 1 and event["signup_open"] is True


# --- attendees -------------------------------------------------------------------


def test_put_creates_then_updates_the_same_attendee_idempotently(app, api, count) -> None:  # type: ignore[no-untyped-def]
    response = api.put("/events/climate/attendees/Ada@Example.org", json=ADA)
    assert response.status_code == 201
    assert response.headers["Location"].endswith("/api/v1/events/climate/attendees/ada@example.org")
    ada = response.get_json()
    assert ada["email"] == "ada@example.org"
    assert ada["headline"] == "Engineer at Analytical Engines"  # composed like an import
    assert ada["interests"] == ["carbon capture", "poetry"]
    assert ada["looking_for"] == ["a co-founder", "funding"]
    assert ada["extra"] == {"T-shirt size": "M"}
    assert ada["listed"] is True and ada["share_email"] is False
    assert "/b/" in ada["badge_url"]

    again = api.put("/events/climate/attendees/ada@example.org", json=ADA)
    assert again.status_code == 200 and again.get_json()["updated_at"] == ada["updated_at"]

    changed = api.post(
        "/events/climate/attendees", json={"email": "ADA@example.org", "about": "Engines."}
    )
    assert changed.status_code == 200
    body = changed.get_json()
    assert body["about"] == "Engines." and body["name"] == "Ada Lovelace"  # omitted: kept
    assert body["id"] == ada["id"]
    cleared = api.put("/events/climate/attendees/ada@example.org", json={"interests": []})
    assert cleared.get_json()["interests"] == []
    assert count(app, Attendee) == 1
    with app.extensions["cg_sessions"]() as session:
        assert session.scalars(sa.select(Attendee)).one().profile_version == 3


def test_attendee_validation_names_the_field_and_writes_nothing(app, api, count) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ({"email": "not-an-email", "name": "X"}, "email"),
        ({"name": "No Email"}, "email"),
        ({"email": "x@example.org"}, "name"),  # a new attendee needs a name
        ({"email": "x@example.org", "name": "X", "interests": [1, 2]}, "interests"),
        ({"email": "x@example.org", "name": "X" * 201}, "name"),
        (
            {
                "email": "x@example.org",
                "name": "X",
                "interests": ["a"] * 0 + [f"t{i}" for i in range(51)],
            },
            "interests",
        ),
        ({"email": "x@example.org", "name": "X", "favourite_colour": "blue"}, "favourite_colour"),
        ({"email": "x@example.org", "name": "X", "extra": {"q": 3}}, "extra.q"),
    ]
    for body, field in cases:
        response = api.post("/events/climate/attendees", json=body)
        assert response.status_code == 400, body
        error = error_of(response)
        assert error["code"] == "validation_error" and error["field"] == field, error
    deep = api.post(
        "/events/climate/attendees",
        data="[" * 100_000 + "]" * 100_000,
        headers={"Content-Type": "application/json"},
    )
    assert deep.status_code == 400 and error_of(deep)["code"] == "invalid_json"
    mismatch = api.put("/events/climate/attendees/a@example.org", json={"email": "b@example.org"})
    assert error_of(mismatch)["field"] == "email"
    assert count(app, Attendee) == 0


def test_bodies_must_be_json_objects_within_the_limit(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, api_client, make_api_key, make_organizer, make_event, count
) -> None:
    app = app_factory(encoder=fake_encoder, API_MAX_BODY_BYTES=2000)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    api = api_client(app.test_client(), make_api_key(app, organizer))
    path = "/events/climate/attendees"
    form = api.post(path, data="email=a@example.org", headers={"Content-Type": "text/plain"})
    assert form.status_code == 415 and error_of(form)["code"] == "unsupported_media_type"
    broken = api.post(path, data="{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400 and error_of(broken)["code"] == "invalid_json"
    listed = api.post(path, json=[ADA])
    assert listed.status_code == 400
    big = api.post(path, json={**ADA, "about": "x" * 3000})
    assert big.status_code == 413 and error_of(big)["code"] == "request_entity_too_large"
    assert count(app, Attendee) == 0


def test_read_and_delete_an_attendee(app, api, count) -> None:  # type: ignore[no-untyped-def]
    api.put("/events/climate/attendees/ada@example.org", json=ADA)
    response = api.get("/events/climate/attendees/ADA@example.org")
    assert response.status_code == 200 and response.get_json()["name"] == "Ada Lovelace"
    assert api.delete("/events/climate/attendees/ada@example.org").status_code == 204
    assert count(app, Attendee) == 0
    gone = api.get("/events/climate/attendees/ada@example.org")
    assert gone.status_code == 404 and error_of(gone)["code"] == "attendee_not_found"
    assert api.delete("/events/climate/attendees/ada@example.org").status_code == 404
    assert api.get("/events/climate/attendees/not-an-email").status_code == 404


def test_methods_not_allowed_are_405_json_with_allow(api) -> None:  # type: ignore[no-untyped-def]
    response = api.client.patch("/api/v1/events/climate", headers=api.headers())
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]
    missing = api.get("/no/such/thing")
    assert missing.status_code == 404 and missing.is_json


# --- batches -----------------------------------------------------------------------


def _people(n: int, start: int = 0) -> list[dict]:
    return [
        {"email": f"p{i}@example.org", "name": f"Person {i}", "interests": [f"topic {i % 7}"]}
        for i in range(start, start + n)
    ]


def test_batch_writes_all_and_reports_each_attendee(app, api, count) -> None:  # type: ignore[no-untyped-def]
    api.put("/events/climate/attendees/p0@example.org", json={"name": "Person 0"})
    response = api.post("/events/climate/attendees/batch", json={"attendees": _people(1000)})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["created"], body["updated"], body["unchanged"]) == (999, 1, 0)
    assert body["attendees"][0] == {"email": "p0@example.org", "id": 1, "status": "updated"}
    assert count(app, Attendee) == 1000
    again = api.post("/events/climate/attendees/batch", json={"attendees": _people(3)})
    assert again.get_json()["unchanged"] == 3


def test_batch_is_all_or_nothing(app, api, count) -> None:  # type: ignore[no-untyped-def]
    people = _people(10)
    people[7]["email"] = "p7@@example"
    response = api.post("/events/climate/attendees/batch", json={"attendees": people})
    assert response.status_code == 400
    assert error_of(response)["field"] == "attendees[7].email"
    assert count(app, Attendee) == 0

    people = _people(5)
    people[3]["email"] = "P1@example.org"
    duplicate = api.post("/events/climate/attendees/batch", json={"attendees": people})
    assert error_of(duplicate)["field"] == "attendees[3].email"
    assert "attendees[1]" in error_of(duplicate)["message"]

    nameless = [*_people(3), {"email": "new@example.org"}]
    response = api.post("/events/climate/attendees/batch", json={"attendees": nameless})
    assert error_of(response)["field"] == "attendees[3].name"
    too_many = api.post("/events/climate/attendees/batch", json={"attendees": _people(1001)})
    assert too_many.status_code == 400 and error_of(too_many)["field"] == "attendees"
    assert api.post("/events/climate/attendees/batch", json={"attendees": []}).status_code == 400
    assert api.post("/events/climate/attendees/batch", json={"people": []}).status_code == 400
    assert count(app, Attendee) == 0


# --- pagination and ETags ---------------------------------------------------------


def test_cursor_pagination_walks_every_attendee_once(api) -> None:  # type: ignore[no-untyped-def]
    api.post("/events/climate/attendees/batch", json={"attendees": _people(45)})
    seen: list[str] = []
    path = "/events/climate/attendees?limit=20"
    pages = 0
    while path:
        response = api.get(path)
        body = response.get_json()
        assert body["pagination"]["total"] == 45 and len(body["data"]) <= 20
        seen += [a["email"] for a in body["data"]]
        cursor = body["pagination"]["next_cursor"]
        if cursor:
            assert f"cursor={cursor}" in response.headers["Link"]
        path = f"/events/climate/attendees?limit=20&cursor={cursor}" if cursor else ""
        pages += 1
    assert pages == 3 and seen == [f"p{i}@example.org" for i in range(45)]


def test_page_numbers_limits_and_bad_parameters(api) -> None:  # type: ignore[no-untyped-def]
    api.post("/events/climate/attendees/batch", json={"attendees": _people(25)})
    third = api.get("/events/climate/attendees?limit=10&page=3").get_json()
    assert [a["email"] for a in third["data"]] == [f"p{i}@example.org" for i in range(20, 25)]
    assert third["pagination"]["page"] == 3 and third["pagination"]["next_cursor"] is None
    assert api.get("/events/climate/attendees?page=9").get_json()["data"] == []
    for query, field in [
        ("limit=201", "limit"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
        ("page=0", "page"),
        ("cursor=bogus", "cursor"),
        ("cursor=YWZ0ZXI6MQ&page=2", "page"),
    ]:
        response = api.get(f"/events/climate/attendees?{query}")
        assert response.status_code == 400, query
        assert error_of(response)["field"] == field


def test_a_query_parameter_an_operation_does_not_take_is_a_400_naming_it(api) -> None:  # type: ignore[no-untyped-def]
    """A misspelt parameter (`limt`) or an empty name is refused, never silently ignored."""
    for path, name in [
        ("/events?limt=5", "limt"),
        ("/events?cursor=&=", ""),
        ("/events/climate?page=2", "page"),
        ("/events/climate/attendees?updated_since=2026-01-01T00:00:00&sort=name", "sort"),
    ]:
        response = api.get(path)
        assert response.status_code == 400, path
        error = error_of(response)
        assert error["code"] == "unknown_parameter" and error["field"] == name, path
    listed = api.get("/events/climate/attendees?limit=5&page=1&updated_since=2026-01-01T00:00:00")
    assert listed.status_code == 200


def test_etag_and_if_none_match_give_304_until_something_changes(api) -> None:  # type: ignore[no-untyped-def]
    api.put("/events/climate/attendees/ada@example.org", json=ADA)
    for path in ("/events/climate", "/events/climate/attendees/ada@example.org"):
        first = api.get(path)
        etag = first.headers["ETag"]
        assert etag and "no-cache" in first.headers["Cache-Control"]
        cached = api.get(path, headers={"If-None-Match": etag})
        assert cached.status_code == 304 and cached.get_data() == b""
    api.put("/events/climate/attendees/ada@example.org", json={"about": "Changed."})
    assert api.get(path, headers={"If-None-Match": etag}).status_code == 200


def test_text_no_database_can_store_is_a_400_on_sqlite_and_postgresql(  # type: ignore[no-untyped-def]
    app_factory,
    fake_encoder,
    database_url,
    api_client,
    make_api_key,
    make_organizer,
    make_event,
    count,
) -> None:
    app = app_factory(database_url=database_url, encoder=fake_encoder)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    api = api_client(app.test_client(), make_api_key(app, organizer))
    for body, field in [
        ({"email": "a@example.org", "name": "Ada\udc00"}, "name"),
        ({"email": "a@example.org", "name": "Ada", "about": "nul\x00"}, "about"),
        ({"email": "a@example.org", "name": "Ada", "interests": ["x\ud800"]}, "interests"),
        ({"email": "a@example.org", "name": "Ada", "extra": {"q": "\udfff"}}, "extra.q"),
        ({"email": "a\udc00@example.org", "name": "Ada"}, "email"),
    ]:
        response = api.post("/events/climate/attendees", json=body)
        assert response.status_code == 400 and error_of(response)["field"] == field
    for path in (
        "/events/climate%ED%B0%80",
        "/events/climate%00",
        "/events/climate/attendees/a%00",
    ):
        assert api.get(path).status_code == 404, path
    assert count(app, Attendee) == 0


@pytest.mark.postgres
def test_parallel_upserts_of_one_new_person_never_fail_or_duplicate(  # type: ignore[no-untyped-def]
    app_factory,
    fake_encoder,
    postgres_url,
    make_api_key,
    api_client,
    make_organizer,
    make_event,
    count,
) -> None:
    import threading

    app = app_factory(database_url=postgres_url, encoder=fake_encoder, RATELIMIT_ENABLED=False)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    key = make_api_key(app, organizer)
    start = threading.Barrier(6)
    statuses: list[int] = []

    def push(n: int) -> None:
        api = api_client(app.test_client(), key)
        start.wait()
        body = {"name": "Ada Lovelace", "about": f"Version {n % 2}."}
        statuses.append(api.put("/events/climate/attendees/ada@example.org", json=body).status_code)

    threads = [threading.Thread(target=push, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(statuses)[-1] == 201 and set(statuses) <= {200, 201}, statuses
    assert statuses.count(201) == 1
    assert count(app, Attendee) == 1


def test_an_unexpected_failure_is_a_json_500_without_a_trace(api, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import web.api.events

    def broken(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web.api.events, "event_json", broken)
    response = api.get("/events/climate")
    assert response.status_code == 500 and response.is_json
    assert error_of(response)["code"] == "internal_error"
    text = response.get_data(as_text=True)
    assert "secret internal detail" not in text and "Traceback" not in text


def test_updated_since_lists_only_new_and_changed_attendees(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, database_url, api_client, make_api_key, make_organizer, make_event
) -> None:
    import datetime as dt
    import time

    app = app_factory(database_url=database_url, encoder=fake_encoder)
    organizer = make_organizer(app)
    make_event(app, organizer, slug="climate")
    api = api_client(app.test_client(), make_api_key(app, organizer))
    api.post("/events/climate/attendees/batch", json={"attendees": _people(3)})
    time.sleep(0.05)
    mark = dt.datetime.now(dt.UTC)
    time.sleep(0.05)
    api.put("/events/climate/attendees/p1@example.org", json={"about": "Changed."})
    api.put("/events/climate/attendees/new@example.org", json={"name": "New"})
    api.put("/events/climate/attendees/p2@example.org", json={"name": "Person 2"})  # unchanged
    for since in (mark.isoformat(), mark.strftime("%Y-%m-%dT%H:%M:%S.%fZ")):
        response = api.get("/events/climate/attendees", query_string={"updated_since": since})
        assert response.status_code == 200, response.get_json()
        emails = [a["email"] for a in response.get_json()["data"]]
        assert emails == ["p1@example.org", "new@example.org"]
    local = mark.astimezone(dt.timezone(dt.timedelta(hours=-5))).isoformat()
    assert (
        len(
            api.get(
                f"/events/climate/attendees?updated_since={local.replace('+', '%2B')}"
            ).get_json()["data"]
        )
        == 2
    )
    bad = api.get("/events/climate/attendees?updated_since=yesterday")
    assert bad.status_code == 400 and error_of(bad)["field"] == "updated_since"
    edge = api.get("/events/climate/attendees?updated_since=0001-01-01T00:00:00%2B05:00")
    assert edge.status_code == 400
