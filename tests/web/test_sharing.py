"""Sharing: every view is its URL; focus links; event pages with neighbours, citation and previews."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.web import factories
from tests.web.factories import event_id
from tests.web.html import event_ids, find, meta


@pytest.fixture
def sides(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(factories.seed_riverton, factories.seed_sides)


def test_focus_opens_the_filtered_timeline_at_the_event(client: TestClient) -> None:
    page = client.get(f"/?actor=militia&focus={event_id(3)}").text
    assert event_ids(page) == [event_id(3), event_id(5)]
    (focused,) = [li for li in find(page, "li") if "focused" in li.attrs.get("class", "").split()]
    assert focused.attrs["id"] == f"ev-{event_id(3)}" and "The event you linked to" in focused.text
    (earlier,) = find(page, "a", rel="prev")
    assert earlier.attrs["href"] == "/?actor=militia"


def test_bad_focus_is_a_400_naming_it(client: TestClient) -> None:
    for bad in ("nope", "ffffffffffffffff"):
        response = client.get(f"/?focus={bad}")
        assert response.status_code == 400
        assert "<code>focus</code>" in response.text and 'href="/"' in response.text


def test_timeline_links_events_with_the_current_filter(client: TestClient) -> None:
    page = client.get("/?actor=militia").text
    assert f'href="/events/{event_id(3)}?actor=militia"' in page


def test_event_page_steps_through_its_filter(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(3)}?actor=militia").text
    (prev,) = find(page, "a", rel="prev")
    (nxt,) = find(page, "a", rel="next")
    assert prev.attrs["href"] == f"/events/{event_id(1)}?actor=militia" and "Militia formed" in prev.text
    assert nxt.attrs["href"] == f"/events/{event_id(5)}?actor=militia" and "Militia shells Calder port" in nxt.text
    unfiltered = client.get(f"/events/{event_id(3)}").text
    assert find(unfiltered, "a", rel="next")[0].attrs["href"] == f"/events/{event_id(4)}"
    last = client.get(f"/events/{event_id(5)}?actor=militia").text
    assert not find(last, "a", rel="next") and "No later event in this filter" in last


def test_event_page_back_link_keeps_the_filter(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(3)}?actor=militia").text
    assert f'href="/?actor=militia&amp;focus={event_id(3)}#ev-{event_id(3)}"' in page


def test_event_page_offers_a_visible_link_and_copy_button(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(5)}").text
    (field,) = find(page, "input", id="permalink")
    assert field.attrs["value"] == f"http://testserver/events/{event_id(5)}" and "readonly" in field.attrs
    (button,) = find(page, "button", **{"data-copy": "permalink"})
    assert "hidden" in button.attrs


def test_event_page_cites_the_event(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(5)}").text
    (text,) = find(page, "textarea", id="cite-text")
    assert f"Dateline event {event_id(5)}" in text.text
    assert "Source: “Fighting near Calder”, 14 May 2031." in text.text
    assert "“Militia fighters shelled the river port of Calder on Monday”" in text.text
    assert f"http://testserver/events/{event_id(5)} (accessed " in text.text
    (bibtex,) = find(page, "textarea", id="cite-bibtex")
    assert bibtex.text.startswith(f"@misc{{dateline-{event_id(5)},")
    assert "title = {Militia shells Calder port}" in bibtex.text and "urldate = {" in bibtex.text


def test_hostile_text_is_escaped_in_citation_and_bibtex(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(100)}").text
    assert "<script>" not in page
    (bibtex,) = find(page, "textarea", id="cite-bibtex")
    assert r"\&" in bibtex.text and "<script>" in bibtex.text  # as text inside the textarea


def test_shared_link_preview_describes_the_event(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(3)}").text
    description = meta(page, "og:description")
    assert description.startswith("week of 5 May 2031 · Battles · Government forces, The Militia: “after a week")
    assert description.endswith("(Fighting near Calder)") and meta(page, "description") == description


def test_acled_event_page_has_no_document_and_says_so(sides: TestClient) -> None:
    response = sides.get(f"/events/{event_id(204)}")
    assert response.status_code == 200
    page = response.text
    assert "ACLED, citing Local monitor; Regional paper" in page
    assert "no source text is stored" in page
    assert find(page, "span", **{"class": "badge badge-acled"})
    assert "Source: ACLED (sources: Local monitor; Regional paper)." in find(page, "textarea", id="cite-text")[0].text


def test_acled_and_synthetic_events_are_labelled_in_the_timeline(sides: TestClient) -> None:
    page = sides.get("/?from=2033-03-01").text
    badges = {b.text for b in find(page, "span") if "badge" in b.attrs.get("class", "")}
    assert badges == {"ACLED", "Synthetic"}
    assert "Source: ACLED (Local monitor; Regional paper)" in page
    synthetic = sides.get(f"/events/{event_id(203)}").text
    assert "synthetic event, made up for demonstration" in synthetic


def test_actor_page_shows_names_count_and_its_timeline(sides: TestClient) -> None:
    page = sides.get("/actors/north-army").text
    assert "<h1>North Army</h1>" in page
    assert "the northern army" in page and "<li>NA</li>" in page
    assert "3 events" in page and "state" in page
    assert '<a href="/?side=North">North</a>' in page
    assert event_ids(page) == [event_id(200), event_id(202), event_id(204)]


def test_actor_names_link_to_actor_pages_everywhere(sides: TestClient) -> None:
    for url in ("/", f"/events/{event_id(200)}"):
        assert '<a href="/actors/north-army">North Army</a>' in sides.get(url).text


def test_unknown_actor_is_a_404(client: TestClient) -> None:
    assert client.get("/actors/nobody").status_code == 404


def test_about_page_is_linked_from_every_page(client: TestClient) -> None:
    assert client.get("/about").status_code == 200
    for url in ("/", f"/events/{event_id(1)}", "/documents/d0c0000000000001"):
        assert '<a href="/about">About</a>' in client.get(url).text


def test_pages_print_as_evidence(client: TestClient) -> None:
    page = client.get("/?actor=militia").text
    (printed,) = [p for p in find(page, "p") if "print-meta" in p.attrs.get("class", "")]
    assert printed.text.startswith("Printed from http://testserver/?actor=militia · retrieved ")
    assert f"id {event_id(1)}" in page


def test_json_twin_of_an_acled_event_has_no_document(sides: TestClient) -> None:
    body = sides.get(f"/api/events/{event_id(204)}").json()
    assert body["document"] is None and body["origin"] == "acled"
