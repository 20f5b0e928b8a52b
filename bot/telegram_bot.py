"""The bot object: python-telegram-bot's ExtBot, addressing every chat by the id it has now.

Telegram gives a group upgraded to a supergroup a new chat id, and refuses the old one from
then on. Once the move is known (``bot.services.chats``), anything still addressed to the old
id (a reply to an update sent before the move, a message composed earlier) goes to the new
one, here, in the one place every request passes through.
"""

from __future__ import annotations

from typing import Any

import httpx
from telegram._utils.types import JSONDict
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.config import AppConfig
from bot.rate_limiter import ChatRateLimiter


class MovingBot(ExtBot[int]):
    def __init__(self, config: AppConfig, token: str) -> None:
        # One TLS context for both (each would build its own: 0.8 MiB and 15 ms at start-up).
        tls = {"verify": httpx.create_ssl_context()}  # httpx's own default, environment included
        super().__init__(
            token,
            base_url=config.telegram.api_base_url,
            base_file_url=config.telegram.file_url,
            rate_limiter=ChatRateLimiter(config.telegram.limits),
            # What ApplicationBuilder would make: a pool for sending, one connection to poll.
            request=HTTPXRequest(connection_pool_size=256, httpx_kwargs=tls),
            get_updates_request=HTTPXRequest(connection_pool_size=1, httpx_kwargs=tls),
        )
        self._moves = config.moves

    async def _do_post(self, endpoint: str, data: JSONDict, **kwargs: Any) -> Any:
        chat_id = data.get("chat_id")
        moved = isinstance(chat_id, int) and self._moves.current(chat_id) != chat_id
        # A message id of the old chat names nothing (or something else) in the new one: an
        # edit or a reaction stays addressed as it was (Telegram refuses it), and a reply
        # goes without its reference.
        if moved and "message_id" not in data:
            assert isinstance(chat_id, int)
            data = {k: v for k, v in data.items() if k != "reply_parameters"}
            data["chat_id"] = self._moves.current(chat_id)
        return await super()._do_post(endpoint, data, **kwargs)
