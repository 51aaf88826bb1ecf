"""The only place that builds read queries. Every function takes a session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from app import models
from app.errors import NotFound
from app.query import Cursor, TimelineQuery
from app.views import ActorCount, ActorView, DocumentRef, DocumentView, EventView, ExcerptView, Page

DEFAULT_LIMIT = 50
T = TypeVar("T", bound=tuple[Any, ...])


def _filtered_ids(query: TimelineQuery, *, with_actors: bool = True) -> Select[tuple[str]]:
    """Ids of the events matching ``query``'s filters (cursor ignored)."""
    return _filter(select(models.Event.id), query, with_actors=with_actors)


def _filter(stmt: Select[T], query: TimelineQuery, *, with_actors: bool = True) -> Select[T]:
    """Add ``query``'s filters (not its cursor) to a statement over events."""
    if query.date_from:
        stmt = stmt.where(models.Event.last_day >= query.date_from)
    if query.date_to:
        stmt = stmt.where(models.Event.first_day <= query.date_to)
    if with_actors and query.actors:
        linked = (
            select(models.EventActor.event_id)
            .join(models.Actor, models.Actor.id == models.EventActor.actor_id)
            .where(models.Actor.slug.in_(query.actors))
        )
        stmt = stmt.where(models.Event.id.in_(linked))
    return stmt


def _event_options() -> Sequence[object]:
    return (
        selectinload(models.Event.document),
        selectinload(models.Event.excerpts),
        selectinload(models.Event.actor_links).selectinload(models.EventActor.actor),
    )


def list_events(session: Session, query: TimelineQuery, *, limit: int = DEFAULT_LIMIT) -> Page:
    """One keyset page of the timeline, oldest first."""
    stmt = (
        _filter(select(models.Event), query)
        .order_by(models.Event.first_day, models.Event.id)
        .limit(limit + 1)
        .options(*_event_options())
    )
    if query.cursor:
        key = tuple_(models.Event.first_day, models.Event.id)
        stmt = stmt.where(key > tuple_(query.cursor.first_day, query.cursor.event_id))
    rows = list(session.scalars(stmt))
    events = tuple(_event_view(row) for row in rows[:limit])
    more = len(rows) > limit
    next_cursor = Cursor(events[-1].first_day, events[-1].id).encode() if more and events else None
    return Page(events=events, next_cursor=next_cursor)


def count_events(session: Session, query: TimelineQuery) -> int:
    return session.scalar(select(func.count()).select_from(_filtered_ids(query).subquery())) or 0


def actor_counts(session: Session, query: TimelineQuery) -> tuple[ActorCount, ...]:
    """Every actor with its number of events under the date filter.

    The actor filter itself is left out of the counts (choices within the facet
    combine with OR), and selected actors stay listed even at zero.
    """
    matching = _filtered_ids(query, with_actors=False).subquery()
    count = func.count(models.EventActor.event_id)
    stmt = (
        select(models.Actor, count)
        .outerjoin(
            models.EventActor,
            and_(models.EventActor.actor_id == models.Actor.id, models.EventActor.event_id.in_(select(matching.c.id))),
        )
        .group_by(models.Actor.id)
        .having(or_(count > 0, models.Actor.slug.in_(query.actors)))
        .order_by(count.desc(), models.Actor.name)
    )
    return tuple(ActorCount(_actor_view(actor), n) for actor, n in session.execute(stmt))


def get_event(session: Session, event_id: str) -> EventView:
    row = session.scalar(select(models.Event).where(models.Event.id == event_id).options(*_event_options()))
    if row is None:
        raise NotFound("event", event_id)
    return _event_view(row)


def get_document(session: Session, document_id: str) -> DocumentView:
    doc = session.get(models.Document, document_id)
    if doc is None:
        raise NotFound("document", document_id)
    stmt = (
        select(models.Event)
        .where(models.Event.document_id == document_id)
        .order_by(models.Event.first_day, models.Event.id)
        .options(*_event_options())
    )
    return DocumentView(
        ref=_document_ref(doc),
        text=doc.text,
        body_start=doc.body_start,
        source=doc.source,
        warnings=tuple(w for w in doc.warnings.split("\n") if w),
        events=tuple(_event_view(row) for row in session.scalars(stmt)),
    )


def get_actor(session: Session, slug: str) -> ActorView:
    actor = session.scalar(select(models.Actor).where(models.Actor.slug == slug))
    if actor is None:
        raise NotFound("actor", slug)
    return _actor_view(actor)


def database_answers(session: Session) -> bool:
    return session.scalar(select(1)) == 1


def _actor_view(actor: models.Actor) -> ActorView:
    return ActorView(slug=actor.slug, name=actor.name, kind=actor.kind, affiliation=actor.affiliation)


def _document_ref(doc: models.Document) -> DocumentRef:
    title = doc.title or doc.path.rsplit("/", 1)[-1]
    return DocumentRef(id=doc.id, title=title, path=doc.path, published=doc.published, url=doc.url)


def _event_view(row: models.Event) -> EventView:
    return EventView(
        id=row.id,
        date=row.date,
        first_day=row.first_day,
        last_day=row.last_day,
        precision=row.precision,
        title=row.title,
        type=row.type,
        date_phrase=row.date_phrase,
        date_method=row.date_method,
        modality=row.modality,
        claimant=row.claimant,
        places=tuple(p for p in row.places.split("\n") if p),
        document=_document_ref(row.document),
        actors=tuple(_actor_view(link.actor) for link in row.actor_links),
        excerpts=tuple(ExcerptView(e.start, e.end, e.text) for e in row.excerpts),
    )
