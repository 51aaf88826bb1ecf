import json
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import SEED_DOCUMENT


def test_extract_json_prints_events_with_exact_offsets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "untouched.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATELINE_DATABASE_URL", f"sqlite:///{db}")
        assert main(["extract", str(SEED_DOCUMENT), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    assert len(events) >= 4
    assert not db.exists()
    for event in events:
        assert set(event) >= {"id", "document", "date", "precision", "title", "type", "actors", "excerpts"}
        assert event["document"] == str(SEED_DOCUMENT)
        for actor in event["actors"]:
            assert set(actor) == {"name", "kind", "affiliation"}
        for excerpt in event["excerpts"]:
            assert text[excerpt["start"] : excerpt["end"]] == excerpt["text"]


def test_extract_reports_a_bad_file_and_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(bad), str(SEED_DOCUMENT), "--json"]) == 1
    out = capsys.readouterr()
    assert str(bad) in out.err
    assert json.loads(out.out)


def test_ingest_summarises_and_fails_when_a_file_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_dir: Path
) -> None:
    monkeypatch.setenv("DATELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    (seed_dir / "empty.md").write_text("", encoding="utf-8")
    assert main(["ingest", str(seed_dir)]) == 1
    out = capsys.readouterr()
    assert f"{seed_dir / 'empty.md'}: empty document" in out.err
    assert "1 new" in out.out and "1 failed" in out.out
    (seed_dir / "empty.md").unlink()
    assert main(["ingest", str(seed_dir)]) == 0
    assert "1 unchanged" in capsys.readouterr().out


def test_acled_sample_then_import_reports_rows_and_bad_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    sample = tmp_path / "sample.csv"
    assert main(["acled-sample", "--rows", "300", "--seed", "4", str(sample)]) == 0
    assert main(["import-acled", str(sample)]) == 0
    assert "300 added, 0 updated, 0 unchanged, 0 bad rows skipped" in capsys.readouterr().out
    assert main(["import-acled", str(sample)]) == 0
    assert "0 added, 0 updated, 300 unchanged" in capsys.readouterr().out
    bad = Path(__file__).parent / "data" / "acled" / "bad.csv"
    assert main(["import-acled", str(bad)]) == 1
    out = capsys.readouterr()
    assert "error: line 3: event_date 'not a date'" in out.err and "3 added" in out.out


def test_import_acled_refuses_a_file_that_is_not_an_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    other = tmp_path / "other.csv"
    other.write_text("name,value\na,1\n", encoding="utf-8")
    assert main(["import-acled", str(other)]) == 1
    assert "missing column(s) event_id_cnty" in capsys.readouterr().err


def test_demo_data_fills_the_database(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    assert main(["demo-data", "--events", "250"]) == 0
    assert "250 added" in capsys.readouterr().out
