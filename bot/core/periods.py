"""Reporting periods (ISO weeks in a group's time zone) and weekly points in time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_PERIOD_RE = re.compile(r"^(\d{4})-W(\d{2})$")

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def require_aware(instant: datetime, name: str = "now") -> datetime:
    """Reject naive datetimes: a naive ``now`` is the classic source of off-by-7-hours bugs."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return instant


@dataclass(frozen=True, order=True)
class PeriodKey:
    """An ISO week, written ``2026-W48``."""

    year: int
    week: int

    def __post_init__(self) -> None:
        # date.fromisocalendar validates the week number for that year (52 or 53 weeks).
        date.fromisocalendar(self.year, self.week, 1)

    @classmethod
    def parse(cls, text: str) -> PeriodKey:
        match = _PERIOD_RE.match(text.strip().upper())
        if match is None:
            raise ValueError(f"not a period: {text!r} (expected e.g. 2026-W48)")
        try:
            return cls(int(match.group(1)), int(match.group(2)))
        except ValueError as exc:
            raise ValueError(f"no such week: {text!r}") from exc

    @classmethod
    def containing(cls, day: date) -> PeriodKey:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def at(cls, now: datetime, tz: ZoneInfo) -> PeriodKey:
        """The period that is current at ``now`` in the group's time zone."""
        return cls.containing(require_aware(now).astimezone(tz).date())

    def first_day(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    def day(self, iso_weekday: int) -> date:
        return date.fromisocalendar(self.year, self.week, iso_weekday)

    def next(self) -> PeriodKey:
        return PeriodKey.containing(self.first_day() + timedelta(days=7))

    def previous(self) -> PeriodKey:
        return PeriodKey.containing(self.first_day() - timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


@dataclass(frozen=True)
class WeeklyTime:
    """A weekday and a local time of day, e.g. Friday 17:00."""

    weekday: int  # ISO: 1 = Monday ... 7 = Sunday (not PTB's run_daily numbering)
    at: time

    def __post_init__(self) -> None:
        if not 1 <= self.weekday <= 7:
            raise ValueError("weekday must be 1 (Monday) to 7 (Sunday)")

    @classmethod
    def parse(cls, text: str) -> WeeklyTime:
        """Parse ``"friday 17:00"`` or ``"fri 17:00"``."""
        parts = text.strip().lower().split()
        if len(parts) != 2:
            raise ValueError("expected a weekday and a time, e.g. 'friday 17:00'")
        day_name, clock = parts
        matches = [i for i, name in enumerate(WEEKDAY_NAMES, 1) if name.startswith(day_name)]
        if len(day_name) < 3 or len(matches) != 1:
            raise ValueError(f"unknown weekday {day_name!r}")
        try:
            at = time.fromisoformat(clock)
        except ValueError as exc:
            raise ValueError(f"invalid time {clock!r}, expected HH:MM") from exc
        if at.second or at.microsecond or len(clock) != 5:
            raise ValueError(f"invalid time {clock!r}, expected HH:MM")
        return cls(matches[0], at)

    def in_period(self, period: PeriodKey, tz: ZoneInfo) -> datetime:
        """This weekly time within ``period``, as an aware UTC instant."""
        local = datetime.combine(period.day(self.weekday), self.at, tzinfo=tz)
        return local.astimezone(UTC)

    def sort_key(self) -> tuple[int, time]:
        return (self.weekday, self.at)

    def __str__(self) -> str:
        return f"{WEEKDAY_NAMES[self.weekday - 1]} {self.at:%H:%M}"


@dataclass(frozen=True)
class PeriodWindow:
    """A period's bounds and deadline as UTC instants."""

    key: PeriodKey
    starts_at: datetime
    ends_at: datetime
    deadline_at: datetime

    @classmethod
    def of(cls, key: PeriodKey, tz: ZoneInfo, deadline: WeeklyTime) -> PeriodWindow:
        start = datetime.combine(key.first_day(), time(0), tzinfo=tz).astimezone(UTC)
        end = datetime.combine(key.next().first_day(), time(0), tzinfo=tz).astimezone(UTC)
        return cls(key, start, end, deadline.in_period(key, tz))

    def contains(self, instant: datetime) -> bool:
        return self.starts_at <= require_aware(instant) < self.ends_at


_SHORT_WEEK_RE = re.compile(r"^(?:tuần|tuan|week|w)?\s*(\d{1,2})$")


def named_week(text: str, current: PeriodKey) -> PeriodKey | None:
    """The week a command names: "2026-W47", or as people say it — "47", "w47", "tuần 47"
    (``text`` in lower case): the latest week 47 that is not after
    ``current``. None if it names no week."""
    word = text.strip().lower()
    match = _SHORT_WEEK_RE.match(word)
    if match is None:
        try:
            return PeriodKey.parse(word)
        except ValueError:
            return None
    number = int(match.group(1))
    for year in (current.year, current.year - 1):
        try:
            key = PeriodKey(year, number)
        except ValueError:
            continue  # week 53 in a year that has none
        if key <= current:
            return key
    return None
