"""Export a generated dataset as CSV and print the peak memory the export needed.

    python bench/export_memory.py [EVENTS]      # default 100,000; SQLite file in a temp folder

The peak stays near one batch's worth however many events are exported.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from app.db import make_engine, make_sessionmaker
from app.demo import load_demo
from app.exports import csv_
from app.exports.base import Links
from app.exports.stream import iter_events
from app.migrate import upgrade
from app.query import TimelineQuery


def main(events: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        started = time.monotonic()
        load_demo(engine, events)
        print(f"loaded {events:,} events in {time.monotonic() - started:.1f} s")
        tracemalloc.start()
        started, written = time.monotonic(), 0
        for chunk in csv_.write(iter_events(make_sessionmaker(engine), TimelineQuery()), Links("http://localhost")):
            written += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        seconds = time.monotonic() - started
        print(f"exported {written / 1e6:,.1f} MB of CSV in {seconds:.1f} s; peak traced memory {peak / 1e6:.1f} MB")
        engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
