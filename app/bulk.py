"""Bulk writes of structured events (ACLED rows, demo data) with SQLAlchemy Core.

One transaction per batch: the batch's existing events are fetched in one query
by ``external_id`` and compared in memory, so a re-import of an unchanged file
only reads. New actors are upserted with the dialect's ON CONFLICT; full-text
search is kept by the database's own triggers (SQLite) or generated column
(PostgreSQL).

A changed record (any stored field differs) replaces its event under the same
public id, so its permalink survives, ``created_at`` is kept and ``updated_at``
moves. ACLED's own ``timestamp`` has no column yet, so "changed" means changed
content rather than a newer timestamp.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from operator import itemgetter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app import models
from app.acled import AcledRow
from app.ingest import free_key, slugify

BATCH_SIZE = 5000
Event = models.Event
_COMPARED = (
    Event.date, Event.precision, Event.title, Event.type, Event.sub_event_type, Event.location,
    Event.latitude, Event.longitude, Event.fatalities, Event.sources, Event.search_text, Event.origin,
)  # fmt: skip


@dataclass
class BulkReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failed)


@contextmanager
def bulk_connection(engine: Engine) -> Iterator[Connection]:
    """A connection tuned for one bulk load; SQLite's durability settings are restored after.

    With ``synchronous=OFF`` a power cut (not a crash of this process) during the
    load can lose its last batches; re-running the import repairs that.
    """
    with engine.connect() as conn:
        sqlite_db = conn.dialect.name == "sqlite"
        if sqlite_db:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA cache_size=-200000")
            conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        conn.commit()
        try:
            yield conn
        finally:
            if sqlite_db:
                conn.rollback()
                conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
                conn.commit()


def _values(row: AcledRow, origin: str) -> tuple[Any, ...]:
    return (
        row.date, row.precision, row.title, row.type, row.sub_event_type, row.location,
        row.latitude, row.longitude, row.fatalities, "\n".join(row.sources), row.search_text, origin,
    )  # fmt: skip


@lru_cache(maxsize=65536)
def actor_slug(name: str) -> str:
    return slugify(name)[:120]


class ActorCache:
    """Actor ids by slug, inserting the ones the database does not have yet."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def resolve(self, conn: Connection, rows: Sequence[AcledRow]) -> None:
        wanted: dict[str, dict[str, str]] = {}
        for row in rows:
            for actor in row.actors:
                slug = actor_slug(actor.name)
                if slug not in self.ids and (slug not in wanted or wanted[slug]["kind"] == "unknown"):
                    wanted[slug] = {"slug": slug, "name": actor.name, "kind": actor.kind}
        if not wanted:
            return
        table = models.Actor.__table__
        dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        stmt = dialect_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["slug"], set_={"kind": stmt.excluded.kind}, where=table.c.kind == "unknown"
        )
        conn.execute(stmt, list(wanted.values()))
        found = select(models.Actor.slug, models.Actor.id).where(models.Actor.slug.in_(list(wanted)))
        self.ids.update({slug: id_ for slug, id_ in conn.execute(found)})


def _taken(conn: Connection, keys: list[int]) -> set[int]:
    if not keys:
        return set()
    return set(conn.scalars(select(Event.seq).where(Event.seq.in_(keys))))


class BulkWriter:
    """Writes batches of ``AcledRow`` as events of one origin ('acled' or 'synthetic')."""

    def __init__(self, conn: Connection, *, origin: str = "acled", namespace: str = "acled") -> None:
        self.conn = conn
        self.origin = origin
        self.namespace = namespace
        self.actors = ActorCache()
        self.report = BulkReport()

    def external_id(self, row: AcledRow) -> str:
        return row.external_id if self.namespace == "acled" else f"{self.namespace}:{row.external_id}"[:64]

    def write(self, rows: Iterable[AcledRow]) -> None:
        batch = {self.external_id(row): row for row in rows}  # a repeated id: the later record wins
        if not batch:
            return
        with self.conn.begin():
            self._write(batch)

    def _existing(self, ids: list[str]) -> dict[str, Any]:
        stmt = select(Event.external_id, Event.seq, Event.created_at, *_COMPARED).where(Event.external_id.in_(ids))
        return {row.external_id: row for row in self.conn.execute(stmt)}

    def _write(self, batch: dict[str, AcledRow]) -> None:
        existing = self._existing(list(batch))
        now = models.utcnow()
        fresh: list[tuple[str, AcledRow, Any]] = []
        for external_id, row in batch.items():
            old = existing.get(external_id)
            if old is not None and tuple(old[3:]) == _values(row, self.origin):
                self.report.unchanged += 1
            else:
                fresh.append((external_id, row, old))
        if not fresh:
            return
        self.actors.resolve(self.conn, [row for _, row, _ in fresh])
        replaced = [old.seq for _, _, old in fresh if old is not None]
        for chunk in range(0, len(replaced), 1000):
            self.conn.execute(delete(Event).where(Event.seq.in_(replaced[chunk : chunk + 1000])))
        self._insert(fresh, now)
        self.report.updated += len(replaced)
        self.report.added += len(fresh) - len(replaced)

    def _insert(self, fresh: list[tuple[str, AcledRow, Any]], now: dt.datetime) -> None:
        ids = [(row.event_id(self.namespace), row) for _, row, _ in fresh]
        taken = _taken(self.conn, [models.sequence_key(row.first_day, id_) for id_, row in ids])
        events, excerpts, links, places = [], [], [], []
        for (external_id, row, old), (event_id, _) in zip(fresh, ids):
            same_day = old is not None and old.seq >> 32 == row.first_day.toordinal()
            seq = old.seq if same_day else free_key(row.first_day, event_id, taken)
            events.append(self._event(seq, event_id, external_id, row, old.created_at if old else now, now))
            if row.notes:
                excerpts.append({"event_seq": seq, "document_id": None, "position": 0, "start": 0, "end": len(row.notes), "text": row.notes})
            seen: set[int] = set()
            for position, actor in enumerate(row.actors):
                actor_id = self.actors.ids[actor_slug(actor.name)]
                if actor_id not in seen:
                    seen.add(actor_id)
                    links.append({"event_seq": seq, "actor_id": actor_id, "position": position, "role": actor.role})
            places += [{"event_seq": seq, "place": p[:200], "position": i} for i, p in enumerate(dict.fromkeys(p[:200] for p in row.places))]
        # In key order, each batch appends to the B-trees instead of scattering over them.
        self.conn.execute(insert(models.Event.__table__), sorted(events, key=itemgetter("seq")))
        for table, values in ((models.Excerpt, excerpts), (models.EventActor, links), (models.EventPlace, places)):
            if values:
                self.conn.execute(insert(table.__table__), sorted(values, key=itemgetter("event_seq")))

    def _event(self, seq: int, event_id: str, external_id: str, row: AcledRow, created: dt.datetime, now: dt.datetime) -> dict[str, Any]:
        return {
            "seq": seq, "id": event_id, "document_id": None, "external_id": external_id, "origin": self.origin,
            "date": row.date, "first_day": row.first_day, "last_day": row.last_day, "precision": row.precision,
            "title": row.title, "type": row.type, "sub_event_type": row.sub_event_type, "date_phrase": "",
            "date_method": "explicit", "modality": "fact", "claimant": None, "location": row.location,
            "latitude": row.latitude, "longitude": row.longitude, "fatalities": row.fatalities,
            "sources": "\n".join(row.sources), "search_text": row.search_text, "created_at": created, "updated_at": now,
        }  # fmt: skip


def write_rows(
    engine: Engine,
    records: Iterable[AcledRow | Any],
    *,
    origin: str = "acled",
    namespace: str = "acled",
    batch_size: int = BATCH_SIZE,
) -> BulkReport:
    """Write ``AcledRow``s in batches; ``BadRow``-like items (line, message) are counted as failed."""
    with bulk_connection(engine) as conn:
        writer = BulkWriter(conn, origin=origin, namespace=namespace)
        batch: list[AcledRow] = []
        for record in records:
            if isinstance(record, AcledRow):
                batch.append(record)
            else:
                writer.report.failed.append((record.line, record.message))
            if len(batch) >= batch_size:
                writer.write(batch)
                batch = []
        writer.write(batch)
        return writer.report


def import_acled(engine: Engine, path: Any, *, progress: Any = None) -> BulkReport:
    """Import an ACLED CSV export (see ``app.acled``); idempotent on ``event_id_cnty``."""
    from app.acled import open_export, read_rows

    with open_export(path) as stream:
        return write_rows(engine, read_rows(stream, progress))
