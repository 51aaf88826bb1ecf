"""The pages over the real seed article, loaded the way ``dateline serve`` loads it.

Extraction is still changing, so this checks what must hold for any result:
every event listed has a working permalink whose excerpts are marked in the source.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.setup import prepare_database
from tests.web.html import event_ids, find


def test_seed_article_is_browsable(make_database: Callable[[], str], seed_dir: Path) -> None:
    settings = Settings(database_url=make_database(), seeds_dir=seed_dir)
    prepare_database(settings)
    with TestClient(create_app(settings)) as client:
        ids = event_ids(client.get("/").text)
        assert ids
        for event in client.get("/api/events").json()["events"]:
            page = client.get(f"/events/{event['id']}").text
            marked = "".join(m.text for m in find(page, "mark"))
            assert all(excerpt["text"] in marked for excerpt in event["excerpts"])
            assert client.get(f"/documents/{event['document']}").status_code == 200
