"""The bulk path's guarantees: the same result whatever the database held before or how the load was
split up, and all or nothing. Samples are invented (``app.acled_generate`` and tests/data/acled)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

import app.bulk_load
from app.acled import COLUMNS, open_export, read_records
from app.acled_generate import write_csv
from app.bulk import BulkReport, import_acled, write_records
from app.bulk_rows import event_id
from app.bulk_runs import SortedRuns
from app.demo import load_demo
from tests.databases import backend
from tests.factories import ACLED_DATA, engine_of

WORDS = ("clashed", "protest", "agreement", "militia", "veloria", "ostmark")
Factory = sessionmaker[Session]


def _generated(tmp_path: Path, rows: int = 1500, seed: int = 5, newer: int = 0) -> Path:
    """An invented export; ``newer`` moves every timestamp on (a later export of the same ids)."""
    sample = tmp_path / f"sample-{seed}-{rows}-{newer}.csv"
    write_csv(sample, rows, seed=seed)
    if newer:
        with sample.open(encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
        with sample.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(r | {"timestamp": str(int(r["timestamp"]) + newer)} for r in records)
    return sample


def _write(factory: Factory, sample: Path, batch_size: int = 1000) -> BulkReport:
    with open_export(sample) as stream:
        layout, records = read_records(stream)
        return write_records(engine_of(factory), layout, records, batch_size=batch_size)


def _rows(factory: Factory, sql: str) -> list[tuple[Any, ...]]:
    with factory() as session:
        return sorted(tuple(row) for row in session.execute(text(sql)))


def _acled_events(factory: Factory) -> dict[str, list[Any]]:
    """Everything stored about the ACLED events but when it was written."""
    events = _rows(
        factory,
        "SELECT seq, id, external_id, date, first_day, last_day, precision, title, type, sub_event_type, location, "
        "latitude, longitude, fatalities, sources, search_text, source_version FROM events WHERE origin = 'acled'",
    )
    links = _rows(
        factory,
        "SELECT l.event_seq, a.slug, a.kind, l.position, l.role FROM event_actors l JOIN actors a ON a.id = l.actor_id "
        "JOIN events e ON e.seq = l.event_seq WHERE e.origin = 'acled'",
    )
    places = _rows(factory, "SELECT p.* FROM event_places p JOIN events e ON e.seq = p.event_seq WHERE e.origin = 'acled'")
    excerpts = _rows(
        factory,
        'SELECT x.event_seq, x.position, x.start, x."end", x.text FROM excerpts x JOIN events e ON e.seq = x.event_seq '
        "WHERE e.origin = 'acled'",
    )
    return {"events": events, "links": links, "places": places, "excerpts": excerpts}


def _hits(factory: Factory, word: str) -> list[str]:
    if backend() == "sqlite":
        sql = (
            "SELECT e.external_id FROM events_fts f JOIN events e ON e.seq = f.rowid "
            "WHERE events_fts MATCH :q AND e.origin = 'acled' ORDER BY e.seq"
        )
    else:
        sql = "SELECT external_id FROM events WHERE search_vector @@ to_tsquery('simple', :q) AND origin = 'acled' ORDER BY seq"
    with factory() as session:
        return list(session.scalars(text(sql), {"q": word}))


def _assert_consistent(factory: Factory) -> None:
    """The full-text index matches its content and no link points nowhere."""
    if backend() != "sqlite":
        return
    with factory() as session:
        session.execute(text("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"))
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


def _state(factory: Factory) -> dict[str, Any]:
    tables = ("events", "actors", "event_actors", "event_places", "excerpts")
    state: dict[str, Any] = {table: _rows(factory, f"SELECT * FROM {table}") for table in tables}
    if backend() == "sqlite":
        state["schema"] = _rows(factory, "SELECT type, name, sql FROM sqlite_schema")
        state["fts"] = {word: _hits(factory, word) for word in WORDS}
    return state


def test_an_import_gives_the_same_rows_and_search_results_into_an_empty_or_a_filled_database(
    make_factory: Callable[[], Factory], tmp_path: Path
) -> None:
    sample = _generated(tmp_path)
    empty, filled = make_factory(), make_factory()
    load_demo(engine_of(filled), 700, seed=3)
    assert _write(empty, sample).added == _write(filled, sample).added == 1500
    assert _acled_events(empty) == _acled_events(filled)
    for word in WORDS:
        assert _hits(empty, word) == _hits(filled, word)
    assert _hits(empty, "clashed")
    for factory in (empty, filled):
        _assert_consistent(factory)


def test_batch_size_and_spilled_runs_do_not_change_the_result(
    make_factory: Callable[[], Factory], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = _generated(tmp_path)
    in_memory, spilled = make_factory(), make_factory()
    _write(in_memory, sample)
    monkeypatch.setattr(app.bulk_load, "SortedRuns", lambda: SortedRuns(run_size=100))
    monkeypatch.setattr(app.bulk_load, "CHUNK_SIZE", 70)
    _write(spilled, sample, batch_size=37)
    assert _acled_events(in_memory) == _acled_events(spilled)
    _assert_consistent(spilled)


def _fail_on_second_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = app.bulk_load.BulkLoad._insert
    calls = []

    def insert(self: app.bulk_load.BulkLoad, rows: list[tuple[Any, ...]]) -> None:
        calls.append(len(rows))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(self, rows)

    monkeypatch.setattr(app.bulk_load, "CHUNK_SIZE", 200)
    monkeypatch.setattr(app.bulk_load.BulkLoad, "_insert", insert)


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_a_failing_import_leaves_the_database_as_it_was(
    factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filled: bool
) -> None:
    if filled:
        _write(factory, _generated(tmp_path, 400, seed=2))  # ids the next sample has too, older: they are replaced
    before = _state(factory)
    with monkeypatch.context() as patched:
        _fail_on_second_chunk(patched)
        with pytest.raises(RuntimeError, match="disk full"):
            _write(factory, _generated(tmp_path, 1500, seed=5, newer=100))
    assert _state(factory) == before
    _assert_consistent(factory)
    if backend() == "sqlite":
        with factory() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    report = _write(factory, _generated(tmp_path, 1500, seed=5, newer=100))  # and works afterwards
    assert (report.added + report.updated, report.updated > 0) == (1500, filled)
    _assert_consistent(factory)


def test_a_file_that_fails_to_read_half_way_changes_nothing(factory: Factory, tmp_path: Path) -> None:
    _write(factory, _generated(tmp_path, 300, seed=2))
    before = _state(factory)
    with open_export(_generated(tmp_path, 900, seed=5)) as stream:
        layout, records = read_records(stream)

        def broken() -> Iterator[Any]:
            for n, record in enumerate(records):
                if n == 800:
                    raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
                yield record

        with pytest.raises(UnicodeDecodeError):
            write_records(engine_of(factory), layout, broken(), batch_size=100)
    assert _state(factory) == before


def _sample(path: Path, rows: list[dict[str, str]]) -> Path:
    with (ACLED_DATA / "current.csv").open(encoding="utf-8", newline="") as f:
        template = next(csv.DictReader(f))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(template | row for row in rows)
    return path


def test_an_id_repeated_across_batches_keeps_the_newest_record(factory: Factory, tmp_path: Path) -> None:
    rows = [
        {"event_id_cnty": "REP1", "event_date": "2022-03-07", "fatalities": "1", "timestamp": "1700000005"},
        {"event_id_cnty": "OTHER1", "event_date": "2022-03-07"},
        {"event_id_cnty": "REP1", "event_date": "2022-03-08", "fatalities": "2", "timestamp": "1700000009"},
        {"event_id_cnty": "REP2", "event_date": "2022-03-09", "fatalities": "3", "timestamp": "1700000009"},
        {"event_id_cnty": "OTHER2", "event_date": "2022-03-07"},
        {"event_id_cnty": "REP2", "event_date": "2022-03-09", "fatalities": "4", "timestamp": "1700000001"},
    ]
    report = _write(factory, _sample(tmp_path / "repeated.csv", rows), batch_size=2)
    assert (report.added, report.updated, report.unchanged, report.failed) == (4, 1, 1, [])
    stored = dict(_rows(factory, "SELECT external_id, fatalities FROM events"))
    assert stored == {"REP1": 2, "REP2": 3, "OTHER1": 3, "OTHER2": 3}
    assert _rows(factory, "SELECT date FROM events WHERE external_id = 'REP1'") == [("2022-03-08",)]
    _assert_consistent(factory)


# Two ids whose public ids share their first 32 bits (found by counting up COL0, COL1, ...), so on the
# same day they would have the same timeline key.
CLASHING = ("COL80963", "COL101850")


@pytest.mark.parametrize("together", [True, False], ids=["one import", "two imports"])
def test_ids_with_the_same_timeline_key_both_get_one(factory: Factory, tmp_path: Path, together: bool) -> None:
    assert event_id("acled", CLASHING[0])[:8] == event_id("acled", CLASHING[1])[:8]
    rows = [{"event_id_cnty": external_id, "event_date": "2022-03-07"} for external_id in CLASHING]
    if together:
        _write(factory, _sample(tmp_path / "both.csv", rows))
    else:
        _write(factory, _sample(tmp_path / "first.csv", rows[:1]))
        _write(factory, _sample(tmp_path / "second.csv", rows[1:]))
    seqs = dict(_rows(factory, "SELECT external_id, seq FROM events"))
    assert seqs[CLASHING[1]] == seqs[CLASHING[0]] + 1
    assert import_acled(engine_of(factory), _sample(tmp_path / "again.csv", rows)).unchanged == 2


def test_the_connection_gets_its_usual_settings_back(factory: Factory, tmp_path: Path) -> None:
    if backend() != "sqlite":
        pytest.skip("SQLite connection settings")
    pragmas = ("journal_mode", "synchronous", "foreign_keys", "cache_size", "temp_store", "mmap_size")
    engine = engine_of(factory)
    with engine.connect() as conn:
        usual = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in pragmas}
    _write(factory, _generated(tmp_path, 200))
    with engine.connect() as conn:
        assert {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in pragmas} == usual
