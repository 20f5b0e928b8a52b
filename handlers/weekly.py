"""The week on Telegram: the periodic job and the transport the outbox sends through."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot.services.chats import unreachable_reason
from bot.services.container import Services
from bot.services.outbox import ChatMoved, ChatUnreachable, DeliveryFailed
from bot.telegram_types import Context, TelegramApp

log = logging.getLogger(__name__)


class TelegramTransport:
    """Sends the outbox's pieces; tells a failure worth retrying from one that is not."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(
        self, chat_id: int, text: str, *, thread_id: int | None, markup: str | None
    ) -> int | None:
        keyboard = None
        if markup is not None:
            rows = json.loads(markup)["inline_keyboard"]
            keyboard = InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
                    for row in rows
                ]
            )

        async def post(thread: int | None) -> int:
            sent = await self._bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                message_thread_id=thread,
                reply_markup=keyboard,
            )
            return sent.message_id

        return await self._delivering(chat_id, thread_id, post)

    async def send_photo(
        self, chat_id: int, photo: bytes, caption: str, *, thread_id: int | None
    ) -> int | None:
        async def post(thread: int | None) -> int:
            sent = await self._bot.send_photo(
                chat_id,
                photo,
                caption=caption,
                parse_mode=ParseMode.HTML,
                message_thread_id=thread,
            )
            return sent.message_id

        return await self._delivering(chat_id, thread_id, post)

    async def send_file(
        self, chat_id: int, kind: str, file_id: str, caption: str, *, thread_id: int | None
    ) -> int | None:
        async def post(thread: int | None) -> int:
            send = self._bot.send_photo if kind == "photo" else self._bot.send_document
            sent = await send(
                chat_id,
                file_id,
                caption=caption,
                parse_mode=ParseMode.HTML,
                message_thread_id=thread,
            )
            return sent.message_id

        return await self._delivering(chat_id, thread_id, post)

    async def _delivering(
        self,
        chat_id: int,
        thread_id: int | None,
        post: Callable[[int | None], Awaitable[int]],
    ) -> int:
        try:
            try:
                return await post(thread_id)
            except BadRequest as exc:
                if thread_id is None or "thread not found" not in exc.message.lower():
                    raise
                # The configured topic is gone or the group is not a forum: post in the
                # group itself rather than lose the digest.
                log.warning(
                    "topic %s of chat %s not found; sending to the chat", thread_id, chat_id
                )
                return await post(None)
        except ChatMigrated as exc:
            raise ChatMoved(str(exc), exc.new_chat_id) from exc
        except Forbidden as exc:
            # Removed from the group, blocked by the person: nothing can be sent there now.
            raise ChatUnreachable(exc.message) from exc
        except BadRequest as exc:
            if unreachable_reason(exc.message) is not None:  # "chat not found": the chat is gone
                raise ChatUnreachable(exc.message) from exc
            # Telegram refuses this message itself: sending it again cannot succeed.
            raise DeliveryFailed(str(exc), permanent=True) from exc
        except (RetryAfter, TimedOut, NetworkError) as exc:
            raise DeliveryFailed(str(exc), permanent=False) from exc


async def run_week(application: TelegramApp, services: Services) -> None:
    """One tick: claim what is due now, then deliver what is claimed."""
    now = services.clock.now()
    await services.weekly.tick(now)
    await services.directions.tick(now)
    await services.outbox.deliver(now, TelegramTransport(application.bot))


async def deliver_now(bot: Bot, services: Services) -> None:
    """What a person's action just claimed (a direction given, a notice about it) goes out
    now rather than at the next tick."""
    await services.outbox.deliver(services.clock.now(), TelegramTransport(bot))


def schedule(application: TelegramApp, services: Services) -> None:
    """The week's tick, every ``tick_seconds`` (0: not run, as in tests that drive it)."""
    if services.config.tick_seconds > 0 and application.job_queue is not None:

        async def job(context: Context) -> None:
            await run_week(application, services)

        application.job_queue.run_repeating(
            job, interval=services.config.tick_seconds, first=1, name="weekly-tick"
        )
