"""Bulk writes of structured events (ACLED rows, demo data), in one transaction per import.

What happens to a record follows ACLED's own ``timestamp`` (kept in
``events.source_version``):

* no stored event: added;
* both have a timestamp and the record's is **older or equal**: unchanged, not
  even mapped or compared (ACLED bumps the timestamp whenever it edits a
  record, so an equal timestamp means the same record and an older one is
  stale data that must not overwrite newer);
* the record's timestamp is **newer**: its content is compared and, if it
  differs, it replaces the event; if only the timestamp moved, just
  ``source_version`` is raised (counted unchanged);
* either side has no timestamp (an export without the column, events imported
  before it was stored): content comparison decides, as it always did.

A replaced event keeps its public id (so its permalink survives) and
``created_at``; ``updated_at`` moves. A repeated ``event_id_cnty`` keeps the
record with the newest timestamp; on a tie, the later record within one batch
of ``BATCH_SIZE`` records (across batches, the one written first).

How (see ``app.bulk_load`` for the two passes): records are screened against
the database in file order, a batch at a time, so a re-import only reads ids
and timestamps. What must be written is sorted by timeline key (``seq``)
through an external sort, then written in that order: every B-tree of events,
links and places grows at its end instead of splitting pages all over a table
larger than the cache, and the full-text index is built in one statement at
the end. An import is atomic: it fails as a whole, leaving the database as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.engine import Engine

from app.acled import BadRow, Layout
from app.bulk_load import BulkLoad, BulkReport

__all__ = ["BATCH_SIZE", "BulkReport", "bulk_connection", "import_acled", "write_records"]

BATCH_SIZE = 20000


@contextmanager
def _no_gc() -> Iterator[None]:
    """Cyclic GC paused: an import allocates millions of tuples (no cycles) and each full collection walks them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# SQLite settings for the length of one import (the connection's own are restored after it).
_SQLITE_BULK = {"synchronous": 0, "cache_size": -200000, "temp_store": 2, "foreign_keys": 0, "mmap_size": 4294967296}  # OFF, 200 MB, MEMORY


def _pragmas(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    """Set these pragmas; returns their previous values."""
    before = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in values}
    for name, value in values.items():
        conn.exec_driver_sql(f"PRAGMA {name}={int(value)}")
    return before


def _rollback_journal(conn: Connection) -> str | None:
    """Into an empty events table, load in rollback-journal mode, if no other connection prevents the switch.

    In WAL mode every page of a large load is written twice (to the WAL, then
    checkpointed); with a rollback journal, pages past the end of the file before
    the load are written once and never journaled. Returns the mode to restore.
    """
    if conn.exec_driver_sql("SELECT 1 FROM events LIMIT 1").first() is not None:
        return None
    mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    if mode != "wal":
        return None
    try:
        switched = conn.exec_driver_sql("PRAGMA journal_mode=DELETE").scalar() == "delete"
    except OperationalError:  # another connection has the database open
        switched = False
    return mode if switched else None


def _restore_journal(conn: Connection, mode: str) -> None:
    try:
        conn.exec_driver_sql(f"PRAGMA journal_mode={mode}")
    except OperationalError:  # a reader came meanwhile; every new connection sets WAL again (app.db)
        pass


@contextmanager
def bulk_connection(engine: Engine) -> Iterator[Connection]:
    """A connection tuned for one bulk load, inside one transaction; SQLite's usual settings are restored after.

    With ``synchronous=OFF`` a power cut (not a crash of this process) during the
    load can lose it, and in rollback-journal mode (see ``_rollback_journal``)
    damage the database file; re-running the import into a new database repairs that.
    """
    with _no_gc(), engine.connect() as conn:
        sqlite_db = conn.dialect.name == "sqlite"
        usual = _pragmas(conn, _SQLITE_BULK) if sqlite_db else {}
        journal = _rollback_journal(conn) if sqlite_db else None
        conn.commit()
        try:
            with conn.begin():
                if sqlite_db:  # pysqlite would only begin at the first INSERT; the load drops triggers before that
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
        finally:
            if sqlite_db:
                if journal:  # first: with synchronous=NORMAL the switch would flush the whole file to disk
                    _restore_journal(conn, journal)
                _pragmas(conn, usual)
                conn.commit()


def _batches(failed: list[tuple[int, str]], items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size``, with the ``BadRow``s among them moved to ``failed``."""
    items = iter(items)
    while batch := list(islice(items, size)):
        good = [item for item in batch if item.__class__ is not BadRow]
        if len(good) < len(batch):
            failed.extend((item.line, item.message) for item in batch if item.__class__ is BadRow)
        yield good


def write_records(
    engine: Engine,
    layout: Layout,
    records: Iterable[tuple[int, list[str]] | BadRow],
    *,
    origin: str = "acled",
    namespace: str = "acled",
    batch_size: int = BATCH_SIZE,
) -> BulkReport:
    """Write CSV-shaped records (``(line, fields)`` fitted to ``layout``); ``BadRow``s count as failed."""
    with bulk_connection(engine) as conn:
        load = BulkLoad(conn, origin=origin, namespace=namespace)
        try:
            for batch in _batches(load.report.failed, records, batch_size):
                load.screen(layout, batch)
            load.write()
        finally:
            load.close()
        load.report.failed.sort()
        return load.report


def import_acled(engine: Engine, path: Any, *, progress: Any = None) -> BulkReport:
    """Import an ACLED CSV export (see ``app.acled``); idempotent on ``event_id_cnty``."""
    from app.acled import open_export, read_records

    with open_export(path) as stream:
        layout, records = read_records(stream, progress)
        return write_records(engine, layout, records)
