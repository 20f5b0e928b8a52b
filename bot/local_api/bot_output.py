"""What the bot did, for tests and the demo to read and to wait on: the messages it sent to a
chat (all of them, or those nobody has read yet), and waiting for the next one, for a long
poll, for the bot to confirm an update, or for any condition on the server's state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.local_api.model import BotMessage
from bot.local_api.state import ServerState


class BotOutput(ServerState):
    def messages_to(self, chat_id: int) -> list[BotMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def unread(self, chat_id: int) -> list[BotMessage]:
        return list(self._unread[chat_id])

    def mark_read(self, chat_id: int | None = None) -> None:
        for key in [chat_id] if chat_id is not None else list(self._unread):
            self._unread[key].clear()

    async def next_message(self, chat_id: int, timeout: float = 10.0) -> BotMessage:
        """The next message the bot sends to ``chat_id`` that the caller has not read."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: bool(self._unread[chat_id]))
        return self._unread[chat_id].popleft()

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until ``condition`` holds; it is checked whenever the server's state changes."""
        async with asyncio.timeout(timeout):
            await self._wait_until(condition)

    async def wait_polling(self, timeout: float = 10.0) -> None:
        """Wait until a client is in a long poll (so the next update wakes it)."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: self._poller is not None and not self._poller.done())

    async def wait_confirmed(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed ``update_id`` (asked for updates after it)."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: self._confirmed_below > update_id)
