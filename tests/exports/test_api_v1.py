from fastapi.testclient import TestClient


def test_pages_follow_the_cursor_through_every_event(client: TestClient) -> None:
    seen: list[str] = []
    url = "/api/v1/events?limit=2"
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["events"]]
        url = f"/api/v1/events?limit=2&cursor={body['next']}" if body["next"] else ""
    assert len(seen) == len(set(seen)) == 6


def test_an_event_has_sources_documents_and_roles(client: TestClient) -> None:
    [clash] = [e for e in client.get("/api/v1/events?q=Salost").json()["events"]]
    assert clash["sources"] == ["Veloria Daily", "Radio Sarnia"] and clash["source_count"] == 2
    assert clash["actors"][0]["role"] == "actor1" and clash["excerpts"][0]["document_id"] is None
    one = client.get(f"/api/v1/events/{clash['id']}").json()
    assert one == clash
    extracted = client.get("/api/v1/events?q=bridge").json()["events"][0]
    document = client.get(f"/api/v1/documents/{extracted['documents'][0]['id']}").json()
    assert [e["id"] for e in document["events"]] == [extracted["id"]]
    start, end = extracted["excerpts"][0]["start"], extracted["excerpts"][0]["end"]
    assert document["text"][start:end] == extracted["excerpts"][0]["text"]


def test_unknown_ids_are_404_in_json(client: TestClient) -> None:
    for path in ("/api/v1/events/0000000000000000", "/api/v1/documents/0000000000000000"):
        response = client.get(path)
        assert response.status_code == 404 and "message" in response.json()["error"]


def test_actors_are_counted_under_the_filters(client: TestClient) -> None:
    actors = client.get("/api/v1/actors?type=Riots").json()["actors"]
    assert {a["slug"]: a["events"] for a in actors} == {"rioters-ostmark": 1, "police-forces-of-ostmark": 1}


def test_openapi_documents_every_parameter_and_field(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert set(params) >= {"q", "actor", "type", "place", "precision", "document", "from", "to", "since", "sort", "cursor", "limit"}
    assert all(p.get("description") for p in params.values())
    fields = schema["components"]["schemas"]["Event"]["properties"]
    assert {"id", "date", "precision", "excerpts", "sources", "source_count", "origin", "updated_at"} <= set(fields)
    assert "/events.csv" in schema["paths"] and "since" in {p["name"] for p in schema["paths"]["/events.atom"]["get"]["parameters"]}
