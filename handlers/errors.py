"""The error handler: log with the traceback, apologize briefly, keep running. When the
database could not be written (locked by another process beyond the busy timeout, disk full),
the person is told that nothing was saved: the transaction was rolled back, and the bot never
pretends otherwise. When Telegram could not be reached to answer, the update is fetched again
later (see ``bot.runner.Polling``)."""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.i18n import t
from bot.services.container import Services
from bot.telegram_types import Context, TelegramApp

log = logging.getLogger(__name__)


class ErrorHandler:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def on_error(self, update: object, context: Context) -> None:
        if not isinstance(update, Update):
            # A job failed (the weekly tick): the next tick catches up, as claims are idempotent.
            level = logging.WARNING if isinstance(context.error, NetworkError) else logging.ERROR
            log.log(level, "Lỗi ngoài xử lý tin nhắn: %s", context.error)
            return
        if _transient(context.error):
            # Telegram could not be reached while answering; what was done is saved. The
            # update is fetched again later, and the person then sees where they stand.
            log.warning("Chưa trả lời được update %s, sẽ nhận lại: %s", update.update_id,
                        context.error)  # fmt: skip
            self.services.redeliver.add(update.update_id)
            return
        log.error("Lỗi khi xử lý update %s", update.update_id, exc_info=context.error)
        chat = update.effective_chat
        if chat is None:
            return
        lang = self.services.language_for_chat(chat.id)
        unsaved = _storage_unavailable(context.error)
        try:
            await context.bot.send_message(
                chat.id, t("bot.not_saved" if unsaved else "bot.error_apology", lang)
            )
        except TelegramError as exc:
            log.warning("Không gửi được lời xin lỗi tới chat %s: %s", chat.id, exc)


# SQLite's words for "could not write now", as opposed to a bug (e.g. "no such table").
UNAVAILABLE = ("database is locked", "database or disk is full", "disk i/o error",
               "unable to open database file", "attempt to write a readonly database")  # fmt: skip


def _storage_unavailable(error: Exception | None) -> bool:
    if not isinstance(error, OperationalError):
        return False
    reason = str(error.orig).lower()
    return any(words in reason for words in UNAVAILABLE)


def _transient(error: Exception | None) -> bool:
    """Telegram unreachable or overloaded, as opposed to refusing the request (BadRequest is
    a NetworkError in PTB, so it is told apart here)."""
    if isinstance(error, RetryAfter | TimedOut):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def register(application: TelegramApp, services: Services) -> None:
    application.add_error_handler(ErrorHandler(services).on_error)
