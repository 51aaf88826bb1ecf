"""Alembic environment: migrates the database named by the caller or the environment."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from app import models  # noqa: F401  (registers the tables on Base.metadata)
from app.config import Settings
from app.db import Base, make_engine

config = context.config
target_metadata = Base.metadata


# Full-text search objects are made by hand in a migration, per dialect; the
# models do not describe them, so autogenerate and `alembic check` skip them.
_SEARCH_OBJECTS = ("events_fts", "search_vector", "ix_events_search_vector")


def _include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name or "").startswith(_SEARCH_OBJECTS)


def _url() -> str:
    return config.attributes.get("database_url") or Settings.from_env().database_url


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
