"""Bad input is a 400 naming the parameter, as a page or as JSON; never a 500."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.html import find

BAD = [
    ("from=2031-13-01", "from"),
    ("to=yesterday", "to"),
    ("from=2031-05-02&to=2031-05-01", "from"),
    ("cursor=not-a-cursor", "cursor"),
    ("actor=Not%20A%20Slug", "actor"),
    ("from=2031-01-01&from=2031-02-01", "from"),
]


@pytest.mark.parametrize(("query", "param"), BAD)
def test_bad_parameter_is_a_400_page_naming_it(client: TestClient, query: str, param: str) -> None:
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    assert "<html" in response.text
    assert f"Parameter <code>{param}</code>:" in response.text
    assert find(response.text, "a", href="/")


@pytest.mark.parametrize(("query", "param"), BAD)
def test_bad_parameter_is_a_400_json_naming_it(client: TestClient, query: str, param: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["param"] == param and error["message"]


def test_bad_parameter_in_htmx_request_is_a_fragment(client: TestClient) -> None:
    response = client.get("/?from=2031-05-02&to=2031-05-01", headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "<html" not in response.text and 'role="alert"' in response.text
    assert "2031-05-02 is after to=2031-05-01" in response.text


def test_unknown_address_is_a_404_page(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "There is no page at this address." in response.text


def test_unknown_api_address_is_404_json(client: TestClient) -> None:
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json()["error"]["message"]


def test_unexpected_failure_is_a_500_page_with_security_headers(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as failing:
        response = failing.get("/boom")
    assert response.status_code == 500
    assert "Something went wrong" in response.text and "boom" not in response.text
    assert "Content-Security-Policy" in response.headers


def test_request_validation_error_is_a_400_naming_the_parameter(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)

    @app.get("/api/typed")
    def typed(limit: int) -> dict[str, int]:
        return {"limit": limit}

    response = client.get("/api/typed?limit=many")
    assert response.status_code == 400 and response.json()["error"]["param"] == "limit"
