"""The only place that builds read queries. Every function takes a session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import Select, and_, bindparam, case, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from app import corroborate, db, models, search
from app.errors import NotFound
from app.loading import document_title, load_views
from app.query import Cursor, TimelineQuery
from app.views import ActorCount, ActorView, DocumentRef, DocumentView, EventView, Page

DEFAULT_LIMIT = 50
# Date filters are ranges of ``seq`` (whose high bits are the first day), so they
# walk the primary key. An event overlaps ``from`` when it ends on or after it;
# none lasts longer than a year (the coarsest precision), so looking back that
# far finds every one that starts earlier.
LONGEST_EVENT_DAYS = 366
MAX_SEQ = 1 << 62  # above every key: an explicit bound keeps even the first page a key range
T = TypeVar("T", bound=tuple[Any, ...])
UNKNOWN = -1  # no timeline key is negative


@dataclass(frozen=True)
class Overlap:
    """Where the events that begin before a date filter's ``from`` and run into it start.

    ``first`` is the key of the earliest of them (``None``: there is none); the
    default knows nothing and scans back ``days``, the longest an event lasts.
    ``only`` restricts a query to those events, read through the index of
    multi-day events.
    """

    days: int = LONGEST_EVENT_DAYS
    first: int | None = UNKNOWN
    only: bool = False

    def start(self, date_from: dt.date) -> int:
        """The lowest key an event overlapping ``date_from`` can have."""
        if self.first is None:
            return day_key(date_from)
        return day_key(date_from - dt.timedelta(days=self.days)) if self.first == UNKNOWN else self.first

    def lower_bound(self, date_from: dt.date) -> Any:
        """The condition that admits the events overlapping ``date_from`` (those ``only`` begin earlier)."""
        Event = models.Event
        start = Event.seq >= self.start(date_from)
        if self.only:
            return and_(text(models.SPANS_WHERE), start, Event.seq < day_key(date_from), Event.last_day >= date_from)
        return start if self.first is None else and_(start, Event.last_day >= date_from)

    def parts(self) -> tuple[Overlap, Overlap] | None:
        """The earlier-starting events alone, then the rest: two ranges read one after the other."""
        if self.first is None or self.first == UNKNOWN:
            return None
        return replace(self, only=True), replace(self, first=None)


NO_OVERLAP = Overlap(0, None)


def apply_filters(
    stmt: Select[T],
    query: TimelineQuery,
    *,
    dialect: str,
    with_actors: bool = True,
    overlap: Overlap = Overlap(),
) -> Select[T]:
    """Add ``query``'s filters (not its cursor or order) to a statement over events."""
    stmt = _filter_columns(stmt, query, with_actors=with_actors, overlap=overlap)
    matched = search.match_condition(dialect, query.q)
    return stmt if matched is None else stmt.where(matched)


def timeline_select(stmt: Select[T], query: TimelineQuery, *, dialect: str, overlap: Overlap = Overlap()) -> Select[T]:
    """``stmt`` with every filter, ordered and paged by the timeline key (one keyset page, unlimited).

    Searches let the full-text index drive (see ``search.driven_by_index``); a
    single actor lets its links drive, which are stored in timeline order too,
    bounded by the date filter's keys.
    """
    single_actor = len(query.actors) == 1 and not search.tokens(query.q)
    stmt = _filter_columns(stmt, query, with_actors=not single_actor, overlap=overlap)
    if single_actor:
        link = models.EventActor
        actor_id = select(models.Actor.id).where(models.Actor.slug == query.actors[0]).scalar_subquery()
        stmt = stmt.join(link, link.event_seq == models.Event.seq).where(link.actor_id == actor_id)
        stmt = stmt.where(*_key_range(link.event_seq, query, overlap))
        return ordered_page(stmt, query, key=link.event_seq)
    stmt, key = search.driven_by_index(stmt, dialect, query.q)
    return ordered_page(stmt, query, key=key)


def _key_range(key: Any, query: TimelineQuery, overlap: Overlap) -> list[Any]:
    """Bounds on a column equal to ``seq`` that the date filter implies, so an index on it can stop early."""
    bounds = []
    if query.date_from:
        bounds.append(key >= overlap.start(query.date_from))
    last = query.date_from - dt.timedelta(days=1) if query.date_from and overlap.only else query.date_to
    if last:
        bounds.append(key < day_key(last + dt.timedelta(days=1)))
    return bounds


def lookback_days(session: Session, date_from: dt.date | None) -> int:
    """How far before ``date_from`` an event overlapping it can start: the span of the
    coarsest precision found among the events of the year before (one statement, an index probe each)."""
    if date_from is None:
        return 0
    Event = models.Event
    before = (Event.seq >= day_key(date_from - dt.timedelta(days=LONGEST_EVENT_DAYS)), Event.seq < day_key(date_from))
    # Each precision is written into the statement: a plan prepared for any precision
    # would not know that years and months are rare and walk a year of events instead.
    found = [
        (select(Event.seq).where(Event.precision == bindparam(None, precision, literal_execute=True), *before).exists(), span)
        for precision, span in (("year", LONGEST_EVENT_DAYS), ("month", 31), ("week", 7))
    ]
    return session.scalar(select(case(*found, else_=0))) or 0


def overlap(session: Session, date_from: dt.date | None) -> Overlap:
    """Where the events that begin before ``date_from`` and run into it start (two index probes
    at most, made once per session: the list, the total and the histogram of a request share them)."""
    if date_from is None:
        return NO_OVERLAP
    memo = db.memo(session, "store.overlap")
    if date_from not in memo:
        days = lookback_days(session, date_from)
        memo[date_from] = Overlap(days, session.scalar(overlap_probe(date_from, days).limit(1))) if days else NO_OVERLAP
    return memo[date_from]


def overlap_probe(date_from: dt.date, days: int) -> Select[tuple[int]]:
    """The keys of the events that begin in the ``days`` before ``date_from`` and run into it."""
    Event = models.Event
    return (
        select(Event.seq)
        .where(text(models.SPANS_WHERE))
        .where(Event.seq >= day_key(date_from - dt.timedelta(days=days)), Event.seq < day_key(date_from))
        .where(Event.last_day >= date_from)
        .order_by(Event.seq)
    )


def _filter_columns(
    stmt: Select[T], query: TimelineQuery, *, with_actors: bool = True, overlap: Overlap = Overlap()
) -> Select[T]:
    Event = models.Event
    if query.date_from:
        stmt = stmt.where(overlap.lower_bound(query.date_from))
    if query.date_to:
        stmt = stmt.where(Event.seq < day_key(query.date_to + dt.timedelta(days=1)))
    link, place = models.EventActor, models.EventPlace
    if with_actors and query.actors:
        linked = _linked_to(models.Actor.slug.in_(query.actors)).where(*_key_range(link.event_seq, query, overlap))
        stmt = stmt.where(Event.seq.in_(linked))
    if query.sides:
        linked = _linked_to(models.Actor.affiliation.in_(query.sides)).where(*_key_range(link.event_seq, query, overlap))
        stmt = stmt.where(Event.seq.in_(linked))
    if query.places:
        placed = select(place.event_seq).where(place.place.in_(query.places), *_key_range(place.event_seq, query, overlap))
        stmt = stmt.where(Event.seq.in_(placed))
    if query.types:
        stmt = stmt.where(Event.type.in_(query.types))
    if query.precisions:
        stmt = stmt.where(Event.precision.in_(query.precisions))
    if query.documents:
        quoted = select(models.Excerpt.event_seq).where(models.Excerpt.document_id.in_(query.documents))
        stmt = stmt.where(or_(Event.document_id.in_(query.documents), Event.seq.in_(quoted)))
    if query.min_sources:
        stmt = stmt.where(corroborate.min_sources_condition(query.min_sources))
    if query.since:
        stmt = stmt.where(Event.updated_at >= query.since)
    return stmt


def day_key(day: dt.date) -> int:
    """The smallest ``seq`` an event starting on ``day`` can have (see models.sequence_key)."""
    return day.toordinal() << 32


def _linked_to(condition: Any) -> Select[tuple[int]]:
    """The seqs of events with at least one actor meeting ``condition``."""
    return (
        select(models.EventActor.event_seq)
        .join(models.Actor, models.Actor.id == models.EventActor.actor_id)
        .where(condition)
    )


def ordered_page(stmt: Select[T], query: TimelineQuery, *, key: Any = None) -> Select[T]:
    """Order by the timeline key in the query's direction, after its cursor."""
    seq = models.Event.seq if key is None else key
    if query.sort == "desc":
        return stmt.order_by(seq.desc()).where(seq < (query.cursor.seq if query.cursor else MAX_SEQ))
    return stmt.order_by(seq).where(seq > (query.cursor.seq if query.cursor else -1))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def planning(session: Session, query: TimelineQuery) -> dict[str, Any]:
    """What ``timeline_select`` needs to know about the data to choose its index."""
    return {"dialect": _dialect(session), "overlap": overlap(session, query.date_from)}


def list_events(session: Session, query: TimelineQuery, *, limit: int = DEFAULT_LIMIT) -> Page:
    """One keyset page of the timeline."""
    seqs = page_keys(session, query, limit + 1)
    events = load_views(session, seqs[:limit])
    more = len(seqs) > limit
    return Page(events=events, next_cursor=Cursor(events[-1].seq).encode() if more and events else None)


def page_keys(session: Session, query: TimelineQuery, limit: int) -> list[int]:
    """The first ``limit`` timeline keys of ``query``'s page."""
    seqs: list[int] = []
    for stmt in page_selects(query, planning(session, query)):
        seqs += session.scalars(stmt.limit(limit - len(seqs)))
        if len(seqs) >= limit:
            break
    return seqs


def page_selects(query: TimelineQuery, plan: dict[str, Any]) -> list[Select[tuple[int]]]:
    """The statements that read a page's keys, in the order they are read (unlimited).

    Events that begin before ``from`` and run into it are read apart from the
    rest when they are known, so neither read scans the days before ``from``.
    """
    parts = plan["overlap"].parts() if query.date_from else None
    if parts is None:
        return [timeline_select(select(models.Event.seq), query, **plan)]
    ordered = parts if query.sort == "asc" else parts[::-1]
    return [timeline_select(select(models.Event.seq), query, dialect=plan["dialect"], overlap=part) for part in ordered]


@dataclass(frozen=True)
class PageStart:
    """Where the page just before another one starts: ``cursor`` None means the first page."""

    cursor: Cursor | None


@dataclass(frozen=True)
class Neighbour:
    id: str
    title: str


def previous_page(session: Session, query: TimelineQuery, first_seq: int, *, limit: int) -> PageStart | None:
    """The page that ends just before the event ``first_seq`` (None when nothing comes before it).

    Read backwards from ``first_seq`` over the same index, so it costs one more keyset page.
    """
    backwards = replace(query, sort="asc" if query.sort == "desc" else "desc", cursor=Cursor(first_seq))
    seqs = page_keys(session, backwards, limit + 1)
    if not seqs:
        return None
    return PageStart(Cursor(seqs[limit]) if len(seqs) > limit else None)


def neighbours(session: Session, query: TimelineQuery, seq: int) -> tuple[Neighbour | None, Neighbour | None]:
    """The events just before and just after ``seq`` in timeline order, under ``query``'s filters."""
    found: list[Neighbour | None] = []
    for sort in ("desc", "asc"):
        around = replace(query, sort=sort, cursor=Cursor(seq))
        stmt = timeline_select(select(models.Event.id, models.Event.title), around, **planning(session, query))
        row = session.execute(stmt.limit(1)).first()
        found.append(Neighbour(row.id, row.title) if row else None)
    return found[0], found[1]


def count_events(session: Session, query: TimelineQuery) -> int:
    stmt = apply_filters(select(models.Event.seq), query, dialect=_dialect(session))
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def actor_counts(session: Session, query: TimelineQuery) -> tuple[ActorCount, ...]:
    """Every actor with its number of events under the other filters.

    The actor filter itself is left out of the counts (choices within the facet
    combine with OR), and selected actors stay listed even at zero.
    """
    matching = apply_filters(select(models.Event.seq), query, dialect=_dialect(session), with_actors=False)
    count = func.count(models.EventActor.event_seq)
    stmt = (
        select(models.Actor, count)
        .outerjoin(
            models.EventActor,
            and_(models.EventActor.actor_id == models.Actor.id, models.EventActor.event_seq.in_(matching)),
        )
        .group_by(models.Actor.id)
        .having(or_(count > 0, models.Actor.slug.in_(query.actors)))
        .order_by(count.desc(), models.Actor.name)
    )
    return tuple(ActorCount(actor_view(actor), n) for actor, n in session.execute(stmt))


def get_event(session: Session, event_id: str) -> EventView:
    seq = session.scalar(select(models.Event.seq).where(models.Event.id == event_id))
    if seq is None:
        raise NotFound("event", event_id)
    return load_views(session, [seq])[0]


def get_document(session: Session, document_id: str) -> DocumentView:
    doc = session.get(models.Document, document_id)
    if doc is None:
        raise NotFound("document", document_id)
    stmt = select(models.Event.seq).where(models.Event.document_id == document_id).order_by(models.Event.seq)
    return DocumentView(
        ref=document_ref(doc),
        text=doc.text,
        body_start=doc.body_start,
        source=doc.source,
        warnings=tuple(w for w in doc.warnings.split("\n") if w),
        events=load_views(session, list(session.scalars(stmt))),
    )


def get_actor(session: Session, slug: str) -> ActorView:
    actor = session.scalar(select(models.Actor).where(models.Actor.slug == slug))
    if actor is None:
        raise NotFound("actor", slug)
    return actor_view(actor)


@dataclass(frozen=True)
class ActorDetail:
    actor: ActorView
    aliases: tuple[str, ...]
    events: int


def get_actor_detail(session: Session, slug: str) -> ActorDetail:
    """An actor with the names documents used for it and its number of events."""
    actor = session.scalar(select(models.Actor).where(models.Actor.slug == slug).options(selectinload(models.Actor.aliases)))
    if actor is None:
        raise NotFound("actor", slug)
    count = select(func.count()).where(models.EventActor.actor_id == actor.id)
    aliases = sorted({a.alias for a in actor.aliases if a.alias != actor.name}, key=str.casefold)
    return ActorDetail(actor_view(actor), tuple(aliases), session.scalar(count) or 0)


def database_answers(session: Session) -> bool:
    return session.scalar(select(1)) == 1


def actor_view(actor: models.Actor) -> ActorView:
    return ActorView(slug=actor.slug, name=actor.name, kind=actor.kind, affiliation=actor.affiliation)


def document_ref(doc: models.Document) -> DocumentRef:
    title = document_title(doc.title, doc.path)
    return DocumentRef(id=doc.id, title=title, path=doc.path, published=doc.published, url=doc.url)
