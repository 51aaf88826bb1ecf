"""A time limit on the statements of one block of work, on SQLite and on PostgreSQL.

Counting facets live for a broad filter over a million events can take seconds;
rather than keep a reader waiting, the overview gives up after a budget and
asks for a narrower filter. SQLite checks a deadline from its progress handler
(every few thousand virtual-machine steps); PostgreSQL gets a transaction-local
``statement_timeout``. Either way the interrupted statement raises
``OutOfTime`` and the connection is left as it was found.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

SQLITE_STEPS = 1_000  # VM steps between deadline checks: ~microseconds of work, a cheap check


class OutOfTime(RuntimeError):
    """The work did not finish within its time limit."""


@contextmanager
def time_limit(session: Session, seconds: float) -> Iterator[None]:
    """Run the block's statements with ``seconds`` to finish them all (SQLite) or each (PostgreSQL)."""
    limit = _sqlite_limit if session.get_bind().dialect.name == "sqlite" else _postgres_limit
    try:
        with limit(session, seconds):
            yield
    except OperationalError as exc:
        if _interrupted(exc):
            raise OutOfTime(f"gave up after {seconds:g} s") from exc
        raise


def _interrupted(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


@contextmanager
def _sqlite_limit(session: Session, seconds: float) -> Iterator[None]:
    driver: Any = session.connection().connection.driver_connection
    deadline = time.monotonic() + seconds
    driver.set_progress_handler(lambda: int(time.monotonic() > deadline), SQLITE_STEPS)
    try:
        yield
    finally:
        driver.set_progress_handler(None, 0)


@contextmanager
def _postgres_limit(session: Session, seconds: float) -> Iterator[None]:
    setting = func.set_config("statement_timeout", f"{int(seconds * 1000)}", True)
    previous = session.scalar(select(func.current_setting("statement_timeout")))
    session.execute(select(setting))
    yield
    # Only reached when nothing failed: after a cancelled statement the transaction must be rolled
    # back, and the transaction-local setting goes with it.
    session.execute(select(func.set_config("statement_timeout", previous, True)))
