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


def test_a_document_without_a_title_is_named_by_its_lead(factory: sessionmaker[Session], seed_dir: Path) -> None:
    ingest_paths(factory, [seed_dir])
    with factory() as session:
        title = session.scalar(select(models.Document.title))
    assert title is not None and title.startswith("Russian President Vladimir Putin has given a go-ahead")


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


HTML_PAGE = Path(__file__).parent / "data" / "html" / "report.html"


def test_an_html_page_is_stored_as_its_article_text_with_its_metadata(factory: sessionmaker[Session], tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "report.html").write_bytes(HTML_PAGE.read_bytes())
    [result] = ingest_paths(factory, [tmp_path])
    assert result.status == "new" and result.events >= 1
    with factory() as session:
        doc = session.scalars(select(models.Document)).one()
        assert (doc.title, doc.url, doc.source, doc.published) == (
            "Alphaland closes its border", "https://example.org/border", "Example Wire", dt.date(2023, 6, 2)
        )
        assert "Home" not in doc.text and "Copyright" not in doc.text and "<p>" not in doc.text
        for excerpt in session.scalars(select(models.Excerpt)):
            assert doc.text[excerpt.start : excerpt.end] == excerpt.text


def test_a_revised_document_forwards_or_buries_its_old_permalinks(factory: sessionmaker[Session], tmp_path: Path) -> None:
    from app.permalinks import resolve_event

    doc = tmp_path / "report.txt"
    border = " date 2023-06-02 Alphaland has closed its border with Betaland, the ministry said.\n\n"
    doc.write_text(border + "On 1 June Alphan troops took the Ashford bridge after heavy fighting.\n", encoding="utf-8")
    ingest_paths(factory, [doc])
    with factory() as session:
        before = {e.title: e.id for e in session.scalars(select(models.Event))}
    doc.write_text(border + "Nothing else happened, officials added.\n", encoding="utf-8")
    assert ingest_paths(factory, [doc])[0].status == "updated"
    with factory() as session:
        after = {e.title: e.id for e in session.scalars(select(models.Event))}
        outcomes = {title: resolve_event(session, old) for title, old in before.items()}
    assert len(before) == 2
    kept = [o for o in outcomes.values() if o and o.target]
    gone = [o for o in outcomes.values() if o and o.reason]
    assert len(kept) == 1 and kept[0].target in after.values()
    assert len(gone) == 1 and "revised" in (gone[0].reason or "")


def test_two_documents_reporting_one_event_keep_one_event_with_both_excerpts(factory: sessionmaker[Session]) -> None:
    from app.corroborate import min_sources_condition
    from app.permalinks import resolve_event

    first = "Alphan troops took the Ashford bridge on 4 June 2023."
    second = "On 4 June 2023 Alphan troops took the Ashford bridge, witnesses said."
    store(factory, "a.txt", make_extraction(first, [make_event(first, first, dt.date(2023, 6, 4))]))
    newcomer = make_event(second, second, dt.date(2023, 6, 4))
    from app.corroborate import corroborate
    from app.db import transaction
    from app.ingest import save_extraction

    with transaction(factory) as session:
        row = save_extraction(session, "b.txt", make_extraction(second, [newcomer]))
        assert corroborate(session, list(row.events)) == 1
    with factory() as session:
        [event] = session.scalars(select(models.Event)).all()
        assert sorted(x.text for x in event.excerpts) == sorted([first, second])
        assert len({x.document_id for x in event.excerpts}) == 2
        assert session.scalar(select(func.count()).select_from(models.Event).where(min_sources_condition(2))) == 1
        assert session.scalar(select(func.count()).select_from(models.Event).where(min_sources_condition(3))) == 0
        assert resolve_event(session, newcomer.id).target == event.id  # type: ignore[union-attr]
        assert resolve_event(session, event.id) is None


def test_progress_is_reported_per_file(factory: sessionmaker[Session], seed_dir: Path) -> None:
    calls: list[tuple[float, int]] = []
    ingest_paths(factory, [seed_dir], progress=lambda done, n: calls.append((done, n)))
    assert calls == [(1.0, 1)]
