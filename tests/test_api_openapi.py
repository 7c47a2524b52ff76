"""The OpenAPI document stays true: routes and document agree, and schemathesis finds
no server error and no response that breaks the schema."""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from web.api.openapi import document
from web.api.schemas import EXAMPLE_EMAIL, EXAMPLE_SLUG
from web.queue import wait_for_jobs

METHODS = {"get", "put", "post", "delete", "patch"}
# Examples per operation: about a minute for the whole API on two cores.
EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.removeprefix("/api/v1"))


def test_every_route_is_described_and_every_description_is_a_route(app, client) -> None:  # type: ignore[no-untyped-def]
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    routes = {
        (_openapi_path(rule.rule), method.lower(), rule.endpoint.removeprefix("api."))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in rule.methods or ()
        if method.lower() in METHODS
    }
    described = {
        (path, method, operation["operationId"])
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }
    assert routes == described
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), (path, method)
            if operation.get("security") != []:
                assert "401" in operation["responses"], (path, method)


def test_the_document_is_valid_openapi_31_and_every_reference_resolves(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json  # no key needed
    document = response.get_json()
    schemathesis.openapi.from_dict(document).validate()  # the OAS 3.1 meta-schema

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if "$ref" in node else []
            return found + [r for v in node.values() for r in refs(v)]
        if isinstance(node, list):
            return [r for v in node for r in refs(v)]
        return []

    for ref in refs(document):
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        assert isinstance(target, dict), ref


@pytest.fixture
def example_app(  # type: ignore[no-untyped-def]
    app_factory, fake_encoder, make_api_key, add_people, add_suggestion, make_organizer, make_event
):
    """`example_app(database_url=None)`: an app with the documented example event and people."""

    def make(database_url=None):  # type: ignore[no-untyped-def]
        app = app_factory(database_url=database_url, encoder=fake_encoder, RATELIMIT_ENABLED=False)
        organizer = make_organizer(app)
        event_id = make_event(app, organizer, slug=EXAMPLE_SLUG)
        ids = add_people(
            app,
            event_id,
            [
                {"name": "Ada Lovelace", "email": EXAMPLE_EMAIL, "interests": ["chess"]},
                {"name": "Ben Okafor", "email": "ben@example.org", "share_email": True},
                {"name": "Cy Hidden", "email": "cy@example.org", "listed": False},
            ],
        )
        ada, ben, cy = ids.values()
        add_suggestion(app, event_id, ada, ben, 1, 0.8, reasons=["You both listed chess."])
        add_suggestion(app, event_id, ben, ada, 1, 0.8, starters=["Which opening?"])
        make_event(app, make_organizer(app, email="other@example.org"), slug="rival")
        app.config["TEST_API_KEY"] = make_api_key(app, organizer)
        return app

    return make


@pytest.fixture
def api_app(example_app):  # type: ignore[no-untyped-def]
    """The example app on SQLite."""
    app = example_app()
    yield app
    wait_for_jobs(app)


def conforms(app, method: str, path: str, examples: int) -> None:  # type: ignore[no-untyped-def]
    """Generated requests, valid and invalid, on the example event and on random ones."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema[path][method.upper()]
    known = {"slug": EXAMPLE_SLUG, "email": EXAMPLE_EMAIL}
    real = {k: v for k, v in known.items() if "{" + k + "}" in path}
    cases = st.one_of(
        operation.as_strategy(path_parameters=real),
        operation.as_strategy(),
        operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=real),
    )
    headers = {"Authorization": f"Bearer {app.config['TEST_API_KEY']}"}

    @given(case=cases)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def call(case) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()


OPERATIONS = [
    (method, path)
    for path, item in document()["paths"].items()
    for method in item
    if method in METHODS and path != "/openapi.json"
]


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_conforms_to_its_description(api_app, method: str, path: str) -> None:  # type: ignore[no-untyped-def]
    """No 5xx and no response outside the description, for every operation (SQLite)."""
    conforms(api_app, method, path, EXAMPLES)


# PostgreSQL is stricter than SQLite (text encoding, column lengths): the writes again there.
WRITES = [(m, p) for m, p in OPERATIONS if m in ("post", "put") and "/runs" not in p]


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize(("method", "path"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_writes_conform_on_postgresql(  # type: ignore[no-untyped-def]
    example_app, postgres_url, method: str, path: str
) -> None:
    """The write operations against PostgreSQL: no 5xx, no response outside the description."""
    conforms(example_app(postgres_url), method, path, EXAMPLES // 2)
