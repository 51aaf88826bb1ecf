"""Settings read once from the environment and passed to whoever needs them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.resources import SEEDS_DIR

DEFAULT_DATABASE_URL = "sqlite:///dateline.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    seeds_dir: Path = SEEDS_DIR / "documents"
    page_size: int = 50
    cache_size: int = 512
    overview_seconds: float = 1.5
    """How long live facet counting may take before the overview asks for a narrower filter."""
    list_seconds: float = 3.0
    """How long one page of a list may take before it asks to refine the search."""
    version_seconds: float = 0.0
    """How long the response cache may trust the data version it last read (0: read it on every request)."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("DATELINE_DATABASE_URL", DEFAULT_DATABASE_URL),
            seeds_dir=Path(env.get("DATELINE_SEEDS_DIR", str(SEEDS_DIR / "documents"))),
            cache_size=int(env.get("DATELINE_CACHE_SIZE", "512")),
            overview_seconds=float(env.get("DATELINE_OVERVIEW_SECONDS", "1.5")),
            list_seconds=float(env.get("DATELINE_LIST_SECONDS", "3")),
            version_seconds=float(env.get("DATELINE_VERSION_SECONDS", "0")),
        )
