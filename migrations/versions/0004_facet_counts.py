"""facet_counts and count_stamps: precomputed per-day and per-month facet totals

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Created empty: with no stamp the counts are never used until
    # ``app.counts.rebuild`` runs (``dateline serve`` and the write commands do).
    op.create_table(
        "facet_counts",
        sa.Column("grain", sa.SmallInteger(), nullable=False),
        sa.Column("facet", sa.String(length=10), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("grain", "facet", "day", "value", name=op.f("pk_facet_counts")),
    )
    op.create_table(
        "count_stamps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("events_version", sa.DateTime(), nullable=True),
        sa.Column("documents_version", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_stamps")),
    )


def downgrade() -> None:
    op.drop_table("count_stamps")
    op.drop_table("facet_counts")
