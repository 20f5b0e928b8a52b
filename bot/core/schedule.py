"""What a group's week asks of the bot at a given instant: the pure scheduling decision.

The tick asks ``due_events(schedule, tz, now, ...)`` and the ledger of sent messages makes
each answer exactly-once. An event is due from its time until it stops making sense, so a
bot that was down sends it once when it comes back if it still matters (a missed Monday
digest is sent late; a reminder for a deadline already past is not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.periods import PeriodKey, PeriodWindow, WeeklyTime, require_aware

WORKING_DAYS = frozenset({1, 2, 3, 4, 5})  # Monday to Friday


@dataclass(frozen=True)
class Schedule:
    """When things happen in a group's week; weekday + local time in the group's zone."""

    call: WeeklyTime = WeeklyTime(1, time(8, 0))  # Monday 08:00
    reminder: WeeklyTime = WeeklyTime(3, time(17, 0))  # Wednesday 17:00
    # Thursday 17:00: Friday is left for the overdue reminder, which is sent on working days
    # after the deadline within the week (a Friday deadline would leave it none).
    deadline: WeeklyTime = WeeklyTime(4, time(17, 0))
    digest: WeeklyTime = WeeklyTime(1, time(8, 0))  # Monday 08:00, about the week before
    overdue_at: time = time(8, 0)  # overdue reminders, each working day after the deadline
    working_days: frozenset[int] = field(default=WORKING_DAYS)  # ISO weekdays


class EventKind(StrEnum):
    CALL = "call"  # the period opens: who must report, by when
    REMINDER = "reminder"  # before the deadline, to those who have not submitted
    DEADLINE = "deadline"  # at the deadline: who is overdue (group and secretariat)
    OVERDUE = "overdue"  # each working day after the deadline, until the period ends
    DIGEST = "digest"  # the period just closed, summed up


# At the same instant: last week's digest before this week's call, and so on.
_ORDER = (
    EventKind.DIGEST,
    EventKind.CALL,
    EventKind.REMINDER,
    EventKind.DEADLINE,
    EventKind.OVERDUE,
)


@dataclass(frozen=True)
class Due:
    at: datetime  # when it became due
    kind: EventKind
    period: PeriodKey
    slot: str = ""  # distinguishes repeated events of one period (the day of an overdue)


def due_events(
    schedule: Schedule,
    tz: ZoneInfo,
    now: datetime,
    *,
    is_holiday: Callable[[PeriodKey], bool] = lambda _: False,
    tracking_since: datetime | None = None,
) -> list[Due]:
    """Every event that is due at ``now`` and still makes sense, oldest first.

    ``is_holiday``: no call, reminders, overdue notices or digest for that period.
    ``tracking_since``: nothing is due about a period that ended before the group was
    tracked (a new installation does not post last week's empty digest).
    """
    require_aware(now)
    current = PeriodKey.at(now, tz)
    found: list[Due] = []
    for period in (current.previous(), current):
        window = PeriodWindow.of(period, tz, schedule.deadline)
        if tracking_since is not None and window.ends_at <= tracking_since:
            continue
        if is_holiday(period):
            continue
        found += _within_period(schedule, tz, now, period, window)
        found += _digest(schedule, tz, now, period, window)
    return sorted(found, key=lambda d: (d.at, _ORDER.index(d.kind), d.slot))


def _within_period(
    schedule: Schedule, tz: ZoneInfo, now: datetime, period: PeriodKey, window: PeriodWindow
) -> list[Due]:
    deadline = window.deadline_at
    events: list[Due] = []

    def add(kind: EventKind, at: datetime, until: datetime, slot: str = "") -> None:
        if at <= now < until:
            events.append(Due(at, kind, period, slot))

    add(EventKind.CALL, schedule.call.in_period(period, tz), deadline)
    add(EventKind.REMINDER, schedule.reminder.in_period(period, tz), deadline)
    # The deadline notice matters for a day (or until the period ends, if sooner).
    add(EventKind.DEADLINE, deadline, min(deadline + timedelta(days=1), window.ends_at))
    for day in _days_after(deadline.astimezone(tz).date(), period):
        if day.isoweekday() not in schedule.working_days:
            continue
        at = datetime.combine(day, schedule.overdue_at, tzinfo=tz).astimezone(UTC)
        end_of_day = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
        if at > deadline:
            add(
                EventKind.OVERDUE,
                at,
                min(end_of_day.astimezone(UTC), window.ends_at),
                day.isoformat(),
            )
    return events


def _digest(
    schedule: Schedule, tz: ZoneInfo, now: datetime, period: PeriodKey, window: PeriodWindow
) -> list[Due]:
    """The digest of a period is posted in the following week, and is still worth posting
    late until the next digest is due."""
    at = schedule.digest.in_period(period.next(), tz)
    until = schedule.digest.in_period(period.next().next(), tz)
    return [Due(at, EventKind.DIGEST, period)] if at <= now < until else []


def _days_after(day: date, period: PeriodKey) -> list[date]:
    """The days of ``period`` from ``day`` on (the deadline's own day included)."""
    last = period.day(7)
    return [day + timedelta(days=n) for n in range((last - day).days + 1)]


def still_due(
    schedule: Schedule,
    tz: ZoneInfo,
    now: datetime,
    kind: EventKind,
    period: PeriodKey,
    slot: str = "",
    *,
    tracking_since: datetime | None = None,
) -> bool:
    """Whether an event claimed earlier still makes sense at ``now``: it waited while the bot
    could not write to the chat, and is judged by the rule that decides what a bot that was
    down sends when it comes back."""
    return any(
        d.kind is kind and d.period == period and d.slot == slot
        for d in due_events(schedule, tz, now, tracking_since=tracking_since)
    )
