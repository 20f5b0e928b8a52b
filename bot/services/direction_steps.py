"""The steps of directions' use cases, each a unit of work's part: the draft and its
organizations, text, due date and review; giving it; what is shown (a list, a direction);
a new due date, closing and withdrawing, and the organizations told; what the bot waits for
from a person. ``bot.services.directions`` runs them as use cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.config import GroupConfig
from bot.core.directions import (
    DirectionState,
    Progress,
    Result,
    end_of_week,
)
from bot.core.periods import PeriodKey
from bot.core.policy import Refusal
from bot.core.text import fold_for_matching
from bot.services.acting import Acting, Place, Refuse, refused
from bot.services.direction_mail import Mail, leaders, who
from bot.services.direction_outcomes import (
    Acknowledged,
    AskCloseReason,
    AskDirectionText,
    AskDue,
    Choice,
    ChooseTargets,
    DirectionChanged,
    DirectionDetail,
    DirectionDropped,
    DirectionGiven,
    DirectionList,
    DirectionNotice,
    DirectionNotOpen,
    DirectionPost,
    NoSuchDirection,
    NotAddressed,
    ResultRecorded,
    ReviewDirection,
)
from bot.services.following import (
    acknowledge,
    add_event,
    add_note,
    history_of,
    lines_of,
)
from bot.services.outcomes import Outcome, StaleButton, Who
from bot.services.people import display_name
from bot.services.periods import ensure_period
from bot.services.reporting import File
from bot.services.words import WeekWords
from storage.models import (
    Direction,
    DirectionAsk,
    DirectionFile,
    DirectionTarget,
    Organization,
    Person,
)


class Asking(StrEnum):
    """What the bot waits for from a person about a direction (``DirectionAsk.step``)."""

    TARGETS = "targets"  # giving: organizations (buttons)
    TEXT = "text"  # giving: the text, in one or more messages
    DUE = "due"  # giving: a due date (buttons, or a day typed)
    REVIEW = "review"  # giving: send or cancel (buttons)
    NEW_DUE = "new_due"  # managing: a new due date
    REASON = "reason"  # managing: why it is closed or withdrawn
    NOTE = "note"  # reporting: a note on the result just recorded


TARGETS, TEXT, DUE, REVIEW = Asking.TARGETS, Asking.TEXT, Asking.DUE, Asking.REVIEW
NEW_DUE, REASON, NOTE = Asking.NEW_DUE, Asking.REASON, Asking.NOTE
TEXT_STEPS = frozenset({TEXT, DUE, NEW_DUE, REASON, NOTE})  # a message answers these
ASK_LIFE = timedelta(hours=2)  # an older question was left; a message is for something else
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
    message_id: int = 0


class Steps:
    def __init__(self, words: WeekWords) -> None:
        self._words = words

    async def new_draft(
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
            await self.add_target(acting, draft, organization.id)
        await self.ask(acting, draft, TARGETS)
        return draft

    async def after_targets(self, acting: Acting, draft: Direction) -> Outcome:
        if not await acting.uow.directions.targets(draft.id):
            return await self.targets(acting, draft)
        if not draft.text:
            await self.ask(acting, draft, TEXT)
            return await self.text_prompt(acting, draft, begun=False)
        await self.ask(acting, draft, DUE)
        return await self.due_prompt(acting, draft, None)

    async def text_finished(self, acting: Acting, draft: Direction) -> Outcome:
        if not draft.text.strip() and not await acting.uow.directions.files(draft.id):
            return await self.text_prompt(acting, draft, begun=False)
        await self.ask(acting, draft, DUE)
        return await self.due_prompt(acting, draft, None)

    async def due_given(
        self, acting: Acting, direction: Direction, ask: DirectionAsk, due: date | None
    ) -> Outcome:
        if ask.step == NEW_DUE:
            return await self.change_due(acting, direction, due)
        direction.due_on = due
        await self.ask(acting, direction, REVIEW)
        return await self.review(acting, direction)

    async def give(self, acting: Acting, direction: Direction) -> Outcome:
        """The draft becomes direction #n of its group, and goes out from the ledger."""
        uow, now = acting.uow, acting.now
        group = await uow.groups.by_id(direction.group_id)
        assert group is not None
        config = self.group_config(acting, group.id)
        period = await ensure_period(uow, group, config, PeriodKey.at(now, config.timezone))
        direction.number = await uow.directions.next_number(group.id)
        direction.state, direction.given_at, direction.period_id = (
            DirectionState.OPEN,
            now,
            period.id,
        )
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        await add_event(uow, direction, None, acting.person, "given", now, None, None)
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

    async def dropped(self, acting: Acting) -> Outcome:
        await acting.uow.directions.drop_drafts(acting.person.id, acting.chat.id)
        await acting.uow.directions.drop_ask(acting.chat.id, acting.person.id)
        return DirectionDropped(acting.language)

    async def reprompt(self, acting: Acting, ask: DirectionAsk) -> Outcome:
        """What the bot waits for, again (a file came where a day or a reason was asked)."""
        direction = await acting.uow.directions.get(ask.direction_id)
        assert direction is not None
        lang = self.group_config(acting, direction.group_id).language
        match ask.step:
            case Asking.TARGETS:
                return await self.targets(acting, direction)
            case Asking.TEXT:
                return await self.text_prompt(acting, direction, begun=bool(direction.text))
            case Asking.DUE | Asking.NEW_DUE:
                return await self.due_prompt(acting, direction, None)
            case Asking.REASON:
                kind = ask.result or "closed"
                return AskCloseReason(
                    who(acting.person), lang, direction.id, direction.number or 0, kind
                )
        return await self.review(acting, direction)

    async def acknowledged(
        self,
        acting: Acting,
        direction: Direction,
        targets: Sequence[tuple[DirectionTarget, Organization]],
    ) -> Outcome:
        config = self.group_config(acting, direction.group_id)
        names = await acknowledge(
            acting.uow, self._words, config, direction, targets, acting.person, acting.now
        )
        number = direction.number or 0
        if not names:
            return Acknowledged(config.language, number, tuple(o.name for _, o in targets), True)
        return Acknowledged(config.language, number, tuple(names))

    async def noted(
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
        lang = self.group_config(acting, direction.group_id).language
        result = Result(ask.result or Result.IN_PROGRESS)
        return ResultRecorded(lang, direction.number or 0, organization.name, result, note)

    async def listing(
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

    async def detail(self, acting: Acting, number: int, group_id: int | None = None) -> Outcome:
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

    async def managed(self, acting: Acting, direction_id: int) -> Direction:
        direction = await acting.uow.directions.get(direction_id)
        if direction is None or direction.number is None:
            raise Refuse(StaleButton(acting.language))
        if not any(p.group.id == direction.group_id for p in acting.places):
            raise Refuse(refused(Refusal.SECRETARIAT_ONLY, acting.language, button=True))
        if direction.state is not DirectionState.OPEN:
            raise Refuse(DirectionNotOpen(acting.language, direction.number, direction.state))
        return direction

    async def change_due(self, acting: Acting, direction: Direction, due: date | None) -> Outcome:
        uow = acting.uow
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        if direction.state is not DirectionState.OPEN or direction.number is None:
            return StaleButton(acting.language)
        direction.due_on = due
        await add_event(
            uow, direction, None, acting.person, "due", acting.now, due.isoformat() if due else None
        )
        return await self.tell_change(acting, direction, "due", "")

    async def close(self, acting: Acting, direction: Direction, kind: str, reason: str) -> Outcome:
        uow = acting.uow
        await uow.directions.drop_ask(acting.chat.id, acting.person.id)
        if direction.state is not DirectionState.OPEN or direction.number is None:
            return StaleButton(acting.language)
        withdrawn = kind == "withdrawn"
        direction.state = DirectionState.WITHDRAWN if withdrawn else DirectionState.CLOSED
        direction.closed_at, direction.closed_by = acting.now, acting.person.id
        direction.reason = reason or None
        await add_event(
            uow,
            direction,
            None,
            acting.person,
            direction.state.value,
            acting.now,
            None,
            reason or None,
        )
        return await self.tell_change(acting, direction, direction.state.value, reason)

    async def tell_change(
        self, acting: Acting, direction: Direction, kind: str, reason: str
    ) -> Outcome:
        """The organizations are told of the change; those already done are not bothered
        with a new due date."""
        uow = acting.uow
        group = await uow.groups.by_id(direction.group_id)
        assert group is not None
        assert direction.number is not None
        config = self.group_config(acting, group.id)
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

    async def draft(self, acting: Acting, draft_id: int, step: str) -> Direction:
        """The draft the press is about, at the step the press belongs to; anything else is a
        button the conversation has moved past."""
        ask = await self.current_ask(acting)
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

    async def current_ask(self, acting: Acting) -> DirectionAsk | None:
        return await acting.uow.directions.ask(acting.chat.id, acting.person.id)

    async def ask(
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

    async def add_target(self, acting: Acting, draft: Direction, organization_id: int) -> None:
        await acting.uow.directions.add_target(
            DirectionTarget(
                direction_id=draft.id,
                organization_id=organization_id,
                progress=Progress.NEW,
                updated_at=acting.now,
            )
        )

    async def keep_file(
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

    async def organizations(self, acting: Acting, place: Place) -> list[Organization]:
        return await acting.uow.groups.organizations(place.group.id)

    async def targets(self, acting: Acting, draft: Direction) -> ChooseTargets:
        chosen = {t.organization_id for t, _ in await acting.uow.directions.targets(draft.id)}
        organizations = await acting.uow.groups.organizations(draft.group_id)
        options = tuple(Choice(o.id, o.name, o.id in chosen) for o in organizations)
        lang = self.group_config(acting, draft.group_id).language
        return ChooseTargets(who(acting.person), lang, draft.id, options)

    async def text_prompt(self, acting: Acting, draft: Direction, begun: bool) -> Outcome:
        names = tuple(o.name for _, o in await acting.uow.directions.targets(draft.id))
        lang = self.group_config(acting, draft.group_id).language
        return AskDirectionText(who(acting.person), lang, draft.id, names, begun)

    async def due_prompt(self, acting: Acting, direction: Direction, problem: str | None) -> AskDue:
        config = self.group_config(acting, direction.group_id)
        today = acting.now.astimezone(config.timezone).date()
        changing = direction.number if direction.state is not DirectionState.DRAFT else None
        return AskDue(
            who(acting.person),
            config.language,
            direction.id,
            end_of_week(today),
            next_deadline(config, acting.now),
            problem,
            changing,
        )

    async def review(self, acting: Acting, draft: Direction) -> Outcome:
        names = tuple(o.name for _, o in await acting.uow.directions.targets(draft.id))
        files = len(await acting.uow.directions.files(draft.id))
        lang = self.group_config(acting, draft.group_id).language
        return ReviewDirection(
            who(acting.person), lang, draft.id, names, draft.text, files, draft.due_on
        )

    async def addressed(
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

    async def addressed_by_id(
        self, acting: Acting, direction_id: int, button: bool
    ) -> tuple[Direction, list[tuple[DirectionTarget, Organization]]] | Outcome:
        direction = await acting.uow.directions.get(direction_id)
        if direction is None or direction.number is None:
            return StaleButton(acting.language)
        return await self.addressed(acting, direction.number, direction.group_id, button)

    def group_config(self, acting: Acting, group_id: int) -> GroupConfig:
        place = next((p for p in acting.places if p.group.id == group_id), None)
        if place is not None:
            return place.config
        return acting.place.config


def joined(text: str, more: str) -> str:
    return f"{text}\n{more.strip()}" if text else more.strip()


def named_in(replied: Replied | None, organizations: list[Organization]) -> Organization | None:
    """The one organization a bot message is about (a receipt, a late-addition note): the
    only one whose name it contains."""
    if replied is None or not replied.from_bot:
        return None
    text = fold_for_matching(replied.text)
    named = [o for o in organizations if fold_for_matching(o.name) in text]
    # "Hội Nông dân" inside "Hội Nông dân tỉnh": the longer name is the one meant.
    named = [o for o in named if not any(o is not p and o.name in p.name for p in named)]
    return named[0] if len(named) == 1 else None


def next_deadline(config: GroupConfig, now: datetime) -> date:
    """The day of the next report deadline: this period's if it is ahead, else the next's."""
    tz = config.timezone
    key = PeriodKey.at(now, tz)
    deadline = config.schedule.deadline.in_period(key, tz)
    if deadline <= now:
        deadline = config.schedule.deadline.in_period(key.next(), tz)
    return deadline.astimezone(tz).date()
