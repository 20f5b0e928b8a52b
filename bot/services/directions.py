"""Directions (chỉ đạo) as use cases: the secretariat gives one (organizations → text → due
date → review → send), lists and manages them (a new due date, closed with a reason,
withdrawn); the organizations' leaders acknowledge them and report results, with buttons or
by replying to the direction's message. Following up is in ``bot.services.following``.

What the bot waits for from a person about a direction (the text of a draft, a day, a
reason, a note) is a row (``DirectionAsk``), so a restart loses nothing; which people are
waited on is also kept in memory, so that every other message costs no look-up.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.config import AppConfig
from bot.core.conversation import DONE_WORDS
from bot.core.directions import (
    DueProblem,
    ReadResult,
    Result,
    end_of_week,
    numbers_in,
    read_due,
    read_result,
    reads_as_acknowledgement,
)
from bot.core.policy import Action
from bot.core.text import fold_for_matching
from bot.services.acting import Acting, UseCases, Work
from bot.services.direction_mail import who
from bot.services.direction_outcomes import (
    AskCloseReason,
    AskDirectionText,
    AskResultNote,
    Choice,
    ChooseResult,
    ChooseResultOrganization,
    FileKept,
    GiveRefused,
    NotAddressed,
    ReplyUnclear,
    ResultRecorded,
)
from bot.services.direction_steps import (
    ALL,
    ASK_LIFE,
    DUE,
    DUE_CHOICES,
    MAX_TEXT,
    NEW_DUE,
    NOTE,
    REASON,
    REVIEW,
    TARGETS,
    TEXT,
    TEXT_STEPS,
    Asking,
    Replied,
    Steps,
    joined,
    named_in,
    next_deadline,
)
from bot.services.following import (
    claim_reminders,
    record_result,
)
from bot.services.outcomes import Ignored, Outcome, Received, StaleButton
from bot.services.people import Chat, Sender, button_key, message_key
from bot.services.reporting import File
from bot.services.waiting import Asked, Waiting
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import Direction, DirectionTarget, Organization
from storage.uow import UnitOfWork

NOTHING_WORDS = frozenset({"không", "khong", "không có", "ko", "no", "none", "-"})


def _written(text: str) -> str:
    """A note or a reason as typed; "" when the person says there is none ("không")."""
    return "" if fold_for_matching(text).strip(" .!") in NOTHING_WORDS else text.strip()


def _number_asked(argument: str) -> int | None:
    match = re.fullmatch(r"(?:số\s*)?#?\s*(\d{1,6})", fold_for_matching(argument))
    return int(match[1]) if match else None


class DirectionService:
    def __init__(self, db: Database, config: AppConfig, words: WeekWords) -> None:
        self._db = db
        self._config = config
        self._words = words
        self._acting = UseCases(db, config)
        self._steps = Steps(words)
        self._waiting = Waiting(db, _asks, _ask)  # a draft's text, a day, a reason, a note

    # --- /chidao ----------------------------------------------------------------------------------

    async def command(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        argument: str,
        replied: Replied | None,
        now: datetime,
    ) -> Outcome:
        """/chidao: the open directions (and, for the secretariat, the organizations to give
        a new one to); /chidao 12: one direction; /chidao <text>: a new direction with its
        text; replying to a message about one organization chooses it."""
        number = _number_asked(argument)

        async def work(acting: Acting) -> Outcome:
            if number is not None:
                return await self._steps.detail(acting, number)
            manage = next((p for p in acting.places if p.secretariat), None)
            if manage is None:
                if argument.strip():
                    return GiveRefused(acting.language)
                # A leader of organizations in several groups (in private): the first group
                # with directions open for them.
                lists = [await self._steps.listing(acting, p, None) for p in acting.places]
                return next((found for found in lists if found.lines), lists[0])
            organization = named_in(replied, await self._steps.organizations(acting, manage))
            if not argument.strip() and organization is None:
                draft = await self._steps.new_draft(acting, manage, "", None)
                return await self._steps.listing(
                    acting, manage, await self._steps.targets(acting, draft)
                )
            text = argument.strip()
            if len(text) > MAX_TEXT:  # refused whole, not cut: asked for again
                draft = await self._steps.new_draft(acting, manage, "", organization)
                chooser = await self._steps.targets(acting, draft)
                return replace(chooser, problem="direction.too_long")
            draft = await self._steps.new_draft(acting, manage, text, organization)
            return await self._steps.after_targets(acting, draft)

        outcome = await self._acting.run(
            chat,
            sender,
            now,
            work,
            handled=message_key(chat, message_id),
            action=Action.DIRECTIONS,
        )
        await self._note_waiting(chat, sender)
        return outcome

    # --- giving: organizations, text, due date, review --------------------------------------------

    async def toggle(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        draft_id: int,
        organization_id: int,
        now: datetime,
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._steps.draft(acting, draft_id, TARGETS)
            chosen = {
                t.organization_id: t for t, _ in await acting.uow.directions.targets(draft.id)
            }
            organizations = await acting.uow.groups.organizations(draft.group_id)
            if organization_id == ALL:
                for organization in organizations:
                    if organization.id not in chosen:
                        await self._steps.add_target(acting, draft, organization.id)
            elif organization_id in chosen:
                await acting.uow.directions.remove_target(chosen[organization_id])
            elif any(o.id == organization_id for o in organizations):
                await self._steps.add_target(acting, draft, organization_id)
            return await self._steps.targets(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def targets_chosen(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._steps.draft(acting, draft_id, TARGETS)
            if not await acting.uow.directions.targets(draft.id):
                return replace(
                    await self._steps.targets(acting, draft), problem="direction.no_targets"
                )
            return await self._steps.after_targets(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def text_done(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._steps.draft(acting, draft_id, TEXT)
            return await self._steps.text_finished(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def due_choice(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        direction_id: int,
        choice: str,
        now: datetime,
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            ask = await self._steps.current_ask(acting)
            if ask is None or ask.direction_id != direction_id or ask.step not in (DUE, NEW_DUE):
                return StaleButton(acting.language)
            direction = await acting.uow.directions.get(direction_id)
            if direction is None or choice not in DUE_CHOICES:
                return StaleButton(acting.language)
            config = self._steps.group_config(acting, direction.group_id)
            today = acting.now.astimezone(config.timezone).date()
            due = {"none": None, "week": end_of_week(today)}.get(choice)
            if choice == "deadline":
                due = next_deadline(config, acting.now)
            return await self._steps.due_given(acting, direction, ask, due)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def send(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._steps.draft(acting, draft_id, REVIEW)
            return await self._steps.give(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def drop(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Hủy": the draft is deleted, or the change being asked for is given up."""

        async def work(acting: Acting) -> Outcome:
            ask = await self._steps.current_ask(acting)
            if ask is None or ask.direction_id != direction_id:
                return StaleButton(acting.language)
            return await self._steps.dropped(acting)

        return await self._press(chat, query_id, sender, now, work, None)

    async def cancel(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome | None:
        """/huy while the bot waits on a direction: that is what is cancelled. None: the
        bot waits on nothing about directions here (the report's /huy is next)."""
        if not await self.waiting(chat, sender):
            return None

        async def work(acting: Acting) -> Outcome:
            return await self._steps.dropped(acting)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )
        await self._note_waiting(chat, sender)
        return outcome

    # --- what a person types or sends while the bot waits on them ---------------------------------

    async def waiting(self, chat: Chat, sender: Sender) -> bool:
        """Whether the bot waits on this person here about a direction (anything at all)."""
        return await self._asked(chat, sender) is not None

    async def _asked(self, chat: Chat, sender: Sender) -> Asked | None:
        return await self._waiting.get(chat.id, sender.user_id)

    async def _takes_text(self, chat: Chat, sender: Sender, now: datetime) -> bool:
        """Whether the person's next message answers what the bot asked: a question that
        takes text (not a choice of buttons), asked within ``ASK_LIFE`` (an older one was
        left: the message is for something else)."""
        asked = await self._asked(chat, sender)
        return asked is not None and asked[0] in TEXT_STEPS and now - asked[1] <= ASK_LIFE

    async def forget(self, chat: Chat, sender: Sender, now: datetime) -> None:
        """The person turned to something else (/baocao): the bot stops waiting on them
        about a note or a reason; a draft being written stays (it is /chidao's)."""
        asked = await self._asked(chat, sender)
        if asked is None or asked[0] not in (NOTE, REASON, NEW_DUE):
            return
        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(sender.user_id)
            if person is not None:
                await uow.directions.drop_ask(chat.id, person.id)
            await uow.commit()
        await self._note_waiting(chat, sender)

    async def take_text(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        text: str,
        replied: Replied | None,
        now: datetime,
    ) -> Outcome | None:
        """A message for a direction: what the bot asked for, or a reply to a direction's
        message (known by the message: the ledger holds what each sent message was).
        None: not about a direction."""
        if await self._takes_text(chat, sender, now):
            outcome = await self._acting.run(
                chat,
                sender,
                now,
                lambda acting: self._typed(acting, text),
                handled=message_key(chat, message_id),
            )
            await self._note_waiting(chat, sender)
            return outcome
        about = await self._replied_to(chat, replied)
        if about is None:
            return None
        group_id, number = about
        return await self._acting.run(
            chat,
            sender,
            now,
            lambda acting: self._reply(acting, group_id, number, text),
            handled=message_key(chat, message_id),
        )

    async def _replied_to(self, chat: Chat, replied: Replied | None) -> tuple[int, int] | None:
        """(group id, number) of the direction a reply answers, as the ledger has it. Every
        message the bot sends about a direction names it on its first line ("chỉ đạo #12"):
        a reply to anything else (a report's question, in a group) is not looked up."""
        if replied is None or not replied.from_bot:
            return None
        if not numbers_in(replied.text.partition("\n")[0]):
            return None
        async with self._db.unit_of_work() as uow:
            return await uow.directions.sent_about(chat.id, replied.message_id)

    async def take_file(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        file: File,
        replied: Replied | None,
        now: datetime,
    ) -> Outcome | None:
        """A photo or document for a draft's text or a result's note, or in reply to a
        direction's message (with a caption that says a result, it is recorded too).
        None: not about a direction."""
        waiting = await self._takes_text(chat, sender, now)
        about = None if waiting else await self._replied_to(chat, replied)
        if not waiting and about is None:
            return None

        async def work(acting: Acting) -> Outcome:
            ask = await self._steps.current_ask(acting) if waiting else None
            if ask is not None and ask.step == TEXT:
                direction = await self._steps.draft(acting, ask.direction_id, TEXT)
                await self._steps.keep_file(acting, direction, None, file, message_id)
                if file.caption:
                    direction.text = joined(direction.text, file.caption)
                return Received()
            if ask is not None and ask.step == NOTE and ask.organization_id is not None:
                noted = await acting.uow.directions.get(ask.direction_id)
                organization = await acting.uow.groups.organization(ask.organization_id)
                assert noted is not None
                assert organization is not None
                await self._steps.keep_file(acting, noted, organization.id, file, message_id)
                return FileKept(acting.language, noted.number or 0, organization.name)
            if ask is not None:
                return await self._steps.reprompt(acting, ask)
            assert about is not None
            group_id, number = about
            found = await self._steps.addressed(acting, number, group_id)
            if isinstance(found, NotAddressed):
                return Ignored()  # someone else's photo in reply: not ours to judge
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            organization = targets[0][1]
            await self._steps.keep_file(acting, direction, organization.id, file, message_id)
            read = read_result(file.caption or "")
            if read is not None and len(targets) == 1:
                return await self._record(acting, direction, targets[0], read)
            return FileKept(acting.language, number, organization.name)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def _typed(self, acting: Acting, text: str) -> Outcome:
        ask = await self._steps.current_ask(acting)
        if ask is None:
            return StaleButton(acting.language)
        direction = await acting.uow.directions.get(ask.direction_id)
        if direction is None:
            await acting.uow.directions.drop_ask(acting.chat.id, acting.person.id)
            return StaleButton(acting.language)
        match ask.step:
            case Asking.TEXT:
                if direction.text and fold_for_matching(text).rstrip(".!") in DONE_WORDS:
                    return await self._steps.text_finished(acting, direction)
                begun = bool(direction.text)
                if len(joined(direction.text, text)) > MAX_TEXT:
                    names = tuple(
                        o.name for _, o in await acting.uow.directions.targets(direction.id)
                    )
                    return AskDirectionText(
                        who(acting.person),
                        acting.language,
                        direction.id,
                        names,
                        begun,
                        "direction.too_long",
                    )
                direction.text = joined(direction.text, text)
                if begun:
                    return Received()
                return await self._steps.text_prompt(acting, direction, begun=True)
            case Asking.DUE | Asking.NEW_DUE:
                config = self._steps.group_config(acting, direction.group_id)
                due = read_due(text, acting.now.astimezone(config.timezone).date())
                if isinstance(due, DueProblem):
                    return await self._steps.due_prompt(acting, direction, f"direction.due.{due}")
                return await self._steps.due_given(acting, direction, ask, due)
            case Asking.REASON:
                return await self._steps.close(
                    acting, direction, ask.result or "closed", text.strip()
                )
            case Asking.NOTE:
                return await self._steps.noted(acting, direction, ask, text.strip())
        return await self._steps.reprompt(acting, ask)

    # --- acknowledging and reporting --------------------------------------------------------------

    async def acknowledge(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._steps.addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            return await self._steps.acknowledged(acting, *found)

        return await self._press(chat, query_id, sender, now, work, Action.FOLLOW)

    async def report(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Báo cáo kết quả": which organization (if the person leads several it is for),
        then the result."""

        async def work(acting: Acting) -> Outcome:
            found = await self._steps.addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            number = direction.number or 0
            lang = self._steps.group_config(acting, direction.group_id).language
            if len(targets) > 1:
                options = tuple(Choice(o.id, o.name) for _, o in targets)
                return ChooseResultOrganization(
                    who(acting.person), lang, direction.id, number, options
                )
            _, organization = targets[0]
            return ChooseResult(
                who(acting.person), lang, direction.id, number, organization.id, organization.name
            )

        return await self._press(chat, query_id, sender, now, work, Action.FOLLOW)

    async def result_for(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        direction_id: int,
        organization_id: int,
        now: datetime,
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._steps.addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            organization = next((o for _, o in targets if o.id == organization_id), None)
            if organization is None:
                return StaleButton(acting.language)
            lang = self._steps.group_config(acting, direction.group_id).language
            return ChooseResult(
                who(acting.person),
                lang,
                direction.id,
                direction.number or 0,
                organization.id,
                organization.name,
            )

        return await self._press(chat, query_id, sender, now, work, Action.FOLLOW)

    async def result_choice(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        direction_id: int,
        organization_id: int,
        result: str,
        now: datetime,
    ) -> Outcome:
        """The result is recorded at once; a note may follow (asked, never required)."""

        async def work(acting: Acting) -> Outcome:
            found = await self._steps.addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            chosen = next(((t, o) for t, o in targets if o.id == organization_id), None)
            if chosen is None or result not in {r.value for r in Result}:
                return StaleButton(acting.language)
            target, organization = chosen
            config = self._steps.group_config(acting, direction.group_id)
            group = await acting.uow.groups.by_id(direction.group_id)
            assert group is not None
            await record_result(
                acting.uow,
                self._words,
                config,
                group,
                direction,
                target,
                organization,
                acting.person,
                Result(result),
                "",
                acting.now,
            )
            await self._steps.ask(acting, direction, NOTE, organization.id, result)
            return AskResultNote(
                who(acting.person),
                config.language,
                direction.id,
                direction.number or 0,
                organization.name,
                Result(result),
            )

        return await self._press(chat, query_id, sender, now, work, Action.FOLLOW)

    async def no_note(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Không có ghi chú" under a result, or "Không ghi lý do" when closing."""

        async def work(acting: Acting) -> Outcome:
            ask = await self._steps.current_ask(acting)
            direction = await acting.uow.directions.get(direction_id)
            if ask is None or direction is None or ask.direction_id != direction_id:
                return StaleButton(acting.language)
            if ask.step == REASON:
                return await self._steps.close(acting, direction, ask.result or "closed", "")
            if ask.step == NOTE:
                return await self._steps.noted(acting, direction, ask, "")
            return StaleButton(acting.language)

        return await self._press(chat, query_id, sender, now, work, None)

    async def _reply(self, acting: Acting, group_id: int, number: int, text: str) -> Outcome:
        """A reply to a direction's message: "đã nhận" acknowledges it; a result ("xong, …",
        "đang làm, …") is recorded with its note; anything else is asked back, never
        guessed. Someone it is not for, writing a remark, gets no answer."""
        acknowledging = reads_as_acknowledgement(text)
        read = None if acknowledging else read_result(text)
        found = await self._steps.addressed(acting, number, group_id)
        if isinstance(found, NotAddressed):
            return found if acknowledging or read else Ignored()
        if isinstance(found, Outcome):
            return found
        direction, targets = found
        if acknowledging:
            return await self._steps.acknowledged(acting, direction, targets)
        lang = self._steps.group_config(acting, direction.group_id).language
        if read is None or len(targets) > 1:
            return ReplyUnclear(who(acting.person), lang, direction.id, number)
        return await self._record(acting, direction, targets[0], read)

    async def _record(
        self,
        acting: Acting,
        direction: Direction,
        target: tuple[DirectionTarget, Organization],
        read: ReadResult,
    ) -> Outcome:
        group = await acting.uow.groups.by_id(direction.group_id)
        assert group is not None
        config = self._steps.group_config(acting, group.id)
        await record_result(
            acting.uow,
            self._words,
            config,
            group,
            direction,
            target[0],
            target[1],
            acting.person,
            read.result,
            read.note,
            acting.now,
        )
        number = direction.number or 0
        return ResultRecorded(config.language, number, target[1].name, read.result, read.note)

    # --- looking at directions --------------------------------------------------------------------

    async def show(
        self, chat: Chat, query_id: str, sender: Sender, number: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            return await self._steps.detail(acting, number)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECTIONS)

    # --- managing: a new due date, closed, withdrawn ----------------------------------------------

    async def ask_new_due(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            direction = await self._steps.managed(acting, direction_id)
            await self._steps.ask(acting, direction, NEW_DUE)
            return await self._steps.due_prompt(acting, direction, None)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def ask_reason(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        direction_id: int,
        kind: str,
        now: datetime,
    ) -> Outcome:
        """Closing or withdrawing: the reason is asked first (it may be left out)."""

        async def work(acting: Acting) -> Outcome:
            direction = await self._steps.managed(acting, direction_id)
            await self._steps.ask(acting, direction, REASON, result=kind)
            lang = self._steps.group_config(acting, direction.group_id).language
            return AskCloseReason(
                who(acting.person), lang, direction.id, direction.number or 0, kind
            )

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    # --- reminders --------------------------------------------------------------------------------

    async def tick(self, now: datetime) -> int:
        """Claim the reminders due at ``now``; returns how many organizations are reminded."""
        async with self._db.unit_of_work() as uow:
            claimed = await claim_reminders(uow, self._config, self._words, now)
            await uow.commit()
        return claimed

    # --- helpers ----------------------------------------------------------------------------------

    async def _press(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        now: datetime,
        work: Work,
        action: Action | None,
    ) -> Outcome:
        """A press, as one unit of work; the memory of what the bot waits for follows it."""
        outcome = await self._acting.run(
            chat, sender, now, work, handled=button_key(query_id), action=action, button=True
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def _note_waiting(self, chat: Chat, sender: Sender) -> None:
        await self._waiting.follow(chat.id, sender.user_id)


async def _asks(uow: UnitOfWork) -> list[tuple[int, int, str, datetime]]:
    return await uow.directions.asks()


async def _ask(uow: UnitOfWork, chat_id: int, person_id: int) -> Asked | None:
    ask = await uow.directions.ask(chat_id, person_id)
    return (ask.step, ask.updated_at) if ask is not None else None
