"""Response plans as use cases: the secretariat imports the plan (a file sent in private
after /kehoach, or ``giaoban plan import``), shows and switches the situation in force
(/tinhhuong, confirmed, recorded, announced in the group); each unit reports on its tasks in
its weekly report (``bot.services.plan_data``) or with /nhiemvu, which a department's
reporters use (they file no weekly report)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.config import AppConfig, GroupConfig
from bot.core.directions import Result
from bot.core.periods import PeriodKey
from bot.core.plans import Plan, Problem, is_stale, read_plan
from bot.core.policy import Action
from bot.core.text import fold_for_matching
from bot.exports.plan_file import MAX_FILE, read_table
from bot.services.acting import Acting, Place, UseCases, Work
from bot.services.direction_mail import who
from bot.services.outcomes import NotMember, Outcome, StaleButton
from bot.services.people import Chat, Sender, button_key, display_name, message_key
from bot.services.periods import ensure_period
from bot.services.plan_data import (
    Loaded,
    label,
    load,
    progress_since,
    read_picture,
    record_progress,
    store,
    unit_name,
    units_for,
    units_led,
)
from bot.services.plan_outcomes import (
    ConfirmLevel,
    LevelAnnouncement,
    LevelShown,
    LevelSwitched,
    NoPlan,
    NoSuchLevel,
    NoTasks,
    PlanImported,
    PlanRefused,
    PlanShown,
    ProblemLine,
    TaskCard,
    TaskItem,
    TaskList,
    TaskRecorded,
    UnitTasks,
)
from bot.services.waiting import Asked, Waiting
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import (
    DeliveryState,
    Group,
    Person,
    PlanAsk,
    PlanCarrier,
    PlanEvent,
    SentMessage,
)
from storage.uow import UnitOfWork

Fetch = Callable[[str], Awaitable[bytes]]  # a file's content by its file id
LEVEL_POST = "plan_level"  # the announcement of a switch, claimed in the ledger
NOTHING_WORDS = frozenset({"không", "khong", "không có", "ko", "no", "none", "-"})
# A file or a note asked for longer ago was left: the next message is for something else.
ASK_LIFE = {"file": timedelta(hours=2), "note": timedelta(minutes=30)}


def problem_lines(problems: tuple[Problem, ...]) -> tuple[ProblemLine, ...]:
    return tuple(
        ProblemLine(p.row, p.column, p.key, tuple((k, str(v)) for k, v in p.params.items()))
        for p in problems
    )


class PlanService:
    def __init__(self, db: Database, config: AppConfig, words: WeekWords) -> None:
        self._db = db
        self._config = config
        self._words = words
        self._acting = UseCases(db, config)
        self._waiting = Waiting(db, _asks, _ask)  # a plan's file, a task's note

    # --- importing --------------------------------------------------------------------------

    async def command(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/kehoach: the group's plan; in private the secretariat is asked for the file."""

        async def work(acting: Acting) -> Outcome:
            place = acting.place
            loaded = await load(acting.uow, place.group.id)
            if acting.chat.private:
                await acting.uow.plans.set_ask(
                    PlanAsk(
                        chat_id=acting.chat.id,
                        person_id=acting.person.id,
                        group_id=place.group.id,
                        what="file",
                        updated_at=acting.now,
                    )
                )
            return self._shown(acting, place, loaded, asks=acting.chat.private)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.PLAN
        )
        await self._note_waiting(chat, sender)
        return outcome

    def _shown(self, acting: Acting, place: Place, loaded: Loaded | None, asks: bool) -> Outcome:
        config = place.config
        levels: tuple[tuple[int, str, int], ...] = ()
        if loaded is not None:
            plan = loaded.plan
            levels = tuple((lv, plan.title(lv), len(plan.in_force(lv))) for lv in plan.levels)
        return PlanShown(
            who(acting.person),
            config.language,
            place.group.name,
            loaded.row.file_name if loaded else None,
            loaded.row.imported_at if loaded else None,
            levels,
            loaded.row.level if loaded else None,
            config.timezone,
            asks,
            in_group=not acting.chat.private,
        )

    async def take_file(
        self,
        chat: Chat,
        message_id: int,
        sender: Sender,
        file_id: str,
        file_name: str | None,
        size: int | None,
        fetch: Fetch,
        now: datetime,
    ) -> Outcome | None:
        """A spreadsheet (XLSX, CSV) sent after /kehoach, in that private chat: the plan to
        import. None: the bot asked nobody for a plan here, or it is another kind of file
        (a report's PDF goes where it would have gone)."""
        name = file_name or "phuong-an"
        if not chat.private or not name.lower().endswith((".xlsx", ".csv")):
            return None
        if await self._asked(chat, sender, now) != "file":
            return None
        content: bytes | None = None
        problem: str | None = None
        if size is not None and size > MAX_FILE:  # said before it is fetched
            problem = "plan.file_too_big"
        else:
            try:
                content = await fetch(file_id)
            except Exception:  # the platform refused it or failed: said, nothing kept
                problem = "plan.not_fetched"

        async def work(acting: Acting) -> Outcome:
            ask = await acting.uow.plans.ask(acting.chat.id, acting.person.id)
            place = next((p for p in acting.places if ask and p.group.id == ask.group_id), None)
            if ask is None or place is None:
                return StaleButton(acting.language)
            if content is None:
                params = (("limit", str(MAX_FILE // 1024 // 1024)),)
                line = ProblemLine(0, "", problem or "plan.unreadable", params)
                return PlanRefused(place.config.language, name, (line,))
            outcome = await self._import(
                acting.uow, place.group, place.config, content, name, acting.person, acting.now
            )
            if isinstance(outcome, PlanImported):
                await acting.uow.plans.drop_ask(acting.chat.id, acting.person.id)
            return outcome

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.PLAN
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def import_file(
        self, chat_id: int, content: bytes, file_name: str, now: datetime
    ) -> Outcome:
        """``giaoban plan import``: the file for the group ``chat_id``."""
        config = self._config.group(chat_id)
        async with self._db.unit_of_work() as uow:
            group = await uow.groups.by_chat_id(self._config.chat_of(config)) if config else None
            if config is None or group is None:
                return NoPlan(config.language if config else "vi")
            outcome = await self._import(uow, group, config, content, file_name, None, now)
            await uow.commit()
        return outcome

    async def _import(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        content: bytes,
        name: str,
        person: Person | None,
        now: datetime,
    ) -> Outcome:
        """All or nothing: every problem is said, by row and column, and nothing is stored
        until the whole file is right."""
        rows = read_table(content, name)
        if isinstance(rows, Problem):
            return PlanRefused(config.language, name, problem_lines((rows,)))
        plan = read_plan(rows, units_for(config))
        if not isinstance(plan, Plan):
            return PlanRefused(config.language, name, problem_lines(plan))
        stored = await store(uow, group, plan, name, person, now)
        return PlanImported(
            config.language,
            name,
            stored.levels,
            stored.kept,
            stored.added,
            stored.dropped,
            stored.level,
            stored.reset_from,
        )

    # --- the situation in force ---------------------------------------------------------------

    async def situation(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        """/tinhhuong: the situation in force and its tasks; /tinhhuong 2: switch to it
        (the secretariat; confirmed with a button)."""
        wanted = fold_for_matching(argument).removeprefix("tình huống").strip()

        async def work(acting: Acting) -> Outcome:
            place = acting.place
            loaded = await load(acting.uow, place.group.id)
            if loaded is None:
                return NoPlan(place.config.language)
            if not wanted:
                return self._level(acting, place, loaded)
            level = int(wanted) if wanted.isdigit() else None
            if level is None or level not in loaded.plan.levels:
                return NoSuchLevel(place.config.language, argument.strip()[:40], loaded.plan.levels)
            if not place.secretariat:
                return self._level(acting, place, loaded)
            return ConfirmLevel(
                who(acting.person),
                place.config.language,
                loaded.row.id,
                level,
                loaded.plan.title(level),
                loaded.row.level,
            )

        return await self._acting.run(
            chat,
            sender,
            now,
            work,
            handled=message_key(chat, message_id),
            action=Action.SITUATION,
        )

    def _level(self, acting: Acting, place: Place, loaded: Loaded) -> LevelShown:
        config, row = place.config, loaded.row
        return LevelShown(
            who(acting.person),
            config.language,
            row.id,
            row.level,
            loaded.plan.title(row.level),
            row.level_since,
            config.timezone,
            _units(config, loaded, row.level),
            tuple((lv, loaded.plan.title(lv)) for lv in loaded.plan.levels),
            place.secretariat,
        )

    async def ask_switch(
        self, chat: Chat, query_id: str, sender: Sender, plan_id: int, level: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._plan_of(acting, plan_id)
            if found is None or level not in found[1].plan.levels:
                return StaleButton(acting.language)
            place, loaded = found
            return ConfirmLevel(
                who(acting.person),
                place.config.language,
                plan_id,
                level,
                loaded.plan.title(level),
                loaded.row.level,
            )

        return await self._press(chat, query_id, sender, now, work, Action.SWITCH)

    async def switch(
        self, chat: Chat, query_id: str, sender: Sender, plan_id: int, level: int, now: datetime
    ) -> Outcome:
        """Confirmed: recorded (who, when, from, to) and announced in the group with each
        unit's tasks at the new situation. Reports and drafts are kept as they are; the
        next question about tasks is about the new situation's."""

        async def work(acting: Acting) -> Outcome:
            found = await self._plan_of(acting, plan_id)
            if found is None or level not in found[1].plan.levels:
                return StaleButton(acting.language)
            place, loaded = found
            config, row = place.config, loaded.row
            old = row.level
            title = loaded.plan.title(level)
            if old == level:
                return LevelSwitched(config.language, old, level, title, outbox=False)
            row.level, row.level_since = level, acting.now
            event = PlanEvent(
                plan_id=row.id,
                person_id=acting.person.id,
                kind="level",
                value=f"{old}>{level}",
                at=acting.now,
            )
            await acting.uow.plans.add_event(event)
            announcement = LevelAnnouncement(
                config.language,
                old,
                level,
                title,
                display_name(acting.person),
                _units(config, loaded, level),
                tuple((label(t), t.content) for t, _ in loaded.in_force(level)),
            )
            await self._announce(
                acting.uow, place.group, config, announcement, event.id, acting.now
            )
            return LevelSwitched(config.language, old, level, title)

        return await self._press(chat, query_id, sender, now, work, Action.SWITCH)

    async def keep(
        self, chat: Chat, query_id: str, sender: Sender, plan_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._plan_of(acting, plan_id)
            if found is None:
                return StaleButton(acting.language)
            place, loaded = found
            return self._level(acting, place, loaded)

        return await self._press(chat, query_id, sender, now, work, Action.SWITCH)

    async def _announce(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        announcement: LevelAnnouncement,
        event_id: int,
        now: datetime,
    ) -> None:
        period = await ensure_period(uow, group, config, PeriodKey.at(now, config.timezone))
        text, markup = self._words.message(announcement, False)
        await uow.ledger.claim(
            SentMessage(
                period_id=period.id,
                kind=LEVEL_POST,
                slot=str(event_id),
                state=DeliveryState.PENDING,
                chat_id=group.chat_id,
                thread_id=config.digest_topic,
                text=text,
                markup=markup,
                created_at=now,
            )
        )

    # --- tasks --------------------------------------------------------------------------------

    async def tasks(self, chat: Chat, message_id: int, sender: Sender, now: datetime) -> Outcome:
        """/nhiemvu: a unit's own tasks at the situation in force (a department's reporters
        too), or for the secretariat where the whole plan stands."""

        async def work(acting: Acting) -> Outcome:
            return await self._task_list(acting, 0)

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id)
        )

    async def tasks_from(
        self, chat: Chat, query_id: str, sender: Sender, start: int, now: datetime
    ) -> Outcome:
        """ "Xem tiếp": the next tasks of the list."""

        async def work(acting: Acting) -> Outcome:
            return await self._task_list(acting, max(start, 0))

        return await self._press(chat, query_id, sender, now, work, None)

    async def _task_list(self, acting: Acting, start: int) -> Outcome:
        """The first group of the person's that has a plan and a unit of theirs in it (or
        that they are the secretariat of)."""
        found: Outcome = NotMember(acting.language)
        for place in acting.places:
            units = await self._units(acting, place)
            if not units and not place.secretariat:
                continue
            loaded = await load(acting.uow, place.group.id)
            if loaded is None:
                found = NoPlan(place.config.language)
                continue
            level = loaded.row.level
            title = loaded.plan.title(level)
            items = _items(place.config, loaded, units, acting.now)
            picture = None
            if place.secretariat:
                picture = await read_picture(acting.uow, place.group, place.config, acting.now)
            if not items and picture is None:
                return NoTasks(place.config.language, level)
            language = place.config.language
            return TaskList(
                who(acting.person), language, level, title, tuple(items), picture, start
            )
        return found

    async def _units(self, acting: Acting, place: Place) -> tuple[str, ...]:
        """The units the person reports for in ``place``: as the configuration lists them
        (departments too), and organizations they joined (/dangky, approved)."""
        units = list(units_led(place.config, acting.person.user_id))
        for organization_id in place.led:
            organization = await acting.uow.groups.organization(organization_id)
            if organization is not None and organization.code not in units:
                units.append(organization.code)
        return tuple(units)

    async def open_task(
        self, chat: Chat, query_id: str, sender: Sender, carrier_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            found = await self._carried(acting, carrier_id)
            if found is None:
                return StaleButton(acting.language)
            config, item, _, _ = found
            return TaskCard(who(acting.person), config.language, item)

        return await self._press(chat, query_id, sender, now, work, None)

    async def progress(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        carrier_id: int,
        state: str,
        now: datetime,
    ) -> Outcome:
        """A state pressed: recorded at once; a note may follow."""

        async def work(acting: Acting) -> Outcome:
            found = await self._carried(acting, carrier_id)
            if found is None or state not in {r.value for r in Result}:
                return StaleButton(acting.language)
            config, item, carrier, plan_id = found
            await record_progress(
                acting.uow, plan_id, carrier, state, "", acting.person, acting.now, "tasks"
            )
            await acting.uow.plans.set_ask(
                PlanAsk(
                    chat_id=acting.chat.id,
                    person_id=acting.person.id,
                    group_id=_group_of(acting, config),
                    what="note",
                    carrier_id=carrier.id,
                    updated_at=acting.now,
                )
            )
            recorded = TaskItem(item.carrier, item.label, item.content, item.unit, state, item.note)
            return TaskRecorded(who(acting.person), config.language, recorded)

        return await self._press(chat, query_id, sender, now, work, None)

    async def no_note(
        self, chat: Chat, query_id: str, sender: Sender, carrier_id: int, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            ask = await acting.uow.plans.ask(acting.chat.id, acting.person.id)
            found = await self._carried(acting, carrier_id)
            if ask is None or ask.carrier_id != carrier_id or found is None:
                return StaleButton(acting.language)
            await acting.uow.plans.drop_ask(acting.chat.id, acting.person.id)
            config, item, _, _ = found
            return TaskRecorded(who(acting.person), config.language, item, asks_note=False)

        return await self._press(chat, query_id, sender, now, work, None)

    async def take_text(
        self, chat: Chat, message_id: int, sender: Sender, text: str, now: datetime
    ) -> Outcome | None:
        """A note on the task just reported, from the person the bot asked. None: it
        asked nobody here (a file is asked for by /kehoach: text is not the file)."""
        if await self._asked(chat, sender, now) != "note":
            return None

        async def work(acting: Acting) -> Outcome | None:
            ask = await acting.uow.plans.ask(acting.chat.id, acting.person.id)
            if ask is None or ask.what != "note" or ask.carrier_id is None:
                return None
            found = await self._carried(acting, ask.carrier_id)
            await acting.uow.plans.drop_ask(acting.chat.id, acting.person.id)
            if found is None:
                return StaleButton(acting.language)
            config, item, carrier, plan_id = found
            note = "" if fold_for_matching(text).strip(" .!") in NOTHING_WORDS else text.strip()
            if note:
                await record_progress(
                    acting.uow,
                    plan_id,
                    carrier,
                    carrier.state,
                    note,
                    acting.person,
                    acting.now,
                    "tasks",
                )
            noted = TaskItem(
                item.carrier, item.label, item.content, item.unit, carrier.state, note or item.note
            )
            return TaskRecorded(who(acting.person), config.language, noted, asks_note=False)

        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(sender.user_id)
            ask = await uow.plans.ask(chat.id, person.id) if person else None
        if ask is None or ask.what != "note":
            return None
        outcome = await self._acting.run(
            chat, sender, now, _always(work), handled=message_key(chat, message_id)
        )
        await self._note_waiting(chat, sender)
        return outcome

    # --- helpers --------------------------------------------------------------------------------

    async def _carried(
        self, acting: Acting, carrier_id: int
    ) -> tuple[GroupConfig, TaskItem, PlanCarrier, int] | None:
        """The task a unit carries, if the person reports for that unit."""
        carrier = await acting.uow.plans.carrier(carrier_id)
        task = await acting.uow.plans.task(carrier.task_id) if carrier else None
        plan = await acting.uow.plans.get(task.plan_id) if task else None
        if carrier is None or task is None or plan is None or not carrier.active:
            return None
        place = next((p for p in acting.places if p.group.id == plan.group_id), None)
        if place is None or carrier.unit not in await self._units(acting, place):
            return None
        config = place.config
        item = TaskItem(
            carrier.id,
            label(task),
            task.content,
            unit_name(config, carrier.unit),
            carrier.state,
            carrier.note,
        )
        return config, item, carrier, plan.id

    async def _plan_of(self, acting: Acting, plan_id: int) -> tuple[Place, Loaded] | None:
        plan = await acting.uow.plans.get(plan_id)
        place = next((p for p in acting.places if plan and p.group.id == plan.group_id), None)
        if plan is None or place is None:
            return None
        loaded = await load(acting.uow, plan.group_id)
        return (place, loaded) if loaded else None

    async def _press(
        self,
        chat: Chat,
        query_id: str,
        sender: Sender,
        now: datetime,
        work: Work,
        action: Action | None,
    ) -> Outcome:
        outcome = await self._acting.run(
            chat, sender, now, work, handled=button_key(query_id), action=action, button=True
        )
        await self._note_waiting(chat, sender)
        return outcome

    async def _asked(self, chat: Chat, sender: Sender, now: datetime) -> str | None:
        """What the bot waits on this person here for ("file", "note"), if asked lately (an
        older question was left: a document or a message now is for something else)."""
        found = await self._waiting.get(chat.id, sender.user_id)
        if found is None or now - found[1] > ASK_LIFE[found[0]]:
            return None
        return found[0]

    async def forget(self, chat: Chat, sender: Sender) -> None:
        """The person turned to something else (/baocao, /huy): the bot stops waiting."""
        if await self._waiting.get(chat.id, sender.user_id) is None:
            return
        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(sender.user_id)
            if person is not None:
                await uow.plans.drop_ask(chat.id, person.id)
            await uow.commit()
        await self._note_waiting(chat, sender)

    async def _note_waiting(self, chat: Chat, sender: Sender) -> None:
        await self._waiting.follow(chat.id, sender.user_id)


async def _asks(uow: UnitOfWork) -> list[tuple[int, int, str, datetime]]:
    return await uow.plans.asks()


async def _ask(uow: UnitOfWork, chat_id: int, person_id: int) -> Asked | None:
    ask = await uow.plans.ask(chat_id, person_id)
    return (ask.what, ask.updated_at) if ask is not None else None


def _always(work: Callable[[Acting], Awaitable[Outcome | None]]) -> Work:
    async def run(acting: Acting) -> Outcome:
        outcome = await work(acting)
        return outcome if outcome is not None else StaleButton(acting.language)

    return run


def _group_of(acting: Acting, config: GroupConfig) -> int:
    return next(p.group.id for p in acting.places if p.config is config)


def _units(config: GroupConfig, loaded: Loaded, level: int) -> tuple[UnitTasks, ...]:
    """Each unit with the labels of its tasks at ``level``, in the configuration's order."""
    by_unit: dict[str, list[str]] = {}
    for task, carriers in loaded.in_force(level):
        for carrier in carriers:
            by_unit.setdefault(carrier.unit, []).append(label(task))
    order = [o.code for o in config.organizations] + [
        f"{o.code}/{d.code}" for o in config.organizations for d in o.departments
    ]
    keys = sorted(by_unit, key=lambda k: order.index(k) if k in order else len(order))
    return tuple(UnitTasks(unit_name(config, k), tuple(by_unit[k])) for k in keys)


def _items(
    config: GroupConfig, loaded: Loaded, units: tuple[str, ...], now: datetime
) -> list[TaskItem]:
    tz = config.timezone
    today = now.astimezone(tz).date()
    items = []
    for task, carriers in loaded.in_force():
        for carrier in carriers:
            if carrier.unit in units:
                changed = progress_since(carrier, loaded.row).astimezone(tz).date()
                items.append(
                    TaskItem(
                        carrier.id,
                        label(task),
                        task.content,
                        unit_name(config, carrier.unit),
                        carrier.state,
                        carrier.note,
                        is_stale(carrier.state, changed, today),
                    )
                )
    return items
