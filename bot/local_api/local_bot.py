"""The real application against the local Bot API server, with a clock the caller moves: what
the end-to-end tests drive, and what ``giaoban demo`` plays a week on."""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Self

from bot.app import build_application, services_of
from bot.clock import FakeClock
from bot.config import AppConfig
from bot.local_api.server import LocalBotApi
from bot.runner import open_database, polling
from bot.telegram_types import TelegramApp
from handlers.weekly import run_week
from storage.database import Database


class LocalBot:
    """The application as ``giaoban run`` wires it, started and stopped on demand."""

    def __init__(self, api: LocalBotApi, config: AppConfig, clock: FakeClock) -> None:
        self.api = api
        self.config = config
        self.clock = clock
        self._stack: AsyncExitStack | None = None
        self._app: TelegramApp | None = None
        self._db: Database | None = None

    @property
    def app(self) -> TelegramApp:
        assert self._app is not None, "the bot is not running"
        return self._app

    @property
    def db(self) -> Database:
        assert self._db is not None, "the bot is not running"
        return self._db

    async def start(self) -> None:
        stack = AsyncExitStack()
        self._db = await open_database(self.config, self.clock, token=self.api.token)
        stack.push_async_callback(self._db.dispose)
        self._app = build_application(
            self.config, token=self.api.token, clock=self.clock, database=self._db
        )
        await stack.enter_async_context(
            polling(self._app, poll_timeout=self.config.telegram.poll_timeout)
        )
        self._stack = stack

    async def stop(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
        self._stack, self._app, self._db = None, None, None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def settle(self) -> None:
        """Wait until every update injected so far has been fetched and fully handled."""
        last = self.api.last_update_id
        if last:
            await self.api.wait_confirmed(last)
        await self.app.update_queue.join()
        # What an update claimed and had delivered at once (a direction given) is sent too.
        await services_of(self.app).outbox.idle()

    async def tick(self) -> None:
        """Run the week's job once at the clock's time, as the job queue would."""
        await run_week(self.app, services_of(self.app))
        await self.settle()
