"""Long polling that confirms an update to Telegram only once it has been dealt with, reads
each update on its own, and never lets one update stop the others.

PTB's Updater asks for the next updates, which confirms the last ones, as soon as it has
queued them: a bot killed while handling loses what it had. Here an update is confirmed (by
asking from past it) only once it and every update before it are done with, so after a crash
Telegram delivers them again and the handled-update keys drop what was already done.

PTB reads a whole batch at once, and one update it cannot read (a field or an update type
newer than the library) fails the batch: the bot would ask for the same batch for ever. Here
each update is read on its own; one that cannot be read, or whose handling fails every time,
is tried a few times and then set aside (kept in the database for inspection, confirmed to
Telegram), and every other update goes on.

Updates are handled as they come, each chat's in order, chats concurrently. Handling a batch
before asking for more held every chat up behind the slowest reply (Telegram slow to take
one, or a group at its 20 messages a minute); now that only holds up its own chat. While an
update is being handled Telegram keeps sending it back (it is not confirmed), so then the
next request waits for a handling to end, or for ``BUSY_PAUSE`` at most.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.error import RetryAfter, TelegramError, TimedOut

from bot.foreground import Foreground
from bot.i18n import plain
from bot.telegram_types import TelegramApp

log = logging.getLogger(__name__)

# Why an update is handled again; filled by the error handler (``Services.redeliver``).
UNANSWERED = "unanswered"  # Telegram could not be reached to answer it: try for a while
FAILED = "failed"  # handling it raised (a bug): a few times, then set aside
UNREADABLE = "unreadable"  # the library could not read it: a few times, then set aside
ATTEMPTS = {UNANSWERED: 6, FAILED: 3, UNREADABLE: 3}
READ_MARGIN = 5.0  # seconds a long poll may take beyond its timeout before it is given up


@dataclass(frozen=True)
class SetAside:
    """An update given up on, for the record."""

    update_id: int
    kind: str  # the update's type: "message", "callback_query", "chat_boost", ...
    chat_id: int | None
    why: str  # UNREADABLE or FAILED (or UNANSWERED, after many tries)
    reason: str
    payload: dict[str, Any]
    update: Update | None  # None when it could not be read

    def payload_json(self) -> str:
        return json.dumps(self.payload, ensure_ascii=False, default=str)[:100_000]


GiveUp = Callable[[SetAside], Awaitable[None]]


class Polling:
    BUSY_PAUSE = 0.2  # seconds: how late a new update may be noticed while others are handled

    def __init__(
        self, application: TelegramApp, timeout: float, redeliver: dict[int, str],
        give_up: GiveUp, foreground: Foreground,
    ) -> None:  # fmt: skip
        self._application = application
        self._foreground = foreground
        self._timeout = timeout
        self._redeliver = redeliver  # filled by the error handler
        self._give_up = give_up
        self._attempts: dict[int, int] = {}
        self._handling: dict[int, asyncio.Task[None]] = {}  # by update id, until confirmed
        self._chains: dict[int | None, asyncio.Task[None]] = {}  # each chat's last update
        self._retry_at: dict[int, float] = {}  # updates to be handled again, from when
        self._fetch: asyncio.Future[Any] | None = None
        self._loop: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def start(self) -> None:
        self._loop = asyncio.create_task(self._run(), name="polling")

    async def stop(self) -> None:
        """Stop asking; updates being handled are finished first."""
        self._stopping.set()
        if self._fetch is not None:
            self._fetch.cancel()
        if self._loop is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
        await asyncio.gather(*self._handling.values(), return_exceptions=True)

    async def _run(self) -> None:
        offset, failures = 0, 0
        while not self._stopping.is_set():
            timeout = 0 if self._busy() else int(self._timeout)
            self._fetch = asyncio.ensure_future(self._get_updates(offset, timeout))
            try:
                batch: list[dict[str, Any]] = await self._fetch
            except asyncio.CancelledError:
                if self._stopping.is_set():
                    return
                raise
            except TimedOut:
                continue
            except RetryAfter as exc:
                await asyncio.sleep(_seconds(exc.retry_after))
                continue
            except TelegramError as exc:
                failures += 1
                log.warning(plain("bot.polling_failed", reason=exc))
                await asyncio.sleep(min(30.0, 0.5 * 2 ** min(failures, 6)))
                continue
            finally:
                self._fetch = None
            failures = 0
            ids = [data["update_id"] for data in batch if isinstance(data.get("update_id"), int)]
            for data in batch:
                if self._due(data.get("update_id")):
                    await self._take(data)
            if self._busy():
                # What came is being handled (or waits to be tried again), and Telegram would
                # only send it back: the next request waits for a handling to end. Asked at
                # once, it ran beside the handling and its reply (an answer took 0.4 ms longer).
                if running := self._unfinished():
                    await asyncio.wait(running, timeout=self.BUSY_PAUSE,
                                       return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
                else:
                    await asyncio.sleep(self.BUSY_PAUSE)
            offset = self._confirmable(offset, ids)

    async def _get_updates(self, offset: int, timeout: int) -> list[dict[str, Any]]:
        """The raw updates: each is read on its own (see ``_take``)."""
        bot = self._application.bot
        data = {"offset": offset, "timeout": timeout, "allowed_updates": Update.ALL_TYPES}
        result = await bot._post("getUpdates", data, read_timeout=timeout + READ_MARGIN)
        return [u for u in result if isinstance(u, dict)] if isinstance(result, list) else []

    async def _take(self, data: dict[str, Any]) -> None:
        update_id = int(data["update_id"])
        self._retry_at.pop(update_id, None)
        try:
            update = Update.de_json(data, self._application.bot)
        except Exception as exc:  # newer than the library, or malformed
            log.warning("Không đọc được update %s (%s): %s", update_id, _kind(data), exc)
            await self._failed(update_id, data, None, UNREADABLE, repr(exc))
            return
        self._dispatch(update, data)

    def _unfinished(self) -> list[asyncio.Task[None]]:
        return [task for task in self._handling.values() if not task.done()]

    def _busy(self) -> bool:
        """Updates are being handled or wait to be tried again: Telegram sends them back."""
        return bool(self._unfinished() or self._retry_at)

    def _due(self, update_id: object) -> bool:
        """New, or to be handled again and its time has come."""
        if not isinstance(update_id, int):
            return False
        if update_id in self._retry_at:
            return asyncio.get_running_loop().time() >= self._retry_at[update_id]
        return update_id not in self._handling

    def _dispatch(self, update: Update, data: dict[str, Any]) -> None:
        chat = update.effective_chat
        key = chat.id if chat else None
        before = self._chains.get(key)
        task = asyncio.create_task(self._handle(update, data, before))
        self._handling[update.update_id] = self._chains[key] = task
        self._foreground.started()
        task.add_done_callback(lambda _: self._foreground.finished())
        task.add_done_callback(lambda done: self._chains.pop(key, None)
                               if self._chains.get(key) is done else None)  # fmt: skip

    async def _handle(
        self, update: Update, data: dict[str, Any], before: asyncio.Task[None] | None
    ) -> None:
        if before is not None:
            await asyncio.wait([before])  # the chat's earlier update first
        try:
            await self._application.process_update(update)
        except Exception as exc:  # PTB hands handler errors to the error handler; not these
            log.exception("update not handled")
            self._redeliver.setdefault(update.update_id, FAILED)
            reason = repr(exc)
        else:
            reason = "see the log"
        why = self._redeliver.pop(update.update_id, None)
        if why is None:
            self._attempts.pop(update.update_id, None)
            return
        await self._failed(update.update_id, data, update, why, reason)

    async def _failed(
        self, update_id: int, data: dict[str, Any], update: Update | None, why: str, reason: str
    ) -> None:
        """Try again after a pause, or set the update aside once it has had its tries."""
        attempts = self._attempts.get(update_id, 0) + 1
        if attempts < ATTEMPTS.get(why, 3):
            self._attempts[update_id] = attempts
            # Reading fails the same way each time: tried again at once, so that it is set
            # aside in moments (a restart would forget the count, and every update after it
            # would wait unconfirmed). Handling may fail for a passing reason: a pause first.
            backoff = 0.0 if why == UNREADABLE else min(30.0, 0.5 * 2**attempts)
            self._retry_at[update_id] = asyncio.get_running_loop().time() + backoff
            return
        self._attempts.pop(update_id, None)
        log.error("Update %s (%s) để riêng sau %s lần: %s", update_id, _kind(data), attempts,
                  reason)  # fmt: skip
        chat = update.effective_chat if update is not None else None
        aside = SetAside(update_id, _kind(data), chat.id if chat else _chat_id(data), why,
                         reason, data, update)  # fmt: skip
        try:
            await self._give_up(aside)
        except Exception:  # recording it must not stop the polling
            log.exception("could not record update %s as set aside", update_id)

    def _confirmable(self, offset: int, ids: list[int]) -> int:
        """The first update not yet done with: every one before it may be confirmed."""
        open_ids = [i for i, task in self._handling.items() if not task.done()]
        open_ids += self._retry_at
        highest = max(ids + list(self._handling), default=offset - 1)
        confirm = min(open_ids, default=max(offset, highest + 1))
        for update_id in [i for i in self._handling if i < confirm]:
            del self._handling[update_id]
        return confirm


def _kind(data: dict[str, Any]) -> str:
    """The update's type: the one field besides its id."""
    return next((key for key in data if key != "update_id"), "unknown")[:64]


def _chat_id(data: dict[str, Any]) -> int | None:
    """The chat of an update that could not be read, if it can be found at all."""
    body = data.get(_kind(data))
    if not isinstance(body, dict):
        return None
    for holder in (body, body.get("message")):
        chat = holder.get("chat") if isinstance(holder, dict) else None
        if isinstance(chat, dict) and isinstance(chat.get("id"), int):
            return int(chat["id"])
    return None


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
