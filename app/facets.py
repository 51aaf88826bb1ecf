"""What the current filter adds up to: a capped total, facet counts and a date histogram.

Every count goes through ``store.apply_filters``, so it agrees with the list.
Within a facet, choices combine with OR, across facets with AND: a facet's
counts therefore leave out its own selection, and selected options stay listed
even when nothing matches them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app import counts, models, store
from app.loading import document_title
from app.query import EVENT_TYPES, PRECISIONS, TimelineQuery

CAP = 10_000
FACET_SIZE = 12
Row = tuple[str, str, int]
RowsFunction = Callable[[Session, TimelineQuery, int | None], Iterable[Row]]


@dataclass(frozen=True)
class Total:
    """At most ``CAP`` matches are counted live; past that the label says "10,000+".
    Precomputed counts give the exact number however large."""

    count: int
    capped: bool
    unknown: bool = False
    """Not counted at all (the search ran out of time): reads "Many"."""

    @property
    def label(self) -> str:
        if self.unknown:
            return "Many"
        return f"{CAP:,}+" if self.capped else f"{self.count:,}"

    @property
    def small(self) -> bool:
        return not self.capped and not self.unknown and self.count <= CAP


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    legend: str
    options: tuple[Option, ...]
    more: int = 0
    """How many further options were left out of a long list."""


def total(session: Session, query: TimelineQuery) -> Total:
    """The number of matching events: exact from the precomputed counts where they answer
    (see ``counts.count``), else counting no further than ``CAP + 1`` rows."""
    exact = counts.count(session, query.without_cursor())
    if exact is not None:
        return Total(exact, False)
    matching = store.timeline_select(select(models.Event.seq), query.without_cursor(), **store.planning(session, query))
    n = session.scalar(select(func.count()).select_from(matching.limit(CAP + 1).subquery())) or 0
    return Total(min(n, CAP), n > CAP)


def _matching_seqs(session: Session, query: TimelineQuery, sample: int | None = None) -> Select[tuple[int]]:
    """The keys of the matching events, or with ``sample`` only the first that many in timeline order."""
    if sample is None:
        return store.apply_filters(select(models.Event.seq), query, **store.planning(session, query))
    return store.timeline_select(select(models.Event.seq), query.without_cursor(), **store.planning(session, query)).limit(sample)


def _actor_rows(session: Session, query: TimelineQuery, sample: int | None = None) -> Iterable[Row]:
    link, actor = models.EventActor, models.Actor
    stmt = (
        select(actor.slug, actor.name, func.count(link.event_seq))
        .join(link, link.actor_id == actor.id)
        .where(link.event_seq.in_(_matching_seqs(session, replace(query, actors=()), sample)))
        .group_by(actor.id, actor.slug, actor.name)
    )
    return [(slug, name, n) for slug, name, n in session.execute(stmt)]


def _side_rows(session: Session, query: TimelineQuery, sample: int | None = None) -> Iterable[Row]:
    link, actor = models.EventActor, models.Actor
    stmt = (
        select(actor.affiliation, func.count(func.distinct(link.event_seq)))
        .join(link, link.actor_id == actor.id)
        .where(actor.affiliation.is_not(None), link.event_seq.in_(_matching_seqs(session, replace(query, sides=()), sample)))
        .group_by(actor.affiliation)
    )
    return [(side, side, n) for side, n in session.execute(stmt)]


def _column_rows(column: Any, field: str) -> RowsFunction:
    def rows(session: Session, query: TimelineQuery, sample: int | None = None) -> Iterable[Row]:
        others = replace(query, **{field: ()})
        if sample is None:
            stmt = store.apply_filters(select(column, func.count()), others, **store.planning(session, others))
        else:
            stmt = select(column, func.count()).where(models.Event.seq.in_(_matching_seqs(session, others, sample)))
        return [(value, value, n) for value, n in session.execute(stmt.group_by(column))]

    return rows


def _place_rows(session: Session, query: TimelineQuery, sample: int | None = None) -> Iterable[Row]:
    place = models.EventPlace
    stmt = (
        select(place.place, func.count())
        .where(place.event_seq.in_(_matching_seqs(session, replace(query, places=()), sample)))
        .group_by(place.place)
    )
    return [(name, name, n) for name, n in session.execute(stmt)]


def _document_rows(session: Session, query: TimelineQuery, sample: int | None = None) -> Iterable[Row]:
    doc = models.Document
    stmt = select(doc.id, doc.title, doc.path, func.count()).select_from(models.Event).join(doc, doc.id == models.Event.document_id)
    others = replace(query, documents=())
    if sample is None:
        stmt = store.apply_filters(stmt, others, **store.planning(session, query))
    else:
        stmt = stmt.where(models.Event.seq.in_(_matching_seqs(session, others, sample)))
    rows = session.execute(stmt.group_by(doc.id, doc.title, doc.path))
    return [(id_, document_title(title, path), n) for id_, title, path, n in rows]


def _options(rows: Iterable[Row], selected: tuple[str, ...], order: tuple[str, ...] | None) -> tuple[list[Option], int]:
    """The busiest options (or all, in ``order``), plus every selected one, even at zero."""
    found = {value: Option(value, label, n, value in selected) for value, label, n in rows if n}
    for value in selected:
        found.setdefault(value, Option(value, value, 0, True))
    if order is not None:
        rank = {value: i for i, value in enumerate(order)}
        return sorted(found.values(), key=lambda o: rank.get(o.value, len(rank))), 0
    ranked = sorted(found.values(), key=lambda o: (-o.count, o.label.casefold()))
    shown = [o for i, o in enumerate(ranked) if i < FACET_SIZE or o.selected]
    return shown, len(ranked) - len(shown)


FACETS: tuple[tuple[str, str, str, RowsFunction, tuple[str, ...] | None], ...] = (
    ("actor", "Actors", "actors", _actor_rows, None),
    ("side", "Sides", "sides", _side_rows, None),
    ("type", "Event types", "types", _column_rows(models.Event.type, "types"), EVENT_TYPES),
    ("place", "Places", "places", _place_rows, None),
    ("precision", "Date precision", "precisions", _column_rows(models.Event.precision, "precisions"), PRECISIONS),
    ("document", "Sources", "documents", _document_rows, None),
)


def _precomputed_rows(session: Session, totals: counts.Totals, param: str) -> list[Row]:
    """One facet's rows from precomputed totals, labelled like the live ones."""
    found = totals.facets.get(param, {})
    labels: dict[str, str] = {}
    if param == "actor":
        actor = models.Actor
        labels = dict(session.execute(select(actor.slug, actor.name).where(actor.slug.in_(list(found)))).all())
    elif param == "document":
        doc = models.Document
        rows = session.execute(select(doc.id, doc.title, doc.path).where(doc.id.in_(list(found))))
        labels = {id_: document_title(title, path) for id_, title, path in rows}
    return [(value, labels.get(value, value), n) for value, n in found.items()]


def facets(session: Session, query: TimelineQuery, *, sample: int | None = None) -> tuple[Facet, ...]:
    """Every facet with its counts under the current filter (empty facets left out).

    A facet whose other filters are dates alone (its own selection never
    narrows it) is read from the precomputed counts when they are current.
    With ``sample``, each facet counts only the first that many matching events
    in timeline order: a quick partial answer when counting them all takes too long.
    """
    query = query.without_cursor()
    result = []
    for param, legend, field, rows, order in FACETS:
        selected: tuple[str, ...] = getattr(query, field)
        totals = counts.totals(session, replace(query, **{field: ()})) if sample is None else None
        found = _precomputed_rows(session, totals, param) if totals is not None else rows(session, query, sample)
        options, more = _options(found, selected, order)
        if options:
            result.append(Facet(param, legend, tuple(options), more))
    return tuple(result)


@dataclass(frozen=True)
class Bar:
    start: dt.date
    end: dt.date
    count: int


@dataclass(frozen=True)
class Histogram:
    unit: str
    bars: tuple[Bar, ...]

    @property
    def peak(self) -> int:
        return max((b.count for b in self.bars), default=0)


def _bucket(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        start = day.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _unit(first: dt.date, last: dt.date) -> str:
    span = (last - first).days
    if span <= 62:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month" if span <= 40 * 366 else "year"


def _live_per_day(session: Session, query: TimelineQuery) -> Counter[dt.date]:
    """Matching events per day they begin; those that began before ``from`` count on ``from``."""
    day = models.Event.first_day
    stmt = store.apply_filters(select(day, func.count()), query, **store.planning(session, query)).group_by(day)
    per_day: Counter[dt.date] = Counter()
    for first_day, n in session.execute(stmt):
        first_day = first_day if isinstance(first_day, dt.date) else dt.date.fromisoformat(str(first_day))
        per_day[max(first_day, query.date_from) if query.date_from else first_day] += n
    return per_day


def histogram(session: Session, query: TimelineQuery) -> Histogram:
    """Matching events per day, week or month (chosen by the span), by the day each begins.

    An event that began before ``from`` is counted in the first bar; every
    bucket in the span is present, empty or not, so the axis stays even.
    """
    query = query.without_cursor()
    precomputed = counts.per_day(session, query)
    per_day = +(precomputed if precomputed is not None else _live_per_day(session, query))
    if not per_day:
        return Histogram("day", ())
    unit = _unit(min(per_day), max(per_day))
    counted: Counter[dt.date] = Counter()
    for first_day, n in per_day.items():
        counted[_bucket(first_day, unit)[0]] += n
    bars, cursor = [], min(counted)
    while cursor <= max(counted):
        start, end = _bucket(cursor, unit)
        start = max(start, query.date_from) if query.date_from else start
        end = min(end, query.date_to) if query.date_to else end
        bars.append(Bar(start, end, counted.get(_bucket(cursor, unit)[0], 0)))
        cursor = _bucket(cursor, unit)[1] + dt.timedelta(days=1)
    return Histogram(unit, tuple(bars))
