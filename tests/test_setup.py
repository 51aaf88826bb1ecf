from pathlib import Path

from sqlalchemy import func, select

from app import models
from app.db import make_engine, make_sessionmaker
from app.setup import prepare_database
from app.config import Settings


def test_prepare_creates_migrates_and_seeds_once(database_url: str, seed_dir: Path) -> None:
    settings = Settings(database_url=database_url, seeds_dir=seed_dir)
    first = prepare_database(settings)
    assert [r.status for r in first] == ["new"]
    assert prepare_database(settings) == []
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(models.Document)) == 1
    engine.dispose()


def test_prepare_creates_the_folder_of_a_sqlite_file(tmp_path: Path, seed_dir: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'new' / 'folder' / 'd.db'}", seeds_dir=seed_dir)
    assert [r.status for r in prepare_database(settings)] == ["new"]
    assert (tmp_path / "new" / "folder" / "d.db").exists()
