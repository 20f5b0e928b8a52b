"""/history: an organization's last weeks, for its leaders and the secretariat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from bot.core.digest import OrganizationLine
from bot.core.periods import PeriodKey
from bot.core.policy import Action
from bot.core.status import ReportStatus
from bot.core.text import fold_for_matching
from bot.services.acting import Acting, UseCases
from bot.services.facts import read_history, recent_weeks
from bot.services.outcomes import Outcome
from bot.services.people import Chat, Sender, message_key
from storage.database import Database
from storage.models import Group
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
        self._acting = UseCases(db, config)

    async def history(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        async def work(acting: Acting) -> Outcome:
            place = acting.place
            organizations = await acting.uow.groups.organizations(place.group.id)
            own = tuple(o.code for o in organizations if o.id in place.led)
            return await self._answer(
                acting.uow, place.group, place.config, place.secretariat, own, argument, now
            )

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.HISTORY
        )

    async def _answer(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        secretariat: bool,
        own: tuple[str, ...],
        argument: str,
        now: datetime,
    ) -> Outcome:
        lang = config.language
        wanted = fold_for_matching(argument)
        codes = tuple((o.code, o.name) for o in config.organizations)
        if wanted:
            matches = [
                c for c, name in codes if wanted in (fold_for_matching(c), fold_for_matching(name))
            ]
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
                (line.code, line.name, tuple(r.digest.lines[i].status for r in history.reports))
                for i, line in enumerate(history.reports[-1].digest.lines)
            )
            return HistoryOverview(lang, tuple(keys), rows)
        name = dict(codes)[code]
        weeks = tuple(
            (r.digest.period, line)
            for r in reversed(history.reports)
            for line in r.digest.lines
            if line.code == code
        )
        return HistoryDetail(lang, name, weeks)
