"""The real app under uvicorn on a free local port, driven by Debian's chromium through Playwright.

One server and one browser serve the whole browser suite (a session-scoped
twin of the ``make_database`` fixture builds its database), to keep it fast;
each test gets its own page, and fails if the page logged an error or
violated the Content-Security-Policy.

Without a chromium these tests skip, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tarfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from app.config import Settings
from app.db import make_engine, make_sessionmaker, transaction
from app.main import create_app
from app.setup import prepare_database
from tests.databases import create_database, drop_database
from tests.web import factories

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
AXE_VERSION = "4.14.1"
AXE_CACHE = Path(os.environ.get("DATELINE_CACHE", Path.home() / ".cache" / "dateline"))
PAGE_SIZE = 20
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WATCH_ERRORS = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
});
"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the real app in chromium through Playwright")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def find_chromium() -> str | None:
    found = [path for path in CHROMIUM_CANDIDATES if os.access(path, os.X_OK)]
    return found[0] if found else shutil.which("chromium")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, and CI=true requires the browser tests to run", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped (install Debian's chromium to run them)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _seed(url: str) -> None:
    """The real seed article (through ingest), a controlled article and enough filler to page."""
    prepare_database(Settings(database_url=url))
    engine = make_engine(url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            factories.seed_riverton(session)
            factories.seed_hostile(session)
            factories.seed_many(session, 70)
    finally:
        engine.dispose()


@dataclass
class Server:
    url: str


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        _unavailable("No chromium found")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[Server]:
    database_url = create_database(tmp_path_factory.mktemp("browser-db"))
    try:
        _seed(database_url)
        app = create_app(Settings(database_url=database_url, page_size=PAGE_SIZE))
        port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on")
        uvicorn_server = uvicorn.Server(config)
        thread = threading.Thread(target=uvicorn_server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not uvicorn_server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}")
        uvicorn_server.should_exit = True
        thread.join(timeout=10)
    finally:
        drop_database(database_url)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page and everything it complained about."""

    page: Page
    errors: list[str] = field(default_factory=list)


def _watch(context: BrowserContext) -> Watched:
    context.add_init_script(WATCH_ERRORS)
    page = context.new_page()
    watched = Watched(page)
    page.on("console", lambda msg: watched.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watched.errors.append(str(exc)))
    page.set_default_timeout(10_000)
    return watched


@pytest.fixture
def open_page(browser: Browser, server: Server) -> Iterator[Callable[..., Watched]]:
    """Open pages in fresh contexts; each must end without console errors or CSP violations."""
    contexts: list[tuple[BrowserContext, Watched]] = []

    def make(
        *, javascript: bool = True, width: int = 1280, height: int = 900, dark: bool = False
    ) -> Watched:
        context = browser.new_context(
            base_url=server.url, java_script_enabled=javascript, viewport={"width": width, "height": height},
            color_scheme="dark" if dark else "light",
        )
        watched = _watch(context)
        contexts.append((context, watched))
        return watched

    yield make
    complaints = [error for _, watched in contexts for error in watched.errors]
    for context, _ in contexts:
        context.close()
    assert not complaints, f"the page logged errors: {complaints}"


@pytest.fixture
def page(open_page: Callable[..., Watched]) -> Page:
    return open_page().page


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core from the npm registry (``npm pack``), cached outside the repository."""
    target = AXE_CACHE / f"axe-core-{AXE_VERSION}.min.js"
    if not target.exists():
        if shutil.which("npm") is None:
            _unavailable("npm is needed to fetch axe-core")
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", f"axe-core@{AXE_VERSION}", "--silent", "--pack-destination", str(AXE_CACHE)],
            check=True, capture_output=True, timeout=120,
        )
        with tarfile.open(AXE_CACHE / f"axe-core-{AXE_VERSION}.tgz") as archive:
            member = archive.extractfile("package/axe.min.js")
            assert member is not None
            target.write_bytes(member.read())
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
