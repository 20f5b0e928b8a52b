"""The answer path's statements, built once: building a select or an insert costs more than
running it (a select by user id: 104 µs built each time, 46 µs built once). Their values are
bound when they run. Those wrapped in ``Compiled`` run below the session
(``storage/compiled.py``); the others load ORM objects through it."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, and_, bindparam, insert, select, true, update

from storage.compiled import Compiled
from storage.models import (
    Answer,
    AnswerPart,
    Conversation,
    DirectionTarget,
    Group,
    Organization,
    Period,
    Person,
    PlanCarrier,
    Prompt,
    Report,
    SentMessage,
)

# The tables under the models, for the statements of the answer path: Core statements return
# rows and add rows without the ORM's objects, identity map and flush.
ANSWERS = cast(Table, Answer.__table__)
PARTS = cast(Table, AnswerPart.__table__)
PROMPTS = cast(Table, Prompt.__table__)
CONVERSATIONS = cast(Table, Conversation.__table__)
DIRECTION_TARGETS = cast(Table, DirectionTarget.__table__)
SENT = cast(Table, SentMessage.__table__)
CARRIERS = cast(Table, PlanCarrier.__table__)

PERSON_BY_USER = select(Person).where(Person.user_id == bindparam("user_id"))
CONVERSATION = select(Conversation).where(
    Conversation.chat_id == bindparam("chat_id"), Conversation.person_id == bindparam("person_id")
)
SETTING = (
    select(Report, Period, Organization, Group)
    .join(Period, Period.id == Report.period_id)
    .join(Organization, Organization.id == Report.organization_id)
    .join(Group, Group.id == Organization.group_id)
    .where(Report.id == bindparam("report_id"))
)
# A person's conversation in a chat with the report it is about, in one read.
SENDER_CONVERSATION = (
    select(Person, Conversation, Report, Period, Organization, Group)
    .outerjoin(
        Conversation,
        and_(Conversation.person_id == Person.id, Conversation.chat_id == bindparam("chat_id")),
    )
    .outerjoin(Report, Report.id == Conversation.report_id)
    .outerjoin(Period, Period.id == Report.period_id)
    .outerjoin(Organization, Organization.id == Report.organization_id)
    .outerjoin(Group, Group.id == Organization.group_id)
    .where(Person.user_id == bindparam("user_id"))
)
ANSWER_ROWS = Compiled(
    select(ANSWERS.c.id, ANSWERS.c.question_key, ANSWERS.c.text, ANSWERS.c.value, ANSWERS.c.skipped)
    .where(ANSWERS.c.report_id == bindparam("report_id"))
    .order_by(ANSWERS.c.id)
)
# Whether an organization was ever given a direction: asked at every turn of its report.
DIRECTED = Compiled(
    select(DIRECTION_TARGETS.c.id)
    .where(DIRECTION_TARGETS.c.organization_id == bindparam("organization_id"))
    .limit(1)
)
# The direction a message the bot sent was about (kinds "cd", "cd_file", "cd_note",
# "cd_remind": bot.services.direction_mail): asked of every reply to the bot's messages.
SENT_ABOUT = Compiled(
    select(Period.group_id, SENT.c.slot)
    .join(Period, Period.id == SENT.c.period_id)
    .where(
        SENT.c.chat_id == bindparam("chat_id"),
        SENT.c.message_id == bindparam("message_id"),
        SENT.c.kind.like("cd%"),
    )
    .limit(1)
)
# Whether a unit carries a plan's task: asked at every turn of its organization's report.
CARRIES = Compiled(
    select(CARRIERS.c.id)
    .where(CARRIERS.c.unit == bindparam("unit"), CARRIERS.c.active == true())
    .limit(1)
)
LARGEST_EARLIER = Compiled(
    select(Answer.value)
    .join(Report, Report.id == Answer.report_id)
    .where(
        Report.organization_id == bindparam("organization_id"),
        Report.id != bindparam("report_id"),
        Answer.question_key == bindparam("question_key"),
        Answer.value.is_not(None),
        Answer.skipped.is_(False),
    )
)
LATEST_PROMPTS = Compiled(
    select(
        PROMPTS.c.message_id,
        PROMPTS.c.question_key,
        PROMPTS.c.person_id,
        PROMPTS.c.report_id,
        PROMPTS.c.asked_after,
    )
    .where(PROMPTS.c.chat_id == bindparam("chat_id"), PROMPTS.c.person_id == bindparam("person_id"))
    .order_by(PROMPTS.c.id.desc())
    .limit(bindparam("count"))
)
PROMPT_SHOWN = Compiled(
    update(PROMPTS)
    .where(PROMPTS.c.id == bindparam("prompt_id"))
    .values(message_id=bindparam("shown_in"))
)
# The conversation's state, the columns a turn changes.
STATE_COLUMNS = (
    "step",
    "report_id",
    "question_key",
    "pending_key",
    "pending_text",
    "pending_value",
    "pending_reason",
    "pending_message_id",
    "updated_at",
)
KEEP_STATE = Compiled(
    update(CONVERSATIONS)
    .where(CONVERSATIONS.c.id == bindparam("conversation_id"))
    .values({name: bindparam(f"new_{name}") for name in STATE_COLUMNS})
)
TOUCH_REPORT = Compiled(
    update(cast(Table, Report.__table__))
    .where(Report.__table__.c.id == bindparam("report_id"))
    .values(updated_at=bindparam("new_updated_at"))
)
ADD = {
    table: Compiled(insert(table).returning(table.c.id), keys)
    for table, keys in [
        (
            ANSWERS,
            ("report_id", "question_key", "text", "value", "skipped", "answered_by", "answered_at"),
        ),
        (PARTS, ("answer_id", "chat_id", "message_id", "text", "created_at")),
        (
            PROMPTS,
            ("chat_id", "person_id", "report_id", "question_key", "asked_after", "created_at"),
        ),
    ]
}
