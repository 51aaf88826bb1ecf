"""Where the project's non-Python files live, installed or in a checkout.

A wheel ships them inside the package (``app/_templates`` and so on, see
``pyproject.toml``); a source checkout or an editable install keeps them at the
top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    installed = _PACKAGE / f"_{name}"
    return installed if installed.is_dir() else _PACKAGE.parent / name


TEMPLATES_DIR = _locate("templates")
STATIC_DIR = _locate("static")
MIGRATIONS_DIR = _locate("migrations")
SEEDS_DIR = _locate("seeds")
