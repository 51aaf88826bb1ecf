"""Permalinks outlive their events: a merged event's link moves, a removed one explains itself."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.permalinks import add_redirect, add_tombstone
from tests.web import factories

MERGED = "aaaaaaaaaaaaaaaa"
REMOVED = "bbbbbbbbbbbbbbbb"


def seed_history(session: Session) -> None:
    factories.seed_riverton(session)
    add_redirect(session, MERGED, factories.event_id(4))
    add_tombstone(session, REMOVED, "its source document was revised and no longer reports it")


def test_a_merged_event_moves_permanently_keeping_the_filter(make_client: Callable[..., TestClient]) -> None:
    client = make_client(seed_history)
    response = client.get(f"/events/{MERGED}?actor=militia", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"].endswith(f"/events/{factories.event_id(4)}?actor=militia")
    assert "Government troops retake Ashford bridge" in client.get(f"/events/{MERGED}").text


def test_a_removed_event_answers_410_with_the_reason(make_client: Callable[..., TestClient]) -> None:
    response = make_client(seed_history).get(f"/events/{REMOVED}")
    assert response.status_code == 410
    assert "no longer reports it" in response.text
    assert 'href="/"' in response.text


def test_an_unknown_event_is_still_404(make_client: Callable[..., TestClient]) -> None:
    assert make_client(seed_history).get("/events/cccccccccccccccc").status_code == 404

