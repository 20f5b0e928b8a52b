"""chats Telegram moved, chats the bot cannot reach, updates set aside

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_moves",
        sa.Column("from_chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("to_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("from_chat_id", name=op.f("pk_chat_moves")),
    )
    with op.batch_alter_table("chat_moves", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_moves_to_chat_id"), ["to_chat_id"], unique=False)
    op.create_table(
        "unreachable_chats",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_unreachable_chats")),
    )
    op.create_table(
        "set_aside_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("set_aside_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_set_aside_updates")),
    )


def downgrade() -> None:
    op.drop_table("set_aside_updates")
    op.drop_table("unreachable_chats")
    with op.batch_alter_table("chat_moves", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_moves_to_chat_id"))
    op.drop_table("chat_moves")
