"""Telegram's sending limits, all three: 30 messages a second overall, 20 a minute per group,
and one a second per chat, which python-telegram-bot's AIORateLimiter leaves out."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram._utils.types import JSONDict
from telegram.ext import AIORateLimiter

from bot.config import RateLimits

# Limiters of chats that have been quiet long enough are dropped past this many.
_KEEP = 512


class ChatRateLimiter(AIORateLimiter):
    """AIORateLimiter (overall and per group, with 429s waited out and retried) with a
    per-chat limit around it, so that a burst of replies or a digest in several pieces
    reaches one chat at most ``chat_max_rate`` messages a second."""

    def __init__(self, limits: RateLimits) -> None:
        super().__init__(
            overall_max_rate=limits.messages_per_second,
            overall_time_period=1,
            group_max_rate=limits.group_messages_per_minute,
            group_time_period=60,
            max_retries=limits.max_retries,
        )
        # One message per period of 1/rate seconds: no bursts within a chat.
        self._chat_period = 1 / limits.chat_messages_per_second
        self._chats: dict[int | str, AsyncLimiter] = {}

    def _chat_limiter(self, chat_id: int | str) -> AsyncLimiter:
        if len(self._chats) > _KEEP:
            for key, quiet in list(self._chats.items()):
                if key != chat_id and quiet.has_capacity():
                    del self._chats[key]
        limiter = self._chats.get(chat_id)
        if limiter is None:
            limiter = self._chats[chat_id] = AsyncLimiter(1, self._chat_period)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        if not isinstance(chat_id, int | str):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        async with self._chat_limiter(chat_id):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
