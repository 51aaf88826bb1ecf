"""The bulk path's SQL, for SQLite and PostgreSQL: lookups, a staging table, set-based inserts, full text.

Every value is a bound parameter. A list of keys is one parameter: a JSON array
read with ``json_each`` on SQLite, an array compared with ``= ANY`` on
PostgreSQL. Pending rows (``app.bulk_rows``) go into a TEMP staging table in
one ``executemany``; the events, excerpts, actor links (expanded from each
row's JSON) and places are then copied out of it with one ``INSERT … SELECT``
each, so a link costs the database a row copy instead of a DBAPI round trip.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from app.bulk_rows import COMPARED_COLUMNS

STAGE = "bulk_stage"
_STAGE_COLUMNS = (
    "seq", "id", "external_id", "date", "first_day", "last_day", "precision", "title", "type",
    "sub_event_type", "location", "latitude", "longitude", "fatalities", "sources", "search_text",
    "source_version", "created_at", "notes", "notes_end", "links", "place0", "place1",
)  # fmt: skip
_TYPES = {
    "sqlite": {"seq": "INTEGER PRIMARY KEY", "latitude": "REAL", "longitude": "REAL",
               "fatalities": "INTEGER", "source_version": "INTEGER", "notes_end": "INTEGER"},
    "postgresql": {"seq": "BIGINT PRIMARY KEY", "latitude": "DOUBLE PRECISION", "longitude": "DOUBLE PRECISION",
                   "fatalities": "INTEGER", "source_version": "BIGINT", "notes_end": "INTEGER"},
}  # fmt: skip
_EVENT_COLUMNS = (
    "seq, id, document_id, external_id, origin, date, first_day, last_day, precision, title, type, "
    "sub_event_type, date_phrase, date_method, modality, claimant, location, latitude, longitude, fatalities, "
    "sources, search_text, created_at, updated_at, source_version"
)


class Statements:
    """The statements of one dialect (``sqlite`` or ``postgresql``)."""

    def __init__(self, dialect: str) -> None:
        self.sqlite = dialect == "sqlite"
        p = "?" if self.sqlite else "%s"
        in_list = "IN (SELECT value FROM json_each(?))" if self.sqlite else "= ANY(%s)"
        types = _TYPES["sqlite" if self.sqlite else "postgresql"]
        columns = ", ".join(f"{c} {types.get(c, 'TEXT')}" for c in _STAGE_COLUMNS)
        self.stage = f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} ({columns})"
        self.drop_stage = f"DROP TABLE IF EXISTS {STAGE}"
        self.staged = f"INSERT INTO {STAGE} VALUES ({', '.join([p] * len(_STAGE_COLUMNS))})"
        self.clear = f"DELETE FROM {STAGE}"
        self.any_event = "SELECT 1 FROM events LIMIT 1"
        # Records (external id -> timestamp) the database does not hold at that timestamp or newer, with whether
        # it holds them at all; ``stamps`` makes the parameters.
        unsettled = (
            "LEFT JOIN events e ON e.external_id = j.key WHERE e.seq IS NULL OR e.source_version IS NULL "
            "OR j.value IS NULL OR j.value > e.source_version"
        )
        self.unsettled = (
            f"SELECT j.key, e.seq IS NOT NULL FROM json_each(?) j {unsettled}"
            if self.sqlite
            else f"SELECT j.key, e.seq IS NOT NULL FROM unnest(%s::text[], %s::bigint[]) AS j(key, value) {unsettled}"
        )
        self.compared = (
            f"SELECT external_id, seq, created_at, source_version, origin, {', '.join(COMPARED_COLUMNS)} "
            f"FROM events WHERE external_id {in_list}"
        )
        self.taken = f"SELECT seq FROM events WHERE seq {in_list}"
        self.bump = f"UPDATE events SET source_version = {p} WHERE seq = {p}"
        self.delete = tuple(
            f"DELETE FROM {table} WHERE {column} {in_list}"
            for table, column in (("event_actors", "event_seq"), ("event_places", "event_seq"), ("excerpts", "event_seq"), ("events", "seq"))
        )  # fmt: skip
        self.copy = self._copies(p)

    def _copies(self, p: str) -> tuple[str, ...]:
        """Stage -> events (parameters: origin, now, now), excerpts, actor links (``ROLES``), places; in key order."""
        # SQLite: a statement that may fail part way keeps a journal of every page it changes, to undo just
        # itself; OR ROLLBACK ends the whole transaction instead, which is what a failed import does anyway.
        insert = "INSERT OR ROLLBACK" if self.sqlite else "INSERT"
        role = f"CASE code & 3 WHEN 0 THEN {p} WHEN 1 THEN {p} WHEN 2 THEN {p} ELSE {p} END"
        if self.sqlite:
            first_day, last_day, created_at = "first_day", "last_day", "created_at"
            links = f"SELECT seq, code >> 16, (code >> 2) & 16383, {role} FROM (SELECT s.seq, j.value AS code FROM {STAGE} s, json_each(s.links) j)"
        else:
            first_day, last_day, created_at = "first_day::date", "last_day::date", "created_at::timestamp"
            links = (
                f"SELECT seq, code >> 16, (code >> 2) & 16383, {role} FROM (SELECT s.seq, j.value::bigint AS code "
                f"FROM {STAGE} s CROSS JOIN LATERAL jsonb_array_elements_text(s.links::jsonb) AS j(value)) AS links"
            )
        return (
            f"{insert} INTO events ({_EVENT_COLUMNS}) SELECT seq, id, NULL, external_id, {p}, date, {first_day}, "
            f"{last_day}, precision, title, type, sub_event_type, '', 'explicit', 'fact', NULL, location, latitude, "
            f"longitude, fatalities, sources, search_text, coalesce({created_at}, {p}), {p}, source_version "
            f"FROM {STAGE} ORDER BY seq",
            f'{insert} INTO excerpts (event_seq, document_id, position, start, "end", text) '
            f"SELECT seq, NULL, 0, 0, notes_end, notes FROM {STAGE} WHERE notes <> '' ORDER BY seq",
            f"{insert} INTO event_actors (event_seq, actor_id, position, role) {links}",
            f"{insert} INTO event_places (event_seq, place, position) SELECT seq, place0, 0 FROM {STAGE} "
            f"WHERE place0 IS NOT NULL UNION ALL SELECT seq, place1, 1 FROM {STAGE} WHERE place1 IS NOT NULL",
        )

    def stamps(self, stamps: dict[str, int | None]) -> tuple[Any, ...]:
        """The parameters of ``unsettled``: a JSON object on SQLite, two arrays on PostgreSQL."""
        return (json.dumps(stamps),) if self.sqlite else (list(stamps), list(stamps.values()))

    def many(self, values: Sequence[Any]) -> Any:
        """A list of keys as the single parameter of an ``IN`` above."""
        return json.dumps(list(values)) if self.sqlite else list(values)


_TRIGGERS = ("events_fts_insert", "events_fts_delete", "events_fts_update")
FTS_HASH_SIZE = 64 * 1024 * 1024  # FTS5 flushes pending terms at this size (default 1 MB): fewer, larger segments
_FTS_DEFAULT_HASH_SIZE = 1024 * 1024


class FullText:
    """SQLite's FTS5 index during a bulk load: its triggers are set aside while events are written.

    Row by row, the triggers make FTS5 flush a segment per statement and merge
    them; instead the rows this load writes are indexed in one statement at the
    end (``resume``): a ``rebuild`` when the events table was empty before the
    load, else an insert of the rows whose ``updated_at`` is the load's. Rows
    deleted meanwhile that were indexed before the load leave the index first
    (``forget``). Everything happens in the load's transaction, so a failed load
    rolls the triggers back in place. On PostgreSQL (a generated column) it does nothing.
    """

    def __init__(self, cur: Any, statements: Statements, *, empty: bool, now: Any) -> None:
        self.cur, self.sql, self.empty, self.now = cur, statements, empty, now
        self.saved: list[tuple[str, str]] | None = None

    def suspend(self) -> None:
        if self.saved is not None or not self.sql.sqlite:
            return
        marks = ", ".join("?" * len(_TRIGGERS))
        self.cur.execute(f"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ({marks})", _TRIGGERS)
        self.saved = self.cur.fetchall()
        for name, _ in self.saved:
            self.cur.execute(f'DROP TRIGGER "{name}"')

    def forget(self, seqs: Any) -> None:
        """Take these events (``Statements.many``) out of the index before they are deleted."""
        if self.saved and not self.empty:
            self.cur.execute(
                "INSERT INTO events_fts(events_fts, rowid, search_text) SELECT 'delete', seq, search_text FROM events "
                "WHERE seq IN (SELECT value FROM json_each(?)) AND updated_at <> ?",
                (seqs, self.now),
            )

    def resume(self) -> None:
        if not self.saved:
            return
        for _, sql in self.saved:
            self.cur.execute(sql)
        self._hash_size(FTS_HASH_SIZE)
        if self.empty:
            self.cur.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
        else:
            self.cur.execute(
                "INSERT INTO events_fts(rowid, search_text) SELECT seq, search_text FROM events WHERE updated_at = ? ORDER BY seq",
                (self.now,),
            )
        self._hash_size(_FTS_DEFAULT_HASH_SIZE)
        self.saved = None

    def _hash_size(self, size: int) -> None:
        self.cur.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', ?)", (size,))
