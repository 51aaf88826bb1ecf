"""ix_events_spans: events lasting more than a day, by timeline key, with their end

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("last_day > first_day")


def upgrade() -> None:
    op.create_index("ix_events_spans", "events", ["seq", "last_day"], sqlite_where=WHERE, postgresql_where=WHERE)


def downgrade() -> None:
    op.drop_index("ix_events_spans", table_name="events")
