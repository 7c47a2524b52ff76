"""The event page previews one badge with the address its code opens (decoded by zbar),
and warns when that address is this machine's, where no phone at the event can go."""

from __future__ import annotations

import base64
import re

import pytest
from fixtures_organizer import PASSWORD
from test_scan import zbar

from web.organizer.badge_preview import is_local


@pytest.fixture
def event_page(make_event, make_attendees, make_organizer):  # type: ignore[no-untyped-def]
    """`event_page(app, base_url, host="localhost")`: the organizer's event page at `host`, with
    PUBLIC_BASE_URL set to `base_url`."""

    def _page(app, base_url: str, host: str = "localhost") -> str:  # type: ignore[no-untyped-def]
        app.config["PUBLIC_BASE_URL"] = base_url
        event_id = make_event(app, make_organizer(app))
        make_attendees(
            app, event_id, [{"email": "zoe@x.org", "name": "Zoë Adams", "headline": "Chemist"}]
        )
        client = app.test_client()
        client.post(
            "/organizer/login",
            data={"email": "org@example.org", "password": PASSWORD},
            base_url=f"http://{host}",
        )
        return client.get("/organizer/events/climate", base_url=f"http://{host}").get_data(
            as_text=True
        )

    return _page


def _preview(page: str, tmp_path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(the URL the page says, what the preview's QR decodes to)."""
    shown = re.search(r'id="badge-url" href="([^"]+)"', page)
    image = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="QR code of Zoë Adams', page)
    assert shown and image
    return shown[1], zbar(base64.b64decode(image[1]), tmp_path)


def test_a_local_address_gets_a_warning_and_the_preview_shows_where_the_code_leads(
    app, tmp_path, event_page
) -> None:  # type: ignore[no-untyped-def]
    page = event_page(app, "", host="127.0.0.1:5000")
    assert "These badges would not work at the event." in page
    shown, decoded = _preview(page, tmp_path)
    assert shown == decoded and decoded.startswith("http://127.0.0.1:5000/b/")


def test_a_public_address_gets_no_warning(app, tmp_path, event_page) -> None:  # type: ignore[no-untyped-def]
    page = event_page(app, "https://meet.example.org")
    assert 'id="badge-warning"' not in page
    shown, decoded = _preview(page, tmp_path)
    assert shown == decoded and decoded.startswith("https://meet.example.org/b/")


def test_a_public_host_without_the_setting_is_named(app, tmp_path, event_page) -> None:  # type: ignore[no-untyped-def]
    page = event_page(app, "", host="meet.example.org")
    assert "Badge codes use the address of this page" in page
    assert "would not work" not in page
    assert _preview(page, tmp_path)[1].startswith("http://meet.example.org/b/")


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:5000/b/x", True),
        ("http://localhost/b/x", True),
        ("http://192.168.1.20:8000/b/x", True),
        ("http://10.0.0.3/b/x", True),
        ("http://[::1]:5000/b/x", True),
        ("http://laptop.local/b/x", True),
        ("https://meet.example.org/b/x", False),
        ("http://93.184.216.34/b/x", False),
    ],
)
def test_local_addresses_are_recognised(url: str, local: bool) -> None:
    assert is_local(url) is local
