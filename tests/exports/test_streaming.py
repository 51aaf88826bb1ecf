"""Exports stream: memory stays flat however many events there are (bench/export_memory.py does 100,000)."""

import datetime as dt
import tracemalloc
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.acled_generate import write_csv
from app.bulk import import_acled
from app.exports import csv_
from app.exports.base import Links
from app.exports.stream import iter_batches, iter_events
from app.query import TimelineQuery
from tests.factories import engine_of, make_event, make_extraction
from tests.factories import store as put

EVENTS = 6000


def export_peak(factory: sessionmaker[Session], query: TimelineQuery) -> tuple[int, int]:
    """(peak traced bytes, bytes written) for a CSV export of ``query``."""
    tracemalloc.start()
    try:
        written = 0
        for chunk in csv_.write(iter_events(factory, query, batch_size=500), Links("http://x")):
            written += len(chunk)
        return tracemalloc.get_traced_memory()[1], written
    finally:
        tracemalloc.stop()


def test_a_csv_export_holds_one_batch_at_a_time(factory: sessionmaker[Session], tmp_path: Path) -> None:
    sample = tmp_path / "sample.csv"
    write_csv(sample, EVENTS, seed=5, days=600)
    import_acled(engine_of(factory), sample)
    small = TimelineQuery(date_to=dt.date(2018, 4, 30))  # about a fifth of the events
    export_peak(factory, small)  # warm the statement caches
    small_peak, small_written = export_peak(factory, small)
    full_peak, full_written = export_peak(factory, TimelineQuery())
    assert full_written > 4 * small_written
    assert full_peak < small_peak * 1.5 + 500_000, f"{small_peak:,} bytes for {small_written:,}; {full_peak:,} for {full_written:,}"


def test_events_running_into_from_are_exported_first_in_timeline_order(factory: sessionmaker[Session]) -> None:
    rows = [
        ("Talks went on through March.", dt.date(2023, 3, 1), "month", dt.date(2023, 3, 31)),
        ("A court ruled on 8 March.", dt.date(2023, 3, 8), "day", None),
        ("Troops crossed the river on 10 March.", dt.date(2023, 3, 10), "day", None),
        ("A patrol returned on 5 March.", dt.date(2023, 3, 5), "day", None),
    ]
    for n, (sentence, day, precision, last) in enumerate(rows):
        put(factory, f"e{n}.txt", make_extraction(sentence, [make_event(sentence, sentence, day, precision=precision, last=last)]))
    with factory() as session:
        query = TimelineQuery(date_from=dt.date(2023, 3, 7))
        titles = [e.title for batch in iter_batches(session, query, batch_size=1) for e in batch]
    assert titles == ["Talks went on through March", "A court ruled on 8 March", "Troops crossed the river on 10 March"]
