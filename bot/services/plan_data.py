"""A group's response plan as the services use it: stored from a file read by the core
(importing again keeps the history of tasks that stay), loaded with the situation in force,
its tasks asked about in the weekly report, progress recorded, and the picture the digest,
/summary and the documents show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.config import GroupConfig
from bot.core.answers import UNCHANGED, AnswerKind
from bot.core.directions import read_result
from bot.core.plans import (
    CarrierLine,
    Plan,
    PlanPicture,
    Section,
    Task,
    TaskLine,
    Units,
    is_stale,
    units_of,
)
from bot.core.questionnaire import Question
from storage.models import Group, Person, PlanCarrier, PlanEvent, PlanSection, PlanTask, Report
from storage.models import Plan as PlanRow
from storage.uow import UnitOfWork

TASK_KEY = "nv_"  # the weekly report's question about a task carried: "nv_<carrier id>"


def units_for(config: GroupConfig) -> Units:
    return units_of(
        ((o.code, o.name, o.aliases, o.front) for o in config.organizations),
        ((o.code, d.code, d.name, d.aliases) for o in config.organizations for d in o.departments),
    )


def unit_name(config: GroupConfig, key: str) -> str:
    """An organization's or a department's name, by its key ("hnd", "mttq/van_phong")."""
    organization, _, department = key.partition("/")
    found = config.organization(organization)
    if found is None:
        return key
    if not department:
        return found.name
    return next((d.name for d in found.departments if d.code == department), key)


def units_led(config: GroupConfig, user_id: int) -> tuple[str, ...]:
    """The units someone reports for, from the configuration: organizations and
    departments (a department's reporters are listed only there)."""
    found = [o.code for o in config.organizations if user_id in o.leaders]
    found += [
        f"{o.code}/{d.code}"
        for o in config.organizations
        for d in o.departments
        if user_id in d.leaders
    ]
    return tuple(found)


def task_key(carrier_id: int) -> str:
    return f"{TASK_KEY}{carrier_id}"


def carrier_of_key(key: str) -> int | None:
    rest = key.removeprefix(TASK_KEY)
    return int(rest) if key.startswith(TASK_KEY) and rest.isdigit() else None


# --- storing an imported plan ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    levels: tuple[tuple[int, str, int], ...]  # each situation: number, title, tasks in force
    kept: int  # tasks whose place and content stayed: their history goes on
    added: int
    dropped: int  # no longer in the file: kept inactive with their history
    level: int  # in force
    reset_from: int | None = None  # the situation in force before, gone from the new file


async def store(
    uow: UnitOfWork,
    group: Group,
    plan: Plan,
    file_name: str,
    person: Person | None,
    now: datetime,
) -> Stored:
    """The plan replaces the group's; a task that stays (same situation, block, number and
    content) keeps its row, units' progress and history."""
    row = await uow.plans.of_group(group.id)
    reset_from = None
    if row is None:
        row = await uow.plans.add(
            PlanRow(
                group_id=group.id,
                file_name=file_name,
                level=plan.levels[0],
                imported_at=now,
                imported_by=person.id if person else None,
                level_since=now,
            )
        )
    else:
        row.file_name, row.imported_at = file_name, now
        row.imported_by = person.id if person else None
        if row.level not in plan.levels:  # said, and recorded as a switch
            reset_from, row.level, row.level_since = row.level, plan.levels[0], now
            await uow.plans.add_event(
                PlanEvent(
                    plan_id=row.id,
                    person_id=person.id if person else None,
                    kind="level",
                    value=f"{reset_from}>{row.level}",
                    text=file_name,
                    at=now,
                )
            )
    await uow.plans.replace_sections(
        row.id,
        [
            PlanSection(
                plan_id=row.id,
                level=s.level,
                block=s.block,
                title=s.title,
                same_as=s.same_as,
                position=n,
            )
            for n, s in enumerate(plan.sections)
        ],
    )
    old = {_identity(t): t for t in await uow.plans.tasks(row.id, active_only=False)}
    carriers = {
        (c.task_id, c.unit): c for c in await uow.plans.carriers([t.id for t in old.values()])
    }
    kept = added = 0
    seen: set[int] = set()
    for position, task in enumerate(plan.tasks):
        stored = old.get(task.identity)
        if stored is None or stored.id in seen:
            stored = await uow.plans.add_task(
                PlanTask(
                    plan_id=row.id,
                    level=task.level,
                    block=task.block,
                    number=task.number,
                    content=task.content,
                    position=position,
                    created_at=now,
                )
            )
            added += 1
        else:
            kept += 1
        seen.add(stored.id)
        stored.units, stored.departments = task.units, task.departments
        stored.director, stored.note, stored.position, stored.active = (
            task.director,
            task.note,
            position,
            True,
        )
        for unit in task.carriers:
            carrier = carriers.get((stored.id, unit))
            if carrier is None:
                await uow.plans.add_carrier(
                    PlanCarrier(task_id=stored.id, unit=unit, state="not_started", changed_at=now)
                )
            else:
                carrier.active = True
        for (task_id, unit), carrier in carriers.items():
            if task_id == stored.id and unit not in task.carriers:
                carrier.active = False
    dropped = 0
    for gone in old.values():
        if gone.id not in seen and gone.active:
            gone.active, dropped = False, dropped + 1
    await uow.plans.add_event(
        PlanEvent(
            plan_id=row.id,
            person_id=person.id if person else None,
            kind="imported",
            text=file_name,
            at=now,
        )
    )
    levels = tuple((lv, plan.title(lv), len(plan.in_force(lv))) for lv in plan.levels)
    return Stored(levels, kept, added, dropped, row.level, reset_from)


def _identity(task: PlanTask) -> tuple[int, str, str, str]:
    return (task.level, task.block, task.number, " ".join(task.content.split()))


# --- the plan as it stands ------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    row: PlanRow
    plan: Plan  # the active tasks, as the core reads them
    tasks: dict[tuple[int, str, str], PlanTask]  # by (level, block, number)
    carriers: dict[int, list[PlanCarrier]]  # active ones, by task id

    def in_force(self, level: int | None = None) -> list[tuple[PlanTask, list[PlanCarrier]]]:
        found = []
        for task in self.plan.in_force(self.row.level if level is None else level):
            stored = self.tasks[(task.level, task.block, task.number)]
            found.append((stored, self.carriers.get(stored.id, [])))
        return found


async def load(uow: UnitOfWork, group_id: int) -> Loaded | None:
    row = await uow.plans.of_group(group_id)
    if row is None:
        return None
    sections = tuple(
        Section(s.level, s.block, s.title, s.same_as) for s in await uow.plans.sections(row.id)
    )
    tasks = await uow.plans.tasks(row.id)
    carriers: dict[int, list[PlanCarrier]] = {}
    for carrier in await uow.plans.carriers([t.id for t in tasks]):
        if carrier.active:
            carriers.setdefault(carrier.task_id, []).append(carrier)
    core = tuple(
        Task(
            t.level,
            t.block,
            t.number,
            t.content,
            t.units,
            t.departments,
            t.director,
            t.note,
            tuple(c.unit for c in carriers.get(t.id, [])),
        )
        for t in tasks
    )
    by_place = {(t.level, t.block, t.number): t for t in tasks}
    return Loaded(row, Plan(sections, core), by_place, carriers)


def progress_since(carrier: PlanCarrier, row: PlanRow) -> datetime:
    """Since when a unit's task counts as without progress: its last change, or the switch
    to the situation in force if later (a task of a new situation is not stale at once)."""
    return max(carrier.changed_at, row.level_since)


def label(task: PlanTask) -> str:
    return ".".join(p for p in (str(task.level), task.block, task.number) if p)


async def read_picture(
    uow: UnitOfWork, group: Group, config: GroupConfig, now: datetime
) -> PlanPicture | None:
    """The plan at the situation in force, each task's units with their states."""
    loaded = await load(uow, group.id)
    if loaded is None:
        return None
    tz = config.timezone
    today = now.astimezone(tz).date()
    lines = []
    for task, carriers in loaded.in_force():
        lines.append(
            TaskLine(
                label(task),
                task.content,
                tuple(
                    CarrierLine(
                        unit_name(config, c.unit),
                        c.state,
                        c.note,
                        is_stale(
                            c.state, progress_since(c, loaded.row).astimezone(tz).date(), today
                        ),
                    )
                    for c in carriers
                ),
            )
        )
    level = loaded.row.level
    since = loaded.row.level_since.astimezone(tz).date()
    return PlanPicture(level, loaded.plan.title(level), since, tuple(lines))


# --- progress -------------------------------------------------------------------------------------


async def record_progress(
    uow: UnitOfWork,
    plan_id: int,
    carrier: PlanCarrier,
    state: str,
    note: str,
    person: Person,
    now: datetime,
    source: str,
) -> None:
    """A unit reports on a task: its state (perhaps unchanged: "no change" is reported
    too), with a note; the step is kept in the plan's history."""
    changed = state != carrier.state or (note and note != carrier.note)
    if changed:
        carrier.changed_at = now
    carrier.state, carrier.reported_at, carrier.updated_by = state, now, person.id
    if note:
        carrier.note = note
    await uow.plans.add_event(
        PlanEvent(
            plan_id=plan_id,
            carrier_id=carrier.id,
            person_id=person.id,
            kind="progress",
            value=state,
            text=note or None,
            source=source,
            at=now,
        )
    )


async def report_questions(
    uow: UnitOfWork, group_id: int, unit: str, report: Report
) -> tuple[Question, ...]:
    """The questions a report asks about the tasks its organization carries at the
    situation in force (and, once submitted, only those it answered)."""
    if not await uow.plans.carried_by(unit):
        return ()  # most organizations: one look-up by an index
    loaded = await load(uow, group_id)
    if loaded is None:
        return ()
    answered = {row.question_key for row in await uow.reports.answer_rows(report.id)}
    submitted = report.state == "submitted"
    questions = []
    for task, carriers in loaded.in_force():
        for carrier in carriers:
            key = task_key(carrier.id)
            if carrier.unit != unit or (submitted and key not in answered):
                continue
            previous = carrier.state if carrier.reported_at is not None else None
            questions.append(
                Question(
                    key, f"{label(task)}. {task.content}", AnswerKind.PROGRESS, previous=previous
                )
            )
    return tuple(questions)


async def apply_report(
    uow: UnitOfWork,
    group_id: int,
    report: Report,
    person: Person,
    keys: Sequence[str],
    now: datetime,
) -> None:
    """The report's answers about tasks update their units' progress."""
    loaded = await load(uow, group_id)
    if loaded is None:
        return
    for answer in await uow.reports.answers(report.id):
        carrier_id = carrier_of_key(answer.question_key)
        if carrier_id is None or answer.question_key not in keys or answer.value is None:
            continue
        carrier = await uow.plans.carrier(carrier_id)
        if carrier is None or not carrier.active:
            continue
        if carrier.reported_at is not None and carrier.reported_at > answer.answered_at:
            continue  # reported since (/nhiemvu): that one stands
        read = read_result(answer.text)
        note = read.note if read is not None else ""
        # "Không đổi": the state the unit has now, reported again.
        state = carrier.state if answer.value == UNCHANGED else answer.value
        await record_progress(uow, loaded.row.id, carrier, state, note, person, now, "report")
