"""Finding events: search with highlighted hits, facets with counts, the histogram and paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import facets
from app.query import TimelineQuery
from tests.web import factories
from tests.web.factories import event_id
from tests.web.html import event_ids, find

FRAGMENT = {"HX-Request": "true"}


@pytest.fixture
def sides(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(factories.seed_riverton, factories.seed_sides)


def marks(html: str) -> list[str]:
    return [m.text for m in find(html, "mark") if m.attrs.get("class") == "hit"]


def counts(html: str, param: str) -> dict[str, int]:
    """What a facet shows: option label -> count."""
    (fieldset,) = find(html, "fieldset", id=f"facet-{param}")
    labels = [e for e in find(html, "label") if "fieldset" in e.parents and e.text and fieldset.text.count(e.text)]
    spans = [" ".join(label.text.split()).rsplit(" ", 1) for label in labels]
    return {name: int(n) for name, n in spans}


def test_search_finds_and_marks_the_words_in_titles_and_excerpts(client: TestClient) -> None:
    page = client.get("/?q=Ashford").text
    assert event_ids(page) == [event_id(3), event_id(4)] or event_ids(page) == [event_id(4)]
    assert "Ashford" in marks(page)
    assert '<mark class="hit">Ashford</mark> bridge' in page


def test_search_matches_actor_names_and_marks_them(sides: TestClient) -> None:
    page = sides.get("/?q=rebels").text
    assert set(event_ids(page)) == {event_id(201), event_id(202)}
    assert '<a href="/actors/hill-rebels">Hill <mark class="hit">Rebels</mark></a>' in page


def seed_markup(session: Session) -> None:
    doc = factories.add_document(session, id="d0c0000000000005", text=MARKUP, title="Markup", published=None)
    factories.add_event(session, doc, number=300, day=dt.date(2034, 1, 1), title="Fighters <b>took</b> Tarn & left",
                        quotes=["<i>Tarn</i> fell"])


MARKUP = "Witnesses said <i>Tarn</i> fell."


def test_highlight_is_built_after_escaping(make_client: Callable[..., TestClient]) -> None:
    page = make_client(seed_markup).get("/?q=tarn").text
    assert event_ids(page) == [event_id(300)]
    assert 'Fighters &lt;b&gt;took&lt;/b&gt; <mark class="hit">Tarn</mark> &amp; left' in page
    assert '&lt;i&gt;<mark class="hit">Tarn</mark>&lt;/i&gt; fell' in page
    assert "<b>" not in page and "<i>" not in page


def test_search_syntax_in_the_query_is_only_text(client: TestClient) -> None:
    response = client.get('/?q=" OR * NEAR(')
    assert response.status_code == 200 and "0 events match" in response.text


def test_facets_count_under_the_other_filters_and_or_within_one(sides: TestClient) -> None:
    page = sides.get("/?place=Tarn").text
    assert event_ids(page) == [event_id(200), event_id(201)]
    assert counts(page, "actor") == {"Hill Rebels": 1, "North Army": 1}
    assert counts(page, "place") == {"Tarn": 2, "Vell": 1}
    both = sides.get("/?place=Tarn&place=Vell").text
    assert event_ids(both) == [event_id(200), event_id(201), event_id(202)]


def test_facets_combine_with_and_across(sides: TestClient) -> None:
    page = sides.get("/?place=Vell&type=Battles").text
    assert event_ids(page) == []
    assert counts(page, "type") == {"Battles": 0, "Explosions/Remote violence": 1}
    (box,) = find(page, "input", name="type", value="Battles")
    assert "checked" in box.attrs


def test_side_filter_and_facet(sides: TestClient) -> None:
    page = sides.get("/?side=South").text
    assert event_ids(page) == [event_id(201), event_id(202)]
    assert counts(page, "side") == {"North": 3, "South": 2}
    assert counts(page, "actor") == {"Hill Rebels": 2, "North Army": 1}


def test_precision_and_source_facets(client: TestClient) -> None:
    page = client.get("/").text
    assert counts(page, "precision") == {"day": 4, "week": 1, "month": 1, "year": 1}
    assert counts(page, "document") == {"Fighting near Calder": 6, "<i>Hostile</i> & co": 1}


def test_total_is_capped(make_client: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facets, "CAP", 5)
    page = make_client(factories.seed_riverton).get("/").text
    (heading,) = find(page, "h2", id="results-count")
    assert heading.text == "5+ events"
    assert find(page, "div", id="facets")[0].attrs["hx-get"] == "/overview"


def test_histogram_bars_link_to_their_range_and_tell_their_count(sides: TestClient) -> None:
    page = sides.get("/?side=North").text
    bars = [a for a in find(page, "a") if a.attrs.get("class") == "bar-link"]
    assert [b.attrs["href"] for b in bars] == [
        "/?side=North&from=2033-03-01&to=2033-03-01",
        "/?side=North&from=2033-03-03&to=2033-03-03",
        "/?side=North&from=2033-03-05&to=2033-03-05",
    ]
    titles = [t.text for t in find(page, "title") if "svg" in t.parents]
    assert titles == ["1 event on 1 March 2033", "1 event on 3 March 2033", "1 event on 5 March 2033"]
    assert all(b.attrs["hx-get"] == b.attrs["href"] and b.attrs["hx-target"] == "#results" for b in bars)


def test_histogram_counts_by_week_over_a_longer_span(make_client: Callable[..., TestClient]) -> None:
    client = make_client(lambda session: factories.seed_many(session, 300))
    page = client.get("/").text
    assert "Events per week" in page
    titles = [t.text for t in find(page, "title") if "svg" in t.parents]
    assert titles[0] == "18 events from 30 June 2031 to 6 July 2031"
    assert sum(int(t.split()[0]) for t in titles) == 300


def paged(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(lambda session: factories.seed_many(session, 45), page_size=20)


def test_next_page_link_scrolls_in_and_works_without_javascript(make_client: Callable[..., TestClient]) -> None:
    page = paged(make_client).get("/").text
    (link,) = find(page, "a", rel="next")
    assert link.attrs["hx-trigger"] == "revealed" and link.attrs["hx-target"] == "#timeline-list"
    assert link.attrs["hx-get"] == link.attrs["href"] and link.attrs["href"].startswith("/?cursor=")
    assert link.text.strip() == "Later events →"


def test_infinite_scroll_gets_only_the_next_days(make_client: Callable[..., TestClient]) -> None:
    client = paged(make_client)
    first = event_ids(client.get("/").text)
    (link,) = find(client.get("/").text, "a", rel="next")
    more = client.get(link.attrs["href"], headers={**FRAGMENT, "HX-Target": "timeline-list"}).text
    assert "<h2" not in more and "<ol class=\"timeline\"" not in more
    ids = event_ids(more)
    assert len(ids) == 20 and not set(ids) & set(first)
    (slot,) = find(more, "span", id="next-slot")
    assert slot.attrs["hx-swap-oob"] == "true"
    assert "HX-Push-Url" not in client.get(link.attrs["href"], headers={**FRAGMENT, "HX-Target": "timeline-list"}).headers


def test_a_later_page_links_back_to_the_earlier_one(make_client: Callable[..., TestClient]) -> None:
    client = paged(make_client)
    first = client.get("/").text
    second = client.get(find(first, "a", rel="next")[0].attrs["href"]).text
    third = client.get(find(second, "a", rel="next")[0].attrs["href"]).text
    (back,) = find(third, "a", rel="prev")
    assert event_ids(client.get(back.attrs["href"]).text) == event_ids(second)
    (back_to_first,) = find(second, "a", rel="prev")
    assert back_to_first.attrs["href"] == "/"


def test_newest_first(make_client: Callable[..., TestClient]) -> None:
    client = paged(make_client)
    page = client.get("/?sort=desc").text
    ids = event_ids(page)
    assert ids[0] in {factories.event_id(n) for n in (1042, 1043, 1044)}
    assert ids[3] in {factories.event_id(n) for n in (1039, 1040, 1041)}
    (link,) = find(page, "a", rel="next")
    assert link.text.strip() == "Older events →" and "sort=desc" in link.attrs["href"]
    assert find(page, "option", value="desc")[0].attrs.get("selected") is not None


def test_overview_page_works_without_javascript(sides: TestClient) -> None:
    page = sides.get("/overview?side=North").text
    assert "<html" in page and find(page, "form", action="/")
    assert counts(page, "actor") == {"Hill Rebels": 1, "North Army": 3}
    assert find(page, "figure", id="histogram")


def test_the_filter_form_offers_and_keeps_min_sources(make_client: Callable[..., TestClient]) -> None:
    page = make_client(factories.seed_riverton).get("/?min_sources=2")
    assert page.status_code == 200
    assert '<option value="2" selected>' in page.text


def test_the_timeline_links_every_export_of_the_current_view(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    page = client.get("/?actor=militia").text
    alternates = find(page, "link", rel="alternate")
    hrefs = {a.attrs["href"] for a in alternates}
    assert {"/events.csv?actor=militia", "/events.atom?actor=militia", "/events.ics?actor=militia"} <= hrefs
    menu = [a.attrs["href"] for a in find(page, "a") if a.attrs.get("href", "").startswith("/events.geojson")]
    assert menu == ["/events.geojson?actor=militia"]
    assert client.get(menu[0]).status_code == 200


def test_event_and_actor_pages_link_their_alternates(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    event = find(client.get(f"/events/{event_id(4)}").text, "link", rel="alternate")
    assert [a.attrs["href"] for a in event] == [f"/api/v1/events/{event_id(4)}"]
    actor = {a.attrs["href"] for a in find(client.get("/actors/militia").text, "link", rel="alternate")}
    assert "/events.atom?actor=militia" in actor


def test_counting_that_takes_too_long_asks_for_a_narrower_filter(make_client: Callable[..., TestClient]) -> None:
    slow = make_client(lambda s: factories.seed_many(s, 600), overview_seconds=0.0)
    if slow.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("a zero budget is only deterministic on SQLite; tests/test_budget.py covers PostgreSQL")
    filtered = "/overview?q=filler"
    for headers in ({}, {"HX-Request": "true"}):
        answer = slow.get(filtered, headers=headers)
        assert answer.status_code == 200
        assert "takes too long" in answer.text and "narrow the dates" in answer.text
    assert "600 events match" in slow.get(filtered).text  # the page without JS still gives the (capped) total
    patient = make_client(lambda s: factories.seed_many(s, 600))
    counted = patient.get(filtered, headers={"HX-Request": "true"}).text
    assert "takes too long" not in counted and 'class="facet-list"' in counted


def test_a_list_that_takes_too_long_asks_to_refine_the_search(make_client: Callable[..., TestClient]) -> None:
    slow = make_client(lambda s: factories.seed_many(s, 600), list_seconds=1e-9)
    if slow.app.state.engine.dialect.name != "sqlite":  # type: ignore[attr-defined]
        pytest.skip("a near-zero budget is only deterministic on SQLite; tests/test_budget.py covers PostgreSQL")
    for headers in ({}, {"HX-Request": "true"}):
        answer = slow.get("/?q=filler", headers=headers)
        assert answer.status_code == 200
        assert "Refine it" in answer.text and "Many events match" in answer.text
        assert not event_ids(answer.text)
    listed = make_client(lambda s: factories.seed_many(s, 600)).get("/?q=filler").text
    assert "Refine it" not in listed and len(event_ids(listed)) == 50


def test_sampled_facets_count_only_the_first_matching_events(make_client: Callable[..., TestClient]) -> None:
    many = make_client(lambda s: factories.seed_many(s, 90))
    with many.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        full = {f.param: f for f in facets.facets(session, TimelineQuery(q="filler"))}
        sampled = {f.param: f for f in facets.facets(session, TimelineQuery(q="filler"), sample=25)}
    assert sum(o.count for o in full["type"].options) == 90
    assert sum(o.count for o in sampled["type"].options) == 25
    assert all(o.count <= 25 for f in sampled.values() for o in f.options)
