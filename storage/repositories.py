"""Repositories: queries and additions within the caller's session. They never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple, cast

from sqlalchemy import Executable, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from bot.core.conversation import ReportState
from storage import statements
from storage.compiled import Compiled, run
from storage.models import (
    NOTE_DONE,
    Answer,
    AnswerPart,
    AnswerRevision,
    Attachment,
    ChatMove,
    Conversation,
    DeliveryState,
    Group,
    HandledUpdate,
    JoinRequest,
    JoinState,
    Membership,
    Organization,
    Period,
    Person,
    Prompt,
    Report,
    ReportNote,
    Role,
    SentMessage,
    SetAsideUpdate,
    UnreachableChat,
)

_ADD_IF_ABSENT: dict[tuple[object, tuple[str, ...], tuple[str, ...], str], Compiled] = {}


class AnswerRow(NamedTuple):
    """An answer as a turn of the conversation reads it."""

    id: int
    question_key: str
    text: str
    value: str | None
    skipped: bool


class PromptRow(NamedTuple):
    """A prompt as the attribution of a message reads it."""

    message_id: int | None
    question_key: str
    person_id: int
    report_id: int
    asked_after: int | None


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _insert_if_absent(
        self, model: type[object], keys: list[str], **values: object
    ) -> bool:
        """INSERT ... ON CONFLICT DO NOTHING: True if this call inserted the row."""
        dialect = self.session.get_bind().dialect.name
        shape = (model, tuple(keys), tuple(values), dialect)
        if (statement := _ADD_IF_ABSENT.get(shape)) is None:
            # On the table, not the model: the ORM's bulk INSERT returns no rowcount.
            table = cast(Table, model.__table__)  # type: ignore[attr-defined]
            if dialect == "postgresql":  # that dialect is loaded only there (1.3 MiB)
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                clause: Executable = pg_insert(table).on_conflict_do_nothing(index_elements=keys)
            else:
                clause = sqlite_insert(table).on_conflict_do_nothing(index_elements=keys)
            statement = _ADD_IF_ABSENT[shape] = Compiled(clause, list(values))
        return (await run(self.session, statement, values)).rowcount > 0

    async def _add_row(self, table: Table, **values: object) -> int:
        """INSERT a row without an object: its id."""
        [(row_id,)] = (await run(self.session, statements.ADD[table], values)).rows
        return int(row_id)


class GroupRepository(_Repository):
    async def by_id(self, group_id: int) -> Group | None:
        return await self.session.get(Group, group_id)

    async def organization(self, organization_id: int) -> Organization | None:
        return await self.session.get(Organization, organization_id)

    async def all(self) -> list[Group]:
        return list(await self.session.scalars(select(Group).order_by(Group.id)))

    async def organization_codes(self) -> dict[int, str]:
        """Every organization's code by its id (active or not: old reports name them)."""
        rows = await self.session.execute(select(Organization.id, Organization.code))
        return dict(rows.all())

    async def by_chat_id(self, chat_id: int) -> Group | None:
        """The group a chat is, by the id it has now or one Telegram moved it from."""
        moved = select(ChatMove.to_chat_id).where(ChatMove.from_chat_id == chat_id)
        query = select(Group).where((Group.chat_id == chat_id) | Group.chat_id.in_(moved))
        return (await self.session.scalars(query.limit(1))).one_or_none()

    async def add(self, group: Group) -> Group:
        self.session.add(group)
        await self.session.flush()
        return group

    async def organizations(self, group_id: int, *, active_only: bool = True) -> list[Organization]:
        query = select(Organization).where(Organization.group_id == group_id)
        if active_only:
            query = query.where(Organization.active.is_(True))
        return list(await self.session.scalars(query.order_by(Organization.id)))

    async def add_organization(self, organization: Organization) -> Organization:
        self.session.add(organization)
        await self.session.flush()
        return organization

    async def memberships(self, group_id: int) -> list[Membership]:
        query = select(Membership).where(Membership.group_id == group_id).order_by(Membership.id)
        return list(await self.session.scalars(query))

    async def memberships_of(self, group_id: int, person_id: int) -> list[Membership]:
        query = select(Membership).where(
            Membership.group_id == group_id, Membership.person_id == person_id
        )
        return list(await self.session.scalars(query.order_by(Membership.id)))

    async def memberships_of_person(self, person_id: int) -> list[Membership]:
        """A person's memberships in every group; leaderships of organizations no longer
        active are left out."""
        query = (
            select(Membership)
            .outerjoin(Organization, Organization.id == Membership.organization_id)
            .where(
                Membership.person_id == person_id,
                Membership.organization_id.is_(None) | Organization.active.is_(True),
            )
            .order_by(Membership.id)
        )
        return list(await self.session.scalars(query))

    async def leaderships(
        self, person_id: int, group_id: int | None = None
    ) -> list[tuple[Organization, Group]]:
        """The active organizations a person leads (in one group, or in all)."""
        query = (
            select(Organization, Group)
            .join(Membership, Membership.organization_id == Organization.id)
            .join(Group, Group.id == Organization.group_id)
            .where(
                Membership.person_id == person_id,
                Membership.role == Role.LEADER,
                Organization.active.is_(True),
            )
            .order_by(Group.id, Organization.id)
        )
        if group_id is not None:
            query = query.where(Group.id == group_id)
        return [(row[0], row[1]) for row in await self.session.execute(query)]

    async def membership(self, membership_id: int) -> Membership | None:
        return await self.session.get(Membership, membership_id)

    async def add_membership(self, membership: Membership) -> Membership:
        self.session.add(membership)
        await self.session.flush()
        return membership

    async def remove_membership(self, membership: Membership) -> None:
        await self.session.delete(membership)
        await self.session.flush()


class PeopleRepository(_Repository):
    async def by_user_id(self, user_id: int) -> Person | None:
        result = await self.session.scalars(statements.PERSON_BY_USER, {"user_id": user_id})
        return result.one_or_none()

    async def by_ids(self, ids: Sequence[int]) -> list[Person]:
        if not ids:
            return []
        return list(await self.session.scalars(select(Person).where(Person.id.in_(ids))))

    async def add(self, person: Person) -> Person:
        self.session.add(person)
        await self.session.flush()
        return person


class ReportRepository(_Repository):
    """Reports, their periods and answers.

    A report answer reads the report's surroundings and answers several times over (which
    question is next, what was said before, the review); within one unit of work they are
    read once and kept here (answers are only ever added or changed in place, never deleted).
    """

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._settings: dict[int, tuple[Report, Period, Organization, Group]] = {}
        self._answers: dict[int, list[Answer]] = {}

    async def setting(self, report_id: int) -> tuple[Report, Period, Organization, Group] | None:
        """The report with its period, organization and group, in one query."""
        if report_id not in self._settings:
            found = await self.session.execute(statements.SETTING, {"report_id": report_id})
            row = found.one_or_none()
            if row is None:
                return None
            report, period, organization, group = row
            self._settings[report_id] = (report, period, organization, group)
        return self._settings[report_id]

    async def sender_conversation(
        self, chat_id: int, user_id: int
    ) -> tuple[Person | None, Conversation | None]:
        """The person with this user id and their conversation in the chat, if any; the
        setting of the report it is about is kept for ``setting``. One query for three."""
        values = {"chat_id": chat_id, "user_id": user_id}
        row = (await self.session.execute(statements.SENDER_CONVERSATION, values)).one_or_none()
        if row is None:
            return None, None
        person, conversation, report, period, organization, group = row
        if report is not None and conversation is not None:
            self._settings[report.id] = (report, period, organization, group)
        return person, conversation

    async def touch(self, report: Report, now: datetime) -> None:
        """The report was changed at ``now``: one UPDATE, no flush of a changed object."""
        if report.updated_at != now:
            values = {"report_id": report.id, "new_updated_at": now}
            await run(self.session, statements.TOUCH_REPORT, values)
            set_committed_value(report, "updated_at", now)

    async def period(self, group_id: int, key: str) -> Period | None:
        query = select(Period).where(Period.group_id == group_id, Period.key == key)
        return (await self.session.scalars(query)).one_or_none()

    async def periods_named(self, keys: Sequence[str]) -> list[Period]:
        """Every group's periods with one of these keys (the weekly tick's few)."""
        return list(await self.session.scalars(select(Period).where(Period.key.in_(keys))))

    async def submitted_in_periods_named(
        self, keys: Sequence[str]
    ) -> list[tuple[int, int, datetime]]:
        """(period id, organization id, submitted at) of every submitted report of every
        group's periods with one of these keys."""
        query = (
            select(Report.period_id, Report.organization_id, Report.submitted_at)
            .join(Period, Period.id == Report.period_id)
            .where(Period.key.in_(keys), Report.submitted_at.is_not(None))
        )
        rows = await self.session.execute(query)
        return [(p, o, at) for p, o, at in rows.all() if at is not None]

    async def figures_between(
        self, group_id: int, first: str, before: str, keys: Sequence[str]
    ) -> list[tuple[str, str]]:
        """(question key, value) of every submitted figure under ``keys`` in the group's
        periods from ``first`` up to, not including, ``before`` (keys as "2026-W48", which
        sort as the weeks do)."""
        query = (
            select(Answer.question_key, Answer.value)
            .join(Report, Report.id == Answer.report_id)
            .join(Period, Period.id == Report.period_id)
            .where(
                Period.group_id == group_id,
                Period.key >= first,
                Period.key < before,
                Report.state == ReportState.SUBMITTED,
                Answer.question_key.in_(keys),
                Answer.skipped.is_(False),
                Answer.value.is_not(None),
            )
        )
        rows = await self.session.execute(query)
        return [(key, value) for key, value in rows.all() if value is not None]

    async def add_period(self, period: Period) -> Period:
        self.session.add(period)
        await self.session.flush()
        return period

    async def report(self, period_id: int, organization_id: int) -> Report | None:
        query = select(Report).where(
            Report.period_id == period_id, Report.organization_id == organization_id
        )
        return (await self.session.scalars(query)).one_or_none()

    async def reports_of_period(self, period_id: int) -> list[Report]:
        query = select(Report).where(Report.period_id == period_id).order_by(Report.id)
        return list(await self.session.scalars(query))

    async def add_report(self, report: Report) -> Report:
        self.session.add(report)
        await self.session.flush()
        return report

    async def with_answers(self, period_id: int) -> dict[int, tuple[Report, list[Answer]]]:
        """Every report of a period with its answers, by organization id (two queries)."""
        reports = await self.reports_of_period(period_id)
        found: dict[int, tuple[Report, list[Answer]]] = {r.id: (r, []) for r in reports}
        if found:
            query = select(Answer).where(Answer.report_id.in_(list(found)))
            for answer in await self.session.scalars(query):
                found[answer.report_id][1].append(answer)
        return {report.organization_id: (report, answers) for report, answers in found.values()}

    async def answers(self, report_id: int) -> list[Answer]:
        if report_id not in self._answers:
            query = select(Answer).where(Answer.report_id == report_id).order_by(Answer.id)
            self._answers[report_id] = list(await self.session.scalars(query))
        return list(self._answers[report_id])

    async def add_answer(self, answer: Answer) -> Answer:
        self.session.add(answer)
        await self.session.flush()
        if answer.report_id in self._answers:
            self._answers[answer.report_id].append(answer)
        return answer

    async def answer_rows(self, report_id: int) -> list[AnswerRow]:
        """The report's answers as rows, in the order given."""
        found = await run(self.session, statements.ANSWER_ROWS, {"report_id": report_id})
        return [
            AnswerRow(i, key, text, value, bool(skipped))
            for i, key, text, value, skipped in found.rows
        ]

    async def insert_answer(
        self,
        report_id: int,
        key: str,
        given: tuple[str, str | None, bool],
        answered_by: int,
        answered_at: datetime,
    ) -> int:
        """A new answer (text, value, skipped), as a row; its id."""
        self._answers.pop(report_id, None)  # read again if asked for
        text, value, skipped = given
        return await self._add_row(
            statements.ANSWERS,
            report_id=report_id,
            question_key=key,
            text=text,
            value=value,
            skipped=skipped,
            answered_by=answered_by,
            answered_at=answered_at,
        )

    async def insert_part(
        self, answer_id: int, chat_id: int, message_id: int, text: str, created_at: datetime
    ) -> None:
        await self._add_row(
            statements.PARTS,
            answer_id=answer_id,
            chat_id=chat_id,
            message_id=message_id,
            text=text,
            created_at=created_at,
        )

    async def answer(self, report_id: int, question_key: str) -> Answer | None:
        found = [a for a in await self.answers(report_id) if a.question_key == question_key]
        return found[0] if found else None

    async def largest_earlier(
        self, organization_id: int, question_key: str, report_id: int
    ) -> Decimal | None:
        """The organization's largest figure for a question in its other reports."""
        found = await run(
            self.session,
            statements.LARGEST_EARLIER,
            {
                "organization_id": organization_id,
                "report_id": report_id,
                "question_key": question_key,
            },
        )
        values = [Decimal(v) for (v,) in found.rows
                  if v is not None and v not in ("yes", "no")]  # fmt: skip
        return max(values, default=None)

    async def period_by_id(self, period_id: int) -> Period | None:
        return await self.session.get(Period, period_id)

    async def add_part(self, part: AnswerPart) -> AnswerPart:
        self.session.add(part)
        await self.session.flush()
        return part

    async def parts(self, answer_id: int) -> list[AnswerPart]:
        query = select(AnswerPart).where(AnswerPart.answer_id == answer_id).order_by(AnswerPart.id)
        return list(await self.session.scalars(query))

    async def part_by_message(self, chat_id: int, message_id: int) -> AnswerPart | None:
        query = select(AnswerPart).where(
            AnswerPart.chat_id == chat_id, AnswerPart.message_id == message_id
        )
        return (await self.session.scalars(query)).one_or_none()

    async def remove_parts(self, answer_id: int) -> None:
        for part in await self.parts(answer_id):
            await self.session.delete(part)
        await self.session.flush()

    async def add_attachment(self, attachment: Attachment) -> Attachment:
        self.session.add(attachment)
        await self.session.flush()
        return attachment

    async def attachments(self, report_id: int) -> list[Attachment]:
        query = select(Attachment).where(Attachment.report_id == report_id)
        return list(await self.session.scalars(query.order_by(Attachment.id)))

    async def add_revision(self, revision: AnswerRevision) -> AnswerRevision:
        self.session.add(revision)
        await self.session.flush()
        return revision

    async def revisions(self, answer_id: int) -> list[AnswerRevision]:
        query = (
            select(AnswerRevision)
            .where(AnswerRevision.answer_id == answer_id)
            .order_by(AnswerRevision.id)
        )
        return list(await self.session.scalars(query))


class LedgerRepository(_Repository):
    async def claim(self, entry: SentMessage) -> bool:
        """Record that (period, kind, slot) is to be sent, with what to send; False if it
        already was claimed.

        An INSERT ... ON CONFLICT DO NOTHING, so two instances racing for the same message
        cannot both win, on SQLite as on PostgreSQL.
        """
        return await self._insert_if_absent(
            SentMessage,
            ["period_id", "kind", "slot"],
            period_id=entry.period_id,
            kind=entry.kind,
            slot=entry.slot,
            state=entry.state,
            chat_id=entry.chat_id,
            thread_id=entry.thread_id,
            text=entry.text,
            markup=entry.markup,
            parts_sent=0,
            attempts=0,
            created_at=entry.created_at,
        )

    async def entry(self, period_id: int, kind: str, slot: str = "") -> SentMessage | None:
        query = select(SentMessage).where(
            SentMessage.period_id == period_id, SentMessage.kind == kind, SentMessage.slot == slot
        )
        return (await self.session.scalars(query)).one_or_none()

    async def slots_in_periods_named(
        self, keys: Sequence[str]
    ) -> list[tuple[int, str, str, DeliveryState, datetime]]:
        """(period id, kind, slot, state, created at) of everything claimed for every group's
        periods with one of these keys: what the weekly tick need not compose again."""
        query = select(
            SentMessage.period_id, SentMessage.kind, SentMessage.slot, SentMessage.state,
            SentMessage.created_at,
        ).join(Period, Period.id == SentMessage.period_id).where(Period.key.in_(keys))  # fmt: skip
        return [(p, k, s, state, at) for p, k, s, state, at in await self.session.execute(query)]

    async def entries(self, period_id: int) -> list[SentMessage]:
        query = select(SentMessage).where(SentMessage.period_id == period_id)
        return list(await self.session.scalars(query.order_by(SentMessage.id)))

    async def deliverable(self, now: datetime) -> list[SentMessage]:
        """Pending messages whose next attempt is due, oldest first; none for a chat the bot
        cannot reach now (they wait until it can)."""
        query = select(SentMessage).where(
            SentMessage.state == DeliveryState.PENDING,
            (SentMessage.next_attempt_at.is_(None)) | (SentMessage.next_attempt_at <= now),
            SentMessage.chat_id.not_in(select(UnreachableChat.chat_id)),
        )
        return list(await self.session.scalars(query.order_by(SentMessage.id)))

    async def get(self, entry_id: int) -> SentMessage | None:
        return await self.session.get(SentMessage, entry_id)

    async def pending_for(self, chat_id: int) -> list[tuple[SentMessage, Period]]:
        """The messages waiting for one chat, with their periods, oldest first."""
        query = (
            select(SentMessage, Period)
            .join(Period, Period.id == SentMessage.period_id)
            .where(SentMessage.chat_id == chat_id, SentMessage.state == DeliveryState.PENDING)
            .order_by(SentMessage.id)
        )
        return [(entry, period) for entry, period in await self.session.execute(query)]


class ChatRepository(_Repository):
    """What Telegram did to chats: moved them to a new id, or shut the bot out."""

    async def moves(self) -> list[ChatMove]:
        return list(await self.session.scalars(select(ChatMove)))

    async def record_move(self, old: int, new: int, now: datetime) -> bool:
        """False if this move was already known."""
        return await self._insert_if_absent(
            ChatMove, ["from_chat_id"], from_chat_id=old, to_chat_id=new, moved_at=now
        )

    async def readdress(self, old: int, new: int) -> None:
        """Everything still to happen in the old chat happens in the new one."""
        await self.session.execute(
            update(SentMessage)
            .where(SentMessage.chat_id == old, SentMessage.state == DeliveryState.PENDING)
            .values(chat_id=new)
        )
        await self.session.execute(
            update(Conversation).where(Conversation.chat_id == old).values(chat_id=new)
        )
        await self.session.execute(
            update(JoinRequest).where(JoinRequest.chat_id == old).values(chat_id=new)
        )
        await self.session.execute(
            update(UnreachableChat).where(UnreachableChat.chat_id == old).values(chat_id=new)
        )

    async def unreachable(self, chat_id: int) -> UnreachableChat | None:
        return await self.session.get(UnreachableChat, chat_id)

    async def unreachable_ids(self, chat_ids: Sequence[int] | None = None) -> set[int]:
        """The chats (of these, or all) the bot cannot write to now."""
        query = select(UnreachableChat.chat_id)
        if chat_ids is not None:
            if not chat_ids:
                return set()
            query = query.where(UnreachableChat.chat_id.in_(list(chat_ids)))
        return set(await self.session.scalars(query))

    async def mark_unreachable(self, chat_id: int, reason: str, now: datetime) -> bool:
        """False if it was already marked."""
        return await self._insert_if_absent(
            UnreachableChat, ["chat_id"], chat_id=chat_id, since=now, reason=reason[:200]
        )

    async def mark_reachable(self, chat_id: int) -> bool:
        """False if it was not marked unreachable."""
        result = await self.session.execute(
            delete(UnreachableChat).where(UnreachableChat.chat_id == chat_id)
        )
        return bool(getattr(result, "rowcount", 0))

    async def set_aside(self, entry: SetAsideUpdate) -> bool:
        """Keep an update that could not be handled; False if it already was set aside."""
        return await self._insert_if_absent(
            SetAsideUpdate, ["update_id"], update_id=entry.update_id, kind=entry.kind,
            chat_id=entry.chat_id, reason=entry.reason, payload=entry.payload,
            set_aside_at=entry.set_aside_at,
        )  # fmt: skip


class ConversationRepository(_Repository):
    async def get(self, chat_id: int, person_id: int) -> Conversation | None:
        found = await self.session.scalars(
            statements.CONVERSATION, {"chat_id": chat_id, "person_id": person_id}
        )
        return found.one_or_none()

    async def keep_state(self, conversation: Conversation, **state: object) -> None:
        """Write the conversation's state (every one of ``STATE_COLUMNS``) with one UPDATE, and
        show it on the object as stored: no flush of a changed object."""
        values = {f"new_{name}": state[name] for name in statements.STATE_COLUMNS}
        await run(
            self.session, statements.KEEP_STATE, {"conversation_id": conversation.id, **values}
        )
        for name in statements.STATE_COLUMNS:
            set_committed_value(conversation, name, state[name])

    async def add(self, conversation: Conversation) -> Conversation:
        self.session.add(conversation)
        await self.session.flush()
        return conversation

    async def remove(self, conversation: Conversation) -> None:
        await self.session.delete(conversation)
        await self.session.flush()

    async def remove_for(self, person_id: int, organization_id: int) -> None:
        """End a person's conversations about one organization (they no longer report)."""
        await self.session.execute(
            delete(Conversation).where(
                Conversation.person_id == person_id,
                Conversation.organization_id == organization_id,
            )
        )


class PromptRepository(_Repository):
    """The questions as put to people, to tell which question a message answers."""

    async def add(self, prompt: Prompt) -> int:
        """A prompt put to a person, added as a row; its id."""
        return await self._add_row(
            statements.PROMPTS,
            chat_id=prompt.chat_id,
            person_id=prompt.person_id,
            report_id=prompt.report_id,
            question_key=prompt.question_key,
            asked_after=prompt.asked_after,
            created_at=prompt.created_at,
        )

    async def shown(self, prompt_id: int, message_id: int) -> None:
        await run(
            self.session, statements.PROMPT_SHOWN, {"prompt_id": prompt_id, "shown_in": message_id}
        )

    async def by_message(self, chat_id: int, message_id: int) -> Prompt | None:
        query = select(Prompt).where(Prompt.chat_id == chat_id, Prompt.message_id == message_id)
        return (await self.session.scalars(query)).one_or_none()

    async def latest(self, chat_id: int, person_id: int, count: int = 2) -> list[PromptRow]:
        """The last ``count`` prompts to a person in a chat, newest first."""
        values = {"chat_id": chat_id, "person_id": person_id, "count": count}
        return [
            PromptRow(*row)
            for row in (await run(self.session, statements.LATEST_PROMPTS, values)).rows
        ]


class HandledUpdateRepository(_Repository):
    async def mark(self, key: str, now: datetime) -> bool:
        """Record that an update was handled; False if it already was (a redelivery)."""
        return await self._insert_if_absent(HandledUpdate, ["key"], key=key, handled_at=now)


class JoinRequestRepository(_Repository):
    async def get(self, request_id: int) -> JoinRequest | None:
        return await self.session.get(JoinRequest, request_id)

    async def pending_for(self, group_id: int, person_id: int) -> JoinRequest | None:
        query = select(JoinRequest).where(
            JoinRequest.group_id == group_id,
            JoinRequest.person_id == person_id,
            JoinRequest.state == JoinState.PENDING,
        )
        return (await self.session.scalars(query)).one_or_none()

    async def pending_in(self, group_id: int) -> list[JoinRequest]:
        query = select(JoinRequest).where(
            JoinRequest.group_id == group_id, JoinRequest.state == JoinState.PENDING
        )
        return list(await self.session.scalars(query.order_by(JoinRequest.id)))

    async def add(self, request: JoinRequest) -> JoinRequest:
        self.session.add(request)
        await self.session.flush()
        return request


class ReportNoteRepository(_Repository):
    """What the secretariat writes into the Word report (see ``ReportNote``)."""

    async def add(self, note: ReportNote) -> ReportNote:
        self.session.add(note)
        await self.session.flush()
        return note

    async def get(self, note_id: int) -> ReportNote | None:
        return await self.session.get(ReportNote, note_id)

    async def asking(self) -> list[ReportNote]:
        """Every note still being asked for, oldest first."""
        query = select(ReportNote).where(ReportNote.step != NOTE_DONE)
        return list(await self.session.scalars(query.order_by(ReportNote.id)))
