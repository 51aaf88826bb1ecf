"""The timeline's list queries walk an index in timeline order: no full scan of
the events table and no sort of the matching rows, whatever the filter (SQLite's
plans; PostgreSQL chooses its own)."""

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app import models, store
from app.query import Cursor, parse_query
from tests.factories import daily_events

CANONICAL = {
    "none": [],
    "one actor": [("actor", "alphaland")],
    "one month": [("from", "2021-02-01"), ("to", "2021-02-28")],
    "one type": [("type", "Strategic developments")],
    "actor and month": [("actor", "alphaland"), ("from", "2021-02-01"), ("to", "2021-02-28")],
    "text": [("q", "hill")],
    "text and type": [("q", "hill"), ("type", "Strategic developments")],
    "text, newest first": [("q", "took hill"), ("sort", "desc")],
    "newest first": [("sort", "desc")],
    "deep cursor": [("cursor", Cursor((738000 << 32) + 5).encode())],
}


def plan(session: Session, pairs: list[tuple[str, str]]) -> str:
    query = parse_query(pairs)
    stmt = store.timeline_select(select(models.Event.seq), query, dialect="sqlite").limit(51)
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    return " | ".join(row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))


@pytest.mark.parametrize("name", CANONICAL)
def test_list_queries_use_an_index_in_timeline_order(factory: sessionmaker[Session], name: str) -> None:
    daily_events(factory, 40)
    with factory() as session:
        if session.get_bind().dialect.name != "sqlite":
            pytest.skip("query plans are asserted on SQLite, the embedded default")
        session.execute(text("ANALYZE"))
        found = plan(session, CANONICAL[name])
    assert "SCAN events " not in found + " ", found
    assert "TEMP B-TREE" not in found, found



def test_events_running_into_a_range_are_found_in_the_index_of_multi_day_events(factory: sessionmaker[Session]) -> None:
    daily_events(factory, 40)
    with factory() as session:
        if session.get_bind().dialect.name != "sqlite":
            pytest.skip("query plans are asserted on SQLite, the embedded default")
        session.execute(text("ANALYZE"))
        stmt = store.overlap_probe(dt.date(2021, 2, 1), store.LONGEST_EVENT_DAYS).limit(1001)
        sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
        found = " | ".join(row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "ix_events_spans" in found, found


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        ("SELECT seq FROM events WHERE document_id = 'd1' ORDER BY seq", "ix_events_document_id"),
        ("SELECT event_seq FROM excerpts WHERE document_id IN ('d1', 'd2')", "ix_excerpts_document_id"),
        ("SELECT text FROM excerpts WHERE event_seq = 5", "sqlite_autoindex_excerpts_1"),
    ],
)
def test_lookups_by_document_or_event_use_the_lean_indexes(factory: sessionmaker[Session], sql: str, index: str) -> None:
    """The document indexes are partial (rows without a document are left out) and the excerpts' unique
    (event_seq, position) index serves lookups by event: each lookup still searches an index."""
    daily_events(factory, 40)
    with factory() as session:
        if session.get_bind().dialect.name != "sqlite":
            pytest.skip("query plans are asserted on SQLite, the embedded default")
        session.execute(text("ANALYZE"))
        found = " | ".join(row[3] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "SEARCH" in found and index in found, found
