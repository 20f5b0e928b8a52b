"""The weekly report conversation as use cases: start, answer, skip, attach, review, submit,
change, cancel.

What the conversation does is decided in ``bot.core.conversation``; this service loads the
conversation's state and the draft, hands the person's event to ``decide``, applies what it
returns and puts the reply into an outcome. Every call is one unit of work: the answer is
committed before the caller replies, and the conversation's state lives in the database, so
a restart at any point loses nothing. Incoming messages and button presses are marked handled
in the same transaction, so a redelivered update changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from bot.config import AppConfig, GroupConfig
from bot.core import conversation as talk
from bot.core.answers import (
    NUMERIC_KINDS,
    AnswerKind,
    AnswerProblem,
    ParsedAnswer,
    Unsure,
    parse_answer,
)
from bot.core.attribution import Belongs
from bot.core.conversation import Draft, Given, ReportState, State, Step, decide, needs
from bot.core.periods import PeriodKey, PeriodWindow
from bot.core.plausibility import doubt
from bot.core.policy import Action
from bot.core.questionnaire import AnswerState, Question, position, progress
from bot.core.reporting import reportable_periods
from bot.core.status import report_status
from bot.services.acting import Acting, UseCases
from bot.services.following import apply_follow_ups, follow_up_questions
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
    NotYourQuestion,
    OrganizationStatus,
    Outcome,
    Received,
    ReportContext,
    Review,
    Shown,
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
from bot.services.plan_data import apply_report, report_questions
from bot.services.prompts import attribution, prompt_of, with_prompt
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import (
    Answer,
    AnswerPart,
    AnswerRevision,
    Attachment,
    Conversation,
    Group,
    Organization,
    Period,
    Person,
    Report,
)
from storage.repositories import AnswerRow
from storage.uow import UnitOfWork

FOLLOW_UP_PREFIXES = ("cd_", "nv_")  # the bot's own questions after a template's


@dataclass(frozen=True)
class File:
    """An attachment as it came: kept with the report being written."""

    kind: str
    file_id: str
    file_name: str | None
    caption: str | None


class Setting(NamedTuple):
    """A report with what it belongs to."""

    report: Report
    period: Period
    organization: Organization
    group: Group
    config: GroupConfig
    follow_ups: tuple[Question, ...] = ()  # directions open, plan tasks carried
    level: int | None = None  # the response plan's situation in force (None: no plan)
    # Questions of other situations this report has answered (before a switch): kept in it.
    answered: frozenset[str] = frozenset()

    @property
    def questions(self) -> tuple[Question, ...]:
        template = self.config.questions_for(self.organization.code)
        asked = tuple(q for q in template if q.asked_at(self.level) or q.key in self.answered)
        return (*asked, *self.follow_ups)

    @property
    def language(self) -> str:
        return self.config.language


class ReportingService:
    def __init__(
        self, db: Database, config: AppConfig, answered: Answered, words: WeekWords
    ) -> None:
        self._db = db
        self._words = words
        self._acting = UseCases(db, config)
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
        async def work(acting: Acting) -> Outcome:
            uow, person = acting.uow, acting.person
            led = await self._led(acting)
            if len(led) > 1:
                await _set_conversation(uow, chat, person, led[0][1], Step.CHOOSE_ORGANIZATION, now)
                options = tuple(
                    (org.id, f"{org.name} — {g.name}" if chat.private else org.name)
                    for org, g in led
                )
                lang = self._group_config(led[0][1]).language
                return ChooseOrganization(Who(sender.user_id, sender.full_name), lang, options)
            organization, org_group = led[0]
            outcome = await self._begin(uow, chat, person, sender, organization, org_group, now)
            return await with_prompt(uow, chat, person, outcome, after, now)

        async def again(uow: UnitOfWork) -> Outcome:
            return await self._resume(uow, chat, sender, now, handled_key)

        return await self._acting.run(
            chat, sender, now, work, handled=handled_key, action=Action.REPORT, again=again
        )

    async def _led(self, acting: Acting) -> list[tuple[Organization, Group]]:
        """The organizations the sender leads where the chat is about (the policy has let
        only such places through, so there is at least one)."""
        group_id = None if acting.chat.private else acting.place.group.id
        allowed = {place.group.id for place in acting.places}
        led = await acting.uow.groups.leaderships(acting.person.id, group_id)
        return [(org, group) for org, group in led if group.id in allowed]

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
            outcome = await self._open(uow, chat, person, organization, group, period, now)
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

    # --- the conversation: what the person writes or presses -----------------------------

    async def receive_text(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        text: str,
        now: datetime,
        reply_to: int | None = None,
    ) -> Outcome:
        """A message that may be an answer: to the question the person was asked, or to an
        earlier one (written before the question now waiting was shown, or a reply to it)."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            await self._note_shown(uow)
            person, conversation = await uow.reports.sender_conversation(chat.id, sender.user_id)
            where = await attribution(uow, chat, message_id, reply_to, person, conversation)
            if where.belongs is Belongs.SOMEONE_ELSES:
                assert reply_to is not None
                outcome = await self._someone_elses(uow, chat, reply_to, text)
                await uow.commit()
                return outcome
            if conversation is None or person is None:
                await uow.commit()
                return self._no_conversation(chat)
            event: talk.Event
            match where.belongs:
                case Belongs.EARLIER:
                    assert where.question_key is not None
                    event = talk.TypedEarlier(where.question_key, text, message_id)
                case Belongs.BEFORE_ANY:
                    event = talk.WrittenBefore()
                case Belongs.MAYBE_REPEAT:
                    previous = await self._value_of(uow, chat, where.after)
                    event = talk.TypedMaybeAgain(text, message_id, previous)
                case Belongs.OTHER_REPORT:
                    event = talk.ForOtherReport()
                case _:
                    event = talk.Typed(text, message_id)
            outcome = await self._turn(uow, chat, conversation, person, event, now)
            outcome = await with_prompt(uow, chat, person, outcome, message_id, now)
            await uow.commit()
            return outcome

    async def receive_attachment(
        self, chat: Chat, message_id: int, sender: Sender, file: File, now: datetime
    ) -> Outcome:
        """A photo, document, voice note or video: kept with the report being written."""
        event = talk.Attached(file.caption, message_id)
        return await self._message(chat, message_id, sender, event, now, file)

    async def receive_unsupported(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome:
        """A sticker or anything else that cannot be an answer: ask the question again."""
        return await self._message(chat, message_id, sender, talk.Unsupported(), now)

    async def skip(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        return await self._press(chat, query_id, sender, talk.Skip(report_id, key), now)

    async def finish_text(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        """'Done' after a text answer given in one or more messages."""
        return await self._press(chat, query_id, sender, talk.Finish(report_id, key), now)

    async def confirm_figure(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        report_id: int,
        key: str,
        accepted: bool,
        now: datetime,
    ) -> Outcome:
        """ "Đúng" (the figure the bot asked about is the answer) or "Nhập lại"."""
        event = talk.FigureAnswer(report_id, key, accepted)
        return await self._press(chat, query_id, sender, event, now)

    async def confirm(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, now: datetime
    ) -> Outcome:
        return await self._press(chat, query_id, sender, talk.Submit(report_id), now)

    async def choose(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        report_id: int,
        key: str,
        value: str,
        now: datetime,
    ) -> Outcome:
        return await self._press(chat, query_id, sender, talk.Chose(report_id, key, value), now)

    async def change(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, key: str, now: datetime
    ) -> Outcome:
        """Pick an answer to change, from the review (draft) or after submission."""
        return await self._press(chat, query_id, sender, talk.Change(report_id, key), now)

    async def keep(
        self, chat: Chat, query_id: str, sender: Sender, report_id: int, now: datetime
    ) -> Outcome:
        return await self._press(chat, query_id, sender, talk.Keep(report_id), now)

    async def cancel(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/cancel: stop asking; the draft stays and /report continues it."""
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            if not chat.private and self._config.group(chat.id) is None:
                await uow.commit()
                return NotConfigured()
            found = await self._conversation(uow, chat, sender)
            if found is None:
                await uow.commit()
                return NothingToCancel(self._language_of_chat(chat))
            outcome = await self._turn(uow, chat, *found, talk.Cancel(), now)
            await uow.commit()
            return outcome

    async def _message(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        event: talk.Event,
        now: datetime,
        file: File | None = None,
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return await self._resume(uow, chat, sender, now, message_key(chat, message_id))
            found = await self._conversation(uow, chat, sender)
            if found is None:
                await uow.commit()
                return self._no_conversation(chat)
            conversation, person = found
            outcome = await self._turn(
                uow, chat, conversation, person, event, now, _Incoming(message_id, file)
            )
            outcome = await with_prompt(uow, chat, person, outcome, message_id, now)
            await uow.commit()
            return outcome

    async def _press(
        self, chat: Chat, query_id: str, sender: Sender, event: talk.Pressed, now: datetime
    ) -> Outcome:
        """A button under one of the report's messages. Pressed again (or delivered again)
        after the report went in, "Gửi báo cáo" gives the receipt, which the person may never
        have had (it failed to send, the bot stopped)."""
        async with self._db.unit_of_work() as uow:
            handled = button_key(query_id)
            if not await uow.handled.mark(handled, now):
                outcome = await self._resume(uow, chat, sender, now, handled)
            elif (found := await self._conversation(uow, chat, sender)) is None:
                outcome = StaleButton(self._language_of_chat(chat))
            else:
                outcome = await self._turn(uow, chat, *found, event, now)
                outcome = await with_prompt(
                    uow, chat, person=found[1], outcome=outcome, after=None, now=now
                )
            await uow.commit()
            if (
                isinstance(event, talk.Submit)
                and not isinstance(outcome, Submitted)
                and handled not in self._answered
            ):
                return await self._receipt(uow, event.report_id, sender) or outcome
            return outcome

    # --- one turn of the conversation: load, decide, apply, say ---------------------------

    async def _turn(
        self,
        uow: UnitOfWork,
        chat: Chat,
        conversation: Conversation,
        person: Person,
        event: talk.Event,
        now: datetime,
        incoming: _Incoming | None = None,
    ) -> Outcome:
        state = _state_of(conversation)
        setting = await self._load(uow, state.report_id) if state.report_id else None
        draft = await self._draft(uow, setting, state, event) if setting else None
        decision = decide(state, draft, event)
        stored = set(draft.answers) if draft else set()
        await self._apply(uow, chat, person, setting, decision, stored, now, incoming)
        if decision.state is None:
            await uow.conversations.remove(conversation)
        elif decision.state != state:
            await uow.conversations.keep_state(conversation, **_columns(decision.state, now))
        return await self._say(uow, chat, conversation, person, setting, decision, decision.say)

    async def _draft(
        self, uow: UnitOfWork, setting: Setting, state: State, event: talk.Event
    ) -> Draft:
        rows = await uow.reports.answer_rows(setting.report.id)
        answers = {a.question_key: Given(a.text, a.value, a.skipped) for a in rows}
        draft = Draft(setting.report.id, setting.questions, answers, setting.report.state)
        wanted = needs(state, draft, event)
        if wanted.largest_for is not None:
            largest = await uow.reports.largest_earlier(
                setting.organization.id, wanted.largest_for, setting.report.id
            )
            draft = replace(draft, largest=largest)
        if wanted.parts_of is not None and (row := _row(rows, wanted.parts_of)) is not None:
            parts = tuple(p.text for p in await uow.reports.parts(row.id))
            draft = draft.with_answer(
                row.question_key, replace(answers[row.question_key], parts=parts)
            )
        return draft

    async def _apply(
        self,
        uow: UnitOfWork,
        chat: Chat,
        person: Person,
        setting: Setting | None,
        decision: talk.Decision,
        stored: set[str],
        now: datetime,
        incoming: _Incoming | None,
    ) -> None:
        """Carry out the decision's effects; ``stored``: the questions with a stored answer."""
        if not decision.effects:
            return
        assert setting is not None
        report = setting.report
        changed: list[str] = []  # answers about directions, changed after submission
        for effect in decision.effects:
            match effect:
                case talk.Put(key, text, value, message_id):
                    new = ParsedAnswer(text, value)
                    await self._put(uow, chat, report, key, new, person, message_id, stored, now)
                    if report.state is ReportState.SUBMITTED:
                        changed.append(key)
                case talk.Append(key, text, message_id):
                    answer = await uow.reports.answer(report.id, key)
                    assert answer is not None
                    answer.text, answer.answered_at = f"{answer.text}\n{text}", now
                    await uow.reports.add_part(
                        AnswerPart(
                            answer_id=answer.id,
                            chat_id=chat.id,
                            message_id=message_id,
                            text=text,
                            created_at=now,
                        )
                    )
                case talk.PutSkip(key):
                    await self._put(uow, chat, report, key, None, person, None, stored, now)
                case talk.Attach(key):
                    assert incoming is not None
                    assert incoming.file is not None
                    file = incoming.file
                    await uow.reports.add_attachment(
                        Attachment(
                            report_id=report.id,
                            question_key=key,
                            kind=file.kind,
                            file_id=file.file_id,
                            file_name=file.file_name,
                            caption=file.caption,
                            chat_id=chat.id,
                            message_id=incoming.message_id,
                            added_by=person.id,
                            added_at=now,
                        )
                    )
                    continue  # the report's answers are as they were
                case talk.SubmitReport():
                    report.state = ReportState.SUBMITTED
                    report.submitted_at, report.submitted_by = now, person.id
                    # Every answer about a task or a direction, also one asked before a
                    # switch of the situation took its question away.
                    changed = sorted(
                        k
                        for k in stored | {q.key for q in setting.follow_ups}
                        if k.startswith(FOLLOW_UP_PREFIXES)
                    )
            await uow.reports.touch(report, now)
        if changed:
            # The report's answers about plan tasks and directions update them once it is
            # submitted.
            await apply_report(uow, setting.group.id, report, person, changed, now)
            await apply_follow_ups(
                uow,
                self._words,
                setting.config,
                setting.group,
                report,
                setting.organization,
                person,
                changed,
                now,
            )

    async def _put(
        self,
        uow: UnitOfWork,
        chat: Chat,
        report: Report,
        key: str,
        new: ParsedAnswer | None,
        person: Person,
        message_id: int | None,
        stored: set[str],
        now: datetime,
    ) -> None:
        """Set the answer to ``key`` from one message (``None``: skipped); after submission
        the old answer is kept in the revision history. A first answer is added as a row."""
        answer = await uow.reports.answer(report.id, key) if key in stored else None
        if answer is None:
            given = (new.text, new.value, False) if new else ("", None, True)
            answer_id = await uow.reports.insert_answer(report.id, key, given, person.id, now)
            stored.add(key)
        else:
            answer_id = answer.id
            await _replace_answer(
                uow,
                answer,
                new,
                person,
                now,
                revision=new is not None and report.state is ReportState.SUBMITTED,
            )
            await uow.reports.remove_parts(answer.id)
        if message_id is not None and new is not None:
            await uow.reports.insert_part(answer_id, chat.id, message_id, new.text, now)

    async def _say(
        self,
        uow: UnitOfWork,
        chat: Chat,
        conversation: Conversation,
        person: Person,
        setting: Setting | None,
        decision: talk.Decision,
        say: talk.Say,
    ) -> Outcome:
        """The outcome the views put into words for what the conversation says."""
        if setting is None or decision.draft is None:
            match say:
                case talk.Cancelled(answered, total):
                    return Cancelled(self._language_of_chat(chat), answered, total)
                case talk.NoReport():
                    return self._no_conversation(chat)
                case talk.Stale():
                    return StaleButton(self._language_of_chat(chat))
            group = await uow.groups.by_id(conversation.group_id)
            return UseButtons(self._group_config(group).language if group else "vi")
        draft, lang = decision.draft, setting.language
        context = self._context(setting, person)
        match say:
            case talk.Ask(key, problem, current):
                question, total = _question(draft, key), len(draft.questions)
                shown = _shown(current) if current else None
                return Ask(context, question, position(draft.questions, key), total, problem, shown)
            case talk.AskMore(key):
                return MoreText(context, _question(draft, key))
            case talk.AskFigure(key, text, value, reason, bound, replacing):
                question = _question(draft, key)
                shown = _shown(replacing) if replacing else None
                if bound is not None:
                    shown = Shown(str(bound), str(bound))
                return ConfirmFigure(context, question, Shown(text, value), reason, shown)
            case talk.ShowReview():
                return await self._review(uow, setting, draft, context)
            case talk.Received():
                return Received()
            case talk.Corrected(key, old, new, then):
                question = _question(draft, key)
                after = await self._say(uow, chat, conversation, person, setting, decision, then)
                return Corrected(context, question, _shown(old), _shown(new), after)
            case talk.Changed(key, old, new):
                question = _question(draft, key)
                return Changed(context, question, _shown(old), _shown(new))
            case talk.Submitted():
                return await self._submitted(uow, setting.report.id, person)
            case talk.Kept():
                return Kept(self._language_of_chat(chat))
            case talk.Cancelled(answered, total):
                return Cancelled(lang, answered, total)
            case talk.NoReport():
                return self._no_conversation(chat)
            case talk.UseButtons():
                return UseButtons(lang)
        assert isinstance(say, talk.Stale), say
        return StaleButton(lang)

    async def _review(
        self, uow: UnitOfWork, setting: Setting, draft: Draft, context: ReportContext
    ) -> Review:
        items = _items(draft)
        attachments = len(await uow.reports.attachments(setting.report.id))
        report = setting.report
        submitted = report.submitted_at if report.state is ReportState.SUBMITTED else None
        return Review(context, items, attachments, submitted)

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
        outcome = await self._turn(uow, chat, conversation, person, talk.Redelivered(), now)
        # The question shown again is a prompt like any other: noted, with its message.
        outcome = await with_prompt(uow, chat, person, outcome, None, now)
        await uow.commit()
        return outcome

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
        return await self._open(uow, chat, person, organization, group, periods[0], now)

    async def _open(
        self,
        uow: UnitOfWork,
        chat: Chat,
        person: Person,
        organization: Organization,
        group: Group,
        key: PeriodKey,
        now: datetime,
    ) -> Outcome:
        """The report of ``key``: begun, or continued where it stands."""
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
        return await self._turn(uow, chat, conversation, person, talk.Open(), now)

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
        if question is None or isinstance(
            parse_answer(question.kind, text, question.unit), AnswerProblem
        ):
            return Ignored()  # a remark, not an answer: nothing to say
        return NotYourQuestion(config.language, Who(addressee.user_id, display_name(addressee)))

    async def _value_of(self, uow: UnitOfWork, chat: Chat, message_id: int | None) -> str | None:
        """The value message ``message_id`` gave as an answer, if it gave one."""
        part = await uow.reports.part_by_message(chat.id, message_id) if message_id else None
        answer = await uow.session.get(Answer, part.answer_id) if part is not None else None
        return answer.value if answer is not None else None

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
        setting = await self._load(uow, report_id)
        report = setting.report
        assert report.submitted_at is not None
        rows = await uow.reports.answers(report.id)
        answers = {a.question_key: Given(a.text, a.value, a.skipped) for a in rows}
        items = _items(Draft(report.id, setting.questions, answers))
        attachments = len(await uow.reports.attachments(report.id))
        at = report.submitted_at
        status = report_status(submitted_at=at, deadline_at=setting.period.deadline_at, now=at)
        figures = tuple(i for i in items if i.question.kind is not AnswerKind.TEXT and i.display)
        return Submitted(self._context(setting, person), status, at, figures, attachments)

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
            setting = await self._load(uow, answer.report_id)
            report = setting.report
            question = next((q for q in setting.questions if q.key == answer.question_key), None)
            person = await known_person(uow, sender, chat, now)
            if question is None:
                return Ignored()
            context = self._context(setting, person)
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
                numeric = question.kind in NUMERIC_KINDS
                if isinstance(parsed, Unsure) or (
                    numeric and doubt(question, Decimal(str(parsed.value)), None)
                ):
                    # Not stored on a doubt: an edit cannot be asked back about.
                    return EditRefused(context, question, "answer.edit_unsure")
                part.text, new = parsed.text, parsed
            if (answer.text, answer.value) == (new.text, new.value):
                return Ignored()  # a redelivered or cosmetic edit
            submitted = report.state is ReportState.SUBMITTED
            await _replace_answer(uow, answer, new, person, now, revision=submitted)
            report.updated_at = now
            if submitted and answer.question_key in {q.key for q in setting.follow_ups}:
                keys = [answer.question_key]
                await apply_report(uow, setting.group.id, report, person, keys, now)
                await apply_follow_ups(
                    uow,
                    self._words,
                    setting.config,
                    setting.group,
                    report,
                    setting.organization,
                    person,
                    [answer.question_key],
                    now,
                )
            await uow.commit()
            return EditApplied(context, question, _shown(answer), submitted)

    # --- status --------------------------------------------------------------------------------

    async def status(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/status: for each organization the person leads, where its report stands."""

        async def work(acting: Acting) -> Outcome:
            led = await self._led(acting)
            lines: list[OrganizationStatus] = []
            for organization, org_group in led:
                config = self._group_config(org_group)
                questions = config.questions_for(organization.code)
                for key in await self._open_periods(acting.uow, organization, org_group, now):
                    lines.append(
                        await self._organization_status(
                            acting.uow, organization, org_group, key, questions, now
                        )
                    )
            first = self._group_config(led[0][1])
            return StatusReport(first.language, first.timezone, tuple(lines))

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.STATUS
        )

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

    def _no_conversation(self, chat: Chat) -> Outcome:
        # In a group the bot only sees replies to itself; a stray one needs no answer.
        return NoConversation(self._language_of_chat(chat)) if chat.private else Ignored()

    async def _conversation(
        self, uow: UnitOfWork, chat: Chat, sender: Sender
    ) -> tuple[Conversation, Person] | None:
        person, conversation = await uow.reports.sender_conversation(chat.id, sender.user_id)
        return None if conversation is None or person is None else (conversation, person)

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

    async def _load(self, uow: UnitOfWork, report_id: int) -> Setting:
        found = await uow.reports.setting(report_id)
        assert found is not None
        report, period, organization, group = found
        config = self._group_config(group)
        submitted = report.state is ReportState.SUBMITTED
        follow_ups = await follow_up_questions(uow, organization.id, report.id, submitted)
        tasks = await report_questions(uow, group.id, organization.code, report)
        level, answered = None, frozenset[str]()
        if any(q.levels for q in config.questions):  # questions asked only at some situations
            plan = await uow.plans.of_group(group.id)
            level = plan.level if plan is not None else None
            rows = await uow.reports.answer_rows(report.id)
            answered = frozenset(r.question_key for r in rows if not r.skipped)
        follow = (*follow_ups, *tasks)
        return Setting(report, period, organization, group, config, follow, level, answered)

    def _context(self, setting: Setting, person: Person) -> ReportContext:
        return ReportContext(
            report_id=setting.report.id,
            organization=setting.organization.name,
            group=setting.group.name,
            period=PeriodKey.parse(setting.period.key),
            deadline_at=setting.period.deadline_at,
            timezone=setting.config.timezone,
            language=setting.config.language,
            who=Who(person.user_id, person.full_name),
        )

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
            period.deadline_at
            if period
            else PeriodWindow.of(key, config.timezone, config.schedule.deadline).deadline_at
        )
        if report is None:
            return OrganizationStatus(
                organization.name,
                key,
                "not_started",
                0,
                len(questions),
                deadline_at=deadline,
                status=report_status(submitted_at=None, deadline_at=deadline, now=now),
            )
        states = await _answer_states(uow, report.id)
        status = report_status(
            submitted_at=report.submitted_at,
            deadline_at=deadline,
            now=now,
            excused=report.state is ReportState.EXCUSED,
        )
        return OrganizationStatus(
            organization.name,
            key,
            report.state.value,
            progress(questions, states),
            len(questions),
            report.submitted_at,
            status,
            deadline,
        )


# --- module helpers --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Incoming:
    """The message an event came with: its id, and the file it carries, if any."""

    message_id: int
    file: File | None = None


def _state_of(conversation: Conversation) -> State:
    pending = None
    if conversation.pending_value is not None:
        assert conversation.pending_key is not None
        assert conversation.pending_text is not None
        pending = talk.Pending(
            conversation.pending_key,
            conversation.pending_text,
            conversation.pending_value,
            conversation.pending_reason or "",
            conversation.pending_message_id,
        )
    return State(conversation.step, conversation.report_id, conversation.question_key, pending)


def _columns(state: State, now: datetime) -> dict[str, object]:
    """The conversation's columns for ``state`` (``STATE_COLUMNS``)."""
    pending = state.pending
    return {
        "step": state.step,
        "report_id": state.report_id,
        "question_key": state.question_key,
        "pending_key": pending.key if pending else None,
        "pending_text": pending.text if pending else None,
        "pending_value": pending.value if pending else None,
        "pending_reason": pending.reason if pending else None,
        "pending_message_id": pending.message_id if pending else None,
        "updated_at": now,
    }


def _keep_state(conversation: Conversation, state: State, now: datetime) -> None:
    for name, value in _columns(state, now).items():
        setattr(conversation, name, value)


async def _set_conversation(
    uow: UnitOfWork, chat: Chat, person: Person, group: Group, step: Step, now: datetime
) -> Conversation:
    conversation = await uow.conversations.get(chat.id, person.id)
    if conversation is None:
        return await uow.conversations.add(
            Conversation(
                chat_id=chat.id, person_id=person.id, group_id=group.id, step=step, updated_at=now
            )
        )
    conversation.group_id, conversation.organization_id = group.id, None
    _keep_state(conversation, State(step), now)
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
            AnswerRevision(
                answer_id=answer.id,
                old_text=answer.text,
                old_value=answer.value,
                new_text=new_text,
                new_value=new_value,
                changed_by=person.id,
                changed_at=now,
            )
        )
    answer.text, answer.value, answer.skipped = new_text, new_value, new is None
    answer.answered_by, answer.answered_at = person.id, now


def _row(rows: list[AnswerRow], key: str) -> AnswerRow | None:
    return next((a for a in rows if a.question_key == key), None)


def _question(draft: Draft, key: str) -> Question:
    question = draft.question(key)
    assert question is not None, key
    return question


def _items(draft: Draft) -> tuple[Item, ...]:
    items = []
    for question in draft.questions:
        given = draft.answers.get(question.key)
        if given is None:
            items.append(Item(question, None))
        elif given.skipped:
            items.append(Item(question, None, skipped=True))
        else:
            items.append(Item(question, _shown(given)))
    return tuple(items)


def _shown(given: Given | Answer | None) -> Shown | None:
    """An answer for a view to word; None if there is none (or it was skipped)."""
    if given is None or given.skipped:
        return None
    return Shown(given.text, given.value)
