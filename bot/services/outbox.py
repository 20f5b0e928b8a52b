"""Delivering what the ledger holds: the week's scheduled messages and the notices claimed
beside them, piece by piece, each chat's in order, chats concurrently.

Every message is affected only by what happens to it: a chat Telegram moved gets it at the
new id, a chat the bot cannot write to keeps it waiting (and is not tried again until the bot
is back), a refusal or a bug fails that message alone, and two delivery runs never send the
same chat's messages at once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import datetime, timedelta
from typing import Protocol

from bot.config import AppConfig
from bot.core.periods import PeriodKey
from bot.core.splitting import split_html
from bot.exports.data import History
from bot.exports.painter import draw_chart_png
from bot.foreground import Foreground
from bot.services.chats import ChatService
from bot.services.facts import CHART_WEEKS, read_history, recent_weeks
from bot.services.week_overview import DIGEST_CHART
from storage.database import Database
from storage.models import DeliveryState, SentMessage
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DIRECTION_FILE = "cd_file"  # bot.services.direction_mail.FILE
RETRY_FIRST, RETRY_MAX = timedelta(seconds=30), timedelta(minutes=30)
# Chats served at once: enough to keep Telegram's 30 messages a second busy while each chat
# waits its second between messages; with 64 the requests reached a server enforcing the
# limits more bunched (17 429s for 1,000 groups, 9 with 32) for no gain in time.
CONCURRENT_CHATS = 32
BUG_ATTEMPTS = 5  # a message whose sending keeps raising is given up (logged each time)


class DeliveryFailed(Exception):
    """A message could not be delivered. ``permanent``: retrying cannot help (Telegram
    refuses the message itself)."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.permanent = permanent


class ChatMoved(DeliveryFailed):
    """Telegram moved the chat (a group upgraded to a supergroup): send to ``new_chat_id``."""

    def __init__(self, reason: str, new_chat_id: int) -> None:
        super().__init__(reason, permanent=False)
        self.new_chat_id = new_chat_id


class ChatUnreachable(DeliveryFailed):
    """The bot cannot write to the chat at all (removed, blocked, the chat deleted)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=False)


class BugFailure(DeliveryFailed):
    """Sending raised what no rule here expects: tried again later, a few times."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=False)


class Transport(Protocol):
    """The chat platform's edge: send one piece of HTML, or a photo with an HTML caption."""

    async def send(
        self, chat_id: int, text: str, *, thread_id: int | None, markup: str | None
    ) -> int | None:
        """Returns the message's id, when the platform gives one."""
        ...

    async def send_photo(
        self, chat_id: int, photo: bytes, caption: str, *, thread_id: int | None
    ) -> int | None: ...

    async def send_file(
        self, chat_id: int, kind: str, file_id: str, caption: str, *, thread_id: int | None
    ) -> int | None:
        """A photo or document Telegram already has (a direction's), by its file id."""
        ...


class OutboxService:
    def __init__(
        self,
        db: Database,
        config: AppConfig,
        chats: ChatService,
        foreground: Foreground | None = None,
    ) -> None:
        self._db = db
        self._config = config
        self._chats = chats
        self._foreground = foreground or Foreground()
        self._busy: set[int] = set()  # chats a delivery run is serving now
        self._quiet = asyncio.Event()  # set when the last chat served is done

    async def idle(self) -> None:
        """Until no delivery run is serving any chat."""
        while self._busy:
            self._quiet.clear()
            await self._quiet.wait()

    async def deliver(self, now: datetime, transport: Transport) -> int:
        """Send what is claimed and due; returns how many messages were completed.

        Chats are served concurrently (Telegram lets a bot send to many chats at once but to
        one chat about once a second, so one chat at a time would make a Monday of 1,000
        groups take as many seconds); within a chat the order is kept, and after a failure
        the chat's later messages wait. Progress is committed after every piece, so a
        restart resumes where it stopped. A chat another run is still serving is left to it,
        so that runs started by consecutive ticks never send the same message twice.
        """
        async with self._db.unit_of_work() as uow:
            entries = await uow.ledger.deliverable(now)
        by_chat: dict[int, list[int]] = {}
        for entry in entries:
            if entry.chat_id is not None and entry.chat_id not in self._busy:
                by_chat.setdefault(entry.chat_id, []).append(entry.id)
        self._busy.update(by_chat)
        slots = asyncio.Semaphore(CONCURRENT_CHATS)

        async def serve(chat_id: int, ids: list[int]) -> int:
            completed = 0
            try:
                async with slots:
                    for entry_id in ids:
                        await self._foreground.give_way()  # people's replies first
                        outcome = await self._deliver_entry(entry_id, now, transport)
                        if outcome is None:
                            continue
                        if not outcome:
                            break  # the chat's later messages wait, so the order is kept
                        completed += 1
            finally:
                self._busy.discard(chat_id)
                if not self._busy:
                    self._quiet.set()
            return completed

        served = [serve(chat_id, ids) for chat_id, ids in by_chat.items()]
        results = await asyncio.gather(*served, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):  # one chat's trouble; the others were served
                log.error("Lỗi khi phục vụ một chat: %r", result)
            elif isinstance(result, BaseException):
                raise result  # cancelled: the bot is stopping
        return sum(r for r in results if isinstance(r, int))

    async def _deliver_entry(
        self, entry_id: int, now: datetime, transport: Transport
    ) -> bool | None:
        """One message, piece by piece: True when complete, False when it failed or must
        wait, None when there was nothing to send (already sent, or taken care of)."""
        try:
            return await self._send_pieces(entry_id, now, transport)
        except Exception as exc:  # a bug: this message waits, every other one goes on
            log.exception("Lỗi khi gửi tin %s", entry_id)
            failure = BugFailure(repr(exc))
        try:
            await self._record_failure(entry_id, failure, now)
        except Exception:  # not even that could be recorded (the database is locked?)
            log.exception("Không ghi được lỗi gửi tin %s", entry_id)
        return False

    async def _send_pieces(self, entry_id: int, now: datetime, transport: Transport) -> bool | None:
        async with self._db.unit_of_work() as uow:
            entry = await uow.ledger.get(entry_id)
            if entry is None or entry.state is not DeliveryState.PENDING or entry.chat_id is None:
                return None
            chat_id, thread_id, markup = entry.chat_id, entry.thread_id, entry.markup
            done, chart = entry.parts_sent, entry.kind == DIGEST_CHART
            # A file (a direction's photo) is in the markup column; its caption is the text.
            file = json.loads(markup)["file"] if entry.kind == DIRECTION_FILE and markup else None
            # A photo goes in one piece: its caption is short.
            pieces = [entry.text or ""] if chart or file else split_html(entry.text or "")
            history = await _chart_history(uow, self._config, entry) if chart else None
        # Drawn outside the transaction, in a worker process: a chart is about 0.3 s of CPU,
        # which on the event loop's thread (or holding its GIL) would stall every reply.
        photo = await draw_chart_png(history) if history else None
        index, moves = done, 0
        while index < len(pieces):
            last = index == len(pieces) - 1
            sent: int | None = None
            try:
                if file is not None:
                    sent = await transport.send_file(
                        chat_id, file["kind"], file["file_id"], pieces[index], thread_id=thread_id
                    )
                elif photo is not None:
                    sent = await transport.send_photo(
                        chat_id, photo, pieces[index], thread_id=thread_id
                    )
                elif not chart:  # a chart whose group is gone is not sent
                    sent = await transport.send(
                        chat_id, pieces[index], thread_id=thread_id, markup=markup if last else None
                    )
            except ChatMoved as moved:
                moves += 1
                await self._moved(chat_id, moved.new_chat_id, now)
                if moves > 2:  # Telegram moves a chat once; never chase it in a loop
                    await self._record_failure(entry_id, moved, now)
                    return False
                chat_id = moved.new_chat_id
                continue  # the same piece, to the chat's new id
            except DeliveryFailed as failure:
                await self._record_failure(entry_id, failure, now)
                return False
            await self._record_piece(entry_id, index + 1, last or None, now, sent)
            index += 1
        if not pieces:
            await self._record_piece(entry_id, 0, True, now)
        return True

    async def _moved(self, old: int, new: int, now: datetime) -> None:
        async with self._db.unit_of_work() as uow:
            await self._chats.moved(uow, old, new, now)
            await uow.commit()

    async def _record_piece(
        self,
        entry_id: int,
        parts: int,
        finished: bool | None,
        now: datetime,
        message_id: int | None = None,
    ) -> None:
        async with self._db.unit_of_work() as uow:
            entry = await uow.ledger.get(entry_id)
            assert entry is not None
            entry.parts_sent = parts
            if message_id is not None:
                entry.message_id = message_id
            if finished:
                entry.state, entry.sent_at = DeliveryState.SENT, now
            await uow.commit()

    async def _record_failure(self, entry_id: int, failure: DeliveryFailed, now: datetime) -> None:
        async with self._db.unit_of_work() as uow:
            entry = await uow.ledger.get(entry_id)
            assert entry is not None
            entry.attempts += 1
            entry.last_error = str(failure)[:500]
            if isinstance(failure, ChatUnreachable):
                # The message waits for the bot to be back in the chat; nothing is retried.
                assert entry.chat_id is not None
                await self._chats.unreachable(uow, entry.chat_id, str(failure), now)
            elif failure.permanent or (
                isinstance(failure, BugFailure) and entry.attempts >= BUG_ATTEMPTS
            ):
                entry.state = DeliveryState.FAILED
                log.error("Bỏ tin %s/%s (%s): %s", entry.kind, entry.slot, entry.chat_id, failure)
            else:
                delay = min(RETRY_FIRST * 2 ** (entry.attempts - 1), RETRY_MAX)
                entry.next_attempt_at = now + delay
                log.warning(
                    "Chưa gửi được tin %s (%s), thử lại sau %s: %s",
                    entry.kind,
                    entry.chat_id,
                    delay,
                    failure,
                )
            await uow.commit()


async def _chart_history(uow: UnitOfWork, config: AppConfig, entry: SentMessage) -> History | None:
    """The weeks the chart of a claimed digest shows, as they stood when it was claimed."""
    period = await uow.reports.period_by_id(entry.period_id)
    group = await uow.groups.by_id(period.group_id) if period is not None else None
    group_config = config.group(group.chat_id) if group is not None else None
    if period is None or group is None or group_config is None:
        return None
    keys = recent_weeks(group, group_config, PeriodKey.parse(period.key), CHART_WEEKS)
    return await read_history(uow, group, group_config, keys, entry.created_at)
