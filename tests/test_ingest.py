import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.ingest import ingest_paths, slugify
from tests.factories import make_event, make_extraction, store


def counts(factory: sessionmaker[Session]) -> dict[str, int]:
    tables = {"documents": models.Document, "events": models.Event, "actors": models.Actor, "links": models.EventActor}
    with factory() as session:
        return {name: session.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}


def test_seed_folder_loads_and_reingesting_changes_nothing(factory: sessionmaker[Session], seed_dir: Path) -> None:
    [first] = ingest_paths(factory, [seed_dir])
    assert first.status == "new" and first.events >= 4
    before = counts(factory)
    [again] = ingest_paths(factory, [seed_dir])
    assert again.status == "unchanged"
    assert counts(factory) == before


def test_bad_files_are_reported_and_the_rest_still_loads(
    factory: sessionmaker[Session], seed_dir: Path, tmp_path: Path
) -> None:
    (seed_dir / "latin1.txt").write_bytes(" date 2022-03-01 Troops entered the town of Br\xfcck.".encode("latin-1"))
    (seed_dir / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (seed_dir / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    results = {Path(r.path).name: r for r in ingest_paths(factory, [seed_dir, tmp_path / "missing.txt"])}
    assert results["000_8281e6deb047d395.txt"].status == "new"
    assert "UTF-8" in (results["latin1.txt"].error or "")
    assert "empty" in (results["empty.txt"].error or "")
    assert "binary" in (results["blob.txt"].error or "")
    assert "no such file" in (results["missing.txt"].error or "")
    assert counts(factory)["documents"] == 1


def test_a_changed_file_replaces_its_earlier_version(factory: sessionmaker[Session], tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text(" date 2023-06-02 Alphaland has closed its border.\n", encoding="utf-8")
    assert ingest_paths(factory, [doc])[0].status == "new"
    doc.write_text(" date 2023-06-02 Alphaland has closed its border and its airports.\n", encoding="utf-8")
    assert ingest_paths(factory, [doc])[0].status == "updated"
    assert counts(factory)["documents"] == 1
    with factory() as session:
        assert "airports" in (session.scalar(select(models.Document.text)) or "")


def test_a_document_that_fails_to_store_leaves_nothing_behind(factory: sessionmaker[Session]) -> None:
    text = "Alphan troops took the bridge on 4 June."
    event = make_event(text, text, dt.date(2023, 6, 4))
    with pytest.raises(IntegrityError):
        store(factory, "twice.txt", make_extraction(text, [event, event]))
    assert counts(factory) == {"documents": 0, "events": 0, "actors": 0, "links": 0}


def test_event_ids_survive_a_rebuilt_database(
    make_factory: Callable[[], sessionmaker[Session]], seed_dir: Path
) -> None:
    ids = []
    for _ in range(2):
        factory = make_factory()
        ingest_paths(factory, [seed_dir])
        with factory() as session:
            ids.append(sorted(session.scalars(select(models.Event.id))))
    assert ids[0] == ids[1] and ids[0]


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Vladimir Putin", "vladimir-putin"), ("Luhansk People's Republic", "luhansk-people-s-republic"), ("Íngrid Betancourt", "ingrid-betancourt")],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
