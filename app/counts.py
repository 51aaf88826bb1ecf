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
or after ``from`` (as in the list). So every count is a difference of two
running totals: the events that begin by ``to`` minus those that ended before
``from`` (an event that ended before ``from`` began before it too). Counts are
kept both by the day events begin and by the day they end, and a running total
is read as whole months plus the loose days of the last one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, delete, distinct, func, insert, literal, literal_column, select
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.query import TimelineQuery

FIRST_DAY, FIRST_MONTH, LAST_DAY, LAST_MONTH = 0, 1, 2, 3  # grains: keyed by the day events begin / end
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


def _aggregates(where: Any, day: Any) -> dict[str, Select[Any]]:
    """day, value, count per facet for the events meeting ``where``, grouped by ``day``."""

    def grouped(value: Any, count: Any, *joins: tuple[Any, Any]) -> Select[Any]:
        stmt = select(day.label("day"), value.label("value"), count.label("n")).select_from(_E)
        for table, on in joins:
            stmt = stmt.join(table, on)
        return stmt.where(where).group_by(day, *([] if value is _NO_VALUE else [value]))

    actor_join = (_L, _L.event_seq == _E.seq), (_A, _A.id == _L.actor_id)
    return {
        ALL: grouped(_NO_VALUE, func.count()),
        "type": grouped(_E.type, func.count()),
        "precision": grouped(_E.precision, func.count()),
        "document": grouped(_E.document_id, func.count()).where(_E.document_id.is_not(None)),
        "actor": grouped(_A.slug, func.count(), *actor_join),
        "side": grouped(_A.affiliation, func.count(distinct(_E.seq)), *actor_join).where(_A.affiliation.is_not(None)),
        "place": grouped(_P.place, func.count(), (_P, _P.event_seq == _E.seq)),
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
    return _stamp(session) == _version(session)


def _month_start(ordinal: int) -> int:
    return dt.date.fromordinal(ordinal).replace(day=1).toordinal()


# Day ordinals (``date.toordinal()``) in SQL: dates to ordinals, and an ordinal to its month's first day.
_SQLITE_ORDINAL = "CAST(julianday({}) - 1721424.5 AS INTEGER)"
_SQLITE_MONTH = "CAST(julianday(date({} + 1721424.5, 'start of month')) - 1721424.5 AS INTEGER)"
_PG_ORDINAL = "(({}) - DATE '0001-01-01' + 1)"
_PG_MONTH = "(date_trunc('month', DATE '0001-01-01' + ({} - 1))::date - DATE '0001-01-01' + 1)"


def _ordinal_sql(dialect: str, column: str, month: bool = False) -> Any:
    if dialect == "sqlite":
        template = _SQLITE_MONTH if month else _SQLITE_ORDINAL
    else:
        template = _PG_MONTH if month else _PG_ORDINAL
    return literal_column(template.format(column), Integer)


def _insert_counts(session: Session, grain: int, day: Any, where: Any = None) -> None:
    """Insert every facet's counts at ``grain``, grouped by the day expression ``day``."""
    fc = models.FacetCount
    for facet, stmt in _aggregates(and_(True) if where is None else where, day).items():
        rows = stmt.add_columns(literal(grain).label("grain"), literal(facet).label("facet"))
        session.execute(insert(fc).from_select(["day", "value", "n", "grain", "facet"], rows))


def _insert_months(session: Session, dialect: str, day_grain: int, month_grain: int) -> None:
    fc = models.FacetCount
    month = _ordinal_sql(dialect, "facet_counts.day", month=True)
    rows = (
        select(literal(month_grain).label("grain"), fc.facet, month.label("day"), fc.value, func.sum(fc.n))
        .where(fc.grain == day_grain)
        .group_by(fc.facet, month, fc.value)
    )
    session.execute(insert(fc).from_select(["grain", "facet", "day", "value", "n"], rows))


def rebuild(session: Session) -> None:
    """Count everything again and stamp the current data version (inside the caller's transaction)."""
    dialect = session.get_bind().dialect.name
    session.execute(delete(models.FacetCount))
    _insert_counts(session, FIRST_DAY, _day(_E.seq))
    _insert_counts(session, LAST_DAY, _ordinal_sql(dialect, "events.last_day"))
    _insert_months(session, dialect, FIRST_DAY, FIRST_MONTH)
    _insert_months(session, dialect, LAST_DAY, LAST_MONTH)
    events_version, documents_version = _version(session)
    stamp = session.get(models.CountStamp, 1) or models.CountStamp(id=1)
    stamp.events_version, stamp.documents_version = events_version, documents_version
    session.add(stamp)
    session.flush()


def answerable(query: TimelineQuery) -> bool:
    """Whether precomputed counts can answer ``query``: no filter but dates."""
    return replace(query, date_from=None, date_to=None, cursor=None, sort="asc") == TimelineQuery()


def _running_parts(last: int | None) -> list[tuple[bool, int | None, int | None]]:
    """(monthly?, from, to) key ranges that cover every day up to ``last`` (None: all) exactly once."""
    if last is None:
        return [(True, None, None)]
    month = _month_start(last + 1)  # the month holding the day after ``last`` is the first one left out
    return [(True, None, month - 1), (False, month, last)]


def _running(session: Session, ends: bool, last: int | None, facets: tuple[str, ...]) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that begin (or, with ``ends``, end) on or before the day ``last``."""
    fc = models.FacetCount
    found: Counter[tuple[str, str]] = Counter()
    for monthly, first_key, last_key in _running_parts(last):
        grain = (LAST_MONTH if monthly else LAST_DAY) if ends else (FIRST_MONTH if monthly else FIRST_DAY)
        stmt = select(fc.facet, fc.value, func.sum(fc.n)).where(fc.grain == grain, fc.facet.in_(facets))
        stmt = stmt.where(*([fc.day >= first_key] if first_key is not None else []), *([fc.day <= last_key] if last_key is not None else []))
        for facet, value, n in session.execute(stmt.group_by(fc.facet, fc.value)):
            found[(facet, value)] += int(n)
    return found


def _overlapping(session: Session, first: int | None, last: int | None, facets: tuple[str, ...]) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that overlap the days ``first``..``last``: begun by ``last``, not ended before ``first``."""
    found = _running(session, False, last, facets)
    if first is not None:
        found.subtract(_running(session, True, first - 1, facets))
    return +found


def totals(session: Session, query: TimelineQuery) -> Totals | None:
    """Facet and per-day totals for a date-only ``query`` from the precomputed counts (None if they can't answer).

    Kept on the session, so the facets and the histogram of one request read them once.
    """
    if not answerable(query):
        return None
    memo: dict[TimelineQuery, Totals | None] = session.info.setdefault("counts.totals", {})
    key = query.without_cursor()
    if key not in memo:
        memo[key] = _read_totals(session, query) if is_current(session) else None
    return memo[key]


def _read_totals(session: Session, query: TimelineQuery) -> Totals:
    first = query.date_from.toordinal() if query.date_from else None
    last = query.date_to.toordinal() if query.date_to else None
    facets: dict[str, Counter[str]] = defaultdict(Counter)
    for (facet, value), n in _overlapping(session, first, last, FACETS).items():
        facets[facet][value] = n
    fc = models.FacetCount
    stmt = select(fc.day, fc.n).where(fc.grain == FIRST_DAY, fc.facet == ALL)
    stmt = stmt.where(*([fc.day >= first] if first is not None else []), *([fc.day <= last] if last is not None else []))
    per_day: Counter[dt.date] = Counter({dt.date.fromordinal(day): n for day, n in session.execute(stmt)})
    if first is not None and query.date_from is not None:
        begun_before = _overlapping(session, first, first - 1, (ALL,))
        per_day[query.date_from] += begun_before[(ALL, "")]
    return Totals(dict(facets), per_day)


def refresh(factory: sessionmaker[Session]) -> bool:
    """Rebuild the counts in their own transaction if the data moved since they were stamped."""
    with factory() as session, session.begin():
        if is_current(session):
            return False
        rebuild(session)
        return True
