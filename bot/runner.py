"""Starting and stopping the bot: the checks that turn start-up failures into one clear line."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.app import build_application, services_of
from bot.clock import Clock
from bot.config import AppConfig
from bot.i18n import plain
from bot.services.roster import sync_roster
from bot.telegram_types import TelegramApp
from storage.database import Database

log = logging.getLogger(__name__)


class StartupError(Exception):
    """Start-up cannot go on; the message is one line for the operator (exit status 2)."""


def _reason(exc: BaseException) -> str:
    # The innermost cause is the informative one ("unable to open database file").
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


async def open_database(config: AppConfig, clock: Clock) -> Database:
    """Open, migrate and sync the roster; StartupError if the database is unusable."""
    db = Database(config.storage.url, busy_timeout_ms=config.storage.busy_timeout_ms)
    try:
        await db.upgrade()
        await sync_roster(db, config, now=clock.now())
    except (OSError, SQLAlchemyError) as exc:
        await db.dispose()
        message = plain("cli.db_unavailable", target=db.describe(), reason=_reason(exc))
        raise StartupError(message) from None
    return db


class Polling:
    """Long polling that confirms updates to Telegram only once they have been handled.

    PTB's Updater asks for the next updates, which confirms the last ones, as soon as it has
    queued them: a bot killed while handling loses what it had. Here an update is confirmed
    (by asking from past it) only once it and every update before it have been handled, so
    after a crash Telegram delivers them again and the handled-update keys drop what was
    already done.

    Updates are handled as they come, each chat's in order, chats concurrently. Handling a
    batch before asking for more held every chat up behind the slowest reply (Telegram slow to
    take one, or a group at its 20 messages a minute); now that only holds up its own chat.
    While an update is being handled Telegram keeps sending it back (it is not confirmed), so
    then the next request waits for a handling to end, or for ``BUSY_PAUSE`` at most.
    """

    MAX_REDELIVERIES = 5  # then the update is given up (logged), not retried for ever
    BUSY_PAUSE = 0.2  # seconds: how late a new update may be noticed while others are handled

    def __init__(self, application: TelegramApp, timeout: float, redeliver: set[int]) -> None:
        self._application = application
        self._timeout = timeout
        self._redeliver = redeliver  # filled by the error handler
        self._attempts: dict[int, int] = {}
        self._handling: dict[int, asyncio.Task[None]] = {}  # by update id, until confirmed
        self._chains: dict[int | None, asyncio.Task[None]] = {}  # each chat's last update
        self._retry_at: dict[int, float] = {}  # updates to be handled again, from when
        self._fetch: asyncio.Task[tuple[Update, ...]] | None = None
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
            busy = self._busy()
            self._fetch = asyncio.ensure_future(self._application.bot.get_updates(
                offset=offset, timeout=0 if busy else int(self._timeout),
                allowed_updates=Update.ALL_TYPES,
            ))  # fmt: skip
            try:
                updates = await self._fetch
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
            fresh = [u for u in updates if self._due(u.update_id)]
            for update in fresh:
                self._dispatch(update)
            offset = self._confirmable(offset, updates)
            if not fresh and self._busy():
                # What came back is being handled (or waits to be tried again).
                if running := self._unfinished():
                    await asyncio.wait(running, timeout=self.BUSY_PAUSE,
                                       return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
                else:
                    await asyncio.sleep(self.BUSY_PAUSE)

    def _unfinished(self) -> list[asyncio.Task[None]]:
        return [task for task in self._handling.values() if not task.done()]

    def _busy(self) -> bool:
        """Updates are being handled or wait to be tried again: Telegram sends them back."""
        return bool(self._unfinished() or self._retry_at)

    def _due(self, update_id: int) -> bool:
        """New, or to be handled again and its time has come."""
        if update_id in self._retry_at:
            return asyncio.get_running_loop().time() >= self._retry_at[update_id]
        return update_id not in self._handling

    def _dispatch(self, update: Update) -> None:
        self._retry_at.pop(update.update_id, None)
        chat = update.effective_chat
        key = chat.id if chat else None
        before = self._chains.get(key)
        task = asyncio.create_task(self._handle(update, before))
        self._handling[update.update_id] = self._chains[key] = task
        task.add_done_callback(lambda done: self._chains.pop(key, None)
                               if self._chains.get(key) is done else None)  # fmt: skip

    async def _handle(self, update: Update, before: asyncio.Task[None] | None) -> None:
        if before is not None:
            await asyncio.wait([before])  # the chat's earlier update first
        try:
            await self._application.process_update(update)
        except Exception:
            log.exception("update not handled")
        attempts = self._attempts.pop(update.update_id, 0) + 1
        if update.update_id not in self._redeliver:
            return
        self._redeliver.discard(update.update_id)
        if attempts > self.MAX_REDELIVERIES:
            log.error("update %s given up after %s attempts", update.update_id, attempts - 1)
            return
        self._attempts[update.update_id] = attempts
        backoff = min(30.0, 0.5 * 2**attempts)
        self._retry_at[update.update_id] = asyncio.get_running_loop().time() + backoff

    def _confirmable(self, offset: int, updates: tuple[Update, ...]) -> int:
        """The first update not yet done with: every one before it may be confirmed."""
        open_ids = [i for i, task in self._handling.items() if not task.done()]
        open_ids += self._retry_at
        highest = max([u.update_id for u in updates] + list(self._handling), default=offset - 1)
        confirm = min(open_ids, default=max(offset, highest + 1))
        for update_id in [i for i in self._handling if i < confirm]:
            del self._handling[update_id]
        return confirm


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@asynccontextmanager
async def polling(application: TelegramApp, *, poll_timeout: float) -> AsyncIterator[None]:
    """Initialize (getMe), start handlers and the job queue and long polling; stop cleanly."""
    url = application.bot.base_url.removesuffix(application.bot.token)
    try:
        await application.initialize()
        # run_polling() would call these hooks; we drive the lifecycle ourselves.
        if application.post_init is not None:
            await application.post_init(application)
        # Updates are fetched by Polling, not a webhook: Telegram refuses both at once.
        await application.bot.delete_webhook()
    except InvalidToken:
        raise StartupError(plain("cli.token_rejected", url=url)) from None
    except NetworkError as exc:
        raise StartupError(plain("cli.api_unreachable", url=url, reason=_reason(exc))) from None
    poller = Polling(application, poll_timeout, services_of(application).redeliver)
    try:
        await application.start()
        poller.start()
        yield
    finally:
        await poller.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


async def serve(config: AppConfig, *, token: str, clock: Clock, stop: asyncio.Event) -> None:
    """Run the bot until ``stop`` is set."""
    db = await open_database(config, clock)
    try:
        application = build_application(config, token=token, clock=clock, database=db)
        async with polling(application, poll_timeout=config.telegram.poll_timeout):
            username = application.bot.username
            log.info(plain("cli.started", username=username, groups=len(config.groups)))
            await stop.wait()
    finally:
        await db.dispose()
    log.info(plain("cli.stopped"))
