"""ACLED rows as the flat tuples the bulk path sorts, spills and stages.

A pending row is a plain tuple (``marshal`` can write it) holding everything its
event, excerpt, actor links and places need; the actor links are one JSON
array per row (see ``link_code``), expanded by the database (``app.bulk_sql``), so the links never
cross the DBAPI one small row at a time. Positions in the tuple are named
below; ``KEY`` orders the rows (see ``sort_key``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from app import models
from app.acled import ROLES, AcledActor, AcledRow
from app.ingest import slugify

# Positions in a pending row; from SEQ on, it is a row of the staging table (``app.bulk_sql``).
KEY, SEQ, EVENT_ID, EXTERNAL_ID = 0, 1, 2, 3
DATE, FIRST_DAY, LAST_DAY, PRECISION, TITLE, TYPE, SUB_EVENT_TYPE = 4, 5, 6, 7, 8, 9, 10
LOCATION, LATITUDE, LONGITUDE, FATALITIES, SOURCES, SEARCH_TEXT = 11, 12, 13, 14, 15, 16
SOURCE_VERSION, CREATED_AT, NOTES, NOTES_END, LINKS, PLACE0, PLACE1 = 17, 18, 19, 20, 21, 22, 23
# What decides whether a stored event differs from a record (``origin`` is compared too).
COMPARED = (DATE, PRECISION, TITLE, TYPE, SUB_EVENT_TYPE, LOCATION, LATITUDE, LONGITUDE, FATALITIES, SOURCES, SEARCH_TEXT)
COMPARED_COLUMNS = (
    "date", "precision", "title", "type", "sub_event_type", "location", "latitude", "longitude", "fatalities",
    "sources", "search_text",
)  # fmt: skip
PLACE_LENGTH = 200


def link_code(actor_id: int, position: int, role: str) -> int:
    """One actor link as one integer (``app.bulk_sql`` takes it apart): the database reads a JSON array of
    integers several times faster than one of ``[id, position, role]`` arrays."""
    if position >= 1 << 14:
        raise ValueError(f"a record with more than {1 << 14} actors")
    return actor_id << 16 | position << 2 | ROLES.index(role)


def sort_key(seq: int, kept: bool, number: int) -> int:
    """Rows sort by timeline key; a replacement keeping its stored key goes first among equals, then the order
    rows were held in (``number``, unique, so tuples never compare past their first item)."""
    return (seq << 1 | (not kept)) << 40 | number


def keeps_key(sort_key: int) -> bool:
    return not sort_key >> 40 & 1


@lru_cache(maxsize=65536)
def actor_slug(name: str) -> str:
    return slugify(name)[:120]


def event_id(namespace: str, external_id: str) -> str:
    return hashlib.sha256(f"{namespace}:{external_id}".encode()).digest()[:8].hex()


@lru_cache(maxsize=16384)
def _iso_days(first: dt.date, last: dt.date) -> tuple[str, str]:
    return first.isoformat(), last.isoformat()


@lru_cache(maxsize=65536)
def _lines(values: tuple[str, ...]) -> str:
    return "\n".join(values)


@lru_cache(maxsize=65536)
def _places(places: tuple[str, ...]) -> tuple[str | None, str | None]:
    first, second, *_ = [*dict.fromkeys(p[:PLACE_LENGTH] for p in places), None, None]  # ACLED gives at most two
    return first, second


class ActorCache:
    """Actor ids by slug (inserting the ones the database lacks), and each actor group's links as JSON.

    An actor stored with kind ``unknown`` gets the first known kind a later record gives it, whichever
    batch that record is in.
    """

    LIMIT = 100_000  # actor groups kept; the cache starts over past it

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.unknown: set[str] = set()  # slugs stored with kind "unknown"
        self.links: dict[tuple[AcledActor, ...], str] = {}

    def resolve(self, conn: Connection, rows: Sequence[AcledRow]) -> None:
        wanted: dict[str, dict[str, str]] = {}
        ids, unknown = self.ids, self.unknown
        for actors in {row.actors for row in rows}:
            for actor in actors:
                slug = actor_slug(actor.name)
                if (slug not in ids or (slug in unknown and actor.kind != "unknown")) and (
                    slug not in wanted or wanted[slug]["kind"] == "unknown"
                ):
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
        actor = models.Actor
        for slug, id_, kind in conn.execute(select(actor.slug, actor.id, actor.kind).where(actor.slug.in_(list(wanted)))):
            ids[slug] = id_
            if kind == "unknown":
                unknown.add(slug)
            else:
                unknown.discard(slug)

    def links_json(self, actors: tuple[AcledActor, ...]) -> str:
        """The actor links as a JSON array of ``link_code``s; an actor whose slug repeats is linked once, at its first position."""
        found = self.links.get(actors)
        if found is None:
            if len(self.links) >= self.LIMIT:
                self.links.clear()
            codes, seen = [], set()
            for position, actor in enumerate(actors):
                actor_id = self.ids[actor_slug(actor.name)]
                if actor_id not in seen:
                    seen.add(actor_id)
                    codes.append(link_code(actor_id, position, actor.role))
            found = self.links[actors] = json.dumps(codes)
        return found


class RowMaker:
    """Builds pending rows for one origin and namespace."""

    def __init__(self, actors: ActorCache, *, namespace: str) -> None:
        self.actors = actors
        self.namespace = namespace
        self.count = 0

    def external_id(self, raw: str) -> str:
        return raw if self.namespace == "acled" else f"{self.namespace}:{raw}"[:64]

    def pending(self, row: AcledRow, kept_seq: int | None = None, created_at: Any = None) -> tuple[Any, ...]:
        """The row as a pending tuple; ``kept_seq``/``created_at`` are a replaced event's, kept."""
        id_ = event_id(self.namespace, row.external_id)
        seq = kept_seq if kept_seq is not None else models.sequence_key(row.first_day, id_)
        self.count += 1
        title, search_text = row.texts()
        first_day, last_day = _iso_days(row.first_day, row.last_day)
        place0, place1 = _places(row.places)
        return (
            sort_key(seq, kept_seq is not None, self.count), seq, id_, self.external_id(row.external_id), row.date,
            first_day, last_day, row.precision, title, row.type, row.sub_event_type,
            row.location, row.latitude, row.longitude, row.fatalities, _lines(row.sources), search_text,
            row.timestamp, created_at, row.notes, len(row.notes), self.actors.links_json(row.actors), place0, place1,
        )  # fmt: skip


def compared(pending: tuple[Any, ...]) -> tuple[Any, ...]:
    """The values ``COMPARED_COLUMNS`` hold for this row."""
    return tuple(pending[i] for i in COMPARED)
