"""Reading what a period's messages and files say: one group's digest of one period (with the
period before, for the change), and a run of periods for spreadsheets, charts and /history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from bot.config import AppConfig, GroupConfig
from bot.core.answers import NUMERIC_KINDS
from bot.core.conversation import ReportState
from bot.core.digest import (
    Digest,
    OrganizationFacts,
    ReportFacts,
    StoredAnswer,
    accumulate,
    build_digest,
)
from bot.core.periods import PeriodKey
from bot.core.rollup import Child, RollUp, roll_up
from bot.core.status import ReportStatus
from bot.exports.data import DirectionStep, History, PeriodReport, PlanRow, PlanStep, Switch
from bot.services.outcomes import Who
from bot.services.people import display_name
from bot.services.periods import ensure_period
from bot.services.plan_data import label, unit_name
from bot.services.plan_data import read_picture as read_plan
from bot.services.words import Audience, Owing
from storage.models import Answer, Group, Organization, Period, PlanCarrier, Report, Role
from storage.uow import UnitOfWork

Reports = dict[int, tuple[Report, list[Answer]]]  # by organization id, with their answers


@dataclass(frozen=True)
class PeriodFacts:
    """Everything the week's messages say about one group and period."""

    group: Group
    config: GroupConfig
    period: Period
    digest: Digest
    leaders_of: dict[str, tuple[Who, ...]]

    def audience(self, *, mentions: bool | None = None) -> Audience:
        c = self.config
        return Audience(
            c.name, c.language, c.timezone, c.mentions if mentions is None else mentions
        )

    def owing(self, statuses: Sequence[ReportStatus]) -> tuple[Owing, ...]:
        return tuple(
            Owing(line.name, self.leaders_of.get(line.code, ()))
            for line in self.digest.lines
            if line.status in statuses
        )


async def read_facts(
    uow: UnitOfWork,
    group: Group,
    config: GroupConfig,
    period: Period,
    now: datetime,
    *,
    cumulative: bool = False,
) -> PeriodFacts:
    """The digest of ``period`` at ``now``: reads this period and the one before only; with
    ``cumulative``, also the figures submitted since the group's start of counting."""
    key = PeriodKey.parse(period.key)
    organizations = await uow.groups.organizations(group.id)
    reports = await uow.reports.with_answers(period.id)
    before = await uow.reports.period(group.id, str(key.previous()))
    previous = await uow.reports.with_answers(before.id) if before is not None else {}
    leaders_of = await _leaders(uow, group)
    facts = _facts(group, config, period, organizations, leaders_of, reports, previous, now)
    if not cumulative:
        return facts
    since = cumulative_since(config, key)
    numeric = [q.key for q in config.questions if q.kind in NUMERIC_KINDS]
    earlier: dict[str, Decimal] = {}
    for question_key, value in await uow.reports.figures_between(
        group.id, str(since), str(key), numeric
    ):
        earlier[question_key] = earlier.get(question_key, Decimal(0)) + Decimal(value)
    return replace(facts, digest=accumulate(facts.digest, since, earlier))


def cumulative_since(config: GroupConfig, key: PeriodKey) -> PeriodKey:
    """The first week of the cumulative figures (lũy kế): the week of the group's
    ``cumulative_from`` date, or the first week of the year; never after ``key``."""
    since = (
        PeriodKey.containing(config.cumulative_from)
        if config.cumulative_from is not None
        else PeriodKey(key.year, 1)
    )
    return min(since, key)


def _facts(
    group: Group,
    config: GroupConfig,
    period: Period,
    organizations: Sequence[Organization],
    leaders_of: dict[str, tuple[Who, ...]],
    reports: Reports,
    previous: Reports,
    now: datetime,
) -> PeriodFacts:
    digest = build_digest(
        PeriodKey.parse(period.key),
        period.deadline_at,
        [
            OrganizationFacts(
                code=o.code,
                name=o.name,
                leaders=tuple((w.user_id, w.name) for w in leaders_of.get(o.code, ())),
                questions=config.questions_for(o.code),
                report=_report_facts(reports.get(o.id)),
                previous=_report_facts(previous.get(o.id)),
            )
            for o in organizations
        ],
        now,
    )
    return PeriodFacts(group, config, period, digest, leaders_of)


async def period_report(
    uow: UnitOfWork,
    group: Group,
    config: GroupConfig,
    key: PeriodKey,
    now: datetime,
    notes: tuple[str | None, str | None] = (None, None),
    rollup: RollUp | None = None,
) -> PeriodReport:
    """The Word report's contents; ``notes``: what the secretariat wrote for it (the general
    assessment, the plan for the week ahead), None where left to fill in by hand; ``rollup``:
    a province's communes for the same week."""
    # Imported here: following reaches the outbox, which reads this module.
    from bot.services.following import read_picture

    period = await ensure_period(uow, group, config, key)
    facts = await read_facts(uow, group, config, period, now, cumulative=True)
    report = _period_report(config, key, period, facts)
    directions = await read_picture(uow, group, config, period, now)
    plan = await read_plan(uow, group, config, now)
    switches = await _switches(uow, group, config, key) if plan is not None else ()
    return replace(
        report,
        assessment=notes[0],
        plan_ahead=notes[1],
        rollup=rollup,
        directions=directions,
        plan=plan,
        switches=switches,
    )


async def _switches(
    uow: UnitOfWork, group: Group, config: GroupConfig, key: PeriodKey
) -> tuple[Switch, ...]:
    """The response plan's situation switched within the period (the group's days)."""
    row = await uow.plans.of_group(group.id)
    if row is None:
        return ()
    found = []
    for event, _person in await uow.plans.events(row.id):
        day = event.at.astimezone(config.timezone).date()
        old, _, new = (event.value or "").partition(">")
        if event.kind != "level" or not old.isdigit() or not new.isdigit():
            continue
        if key.first_day() <= day <= key.day(7):
            found.append(Switch(day, int(old), int(new)))
    return tuple(found)


def _period_report(
    config: GroupConfig, key: PeriodKey, period: Period, facts: PeriodFacts
) -> PeriodReport:
    holiday = key in config.holidays or period.skipped_at is not None
    return PeriodReport(config, facts.digest, key.first_day(), key.day(7), holiday)


async def read_history(
    uow: UnitOfWork,
    group: Group,
    config: GroupConfig,
    keys: Sequence[PeriodKey],
    now: datetime,
) -> History:
    """A run of weeks: each week's reports are read once (a week's digest also needs the
    week before it, which is the previous week of the run), and the roster once."""
    organizations = await uow.groups.organizations(group.id)
    leaders_of = await _leaders(uow, group)
    read: dict[PeriodKey, Reports] = {}

    async def reports_of(key: PeriodKey, period: Period | None) -> Reports:
        if key not in read:
            read[key] = await uow.reports.with_answers(period.id) if period is not None else {}
        return read[key]

    found = []
    for key in keys:
        period = await ensure_period(uow, group, config, key)
        before = None
        if key.previous() not in read:
            before = await uow.reports.period(group.id, str(key.previous()))
        previous = await reports_of(key.previous(), before)
        reports = await reports_of(key, period)
        facts = _facts(group, config, period, organizations, leaders_of, reports, previous, now)
        found.append(_period_report(config, key, period, facts))
    return History(config, tuple(found))


async def with_directions(
    uow: UnitOfWork, group: Group, config: GroupConfig, history: History, last: PeriodKey
) -> History:
    """``history`` with the group's directions given up to the end of ``last`` (drafts are
    none of them), as they stand now, and every step of their histories, oldest first."""
    from bot.services.following import lines_of  # see period_report

    tz, end = config.timezone, last.day(7)
    directions = await uow.directions.of_group(group.id)
    kept = [
        (direction, line)
        for direction, line in zip(directions, await lines_of(uow, directions, tz), strict=True)
        if line.given_on <= end
    ]
    if not kept:
        return history
    numbers = {direction.id: line.number for direction, line in kept}
    steps = [
        DirectionStep(
            number=numbers[event.direction_id],
            at=event.at,
            kind=event.kind,
            organization=organization.name if organization is not None else "",
            who=display_name(person) if person is not None else "",
            value=event.value,
            text=event.text,
        )
        for event, person, organization in await uow.directions.events(list(numbers))
    ]
    steps.sort(key=lambda step: step.number)  # each direction's in the order they were taken
    return replace(
        history, directions=tuple(line for _, line in kept), direction_steps=tuple(steps)
    )


async def with_plan(
    uow: UnitOfWork, group: Group, config: GroupConfig, history: History
) -> History:
    """``history`` with the group's response plan: each unit's every active task, of every
    situation, as it stands now, and every step of the plan's history, oldest first."""
    row = await uow.plans.of_group(group.id)
    if row is None:
        return history
    tasks = await uow.plans.tasks(row.id, active_only=False)
    by_id = {task.id: task for task in tasks}
    carriers = await uow.plans.carriers(list(by_id))
    of_task: dict[int, list[PlanCarrier]] = {}
    for found in carriers:
        if found.active:
            of_task.setdefault(found.task_id, []).append(found)
    rows = [
        PlanRow(
            task.level,
            label(task),
            task.content,
            unit_name(config, c.unit),
            c.state,
            c.note,
            c.reported_at,
        )
        for task in tasks
        if task.active
        for c in of_task.get(task.id, [])
    ]
    carried = {c.id: c for c in carriers}
    steps = []
    for event, person in await uow.plans.events(row.id):
        carrier = carried.get(event.carrier_id) if event.carrier_id is not None else None
        subject = label(by_id[carrier.task_id]) if carrier is not None else ""
        if event.kind == "level":
            subject = (event.value or "").partition(">")[2]
        steps.append(
            PlanStep(
                at=event.at,
                kind=event.kind,
                subject=subject,
                unit=unit_name(config, carrier.unit) if carrier is not None else "",
                who=display_name(person) if person is not None else "",
                value=event.value,
                text=event.text,
                source=event.source,
            )
        )
    return replace(history, plan_rows=tuple(rows), plan_steps=tuple(steps))


CHART_WEEKS = 8  # the chart shows about two months, as /history does


def recent_weeks(group: Group, config: GroupConfig, last: PeriodKey, count: int) -> list[PeriodKey]:
    """Up to ``count`` periods ending with ``last``, oldest first, none before the group was
    set up (the weeks before the bot looked after it would all read "missing")."""
    first = PeriodKey.at(group.created_at, config.timezone)
    keys = [last]
    while len(keys) < count and keys[-1] > first:
        keys.append(keys[-1].previous())
    keys.reverse()
    return keys


async def _leaders(uow: UnitOfWork, group: Group) -> dict[str, tuple[Who, ...]]:
    memberships = [m for m in await uow.groups.memberships(group.id) if m.role is Role.LEADER]
    people = {p.id: p for p in await uow.people.by_ids([m.person_id for m in memberships])}
    codes = {o.id: o.code for o in await uow.groups.organizations(group.id)}
    found: dict[str, list[Who]] = {}
    for m in memberships:
        person = people[m.person_id]
        if m.organization_id in codes:
            found.setdefault(codes[m.organization_id], []).append(
                Who(person.user_id, person.full_name or "")  # worded by the views
            )
    return {code: tuple(whos) for code, whos in found.items()}


def _report_facts(found: tuple[Report, list[Answer]] | None) -> ReportFacts | None:
    if found is None:
        return None
    report, answers = found
    submitted = report.submitted_at if report.state is ReportState.SUBMITTED else None
    return ReportFacts(
        submitted_at=submitted,
        excused=report.state is ReportState.EXCUSED,
        answers={a.question_key: StoredAnswer(a.text, a.value, a.skipped) for a in answers},
    )


async def read_rollup(
    uow: UnitOfWork, config: AppConfig, parent: GroupConfig, key: PeriodKey, now: datetime
) -> RollUp | None:
    """The children of ``parent`` (groups that name it) for the same week; None if it has
    none. Each child's digest is read as its own /summary would read it."""
    children = []
    for child_config in config.children_of(parent.chat_id):
        group = await uow.groups.by_chat_id(config.chat_of(child_config))
        if group is None:
            continue
        period = await ensure_period(uow, group, child_config, key)
        facts = await read_facts(uow, group, child_config, period, now, cumulative=True)
        children.append(Child(child_config.name, facts.digest))
    return roll_up(key, children) if children else None
