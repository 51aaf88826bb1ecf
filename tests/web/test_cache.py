"""Pages are served again from memory until the data changes, and never stale."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web import factories


def test_a_repeated_page_is_a_hit_and_identical(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    first, second = client.get("/?actor=militia"), client.get("/?actor=militia")
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert first.text == second.text
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]


def test_htmx_fragments_and_full_pages_are_kept_apart(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    page = client.get("/")
    fragment = client.get("/", headers={"HX-Request": "true"})
    assert fragment.headers["x-cache"] == "miss"
    assert "<html" in page.text and "<html" not in fragment.text


def test_a_write_makes_the_next_request_fresh(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    assert "Filler event 0" not in client.get("/events?sort=desc").text
    with client.app.state.sessionmaker() as session, session.begin():  # type: ignore[attr-defined]
        factories.seed_many(session, 1)
    fresh = client.get("/events?sort=desc")
    assert fresh.headers["x-cache"] == "miss"
    assert "Filler event 0" in fresh.text


def test_a_trusted_version_serves_the_same_page_until_it_expires(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton, version_seconds=5)
    now = [100.0]
    client.app.state.data_version.clock = lambda: now[0]  # type: ignore[attr-defined]
    assert "Filler event 0" not in client.get("/events?sort=desc").text
    with client.app.state.sessionmaker() as session, session.begin():  # type: ignore[attr-defined]
        factories.seed_many(session, 1)
    now[0] += 4
    lagging = client.get("/events?sort=desc")
    assert lagging.headers["x-cache"] == "hit" and "Filler event 0" not in lagging.text
    now[0] += 2
    fresh = client.get("/events?sort=desc")
    assert fresh.headers["x-cache"] == "miss" and "Filler event 0" in fresh.text


def test_errors_and_exports_are_not_cached(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    for _ in range(2):
        assert "x-cache" not in client.get("/events.csv").headers
        assert client.get("/?from=bad").headers["x-cache"] == "miss"


def test_a_lost_version_connection_is_replaced_and_the_cache_stays_exact(make_client: Callable[..., TestClient]) -> None:
    client = make_client(factories.seed_riverton)
    assert client.get("/?actor=militia").headers["x-cache"] == "miss"
    client.app.state.data_version.connection.driver_connection.close()  # type: ignore[attr-defined]
    assert client.get("/?actor=militia").headers["x-cache"] == "hit"
    with client.app.state.sessionmaker() as session, session.begin():  # type: ignore[attr-defined]
        factories.seed_many(session, 1)
    client.app.state.data_version.connection.driver_connection.close()  # type: ignore[attr-defined]
    assert client.get("/?actor=militia").headers["x-cache"] == "miss"
