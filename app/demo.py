"""``dateline demo-data``: invented events straight into the database, fast, for trying the UI and benchmarks.

They are written by the ACLED bulk path with ``origin='synthetic'`` (and
external ids ``synthetic:…``), so the UI can badge them and they never mix with
real imports; running it twice with the same seed changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.engine import Engine

from app.acled import STANDARD
from app.acled_generate import record_lists
from app.bulk import BulkReport, write_records

ORIGIN = "synthetic"


def _demo_records(count: int, seed: int, progress: Callable[[int], None] | None) -> Iterator[tuple[int, list[str]]]:
    for n, values in enumerate(record_lists(count, seed=seed)):
        values.append("")  # fitted to ``STANDARD``: one empty field past the last column
        yield n + 2, values
        if progress and n % 1000 == 0:
            progress(n)


def load_demo(engine: Engine, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None) -> BulkReport:
    """Write ``count`` synthetic events (deterministic for ``seed``).

    The generator's records go through the same path as an ACLED import (so a
    second run with the same seed is recognised by timestamp and only read).
    """
    return write_records(engine, STANDARD, _demo_records(count, seed, progress), origin=ORIGIN, namespace=ORIGIN)
