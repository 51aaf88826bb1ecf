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

from sqlalchemy import ColumnElement, Integer, Select, and_, delete, distinct, func, insert, literal, literal_column, select, true
from sqlalchemy.orm import Session, sessionmaker

from app import models, store
from app.query import TimelineQuery

DAY, MONTH = 0, 1  # grains: counts per day, and per month (keyed by its first day)
EDGE_LIST = 20_000  # up to this many earlier events running into ``from`` are passed as a key list
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
    return _stamp(session) == _version(session)


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


def _running_parts(last: int | None) -> list[tuple[bool, int | None, int | None]]:
    """(monthly?, from, to) key ranges that cover every day up to ``last`` (None: all) exactly once."""
    if last is None:
        return [(True, None, None)]
    month = _month_start(last + 1)  # the month holding the day after ``last`` is the first one left out
    return [(True, None, month - 1), (False, month, last)]


def _running(session: Session, last: int | None, facets: tuple[str, ...]) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that begin on or before the day ``last`` (None: all)."""
    fc = models.FacetCount
    found: Counter[tuple[str, str]] = Counter()
    for monthly, first_key, last_key in _running_parts(last):
        stmt = select(fc.facet, fc.value, func.sum(fc.n)).where(fc.grain == (MONTH if monthly else DAY), fc.facet.in_(facets))
        stmt = stmt.where(*([fc.day >= first_key] if first_key is not None else []), *([fc.day <= last_key] if last_key is not None else []))
        for facet, value, n in session.execute(stmt.group_by(fc.facet, fc.value)):
            found[(facet, value)] += int(n)
    return found


def _begun_within(session: Session, first: int | None, last: int | None) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that begin on one of the days ``first``..``last``."""
    found = _running(session, last, (ALL, *FACETS))
    if first is not None:
        found.subtract(_running(session, first - 1, (ALL, *FACETS)))
    return found


def _running_into(session: Session, date_from: dt.date) -> Counter[tuple[str, str]]:
    """Events per (facet, value) that began before ``date_from`` and end on or after it, counted live."""
    lookback = store.lookback_days(session, date_from)
    if not lookback:
        return Counter()
    start = store.day_key(date_from - dt.timedelta(days=lookback))
    edge = and_(_E.seq >= start, _E.seq < store.day_key(date_from), _E.last_day >= date_from)
    seqs = list(session.scalars(select(_E.seq).where(edge).limit(EDGE_LIST + 1)))
    if not seqs:
        return Counter()
    listed = len(seqs) <= EDGE_LIST
    keep = (lambda seq: seq.in_(seqs)) if listed else (lambda seq: seq.in_(select(_E.seq).where(edge)))
    found: Counter[tuple[str, str]] = Counter()
    for facet, stmt in _aggregates(keep, by_day=False).items():
        for value, n in session.execute(stmt):
            found[(facet, value if facet != ALL else "")] += n
    return found


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


def refresh(factory: sessionmaker[Session]) -> bool:
    """Rebuild the counts in their own transaction if the data moved since they were stamped."""
    with factory() as session, session.begin():
        if is_current(session):
            return False
        rebuild(session)
        return True
