"""The event permalink and the document view."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.factories import event_id
from tests.web.html import event_ids, find, meta

SHELLING = f"/events/{event_id(5)}"
DOCUMENT = "/documents/d0c0000000000001"


def test_event_page_shows_the_excerpt_marked_inside_its_paragraph(client: TestClient) -> None:
    page = client.get(SHELLING).text
    (paragraph,) = [p for p in find(page, "p") if "blockquote" in p.parents]
    assert paragraph.text == "Militia fighters shelled the river port of Calder on Monday, local officials said."
    (mark,) = [m for m in find(page, "mark")]
    assert mark.text == "Militia fighters shelled the river port of Calder on Monday"
    assert "blockquote" in mark.parents


def test_event_page_explains_its_date(client: TestClient) -> None:
    page = client.get(SHELLING).text
    assert '<h1>Militia shells Calder port</h1>' in page
    assert "<q class=\"phrase\">on Monday</q>" in page and "(weekday)" in page
    assert 'published on <time datetime="2031-05-14">14 May 2031</time>' in page
    assert "precise to the day" in page


def test_month_event_page_shows_the_month(client: TestClient) -> None:
    page = client.get(f"/events/{event_id(2)}").text
    assert '<time datetime="2031-04">April 2031</time>' in page
    assert "Claimed by Northern Front" in page


def test_event_page_links_to_its_place_in_the_document_and_timeline(client: TestClient) -> None:
    page = client.get(SHELLING).text
    assert f'href="{DOCUMENT}#ev-{event_id(5)}"' in page
    links = [a.attrs["href"] for a in find(page, "a")]
    (back,) = [href for href in links if href.endswith(f"#ev-{event_id(5)}") and "focus=" in href]
    timeline = client.get(back.split("#")[0]).text
    assert event_ids(timeline)[0] == event_id(5)
    (focused,) = [li for li in find(timeline, "li") if "focused" in li.attrs.get("class", "")]
    assert focused.attrs["id"] == f"ev-{event_id(5)}"


def test_event_page_previews_well_when_shared(client: TestClient) -> None:
    page = client.get(SHELLING).text
    assert meta(page, "og:title") == "Militia shells Calder port"
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:url") == f"http://testserver{SHELLING}"
    assert meta(page, "og:description").startswith("12 May 2031")
    assert "Militia fighters shelled the river port of Calder on Monday" in meta(page, "og:description")
    assert meta(page, "twitter:card") == "summary"


def test_unknown_event_is_a_404_page(client: TestClient) -> None:
    response = client.get("/events/ffffffffffffffff")
    assert response.status_code == 404
    assert "<html" in response.text and "No event with id" in response.text


def test_document_page_shows_each_paragraph(client: TestClient) -> None:
    page = client.get(DOCUMENT).text
    assert "<h1>Fighting near Calder</h1>" in page
    assert '<time datetime="2031-05-14">14 May 2031</time>' in page
    assert "Example Wire" in page and "dateline guessed" in page
    paragraphs = [p.text for p in find(page, "p") if p.parents[-1:] == ("div",)]
    assert paragraphs[-1] == "The militia was formed in 2030 from two smaller groups."
    assert len(paragraphs) == 4


def test_document_page_marks_every_excerpt_with_an_anchor_and_a_link(client: TestClient) -> None:
    page = client.get(DOCUMENT).text
    anchored = {m.attrs["id"] for m in find(page, "mark") if "id" in m.attrs}
    assert anchored == {f"ev-{event_id(n)}" for n in range(1, 7)}
    (mark,) = find(page, "mark", id=f"ev-{event_id(4)}")
    assert mark.text == "Government troops retook the Ashford bridge on 12 May"
    assert f'<a class="excerpt-link" href="/events/{event_id(4)}"' in page


def test_overlapping_excerpts_become_separate_segments(client: TestClient) -> None:
    page = client.get(DOCUMENT).text
    marks = [m.text for m in find(page, "mark")][:3]
    assert marks == ["Militia fighters shelled ", "the river port of Calder on Monday", ", local officials said"]
    (overlap,) = find(page, "mark", **{"class": "overlap"})
    assert overlap.attrs["id"] == f"ev-{event_id(6)}"


def test_unknown_document_is_a_404_page(client: TestClient) -> None:
    response = client.get("/documents/nope")
    assert response.status_code == 404 and "No document with id" in response.text
