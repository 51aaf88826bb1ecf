"""Precomputed facet totals, so an unfiltered or date-only overview reads a few thousand rows.

Counting a million events by actor, place or side takes seconds whatever the
index. ``rebuild`` stores, for every day and every month, how many events begin
then with each facet value (``models.FacetCount``) and stamps the data version
it counted (the newest ``events.updated_at`` and ``documents.ingested_at``,
which every write moves). ``totals`` answers from them only when the query
filters by dates alone and the stamp matches the data; otherwise it returns
None and the caller counts live. Stale counts are therefore never shown: a write
that is not followed by a rebuild only makes the overview slower until the next
one (``dateline serve`` and the write commands rebuild).

An event matches ``from``..``to`` when it begins on or before ``to`` and ends on
or after ``from`` (as in the list). The counts answer for the events that begin
in the range (a difference of two running totals, each read as whole months
plus the loose days of the last one); the few that began earlier and run into
``from`` (week, month or year precision) are found by one key-range probe and
counted live.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, delete, distinct, func, insert, literal, literal_column, select, true
from sqlalchemy.orm import Session, sessionmaker

from app import db, models, store
from app.query import TimelineQuery

DAY, MONTH = 0, 1  # grains: counts per day, and per month (keyed by its first day)
ALL = "all"
FACETS = ("actor", "side", "type", "place", "precision", "document")
_NO_VALUE = literal_column("''")  # the "all" facet has one value and is not grouped by it
_E, _L, _A, _P = models.Event, models.EventActor, models.Actor, models.EventPlace


@dataclass(frozen=True)
class Totals:
    """Events per facet value, and per day (``facets["all"]`` is not kept: ``per_day`` holds it)."""

    facets: dict[str, Counter[str]]
    per_day: Counter[dt.date]


def _day(seq: Any) -> ColumnElement[int]:
    """The day an event begins (the high bits of its key), written inline so GROUP BY matches it."""
    return seq.op(">>")(literal_column("32"))


def _aggregates(keep: Callable[[Any], Any], by_day: bool) -> dict[str, Select[Any]]:
    """(day,) value, count per facet for the events whose key passes ``keep``.

    Links are counted from their own tables (whose indexes lead with the value,
    then the key), never by visiting each event.
    """

    def grouped(seq: Any, value: Any, count: Any, *joins: tuple[Any, Any]) -> Select[Any]:
        day = [_day(seq)] if by_day else []
        stmt = select(*(d.label("day") for d in day), value.label("value"), count.label("n")).select_from(seq.table)
        for table, on in joins:
            stmt = stmt.join(table, on)
        return stmt.where(keep(seq)).group_by(*([] if value is _NO_VALUE else [value]), *day)

    actor = (_A, _A.id == _L.actor_id)
    return {
        ALL: grouped(_E.seq, _NO_VALUE, func.count()),
        "type": grouped(_E.seq, _E.type, func.count()),
        "precision": grouped(_E.seq, _E.precision, func.count()),
        "document": grouped(_E.seq, _E.document_id, func.count()).where(_E.document_id.is_not(None)),
        "actor": grouped(_L.event_seq, _A.slug, func.count(), actor),
        "side": grouped(_L.event_seq, _A.affiliation, func.count(distinct(_L.event_seq)), actor).where(
            _A.affiliation.is_not(None)
        ),
        "place": grouped(_P.event_seq, _P.place, func.count()),
    }


def version_statement() -> Select[tuple[Any, Any]]:
    """The data version: the newest event update and document ingest (every write moves one)."""
    events = select(func.max(_E.updated_at)).scalar_subquery()
    documents = select(func.max(models.Document.ingested_at)).scalar_subquery()
    return select(events, documents)


def _version(session: Session) -> tuple[Any, Any]:
    row = session.execute(version_statement()).one()
    return row[0], row[1]


def _stamp(session: Session) -> tuple[Any, Any] | None:
    row = session.get(models.CountStamp, 1)
    return None if row is None else (row.events_version, row.documents_version)


def is_current(session: Session) -> bool:
    """Whether the counts were stamped with the data's current version (asked once per transaction)."""
    memo = db.memo(session, "counts.is_current")
    if "current" not in memo:
        memo["current"] = _stamp(session) == _version(session)
    return bool(memo["current"])


def _month_start(ordinal: int) -> int:
    return dt.date.fromordinal(ordinal).replace(day=1).toordinal()


# A day ordinal (``date.toordinal()``) to the ordinal of its month's first day, in SQL.
_MONTH_SQL = {
    "sqlite": "CAST(julianday(date({} + 1721424.5, 'start of month')) - 1721424.5 AS INTEGER)",
    "postgresql": "(date_trunc('month', DATE '0001-01-01' + ({} - 1))::date - DATE '0001-01-01' + 1)",
}


def rebuild(session: Session) -> None:
    """Count everything again and stamp the current data version (inside the caller's transaction)."""
    fc = models.FacetCount
    session.execute(delete(fc))
    for facet, stmt in _aggregates(lambda _: true(), by_day=True).items():
        rows = stmt.add_columns(literal(DAY).label("grain"), literal(facet).label("facet"))
        session.execute(insert(fc).from_select(["day", "value", "n", "grain", "facet"], rows))
    month = literal_column(_MONTH_SQL[session.get_bind().dialect.name].format("facet_counts.day"), Integer)
    months = select(literal(MONTH), fc.facet, month, fc.value, func.sum(fc.n)).where(fc.grain == DAY)
    session.execute(insert(fc).from_select(["grain", "facet", "day", "value", "n"], months.group_by(fc.facet, month, fc.value)))
    events_version, documents_version = _version(session)
    stamp = session.get(models.CountStamp, 1) or models.CountStamp(id=1)
    stamp.events_version, stamp.documents_version = events_version, documents_version
    session.add(stamp)
    session.flush()


def answerable(query: TimelineQuery) -> bool:
    """Whether precomputed counts can answer ``query``: no filter but dates."""
    return replace(query, date_from=None, date_to=None, cursor=None, sort="asc") == TimelineQuery()


def _next_month_start(ordinal: int) -> int:
    start = dt.date.fromordinal(ordinal).replace(day=1)
    return (start + dt.timedelta(days=32)).replace(day=1).toordinal()


def _range_parts(first: int | None, last: int | None) -> list[tuple[bool, int | None, int | None]]:
    """(monthly?, from, to) key ranges that cover the days ``first``..``last`` (None: open) exactly
    once: the whole months inside by their month rows, the loose days at either end by day rows."""
    months_from = first if first is None or _month_start(first) == first else _next_month_start(first)
    months_to = None if last is None else _month_start(last + 1) - 1  # the last month start wholly inside
    if months_from is not None and months_to is not None and months_from > months_to:
        return [(False, first, last)]
    parts: list[tuple[bool, int | None, int | None]] = [(True, months_from, months_to)]
    if first is not None and months_from is not None and first < months_from:
        parts.append((False, first, months_from - 1))
    if last is not None and months_to is not None and _month_start(last + 1) <= last:
        parts.append((False, _month_start(last + 1), last))
    return parts


def _begun_within(session: Session, first: int | None, last: int | None) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that begin on one of the days ``first``..``last`` (None: open)."""
    fc = models.FacetCount
    found: Counter[tuple[str, str]] = Counter()
    for monthly, lo, hi in _range_parts(first, last):
        stmt = select(fc.facet, fc.value, func.sum(fc.n)).where(fc.grain == (MONTH if monthly else DAY), fc.facet.in_((ALL, *FACETS)))
        stmt = stmt.where(*([fc.day >= lo] if lo is not None else []), *([fc.day <= hi] if hi is not None else []))
        for facet, value, n in session.execute(stmt.group_by(fc.facet, fc.value)):
            found[(facet, value)] += int(n)
    return found


def _running_into(session: Session, date_from: dt.date) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that began before ``date_from`` and end on or after it, counted live."""
    overlap = store.overlap(session, date_from)
    if overlap.first is None:
        return Counter()
    members = select(_E.seq).where(replace(overlap, only=True).lower_bound(date_from))
    found: Counter[tuple[str, str]] = Counter()
    for facet, stmt in _aggregates(lambda seq: seq.in_(members), by_day=False).items():
        for value, n in session.execute(stmt):
            found[(facet, value if facet != ALL else "")] += n
    return found


def totals(session: Session, query: TimelineQuery) -> Totals | None:
    """Facet and per-day totals for a date-only ``query`` from the precomputed counts (None if they can't answer).

    Kept on the session, so the facets and the histogram of one request read them once.
    """
    if not answerable(query):
        return None
    memo = db.memo(session, "counts.totals")
    key = query.without_cursor()
    if key not in memo:
        memo[key] = _read_totals(session, query) if is_current(session) else None
    return memo[key]


def _read_totals(session: Session, query: TimelineQuery) -> Totals:
    first = query.date_from.toordinal() if query.date_from else None
    last = query.date_to.toordinal() if query.date_to else None
    found = _begun_within(session, first, last)
    earlier = _running_into(session, query.date_from) if query.date_from else Counter()
    found.update(earlier)
    facets: dict[str, Counter[str]] = defaultdict(Counter)
    for (facet, value), n in found.items():
        if facet != ALL and n > 0:
            facets[facet][value] = n
    fc = models.FacetCount
    stmt = select(fc.day, fc.n).where(fc.grain == DAY, fc.facet == ALL)
    stmt = stmt.where(*([fc.day >= first] if first is not None else []), *([fc.day <= last] if last is not None else []))
    per_day: Counter[dt.date] = Counter({dt.date.fromordinal(day): n for day, n in session.execute(stmt)})
    if query.date_from is not None and earlier[(ALL, "")]:
        per_day[query.date_from] += earlier[(ALL, "")]
    return Totals(dict(facets), per_day)


# Filters whose single value is a facet value counted per day ("documents" is not: a
# document's filter also matches events it corroborates by an excerpt).
_SINGLE = {"actors": "actor", "types": "type", "places": "place", "precisions": "precision", "sides": "side"}


def _single_value(query: TimelineQuery) -> tuple[str, str] | None:
    """(facet, value) for a query that filters by dates and one value of one facet at most
    (("all", "") for dates alone); None for any other query."""
    chosen = [(field, values) for field in _SINGLE if (values := getattr(query, field))]
    if not chosen:
        return (ALL, "") if answerable(query) else None
    if len(chosen) > 1 or len(chosen[0][1]) > 1:
        return None
    field, (value,) = chosen[0]
    return (_SINGLE[field], value) if answerable(replace(query, **{field: ()})) else None


def per_day(session: Session, query: TimelineQuery) -> Counter[dt.date] | None:
    """Matching events per day they begin (those begun before ``from`` counted on ``from``),
    from the counts, for dates alone or dates and one value of one facet ("one type", "one
    actor"); None for other queries or when the counts are stale."""
    key = _single_value(query)
    if key is None or not is_current(session):
        return None
    facet, value = key
    fc = models.FacetCount
    stmt = select(fc.day, fc.n).where(fc.grain == DAY, fc.facet == facet, fc.value == value)
    if query.date_from:
        stmt = stmt.where(fc.day >= query.date_from.toordinal())
    if query.date_to:
        stmt = stmt.where(fc.day <= query.date_to.toordinal())
    found: Counter[dt.date] = Counter({dt.date.fromordinal(day): n for day, n in session.execute(stmt)})
    if query.date_from is not None and (earlier := _earlier_count(session, query)):
        found[query.date_from] += earlier
    return found


def count(session: Session, query: TimelineQuery) -> int | None:
    """The exact number of matching events from the counts, for the queries ``per_day`` answers."""
    key = _single_value(query)
    if key is None or not is_current(session):
        return None
    fc = models.FacetCount
    first = query.date_from.toordinal() if query.date_from else None
    last = query.date_to.toordinal() if query.date_to else None
    total = 0
    for monthly, lo, hi in _range_parts(first, last):
        stmt = select(func.sum(fc.n)).where(fc.grain == (MONTH if monthly else DAY), fc.facet == key[0], fc.value == key[1])
        stmt = stmt.where(*([fc.day >= lo] if lo is not None else []), *([fc.day <= hi] if hi is not None else []))
        total += int(session.scalar(stmt) or 0)
    return total + (_earlier_count(session, query) if query.date_from else 0)


def _earlier_count(session: Session, query: TimelineQuery) -> int:
    """How many matching events began before ``from`` and run into it (counted live: few)."""
    overlap = store.overlap(session, query.date_from)
    if overlap.first is None:
        return 0
    dialect = session.get_bind().dialect.name
    stmt = store.apply_filters(select(func.count()).select_from(_E), query, dialect=dialect, overlap=replace(overlap, only=True))
    return session.scalar(stmt) or 0


def refresh(factory: sessionmaker[Session]) -> bool:
    """Rebuild the counts in their own transaction if the data moved since they were stamped."""
    with factory() as session, session.begin():
        if is_current(session):
            return False
        rebuild(session)
        return True
