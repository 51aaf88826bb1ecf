import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.acled import COLUMNS, event_date
from app.acled_generate import write_csv
from app.bulk import import_acled
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
    moved.write_text((ACLED_DATA / "current.csv").read_text(encoding="utf-8").replace("VLR101,2022-03-07", "VLR101,2022-03-08"), encoding="utf-8")
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
