"""Shared fixtures: every test that needs a database builds its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.resources import SEEDS_DIR

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
