"""Turning a list of event keys into ``EventView``s with a fixed handful of queries.

Pages of the timeline show 50 events with their actors, places, excerpts and
source documents. Reading them through the ORM builds thousands of objects per
page; these plain Core queries (one per table, keyed by ``seq``) build the views
directly, without the documents' full text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models
from app.views import ActorView, DocumentRef, EventView, ExcerptView

_E = models.Event
_EVENT_COLUMNS = (
    _E.seq, _E.id, _E.date, _E.first_day, _E.last_day, _E.precision, _E.title, _E.type, _E.date_phrase,
    _E.date_method, _E.modality, _E.claimant, _E.document_id, _E.origin, _E.location, _E.latitude,
    _E.longitude, _E.fatalities, _E.sources, _E.updated_at,
)  # fmt: skip


def _actors(session: Session, seqs: Sequence[int]) -> dict[int, list[ActorView]]:
    link, actor = models.EventActor, models.Actor
    stmt = (
        select(link.event_seq, actor.slug, actor.name, actor.kind, actor.affiliation)
        .join(actor, actor.id == link.actor_id)
        .where(link.event_seq.in_(seqs))
        .order_by(link.event_seq, link.position)
    )
    found: dict[int, list[ActorView]] = defaultdict(list)
    for seq, slug, name, kind, affiliation in session.execute(stmt):
        found[seq].append(ActorView(slug, name, kind, affiliation))
    return found


def _excerpts(session: Session, seqs: Sequence[int]) -> dict[int, list[ExcerptView]]:
    ex = models.Excerpt
    stmt = select(ex.event_seq, ex.start, ex.end, ex.text).where(ex.event_seq.in_(seqs)).order_by(ex.event_seq, ex.position)
    found: dict[int, list[ExcerptView]] = defaultdict(list)
    for seq, start, end, text in session.execute(stmt):
        found[seq].append(ExcerptView(start, end, text))
    return found


def _places(session: Session, seqs: Sequence[int]) -> dict[int, list[str]]:
    place = models.EventPlace
    stmt = select(place.event_seq, place.place).where(place.event_seq.in_(seqs)).order_by(place.event_seq, place.position)
    found: dict[int, list[str]] = defaultdict(list)
    for seq, name in session.execute(stmt):
        found[seq].append(name)
    return found


def document_title(title: str | None, path: str) -> str:
    return title or path.replace("\\", "/").rsplit("/", 1)[-1]


def _documents(session: Session, ids: set[str]) -> dict[str, DocumentRef]:
    if not ids:
        return {}
    doc = models.Document
    stmt = select(doc.id, doc.title, doc.path, doc.published, doc.url).where(doc.id.in_(ids))
    return {i: DocumentRef(i, document_title(t, p), p, pub, u) for i, t, p, pub, u in session.execute(stmt)}


def load_views(session: Session, seqs: Sequence[int]) -> tuple[EventView, ...]:
    """The events with these keys, as views, in the order given."""
    if not seqs:
        return ()
    rows = {row.seq: row for row in session.execute(select(*_EVENT_COLUMNS).where(_E.seq.in_(seqs)))}
    actors, excerpts, places = _actors(session, seqs), _excerpts(session, seqs), _places(session, seqs)
    documents = _documents(session, {r.document_id for r in rows.values() if r.document_id})
    return tuple(
        EventView(
            id=r.id, seq=r.seq, date=r.date, first_day=r.first_day, last_day=r.last_day, precision=r.precision,
            title=r.title, type=r.type, date_phrase=r.date_phrase, date_method=r.date_method, modality=r.modality,
            claimant=r.claimant, places=tuple(places.get(s, ())),
            document=documents.get(r.document_id) if r.document_id else None,
            actors=tuple(actors.get(s, ())), excerpts=tuple(excerpts.get(s, ())), origin=r.origin,
            location=r.location, latitude=r.latitude, longitude=r.longitude, fatalities=r.fatalities,
            sources=tuple(x for x in r.sources.split("\n") if x), updated_at=r.updated_at,
        )  # fmt: skip
        for s in seqs
        if (r := rows.get(s)) is not None
    )
