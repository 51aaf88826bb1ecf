"""Shared fixtures: every test that needs a database builds its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine, make_sessionmaker
from app.migrate import upgrade
from app.resources import SEEDS_DIR
from tests.databases import create_database, drop_database

SEED_DOCUMENT = SEEDS_DIR / "documents" / "000_8281e6deb047d395.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A copy of the seed folder, so tests may add files beside the seed."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / SEED_DOCUMENT.name).write_bytes(SEED_DOCUMENT.read_bytes())
    return folder


@pytest.fixture
def make_database(tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Creates empty databases on demand and removes them after the test."""
    created: list[str] = []

    def make() -> str:
        created.append(create_database(tmp_path / "db"))
        return created[-1]

    yield make
    for url in created:
        drop_database(url)


@pytest.fixture
def database_url(make_database: Callable[[], str]) -> str:
    return make_database()


@pytest.fixture
def make_factory(make_database: Callable[[], str]) -> Iterator[Callable[[], sessionmaker[Session]]]:
    """Migrated session factories on fresh databases."""
    engines = []

    def make() -> sessionmaker[Session]:
        url = make_database()
        upgrade(url)
        engines.append(make_engine(url))
        return make_sessionmaker(engines[-1])

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def factory(make_factory: Callable[[], sessionmaker[Session]]) -> sessionmaker[Session]:
    return make_factory()
