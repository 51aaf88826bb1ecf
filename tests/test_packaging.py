"""A plain `pip install .` must be able to serve: the wheel carries every
template, static file, migration and seed the checkout has."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = {"templates": "_templates", "static": "_static", "migrations": "_migrations", "seeds": "_seeds"}


def repository_files() -> set[str]:
    found = {p.relative_to(ROOT).as_posix() for p in (ROOT / "app").rglob("*.py") if "__pycache__" not in p.parts}
    for folder, packaged in SHIPPED.items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(f"app/{packaged}/{path.relative_to(ROOT / folder).as_posix()}")
    return found


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source checkout")
def test_wheel_ships_templates_static_migrations_and_seeds(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("dateline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert repository_files() - names == set()
    assert "app/_seeds/documents/000_8281e6deb047d395.txt" in names
