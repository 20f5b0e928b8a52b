"""Which periods an organization may report for at ``now``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.periods import PeriodKey, PeriodWindow, WeeklyTime, require_aware


def reportable_periods(
    *,
    now: datetime,
    tz: ZoneInfo,
    deadline: WeeklyTime,
    tracking_since: datetime,
    settled: Mapping[PeriodKey, bool],
) -> list[PeriodKey]:
    """The current period, preceded by the previous one while it is still owed.

    The previous period is owed when the group was already tracked during it and its
    report is not settled (submitted or excused): a late report is still accepted then.
    ``settled`` maps a period to whether this organization's report for it is settled.
    """
    require_aware(now)
    current = PeriodKey.at(now, tz)
    previous = current.previous()
    owed = PeriodWindow.of(previous, tz, deadline).ends_at > require_aware(
        tracking_since
    ) and not settled.get(previous, False)
    return [previous, current] if owed else [current]
