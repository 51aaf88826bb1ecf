"""full-text search over events.search_text

SQLite: an FTS5 table over events (external content, rowid = events.seq) kept
in step by triggers. PostgreSQL: a generated tsvector column with a GIN index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE events_fts USING fts5("
    "search_text, content='events', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO events_fts(rowid, search_text) VALUES (new.seq, new.search_text); END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF search_text ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); "
    "INSERT INTO events_fts(rowid, search_text) VALUES (new.seq, new.search_text); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TABLE IF EXISTS events_fts",
]
POSTGRES_UP = [
    # Words are split at every punctuation mark, as FTS5's unicode61 tokenizer and
    # search.tokens() do; left alone, PostgreSQL's parser would keep "air/drone" or
    # "site.com" as one token and skip "<word ...>" as markup.
    "ALTER TABLE events ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(search_text, '[^[:alnum:]_[:space:]]', ' ', 'g'))) STORED",
    "CREATE INDEX ix_events_search_vector ON events USING gin (search_vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_events_search_vector",
    "ALTER TABLE events DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_UP if dialect == "sqlite" else POSTGRES_UP if dialect == "postgresql" else [])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN if dialect == "postgresql" else [])
