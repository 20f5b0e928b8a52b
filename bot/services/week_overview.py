"""What the weekly tick has to do, read for every group at once.

The tick runs every minute and usually has nothing to do. Reading each group's periods,
ledger and reports one group at a time made an idle tick cost about ten queries per group
(seconds for 1,000 groups); this overview reads them for all groups in a handful of queries,
and only the groups with something to claim open a transaction of their own. Claims stay
INSERT-if-absent, so an overview that is a moment old can never cause a double send.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from bot.core.periods import PeriodKey
from bot.core.schedule import Due, EventKind, due_events
from storage.models import DeliveryState, Group, Period
from storage.uow import UnitOfWork

# Ledger kinds besides the schedule's own events (bot.core.schedule.EventKind).
LATE = "late"  # a report that came after the digest, one per organization
OVERDUE_LIST = "overdue_list"  # the secretariat's private list at the deadline, one per member
DIGEST_CHART = "digest_chart"  # the chart posted after the digest


def shown_periods(config: GroupConfig, now: datetime) -> tuple[PeriodKey, PeriodKey]:
    """The periods the tick can have anything to say about: the one before, and this one."""
    current = PeriodKey.at(now, config.timezone)
    return current.previous(), current


@dataclass(frozen=True)
class Work:
    """What one group needs now: events not yet claimed, and late reports (their
    organizations' codes) not yet announced after the previous period's digest."""

    events: tuple[Due, ...]
    late: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.events or self.late)


@dataclass(frozen=True)
class WeekOverview:
    groups: dict[int, Group]  # by the chat id each has now
    unreachable: frozenset[int]  # chats the bot cannot write to now
    periods: dict[tuple[int, str], Period]  # by (group id, key)
    claimed: frozenset[tuple[int, str, str]]  # (period id, kind, slot)
    digests: dict[int, datetime]  # period id → when its (non-empty) digest was made
    submitted: dict[int, list[tuple[int, datetime]]]  # period id → (organization id, at)
    codes: dict[int, str]  # organization id → code

    @classmethod
    async def read(cls, uow: UnitOfWork, config: AppConfig, now: datetime) -> WeekOverview:
        keys = sorted({str(k) for c in config.groups for k in shown_periods(c, now)})
        groups = {g.chat_id: g for g in await uow.groups.all()}
        unreachable = frozenset(await uow.chats.unreachable_ids())
        periods = {(p.group_id, p.key): p for p in await uow.reports.periods_named(keys)}
        claimed = set()
        digests = {}
        for period_id, kind, slot, state, created_at in await uow.ledger.slots_in_periods_named(
            keys
        ):
            claimed.add((period_id, kind, slot))
            if kind == EventKind.DIGEST and state is not DeliveryState.SKIPPED:
                digests[period_id] = created_at
        submitted: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
        for period_id, organization_id, at in await uow.reports.submitted_in_periods_named(keys):
            if period_id in digests:
                submitted[period_id].append((organization_id, at))
        codes = await uow.groups.organization_codes() if submitted else {}
        return cls(
            groups, unreachable, periods, frozenset(claimed), digests, dict(submitted), codes
        )

    def work(self, group: Group, config: GroupConfig, now: datetime) -> Work:
        previous, current = shown_periods(config, now)
        holidays = set(config.holidays)
        for key in (previous, current):
            stored = self.periods.get((group.id, str(key)))
            if stored is not None and stored.skipped_at is not None:
                holidays.add(key)
        due = due_events(
            config.schedule,
            config.timezone,
            now,
            is_holiday=holidays.__contains__,
            tracking_since=group.created_at,
        )
        events = tuple(d for d in due if not self._is_claimed(group, d.period, d.kind, d.slot))
        late: tuple[str, ...] = ()
        before = self.periods.get((group.id, str(previous)))
        if before is not None and previous not in holidays and before.id in self.digests:
            made = self.digests[before.id]
            late = tuple(
                code
                for organization_id, at in self.submitted.get(before.id, [])
                if at > made
                and (code := self.codes[organization_id])
                and not self._is_claimed(group, previous, LATE, code)
            )
        return Work(events, late)

    def _is_claimed(self, group: Group, key: PeriodKey, kind: str, slot: str) -> bool:
        period = self.periods.get((group.id, str(key)))
        return period is not None and (period.id, kind, slot) in self.claimed
