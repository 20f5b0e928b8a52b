"""The error handler: log with the traceback, apologize briefly, keep running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import NetworkError, TelegramError

from bot.i18n import t
from bot.services.container import Services
from bot.telegram_types import Context, TelegramApp

log = logging.getLogger(__name__)


class ErrorHandler:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def on_error(self, update: object, context: Context) -> None:
        if not isinstance(update, Update):
            # Polling trouble (network, server errors): PTB retries by itself.
            level = logging.WARNING if isinstance(context.error, NetworkError) else logging.ERROR
            log.log(level, "Lỗi ngoài xử lý tin nhắn: %s", context.error)
            return
        log.error("Lỗi khi xử lý update %s", update.update_id, exc_info=context.error)
        chat = update.effective_chat
        if chat is None:
            return
        lang = self.services.language_for_chat(chat.id)
        try:
            await context.bot.send_message(chat.id, t("bot.error_apology", lang))
        except TelegramError as exc:
            log.warning("Không gửi được lời xin lỗi tới chat %s: %s", chat.id, exc)


def register(application: TelegramApp, services: Services) -> None:
    application.add_error_handler(ErrorHandler(services).on_error)
