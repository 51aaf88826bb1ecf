"""A time limit on the statements of one block of work, on SQLite and on PostgreSQL.

Counting facets live for a broad filter over a million events can take seconds;
rather than keep a reader waiting, the overview gives up after a budget and
asks for a narrower filter. SQLite checks a deadline from its progress handler
(every thousand virtual-machine steps); on PostgreSQL a timer cancels the
statement running at the deadline and no statement starts after it. Either way
the block raises ``OutOfTime``; the session must then be rolled back (closing
it does).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

SQLITE_STEPS = 1_000  # VM steps between deadline checks: ~microseconds of work, a cheap check


class OutOfTime(RuntimeError):
    """The work did not finish within its time limit."""


@contextmanager
def time_limit(session: Session, seconds: float) -> Iterator[None]:
    """Run the block's statements with ``seconds`` to finish them all."""
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
    connection = session.connection()
    driver: Any = connection.connection.driver_connection
    deadline = time.monotonic() + seconds
    lock, inside = threading.Lock(), [True]

    def refuse_late_statements(*_: Any) -> None:
        if time.monotonic() > deadline:
            raise OutOfTime(f"gave up after {seconds:g} s")

    def cancel_running() -> None:
        with lock:
            if inside[0]:  # never cancel a statement that runs after the block
                driver.cancel_safe()

    timer = threading.Timer(seconds, cancel_running)
    event.listen(connection, "before_cursor_execute", refuse_late_statements)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            inside[0] = False
        event.remove(connection, "before_cursor_execute", refuse_late_statements)
