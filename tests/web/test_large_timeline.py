"""The analyst's timeline on a generated dataset of 10,000 synthetic events."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app import models
from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.demo import load_demo
from app.main import create_app
from app.migrate import upgrade
from tests.web.html import event_ids, find


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from tests.databases import create_database, drop_database

    url = create_database(tmp_path_factory.mktemp("large"))
    upgrade(url)
    engine = make_engine(url)
    load_demo(engine, 10_000)
    engine.dispose()
    with TestClient(create_app(Settings(database_url=url))) as client:
        yield client
    drop_database(url)


def test_the_first_page_counts_past_the_cap_and_marks_synthetic_events(large: TestClient) -> None:
    page = large.get("/").text
    assert "10,000+" in page or "10,000 events" in page
    assert len(event_ids(page)) == 50
    assert "ynthetic" in page


def test_facets_histogram_and_filters_answer_on_the_large_set(large: TestClient) -> None:
    overview = large.get("/overview")
    assert overview.status_code == 200 and "<svg" in overview.text
    actor = find(overview.text, "input", name="actor")[0].attrs["value"]
    filtered = large.get(f"/?actor={actor}&type=Battles")
    assert filtered.status_code == 200 and event_ids(filtered.text)


def test_paging_deep_and_searching_stay_correct(large: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/?sort=desc"
    for _ in range(5):
        assert url is not None
        page = large.get(url).text
        seen += event_ids(page)
        nexts = find(page, "a", rel="next")
        url = nexts[0].attrs["href"] if nexts else None
    assert len(seen) == len(set(seen)) == 250
    engine = make_engine(large.app.state.settings.database_url)  # type: ignore[attr-defined]
    with make_sessionmaker(engine)() as session:
        word = (session.scalar(select(models.Event.title).limit(1)) or "").split()[0].strip(":")
    engine.dispose()
    hits = large.get(f"/?q={word}").text
    assert "<mark" in hits and event_ids(hits)


