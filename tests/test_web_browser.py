"""The map page in a real headless Chromium over the sample articles: it loads, markers appear, a
filter changes what is shown, brushing the timeline filters the map, and clicking an event shows
its evidence with the spans highlighted. Skips, saying why, without chromium and chromedriver
(scripts/install-test-deps.sh installs them) or without the built front-end libraries."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests need the web extra: pip install -e '.[web,dev]'")

from _web_support import build_sample_store, chromium_paths, live_server, start_chromium
from sitrep.web import create_app
from sitrep.web.app import assets_built

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "docs" / "web-map.png"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_paths()
    if not assets_built():
        pytest.skip("browser tests skipped: the page's libraries are not built; run `npm ci && npm run build`")
    url = build_sample_store(tmp_path_factory.getbasetemp())
    with live_server(create_app(url)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Callable[[], Any], *, timeout: float = 15.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def page_state(driver: Any) -> dict[str, Any]:
    return dict(driver.execute_script(
        "const s = window.sitrep || {}; return {ready: !!s.ready, renders: s.renders || 0, shown: s.shown || 0, "
        "errors: s.errors || [], firstRender: s.firstRender || null, mode: s.mode || null};"))


def open_page(driver: Any, base_url: str) -> dict[str, Any]:
    driver.get(base_url + "/")
    wait_for(lambda: page_state(driver)["ready"] and page_state(driver)["firstRender"], what="the first map render")
    return page_state(driver)


def markers(driver: Any) -> int:
    return int(driver.execute_script(
        "return document.querySelectorAll('#map .ev-dot, #map .ev-cluster').length"))


def test_web_browser_page_loads_with_markers(browser: Any, base_url: str) -> None:
    state = open_page(browser, base_url)
    assert state["errors"] == []
    assert state["shown"] > 50
    wait_for(lambda: markers(browser) > 0, what="markers")
    assert browser.execute_script("return document.querySelectorAll('#timeline rect.bar').length") > 5
    assert browser.execute_script("return document.querySelectorAll('#map path.leaflet-interactive').length") > 0
    # nothing was fetched from anywhere but this server
    hosts = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
    assert set(hosts) <= {base_url.split("//", 1)[1]}


def test_web_browser_filter_changes_the_map(browser: Any, base_url: str) -> None:
    from selenium.webdriver.support.ui import Select

    before = open_page(browser, base_url)
    renders = before["renders"]
    Select(browser.find_element("id", "f-type")).select_by_value("Protests")
    wait_for(lambda: page_state(browser)["renders"] > renders, what="a render after filtering")
    after = page_state(browser)
    assert 0 < after["shown"] < before["shown"]
    assert set(browser.execute_script("return window.sitrep.types")) == {"Protests"}
    protest = browser.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--protests')")
    backgrounds = browser.execute_script(
        "return [...document.querySelectorAll('#map .ev-cluster')].map(d => d.style.background)")
    assert markers(browser) > 0 and all("rgb(" in b or protest.strip() in b for b in backgrounds)
    renders = page_state(browser)["renders"]
    browser.find_element("id", "f-clear").click()
    wait_for(lambda: page_state(browser)["renders"] > renders, what="a render after clearing")
    assert page_state(browser)["shown"] == before["shown"]


def test_web_browser_timeline_brush_filters_the_map(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    before = open_page(browser, base_url)
    svg = browser.find_element("css selector", "#timeline svg")
    width = svg.size["width"]
    renders = before["renders"]
    # drag across the right-hand third of the timeline (the most recent years)
    ActionChains(browser).move_to_element_with_offset(svg, int(width * 0.2), 0).click_and_hold() \
        .move_by_offset(int(width * 0.25), 0).release().perform()
    wait_for(lambda: page_state(browser)["renders"] > renders, what="a render after brushing")
    after = page_state(browser)
    brush = browser.execute_script("return window.sitrep.brush")
    assert brush and brush["since"] <= brush["until"]
    assert 0 < after["shown"] < before["shown"]
    label = browser.find_element("id", "brush-label").text
    assert brush["since"] in label and brush["until"] in label
    # every event listed in the panel lies in the brushed period
    wait_for(lambda: browser.find_elements("css selector", "#detail .event-list li"), what="the event list")
    dates = browser.execute_script(
        "return [...document.querySelectorAll('#detail .event-list li small')].map(s => s.textContent.slice(0, 10))")
    assert dates and all(brush["since"] <= d <= brush["until"] for d in dates)


def test_web_browser_click_event_shows_highlighted_evidence(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    browser.find_element("id", "f-text").send_keys("Raqqa\n")
    wait_for(lambda: browser.execute_script("return window.sitrep.filters.text") == "Raqqa", what="the text filter")
    browser.execute_script("window.__map_zoom = 1")
    dot = wait_for(lambda: next(iter(browser.find_elements("css selector", "#map .ev-dot")), None)
                   or _expand_cluster(browser), what="an event marker")
    dot.click()
    detail = wait_for(lambda: browser.find_elements("css selector", "#detail .detail[data-event-id]"),
                      what="the event's detail")[0]
    assert detail.find_elements("css selector", ".report .evidence")
    kinds = {m.get_attribute("data-span") for m in detail.find_elements("css selector", ".report mark.hl")}
    assert any("actor1" in k for k in kinds) and any("location" in k for k in kinds)
    assert "Raqqa" in detail.text or "Ar Raqqah" in detail.text
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))


def _expand_cluster(driver: Any) -> None:
    clusters = driver.find_elements("css selector", "#map .ev-cluster")
    if clusters:
        clusters[0].click()
        time.sleep(0.4)
    return None
