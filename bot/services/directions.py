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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.config import AppConfig, GroupConfig
from bot.core.conversation import DONE_WORDS
from bot.core.directions import (
    DirectionState,
    DueProblem,
    Progress,
    Result,
    end_of_week,
    numbers_in,
    read_due,
    read_result,
    reads_as_acknowledgement,
)
from bot.core.periods import PeriodKey
from bot.core.policy import Action, Refusal
from bot.core.text import fold_for_matching
from bot.services.acting import Acting, Place, Refuse, UseCases, Work, refused
from bot.services.direction_mail import Mail, leaders, who
from bot.services.direction_outcomes import (
    Acknowledged,
    AskCloseReason,
    AskDirectionText,
    AskDue,
    AskResultNote,
    Choice,
    ChooseResult,
    ChooseResultOrganization,
    ChooseTargets,
    DirectionChanged,
    DirectionDetail,
    DirectionDropped,
    DirectionGiven,
    DirectionList,
    DirectionNotice,
    DirectionNotOpen,
    DirectionPost,
    FileKept,
    NoSuchDirection,
    NotAddressed,
    ReplyUnclear,
    ResultRecorded,
    ReviewDirection,
)
from bot.services.following import (
    acknowledge,
    add_note,
    claim_reminders,
    event,
    history_of,
    lines_of,
    record_result,
)
from bot.services.outcomes import Ignored, Outcome, Received, StaleButton, Who
from bot.services.people import Chat, Sender, button_key, display_name, message_key
from bot.services.periods import ensure_period
from bot.services.reporting import File
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import (
    Direction,
    DirectionAsk,
    DirectionFile,
    DirectionTarget,
    Organization,
    Person,
)

TARGETS, TEXT, DUE, REVIEW = "targets", "text", "due", "review"  # giving
NEW_DUE, REASON, NOTE = "new_due", "reason", "note"  # managing, reporting
ALL = 0  # "all organizations" on the targets' buttons
# Characters of a direction's text: it goes out as one message that also names everyone it
# is for, within what a platform without Telegram's 4,096 takes (2,000). Longer: a document.
MAX_TEXT = 1200
DUE_CHOICES = ("none", "week", "deadline")


@dataclass(frozen=True)
class Replied:
    """The message a person's message replies to: its text, and whether the bot wrote it."""

    text: str
    from_bot: bool


def _number_asked(argument: str) -> int | None:
    match = re.fullmatch(r"(?:số\s*)?#?\s*(\d{1,6})", fold_for_matching(argument))
    return int(match[1]) if match else None


class DirectionService:
    def __init__(self, db: Database, config: AppConfig, words: WeekWords) -> None:
        self._db = db
        self._config = config
        self._words = words
        self._acting = UseCases(db, config)
        self._waiting: set[tuple[int, int]] | None = None  # (chat, user) asked something

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
                return await self._detail(acting, number)
            manage = next((p for p in acting.places if p.secretariat), None)
            if manage is None:
                if argument.strip():
                    raise Refuse(refused(Refusal.SECRETARIAT_ONLY, acting.language))
                return await self._list(acting, acting.place, None)
            organization = _named_in(replied, await self._organizations(acting, manage))
            if not argument.strip() and organization is None:
                draft = await self._new_draft(acting, manage, "", None)
                return await self._list(acting, manage, await self._targets(acting, draft))
            text = argument.strip()
            if len(text) > MAX_TEXT:  # refused whole, not cut: asked for again
                draft = await self._new_draft(acting, manage, "", organization)
                chooser = await self._targets(acting, draft)
                return replace(chooser, problem="direction.too_long")
            draft = await self._new_draft(acting, manage, text, organization)
            return await self._after_targets(acting, draft)

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

    async def _new_draft(
        self, acting: Acting, place: Place, text: str, organization: Organization | None
    ) -> Direction:
        uow = acting.uow
        await uow.directions.drop_drafts(acting.person.id, acting.chat.id)
        draft = await uow.directions.add(
            Direction(
                group_id=place.group.id,
                state=DirectionState.DRAFT,
                text=text,
                given_by=acting.person.id,
                chat_id=acting.chat.id,
                created_at=acting.now,
            )
        )
        if organization is not None:
            await self._add_target(acting, draft, organization.id)
        await self._ask(acting, draft, TARGETS)
        return draft

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
            draft = await self._draft(acting, draft_id, TARGETS)
            chosen = {
                t.organization_id: t for t, _ in await acting.uow.directions.targets(draft.id)
            }
            organizations = await acting.uow.groups.organizations(draft.group_id)
            if organization_id == ALL:
                for organization in organizations:
                    if organization.id not in chosen:
                        await self._add_target(acting, draft, organization.id)
            elif organization_id in chosen:
                await acting.uow.directions.remove_target(chosen[organization_id])
            elif any(o.id == organization_id for o in organizations):
                await self._add_target(acting, draft, organization_id)
            return await self._targets(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def targets_chosen(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._draft(acting, draft_id, TARGETS)
            if not await acting.uow.directions.targets(draft.id):
                return replace(await self._targets(acting, draft), problem="direction.no_targets")
            return await self._after_targets(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def _after_targets(self, acting: Acting, draft: Direction) -> Outcome:
        if not await acting.uow.directions.targets(draft.id):
            return await self._targets(acting, draft)
        if not draft.text:
            await self._ask(acting, draft, TEXT)
            return await self._text_prompt(acting, draft, begun=False)
        await self._ask(acting, draft, DUE)
        return await self._due_prompt(acting, draft, None)

    async def text_done(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._draft(acting, draft_id, TEXT)
            return await self._text_finished(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def _text_finished(self, acting: Acting, draft: Direction) -> Outcome:
        if not draft.text.strip() and not await acting.uow.directions.files(draft.id):
            return await self._text_prompt(acting, draft, begun=False)
        await self._ask(acting, draft, DUE)
        return await self._due_prompt(acting, draft, None)

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
            ask = await self._current_ask(acting)
            if ask is None or ask.direction_id != direction_id or ask.step not in (DUE, NEW_DUE):
                return StaleButton(acting.language)
            direction = await acting.uow.directions.get(direction_id)
            if direction is None or choice not in DUE_CHOICES:
                return StaleButton(acting.language)
            config = self._group_config(acting, direction.group_id)
            today = acting.now.astimezone(config.timezone).date()
            due = {"none": None, "week": end_of_week(today)}.get(choice)
            if choice == "deadline":
                due = _next_deadline(config, acting.now)
            return await self._due_given(acting, direction, ask, due)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def _due_given(
        self, acting: Acting, direction: Direction, ask: DirectionAsk, due: date | None
    ) -> Outcome:
        if ask.step == NEW_DUE:
            return await self._change_due(acting, direction, due)
        direction.due_on = due
        await self._ask(acting, direction, REVIEW)
        return await self._review(acting, direction)

    async def send(
        self, chat: Chat, query_id: str, sender: Sender, draft_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            draft = await self._draft(acting, draft_id, REVIEW)
            return await self._give(acting, draft)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECT)

    async def _give(self, acting: Acting, direction: Direction) -> Outcome:
        """The draft becomes direction #n of its group, and goes out from the ledger."""
        uow, now = acting.uow, acting.now
        group = await uow.groups.by_id(direction.group_id)
        assert group is not None
        config = self._group_config(acting, group.id)
        period = await ensure_period(uow, group, config, PeriodKey.at(now, config.timezone))
        direction.number = await uow.directions.next_number(group.id)
        direction.state, direction.given_at, direction.period_id = (
            DirectionState.OPEN,
            now,
            period.id,
        )
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        await event(uow, direction, None, acting.person, "given", now, None, None)
        targets = await uow.directions.targets(direction.id)
        addressed: list[tuple[str, tuple[Who, ...]]] = []
        people: list[Person] = []
        for target, organization in targets:
            target.progress, target.updated_at = Progress.NEW, now
            found = await leaders(uow, group.id, organization.id)
            people += [p for p in found if p not in people]
            addressed.append((organization.name, tuple(who(p) for p in found)))
        files = await uow.directions.files(direction.id)
        sendable = [f for f in files if f.kind in ("photo", "document")]
        post = DirectionPost(
            config.language,
            direction.id,
            direction.number,
            group.name,
            display_name(acting.person),
            direction.text,
            direction.due_on,
            tuple(addressed),
            len(sendable),
            len(files) - len(sendable),
        )
        await Mail(uow, self._words, now).post(direction, group, config, post, people, sendable)
        return DirectionGiven(
            config.language, direction.number, tuple(o.name for _, o in targets), direction.due_on
        )

    async def drop(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Hủy": the draft is deleted, or the change being asked for is given up."""

        async def work(acting: Acting) -> Outcome:
            ask = await self._current_ask(acting)
            if ask is None or ask.direction_id != direction_id:
                return StaleButton(acting.language)
            return await self._dropped(acting)

        return await self._press(chat, query_id, sender, now, work, None)

    async def cancel(
        self, chat: Chat, message_id: int, sender: Sender, now: datetime
    ) -> Outcome | None:
        """/huy while the bot waits on a direction: that is what is cancelled. None: the
        bot waits on nothing about directions here (the report's /huy is next)."""
        if not await self.waiting(chat, sender):
            return None

        async def work(acting: Acting) -> Outcome:
            return await self._dropped(acting)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def _dropped(self, acting: Acting) -> Outcome:
        await acting.uow.directions.drop_drafts(acting.person.id, acting.chat.id)
        await acting.uow.directions.drop_ask(acting.chat.id, acting.person.id)
        return DirectionDropped(acting.language)

    # --- what a person types or sends while the bot waits on them ---------------------------------

    async def waiting(self, chat: Chat, sender: Sender) -> bool:
        if self._waiting is None:
            async with self._db.unit_of_work() as uow:
                self._waiting = set(await uow.directions.asks())
        return (chat.id, sender.user_id) in self._waiting

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
        message. None: not about a direction."""
        if await self.waiting(chat, sender):
            outcome = await self._acting.run(
                chat,
                sender,
                now,
                lambda acting: self._typed(acting, text),
                handled=message_key(chat, message_id),
            )
            await self._note_waiting(chat, sender)
            return outcome
        number = _replied_number(replied)
        if number is None:
            return None
        return await self._acting.run(
            chat,
            sender,
            now,
            lambda acting: self._reply(acting, number, text),
            handled=message_key(chat, message_id),
        )

    async def take_file(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        file: File,
        replied: Replied | None,
        now: datetime,
    ) -> Outcome | None:
        """A photo or document for a draft's text, a result's note, or in reply to a
        direction's message. None: not about a direction."""
        waiting = await self.waiting(chat, sender)
        number = None if waiting else _replied_number(replied)
        if not waiting and number is None:
            return None

        async def work(acting: Acting) -> Outcome:
            ask = await self._current_ask(acting) if waiting else None
            if ask is not None and ask.step == TEXT:
                direction = await self._draft(acting, ask.direction_id, TEXT)
                await self._keep_file(acting, direction, None, file, message_id)
                if file.caption:
                    direction.text = _joined(direction.text, file.caption)
                return Received()
            if ask is not None and ask.step == NOTE and ask.organization_id is not None:
                noted = await acting.uow.directions.get(ask.direction_id)
                organization = await acting.uow.groups.organization(ask.organization_id)
                assert noted is not None
                assert organization is not None
                await self._keep_file(acting, noted, organization.id, file, message_id)
                return FileKept(acting.language, noted.number or 0, organization.name)
            if ask is not None:
                return await self._reprompt(acting, ask)
            assert number is not None
            found = await self._addressed(acting, number)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            organization = targets[0][1]
            await self._keep_file(acting, direction, organization.id, file, message_id)
            return FileKept(acting.language, number, organization.name)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def _typed(self, acting: Acting, text: str) -> Outcome:
        ask = await self._current_ask(acting)
        if ask is None:
            return StaleButton(acting.language)
        direction = await acting.uow.directions.get(ask.direction_id)
        if direction is None:
            await acting.uow.directions.drop_ask(acting.chat.id, acting.person.id)
            return StaleButton(acting.language)
        match ask.step:
            case "text":
                if direction.text and fold_for_matching(text).rstrip(".!") in DONE_WORDS:
                    return await self._text_finished(acting, direction)
                begun = bool(direction.text)
                if len(_joined(direction.text, text)) > MAX_TEXT:
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
                direction.text = _joined(direction.text, text)
                if begun:
                    return Received()
                return await self._text_prompt(acting, direction, begun=True)
            case "due" | "new_due":
                config = self._group_config(acting, direction.group_id)
                due = read_due(text, acting.now.astimezone(config.timezone).date())
                if isinstance(due, DueProblem):
                    return await self._due_prompt(acting, direction, f"direction.due.{due}")
                return await self._due_given(acting, direction, ask, due)
            case "reason":
                return await self._close(acting, direction, ask.result or "closed", text.strip())
            case "note":
                return await self._noted(acting, direction, ask, text.strip())
        return await self._reprompt(acting, ask)

    async def _reprompt(self, acting: Acting, ask: DirectionAsk) -> Outcome:
        """Text while the bot waits for a button: what it waits for, again."""
        direction = await acting.uow.directions.get(ask.direction_id)
        assert direction is not None
        if ask.step == TARGETS:
            return await self._targets(acting, direction)
        return await self._review(acting, direction)

    # --- acknowledging and reporting --------------------------------------------------------------

    async def acknowledge(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            return await self._acknowledged(acting, *found)

        return await self._press(chat, query_id, sender, now, work, None)

    async def _acknowledged(
        self,
        acting: Acting,
        direction: Direction,
        targets: Sequence[tuple[DirectionTarget, Organization]],
    ) -> Outcome:
        config = self._group_config(acting, direction.group_id)
        names = await acknowledge(
            acting.uow, self._words, config, direction, targets, acting.person, acting.now
        )
        number = direction.number or 0
        if not names:
            return Acknowledged(config.language, number, tuple(o.name for _, o in targets), True)
        return Acknowledged(config.language, number, tuple(names))

    async def report(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Báo cáo kết quả": which organization (if the person leads several it is for),
        then the result."""

        async def work(acting: Acting) -> Outcome:
            found = await self._addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            number = direction.number or 0
            lang = self._group_config(acting, direction.group_id).language
            if len(targets) > 1:
                options = tuple(Choice(o.id, o.name) for _, o in targets)
                return ChooseResultOrganization(
                    who(acting.person), lang, direction.id, number, options
                )
            _, organization = targets[0]
            return ChooseResult(
                who(acting.person), lang, direction.id, number, organization.id, organization.name
            )

        return await self._press(chat, query_id, sender, now, work, None)

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
            found = await self._addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            organization = next((o for _, o in targets if o.id == organization_id), None)
            if organization is None:
                return StaleButton(acting.language)
            lang = self._group_config(acting, direction.group_id).language
            return ChooseResult(
                who(acting.person),
                lang,
                direction.id,
                direction.number or 0,
                organization.id,
                organization.name,
            )

        return await self._press(chat, query_id, sender, now, work, None)

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
            found = await self._addressed_by_id(acting, direction_id, button=True)
            if isinstance(found, Outcome):
                return found
            direction, targets = found
            chosen = next(((t, o) for t, o in targets if o.id == organization_id), None)
            if chosen is None or result not in {r.value for r in Result}:
                return StaleButton(acting.language)
            target, organization = chosen
            config = self._group_config(acting, direction.group_id)
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
            await self._ask(acting, direction, NOTE, organization.id, result)
            return AskResultNote(
                who(acting.person),
                config.language,
                direction.id,
                direction.number or 0,
                organization.name,
                Result(result),
            )

        outcome = await self._press(chat, query_id, sender, now, work, None)
        await self._note_waiting(chat, sender)
        return outcome

    async def no_note(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        """ "Không có ghi chú" under a result, or "Không ghi lý do" when closing."""

        async def work(acting: Acting) -> Outcome:
            ask = await self._current_ask(acting)
            direction = await acting.uow.directions.get(direction_id)
            if ask is None or direction is None or ask.direction_id != direction_id:
                return StaleButton(acting.language)
            if ask.step == REASON:
                return await self._close(acting, direction, ask.result or "closed", "")
            if ask.step == NOTE:
                return await self._noted(acting, direction, ask, "")
            return StaleButton(acting.language)

        outcome = await self._press(chat, query_id, sender, now, work, None)
        await self._note_waiting(chat, sender)
        return outcome

    async def _noted(
        self, acting: Acting, direction: Direction, ask: DirectionAsk, note: str
    ) -> Outcome:
        await acting.uow.directions.drop_ask(acting.chat.id, acting.person.id)
        assert ask.organization_id is not None
        organization = await acting.uow.groups.organization(ask.organization_id)
        target = await acting.uow.directions.target(direction.id, ask.organization_id)
        assert organization is not None
        assert target is not None
        if note:
            await add_note(
                acting.uow, direction, target, organization, acting.person, note, acting.now
            )
        lang = self._group_config(acting, direction.group_id).language
        result = Result(ask.result or Result.IN_PROGRESS)
        return ResultRecorded(lang, direction.number or 0, organization.name, result, note)

    async def _reply(self, acting: Acting, number: int, text: str) -> Outcome:
        """A reply to a direction's message: "đã nhận" acknowledges it; a result ("xong, …",
        "đang làm …") is recorded with its note; anything else is asked back, never
        guessed. Someone it is not for, writing a remark, gets no answer."""
        acknowledging = reads_as_acknowledgement(text)
        read = None if acknowledging else read_result(text)
        found = await self._addressed(acting, number)
        if isinstance(found, NotAddressed):
            return found if acknowledging or read else Ignored()
        if isinstance(found, Outcome):
            return found
        direction, targets = found
        if acknowledging:
            return await self._acknowledged(acting, direction, targets)
        lang = self._group_config(acting, direction.group_id).language
        if read is None or len(targets) > 1:
            return ReplyUnclear(who(acting.person), lang, direction.id, number)
        target, organization = targets[0]
        group = await acting.uow.groups.by_id(direction.group_id)
        assert group is not None
        config = self._group_config(acting, group.id)
        await record_result(
            acting.uow,
            self._words,
            config,
            group,
            direction,
            target,
            organization,
            acting.person,
            read.result,
            read.note,
            acting.now,
        )
        return ResultRecorded(lang, number, organization.name, read.result, read.note)

    # --- looking at directions --------------------------------------------------------------------

    async def show(
        self, chat: Chat, query_id: str, sender: Sender, number: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            return await self._detail(acting, number)

        return await self._press(chat, query_id, sender, now, work, Action.DIRECTIONS)

    async def _list(
        self, acting: Acting, place: Place, choose: ChooseTargets | None
    ) -> DirectionList:
        uow, config = acting.uow, place.config
        directions = await uow.directions.of_group(place.group.id, [DirectionState.OPEN])
        if not place.secretariat:
            led = place.led
            mine = set()
            for direction in directions:
                targets = await uow.directions.targets(direction.id)
                if any(o.id in led for _, o in targets):
                    mine.add(direction.id)
            directions = [d for d in directions if d.id in mine]
        lines = [line for line in await lines_of(uow, directions, config.timezone) if line.open]
        today = acting.now.astimezone(config.timezone).date()
        return DirectionList(
            who(acting.person),
            config.language,
            place.group.name,
            tuple(lines),
            today,
            place.secretariat,
            choose,
        )

    async def _detail(self, acting: Acting, number: int, group_id: int | None = None) -> Outcome:
        for place in acting.places:
            if group_id is not None and place.group.id != group_id:
                continue
            direction = await acting.uow.directions.by_number(place.group.id, number)
            if direction is None:
                continue
            targets = await acting.uow.directions.targets(direction.id)
            follow = any(o.id in place.led for _, o in targets)
            if not place.secretariat and not follow:
                continue
            config = place.config
            [line] = await lines_of(acting.uow, [direction], config.timezone)
            is_open = direction.state is DirectionState.OPEN
            return DirectionDetail(
                who(acting.person),
                config.language,
                direction.id,
                line,
                await history_of(acting.uow, direction, config.timezone),
                config.timezone,
                acting.now.astimezone(config.timezone).date(),
                place.secretariat and is_open,
                follow and line.open,
            )
        return NoSuchDirection(acting.language, number)

    # --- managing: a new due date, closed, withdrawn ----------------------------------------------

    async def ask_new_due(
        self, chat: Chat, query_id: str, sender: Sender, direction_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            direction = await self._managed(acting, direction_id)
            await self._ask(acting, direction, NEW_DUE)
            return await self._due_prompt(acting, direction, None)

        outcome = await self._press(chat, query_id, sender, now, work, Action.DIRECT)
        await self._note_waiting(chat, sender)
        return outcome

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
            direction = await self._managed(acting, direction_id)
            await self._ask(acting, direction, REASON, result=kind)
            lang = self._group_config(acting, direction.group_id).language
            return AskCloseReason(
                who(acting.person), lang, direction.id, direction.number or 0, kind
            )

        outcome = await self._press(chat, query_id, sender, now, work, Action.DIRECT)
        await self._note_waiting(chat, sender)
        return outcome

    async def _managed(self, acting: Acting, direction_id: int) -> Direction:
        direction = await acting.uow.directions.get(direction_id)
        if direction is None or direction.number is None:
            raise Refuse(StaleButton(acting.language))
        if not any(p.group.id == direction.group_id for p in acting.places):
            raise Refuse(refused(Refusal.SECRETARIAT_ONLY, acting.language, button=True))
        if direction.state is not DirectionState.OPEN:
            raise Refuse(DirectionNotOpen(acting.language, direction.number, direction.state))
        return direction

    async def _change_due(self, acting: Acting, direction: Direction, due: date | None) -> Outcome:
        uow = acting.uow
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        if direction.state is not DirectionState.OPEN or direction.number is None:
            return StaleButton(acting.language)
        direction.due_on = due
        await event(
            uow, direction, None, acting.person, "due", acting.now, due.isoformat() if due else None
        )
        return await self._tell_change(acting, direction, "due", "")

    async def _close(self, acting: Acting, direction: Direction, kind: str, reason: str) -> Outcome:
        uow = acting.uow
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        if direction.state is not DirectionState.OPEN or direction.number is None:
            return StaleButton(acting.language)
        withdrawn = kind == "withdrawn"
        direction.state = DirectionState.WITHDRAWN if withdrawn else DirectionState.CLOSED
        direction.closed_at, direction.closed_by = acting.now, acting.person.id
        direction.reason = reason or None
        await event(
            uow,
            direction,
            None,
            acting.person,
            direction.state.value,
            acting.now,
            None,
            reason or None,
        )
        return await self._tell_change(acting, direction, direction.state.value, reason)

    async def _tell_change(
        self, acting: Acting, direction: Direction, kind: str, reason: str
    ) -> Outcome:
        """The organizations are told of the change; those already done are not bothered
        with a new due date."""
        uow = acting.uow
        group = await uow.groups.by_id(direction.group_id)
        assert group is not None
        assert direction.number is not None
        config = self._group_config(acting, group.id)
        targets = await uow.directions.targets(direction.id)
        concerned = [o for t, o in targets if kind != "due" or t.progress is not Progress.DONE]
        notice = DirectionNotice(
            config.language,
            direction.number,
            kind,
            by=display_name(acting.person),
            due=direction.due_on,
            text=reason,
        )
        slot = f"{direction.number}:{kind}:{len(await uow.directions.events([direction.id]))}"
        mail = Mail(uow, self._words, acting.now)
        await mail.tell_organizations(direction, group, config, concerned, notice, slot)
        return DirectionChanged(
            config.language,
            direction.number,
            kind,
            direction.due_on,
            reason,
            tuple(o.name for o in concerned),
        )

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
        return await self._acting.run(
            chat, sender, now, work, handled=button_key(query_id), action=action, button=True
        )

    async def _draft(self, acting: Acting, draft_id: int, step: str) -> Direction:
        """The draft the press is about, at the step the press belongs to; anything else is a
        button the conversation has moved past."""
        ask = await self._current_ask(acting)
        draft = await acting.uow.directions.get(draft_id)
        if (
            ask is None
            or draft is None
            or ask.direction_id != draft_id
            or ask.step != step
            or draft.state is not DirectionState.DRAFT
        ):
            raise Refuse(StaleButton(acting.language))
        return draft

    async def _current_ask(self, acting: Acting) -> DirectionAsk | None:
        return await acting.uow.directions.ask(acting.chat.id, acting.person.id)

    async def _ask(
        self,
        acting: Acting,
        direction: Direction,
        step: str,
        organization_id: int | None = None,
        result: str | None = None,
    ) -> None:
        await acting.uow.directions.set_ask(
            DirectionAsk(
                chat_id=acting.chat.id,
                person_id=acting.person.id,
                direction_id=direction.id,
                step=step,
                organization_id=organization_id,
                result=result,
                updated_at=acting.now,
            )
        )

    async def _note_waiting(self, chat: Chat, sender: Sender) -> None:
        """Keep the memory of who is waited on in step with the database."""
        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(sender.user_id)
            ask = await uow.directions.ask(chat.id, person.id) if person else None
        if self._waiting is None:
            return
        if ask is None:
            self._waiting.discard((chat.id, sender.user_id))
        else:
            self._waiting.add((chat.id, sender.user_id))

    async def _add_target(self, acting: Acting, draft: Direction, organization_id: int) -> None:
        await acting.uow.directions.add_target(
            DirectionTarget(
                direction_id=draft.id,
                organization_id=organization_id,
                progress=Progress.NEW,
                updated_at=acting.now,
            )
        )

    async def _keep_file(
        self,
        acting: Acting,
        direction: Direction,
        organization_id: int | None,
        file: File,
        message_id: int,
    ) -> None:
        await acting.uow.directions.add_file(
            DirectionFile(
                direction_id=direction.id,
                organization_id=organization_id,
                kind=file.kind,
                file_id=file.file_id,
                file_name=file.file_name,
                caption=file.caption,
                chat_id=acting.chat.id,
                message_id=message_id,
                added_at=acting.now,
            )
        )

    async def _organizations(self, acting: Acting, place: Place) -> list[Organization]:
        return await acting.uow.groups.organizations(place.group.id)

    async def _targets(self, acting: Acting, draft: Direction) -> ChooseTargets:
        chosen = {t.organization_id for t, _ in await acting.uow.directions.targets(draft.id)}
        organizations = await acting.uow.groups.organizations(draft.group_id)
        options = tuple(Choice(o.id, o.name, o.id in chosen) for o in organizations)
        lang = self._group_config(acting, draft.group_id).language
        return ChooseTargets(who(acting.person), lang, draft.id, options)

    async def _text_prompt(self, acting: Acting, draft: Direction, begun: bool) -> Outcome:
        names = tuple(o.name for _, o in await acting.uow.directions.targets(draft.id))
        lang = self._group_config(acting, draft.group_id).language
        return AskDirectionText(who(acting.person), lang, draft.id, names, begun)

    async def _due_prompt(
        self, acting: Acting, direction: Direction, problem: str | None
    ) -> AskDue:
        config = self._group_config(acting, direction.group_id)
        today = acting.now.astimezone(config.timezone).date()
        changing = direction.number if direction.state is not DirectionState.DRAFT else None
        return AskDue(
            who(acting.person),
            config.language,
            direction.id,
            end_of_week(today),
            _next_deadline(config, acting.now),
            problem,
            changing,
        )

    async def _review(self, acting: Acting, draft: Direction) -> Outcome:
        names = tuple(o.name for _, o in await acting.uow.directions.targets(draft.id))
        files = len(await acting.uow.directions.files(draft.id))
        lang = self._group_config(acting, draft.group_id).language
        return ReviewDirection(
            who(acting.person), lang, draft.id, names, draft.text, files, draft.due_on
        )

    async def _addressed(
        self, acting: Acting, number: int, group_id: int | None = None, button: bool = False
    ) -> tuple[Direction, list[tuple[DirectionTarget, Organization]]] | Outcome:
        """Direction ``number`` with the organizations of it the person leads, in the first
        group of the chat's where they lead one."""
        missing: Outcome = NoSuchDirection(acting.language, number)
        for place in acting.places:
            if group_id is not None and place.group.id != group_id:
                continue
            direction = await acting.uow.directions.by_number(place.group.id, number)
            if direction is None:
                continue
            if direction.state is not DirectionState.OPEN:
                return DirectionNotOpen(acting.language, number, direction.state)
            targets = [
                (t, o)
                for t, o in await acting.uow.directions.targets(direction.id)
                if o.id in place.led
            ]
            if targets:
                return direction, targets
            missing = NotAddressed(place.config.language, number, button)
        return missing

    async def _addressed_by_id(
        self, acting: Acting, direction_id: int, button: bool
    ) -> tuple[Direction, list[tuple[DirectionTarget, Organization]]] | Outcome:
        direction = await acting.uow.directions.get(direction_id)
        if direction is None or direction.number is None:
            return StaleButton(acting.language)
        return await self._addressed(acting, direction.number, direction.group_id, button)

    def _group_config(self, acting: Acting, group_id: int) -> GroupConfig:
        place = next((p for p in acting.places if p.group.id == group_id), None)
        if place is not None:
            return place.config
        return acting.place.config


def _joined(text: str, more: str) -> str:
    return f"{text}\n{more.strip()}" if text else more.strip()


def _replied_number(replied: Replied | None) -> int | None:
    """The direction a reply is to: a bot message whose first line names one direction (the
    direction itself, a reminder, a notice), not a digest that lists several."""
    if replied is None or not replied.from_bot:
        return None
    numbers = set(numbers_in(replied.text.partition("\n")[0]))
    return numbers.pop() if len(numbers) == 1 else None


def _named_in(replied: Replied | None, organizations: list[Organization]) -> Organization | None:
    """The one organization a bot message is about (a receipt, a late-addition note): the
    only one whose name it contains."""
    if replied is None or not replied.from_bot:
        return None
    text = fold_for_matching(replied.text)
    named = [o for o in organizations if fold_for_matching(o.name) in text]
    # "Hội Nông dân" inside "Hội Nông dân tỉnh": the longer name is the one meant.
    named = [o for o in named if not any(o is not p and o.name in p.name for p in named)]
    return named[0] if len(named) == 1 else None


def _next_deadline(config: GroupConfig, now: datetime) -> date:
    """The day of the next report deadline: this period's if it is ahead, else the next's."""
    tz = config.timezone
    key = PeriodKey.at(now, tz)
    deadline = config.schedule.deadline.in_period(key, tz)
    if deadline <= now:
        deadline = config.schedule.deadline.in_period(key.next(), tz)
    return deadline.astimezone(tz).date()
