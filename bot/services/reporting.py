"""The weekly report conversation: start, answer, skip, attach, review, submit, change.

Every call is one unit of work: the answer is committed before the caller replies, and the
conversation's state lives in the database, so a restart at any point loses nothing.
Incoming messages and button presses are marked handled in the same transaction, so a
redelivered update changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from bot.config import AppConfig, GroupConfig
from bot.core.answers import (
    NUMERIC_KINDS,
    AnswerKind,
    AnswerProblem,
    ParsedAnswer,
    Unsure,
    parse_answer,
    parse_yesno,
)
from bot.core.attribution import Belongs
from bot.core.formatting import format_value
from bot.core.periods import PeriodKey, PeriodWindow
from bot.core.plausibility import Doubt, doubt
from bot.core.questionnaire import (
    AnswerState,
    Question,
    is_complete,
    next_question,
    position,
    progress,
)
from bot.core.reporting import reportable_periods
from bot.core.status import report_status
from bot.core.text import fold_for_matching
from bot.i18n import plain
from bot.services.outcomes import (
    Ask,
    Cancelled,
    Changed,
    ChooseOrganization,
    ChoosePeriod,
    ConfirmFigure,
    Corrected,
    Duplicate,
    EditApplied,
    EditRefused,
    Ignored,
    Item,
    Kept,
    MoreText,
    NoConversation,
    NotConfigured,
    NothingToCancel,
    NotLeader,
    NotMember,
    NotYourQuestion,
    OrganizationStatus,
    Outcome,
    Received,
    ReportContext,
    Review,
    StaleButton,
    StatusReport,
    Submitted,
    UseButtons,
    Who,
)
from bot.services.people import (
    Answered,
    Chat,
    Sender,
    button_key,
    display_name,
    known_person,
    message_key,
)
from bot.services.periods import ensure_period
from bot.services.prompts import attribution, prompt_of, with_prompt
from storage.database import Database
from storage.models import (
    Answer,
    AnswerPart,
    AnswerRevision,
    Attachment,
    Conversation,
    Group,
    Membership,
    Organization,
    Period,
    Person,
    Report,
    ReportState,
    Role,
    Step,
)
from storage.uow import UnitOfWork

SKIP_WORDS = frozenset({"bỏ qua", "bo qua", "skip", "bỏ", "không trả lời"})
DONE_WORDS = frozenset({"xong", "xong rồi", "xong roi", "tiếp", "tiep", "hết", "het", "done"})


class ReportingService:
    def __init__(self, db: Database, config: AppConfig, answered: Answered) -> None:
        self._db = db
        self._config = config
        self._answered = answered
        self._shown: dict[int, int] = {}  # prompt id → the message that showed it, to note

    # --- starting ----------------------------------------------------------------------

    async def start(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/report: pick the organization and period, then continue where the draft stands."""
        return await self._start(chat, message_key(chat, message_id), sender, now, message_id)

    async def start_from_button(
        self, chat: Chat, query_id: str, sender: Sender, now: datetime
    ) -> Outcome:
        """ "Report now" under the call for reports: the same as /report."""
        return await self._start(chat, button_key(query_id), sender, now, None)

    async def _start(
        self, chat: Chat, handled_key: str, sender: Sender, now: datetime, after: int | None
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(handled_key, now):
                return await self._resume(uow, chat, sender, now, handled_key)
            person = await known_person(uow, sender, chat, now)
            group = None if chat.private else await uow.groups.by_chat_id(chat.id)
            if not chat.private and group is None:
                await uow.commit()
                return NotConfigured()
            led = await uow.groups.leaderships(person.id, group.id if group else None)
            if not led:
                outcome = await self._refusal(uow, person, group)
                await uow.commit()
                return outcome
            if len(led) > 1:
                await _set_conversation(uow, chat, person, led[0][1], Step.CHOOSE_ORGANIZATION, now)
                await uow.commit()
                options = tuple(
                    (org.id, org.name if group else f"{org.name} — {g.name}") for org, g in led
                )
                lang = self._group_config(led[0][1]).language
                return ChooseOrganization(Who(sender.user_id, sender.full_name), lang, options)
            organization, org_group = led[0]
            outcome = await self._begin(uow, chat, person, sender, organization, org_group, now)
            outcome = await with_prompt(uow, chat, person, outcome, after, now)
            await uow.commit()
            return outcome

    async def choose_organization(
        self, chat: Chat, query_id: str, sender: Sender, organization_id: int, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(button_key(query_id), now):
                return await self._resume(uow, chat, sender, now, button_key(query_id))
            person = await known_person(uow, sender, chat, now)
            conversation = await uow.conversations.get(chat.id, person.id)
            led = {org.id: (org, g) for org, g in await uow.groups.leaderships(person.id)}
            if (
                conversation is None
                or conversation.step is not Step.CHOOSE_ORGANIZATION
                or organization_id not in led
            ):
                await uow.commit()
                return StaleButton(self._language(led))
            organization, group = led[organization_id]
            outcome = await self._begin(uow, chat, person, sender, organization, group, now)
            outcome = await with_prompt(uow, chat, person, outcome, None, now)
            await uow.commit()
            return outcome

    async def choose_period(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        organization_id: int,
        period: PeriodKey,
        now: datetime,
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(button_key(query_id), now):
                return await self._resume(uow, chat, sender, now, button_key(query_id))
            person = await known_person(uow, sender, chat, now)
            conversation = await uow.conversations.get(chat.id, person.id)
            led = {org.id: (org, g) for org, g in await uow.groups.leaderships(person.id)}
            if (
                conversation is None
                or conversation.step is not Step.CHOOSE_PERIOD
                or conversation.organization_id != organization_id
                or organization_id not in led
            ):
                await uow.commit()
                return StaleButton(self._language(led))
            organization, group = led[organization_id]
            if period not in await self._open_periods(uow, organization, group, now):
                await uow.commit()
                return StaleButton(self._group_config(group).language)
            outcome = await self._open(uow, chat, person, sender, organization, group, period, now)
            outcome = await with_prompt(uow, chat, person, outcome, None, now)
            await uow.commit()
            return outcome

    def prompt_shown(self, outcome: Outcome, message_id: int) -> None:
        """The prompt of ``outcome`` went out as message ``message_id``: from now on an
        older message of the person's was written before they saw it. Noted with the next
        message read (that is when it matters), not in a transaction of its own: a commit
        per answer for it cost 0.7 ms. A bot that stops before then loses the note, and the
        prompt is read as one whose message is unknown (see ``bot.core.attribution``)."""
        prompt_id = prompt_of(outcome)
        if prompt_id is not None:
            self._shown[prompt_id] = message_id

    async def _note_shown(self, uow: UnitOfWork) -> None:
        notes, self._shown = self._shown, {}
        for prompt_id, message_id in notes.items():
            await uow.prompts.shown(prompt_id, message_id)

    # --- answering -----------------------------------------------------------------------

    async def receive_text(
        self, chat: Chat, message_id: int, sender: Sender, text: str, now: datetime,
        reply_to: int | None = None,
    ) -> Outcome:  # fmt: skip
        """A message that may be an answer: to the question the person was asked, or to an
        earlier one (written before the question now waiting was shown, or a reply to it)."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            await self._note_shown(uow)
            person = await uow.people.by_user_id(sender.user_id)
            conversation = await uow.conversations.get(chat.id, person.id) if person else None
            where = await attribution(uow, chat, message_id, reply_to, person, conversation)
            if where.belongs is Belongs.SOMEONE_ELSES:
                assert reply_to is not None
                outcome = await self._someone_elses(uow, chat, reply_to, text)
                await uow.commit()
                return outcome
            if conversation is None or person is None:
                await uow.commit()
                return self._no_conversation(chat, sender)
            match where.belongs:
                case Belongs.EARLIER:
                    assert where.question_key is not None
                    outcome = await self._earlier(uow, chat, message_id, conversation, person,
                                                  where.question_key, text, now)  # fmt: skip
                case Belongs.BEFORE_ANY:
                    outcome = await self._reprompt(uow, conversation, person, now,
                                                   "answer.written_before")  # fmt: skip
                case Belongs.MAYBE_REPEAT:
                    outcome = await self._perhaps_a_copy(
                        uow, chat, message_id, conversation, person, where.after, text, now
                    )
                case Belongs.OTHER_REPORT:
                    outcome = await self._reprompt(uow, conversation, person, now,
                                                   "answer.other_report")  # fmt: skip
                case _:
                    outcome = await self._on_text(uow, chat, message_id, conversation, person,
                                                  text, now)  # fmt: skip
            outcome = await with_prompt(uow, chat, person, outcome, message_id, now)
            await uow.commit()
            return outcome

    async def receive_attachment(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        *,
        kind: str,
        file_id: str,
        file_name: str | None,
        caption: str | None,
        now: datetime,
    ) -> Outcome:
        """A photo, document, voice note or video: kept with the report being written."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            found = await self._conversation(uow, chat, sender)
            if found is None or found[0].report_id is None:
                await uow.commit()
                return self._no_conversation(chat, sender)
            conversation, person = found
            await uow.reports.add_attachment(
                Attachment(
                    report_id=conversation.report_id,
                    question_key=conversation.question_key,
                    kind=kind,
                    file_id=file_id,
                    file_name=file_name,
                    caption=caption,
                    chat_id=chat.id,
                    message_id=message_id,
                    added_by=person.id,
                    added_at=now,
                )
            )
            outcome: Outcome = Received()
            if caption and conversation.step is Step.ANSWER:
                question = await self._current_question(uow, conversation)
                if question is not None and question.kind is AnswerKind.TEXT:
                    outcome = await self._on_text(
                        uow, chat, message_id, conversation, person, caption, now
                    )
            outcome = await with_prompt(uow, chat, person, outcome, message_id, now)
            await uow.commit()
            return outcome

    async def receive_unsupported(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome:
        """A sticker or anything else that cannot be an answer: ask the question again."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            found = await self._conversation(uow, chat, sender)
            if found is None:
                await uow.commit()
                return self._no_conversation(chat, sender)
            conversation, person = found
            outcome = await self._reprompt(uow, conversation, person, now, "answer.unsupported")
            outcome = await with_prompt(uow, chat, person, outcome, message_id, now)
            await uow.commit()
            return outcome

    async def skip(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, key,
                                        (Step.ANSWER,), now)  # fmt: skip
            if not isinstance(found, tuple):
                return found
            conversation, person = found
            question = await self._current_question(uow, conversation)
            if question is None or question.required:
                await uow.commit()
                return StaleButton(self._language_of_chat(chat))
            await self._store_skip(uow, conversation, question, person, now)
            outcome = await self._advance(uow, conversation, person, now)
            outcome = await with_prompt(uow, chat, person, outcome, None, now)
            await uow.commit()
            return outcome

    async def finish_text(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        """'Done' after a text answer given in one or more messages."""
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, key,
                                        (Step.ANSWER,), now)  # fmt: skip
            if not isinstance(found, tuple):
                return found
            conversation, person = found
            answer = await uow.reports.answer(report_id, key)
            if answer is None or answer.skipped:
                await uow.commit()
                return StaleButton(self._language_of_chat(chat))
            outcome = await self._advance(uow, conversation, person, now)
            outcome = await with_prompt(uow, chat, person, outcome, None, now)
            await uow.commit()
            return outcome

    # --- review, submit, change ------------------------------------------------------------

    async def confirm(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, None,
                                        (Step.REVIEW,), now)  # fmt: skip
            if not isinstance(found, tuple):
                # Pressed again (or delivered again) after the report went in: the receipt,
                # which the person may never have had (it failed to send, the bot stopped).
                if button_key(query_id) in self._answered:
                    return found
                return await self._receipt(uow, report_id, sender) or found
            conversation, person = found
            report, _, organization, _, group_config = await self._load(uow, report_id)
            questions = group_config.questions_for(organization.code)
            states = await _answer_states(uow, report.id)
            if report.state is ReportState.SUBMITTED or not is_complete(questions, states):
                await uow.commit()
                return StaleButton(group_config.language)
            report.state = ReportState.SUBMITTED
            report.submitted_at = now
            report.submitted_by = person.id
            report.updated_at = now
            await uow.conversations.remove(conversation)
            outcome = await self._submitted(uow, report_id, person)
            await uow.commit()
        return outcome

    async def _receipt(self, uow: UnitOfWork, report_id: int, sender: Sender) -> Submitted | None:
        """The receipt of a report already submitted, for one of its organization's
        leaders; None otherwise."""
        person = await uow.people.by_user_id(sender.user_id)
        found = await uow.reports.setting(report_id)
        if person is None or found is None or found[0].state is not ReportState.SUBMITTED:
            return None
        led = await uow.groups.leaderships(person.id, found[3].id)
        if all(organization.id != found[2].id for organization, _ in led):
            return None
        return replace(await self._submitted(uow, report_id, person), again=True)

    async def _submitted(self, uow: UnitOfWork, report_id: int, person: Person) -> Submitted:
        report, period, organization, group, group_config = await self._load(uow, report_id)
        assert report.submitted_at is not None
        questions = group_config.questions_for(organization.code)
        context = self._context(report, period, organization, group, group_config, person)
        items = await self._items(uow, report, questions, group_config.language)
        attachments = len(await uow.reports.attachments(report.id))
        at = report.submitted_at
        status = report_status(submitted_at=at, deadline_at=period.deadline_at, now=at)
        figures = tuple(i for i in items if i.question.kind is not AnswerKind.TEXT and i.display)
        return Submitted(context, status, at, figures, attachments)

    async def change(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        """Pick an answer to change, from the review (draft) or after submission."""
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, None,
                                        (Step.REVIEW, Step.CHANGE_MENU), now)  # fmt: skip
            if not isinstance(found, tuple):
                return found
            conversation, person = found
            report, period, organization, group, group_config = await self._load(uow, report_id)
            questions = group_config.questions_for(organization.code)
            question = next((q for q in questions if q.key == key), None)
            if question is None:
                await uow.commit()
                return StaleButton(group_config.language)
            conversation.step, conversation.question_key = Step.CHANGE, key
            _clear_pending(conversation)
            conversation.updated_at = now
            answer = await uow.reports.answer(report.id, key)
            current = _display(question, answer, group_config.language) if answer else None
            context = self._context(report, period, organization, group, group_config, person)
            ask = Ask(context, question, position(questions, key), len(questions), None, current)
            outcome = await with_prompt(uow, chat, person, ask, None, now)
            await uow.commit()
            return outcome

    async def keep(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, None,
                                        (Step.CHANGE_MENU,), now)  # fmt: skip
            if not isinstance(found, tuple):
                return found
            await uow.conversations.remove(found[0])
            await uow.commit()
            return Kept(self._language_of_chat(chat))

    async def cancel(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/cancel: stop asking; the draft stays and /report continues it."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            if not chat.private and self._config.group(chat.id) is None:
                await uow.commit()
                return NotConfigured()
            found = await self._conversation(uow, chat, sender)
            lang = self._language_of_chat(chat)
            if found is None:
                await uow.commit()
                return NothingToCancel(lang)
            conversation, _ = found
            answered = total = 0
            if conversation.report_id is not None:
                _, _, organization, _, group_config = await self._load(uow, conversation.report_id)
                questions = group_config.questions_for(organization.code)
                states = await _answer_states(uow, conversation.report_id)
                answered, total, lang = (
                    progress(questions, states),
                    len(questions),
                    group_config.language,
                )
            await uow.conversations.remove(conversation)
            await uow.commit()
            return Cancelled(lang, answered, total)

    # --- corrections -----------------------------------------------------------------------

    async def edit(
        self, chat: Chat, message_id: int, sender: Sender, text: str, now: datetime
    ) -> Outcome:
        """An edited message that was (part of) an answer corrects that answer; after
        submission the change is kept in the revision history."""
        async with self._db.unit_of_work() as uow:
            part = await uow.reports.part_by_message(chat.id, message_id)
            if part is None:
                return Ignored()
            answer = await uow.session.get(Answer, part.answer_id)
            assert answer is not None
            report, period, organization, group, group_config = await self._load(
                uow, answer.report_id
            )
            question = next(
                (q for q in group_config.questions_for(organization.code)
                 if q.key == answer.question_key),
                None,
            )  # fmt: skip
            person = await known_person(uow, sender, chat, now)
            if question is None:
                return Ignored()
            context = self._context(report, period, organization, group, group_config, person)
            if question.kind is AnswerKind.TEXT:
                parsed = parse_answer(AnswerKind.TEXT, text)
                if isinstance(parsed, AnswerProblem):
                    return EditRefused(context, question, parsed.code)
                part.text = parsed.text
                new_text = "\n".join(p.text for p in await uow.reports.parts(answer.id))
                new = ParsedAnswer(new_text, None)
            else:
                parsed = parse_answer(question.kind, text, question.unit)
                if isinstance(parsed, AnswerProblem):
                    return EditRefused(context, question, parsed.code)
                if isinstance(parsed, Unsure) or doubt(question, Decimal(str(parsed.value)), None):
                    # Not stored on a doubt: an edit cannot be asked back about.
                    return EditRefused(context, question, "answer.edit_unsure")
                part.text, new = parsed.text, parsed
            if (answer.text, answer.value) == (new.text, new.value):
                return Ignored()  # a redelivered or cosmetic edit
            submitted = report.state is ReportState.SUBMITTED
            await _replace_answer(uow, answer, new, person, now, revision=submitted)
            report.updated_at = now
            await uow.commit()
            return EditApplied(
                context, question, _display(question, answer, group_config.language), submitted
            )

    # --- status --------------------------------------------------------------------------------

    async def status(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/status: for each organization the person leads, where its report stands."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return Duplicate()
            person = await known_person(uow, sender, chat, now)
            group = None if chat.private else await uow.groups.by_chat_id(chat.id)
            if not chat.private and group is None:
                await uow.commit()
                return NotConfigured()
            led = await uow.groups.leaderships(person.id, group.id if group else None)
            if not led:
                outcome = await self._refusal(uow, person, group)
                await uow.commit()
                return outcome
            lines: list[OrganizationStatus] = []
            for organization, org_group in led:
                config = self._group_config(org_group)
                questions = config.questions_for(organization.code)
                for key in await self._open_periods(uow, organization, org_group, now):
                    lines.append(
                        await self._organization_status(
                            uow, organization, org_group, key, questions, now
                        )
                    )
            await uow.commit()
            first = self._group_config(led[0][1])
            return StatusReport(first.language, first.timezone, tuple(lines))

    # --- internals -----------------------------------------------------------------------------

    def _group_config(self, group: Group) -> GroupConfig:
        config = self._config.group(group.chat_id)
        assert config is not None, f"group {group.chat_id} is not configured"
        return config

    def _language(self, led: dict[int, tuple[Organization, Group]]) -> str:
        for _, group in led.values():
            return self._group_config(group).language
        return "vi"

    def _language_of_chat(self, chat: Chat) -> str:
        config = self._config.group(chat.id)
        return config.language if config else "vi"

    def _no_conversation(self, chat: Chat, sender: Sender) -> Outcome:
        # In a group the bot only sees replies to itself; a stray one needs no answer.
        return NoConversation(self._language_of_chat(chat)) if chat.private else Ignored()

    async def _refusal(self, uow: UnitOfWork, person: Person, group: Group | None) -> Outcome:
        memberships: list[Membership] = []
        if group is not None:
            memberships = await uow.groups.memberships_of(group.id, person.id)
        else:
            for g in self._config.groups:
                found = await uow.groups.by_chat_id(g.chat_id)
                if found is not None:
                    memberships += await uow.groups.memberships_of(found.id, person.id)
        lang = self._group_config(group).language if group else "vi"
        if any(m.role is Role.SECRETARIAT for m in memberships):
            return NotLeader(lang)
        return NotMember(lang)

    async def _conversation(
        self, uow: UnitOfWork, chat: Chat, sender: Sender
    ) -> tuple[Conversation, Person] | None:
        person = await uow.people.by_user_id(sender.user_id)
        if person is None:
            return None
        conversation = await uow.conversations.get(chat.id, person.id)
        return None if conversation is None else (conversation, person)

    async def _pressed(
        self, uow: UnitOfWork, chat: Chat, query_id: str, sender: Sender, report_id: int,
        key: str | None, steps: tuple[Step, ...], now: datetime,
    ) -> tuple[Conversation, Person] | Outcome:  # fmt: skip
        """The conversation a report button acts on, or what to answer instead: a press seen
        before shows where the report stands; a button the conversation no longer waits for
        is stale (that refusal is committed with the press's handled mark)."""
        if not await uow.handled.mark(button_key(query_id), now):
            return await self._resume(uow, chat, sender, now, button_key(query_id))
        found = await self._conversation(uow, chat, sender)
        if found is None or not any(_waits_for(found[0], report_id, key, s) for s in steps):
            await uow.commit()
            return StaleButton(self._language_of_chat(chat))
        return found

    async def _resume(
        self, uow: UnitOfWork, chat: Chat, sender: Sender, now: datetime, handled_key: str
    ) -> Outcome:
        """An update handled before and delivered again: Telegram re-sends what the bot had not
        confirmed when it stopped, perhaps before it could answer, and the bot handles again
        an update whose reply could not reach Telegram. Show what the conversation waits for
        now, so that the person is not left without a reply; nothing changes. Silence when
        the reply is known to have gone out (in this run of the bot)."""
        if handled_key in self._answered:
            return Duplicate()
        found = await self._conversation(uow, chat, sender)
        if found is None:
            return Duplicate()
        conversation, person = found
        question = await self._current_question(uow, conversation)
        outcome: Outcome | None = None
        if conversation.step is Step.ANSWER and question is not None:
            assert conversation.report_id is not None
            answer = await uow.reports.answer(conversation.report_id, question.key)
            if question.kind is AnswerKind.TEXT and answer and answer.text and not answer.skipped:
                loaded = await self._load(uow, conversation.report_id)
                outcome = MoreText(self._context(*loaded, person), question)
        if outcome is None:
            outcome = await self._reprompt(uow, conversation, person, now, None)
        # The question shown again is a prompt like any other: noted, with its message.
        outcome = await with_prompt(uow, chat, person, outcome, None, now)
        await uow.commit()
        return outcome

    async def _open_periods(
        self, uow: UnitOfWork, organization: Organization, group: Group, now: datetime
    ) -> list[PeriodKey]:
        config = self._group_config(group)
        current = PeriodKey.at(now, config.timezone)
        settled: dict[PeriodKey, bool] = {}
        for key in (current.previous(), current):
            period = await uow.reports.period(group.id, str(key))
            report = await uow.reports.report(period.id, organization.id) if period else None
            settled[key] = report is not None and report.state is not ReportState.DRAFT
        return reportable_periods(
            now=now,
            tz=config.timezone,
            deadline=config.schedule.deadline,
            tracking_since=group.created_at,
            settled=settled,
        )

    async def _begin(
        self,
        uow: UnitOfWork,
        chat: Chat,
        person: Person,
        sender: Sender,
        organization: Organization,
        group: Group,
        now: datetime,
    ) -> Outcome:
        periods = await self._open_periods(uow, organization, group, now)
        if len(periods) > 1:
            conversation = await _set_conversation(
                uow, chat, person, group, Step.CHOOSE_PERIOD, now
            )
            conversation.organization_id = organization.id
            config = self._group_config(group)
            current = PeriodKey.at(now, config.timezone)
            return ChoosePeriod(
                Who(sender.user_id, sender.full_name),
                config.language,
                organization.name,
                organization.id,
                tuple((key, key != current) for key in periods),
            )
        return await self._open(uow, chat, person, sender, organization, group, periods[0], now)

    async def _open(
        self,
        uow: UnitOfWork,
        chat: Chat,
        person: Person,
        sender: Sender,
        organization: Organization,
        group: Group,
        key: PeriodKey,
        now: datetime,
    ) -> Outcome:
        config = self._group_config(group)
        period = await ensure_period(uow, group, config, key)
        report = await uow.reports.report(period.id, organization.id)
        if report is None:
            report = await uow.reports.add_report(
                Report(
                    period_id=period.id,
                    organization_id=organization.id,
                    state=ReportState.DRAFT,
                    created_at=now,
                    updated_at=now,
                )
            )
        conversation = await _set_conversation(uow, chat, person, group, Step.ANSWER, now)
        conversation.organization_id, conversation.report_id = organization.id, report.id
        questions = config.questions_for(organization.code)
        context = self._context(report, period, organization, group, config, person)
        items = await self._items(uow, report, questions, config.language)
        attachments = len(await uow.reports.attachments(report.id))
        if report.state is ReportState.SUBMITTED:
            conversation.step, conversation.question_key = Step.CHANGE_MENU, None
            return Review(context, items, attachments, report.submitted_at)
        states = await _answer_states(uow, report.id)
        question = next_question(questions, states)
        if question is None:
            conversation.step, conversation.question_key = Step.REVIEW, None
            return Review(context, items, attachments)
        conversation.question_key = question.key
        return Ask(context, question, position(questions, question.key), len(questions))

    async def _on_text(
        self,
        uow: UnitOfWork,
        chat: Chat,
        message_id: int,
        conversation: Conversation,
        person: Person,
        text: str,
        now: datetime,
    ) -> Outcome:
        if conversation.step not in (Step.ANSWER, Step.CHANGE) or conversation.report_id is None:
            return await self._reprompt(uow, conversation, person, now, "answer.use_buttons")
        question = await self._current_question(uow, conversation)
        if question is None:  # the template changed under the conversation
            return await self._advance(uow, conversation, person, now)
        words = fold_for_matching(text).rstrip(".!")
        answer = await uow.reports.answer(conversation.report_id, question.key)
        has_text = answer is not None and not answer.skipped and bool(answer.text)
        changing = conversation.step is Step.CHANGE

        if conversation.pending_value is not None:
            # A figure waits for a yes: "đúng"/"có" stores it, "không" drops it, and anything
            # else is read as the answer to the question now waiting.
            said = parse_yesno(text)
            if isinstance(said, ParsedAnswer) and said.value == "yes":
                return await self._take_pending(uow, chat, conversation, person, now)
            declined = _declined(conversation)
            _clear_pending(conversation)
            if isinstance(said, ParsedAnswer):
                return await self._reprompt(uow, conversation, person, now, declined)
        if words in SKIP_WORDS and not has_text:
            if question.required:
                return await self._reprompt(uow, conversation, person, now, "answer.required")
            await self._store_skip(uow, conversation, question, person, now)
            return await self._after_answer(uow, conversation, person, question, None, now)
        if question.kind is AnswerKind.TEXT and not changing and has_text and words in DONE_WORDS:
            return await self._advance(uow, conversation, person, now)

        parsed = parse_answer(question.kind, text, question.unit)
        if isinstance(parsed, AnswerProblem):
            return await self._reprompt(uow, conversation, person, now, parsed.code)
        if isinstance(parsed, Unsure):
            return await self._to_confirm(uow, conversation, person, question, parsed.text,
                                          parsed.value, Doubt(parsed.code), message_id)  # fmt: skip
        if parsed.value is not None and question.kind in NUMERIC_KINDS:
            report = (await self._load(uow, conversation.report_id))[0]
            largest = await uow.reports.largest_earlier(report.organization_id, question.key,
                                                        report.id)  # fmt: skip
            if (found := doubt(question, Decimal(parsed.value), largest)) is not None:
                return await self._to_confirm(uow, conversation, person, question, parsed.text,
                                              parsed.value, found, message_id)  # fmt: skip
        if question.kind is AnswerKind.TEXT and not changing and has_text:
            assert answer is not None
            answer.text = f"{answer.text}\n{parsed.text}"
            answer.answered_at = now
            await uow.reports.add_part(
                AnswerPart(answer_id=answer.id, chat_id=chat.id, message_id=message_id,
                           text=parsed.text, created_at=now)
            )  # fmt: skip
            return Received()
        old = await self._store_answer(
            uow, conversation, question, parsed, person, chat, message_id, now
        )
        if question.kind is AnswerKind.TEXT and not changing:
            report, period, organization, group, config = await self._load(
                uow, conversation.report_id
            )
            return MoreText(
                self._context(report, period, organization, group, config, person), question
            )
        return await self._after_answer(uow, conversation, person, question, old, now)

    async def _someone_elses(
        self, uow: UnitOfWork, chat: Chat, reply_to: int, text: str
    ) -> Outcome:
        """A reply to a question put to another leader: nobody's answer. If it reads as an
        answer, the writer is told whose question it was."""
        prompt = await uow.prompts.by_message(chat.id, reply_to)
        found = await uow.reports.setting(prompt.report_id) if prompt is not None else None
        addressee = await uow.session.get(Person, prompt.person_id) if prompt else None
        if prompt is None or found is None or addressee is None:
            return Ignored()
        config = self._group_config(found[3])
        question = next((q for q in config.questions if q.key == prompt.question_key), None)
        if question is None or isinstance(parse_answer(question.kind, text, question.unit),
                                          AnswerProblem):  # fmt: skip
            return Ignored()  # a remark, not an answer: nothing to say
        return NotYourQuestion(config.language, Who(addressee.user_id, display_name(addressee)))

    async def _earlier(
        self, uow: UnitOfWork, chat: Chat, message_id: int, conversation: Conversation,
        person: Person, key: str, text: str, now: datetime,
    ) -> Outcome:  # fmt: skip
        """A message that answers an earlier question of the report (written before the
        question now waiting was shown, or a reply to the earlier prompt): the same answer
        again is a repeat (acknowledged, nothing changes); another is a correction of that
        answer, said so, and the question now waiting is shown again."""
        assert conversation.report_id is not None
        report, _, organization, _, config = await self._load(uow, conversation.report_id)
        question = next((q for q in config.questions_for(organization.code) if q.key == key),
                        None)  # fmt: skip
        answer = await uow.reports.answer(report.id, key)
        parsed = parse_answer(question.kind, text, question.unit) if question else None
        if question is None or answer is None or isinstance(parsed, AnswerProblem | None):
            return await self._reprompt(uow, conversation, person, now, "answer.earlier_unread")
        if question.kind is AnswerKind.TEXT and isinstance(parsed, ParsedAnswer):
            if parsed.text not in [p.text for p in await uow.reports.parts(answer.id)]:
                answer.text = f"{answer.text}\n{parsed.text}"  # more of the same text answer
                await uow.reports.add_part(
                    AnswerPart(answer_id=answer.id, chat_id=chat.id, message_id=message_id,
                               text=parsed.text, created_at=now)
                )  # fmt: skip
            return Received()
        if isinstance(parsed, ParsedAnswer) and not answer.skipped and parsed.value == answer.value:
            return Received()  # typed twice: the same answer, once
        # Another figure for an earlier question: a second thought, or the next answer typed
        # ahead of its question? Asked, never applied on a guess.
        old = _display(question, answer, config.language)
        assert parsed is not None
        assert parsed.value is not None
        return await self._to_confirm(uow, conversation, person, question, parsed.text,
                                      parsed.value, Doubt("answer.confirm_correction"),
                                      message_id, shown_with=old)  # fmt: skip

    async def _perhaps_a_copy(
        self, uow: UnitOfWork, chat: Chat, message_id: int, conversation: Conversation,
        person: Person, after: int | None, text: str, now: datetime,
    ) -> Outcome:  # fmt: skip
        """The bot stopped before it heard which message showed the question now waiting:
        ``text`` may have been written before it appeared. If it gives again the answer of
        message ``after`` (the one before), the person is asked which it is; otherwise it is
        read as the answer to the question now waiting."""
        part = await uow.reports.part_by_message(chat.id, after) if after is not None else None
        earlier = await uow.session.get(Answer, part.answer_id) if part is not None else None
        question = await self._current_question(uow, conversation)
        if earlier is not None and question is not None and question.kind in NUMERIC_KINDS:
            parsed = parse_answer(question.kind, text, question.unit)
            if isinstance(parsed, ParsedAnswer) and parsed.value == earlier.value:
                assert parsed.value is not None
                return await self._to_confirm(uow, conversation, person, question, parsed.text,
                                              parsed.value, Doubt("answer.confirm_copy"),
                                              message_id)  # fmt: skip
        return await self._on_text(uow, chat, message_id, conversation, person, text, now)

    async def _to_confirm(
        self, uow: UnitOfWork, conversation: Conversation, person: Person, question: Question,
        text: str, value: str, why: Doubt, message_id: int | None,
        shown_with: str | None = None,
    ) -> Outcome:  # fmt: skip
        """Keep a figure for ``question`` (the one waiting, or an earlier one it would
        correct) and ask the person whether it is what they meant. ``shown_with``: the
        answer it would replace."""
        assert conversation.report_id is not None
        conversation.pending_text, conversation.pending_value = text, value
        conversation.pending_reason, conversation.pending_message_id = why.code, message_id
        conversation.pending_key = question.key
        loaded = await self._load(uow, conversation.report_id)
        config = loaded[4]
        display = format_value(question.kind, text, value, question.unit, config.language,
                               (plain("answer.yes", config.language), ""))  # fmt: skip
        bound = shown_with
        if why.bound is not None:
            bound = format_value(question.kind, str(why.bound), str(why.bound), question.unit,
                                 config.language, ("", ""))  # fmt: skip
        return ConfirmFigure(self._context(*loaded, person), question, display, why.code, bound)

    async def _take_pending(
        self, uow: UnitOfWork, chat: Chat, conversation: Conversation, person: Person,
        now: datetime,
    ) -> Outcome:  # fmt: skip
        """The person said yes to the figure the bot asked about: it answers its question
        (the one waiting; or an earlier one, corrected, and the one waiting is shown again)."""
        assert conversation.pending_text is not None
        assert conversation.report_id is not None
        parsed = ParsedAnswer(conversation.pending_text, conversation.pending_value)
        message_id, key = conversation.pending_message_id, conversation.pending_key
        _clear_pending(conversation)
        report, period, organization, group, config = await self._load(uow, conversation.report_id)
        question = next((q for q in config.questions_for(organization.code) if q.key == key),
                        None)  # fmt: skip
        if question is None:
            return await self._reprompt(uow, conversation, person, now, None)
        old = await self._store_answer(uow, conversation, question, parsed, person, chat,
                                       message_id, now)  # fmt: skip
        if key == conversation.question_key:
            return await self._after_answer(uow, conversation, person, question, old, now)
        answer = await uow.reports.answer(report.id, question.key)
        new = _display(question, answer, config.language)
        then = await self._reprompt(uow, conversation, person, now, None)
        context = self._context(report, period, organization, group, config, person)
        return Corrected(context, question, old or "", new, then)

    async def confirm_figure(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str,
        accepted: bool, now: datetime,
    ) -> Outcome:  # fmt: skip
        """ "Đúng" (the figure the bot asked about is the answer) or "Nhập lại"."""
        async with self._db.unit_of_work() as uow:
            found = await self._pressed(uow, chat, query_id, sender, report_id, None,
                                        (Step.ANSWER, Step.CHANGE), now)  # fmt: skip
            if not isinstance(found, tuple):
                return found
            conversation, person = found
            if conversation.pending_value is None or conversation.pending_key != key:
                await uow.commit()
                return StaleButton(self._language_of_chat(chat))
            if accepted:
                outcome = await self._take_pending(uow, chat, conversation, person, now)
            else:
                declined = _declined(conversation)
                _clear_pending(conversation)
                outcome = await self._reprompt(uow, conversation, person, now, declined)
            outcome = await with_prompt(uow, chat, person, outcome, None, now)
            await uow.commit()
            return outcome

    async def _after_answer(
        self,
        uow: UnitOfWork,
        conversation: Conversation,
        person: Person,
        question: Question,
        old: str | None,
        now: datetime,
    ) -> Outcome:
        if conversation.step is not Step.CHANGE:
            return await self._advance(uow, conversation, person, now)
        assert conversation.report_id is not None
        report, period, organization, group, config = await self._load(uow, conversation.report_id)
        report.updated_at = now
        if report.state is ReportState.SUBMITTED:
            await uow.conversations.remove(conversation)
            answer = await uow.reports.answer(report.id, question.key)
            new = _display(question, answer, config.language) if answer else ""
            context = self._context(report, period, organization, group, config, person)
            return Changed(context, question, old or "", new)
        conversation.step, conversation.question_key = Step.REVIEW, None
        conversation.updated_at = now
        return await self._review(uow, conversation, person)

    async def _advance(
        self, uow: UnitOfWork, conversation: Conversation, person: Person, now: datetime
    ) -> Outcome:
        assert conversation.report_id is not None
        _clear_pending(conversation)  # a figure asked about earlier answers nothing now
        report, period, organization, group, config = await self._load(uow, conversation.report_id)
        questions = config.questions_for(organization.code)
        states = await _answer_states(uow, report.id)
        question = next_question(questions, states)
        conversation.updated_at = now
        if question is None:
            conversation.step, conversation.question_key = Step.REVIEW, None
            return await self._review(uow, conversation, person)
        conversation.step, conversation.question_key = Step.ANSWER, question.key
        context = self._context(report, period, organization, group, config, person)
        return Ask(context, question, position(questions, question.key), len(questions))

    async def _review(self, uow: UnitOfWork, conversation: Conversation, person: Person) -> Outcome:
        assert conversation.report_id is not None
        report, period, organization, group, config = await self._load(uow, conversation.report_id)
        questions = config.questions_for(organization.code)
        items = await self._items(uow, report, questions, config.language)
        attachments = len(await uow.reports.attachments(report.id))
        context = self._context(report, period, organization, group, config, person)
        submitted = report.submitted_at if report.state is ReportState.SUBMITTED else None
        return Review(context, items, attachments, submitted)

    async def _reprompt(
        self,
        uow: UnitOfWork,
        conversation: Conversation,
        person: Person,
        now: datetime,
        problem: str | None,
    ) -> Outcome:
        """Say what was wrong (if anything) and show again what the conversation waits for."""
        if conversation.report_id is None:  # choosing an organization or a period
            group = await uow.groups.by_id(conversation.group_id)
            return UseButtons(self._group_config(group).language if group else "vi")
        if conversation.step in (Step.REVIEW, Step.CHANGE_MENU):
            return await self._review(uow, conversation, person)
        report, period, organization, group, config = await self._load(uow, conversation.report_id)
        questions = config.questions_for(organization.code)
        question = await self._current_question(uow, conversation)
        if question is None:
            return await self._advance(uow, conversation, person, now)
        context = self._context(report, period, organization, group, config, person)
        return Ask(context, question, position(questions, question.key), len(questions), problem)

    async def _current_question(
        self, uow: UnitOfWork, conversation: Conversation
    ) -> Question | None:
        if conversation.report_id is None or conversation.question_key is None:
            return None
        _, _, organization, _, config = await self._load(uow, conversation.report_id)
        return next(
            (q for q in config.questions_for(organization.code)
             if q.key == conversation.question_key),
            None,
        )  # fmt: skip

    async def _store_answer(
        self,
        uow: UnitOfWork,
        conversation: Conversation,
        question: Question,
        parsed: ParsedAnswer,
        person: Person,
        chat: Chat,
        message_id: int | None,
        now: datetime,
    ) -> str | None:
        """Set the answer from one message; returns the old answer as displayed, if any."""
        assert conversation.report_id is not None
        report, _, _, _, config = await self._load(uow, conversation.report_id)
        lang = config.language
        answer = await uow.reports.answer(report.id, question.key)
        old: str | None = None
        if answer is None:
            answer = await uow.reports.add_answer(
                Answer(report_id=report.id, question_key=question.key, text=parsed.text,
                       value=parsed.value, skipped=False, answered_by=person.id, answered_at=now)
            )  # fmt: skip
        else:
            old = _display(question, answer, lang)
            await _replace_answer(
                uow, answer, parsed, person, now,
                revision=report.state is ReportState.SUBMITTED,
            )  # fmt: skip
            await uow.reports.remove_parts(answer.id)
        if message_id is not None:
            await uow.reports.add_part(
                AnswerPart(answer_id=answer.id, chat_id=chat.id, message_id=message_id,
                           text=parsed.text, created_at=now)
            )  # fmt: skip
        report.updated_at = now
        return old

    async def _store_skip(
        self,
        uow: UnitOfWork,
        conversation: Conversation,
        question: Question,
        person: Person,
        now: datetime,
    ) -> None:
        assert conversation.report_id is not None
        _clear_pending(conversation)
        answer = await uow.reports.answer(conversation.report_id, question.key)
        if answer is None:
            await uow.reports.add_answer(
                Answer(report_id=conversation.report_id, question_key=question.key, text="",
                       value=None, skipped=True, answered_by=person.id, answered_at=now)
            )  # fmt: skip
            return
        await _replace_answer(uow, answer, None, person, now, revision=False)
        await uow.reports.remove_parts(answer.id)

    async def _load(
        self, uow: UnitOfWork, report_id: int
    ) -> tuple[Report, Period, Organization, Group, GroupConfig]:
        found = await uow.reports.setting(report_id)
        assert found is not None
        report, period, organization, group = found
        return report, period, organization, group, self._group_config(group)

    def _context(
        self,
        report: Report,
        period: Period,
        organization: Organization,
        group: Group,
        config: GroupConfig,
        person: Person,
    ) -> ReportContext:
        return ReportContext(
            report_id=report.id,
            organization=organization.name,
            group=group.name,
            period=PeriodKey.parse(period.key),
            deadline_at=period.deadline_at,
            timezone=config.timezone,
            language=config.language,
            who=Who(person.user_id, person.full_name),
        )

    async def _items(
        self, uow: UnitOfWork, report: Report, questions: tuple[Question, ...], lang: str
    ) -> tuple[Item, ...]:
        answers = {a.question_key: a for a in await uow.reports.answers(report.id)}
        items = []
        for question in questions:
            answer = answers.get(question.key)
            if answer is None:
                items.append(Item(question, None))
            elif answer.skipped:
                items.append(Item(question, "", skipped=True))
            else:
                items.append(Item(question, _display(question, answer, lang)))
        return tuple(items)

    async def _organization_status(
        self,
        uow: UnitOfWork,
        organization: Organization,
        group: Group,
        key: PeriodKey,
        questions: tuple[Question, ...],
        now: datetime,
    ) -> OrganizationStatus:
        config = self._group_config(group)
        period = await uow.reports.period(group.id, str(key))
        report = await uow.reports.report(period.id, organization.id) if period else None
        deadline = (
            period.deadline_at if period
            else PeriodWindow.of(key, config.timezone, config.schedule.deadline).deadline_at
        )  # fmt: skip
        if report is None:
            return OrganizationStatus(
                organization.name, key, "not_started", 0, len(questions), deadline_at=deadline,
                status=report_status(submitted_at=None, deadline_at=deadline, now=now),
            )  # fmt: skip
        states = await _answer_states(uow, report.id)
        status = report_status(submitted_at=report.submitted_at, deadline_at=deadline, now=now,
                               excused=report.state is ReportState.EXCUSED)  # fmt: skip
        return OrganizationStatus(
            organization.name, key, report.state.value, progress(questions, states),
            len(questions), report.submitted_at, status, deadline,
        )  # fmt: skip


# --- module helpers --------------------------------------------------------------------------


async def _set_conversation(
    uow: UnitOfWork, chat: Chat, person: Person, group: Group, step: Step, now: datetime
) -> Conversation:
    conversation = await uow.conversations.get(chat.id, person.id)
    if conversation is None:
        return await uow.conversations.add(
            Conversation(chat_id=chat.id, person_id=person.id, group_id=group.id, step=step,
                         updated_at=now)
        )  # fmt: skip
    conversation.group_id, conversation.step, conversation.updated_at = group.id, step, now
    conversation.organization_id = conversation.report_id = None
    conversation.question_key = None
    _clear_pending(conversation)
    return conversation


async def _answer_states(uow: UnitOfWork, report_id: int) -> dict[str, AnswerState]:
    return {
        a.question_key: AnswerState.SKIPPED if a.skipped else AnswerState.ANSWERED
        for a in await uow.reports.answers(report_id)
    }


async def _replace_answer(
    uow: UnitOfWork,
    answer: Answer,
    new: ParsedAnswer | None,
    person: Person,
    now: datetime,
    *,
    revision: bool,
) -> None:
    """Overwrite an answer (None: skipped), keeping who/when/old/new when asked to."""
    new_text, new_value = (new.text, new.value) if new else ("", None)
    if revision:
        await uow.reports.add_revision(
            AnswerRevision(answer_id=answer.id, old_text=answer.text, old_value=answer.value,
                           new_text=new_text, new_value=new_value, changed_by=person.id,
                           changed_at=now)
        )  # fmt: skip
    answer.text, answer.value, answer.skipped = new_text, new_value, new is None
    answer.answered_by, answer.answered_at = person.id, now


def _clear_pending(conversation: Conversation) -> None:
    conversation.pending_text = conversation.pending_value = None
    conversation.pending_reason = conversation.pending_message_id = None
    conversation.pending_key = None


def _declined(conversation: Conversation) -> str:
    """What to say when the person says no to the figure the bot asked about."""
    if conversation.pending_key != conversation.question_key:
        return "answer.correction_dropped"  # the earlier answer stays as it was
    if conversation.pending_reason == "answer.confirm_copy":
        return "answer.copy_dropped"
    return "answer.retype"


def _waits_for(conversation: Conversation, report_id: int, key: str | None, step: Step) -> bool:
    return (
        conversation.step is step
        and conversation.report_id == report_id
        and (key is None or conversation.question_key == key)
    )


def _display(question: Question, answer: Answer | None, lang: str) -> str:
    if answer is None:
        return ""
    if answer.skipped:
        return ""
    yes_no = (plain("answer.yes", lang), plain("answer.no", lang))
    return format_value(question.kind, answer.text, answer.value, question.unit, lang, yes_no)
