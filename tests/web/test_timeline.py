"""The timeline page: order, day groups, filters, paging and its htmx fragment."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web import factories
from tests.web.factories import event_id
from tests.web.html import day_headings, event_ids, find

ALL = [event_id(n) for n in (1, 2, 3, 4, 5, 6, 100)]


def test_timeline_lists_every_event_oldest_first(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert event_ids(response.text) == ALL
    assert "7 events" in response.text


def test_events_path_serves_the_same_timeline(client: TestClient) -> None:
    assert event_ids(client.get("/events").text) == ALL


def test_days_are_headed_at_their_precision(client: TestClient) -> None:
    headings = day_headings(client.get("/").text)
    assert headings == ["2030", "April 2031", "week of 5 May 2031", "12 May 2031", "13 May 2031", "1 June 2031"]
    assert "1 April 2031" not in client.get("/").text


def test_dates_carry_machine_readable_datetime(client: TestClient) -> None:
    datetimes = [t.attrs["datetime"] for t in find(client.get("/").text, "time")]
    assert {"2030", "2031-04", "2031-W19", "2031-05-12"} <= set(datetimes)


def test_two_events_on_one_day_share_one_heading(client: TestClient) -> None:
    page = client.get("/").text
    day = page.split('datetime="2031-05-12">12 May 2031</time></h3>')[1].split("</ol>")[0]
    assert f"ev-{event_id(4)}" in day and f"ev-{event_id(5)}" in day


def test_event_shows_title_link_actors_type_and_excerpt(client: TestClient) -> None:
    page = client.get("/").text
    assert f'<a href="/events/{event_id(4)}">Government troops retake Ashford bridge</a>' in page
    assert '<a href="/actors/government-forces">Government forces</a>' in page
    assert "Explosions/Remote violence" in page
    assert '<blockquote class="excerpt">Government troops retook the Ashford bridge on 12 May</blockquote>' in page


def test_filter_form_lists_actors_with_counts(client: TestClient) -> None:
    boxes = find(client.get("/?actor=militia").text, "input", type="checkbox", name="actor")
    assert [b.attrs["value"] for b in boxes] == ["militia", "government-forces", "northern-front"]
    assert "checked" in boxes[0].attrs and "checked" not in boxes[1].attrs
    page = client.get("/").text
    labels = {lab.attrs["for"]: " ".join(lab.text.split()) for lab in find(page, "label")}
    (militia,) = find(page, "input", type="checkbox", name="actor", value="militia")
    assert labels[militia.attrs["id"]] == "The Militia 3"


def test_filter_form_works_without_javascript(client: TestClient) -> None:
    (form,) = find(client.get("/").text, "form")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/"
    assert form.attrs["hx-get"] == "/" and form.attrs["hx-target"] == "#results"
    assert form.attrs["hx-push-url"] == "true" and "change" in form.attrs["hx-trigger"]
    assert form.attrs["hx-indicator"] == "#loading"
    assert find(client.get("/").text, "button", type="submit")


def test_actor_filter_shows_only_that_actors_events(client: TestClient) -> None:
    page = client.get("/?actor=government-forces").text
    assert event_ids(page) == [event_id(3), event_id(4)]
    assert "2 events match" in page
    assert '<a class="clear" href="/">Clear filters</a>' in page


def test_two_actors_combine_with_or(client: TestClient) -> None:
    page = client.get("/?actor=northern-front&actor=government-forces").text
    assert event_ids(page) == [event_id(2), event_id(3), event_id(4)]


def test_date_range_keeps_events_that_overlap_it(client: TestClient) -> None:
    page = client.get("/?from=2031-05-12&to=2031-05-12").text
    assert event_ids(page) == [event_id(4), event_id(5)]
    assert find(page, "input", id="from")[0].attrs["value"] == "2031-05-12"


def test_month_event_is_found_by_a_day_inside_the_month(client: TestClient) -> None:
    assert event_ids(client.get("/?from=2031-04-15&to=2031-04-15").text) == [event_id(2)]


def test_nothing_matching_says_so_with_a_way_back(client: TestClient) -> None:
    page = client.get("/?from=2040-01-01").text
    assert event_ids(page) == []
    assert "0 events match" in page and "No events match these filters." in page
    assert 'href="/">Clear filters</a>' in page


def test_unknown_parameters_are_ignored(client: TestClient) -> None:
    assert event_ids(client.get("/?utm_source=x&page=3").text) == ALL


def paged_client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(lambda session: factories.seed_many(session, 120))


def test_pages_follow_one_another_without_overlap(make_client: Callable[..., TestClient]) -> None:
    client = paged_client(make_client)
    seen: list[str] = []
    url: str | None = "/"
    while url:
        page = client.get(url).text
        seen += event_ids(page)
        nexts = find(page, "a", rel="next")
        url = nexts[0].attrs["href"] if nexts else None
    assert len(seen) == 120 and len(set(seen)) == 120
    day_of = {factories.event_id(1000 + n): n // 3 for n in range(120)}
    days = [day_of[event_id] for event_id in seen]
    assert days == sorted(days)


def test_first_page_has_fifty_and_a_real_next_link(make_client: Callable[..., TestClient]) -> None:
    page = paged_client(make_client).get("/").text
    assert len(event_ids(page)) == 50
    (link,) = find(page, "a", rel="next")
    assert link.attrs["href"].startswith("/?cursor=") and link.attrs["hx-get"] == link.attrs["href"]
    assert "120 events" in page


def test_next_link_keeps_the_filters(make_client: Callable[..., TestClient]) -> None:
    page = paged_client(make_client).get("/?from=2031-07-01&to=2031-12-31").text
    (link,) = find(page, "a", rel="next")
    assert link.attrs["href"].startswith("/?from=2031-07-01&to=2031-12-31&cursor=")


def test_htmx_request_gets_only_the_results_fragment(client: TestClient) -> None:
    response = client.get("/?actor=militia", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and "<form" not in response.text
    assert event_ids(response.text) == [event_id(1), event_id(3), event_id(5)]
    assert response.headers["Vary"] == "HX-Request"
    assert response.headers["HX-Push-Url"] == "/?actor=militia"


def test_fragment_reloads_the_counts_for_the_new_filter(client: TestClient) -> None:
    response = client.get("/?from=2031-05-12", headers={"HX-Request": "true"})
    (loader,) = find(response.text, "div", **{"class": "overview-loader"})
    assert loader.attrs["hx-get"] == "/overview?from=2031-05-12" and loader.attrs["hx-trigger"] == "load"
    assert loader.attrs["hx-target"] == "#facets"
    counts = client.get(loader.attrs["hx-get"], headers={"HX-Request": "true"}).text
    (facet,) = find(counts, "fieldset", id="facet-actor")
    assert "Northern Front" not in facet.text and "The Militia" in facet.text


def test_full_page_also_varies_on_hx_request(client: TestClient) -> None:
    response = client.get("/")
    assert "<html" in response.text and response.headers["Vary"] == "HX-Request"


def test_history_restore_gets_the_full_page(client: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client.get("/?actor=militia", headers=headers)
    assert "<html" in response.text and "<form" in response.text
    assert response.headers["Vary"] == "HX-Request"


def test_boosted_request_gets_the_full_page(client: TestClient) -> None:
    response = client.get("/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in response.text
