"""The JSON twins and the health check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.web import factories
from tests.web.factories import event_id


def test_api_events_has_the_documented_shape(client: TestClient) -> None:
    body = client.get("/api/events?actor=government-forces").json()
    quote = "Government troops retook the Ashford bridge on 12 May"
    start = factories.RIVERTON.index(quote)
    assert body["next"] is None
    assert [e["id"] for e in body["events"]] == [event_id(3), event_id(4)]
    assert body["events"][1] == {
        "id": event_id(4),
        "document": "d0c0000000000001",
        "origin": "extracted",
        "date": "2031-05-12",
        "precision": "day",
        "title": "Government troops retake Ashford bridge",
        "type": "Battles",
        "actors": [{"name": "Government forces", "kind": "state", "affiliation": None, "slug": "government-forces"}],
        "excerpts": [{"start": start, "end": start + len(quote), "text": quote}],
        "url": f"http://testserver/events/{event_id(4)}",
    }


def test_excerpt_offsets_point_into_the_document(client: TestClient) -> None:
    (excerpt,) = client.get(f"/api/events/{event_id(4)}").json()["excerpts"]
    assert factories.RIVERTON[excerpt["start"]:excerpt["end"]] == excerpt["text"]


def test_month_precision_keeps_its_iso_form(client: TestClient) -> None:
    event = client.get(f"/api/events/{event_id(2)}").json()
    assert (event["date"], event["precision"]) == ("2031-04", "month")


def test_api_pages_with_next_cursor(make_client: Callable[..., TestClient]) -> None:
    client = make_client(lambda session: factories.seed_many(session, 60))
    first: dict[str, Any] = client.get("/api/events").json()
    second: dict[str, Any] = client.get("/api/events", params={"cursor": first["next"]}).json()
    assert len(first["events"]) == 50 and len(second["events"]) == 10 and second["next"] is None
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}


def test_api_event_unknown_is_404_json(client: TestClient) -> None:
    response = client.get("/api/events/ffffffffffffffff")
    assert response.status_code == 404
    assert "No event with id" in response.json()["error"]["message"]


def test_healthz_answers_when_the_database_does(client: TestClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_healthz_is_503_without_a_database(tmp_path: Any) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/missing/folder/t.db"))
    with TestClient(app) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
