"""events.source_version: the source's own record version (ACLED's timestamp)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column is added in place (ALTER TABLE ADD COLUMN) even in batch
    # mode on SQLite, so the FTS5 table and its triggers on events stay intact.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_version", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Batch mode would rebuild the table and lose the FTS5 triggers; SQLite >= 3.35 drops a column in place.
        op.execute("ALTER TABLE events DROP COLUMN source_version")
        return
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("source_version")
