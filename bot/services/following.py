"""Following a direction up: its organizations acknowledge it and report their results (a
button, a reply to the direction's message, or the weekly report's question about it);
reminders go out once each; and the picture the digest, /summary and the documents show.

Each step is kept in the direction's history (who, when, what), and the secretariat member
who gave the direction is told in private when it is acknowledged and when it is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.config import AppConfig, GroupConfig
from bot.core.answers import AnswerKind
from bot.core.directions import (
    DirectionLine,
    DirectionState,
    Picture,
    Progress,
    Result,
    TargetLine,
    after_result,
    picture,
    read_result,
    reminders_due,
)
from bot.core.questionnaire import Question
from bot.services.direction_mail import ONCE, REMINDER, Mail, leaders
from bot.services.direction_outcomes import DirectionNotice, HistoryEntry
from bot.services.people import display_name
from bot.services.words import WeekWords
from storage.models import (
    Direction,
    DirectionEvent,
    DirectionTarget,
    Group,
    Organization,
    Period,
    Person,
    Report,
)
from storage.uow import UnitOfWork

FOLLOW_UP = "cd_"  # the key of a weekly report's question about direction 12 is "cd_12"


def follow_up_key(number: int) -> str:
    return f"{FOLLOW_UP}{number}"


def number_of_key(key: str) -> int | None:
    rest = key.removeprefix(FOLLOW_UP)
    return int(rest) if key.startswith(FOLLOW_UP) and rest.isdigit() else None


def local_day(instant: datetime | None, tz: ZoneInfo) -> date | None:
    return instant.astimezone(tz).date() if instant is not None else None


# --- reading --------------------------------------------------------------------------------------


async def lines_of(
    uow: UnitOfWork, directions: Sequence[Direction], tz: ZoneInfo
) -> list[DirectionLine]:
    """Directions as the core reads them, with their organizations."""
    if not directions:
        return []
    targets = await uow.directions.targets_of([d.id for d in directions])
    givers = {p.id: p for p in await uow.people.by_ids(list({d.given_by for d in directions}))}
    by_direction: dict[int, list[TargetLine]] = {}
    for target, organization in targets:
        by_direction.setdefault(target.direction_id, []).append(
            TargetLine(
                organization.name,
                organization.code,
                target.progress,
                local_day(target.done_at, tz),
                target.note,
            )
        )
    lines = []
    for direction in directions:
        giver = givers.get(direction.given_by)
        given = direction.given_at or direction.created_at
        lines.append(
            DirectionLine(
                number=direction.number or 0,
                text=direction.text,
                given_on=given.astimezone(tz).date(),
                given_by=display_name(giver) if giver else "",
                due=direction.due_on,
                state=direction.state,
                targets=tuple(by_direction.get(direction.id, ())),
                closed_on=local_day(direction.closed_at, tz),
                reason=direction.reason,
            )
        )
    return lines


async def read_picture(
    uow: UnitOfWork, group: Group, config: GroupConfig, period: Period, now: datetime
) -> Picture | None:
    """The directions of a period as they stand at ``now``; None when the group has none."""
    directions = await uow.directions.of_group(group.id)
    if not directions:
        return None
    tz = config.timezone
    first = period.starts_at.astimezone(tz).date()
    last = (period.ends_at.astimezone(tz)).date()
    if period.ends_at.astimezone(tz).time() == datetime.min.time():
        last = date.fromordinal(last.toordinal() - 1)  # the window ends at next Monday 00:00
    return picture(await lines_of(uow, directions, tz), first, last, now.astimezone(tz).date())


async def late_directions(
    uow: UnitOfWork, group: Group, config: GroupConfig, now: datetime
) -> tuple[tuple[int, str, date], ...]:
    """Each organization's direction overdue and not done: (number, organization, due)."""
    today = now.astimezone(config.timezone).date()
    late = []
    for direction in await uow.directions.of_group(group.id, [DirectionState.OPEN]):
        if direction.due_on is None or today <= direction.due_on:
            continue
        for target, organization in await uow.directions.targets(direction.id):
            if target.progress is not Progress.DONE:
                late.append((direction.number or 0, organization.name, direction.due_on))
    return tuple(late)


async def history_of(
    uow: UnitOfWork, direction: Direction, tz: ZoneInfo
) -> tuple[HistoryEntry, ...]:
    entries = []
    for event, person, organization in await uow.directions.events([direction.id]):
        entries.append(
            HistoryEntry(
                at=event.at,
                kind=event.kind,
                who=display_name(person) if person else "",
                organization=organization.name if organization else "",
                value=event.value,
                text=event.text,
            )
        )
    return tuple(entries)


# --- the weekly report's questions about directions -----------------------------------------------


async def follow_up_questions(
    uow: UnitOfWork, organization_id: int, report_id: int, submitted: bool
) -> tuple[Question, ...]:
    """The questions a report asks after its template: one per direction open for the
    organization, and one per direction this report has already answered about (once
    submitted, only those: a direction given since is asked in the next report)."""
    if not await uow.directions.directed(organization_id):
        return ()  # most organizations, most weeks: one look-up by an index, nothing more
    found = await uow.directions.for_organization(organization_id, open_only=False)
    answered = {
        number
        for row in await uow.reports.answer_rows(report_id)
        if (number := number_of_key(row.question_key)) is not None
    }
    questions = []
    for direction, target in found:
        number = direction.number or 0
        still = direction.state is DirectionState.OPEN and target.progress is not Progress.DONE
        if (still and not submitted) or number in answered:
            questions.append(
                Question(follow_up_key(number), direction.text, AnswerKind.PROGRESS, required=True)
            )
    return tuple(questions)


async def apply_follow_ups(
    uow: UnitOfWork,
    words: WeekWords,
    config: GroupConfig,
    group: Group,
    report: Report,
    organization: Organization,
    person: Person,
    keys: Sequence[str] | None,
    now: datetime,
) -> None:
    """The report's answers about directions update them (on submission: every one; after
    it, ``keys``: the answers changed)."""
    for answer in await uow.reports.answers(report.id):
        number = number_of_key(answer.question_key)
        if number is None or answer.skipped or answer.value is None:
            continue
        if keys is not None and answer.question_key not in keys:
            continue
        direction = await uow.directions.by_number(group.id, number)
        if direction is None or direction.state is not DirectionState.OPEN:
            continue
        target = await uow.directions.target(direction.id, organization.id)
        if target is None or target.updated_at > answer.answered_at:
            continue  # answered before a later step (a button, a reply): that one stands
        if target.progress is Progress.DONE and answer.value != Result.DONE.value:
            continue  # done stays done: the report cannot take it back
        read = read_result(answer.text)
        note = read.note if read is not None else ""
        await record_result(
            uow,
            words,
            config,
            group,
            direction,
            target,
            organization,
            person,
            Result(answer.value),
            note,
            now,
            source="report",
        )


# --- steps of an organization ---------------------------------------------------------------------


async def acknowledge(
    uow: UnitOfWork,
    words: WeekWords,
    config: GroupConfig,
    direction: Direction,
    targets: Sequence[tuple[DirectionTarget, Organization]],
    person: Person,
    now: datetime,
) -> list[str]:
    """The organizations that had not acknowledged it now have; their names."""
    mail, changed = Mail(uow, words, now), []
    for target, organization in targets:
        if target.progress is not Progress.NEW:
            continue
        target.progress, target.updated_at = Progress.ACKNOWLEDGED, now
        target.acknowledged_at, target.acknowledged_by = now, person.id
        await add_event(uow, direction, organization, person, "acknowledged", now)
        notice = DirectionNotice(
            config.language,
            direction.number or 0,
            "acknowledged",
            organization=organization.name,
            by=display_name(person),
        )
        await mail.tell_giver(direction, notice, f"{direction.number}:ack:{organization.id}")
        changed.append(organization.name)
    return changed


async def record_result(
    uow: UnitOfWork,
    words: WeekWords,
    config: GroupConfig,
    group: Group,
    direction: Direction,
    target: DirectionTarget,
    organization: Organization,
    person: Person,
    result: Result,
    note: str,
    now: datetime,
    *,
    source: str = "",
) -> None:
    """A result reported: the organization's progress moves, the step is in the history,
    and the giver is told when it is done (once)."""
    was = target.progress
    target.progress = after_result(target.progress, result)
    if target.acknowledged_at is None:
        target.acknowledged_at, target.acknowledged_by = now, person.id
    if note:
        target.note = note
    if target.progress is Progress.DONE and was is not Progress.DONE:
        target.done_at = now
    target.updated_at = now
    event_text = note or None
    await add_event(
        uow, direction, organization, person, "result", now, result.value, event_text, source
    )
    if target.progress is Progress.DONE and was is not Progress.DONE:
        notice = DirectionNotice(
            config.language,
            direction.number or 0,
            "done",
            organization=organization.name,
            by=display_name(person),
            text=note,
        )
        await Mail(uow, words, now).tell_giver(
            direction, notice, f"{direction.number}:done:{organization.id}"
        )


async def add_note(
    uow: UnitOfWork,
    direction: Direction,
    target: DirectionTarget,
    organization: Organization,
    person: Person,
    note: str,
    now: datetime,
) -> None:
    target.note, target.updated_at = note, now
    await add_event(uow, direction, organization, person, "note", now, None, note)


async def add_event(
    uow: UnitOfWork,
    direction: Direction,
    organization: Organization | None,
    person: Person | None,
    kind: str,
    now: datetime,
    value: str | None = None,
    text: str | None = None,
    source: str = "",
) -> None:
    await uow.directions.add_event(
        DirectionEvent(
            direction_id=direction.id,
            organization_id=organization.id if organization else None,
            person_id=person.id if person else None,
            kind=kind if not source else f"{kind}:{source}",
            value=value,
            text=text,
            at=now,
        )
    )


# --- reminders ------------------------------------------------------------------------------------


async def claim_reminders(
    uow: UnitOfWork, config: AppConfig, words: WeekWords, now: datetime
) -> int:
    """Every reminder due at ``now``, each claimed once per organization and kind: a marker
    first (so a leader reachable later is not reminded again), then the messages."""
    claimed = 0
    groups: dict[int, tuple[Group, GroupConfig] | None] = {}
    mail = Mail(uow, words, now)
    for direction, target in await uow.directions.open_targets():
        if direction.group_id not in groups:
            group = await uow.groups.by_id(direction.group_id)
            group_config = config.group(group.chat_id) if group is not None else None
            groups[direction.group_id] = (group, group_config) if group and group_config else None
        found = groups[direction.group_id]
        if found is None or direction.given_at is None:
            continue
        group, group_config = found
        tz = group_config.timezone
        due = reminders_due(
            target.progress, direction.given_at.astimezone(tz), direction.due_on, now.astimezone(tz)
        )
        for reminder in due:
            # A new due date reminds again: the day is part of what was decided once.
            day = f"{direction.due_on:%Y%m%d}" if direction.due_on else "-"
            slot = f"{direction.number}:{reminder.value[0]}:{target.organization_id}:{day}"
            if not await mail.claim(direction, ONCE, slot, group.chat_id, None, private=False):
                continue
            organization = await uow.groups.organization(target.organization_id)
            if organization is None or not organization.active:
                continue
            people = await leaders(uow, group.id, organization.id)
            notice = DirectionNotice(
                group_config.language,
                direction.number or 0,
                reminder.value,
                organization=organization.name,
                due=direction.due_on,
                text=direction.text,
                direction=direction.id,
                reminder=reminder,
            )
            await mail.tell(direction, group, group_config, people, notice, slot, kind=REMINDER)
            claimed += 1
    return claimed
