"""Getting a database ready to serve: create, migrate, load the seeds when empty."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app import counts, models
from app.config import Settings
from app.db import make_engine, make_sessionmaker
from app.ingest import IngestResult, ingest_paths
from app.migrate import upgrade


def prepare_database(settings: Settings) -> list[IngestResult]:
    """Migrate to the newest schema; ingest the seed documents if there are no documents yet.

    The facet counts are brought up to date either way (after a write by
    another tool they would otherwise be bypassed until the next rebuild).
    """
    _ensure_sqlite_folder(settings.database_url)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        factory = make_sessionmaker(engine)
        with factory() as session:
            if session.scalar(select(func.count()).select_from(models.Document)):
                counts.refresh(factory)
                return []
        return ingest_paths(factory, [settings.seeds_dir])
    finally:
        engine.dispose()


def _ensure_sqlite_folder(url: str) -> None:
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix):] not in ("", ":memory:"):
        Path(url[len(prefix):]).parent.mkdir(parents=True, exist_ok=True)
