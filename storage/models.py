"""SQLAlchemy 2 typed models.

Conventions: every timestamp is an aware UTC datetime (``UTCDateTime`` refuses naive ones);
enumerations are stored as short strings with a CHECK constraint, so the same migrations run
on SQLite and PostgreSQL; chat and user ids are 64-bit integers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from bot.core.conversation import ReportState, Step
from bot.core.directions import DirectionState, Progress

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out, whatever the database does with time zones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("refusing to store a naive datetime; pass an aware UTC instant")
        value = value.astimezone(UTC)
        # SQLite has no time zone type: store naive UTC text, re-attach UTC on the way out.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _enum(enum: type[StrEnum], name: str) -> Enum:
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Role(StrEnum):
    SECRETARIAT = "secretariat"  # Ban Thường trực / Văn phòng: sees everything, edits roster
    LEADER = "leader"  # reports for one organization


class MembershipSource(StrEnum):
    CONFIG = "config"  # listed in the configuration file, re-synced at start-up
    JOINED = "joined"  # asked with /join and approved by the secretariat


class JoinState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class DeliveryState(StrEnum):
    PENDING = "pending"  # claimed, not yet delivered (or delivery to be retried)
    SENT = "sent"
    FAILED = "failed"  # given up (the chat is gone); kept so it is visible, never silent
    SKIPPED = "skipped"  # due, but there was nothing to say (e.g. everyone has reported)


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime]


class Organization(Base):
    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("group_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))
    # An organization dropped from the config keeps its history but is no longer asked.
    active: Mapped[bool] = mapped_column(default=True, server_default=true())


class Person(Base):
    """Someone the bot knows, identified by their chat-platform user id."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    username: Mapped[str | None] = mapped_column(String(64))
    # A bot may message someone in private only after they pressed Start.
    private_chat_started_at: Mapped[datetime | None]


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("group_id", "person_id", "organization_id"),
        # NULLs are distinct in unique constraints: secretariat rows need their own index.
        Index(
            "uq_memberships_secretariat",
            "group_id",
            "person_id",
            unique=True,
            sqlite_where=text("role = 'secretariat'"),
            # The migrations also give PostgreSQL its WHERE; here it would load that dialect
            # (1.3 MiB, 15 ms) at every start for a database the project does not run on.
        ),
        CheckConstraint(
            "(role = 'leader' AND organization_id IS NOT NULL)"
            " OR (role = 'secretariat' AND organization_id IS NULL)",
            name="role_matches_organization",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    source: Mapped[MembershipSource] = mapped_column(_enum(MembershipSource, "membership_source"))
    created_at: Mapped[datetime]


class Period(Base):
    """A reporting period of one group; its deadline is fixed when the period is opened."""

    __tablename__ = "periods"
    __table_args__ = (UniqueConstraint("group_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(8))  # "2026-W48"
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    deadline_at: Mapped[datetime]
    # /skip by the secretariat: a holiday period (no call, no reminders, nobody overdue).
    skipped_at: Mapped[datetime | None]
    skipped_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("period_id", "organization_id"),
        CheckConstraint(
            "state <> 'submitted' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)",
            name="submitted_has_who_and_when",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    state: Mapped[ReportState] = mapped_column(_enum(ReportState, "report_state"))
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Answer(Base):
    """One answer of a report: the text as typed (NFC) and its parsed canonical value.

    A text answer may come in several messages (its parts); a skipped optional question is
    an answer with ``skipped`` set and empty text.
    """

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("report_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(40))
    skipped: Mapped[bool] = mapped_column(default=False, server_default=false())
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    answered_at: Mapped[datetime]


class AnswerPart(Base):
    """A message that makes up (part of) an answer, so that editing it updates the answer."""

    __tablename__ = "answer_parts"
    __table_args__ = (UniqueConstraint("chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Attachment(Base):
    """A photo, document, voice note or video sent with a report, kept by its file id."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    question_key: Mapped[str | None] = mapped_column(String(24))
    kind: Mapped[str] = mapped_column(String(16))
    file_id: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str | None] = mapped_column(String(255))
    caption: Mapped[str | None] = mapped_column(Text)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    added_at: Mapped[datetime]


class AnswerRevision(Base):
    """Every change to an answer: who, when, old and new."""

    __tablename__ = "answer_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    old_text: Mapped[str] = mapped_column(Text)
    old_value: Mapped[str | None] = mapped_column(String(40))
    new_text: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(String(40))
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    changed_at: Mapped[datetime]


class SentMessage(Base):
    """The outbox and ledger of scheduled messages: one row per (period, kind, slot).

    A row is claimed (inserted, with the rendered text) in the same transaction that decides
    the message is due, so neither a restart nor a second instance sends it twice; it is
    then delivered piece by piece (``parts_sent`` moves after each piece), and a failed
    delivery stays pending and is retried later, so nothing is silently lost.
    """

    __tablename__ = "sent_messages"
    __table_args__ = (
        UniqueConstraint("period_id", "kind", "slot"),
        # A reply to a message the bot sent names it: which direction it was about.
        Index("ix_sent_messages_chat_id_message_id", "chat_id", "message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))  # "call", "reminder", "digest", ...
    slot: Mapped[str] = mapped_column(String(32), default="")  # e.g. the day of a reminder
    state: Mapped[DeliveryState] = mapped_column(_enum(DeliveryState, "delivery_state"))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)  # a forum topic
    text: Mapped[str | None] = mapped_column(Text)  # Telegram HTML, as rendered when claimed
    markup: Mapped[str | None] = mapped_column(Text)  # inline keyboard, JSON
    parts_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[int | None] = mapped_column(BigInteger)  # its last piece, once sent


class Conversation(Base):
    """A person's reporting conversation in one chat, kept in the database so that a restart
    of the bot at any point loses nothing."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("chat_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    step: Mapped[Step] = mapped_column(_enum(Step, "conversation_step"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    question_key: Mapped[str | None] = mapped_column(String(24))
    # The bot message the person is expected to reply to (the group's ForceReply prompt).
    prompt_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # A figure read with doubt, waiting for the person's yes before it is stored.
    pending_text: Mapped[str | None] = mapped_column(Text)
    pending_value: Mapped[str | None] = mapped_column(String(40))
    pending_reason: Mapped[str | None] = mapped_column(String(40))
    pending_message_id: Mapped[int | None] = mapped_column(BigInteger)  # where it was typed
    pending_key: Mapped[str | None] = mapped_column(String(24))  # the question it answers
    updated_at: Mapped[datetime]


class Prompt(Base):
    """A question as the bot put it to a person: which message showed it (once sent), and
    after which of the person's messages. Message ids in a chat grow in the order messages
    arrive, both sides together: an answer older than the question now waiting was written
    before that question was shown, and a reply names the question it answers."""

    __tablename__ = "prompts"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id"),
        Index("ix_prompts_chat_id_person_id", "chat_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)  # None until it is sent
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(24))
    asked_after: Mapped[int | None] = mapped_column(BigInteger)  # the person's message
    created_at: Mapped[datetime]


class HandledUpdate(Base):
    """Incoming messages and button presses already handled: a redelivery changes nothing."""

    __tablename__ = "handled_updates"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    handled_at: Mapped[datetime]


class ChatMove(Base):
    """A chat Telegram gave a new id: a group upgraded to a supergroup. The group carries on
    under the new id (``groups.chat_id``); the old one still names it (the config, updates
    sent before the move)."""

    __tablename__ = "chat_moves"

    from_chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    to_chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    moved_at: Mapped[datetime]


class UnreachableChat(Base):
    """A chat the bot cannot write to now: removed from a group, a group deleted, a person who
    blocked the bot. Scheduled messages for it wait (they are not retried in a loop) and are
    reconsidered when the bot is back in it."""

    __tablename__ = "unreachable_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    since: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(200))


class SetAsideUpdate(Base):
    """An update that could not be read, or whose handling failed every time it was tried:
    confirmed to Telegram so that it blocks nothing, and kept here for inspection."""

    __tablename__ = "set_aside_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64))  # "message", "chat_boost", ...
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # the update as received, JSON
    set_aside_at: Mapped[datetime]


class JoinRequest(Base):
    __tablename__ = "join_requests"
    __table_args__ = (
        Index(
            "uq_join_requests_pending",
            "group_id",
            "person_id",
            unique=True,
            sqlite_where=text("state = 'pending'"),  # PostgreSQL's: see uq_memberships_secretariat
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    state: Mapped[JoinState] = mapped_column(_enum(JoinState, "join_state"))
    chat_id: Mapped[int] = mapped_column(BigInteger)  # where the person asked
    requested_at: Mapped[datetime]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    decided_at: Mapped[datetime | None]


NOTE_DONE = "done"


class ReportNote(Base):
    """What the secretariat writes into the Word report of a period when it asks for it: the
    bot asks "Đánh giá chung", then "Phương hướng, nhiệm vụ tuần tới"; either may be skipped
    (left to fill in under its heading). ``step`` is what is asked now; "done" once the file
    is made."""

    __tablename__ = "report_notes"
    __table_args__ = (Index("ix_report_notes_chat_id_person_id", "chat_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)  # where it was asked, and is answered
    step: Mapped[str] = mapped_column(String(16))
    assessment: Mapped[str | None] = mapped_column(Text)
    plan_ahead: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Direction(Base):
    """A direction (chỉ đạo) from the secretariat to one or more organizations of a group.

    Written as a draft by one secretariat member (``number`` is None until it is given);
    given, it takes the next number of its group and the period it was given in, under
    which every message about it is claimed in the ledger."""

    __tablename__ = "directions"
    __table_args__ = (UniqueConstraint("group_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    number: Mapped[int | None] = mapped_column(Integer)  # short, within the group: #12
    state: Mapped[DirectionState] = mapped_column(_enum(DirectionState, "direction_state"))
    text: Mapped[str] = mapped_column(Text, default="")
    given_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    chat_id: Mapped[int] = mapped_column(BigInteger)  # where it was written
    due_on: Mapped[date | None] = mapped_column(Date)  # the last day, in the group's zone
    period_id: Mapped[int | None] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    given_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reason: Mapped[str | None] = mapped_column(Text)  # why it was closed or withdrawn


class DirectionTarget(Base):
    """One organization a direction is addressed to, and how far it has got."""

    __tablename__ = "direction_targets"
    __table_args__ = (
        UniqueConstraint("direction_id", "organization_id"),
        # Every report's turn asks whether its organization has directions to follow up.
        Index("ix_direction_targets_organization_id", "organization_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("directions.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    progress: Mapped[Progress] = mapped_column(_enum(Progress, "direction_progress"))
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    done_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)  # the latest note reported
    updated_at: Mapped[datetime]


class DirectionEvent(Base):
    """A step in a direction's history: who did what, when, with what words."""

    __tablename__ = "direction_events"
    __table_args__ = (Index("ix_direction_events_direction_id", "direction_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("directions.id", ondelete="CASCADE"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    kind: Mapped[str] = mapped_column(String(24))  # "given", "acknowledged", "result", ...
    value: Mapped[str | None] = mapped_column(String(24))  # a result, a new due date
    text: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]


class DirectionFile(Base):
    """A photo or document sent with a direction, or with an organization's result."""

    __tablename__ = "direction_files"
    __table_args__ = (UniqueConstraint("chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("directions.id", ondelete="CASCADE"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16))
    file_id: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str | None] = mapped_column(String(255))
    caption: Mapped[str | None] = mapped_column(Text)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime]


class DirectionAsk(Base):
    """What the bot waits for from one person in one chat about a direction: the text of a
    draft, a due date, a reason for closing, a result's note. Kept in the database so that a
    restart loses nothing."""

    __tablename__ = "direction_asks"
    __table_args__ = (UniqueConstraint("chat_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    direction_id: Mapped[int] = mapped_column(ForeignKey("directions.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(16))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    result: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime]


class Plan(Base):
    """A group's response plan (phương án ứng phó): its situations and tasks are in
    ``plan_sections`` and ``plan_tasks``; ``level`` is the situation in force."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), unique=True)
    file_name: Mapped[str] = mapped_column(String(255))
    level: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime]
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    level_since: Mapped[datetime]


class PlanSection(Base):
    """A situation, or a block (A, B) within one; ``same_as``: "as in situation n"."""

    __tablename__ = "plan_sections"
    __table_args__ = (Index("ix_plan_sections_plan_id", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    block: Mapped[str] = mapped_column(String(4), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    same_as: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)


class PlanTask(Base):
    """A task of a plan. Importing again keeps a task (and its history) whose place and
    content stay; one the new file no longer has is kept inactive, with its history."""

    __tablename__ = "plan_tasks"
    __table_args__ = (Index("ix_plan_tasks_plan_id", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    block: Mapped[str] = mapped_column(String(4), default="")
    number: Mapped[str] = mapped_column(String(8))
    content: Mapped[str] = mapped_column(Text)
    units: Mapped[str] = mapped_column(Text, default="")  # as written in the file
    departments: Mapped[str] = mapped_column(Text, default="")
    director: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime]


class PlanCarrier(Base):
    """A unit carrying a task (an organization's code, or "organization/department") and
    how far it has got: not_started, in_progress, done."""

    __tablename__ = "plan_carriers"
    __table_args__ = (
        UniqueConstraint("task_id", "unit"),
        Index("ix_plan_carriers_unit", "unit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_tasks.id", ondelete="CASCADE"))
    unit: Mapped[str] = mapped_column(String(50))
    state: Mapped[str] = mapped_column(String(16), default="not_started")
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    changed_at: Mapped[datetime]  # when its state or note last changed
    reported_at: Mapped[datetime | None]  # when it was last reported on (even "no change")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class PlanEvent(Base):
    """A step in a plan's history: a unit's progress reported, the plan imported, or the
    situation switched (``carrier_id`` None, ``value`` "1>2")."""

    __tablename__ = "plan_events"
    __table_args__ = (Index("ix_plan_events_plan_id", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    carrier_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_carriers.id", ondelete="CASCADE")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    kind: Mapped[str] = mapped_column(String(16))  # "progress", "level", "imported"
    value: Mapped[str | None] = mapped_column(String(24))
    text: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="")  # "report", "tasks", "reply"
    at: Mapped[datetime]


class PlanAsk(Base):
    """Someone the bot waits on about the plan: a secretariat member for its file (after
    /kehoach, in private), a unit's reporter for a note on the task just reported."""

    __tablename__ = "plan_asks"
    __table_args__ = (UniqueConstraint("chat_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    what: Mapped[str] = mapped_column(String(16))  # "file", "note"
    carrier_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_carriers.id", ondelete="CASCADE")
    )
    updated_at: Mapped[datetime]
