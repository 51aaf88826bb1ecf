from pathlib import Path

from sqlalchemy import func, select

from app import models
from app.db import make_engine, make_sessionmaker
from app.setup import prepare_database
from tests.factories import make_settings


def test_prepare_creates_migrates_and_seeds_once(tmp_path: Path, seed_dir: Path) -> None:
    settings = make_settings(tmp_path / "nested" / "folder", seeds_dir=seed_dir)
    first = prepare_database(settings)
    assert [r.status for r in first] == ["new"]
    assert prepare_database(settings) == []
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(models.Document)) == 1
    engine.dispose()
