"""Full-text search: the one place that knows how each database does it.

User input never reaches the search engine's syntax: it is cut into word
tokens, and each token is passed quoted (FTS5) or as a plain lexeme
(PostgreSQL), always as a bound parameter. All tokens must match.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, bindparam, column, func, literal_column, select, table

from app import models

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TOKENS = 12

T = TypeVar("T", bound=tuple[Any, ...])
_fts = table("events_fts", column("rowid"), column("events_fts"))


def tokens(q: str | None) -> list[str]:
    return _TOKEN.findall(q or "")[:MAX_TOKENS]


def fts5_expression(words: list[str]) -> str:
    """An FTS5 query matching every word (each quoted, so no operator can slip in)."""
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def _fts_match(words: list[str]) -> ColumnElement[bool]:
    return literal_column("events_fts").op("MATCH")(bindparam("fts_query", fts5_expression(words)))


def driven_by_index(stmt: Select[T], dialect: str, q: str | None) -> tuple[Select[T], ColumnElement[int]]:
    """``stmt`` restricted to events matching ``q``, and the column to order and page it by.

    On SQLite the full-text index drives the query: joined on its rowid (which
    is ``events.seq``) and ordered by it, FTS5 yields matches already in
    timeline order, so a page of a term found in most events reads one page of
    matches instead of collecting all of them. Elsewhere it is a plain condition.
    """
    words = tokens(q)
    if not words:
        return stmt, models.Event.seq
    if dialect != "sqlite":
        condition = match_condition(dialect, q)
        return (stmt if condition is None else stmt.where(condition)), models.Event.seq
    joined = stmt.join(_fts, _fts.c.rowid == models.Event.seq).where(_fts_match(words))
    return joined, _fts.c.rowid


def match_condition(dialect: str, q: str | None) -> ColumnElement[bool] | None:
    """A condition on events that holds where every word of ``q`` occurs; None for no words."""
    words = tokens(q)
    if not words:
        return None
    if dialect == "postgresql":
        query = func.plainto_tsquery("simple", bindparam("fts_query", " ".join(words)))
        return literal_column("events.search_vector").op("@@")(query)
    return models.Event.seq.in_(select(_fts.c.rowid).where(_fts_match(words)))
