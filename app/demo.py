"""``dateline demo-data``: invented events straight into the database, fast, for trying the UI and benchmarks.

They are written by the ACLED bulk path with ``origin='synthetic'`` (and
external ids ``synthetic:…``), so the UI can badge them and they never mix with
real imports; running it twice with the same seed changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.engine import Engine

from app.acled import AcledRow, map_row
from app.acled_generate import records
from app.bulk import BulkReport, write_rows

ORIGIN = "synthetic"


def demo_rows(count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None) -> Iterator[AcledRow]:
    for n, record in enumerate(records(count, seed=seed)):
        yield map_row(record, n + 2)
        if progress and n % 1000 == 0:
            progress(n)


def load_demo(engine: Engine, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None) -> BulkReport:
    """Write ``count`` synthetic events (deterministic for ``seed``)."""
    return write_rows(engine, demo_rows(count, seed=seed, progress=progress), origin=ORIGIN, namespace=ORIGIN)
