"""Helpers for the web tests (tests/test_web*.py): a store of the sample articles, a live server,
a PostgreSQL schema per test, and a headless Chromium — each skipping, saying why, when absent."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
PG_BASE = "postgresql://postgres@127.0.0.1:5432/test"


def build_sample_store(folder: Path) -> str:
    """A SQLite store of the bundled sample articles (built once per folder)."""
    from sitrep.settings import Settings
    from sitrep.store import open_store
    from sitrep.store.ingest import ingest

    path = folder / "web-samples.db"
    url = f"sqlite:///{path.as_posix()}"
    if not path.exists():
        with open_store(url) as store:
            # article ids are paths as given: relative ones, as a user would type them, when possible
            try:
                given = os.path.relpath(SAMPLES)
            except ValueError:
                given = str(SAMPLES)
            ingest([given], store, settings=Settings.from_env().with_(db=url))
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free local port in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def postgres_available() -> str | None:
    """Why PostgreSQL cannot be used for tests, or None when it can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'sitrep[postgres]')"
    try:
        with psycopg.connect(PG_BASE, connect_timeout=3):
            return None
    except psycopg.Error as e:
        return f"no PostgreSQL at {PG_BASE} ({str(e).strip()[:120]})"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A store URL on a fresh schema of the test database, dropped afterwards; skips without a server."""
    reason = postgres_available()
    if reason is not None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    import psycopg

    schema = f"sitrep_web_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{PG_BASE}?schema={schema}"
    finally:
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def chromium_paths() -> tuple[str, str]:
    """The Chromium binary and its WebDriver, or a skip saying how to install them."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip("browser tests skipped: chromium and chromedriver are not installed; "
                    "run scripts/install-test-deps.sh (Debian: apt-get install chromium chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("browser tests skipped: selenium is not installed (pip install -e '.[dev]')")
    return browser, driver


def start_chromium(*, width: int = 1400, height: int = 900) -> Any:
    browser, driver = chromium_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)
