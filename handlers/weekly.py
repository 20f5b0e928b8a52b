"""The week on Telegram: the periodic job, the transport the outbox sends through, and the
secretariat's /summary and /skip."""

from __future__ import annotations

import json
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import callbacks
from bot.commands import SKIP, SUMMARY
from bot.services.container import Services
from bot.services.outcomes import Outcome, StaleButton
from bot.services.people import Chat, Sender
from bot.services.weekly import DeliveryFailed
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
        try:
            try:
                await self._send(chat_id, text, thread_id, keyboard)
            except BadRequest as exc:
                if thread_id is None or "thread not found" not in exc.message.lower():
                    raise
                # The configured topic is gone or the group is not a forum: post in the
                # group itself rather than lose the digest.
                log.warning("topic %s of chat %s not found; sending to the chat", thread_id,
                            chat_id)  # fmt: skip
                await self._send(chat_id, text, None, keyboard)
        except (Forbidden, BadRequest) as exc:
            # The bot was removed, the chat is gone, or the text is refused: retrying the
            # same request cannot succeed.
            raise DeliveryFailed(str(exc), permanent=True) from exc
        except (RetryAfter, TimedOut, NetworkError) as exc:
            raise DeliveryFailed(str(exc), permanent=False) from exc

    async def _send(
        self, chat_id: int, text: str, thread_id: int | None, keyboard: InlineKeyboardMarkup | None
    ) -> None:
        await self._bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, message_thread_id=thread_id,
            reply_markup=keyboard,
        )  # fmt: skip


async def run_week(application: TelegramApp, services: Services) -> None:
    """One tick: claim what is due now, then deliver what is claimed."""
    now = services.clock.now()
    await services.weekly.tick(now)
    await services.weekly.deliver(now, TelegramTransport(application.bot))


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
    application.add_handler(CallbackQueryHandler(handlers.button, pattern=BUTTONS))
    if services.config.tick_seconds > 0 and application.job_queue is not None:

        async def job(context: Context) -> None:
            await run_week(application, services)

        application.job_queue.run_repeating(
            job, interval=services.config.tick_seconds, first=1, name="weekly-tick"
        )
