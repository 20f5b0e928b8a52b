"""The week on Telegram: the periodic job, the transport the outbox sends through, and the
secretariat's /summary and /skip."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import callbacks
from bot.commands import CHART, SKIP, SUMMARY
from bot.services.chats import unreachable_reason
from bot.services.container import Services
from bot.services.outbox import ChatMoved, ChatUnreachable, DeliveryFailed
from bot.services.outcomes import ChartReady, Outcome, StaleButton
from bot.services.people import Chat, Sender
from bot.telegram_types import Context, TelegramApp
from bot.views import View
from bot.weekly_views import render_weekly
from handlers.buttons import on_button
from handlers.replying import message_context, send_view

log = logging.getLogger(__name__)

NEW_MESSAGES = ~filters.UpdateType.EDITED
BUTTONS = rf"^[{callbacks.HOLIDAY}{callbacks.EXCUSE}]:"


class TelegramTransport:
    """Sends the outbox's pieces; tells a failure worth retrying from one that is not."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(
        self, chat_id: int, text: str, *, thread_id: int | None, markup: str | None
    ) -> None:
        keyboard = None
        if markup is not None:
            rows = json.loads(markup)["inline_keyboard"]
            keyboard = InlineKeyboardMarkup(
                [[InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
                 for row in rows]
            )  # fmt: skip

        async def post(thread: int | None) -> None:
            await self._bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, message_thread_id=thread,
                reply_markup=keyboard,
            )  # fmt: skip

        await self._delivering(chat_id, thread_id, post)

    async def send_photo(
        self, chat_id: int, photo: bytes, caption: str, *, thread_id: int | None
    ) -> None:
        async def post(thread: int | None) -> None:
            await self._bot.send_photo(
                chat_id, photo, caption=caption, parse_mode=ParseMode.HTML,
                message_thread_id=thread,
            )  # fmt: skip

        await self._delivering(chat_id, thread_id, post)

    async def _delivering(
        self, chat_id: int, thread_id: int | None,
        post: Callable[[int | None], Awaitable[None]],
    ) -> None:  # fmt: skip
        try:
            try:
                await post(thread_id)
            except BadRequest as exc:
                if thread_id is None or "thread not found" not in exc.message.lower():
                    raise
                # The configured topic is gone or the group is not a forum: post in the
                # group itself rather than lose the digest.
                log.warning("topic %s of chat %s not found; sending to the chat", thread_id,
                            chat_id)  # fmt: skip
                await post(None)
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
    await services.outbox.deliver(now, TelegramTransport(application.bot))


def _view(outcome: Outcome, private: bool) -> View:
    return render_weekly(outcome, private=private)


class WeeklyHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.weekly = services.weekly

    async def summary(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        argument = " ".join(context.args or [])
        outcome = await self.weekly.summary(
            chat, message.message_id, sender, argument, self.services.clock.now()
        )
        await send_view(context.bot, chat.id, _view(outcome, chat.private), private=chat.private,
                        reply_to=message.message_id)  # fmt: skip

    async def chart(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        argument = " ".join(context.args or [])
        outcome = await self.weekly.chart(
            chat, message.message_id, sender, argument, self.services.clock.now()
        )
        if isinstance(outcome, ChartReady):
            await context.bot.send_photo(
                chat.id, outcome.png, caption=outcome.caption, parse_mode=ParseMode.HTML,
                reply_parameters=ReplyParameters(message.message_id,
                                                 allow_sending_without_reply=True),
            )  # fmt: skip
            return
        await send_view(context.bot, chat.id, _view(outcome, chat.private), private=chat.private,
                        reply_to=message.message_id)  # fmt: skip

    async def skip(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        outcome = await self.weekly.skip_menu(
            chat, message.message_id, sender, self.services.clock.now()
        )
        await send_view(context.bot, chat.id, _view(outcome, chat.private), private=chat.private,
                        reply_to=message.message_id)  # fmt: skip

    async def button(self, update: Update, context: Context) -> None:
        await on_button(update, context, self.services, self.dispatch, _view)

    async def dispatch(
        self, chat: Chat, query_id: str, sender: Sender, data: callbacks.Callback
    ) -> Outcome:
        now = self.services.clock.now()
        match data.action:
            case callbacks.HOLIDAY:
                return await self.weekly.skip_period(
                    chat, query_id, sender, data.period_arg(0), now
                )
            case callbacks.EXCUSE:
                return await self.weekly.excuse(
                    chat, query_id, sender, data.int_arg(0), data.period_arg(1), now
                )
        return StaleButton(self.services.language_for_chat(chat.id))


def register(application: TelegramApp, services: Services) -> None:
    handlers = WeeklyHandlers(services)
    application.add_handler(CommandHandler(SUMMARY.names, handlers.summary, filters=NEW_MESSAGES))
    application.add_handler(CommandHandler(SKIP.names, handlers.skip, filters=NEW_MESSAGES))
    application.add_handler(CommandHandler(CHART.names, handlers.chart, filters=NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(handlers.button, pattern=BUTTONS))
    if services.config.tick_seconds > 0 and application.job_queue is not None:

        async def job(context: Context) -> None:
            await run_week(application, services)

        application.job_queue.run_repeating(
            job, interval=services.config.tick_seconds, first=1, name="weekly-tick"
        )
