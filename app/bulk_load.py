"""One bulk import, in two passes over its records (see ``app.bulk`` for the rules).

``screen`` takes records in file order, a batch at a time: ids and timestamps
are looked up, records the database already holds at that timestamp are
counted and dropped unmapped, the rest are mapped; a stored event a newer
record changes is deleted and its replacement keeps its key and ``created_at``.
What is left to write is held as pending rows (``app.bulk_rows``) in an
external sort (``app.bulk_runs``).

``write`` then takes the pending rows in timeline-key order, a chunk at a
time, and writes them through a staging table (``app.bulk_sql``), so every
table and index is appended to. A row's key is its natural ``seq`` unless that
is taken: the next free one after it. An id held twice (in different batches)
goes through ``_write_repeated``, which checks the database row by row.

Hot-path rows go straight to the DBAPI cursor as plain tuples, never through
the ORM, with bound parameters only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Connection

from app import models
from app.acled import ROLES, AcledRow, Layout
from app.bulk_rows import CREATED_AT, EXTERNAL_ID, KEY, SEQ, SOURCE_VERSION, ActorCache, RowMaker, compared, keeps_key
from app.bulk_runs import SortedRuns
from app.bulk_sql import FullText, Statements

CHUNK_SIZE = 50000

Pending = tuple[Any, ...]


@dataclass
class BulkReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failed)


def _not_newer(timestamp: int | None, stored: int | None) -> bool:
    return timestamp is not None and stored is not None and timestamp <= stored


def _text(value: Any) -> Any:
    """A stored timestamp as text (PostgreSQL returns datetimes; pending rows hold only plain values)."""
    return value if value is None or isinstance(value, str) else value.isoformat(" ")


def _chunks(rows: Iterator[Pending], size: int) -> Iterator[list[Pending]]:
    while chunk := list(islice(rows, size)):
        yield chunk


class BulkLoad:
    """Screens batches of records, then writes what they change; one transaction (the caller's) throughout."""

    def __init__(self, conn: Connection, *, origin: str, namespace: str) -> None:
        self.conn, self.origin = conn, origin
        self.sql = Statements(conn.dialect.name)
        self.cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self.report = BulkReport()
        self.actors = ActorCache()
        self.rows = RowMaker(self.actors, namespace=namespace)
        now = models.utcnow()
        self.now: Any = now.isoformat(" ", "microseconds") if self.sql.sqlite else now
        self.cur.execute(self.sql.any_event)
        self.empty = self.cur.fetchone() is None
        self.fulltext = FullText(self.cur, self.sql, empty=self.empty, now=self.now)
        self.pending = SortedRuns()
        self.held: set[str] = set()  # external ids of pending rows
        self.repeated: set[str] = set()  # ... held more than once
        self.reserved: set[int] = set()  # keys that pending replacements keep
        self.last = -1  # the highest key written so far
        self.bumps: list[tuple[int, int]] = []
        self.staged = False

    # First pass: screening, in file order.

    def screen(self, layout: Layout, records: Sequence[tuple[int, list[str]]]) -> None:
        newest = self._newest(layout, records)
        if not newest:
            return
        unsettled = self._unsettled(newest)
        self.report.unchanged += len(newest) - len(unsettled)
        fresh: list[AcledRow] = []
        changed: list[AcledRow] = []
        for external_id, (_, line, fields) in newest.items():
            if external_id in unsettled and (row := self._map(layout, line, fields)) is not None:
                (changed if unsettled[external_id] else fresh).append(row)
        if fresh or changed:
            self.actors.resolve(self.conn, fresh + changed)
            self._hold([self.rows.pending(row) for row in fresh])
            self._hold(self._replacements(changed))
        self._flush_bumps()

    def _newest(self, layout: Layout, records: Iterable[tuple[int, list[str]]]) -> dict[str, tuple[int | None, int, list[str]]]:
        """The records by external id; a repeated id keeps the newest timestamp, the later record on a tie."""
        newest: dict[str, tuple[int | None, int, list[str]]] = {}
        id_at, timestamp_at, external_id = layout.id_at, layout.timestamp_at, self.rows.external_id
        plain = self.rows.namespace == "acled"  # the external id is the raw one (see RowMaker.external_id)
        for line, fields in records:
            raw_id = fields[id_at].strip()
            if not 0 < len(raw_id) <= 64:
                self._map(layout, line, fields)  # reports why
                continue
            key = raw_id if plain else external_id(raw_id)
            stamp = fields[timestamp_at].strip()  # inline timestamp_value: this loop is most of a re-import
            timestamp = int(stamp) if stamp.isdecimal() else None
            old = newest.get(key)
            if old is None or (old[0] or 0) <= (timestamp or 0):
                newest[key] = (timestamp, line, fields)
        return newest

    def _unsettled(self, newest: dict[str, tuple[int | None, int, list[str]]]) -> dict[str, Any]:
        """The ids the database does not hold at their record's timestamp or newer (see ``_not_newer``), each with
        whether it holds them at all. The database answers with just those, so a re-import builds no row per record;
        into a table that was empty, nothing is asked (screening writes nothing, so every record is new)."""
        if self.empty:
            return dict.fromkeys(newest, False)
        self.cur.execute(self.sql.unsettled, self.sql.stamps({key: held[0] for key, held in newest.items()}))
        return dict(self.cur.fetchall())

    def _map(self, layout: Layout, line: int, fields: list[str]) -> AcledRow | None:
        try:
            return layout.map(fields, line)
        except ValueError as exc:
            self.report.failed.append((line, str(exc)))
            return None

    def _replacements(self, rows: list[AcledRow]) -> list[Pending]:
        """Pending rows for the stored events these newer records change (those are deleted)."""
        if not rows:
            return []
        current = self._stored([self.rows.external_id(row.external_id) for row in rows])
        replacements, gone = [], []
        for row in rows:
            old = current[self.rows.external_id(row.external_id)]
            kept = old[0] if old[0] >> 32 == row.first_day.toordinal() else None
            pending = self._settle(self.rows.pending(row, kept, _text(old[1])), old)
            if pending is not None:
                replacements.append(pending)
                gone.append(old[0])
                if kept is not None:
                    self.reserved.add(kept)
        if gone:
            self._delete(gone)
        return replacements

    def _hold(self, rows: list[Pending]) -> None:
        held, repeated = self.held, self.repeated
        for row in rows:
            external_id = row[EXTERNAL_ID]
            if external_id in held:
                repeated.add(external_id)
            else:
                held.add(external_id)
        self.pending.add(rows)

    # Second pass: writing, in key order.

    def write(self) -> None:
        if len(self.pending):
            for chunk in _chunks(self.pending.sorted(), CHUNK_SIZE):
                self._write(chunk)
            self.cur.execute(self.sql.drop_stage)
        self._flush_bumps()
        self.fulltext.resume()

    def close(self) -> None:
        self.pending.close()
        self.cur.close()

    def _write(self, chunk: list[Pending]) -> None:
        repeated = self.repeated
        if not repeated:
            self._insert(self._placed(chunk))
            return
        self._insert(self._placed([row for row in chunk if row[EXTERNAL_ID] not in repeated]))
        for row in chunk:
            if row[EXTERNAL_ID] in repeated:
                self._write_repeated(row)

    def _placed(self, rows: list[Pending]) -> list[Pending]:
        """The rows with their final keys: a new key moves past the last one written and any taken."""
        taken = set() if self.empty else self._taken([row[SEQ] for row in rows])
        last, reserved, placed = self.last, self.reserved, []
        for row in rows:
            seq = row[SEQ]
            if not keeps_key(row[KEY]):
                free = max(seq, last + 1)
                while free in taken or free in reserved or (free != seq and not self.empty and self._taken([free])):
                    free += 1
                if free != seq:
                    row, seq = (row[KEY], free, *row[SEQ + 1 :]), free
            last = max(last, seq)
            placed.append(row)
        self.last = last
        return placed

    def _write_repeated(self, row: Pending) -> None:
        """An id held more than once: decided against what the database holds by now, like a record of a later import."""
        old = self._stored([row[EXTERNAL_ID]]).get(row[EXTERNAL_ID])
        created = row[CREATED_AT]
        if old is not None:
            if self._settle(row, old) is None:
                return
            self._delete([old[0]])
            created = _text(old[1])
        if old is not None and old[0] >> 32 == row[SEQ] >> 32:
            seq = old[0]
        elif keeps_key(row[KEY]) and not self._taken([row[SEQ]]):
            seq = row[SEQ]  # the key a replacement keeps
        else:
            seq = self._free(row[SEQ])
        self.last = max(self.last, seq)
        self._insert([(row[KEY], seq, *row[SEQ + 1 : CREATED_AT], created, *row[CREATED_AT + 1 :])])

    def _free(self, seq: int) -> int:
        while seq in self.reserved or self._taken([seq]):
            seq += 1
        return seq

    # Statements.

    def _stored(self, external_ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """``(seq, created_at, source_version, origin, *compared values)`` of stored events, by external id."""
        self.cur.execute(self.sql.compared, (self.sql.many(external_ids),))
        return {row[0]: tuple(row[1:]) for row in self.cur.fetchall()}

    def _settle(self, row: Pending, old: tuple[Any, ...]) -> Pending | None:
        """``row`` if it replaces the stored ``old``; None (counted unchanged) if not newer or not different."""
        if _not_newer(row[SOURCE_VERSION], old[2]) or (old[3] == self.origin and compared(row) == old[4:]):
            self.report.unchanged += 1
            if row[SOURCE_VERSION] is not None and not _not_newer(row[SOURCE_VERSION], old[2]):
                self.bumps.append((row[SOURCE_VERSION], old[0]))
            return None
        return row

    def _taken(self, seqs: list[int]) -> set[int]:
        self.cur.execute(self.sql.taken, (self.sql.many(seqs),))
        return {seq for (seq,) in self.cur.fetchall()}

    def _delete(self, seqs: list[int]) -> None:
        self.fulltext.suspend()
        many = self.sql.many(seqs)
        self.fulltext.forget(many)
        for statement in self.sql.delete:
            self.cur.execute(statement, (many,))

    def _insert(self, rows: list[Pending]) -> None:
        if not rows:
            return
        self.fulltext.suspend()
        if not self.staged:
            self.cur.execute(self.sql.stage)
            self.staged = True
        self.cur.executemany(self.sql.staged, [row[SEQ:] for row in rows])
        events, excerpts, links, places = self.sql.copy
        self.cur.execute(events, (self.origin, self.now, self.now))
        self.cur.execute(excerpts)
        self.cur.execute(links, ROLES)
        self.cur.execute(places)
        self.cur.execute(self.sql.clear)
        updated = sum(1 for row in rows if row[CREATED_AT] is not None)
        self.report.updated += updated
        self.report.added += len(rows) - updated

    def _flush_bumps(self) -> None:
        if self.bumps:
            self.cur.executemany(self.sql.bump, self.bumps)
            self.bumps = []
