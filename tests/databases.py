"""Fresh databases for tests: a SQLite file by default, a new PostgreSQL database
for each test when ``DATELINE_TEST_POSTGRES_URL`` names a server to create them on."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.engine import make_url

POSTGRES_ENV = "DATELINE_TEST_POSTGRES_URL"


def backend() -> str:
    return "postgresql" if os.environ.get(POSTGRES_ENV) else "sqlite"


def create_database(folder: Path) -> str:
    admin = os.environ.get(POSTGRES_ENV)
    if not admin:
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / f'dateline-{uuid.uuid4().hex[:8]}.db'}"
    name = f"dateline_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(admin, f'CREATE DATABASE "{name}"')
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Remove a test database; best effort, since a leftover one harms nothing.

    DROP ... WITH (FORCE) can be refused for a moment while a server process of
    another role (autovacuum) is attached, so it is retried before giving up.
    """
    admin = os.environ.get(POSTGRES_ENV)
    if not (admin and url.startswith("postgresql")):
        return
    for attempt in range(5):
        try:
            _admin_execute(admin, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
            return
        except DBAPIError:
            time.sleep(0.2 * (attempt + 1))


def _admin_execute(admin_url: str, statement: str) -> None:
    """Run a statement that cannot run in a transaction; names here are generated, never user input."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()
