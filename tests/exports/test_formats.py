"""Every export parsed back with a real parser, and checked against the JSON API for the same URL."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import icalendar
import pytest
from fastapi.testclient import TestClient

from app.acled import COLUMNS
from app.exports.formats import export_links
from app.query import parse_query

ATOM = "{http://www.w3.org/2005/Atom}"
TOTAL = 6  # 3 current + 2 older ACLED rows + 1 extracted event


def api_ids(client: TestClient, query: str = "") -> list[str]:
    body = client.get(f"/api/v1/events?limit=500&{query}").json()
    return [e["id"] for e in body["events"]]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_event_with_actors_excerpt_and_permalink(client: TestClient) -> None:
    response = client.get("/events.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert [r["id"] for r in rows] == api_ids(client)
    assert len(rows) == TOTAL
    clash = next(r for r in rows if r["external_id"] == "VLR101")
    assert clash["actors"] == "Military Forces of Veloria;Kardor Liberation Front;Dravin Militia;Local Guards"
    assert clash["excerpt"].startswith("On 7 March 2022") and clash["source_count"] == "2"
    assert clash["permalink"] == f"http://testserver/events/{clash['id']}"
    extracted = next(r for r in rows if r["origin"] == "extracted")
    assert extracted["document"] and "<script>" in extracted["excerpt"]


@pytest.mark.parametrize("query", ["type=Riots", "q=drone", "from=2022-03-08&to=2022-12-31", "sort=desc", "actor=military-forces-of-veloria"])
def test_every_format_returns_the_views_events(client: TestClient, query: str) -> None:
    expected = api_ids(client, query)
    assert expected
    assert [r["id"] for r in csv_rows(client.get(f"/events.csv?{query}").text)] == expected
    timeline = client.get(f"/events.timeline.json?{query}").json()
    assert [e["unique_id"] for e in timeline["events"]] == expected
    calendar = icalendar.Calendar.from_ical(client.get(f"/events.ics?{query}").text)
    assert sorted(str(e["uid"]).split("@")[0] for e in calendar.walk("VEVENT")) == sorted(expected)


def test_ics_has_all_day_events_linking_their_permalinks(client: TestClient) -> None:
    calendar = icalendar.Calendar.from_ical(client.get("/events.ics").text)
    events = calendar.walk("VEVENT")
    assert len(events) == TOTAL
    week = next(e for e in events if "Air/drone strike" in str(e["summary"]))
    assert str(week.decoded("dtstart")) == "2022-03-07" and str(week.decoded("dtend")) == "2022-03-14"
    uid = str(week["uid"]).split("@")[0]
    assert str(week["url"]) == f"http://testserver/events/{uid}"


def test_atom_is_newest_first_with_permalink_ids(client: TestClient) -> None:
    response = client.get("/events.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids == [f"http://testserver/events/{i}" for i in api_ids(client, "sort=desc")]
    assert feed.findtext(f"{ATOM}title") and entries[0].findtext(f"{ATOM}updated")
    assert "<script>" in "".join(e.findtext(f"{ATOM}content") or "" for e in entries)  # text content, parsed back


def test_geojson_features_carry_coordinates_lon_lat(client: TestClient) -> None:
    body = json.loads(client.get("/events.geojson").text)
    assert body["type"] == "FeatureCollection"
    located = {f["properties"]["title"]: f for f in body["features"]}
    assert len(located) == 5  # the extracted event has no coordinates
    clash = next(f for t, f in located.items() if t.startswith("Armed clash"))
    assert clash["geometry"] == {"type": "Point", "coordinates": [40.2956, 13.8495]}
    assert clash["properties"]["url"].startswith("http://testserver/events/")


def test_timelinejs_escapes_the_excerpt(client: TestClient) -> None:
    events = client.get("/events.timeline.json").json()["events"]
    hostile = next(e for e in events if "alert" in e["text"]["text"])
    assert "<script>" not in hostile["text"]["text"] and "&lt;script&gt;" in hostile["text"]["text"]
    assert hostile["start_date"] == {"year": 2023, "month": 6, "day": 4}
    month = next(e for e in events if e["group"] == "Protests")
    assert month["start_date"] == {"year": 2022, "month": 4}
    assert set(events[0]) == {"start_date", "text", "group", "unique_id"}


def test_acled_csv_has_their_31_columns_and_keeps_their_ids(client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/events.acled.csv").text)))
    assert tuple(rows[0]) == COLUMNS and all(len(r) == 31 for r in rows)
    records = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    clash = next(r for r in records if r["event_id_cnty"] == "VLR101")
    assert (clash["actor1"], clash["inter1"], clash["actor2"], clash["inter2"]) == ("Military Forces of Veloria", "1", "Kardor Liberation Front", "2")
    assert clash["assoc_actor_2"] == "Dravin Militia; Local Guards" and clash["interaction"] == "12"
    assert (clash["event_date"], clash["time_precision"], clash["fatalities"]) == ("2022-03-07", "1", "3")


def test_since_returns_only_recent_changes(client: TestClient) -> None:
    assert api_ids(client, "since=2000-01-01T00:00:00Z")
    assert api_ids(client, "since=2999-01-01T00:00:00Z") == []
    assert csv_rows(client.get("/events.csv?since=2999-01-01T00:00:00Z").text) == []


@pytest.mark.parametrize("path", ["/events.csv?from=yesterday", "/events.atom?sort=sideways", "/api/v1/events?type=Picnic"])
def test_bad_parameters_are_a_400_naming_them(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400


def test_export_links_keep_the_filters_and_drop_the_page(client: TestClient) -> None:
    query = parse_query([("type", "Riots"), ("cursor", "MTI")])
    links = export_links(query)
    hrefs = {label: href for label, href, _ in links}
    assert hrefs["Spreadsheet (CSV)"] == "/events.csv?type=Riots"
    assert {mime for _, _, mime in links} >= {"text/csv", "application/atom+xml", "text/calendar", "application/geo+json"}
    for _, href, _ in links:
        assert client.get(href).status_code == 200
