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
    queued them: a bot killed while handling loses what it had. Here each batch is handled
    first (chats concurrently, each chat's updates in order) and confirmed by the next
    request, so after a crash Telegram delivers the batch again and the handled-update keys
    drop what was already done.
    """

    MAX_REDELIVERIES = 5  # then the update is given up (logged), not retried for ever

    def __init__(self, application: TelegramApp, timeout: float, redeliver: set[int]) -> None:
        self._application = application
        self._timeout = timeout
        self._redeliver = redeliver  # filled by the error handler
        self._attempts: dict[int, int] = {}
        self._fetch: asyncio.Task[tuple[Update, ...]] | None = None
        self._loop: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def start(self) -> None:
        self._loop = asyncio.create_task(self._run(), name="polling")

    async def stop(self) -> None:
        """Stop asking; a batch being handled is finished first."""
        self._stopping.set()
        if self._fetch is not None:
            self._fetch.cancel()
        if self._loop is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop

    async def _run(self) -> None:
        offset, failures = 0, 0
        while not self._stopping.is_set():
            self._fetch = asyncio.ensure_future(self._application.bot.get_updates(
                offset=offset, timeout=int(self._timeout), allowed_updates=Update.ALL_TYPES
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
            if updates:
                await self._handle(updates)
                offset = self._next_offset(updates)
                if offset <= updates[-1].update_id:  # some must be fetched again: wait a bit
                    await asyncio.sleep(min(30.0, 0.5 * 2 ** self._attempts.get(offset, 1)))

    def _next_offset(self, updates: tuple[Update, ...]) -> int:
        """Past the batch, or at its first update that could not be answered."""
        for update in updates:
            if update.update_id not in self._redeliver:
                continue
            self._redeliver.discard(update.update_id)
            attempts = self._attempts.get(update.update_id, 0) + 1
            if attempts <= self.MAX_REDELIVERIES:
                self._attempts[update.update_id] = attempts
                self._redeliver.difference_update(u.update_id for u in updates)
                return update.update_id
            log.error("update %s given up after %s attempts", update.update_id, attempts - 1)
        self._attempts.clear()
        return updates[-1].update_id + 1

    async def _handle(self, updates: tuple[Update, ...]) -> None:
        by_chat: dict[int | None, list[Update]] = {}
        for update in updates:
            chat = update.effective_chat
            by_chat.setdefault(chat.id if chat else None, []).append(update)

        async def in_order(chat_updates: list[Update]) -> None:
            for update in chat_updates:
                await self._application.process_update(update)

        results = await asyncio.gather(*map(in_order, by_chat.values()), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                log.error("update not handled", exc_info=result)


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
