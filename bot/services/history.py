"""/history: an organization's last weeks, for its leaders and the secretariat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from bot.core.digest import OrganizationLine
from bot.core.periods import PeriodKey
from bot.core.status import ReportStatus
from bot.core.text import fold_for_matching
from bot.services.facts import read_history, recent_weeks
from bot.services.membership import groups_for_chat
from bot.services.outcomes import Duplicate, NotConfigured, NotMember, Outcome
from bot.services.people import Chat, Sender, known_person, message_key
from storage.database import Database
from storage.models import Group, Role
from storage.uow import UnitOfWork

WEEKS = 8  # about two months: what fits on a phone screen


@dataclass(frozen=True)
class HistoryOverview(Outcome):
    """The secretariat's view: every organization's status, week by week."""

    language: str
    weeks: tuple[PeriodKey, ...]  # oldest first
    rows: tuple[tuple[str, str, tuple[ReportStatus, ...]], ...]  # (code, name, statuses)


@dataclass(frozen=True)
class HistoryDetail(Outcome):
    """One organization, week by week: status and figures (newest first)."""

    language: str
    organization: str
    weeks: tuple[tuple[PeriodKey, OrganizationLine], ...]


@dataclass(frozen=True)
class UnknownOrganization(Outcome):
    language: str
    given: str
    codes: tuple[tuple[str, str], ...]  # (code, name) to choose from


@dataclass(frozen=True)
class OwnOrganizationOnly(Outcome):
    language: str


class HistoryService:
    def __init__(self, db: Database, config: AppConfig) -> None:
        self._db = db
        self._config = config

    async def history(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        async with self._db.unit_of_work() as uow:
            if not await uow.handled.mark(message_key(chat, message_id), now):
                return Duplicate()
            found = await self._standing(uow, chat, sender, now)
            if not isinstance(found, tuple):
                await uow.commit()
                return found
            group, config, secretariat, own = found
            outcome = await self._answer(uow, group, config, secretariat, own, argument, now)
            await uow.commit()
            return outcome

    async def _answer(
        self, uow: UnitOfWork, group: Group, config: GroupConfig, secretariat: bool,
        own: tuple[str, ...], argument: str, now: datetime,
    ) -> Outcome:  # fmt: skip
        lang = config.language
        wanted = fold_for_matching(argument)
        codes = tuple((o.code, o.name) for o in config.organizations)
        if wanted:
            matches = [c for c, name in codes
                       if wanted in (fold_for_matching(c), fold_for_matching(name))]  # fmt: skip
            if not matches:
                return UnknownOrganization(lang, argument, codes)
            code = matches[0]
        elif secretariat:
            code = None
        else:
            code = own[0]
        if code is not None and not secretariat and code not in own:
            return OwnOrganizationOnly(lang)
        keys = recent_weeks(group, config, PeriodKey.at(now, config.timezone), WEEKS)
        history = await read_history(uow, group, config, keys, now)
        if code is None:
            rows = tuple(
                (line.code, line.name,
                 tuple(r.digest.lines[i].status for r in history.reports))
                for i, line in enumerate(history.reports[-1].digest.lines)
            )  # fmt: skip
            return HistoryOverview(lang, tuple(keys), rows)
        name = dict(codes)[code]
        weeks = tuple(
            (r.digest.period, line)
            for r in reversed(history.reports)
            for line in r.digest.lines
            if line.code == code
        )
        return HistoryDetail(lang, name, weeks)

    async def _standing(
        self, uow: UnitOfWork, chat: Chat, sender: Sender, now: datetime
    ) -> tuple[Group, GroupConfig, bool, tuple[str, ...]] | Outcome:
        """The group, whether the sender is of its secretariat, and the codes they lead."""
        person = await known_person(uow, sender, chat, now)
        candidates = await groups_for_chat(uow, self._config, chat)
        if candidates is None:
            return NotConfigured()
        for group, config in candidates:
            memberships = await uow.groups.memberships_of(group.id, person.id)
            if not memberships:
                continue
            secretariat = any(m.role is Role.SECRETARIAT for m in memberships)
            led = {m.organization_id for m in memberships if m.role is Role.LEADER}
            own = tuple(o.code for o in await uow.groups.organizations(group.id) if o.id in led)
            if secretariat or own:
                return group, config, secretariat, own
        lang = candidates[0][1].language if candidates else "vi"
        return NotMember(lang)
