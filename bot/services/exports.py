"""The secretariat's files: the Word report of a period, the spreadsheet or CSV of a range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.config import AppConfig, GroupConfig
from bot.core.periods import PeriodKey, named_week
from bot.core.policy import Action
from bot.core.text import fold_for_matching
from bot.exports.tables import history_csv, history_xlsx
from bot.services.acting import Acting, UseCases
from bot.services.facts import (
    period_report,
    read_history,
    read_rollup,
    with_directions,
    with_plan,
)
from bot.services.outcomes import BadPeriod, NoSuchPeriod, Outcome, StaleButton, Who
from bot.services.people import Chat, Sender, button_key, message_key, reachable_privately
from bot.services.periods import ensure_period, first_week
from bot.services.weekly import period_argument
from storage.database import Database
from storage.models import NOTE_DONE, Group, ReportNote
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
    named = [named_week(fold_for_matching(w), current) for w in words]
    if len(words) == 2 and None not in named:
        first, last = sorted(k for k in named if k is not None)
    else:
        key = period_argument(" ".join(words), current)
        if key is None:
            return None
        first = last = key
    return ExportRequest(fmt, first, last)


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


class NoteStep(StrEnum):
    """What the Word report asks the secretariat to write, in this order."""

    ASSESSMENT = "assessment"  # "Đánh giá chung"
    PLAN_AHEAD = "plan_ahead"  # "Phương hướng, nhiệm vụ tuần tới"


@dataclass(frozen=True)
class AskNote(Outcome):
    """Before the Word report is made: what to write under one of its headings (typed as an
    answer, or skipped to be filled in by hand)."""

    language: str
    who: Who
    note_id: int
    period: PeriodKey
    step: NoteStep


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
        # Who is being asked for a note, where: (chat, user id) -> note id. Read from the
        # database once, then kept up to date, so that an answer to a report question costs
        # no look-up here.
        self._asking: dict[tuple[int, int], int] | None = None

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
                return NoSuchPeriod(lang, outside, first, current)
            if _count(request.first, request.last) > MAX_PERIODS:
                return TooManyPeriods(lang, MAX_PERIODS)
            if request.format is ExportFormat.DOCX:
                return await self._ask_notes(acting, request.last)
            file = await self._file(acting.uow, group, config, request, now)
            return ExportReady(
                lang, sender.user_id, sender.full_name, file, asked_in_group=not chat.private
            )

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.EXPORT
        )
        await self._note_asking(chat, sender, outcome)
        return outcome

    # --- what the secretariat writes into the Word report ---------------------------------

    async def take_note(
        self, chat: Chat, message_id: int, sender: Sender, text: str, now: datetime
    ) -> Outcome | None:
        """A message from someone the Word report is waiting on, in the chat it asked in:
        what to write under the heading asked. None: nobody asked them here."""
        note_id = (await self._asking_now()).get((chat.id, sender.user_id))
        if note_id is None:
            return None

        async def work(acting: Acting) -> Outcome:
            return await self._noted(acting, note_id, text.strip() or None)

        outcome = await self._acting.run(
            chat, sender, now, work, handled=message_key(chat, message_id), action=Action.EXPORT
        )
        await self._note_asking(chat, sender, outcome)
        return outcome

    async def skip_note(
        self, chat: Chat, query_id: str, sender: Sender, note_id: int, now: datetime
    ) -> Outcome:
        """ "Bỏ qua": the heading stays empty in the file, to be filled in by hand."""

        async def work(acting: Acting) -> Outcome:
            return await self._noted(acting, note_id, None)

        outcome = await self._acting.run(
            chat,
            sender,
            now,
            work,
            handled=button_key(query_id),
            action=Action.EXPORT,
            button=True,
        )
        await self._note_asking(chat, sender, outcome)
        return outcome

    async def _ask_notes(self, acting: Acting, key: PeriodKey) -> Outcome:
        group, config = acting.place.group, acting.place.config
        period = await ensure_period(acting.uow, group, config, key)
        note = await acting.uow.notes.add(
            ReportNote(
                period_id=period.id,
                person_id=acting.person.id,
                chat_id=acting.chat.id,
                step=NoteStep.ASSESSMENT,
                created_at=acting.now,
                updated_at=acting.now,
            )
        )
        return AskNote(config.language, _who(acting), note.id, key, NoteStep.ASSESSMENT)

    async def _noted(self, acting: Acting, note_id: int, text: str | None) -> Outcome:
        uow, lang = acting.uow, acting.language
        note = await uow.notes.get(note_id)
        if note is None or note.person_id != acting.person.id or note.step == NOTE_DONE:
            return StaleButton(lang)
        period = await uow.reports.period_by_id(note.period_id)
        group = await uow.groups.by_id(period.group_id) if period is not None else None
        config = self._config.group(group.chat_id) if group is not None else None
        if period is None or group is None or config is None:
            return StaleButton(lang)
        key = PeriodKey.parse(period.key)
        note.updated_at = acting.now
        if note.step == NoteStep.ASSESSMENT:
            note.assessment, note.step = text, NoteStep.PLAN_AHEAD
            return AskNote(config.language, _who(acting), note.id, key, NoteStep.PLAN_AHEAD)
        note.plan_ahead, note.step = text, NOTE_DONE
        if not await reachable_privately(uow, [acting.person]):
            return StartPrivateFirst(config.language)
        request = ExportRequest(ExportFormat.DOCX, key, key)
        notes = (note.assessment, note.plan_ahead)
        file = await self._file(uow, group, config, request, acting.now, notes)
        sender = acting.sender
        return ExportReady(
            config.language,
            sender.user_id,
            sender.full_name,
            file,
            asked_in_group=not acting.chat.private,
        )

    async def _asking_now(self) -> dict[tuple[int, int], int]:
        if self._asking is None:
            async with self._db.unit_of_work() as uow:
                notes = await uow.notes.asking()
                people = {
                    p.id: p.user_id for p in await uow.people.by_ids([n.person_id for n in notes])
                }
            # The latest ask of a person in a chat is the one they answer.
            self._asking = {(n.chat_id, people[n.person_id]): n.id for n in notes}
        return self._asking

    async def _note_asking(self, chat: Chat, sender: Sender, outcome: Outcome) -> None:
        """After the commit: who is still being asked, where."""
        asking = await self._asking_now()
        if isinstance(outcome, AskNote):
            asking[(chat.id, sender.user_id)] = outcome.note_id
        elif isinstance(outcome, ExportReady | StartPrivateFirst):
            asking.pop((chat.id, sender.user_id), None)

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
        notes: tuple[str | None, str | None] = (None, None),
    ) -> ExportFile:
        if request.format is ExportFormat.DOCX:
            # python-docx is loaded with the first Word report, not when the bot starts.
            from bot.exports.document import report_docx

            rollup = await read_rollup(uow, self._config, config, request.last, now)
            report = await period_report(uow, group, config, request.last, now, notes, rollup)
            return ExportFile(f"bao-cao-tuan-{request.last}.docx", report_docx(report), request)
        history = await read_history(uow, group, config, _keys(request.first, request.last), now)
        span = (
            str(request.first)
            if request.first == request.last
            else f"{request.first}-{request.last}"
        )
        if request.format is ExportFormat.XLSX:
            # The directions given up to the last week, with their histories.
            history = await with_directions(uow, group, config, history, request.last)
            # The response plan as it stands, with its history.
            history = await with_plan(uow, group, config, history)
            # A province's file: its communes too, a roll-up per week.
            rollups = [
                await read_rollup(uow, self._config, config, key, now)
                for key in _keys(request.first, request.last)
            ]
            content = history_xlsx(history, [r for r in rollups if r is not None])
        else:
            content = history_csv(history)
        return ExportFile(f"bao-cao-{span}.{request.format}", content, request)


def _keys(first: PeriodKey, last: PeriodKey) -> list[PeriodKey]:
    keys = [first]
    while keys[-1] < last:
        keys.append(keys[-1].next())
    return keys


def _count(first: PeriodKey, last: PeriodKey) -> int:
    return (last.first_day() - first.first_day()).days // 7 + 1


def _who(acting: Acting) -> Who:
    return Who(acting.sender.user_id, acting.sender.full_name)
