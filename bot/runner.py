"""Starting and stopping the bot: the checks that turn start-up failures into one clear line."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager

from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
)

from bot.app import build_application, services_of
from bot.clock import Clock
from bot.config import AppConfig
from bot.i18n import plain
from bot.polling import FAILED, Polling, SetAside
from bot.services.roster import MovedTo, sync_roster
from bot.startup import StartupError
from bot.telegram_types import TelegramApp
from handlers.errors import ErrorHandler
from storage.database import Database

log = logging.getLogger(__name__)


@asynccontextmanager
async def _asking_telegram(config: AppConfig, token: str | None) -> AsyncIterator[MovedTo | None]:
    """What ``sync_roster`` asks Telegram with (nothing without a token): one Bot for every
    question, opened at the first (most start-ups ask none) and closed after the last."""
    if token is None:
        yield None
        return
    url = config.telegram.api_base_url
    async with AsyncExitStack() as opened:
        bots: list[Bot] = []

        async def moved_to(chat_id: int) -> int | None:
            """Where Telegram moved ``chat_id``, if it did (asking about it is refused with
            the new id); None if it did not (or the chat is gone, or shut to the bot). If
            Telegram cannot be asked now, start-up stops: going on would start the group the
            config names afresh, beside its history."""
            try:
                if not bots:
                    bots.append(await opened.enter_async_context(Bot(token, base_url=url)))
                await bots[0].get_chat(chat_id)
            except ChatMigrated as moved:
                return moved.new_chat_id
            except (BadRequest, Forbidden):
                return None
            except InvalidToken:
                raise StartupError(plain("cli.token_rejected", url=url)) from None
            except TelegramError as exc:
                raise StartupError(plain("cli.api_unreachable", url=url, reason=exc)) from None
            return None

        yield moved_to


def _reason(exc: BaseException) -> str:
    # The innermost cause is the informative one ("unable to open database file").
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


async def open_database(config: AppConfig, clock: Clock, *, token: str | None = None) -> Database:
    """Open, migrate and sync the roster; StartupError if the database is unusable. With the
    token, Telegram is asked about groups the config stopped naming (see ``sync_roster``)."""
    storage = config.storage
    db = Database(
        storage.url, busy_timeout_ms=storage.busy_timeout_ms, synchronous=storage.synchronous
    )
    try:
        await db.upgrade()
        async with _asking_telegram(config, token) as moved_to:
            await sync_roster(db, config, now=clock.now(), moved_to=moved_to)
    except (OSError, SQLAlchemyError) as exc:
        await db.dispose()
        message = plain("cli.db_unavailable", target=db.describe(), reason=_reason(exc))
        raise StartupError(message) from None
    except StartupError:
        await db.dispose()
        raise
    return db


@asynccontextmanager
async def polling(application: TelegramApp, *, poll_timeout: float) -> AsyncIterator[None]:
    """Initialize (getMe), start handlers and the job queue and long polling; stop cleanly."""
    url = application.bot.base_url.removesuffix(application.bot.token)
    try:
        await application.initialize()
        # Updates are fetched by Polling, not a webhook: Telegram refuses both at once.
        asked: list[Awaitable[object]] = [application.bot.delete_webhook()]
        # run_polling() would call this hook; we drive the lifecycle ourselves.
        if application.post_init is not None:
            asked.append(application.post_init(application))
        # One round trip to Telegram for both, not two; a failure is raised once both ended.
        for outcome in await asyncio.gather(*asked, return_exceptions=True):
            if isinstance(outcome, BaseException):
                raise outcome
    except InvalidToken:
        raise StartupError(plain("cli.token_rejected", url=url)) from None
    except NetworkError as exc:
        raise StartupError(plain("cli.api_unreachable", url=url, reason=_reason(exc))) from None
    services = services_of(application)

    async def give_up(aside: SetAside) -> None:
        await services.inbox.set_aside(aside.update_id, aside.kind, aside.chat_id, aside.reason,
                                       aside.payload_json(), services.clock.now())  # fmt: skip
        if aside.why == FAILED and aside.update is not None:
            # A bug: the person asked for something and never got it; say so, once.
            await ErrorHandler(services).tell(aside.update, "bot.error_apology")

    poller = Polling(application, poll_timeout, services.redeliver, give_up, services.foreground)
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


async def serve(
    config: AppConfig,
    *,
    token: str,
    clock: Clock,
    stop: asyncio.Event,
    polling_since: Callable[[], None] | None = None,
) -> None:
    """Run the bot until ``stop`` is set; ``polling_since()`` is called once it polls."""
    db = await open_database(config, clock, token=token)
    try:
        application = build_application(config, token=token, clock=clock, database=db)
        async with polling(application, poll_timeout=config.telegram.poll_timeout):
            username = application.bot.username
            log.info(plain("cli.started", username=username, groups=len(config.groups)))
            if polling_since is not None:
                polling_since()
            await stop.wait()
    finally:
        await db.dispose()
    log.info(plain("cli.stopped"))
