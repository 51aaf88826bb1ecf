"""A time limit stops a long statement on either database and leaves the connection usable."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.budget import OutOfTime, time_limit

# Counts to ten million one row at a time: seconds of work on either database.
SLOW = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) SELECT count(*) FROM c")
QUICK = text("SELECT 1 + 1")


def test_a_statement_past_its_limit_is_stopped_early(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        started = time.monotonic()
        with pytest.raises(OutOfTime), time_limit(session, 0.05):
            session.execute(SLOW)
        assert time.monotonic() - started < 1.0
        session.rollback()
        assert session.scalar(QUICK) == 2
        started = time.monotonic()
        session.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c"))
        assert time.monotonic() - started < 5.0


def test_work_within_the_limit_is_untouched_and_the_limit_goes_away(factory: sessionmaker[Session]) -> None:
    longer = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) FROM c")
    with factory() as session:
        with time_limit(session, 0.05):
            assert session.scalar(QUICK) == 2
        started = time.monotonic()
        assert session.scalar(longer) == 2000000
        assert time.monotonic() - started > 0.05  # it ran past the old limit, which no longer applies


def test_the_limit_covers_the_whole_block_not_each_statement(factory: sessionmaker[Session]) -> None:
    step = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 150000) SELECT count(*) FROM c")
    with factory() as session:
        started = time.monotonic()
        with pytest.raises(OutOfTime), time_limit(session, 0.2):
            for _ in range(200):
                session.execute(step)
        assert time.monotonic() - started < 2.0
