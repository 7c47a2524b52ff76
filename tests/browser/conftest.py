"""Real-browser fixtures: a live server, Debian chromium through Playwright, iPhone 13.

The live server runs the real app in a thread on a free loopback port, with the
real embedding model and CSRF on. Each test gets phones (browser contexts with the
iPhone 13 viewport); when a test fails, every open page is saved as a screenshot
under test-artifacts/ so the failure can be seen.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

IN_CI = os.environ.get("CI") == "true"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _missing(message: str) -> None:
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


# werkzeug's development server (LiveServer below) leaves a static file it was sending
# to the garbage collector when the browser drops the connection mid-response (a
# favicon as a page navigates away): pytest then reports the unclosed file, now and
# then, as an error of whichever test is running. Production serves through gunicorn.
_DROPPED_STATIC_FILE = pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <_io.FileIO name='[^']*/web/static/"
    ":pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests only: see `_DROPPED_STATIC_FILE`."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(_DROPPED_STATIC_FILE)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]):  # type: ignore[no-untyped-def]
    """Remember each phase's report on the test item (for failure screenshots)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


class LiveServer:
    """The app served over HTTP on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> None:
        """Start serving."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        self._server.shutdown()
        self._thread.join(timeout=10)


@pytest.fixture
def live_server(app_factory, real_encoder) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    """The real app (real model, CSRF on) on a fresh SQLite database, served live."""
    app = app_factory(
        encoder=real_encoder,
        WTF_CSRF_ENABLED=True,
        TESTING=False,
        PUBLIC_BASE_URL="",
    )
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def phone(chromium, request) -> Iterator[Callable[[], Any]]:  # type: ignore[no-untyped-def]
    """A factory of iPhone 13 pages, each in its own browser context (its own cookies).

    Options go to the context, e.g. `phone(timezone_id="America/New_York")`.
    """
    contexts: list[Any] = []

    def new_phone(**options: Any) -> Any:
        context = chromium.new_context(**chromium.iphone_13, accept_downloads=True, **options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield new_phone
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-120:]
        for i, context in enumerate(contexts):
            for j, page in enumerate(context.pages):
                # A crashed page must not hide the real failure.
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(ARTIFACTS / f"{name}-{i}-{j}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def zbarimg() -> str:
    """Path of the zbar command-line decoder."""
    path = shutil.which("zbarimg")
    if path is None:
        _missing("zbarimg is not installed (apt-get install zbar-tools)")
    assert path is not None
    return path
