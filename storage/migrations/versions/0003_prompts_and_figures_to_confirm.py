"""prompts as shown to people, and figures waiting to be confirmed

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("pending_value", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("pending_reason", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("pending_message_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("pending_key", sa.String(length=24), nullable=True))
    op.create_table(
        "prompts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("question_key", sa.String(length=24), nullable=False),
        sa.Column("asked_after", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_prompts_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_prompts_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prompts")),
        sa.UniqueConstraint("chat_id", "message_id", name=op.f("uq_prompts_chat_id_message_id")),
    )
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.create_index("ix_prompts_chat_id_person_id", ["chat_id", "person_id"])


def downgrade() -> None:
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.drop_index("ix_prompts_chat_id_person_id")
    op.drop_table("prompts")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("pending_key")
        batch_op.drop_column("pending_message_id")
        batch_op.drop_column("pending_reason")
        batch_op.drop_column("pending_value")
        batch_op.drop_column("pending_text")
