"""Browser tests: the app served on a real port, driven by real Chromium via Playwright."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from hotel import create_app
from hotel.demo.loader import load_demo_data
from hotel.extensions import db
from tests.conftest import make_config

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
REQUIRE_BROWSER = os.environ.get("HOTEL_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    """Return the Chromium to drive, from CHROMIUM or the usual places."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      "/usr/bin/chromium-browser", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session."""
    path = chromium_path()
    if path is None:
        message = "Chromium not found (install Debian's chromium or set CHROMIUM)"
        if REQUIRE_BROWSER:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The application with the demo hotel, on SQLite, served on a free local port."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'hotel.db'}"
    app = create_app(make_config(url))
    with app.app_context():
        db.create_all()
        load_demo_data()
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def page(browser, live_app):
    """A fresh browser page at phone width; screenshots land in test-artifacts/."""
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  base_url=live_app.config["LIVE_URL"], accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
