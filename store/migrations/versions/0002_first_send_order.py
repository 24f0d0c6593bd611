"""Each participant's first send, so every room view lists plans in the same order.

A plan sent again used to move to the end of the room view's list (the store ordered by the
latest send), so each view kept its own order in its session, and two views of one room
could number anonymous plans differently. The first send orders them now, for every view.
Plans sent before this migration take their latest send as their first: the first is not
known, and a room lasts days, not years.

Revision ID: 0002_first_send_order
Revises: 0001_first
Create Date: 2026-11-24 09:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_first_send_order"
down_revision = "0001_first"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_submitted_at", sa.DateTime(), nullable=True))
        batch_op.drop_index("participants_by_room_submitted")
        batch_op.create_index(
            "participants_by_room_first_submitted",
            ["room_id", "first_submitted_at"],
            unique=False,
        )
    op.execute("UPDATE participants SET first_submitted_at = submitted_at")


def downgrade() -> None:
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index("participants_by_room_first_submitted")
        batch_op.create_index(
            "participants_by_room_submitted", ["room_id", "submitted_at"], unique=False
        )
        batch_op.drop_column("first_submitted_at")
