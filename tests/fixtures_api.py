"""Factory fixtures for the API tests: keys and clients that send one.

Registered from conftest.py (`pytest_plugins`), so a test asks for `make_api_key`
or `api_client` as an argument.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from models import Organizer
from web.services.api_keys import create_key


class Api:
    """A test client that sends one API key with every request."""

    def __init__(self, client: FlaskClient, key: str) -> None:
        self.client = client
        self.key = key

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """The Authorization header plus `extra`."""
        return {"Authorization": f"Bearer {self.key}", **(extra or {})}

    def get(self, path: str, **kw: Any) -> Any:
        """GET /api/v1<path>."""
        return self.client.get(
            f"/api/v1{path}", headers=self.headers(kw.pop("headers", None)), **kw
        )

    def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        """POST JSON to /api/v1<path>."""
        headers = self.headers(kw.pop("headers", None))
        return self.client.post(f"/api/v1{path}", json=json, headers=headers, **kw)

    def put(self, path: str, json: Any = None, **kw: Any) -> Any:
        """PUT JSON to /api/v1<path>."""
        headers = self.headers(kw.pop("headers", None))
        return self.client.put(f"/api/v1{path}", json=json, headers=headers, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        """DELETE /api/v1<path>."""
        return self.client.delete(
            f"/api/v1{path}", headers=self.headers(kw.pop("headers", None)), **kw
        )


@pytest.fixture(scope="session")
def make_api_key() -> Callable[..., str]:
    """`make_api_key(app, organizer_id, name="test")`: a new key of the organizer, returned."""

    def make(app: Flask, organizer_id: int, name: str = "test") -> str:
        with app.extensions["cg_sessions"]() as session:
            organizer = session.get_one(Organizer, organizer_id)
            _row, key = create_key(session, organizer, name)
            session.commit()
            return key

    return make


@pytest.fixture(scope="session")
def api_client() -> Callable[[FlaskClient, str], Api]:
    """`api_client(client, key)`: `client` calling /api/v1 with the key (an `Api`)."""
    return Api
