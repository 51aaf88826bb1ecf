"""Precomputed facet totals answer date-only overviews exactly as live counting would, and never when stale."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from app import counts, facets, models
from app.demo import load_demo
from app.ingest import ingest_paths
from app.query import TimelineQuery
from tests import factories


def _overview(session: Session, query: TimelineQuery) -> tuple[object, object, object]:
    return facets.facets(session, query), facets.histogram(session, query), facets.total(session, query)


def _live(factory: sessionmaker[Session], query: TimelineQuery) -> tuple[object, object, object]:
    """The overview counted from the events themselves (the stamp removed, so the counts are bypassed)."""
    with factory() as session, session.begin():
        session.execute(delete(models.CountStamp))
        assert counts.totals(session, query) is None
        overview = _overview(session, query)
        session.rollback()
    return overview


@pytest.fixture
def loaded(factory: sessionmaker[Session], seed_dir: Path) -> sessionmaker[Session]:
    """Synthetic events of every precision over two years, plus the seed article (a document facet)."""
    load_demo(factories.engine_of(factory), 3000, seed=7)
    ingest_paths(factory, [seed_dir])
    return factory


RANGES = [
    (None, None),
    ("2021-03-01", None),
    (None, "2021-06-30"),
    ("2021-03-14", "2021-03-20"),
    ("2021-02-10", "2021-05-17"),
    ("2021-04-01", "2021-04-30"),
    ("2021-01-31", "2021-03-01"),
    ("2022-03-07", "2022-03-11"),
]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_precomputed_overview_equals_live_counting(loaded: sessionmaker[Session], start: str | None, end: str | None) -> None:
    query = TimelineQuery(
        date_from=dt.date.fromisoformat(start) if start else None, date_to=dt.date.fromisoformat(end) if end else None
    )
    with loaded() as session:
        assert counts.totals(session, query) is not None
        precomputed = _overview(session, query)
    assert precomputed == _live(loaded, query)
    facet_list, histogram, total = precomputed
    assert facet_list and histogram.bars and total.count  # type: ignore[attr-defined]


def test_the_ranges_reach_events_that_began_before_from(loaded: sessionmaker[Session]) -> None:
    with loaded() as session:
        spanning = session.query(models.Event).filter(models.Event.precision == "month").first()
    assert spanning is not None
    query = TimelineQuery(date_from=spanning.first_day + dt.timedelta(days=10), date_to=spanning.last_day)
    with loaded() as session:
        totals = counts.totals(session, query)
    assert totals is not None and totals.per_day[query.date_from] >= 1


def test_other_filters_are_counted_live(loaded: sessionmaker[Session]) -> None:
    with loaded() as session:
        assert counts.totals(session, TimelineQuery(types=("Battles",))) is None
        assert counts.totals(session, TimelineQuery(q="shelling")) is None


def test_a_write_without_a_rebuild_bypasses_the_counts_and_shows_the_new_event(loaded: sessionmaker[Session]) -> None:
    day = dt.date(2030, 5, 5)
    sentence = "Alphan engineers rebuilt the harbour bridge on 5 May 2030."
    factories.store(loaded, "late.txt", factories.make_extraction(sentence, [factories.make_event(sentence, sentence, day)]))
    with loaded() as session:
        assert counts.totals(session, TimelineQuery()) is None
        histogram = facets.histogram(session, TimelineQuery())
    assert histogram.bars[-1].end >= day and histogram.bars[-1].count == 1
    assert counts.refresh(loaded) is True
    assert counts.refresh(loaded) is False
    with loaded() as session:
        assert counts.totals(session, TimelineQuery()) is not None
        assert facets.histogram(session, TimelineQuery()) == histogram


def test_ingesting_documents_leaves_the_counts_current(factory: sessionmaker[Session], seed_dir: Path) -> None:
    ingest_paths(factory, [seed_dir])
    with factory() as session:
        totals = counts.totals(session, TimelineQuery())
    assert totals is not None
    assert sum(totals.facets["type"].values()) == sum(totals.per_day.values()) >= 4


def test_a_facet_whose_other_filters_are_dates_is_read_from_the_counts(loaded: sessionmaker[Session]) -> None:
    with loaded() as session:
        slug = session.scalars(select(models.Actor.slug).order_by(models.Actor.slug)).first()
        kind = session.scalars(select(models.Event.type).order_by(models.Event.type)).first()
    assert slug and kind
    for query in (
        TimelineQuery(actors=(slug,)),
        TimelineQuery(types=(kind,), date_from=dt.date(2021, 3, 14), date_to=dt.date(2021, 5, 2)),
    ):
        with loaded() as session:
            precomputed = _overview(session, query)
            assert counts.totals(session, query) is None  # the query as a whole is counted live
        assert precomputed == _live(loaded, query)


def _single_filters(session: Session) -> list[TimelineQuery]:
    """One query per facet that the counts answer alone: a busy value of each."""
    def busiest(column: object, *joins: object) -> str:
        stmt = select(column).select_from(models.Event).where(column.is_not(None))  # type: ignore[attr-defined]
        for join in joins:
            stmt = stmt.join(*join)  # type: ignore[misc]
        return str(session.scalar(stmt.group_by(column).order_by(func.count().desc()).limit(1)))

    link = (models.EventActor, models.EventActor.event_seq == models.Event.seq)
    actor = (models.Actor, models.Actor.id == models.EventActor.actor_id)
    place = (models.EventPlace, models.EventPlace.event_seq == models.Event.seq)
    return [
        TimelineQuery(types=(busiest(models.Event.type),)),
        TimelineQuery(precisions=("month",)),
        TimelineQuery(actors=(busiest(models.Actor.slug, link, actor),)),
        TimelineQuery(places=(busiest(models.EventPlace.place, place),)),
        TimelineQuery(sides=(busiest(models.Actor.affiliation, link, actor),)),
    ]


@pytest.mark.parametrize(("start", "end"), RANGES[:6])
def test_one_value_of_one_facet_gets_its_histogram_and_total_from_the_counts(
    loaded: sessionmaker[Session], start: str | None, end: str | None
) -> None:
    dates = {"date_from": dt.date.fromisoformat(start) if start else None, "date_to": dt.date.fromisoformat(end) if end else None}
    with loaded() as session:
        queries = [replace(q, **dates) for q in _single_filters(session)]
        precomputed = []
        for query in queries:
            assert counts.per_day(session, query) is not None, query
            precomputed.append((facets.histogram(session, query), facets.total(session, query)))
    with loaded() as session, session.begin():
        session.execute(delete(models.CountStamp))
        live = [(facets.histogram(session, q), facets.total(session, q)) for q in queries]
        session.rollback()
    assert precomputed == live
    assert sum(bool(total.count) for _, total in live) >= 3  # most filters match something in the range


def test_two_filters_or_two_values_are_counted_live(loaded: sessionmaker[Session]) -> None:
    with loaded() as session:
        assert counts.per_day(session, TimelineQuery(types=("Battles", "Riots"))) is None
        assert counts.per_day(session, TimelineQuery(types=("Battles",), precisions=("day",))) is None
        assert counts.per_day(session, TimelineQuery(types=("Battles",), q="shelling")) is None


def test_an_exact_total_past_the_live_cap_is_not_small() -> None:
    big = facets.Total(facets.CAP * 3, False)
    assert big.label == f"{facets.CAP * 3:,}" and not big.small


def _covered_days(parts: list[tuple[bool, int | None, int | None]]) -> list[int]:
    days: list[int] = []
    for monthly, lo, hi in parts:
        assert lo is not None and hi is not None
        if not monthly:
            days += range(lo, hi + 1)
            continue
        start = lo
        while start <= hi:
            assert dt.date.fromordinal(start).day == 1  # month rows are keyed by their first day
            following = (dt.date.fromordinal(start) + dt.timedelta(days=32)).replace(day=1).toordinal()
            days += range(start, following)
            start = following
    return sorted(days)


@pytest.mark.parametrize(
    ("first", "last"),
    [("2021-03-01", "2021-03-31"), ("2021-03-14", "2021-03-20"), ("2021-01-31", "2021-03-01"),
     ("2021-02-10", "2021-05-17"), ("2020-12-01", "2021-02-28"), ("2021-02-28", "2021-03-01"), ("2021-06-30", "2021-06-30")],
)
def test_a_range_is_covered_once_by_whole_months_and_loose_days(first: str, last: str) -> None:
    lo, hi = dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last).toordinal()
    parts = counts._range_parts(lo, hi)
    assert _covered_days(parts) == list(range(lo, hi + 1))
    assert sum(1 for monthly, _, _ in parts if not monthly) <= 2
