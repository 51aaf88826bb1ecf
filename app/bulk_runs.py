"""An external sort for the bulk path: tuples ordered by their first item (unique), in bounded memory.

Rows are held in memory up to ``run_size``; then they are sorted and written
to a temporary file (a sorted run) with ``marshal``, the fastest serialiser for
plain tuples of str, int, float and None. ``sorted()`` merges the runs and the
rows still in memory. First items must differ, so tuples compare in C on them alone.
"""

from __future__ import annotations

import heapq
import marshal
import tempfile
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import IO, Any

RUN_SIZE = 100_000
BLOCK = 2_000  # rows per marshal record: large enough to amortise the calls, small enough to stream

Row = tuple[Any, ...]
_first = itemgetter(0)


def _write_run(rows: list[Row]) -> IO[bytes]:
    rows.sort(key=_first)
    run = tempfile.TemporaryFile(prefix="dateline-bulk-")
    for start in range(0, len(rows), BLOCK):
        block = marshal.dumps(rows[start : start + BLOCK])
        run.write(len(block).to_bytes(8, "little"))
        run.write(block)
    run.seek(0)
    return run


def _read_run(run: IO[bytes]) -> Iterator[Row]:
    # Length-prefixed blocks: marshal.load on a file object reads each value with a method call.
    with run:
        while size := run.read(8):
            yield from marshal.loads(run.read(int.from_bytes(size, "little")))


class SortedRuns:
    """Collects rows, then yields them all ordered by ``row[0]`` (spilling sorted runs to disk when many)."""

    def __init__(self, run_size: int = RUN_SIZE) -> None:
        self.run_size = run_size
        self.held: list[Row] = []
        self.runs: list[IO[bytes]] = []
        self.count = 0

    def add(self, rows: Iterable[Row]) -> None:
        held = self.held
        before = len(held)
        held.extend(rows)
        self.count += len(held) - before
        if len(held) >= self.run_size:
            self.runs.append(_write_run(held))
            self.held = []

    def __len__(self) -> int:
        return self.count

    def sorted(self) -> Iterator[Row]:
        """Every row added, by key; the temporary files are closed as they are used up (or by ``close``)."""
        self.held.sort(key=_first)
        if not self.runs:
            return iter(self.held)
        return heapq.merge(*(_read_run(run) for run in self.runs), self.held)

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs, self.held = [], []
