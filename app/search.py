"""Full-text search: the one place that knows how each database does it.

User input never reaches the search engine's syntax: it is cut into word
tokens, and each token is passed quoted (FTS5) or as a plain lexeme
(PostgreSQL), always as a bound parameter. All tokens must match.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, bindparam, column, func, literal_column, select, table

from app import models

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TOKENS = 12

_fts = table("events_fts", column("rowid"), column("events_fts"))


def tokens(q: str | None) -> list[str]:
    return _TOKEN.findall(q or "")[:MAX_TOKENS]


def fts5_expression(words: list[str]) -> str:
    """An FTS5 query matching every word (each quoted, so no operator can slip in)."""
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def match_condition(dialect: str, q: str | None) -> ColumnElement[bool] | None:
    """A condition on events that holds where every word of ``q`` occurs; None for no words."""
    words = tokens(q)
    if not words:
        return None
    if dialect == "postgresql":
        query = func.plainto_tsquery("simple", bindparam("fts_query", " ".join(words)))
        return literal_column("events.search_vector").op("@@")(query)
    hits = select(_fts.c.rowid).where(
        literal_column("events_fts").op("MATCH")(bindparam("fts_query", fts5_expression(words)))
    )
    return models.Event.seq.in_(hits)
