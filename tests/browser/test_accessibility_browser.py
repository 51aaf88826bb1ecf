"""Accessibility (axe-core, light and dark), small screens, and screenshots for review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched
from tests.web.factories import event_id

PAGES = ("/", "/?q=Ashford&actor=militia", f"/events/{event_id(5)}", "/actors/militia", "/documents/d0c0000000000001")


def axe_violations(page: Page, axe_script: str) -> list[dict[str, Any]]:
    """Serious and critical axe findings (WCAG 2 A/AA and best practice) on the loaded page.

    axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
    """
    page.evaluate(axe_script)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(
    open_page: Callable[..., Watched], axe_script: str, dark: bool
) -> None:
    page = open_page(dark=dark).page
    for url in PAGES:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert axe_violations(page, axe_script) == [], url


def test_timeline_fits_a_small_phone(open_page: Callable[..., Watched]) -> None:
    page = open_page(width=360, height=780).page
    for url in ("/", f"/events/{event_id(5)}"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url


def test_skip_link_is_the_first_stop_and_focus_is_visible(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 900), ("mobile", 360, 780)])
def test_screenshots(open_page: Callable[..., Watched], screenshots: Path, name: str, width: int, height: int) -> None:
    page = open_page(width=width, height=height).page
    page.goto("/?actor=militia")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / f"timeline-{name}.png"), full_page=True)
    page.goto(f"/events/{event_id(5)}")
    page.screenshot(path=str(screenshots / f"event-{name}.png"), full_page=True)
    assert (screenshots / f"event-{name}.png").stat().st_size > 0
