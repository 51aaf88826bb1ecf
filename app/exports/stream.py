"""Every event a timeline query matches, read in keyset batches for exports.

The export formats never hold more than one batch: each batch is one indexed
range query on ``events.seq`` (after the last key of the previous batch) plus one
query each for the batch's actors, excerpts, places and documents. Rows are plain
tuples (no ORM identity map), so a million-event export runs in constant memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import models, store
from app.loading import document_title, linked
from app.query import Cursor, TimelineQuery

BATCH_SIZE = 1000
Event = models.Event


@dataclass(frozen=True)
class ExportActor:
    slug: str
    name: str
    kind: str
    affiliation: str | None
    role: str | None


@dataclass(frozen=True)
class ExportExcerpt:
    start: int
    end: int
    text: str
    document_id: str | None


@dataclass(frozen=True)
class ExportDocument:
    id: str
    title: str
    url: str | None
    source: str | None
    published: dt.date | None


@dataclass(frozen=True)
class ExportEvent:
    """One event with everything any export format writes."""

    seq: int
    id: str
    external_id: str | None
    origin: str
    date: str
    first_day: dt.date
    last_day: dt.date
    precision: str
    title: str
    type: str
    sub_event_type: str | None
    date_phrase: str
    date_method: str
    modality: str
    claimant: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    sources: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    document_id: str | None
    actors: tuple[ExportActor, ...] = ()
    excerpts: tuple[ExportExcerpt, ...] = ()
    places: tuple[str, ...] = ()
    documents: dict[str, ExportDocument] = field(default_factory=dict)

    @property
    def document(self) -> ExportDocument | None:
        return self.documents.get(self.document_id or "")


_COLUMNS = (
    Event.seq, Event.id, Event.external_id, Event.origin, Event.date, Event.first_day, Event.last_day,
    Event.precision, Event.title, Event.type, Event.sub_event_type, Event.date_phrase, Event.date_method,
    Event.modality, Event.claimant, Event.location, Event.latitude, Event.longitude, Event.fatalities,
    Event.sources, Event.created_at, Event.updated_at, Event.document_id,
)  # fmt: skip


def _event(row: Any) -> ExportEvent:
    values = dict(row._mapping)
    values["sources"] = tuple(s for s in (values["sources"] or "").split("\n") if s)
    return ExportEvent(**values)


def _details(session: Session, events: list[ExportEvent]) -> list[ExportEvent]:
    links = linked(session, [e.seq for e in events])
    doc_ids = {e.document_id for e in events} | {x[3] for rows in links.excerpts.values() for x in rows}
    documents = _documents(session, {d for d in doc_ids if d})
    return [
        replace(
            e,
            actors=tuple(ExportActor(*row) for row in links.actors.get(e.seq, ())),
            excerpts=tuple(ExportExcerpt(*row) for row in links.excerpts.get(e.seq, ())),
            places=tuple(row[0] for row in links.places.get(e.seq, ())),
            documents=documents,
        )
        for e in events
    ]


def _documents(session: Session, ids: set[str]) -> dict[str, ExportDocument]:
    if not ids:
        return {}
    D = models.Document
    stmt = select(D.id, D.title, D.path, D.url, D.source, D.published).where(D.id.in_(ids))
    return {
        row.id: ExportDocument(row.id, document_title(row.title, row.path), row.url, row.source, row.published)
        for row in session.execute(stmt)
    }


def iter_batches(session: Session, query: TimelineQuery, *, batch_size: int = BATCH_SIZE) -> Iterator[list[ExportEvent]]:
    """The query's events in its order, ``batch_size`` at a time (its own cursor is the start)."""
    plan = store.planning(session, query)
    base = select(*_COLUMNS)
    while True:
        rows = session.execute(store.timeline_select(base, query, **plan).limit(batch_size)).all()
        if not rows:
            return
        yield _details(session, [_event(row) for row in rows])
        session.expunge_all()
        if len(rows) < batch_size:
            return
        query = replace(query, cursor=Cursor(rows[-1].seq))


def iter_events(factory: sessionmaker[Session], query: TimelineQuery, *, batch_size: int = BATCH_SIZE) -> Iterator[ExportEvent]:
    """Every event of the query, in its own short-lived session (safe to stream from a response)."""
    with factory() as session:
        for batch in iter_batches(session, query, batch_size=batch_size):
            yield from batch


def load_events(session: Session, condition: Any, *, limit: int | None = None) -> list[ExportEvent]:
    """The events matching a condition on ``events``, in timeline order, with their details."""
    stmt = select(*_COLUMNS).where(condition).order_by(Event.seq)
    rows = session.execute(stmt if limit is None else stmt.limit(limit)).all()
    return _details(session, [_event(row) for row in rows]) if rows else []
