"""Bring a database to the newest schema with Alembic, from code or the CLI."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from app.resources import MIGRATIONS_DIR


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")
