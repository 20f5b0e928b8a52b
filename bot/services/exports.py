"""The secretariat's files: the Word report of a period, the spreadsheet or CSV of a range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.config import AppConfig, GroupConfig
from bot.core.periods import PeriodKey
from bot.core.policy import Action
from bot.exports.tables import history_csv, history_xlsx
from bot.services.acting import Acting, UseCases
from bot.services.facts import period_report, read_history
from bot.services.outcomes import BadPeriod, NoSuchPeriod, Outcome
from bot.services.people import Chat, Sender, message_key, reachable_privately
from bot.services.periods import first_week
from bot.services.weekly import period_argument
from storage.database import Database
from storage.models import Group
from storage.uow import UnitOfWork

MAX_PERIODS = 160  # about three years: a bound on the work one command can ask for


class ExportFormat(StrEnum):
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"


_FORMAT_WORDS = {
    "docx": ExportFormat.DOCX,
    "word": ExportFormat.DOCX,
    "xlsx": ExportFormat.XLSX,
    "excel": ExportFormat.XLSX,
    "csv": ExportFormat.CSV,
}


@dataclass(frozen=True)
class ExportRequest:
    format: ExportFormat
    first: PeriodKey
    last: PeriodKey


def parse_export(argument: str, current: PeriodKey) -> ExportRequest | None:
    """'' | 'last' | '2026-W47' | 'xlsx 2026-W40 2026-W48' | 'csv last' ... (None: not
    understood). Whether the group has those weeks is for the caller to say."""
    words = argument.split()
    fmt = ExportFormat.DOCX
    if words and words[0].lower() in _FORMAT_WORDS:
        fmt = _FORMAT_WORDS[words.pop(0).lower()]
    if len(words) == 2 and all(_is_key(w) for w in words):
        first, last = sorted(PeriodKey.parse(w) for w in words)
    else:
        key = period_argument(" ".join(words), current)
        if key is None:
            return None
        first = last = key
    return ExportRequest(fmt, first, last)


def _is_key(word: str) -> bool:
    try:
        PeriodKey.parse(word)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class ExportFile:
    name: str
    content: bytes
    request: ExportRequest  # what it holds, for the caption the views word


@dataclass(frozen=True)
class ExportReady(Outcome):
    language: str
    user_id: int  # sent to this person's private chat
    name: str  # theirs, to say in the group where it went
    file: ExportFile
    asked_in_group: bool


@dataclass(frozen=True)
class StartPrivateFirst(Outcome):
    """Files go to a private chat, and the person has not opened one with the bot yet."""

    language: str


@dataclass(frozen=True)
class TooManyPeriods(Outcome):
    language: str
    limit: int


class ExportService:
    def __init__(self, db: Database, config: AppConfig) -> None:
        self._db = db
        self._config = config
        self._acting = UseCases(db, config)

    async def export(
        self, chat: Chat, message_id: int, sender: Sender, argument: str, now: datetime
    ) -> Outcome:
        """/export [docx|xlsx|csv] [last | 2026-W47 | 2026-W40 2026-W48], secretariat only."""

        async def work(acting: Acting) -> Outcome:
            group, config = acting.place.group, acting.place.config
            lang = config.language
            if not await reachable_privately(acting.uow, [acting.person]):
                return StartPrivateFirst(lang)
            current = PeriodKey.at(now, config.timezone)
            request = parse_export(argument, current)
            if request is None:
                return BadPeriod(lang, argument)
            first = first_week(group, config)
            if not first <= request.first <= request.last <= current:
                outside = request.first if request.first < first else request.last
                return NoSuchPeriod(lang, str(outside), first, current)
            if _count(request.first, request.last) > MAX_PERIODS:
                return TooManyPeriods(lang, MAX_PERIODS)
            file = await self._file(acting.uow, group, config, request, now)
            return ExportReady(
                lang, sender.user_id, sender.full_name, file, asked_in_group=not chat.private
            )

        return await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.EXPORT
        )

    async def export_file(
        self, chat_id: int, request: ExportRequest, now: datetime
    ) -> ExportFile | None:
        """The same file without Telegram (``giaoban export``); None: unknown group."""
        config = self._config.group(chat_id)
        async with self._db.unit_of_work() as uow:
            group = await uow.groups.by_chat_id(chat_id)
            if config is None or group is None:
                return None
            file = await self._file(uow, group, config, request, now)
            await uow.commit()
        return file

    async def _file(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        request: ExportRequest,
        now: datetime,
    ) -> ExportFile:
        if request.format is ExportFormat.DOCX:
            # python-docx is loaded with the first Word report, not when the bot starts.
            from bot.exports.document import report_docx

            report = await period_report(uow, group, config, request.last, now)
            return ExportFile(f"bao-cao-tuan-{request.last}.docx", report_docx(report), request)
        history = await read_history(uow, group, config, _keys(request.first, request.last), now)
        span = (
            str(request.first)
            if request.first == request.last
            else f"{request.first}-{request.last}"
        )
        content = (
            history_xlsx(history) if request.format is ExportFormat.XLSX else history_csv(history)
        )
        return ExportFile(f"bao-cao-{span}.{request.format}", content, request)


def _keys(first: PeriodKey, last: PeriodKey) -> list[PeriodKey]:
    keys = [first]
    while keys[-1] < last:
        keys.append(keys[-1].next())
    return keys


def _count(first: PeriodKey, last: PeriodKey) -> int:
    return (last.first_day() - first.first_day()).days // 7 + 1
