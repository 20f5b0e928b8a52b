"""A group's reporting periods as stored: created on first use, deadline fixed then."""

from __future__ import annotations

from bot.config import GroupConfig
from bot.core.periods import PeriodKey, PeriodWindow
from storage.models import Group, Period
from storage.uow import UnitOfWork


async def ensure_period(
    uow: UnitOfWork, group: Group, config: GroupConfig, key: PeriodKey
) -> Period:
    """The stored period ``key`` of ``group``, created with its window if new."""
    period = await uow.reports.period(group.id, str(key))
    if period is not None:
        return period
    window = PeriodWindow.of(key, config.timezone, config.schedule.deadline)
    return await uow.reports.add_period(
        Period(
            group_id=group.id,
            key=str(key),
            starts_at=window.starts_at,
            ends_at=window.ends_at,
            deadline_at=window.deadline_at,
        )
    )


def first_week(group: Group, config: GroupConfig) -> PeriodKey:
    """The first week the bot looked after the group: no week before it exists for it."""
    return PeriodKey.at(group.created_at, config.timezone)
