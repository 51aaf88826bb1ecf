import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.acled import COLUMNS, event_date
from app.acled_generate import write_csv
from app.bulk import BATCH_SIZE, import_acled
from tests.databases import backend
from tests.factories import ACLED_DATA, engine_of, import_sample


def events_by_external_id(factory: sessionmaker[Session]) -> dict[str, models.Event]:
    with factory() as session:
        rows = session.scalars(select(models.Event)).all()
        for row in rows:
            _ = row.excerpts, [link.actor for link in row.actor_links], row.place_links
        return {row.external_id or "": row for row in rows}


def test_current_export_maps_every_field(factory: sessionmaker[Session]) -> None:
    report = import_sample(factory, "current.csv")
    assert (report.added, report.failed) == (3, [])
    events = events_by_external_id(factory)
    clash = events["VLR101"]
    assert clash.origin == "acled" and clash.document_id is None
    assert (clash.date, clash.precision, clash.type, clash.sub_event_type) == ("2022-03-07", "day", "Battles", "Armed clash")
    assert (clash.location, clash.latitude, clash.longitude, clash.fatalities) == ("Salost", 13.8495, 40.2956, 3)
    assert clash.sources.split("\n") == ["Veloria Daily", "Radio Sarnia"]
    assert clash.excerpts[0].text.startswith("On 7 March 2022") and clash.excerpts[0].document_id is None
    roles = [(link.actor.name, link.role, link.actor.kind) for link in clash.actor_links]
    assert roles == [
        ("Military Forces of Veloria", "actor1", "state"),
        ("Kardor Liberation Front", "actor2", "rebel_group"),
        ("Dravin Militia", "assoc_actor_2", "unknown"),
        ("Local Guards", "assoc_actor_2", "unknown"),
    ]
    assert clash.search_text.split("\n") == [
        clash.title, clash.excerpts[0].text, "Military Forces of Veloria", "Kardor Liberation Front", "Dravin Militia",
        "Local Guards", "Salost", "Veloria",
    ]  # fmt: skip
    week, month = events["VLR102"], events["VLR103"]
    assert (week.precision, week.first_day, week.last_day) == ("week", dt.date(2022, 3, 7), dt.date(2022, 3, 13))
    assert (month.precision, month.date, month.last_day) == ("month", "2022-04", dt.date(2022, 4, 30))


def test_older_exports_and_long_dates_are_read(factory: sessionmaker[Session]) -> None:
    report = import_sample(factory, "older.csv")
    assert (report.added, report.failed) == (2, [])
    events = events_by_external_id(factory)
    assert events["OSM7"].date == "2019-03-15" and events["OSM8"].date == "2019-05-02"
    kinds = {link.actor.name: link.actor.kind for link in events["OSM8"].actor_links}
    assert kinds == {"Salan Militia": "political_militia", "Civilians (Ostmark)": "civilians"}


@pytest.mark.parametrize(("text", "day"), [("15 March 2019", dt.date(2019, 3, 15)), ("2019-03-15", dt.date(2019, 3, 15)), ("02-May-2019", dt.date(2019, 5, 2))])
def test_event_dates_in_both_formats(text: str, day: dt.date) -> None:
    assert event_date(text) == day


def test_bad_rows_are_reported_by_line_and_the_rest_imports(factory: sessionmaker[Session]) -> None:
    report = import_sample(factory, "bad.csv")
    assert report.added == 3
    assert [line for line, _ in report.failed] == [3, 6, 7]
    messages = dict(report.failed)
    assert "not a date" in messages[3] and "event type" in messages[6] and "longitude" in messages[7]
    assert "across two lines" in events_by_external_id(factory)["SRN3"].excerpts[0].text


def test_reimport_changes_nothing_and_an_updated_row_keeps_its_permalink(factory: sessionmaker[Session], tmp_path: Path) -> None:
    import_sample(factory, "current.csv")
    with factory() as session, session.begin():  # pretend the import happened a while ago
        session.execute(update(models.Event).values(updated_at=dt.datetime(2020, 1, 1), created_at=dt.datetime(2020, 1, 1)))
    before = events_by_external_id(factory)
    again = import_sample(factory, "current.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert {k: e.updated_at for k, e in events_by_external_id(factory).items()} == {k: e.updated_at for k, e in before.items()}

    changed = tmp_path / "changed.csv"
    text = (ACLED_DATA / "current.csv").read_text(encoding="utf-8")
    changed.write_text(text.replace("3 fatalities.\",3,,1700000000", "5 fatalities.\",5,,1700009999"), encoding="utf-8")
    report = import_acled(engine_of(factory), changed)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    after = events_by_external_id(factory)
    clash = after["VLR101"]
    assert clash.id == before["VLR101"].id and clash.seq == before["VLR101"].seq
    assert clash.fatalities == 5 and "5 fatalities" in clash.excerpts[0].text
    assert clash.created_at == dt.datetime(2020, 1, 1) and clash.updated_at > dt.datetime(2020, 1, 1)
    assert after["VLR102"].updated_at == dt.datetime(2020, 1, 1)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(models.Excerpt)) == 3


def test_a_changed_date_moves_the_event_but_keeps_its_id(factory: sessionmaker[Session], tmp_path: Path) -> None:
    import_sample(factory, "current.csv")
    old = events_by_external_id(factory)["VLR101"]
    moved = tmp_path / "moved.csv"
    text = (ACLED_DATA / "current.csv").read_text(encoding="utf-8")
    moved.write_text(text.replace("VLR101,2022-03-07", "VLR101,2022-03-08").replace(",3,,1700000000", ",3,,1700000050"), encoding="utf-8")
    import_acled(engine_of(factory), moved)
    new = events_by_external_id(factory)["VLR101"]
    assert new.id == old.id and new.date == "2022-03-08" and new.seq > old.seq


def test_generated_sample_is_deterministic_and_acled_shaped(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_csv(first, 200, seed=7)
    write_csv(second, 200, seed=7)
    assert first.read_bytes() == second.read_bytes()
    with first.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS and len(COLUMNS) == 31 and len(rows) == 201


def test_generated_sample_imports_cleanly(factory: sessionmaker[Session], tmp_path: Path) -> None:
    sample = tmp_path / "sample.csv"
    write_csv(sample, 1200, seed=3)
    report = import_acled(engine_of(factory), sample)
    assert (report.added, report.failed) == (1200, [])
    with factory() as session:
        hits = session.scalar(select(func.count()).select_from(models.Event).where(models.Event.search_text.contains("clashed")))
    assert hits


def _rewrite(source: Path, target: Path, edit: dict[str, dict[str, str]], drop: tuple[str, ...] = ()) -> None:
    """``source`` with some records' fields replaced (by event_id_cnty) and some columns dropped."""
    with source.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0] if c not in drop]
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(row | edit.get(row["event_id_cnty"], {}) for row in rows)


def test_timestamp_decides_whether_a_record_replaces_the_stored_one(factory: sessionmaker[Session], tmp_path: Path) -> None:
    """Newer timestamp: replaced (same permalink). Equal or older: the stored (newer) data stays."""
    import_sample(factory, "current.csv")
    before = events_by_external_id(factory)
    assert before["VLR101"].source_version == 1700000000
    stale, same, newer = tmp_path / "stale.csv", tmp_path / "same.csv", tmp_path / "newer.csv"
    _rewrite(ACLED_DATA / "current.csv", stale, {"VLR101": {"fatalities": "9", "timestamp": "1600000000"}})
    _rewrite(ACLED_DATA / "current.csv", same, {"VLR101": {"fatalities": "9"}})
    _rewrite(ACLED_DATA / "current.csv", newer, {"VLR101": {"fatalities": "9", "timestamp": "1700000100"}})
    for path in (stale, same):
        report = import_acled(engine_of(factory), path)
        assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
        assert events_by_external_id(factory)["VLR101"].fatalities == 3
    report = import_acled(engine_of(factory), newer)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    after = events_by_external_id(factory)
    assert after["VLR101"].fatalities == 9 and after["VLR101"].source_version == 1700000100
    assert after["VLR101"].id == before["VLR101"].id and after["VLR101"].seq == before["VLR101"].seq
    # The older file again: the newer stored record is kept.
    assert import_acled(engine_of(factory), stale).updated == 0
    assert events_by_external_id(factory)["VLR101"].fatalities == 9


def test_a_newer_timestamp_with_the_same_content_only_moves_the_version(factory: sessionmaker[Session], tmp_path: Path) -> None:
    import_sample(factory, "current.csv")
    with factory() as session, session.begin():
        session.execute(update(models.Event).values(updated_at=dt.datetime(2020, 1, 1)))
    bumped = tmp_path / "bumped.csv"
    _rewrite(ACLED_DATA / "current.csv", bumped, {"VLR102": {"timestamp": "1700000500"}})
    report = import_acled(engine_of(factory), bumped)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    event = events_by_external_id(factory)["VLR102"]
    assert event.source_version == 1700000500 and event.updated_at == dt.datetime(2020, 1, 1)


def test_without_timestamps_content_decides(factory: sessionmaker[Session], tmp_path: Path) -> None:
    plain, changed = tmp_path / "plain.csv", tmp_path / "changed.csv"
    _rewrite(ACLED_DATA / "current.csv", plain, {}, drop=("timestamp",))
    _rewrite(ACLED_DATA / "current.csv", changed, {"VLR103": {"fatalities": "4"}}, drop=("timestamp",))
    assert import_acled(engine_of(factory), plain).added == 3
    assert events_by_external_id(factory)["VLR103"].source_version is None
    again = import_acled(engine_of(factory), plain)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    report = import_acled(engine_of(factory), changed)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    assert events_by_external_id(factory)["VLR103"].fatalities == 4


def _search_hits(factory: sessionmaker[Session], word: str) -> int:
    with factory() as session:
        if backend() == "sqlite":
            return session.execute(text("SELECT count(*) FROM events_fts WHERE events_fts MATCH :q"), {"q": word}).scalar_one()
        return session.execute(text("SELECT count(*) FROM events WHERE search_vector @@ to_tsquery('simple', :q)"), {"q": word}).scalar_one()


def test_full_text_index_stays_exact_through_import_update_and_reimport(factory: sessionmaker[Session], tmp_path: Path) -> None:
    sample = tmp_path / "sample.csv"
    write_csv(sample, 3000, seed=5)
    import_acled(engine_of(factory), sample)
    with factory() as session:
        clashed = session.scalar(select(func.count()).select_from(models.Event).where(models.Event.search_text.contains("clashed")))
    assert clashed and _search_hits(factory, "clashed") == clashed
    assert import_acled(engine_of(factory), sample).unchanged == 3000
    assert _search_hits(factory, "clashed") == clashed
    # A newer version of one record with a new word: found once, the old text no longer matches it.
    with sample.open(encoding="utf-8", newline="") as f:
        first = next(csv.DictReader(f))
    edited = tmp_path / "edited.csv"
    notes = first["notes"].replace("On ", "Zanzibarian report: on ", 1)
    _rewrite(sample, edited, {first["event_id_cnty"]: {"notes": notes, "timestamp": str(int(first["timestamp"]) + 1)}})
    assert import_acled(engine_of(factory), edited).updated == 1
    assert _search_hits(factory, "zanzibarian") == 1
    assert _search_hits(factory, "clashed") == clashed
    if backend() == "sqlite":
        with factory() as session:
            session.execute(text("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"))


def test_a_malformed_row_in_a_large_batch_is_reported_by_line_and_the_rest_imports(factory: sessionmaker[Session], tmp_path: Path) -> None:
    rows = BATCH_SIZE + 500
    sample = tmp_path / "big.csv"
    write_csv(sample, rows, seed=9)
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = BATCH_SIZE // 2  # 1-based line number in the file (line 1 is the header)
    fields = next(csv.reader([lines[bad_line - 1]]))
    fields[1] = "31 Febtember 2020"
    lines[bad_line - 1] = ",".join(f'"{v}"' for v in fields) + "\r\n"
    sample.write_text("".join(lines), encoding="utf-8")
    report = import_acled(engine_of(factory), sample)
    assert report.added == rows - 1
    assert [line for line, _ in report.failed] == [bad_line] and "not a date" in report.failed[0][1]
