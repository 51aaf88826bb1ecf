"""Lighter indexes for bulk-imported events: document indexes skip rows without a document, one redundant index goes

``ix_events_document_id`` and ``ix_excerpts_document_id`` become partial (``document_id IS NOT NULL``):
structured imports (ACLED) have no document, so their rows never enter these indexes, and every lookup
by document (``= ?``, ``IN``, joins) implies the condition. ``ix_excerpts_event_seq`` is dropped: the
unique index on ``(event_seq, position)`` leads with the same column.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("document_id IS NOT NULL")
PARTIAL = (("ix_events_document_id", "events"), ("ix_excerpts_document_id", "excerpts"))


def upgrade() -> None:
    for name, table in PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, ["document_id"], sqlite_where=WHERE, postgresql_where=WHERE)
    op.drop_index("ix_excerpts_event_seq", table_name="excerpts")


def downgrade() -> None:
    op.create_index("ix_excerpts_event_seq", "excerpts", ["event_seq"])
    for name, table in PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, ["document_id"])
