"""The error handler: what an exception that escaped a handler means, and what is done.

- Telegram moved the chat (ChatMigrated): the move is recorded and the update handled again,
  so the reply goes to the chat's new id.
- Telegram will not let the bot write to the chat (removed, blocked): the chat is marked
  unreachable, quietly; there is nobody to apologize to.
- Telegram could not be reached to answer: what was done is saved; the update is fetched
  again later (see ``bot.runner.Polling``) and the person then sees where they stand.
- The database could not be written (locked beyond the busy timeout, disk full): the person
  is told that nothing was saved. The transaction was rolled back; the bot never pretends.
- Anything else is a bug: logged with its traceback, and the update is tried again a few
  times (``Polling`` counts); when it is set aside, the person gets the short apology.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.i18n import t
from bot.polling import FAILED, UNANSWERED
from bot.services.chats import unreachable_reason
from bot.services.container import Services
from bot.telegram_types import Context

log = logging.getLogger(__name__)


class ErrorHandler:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def on_error(self, update: object, context: Context) -> None:
        error = context.error
        if not isinstance(update, Update):
            # A job failed (the weekly tick): the next tick catches up, as claims are idempotent.
            level = logging.WARNING if isinstance(error, NetworkError) else logging.ERROR
            log.log(level, "Lỗi ngoài xử lý tin nhắn: %s", error)
            return
        chat = update.effective_chat
        now = self.services.clock.now()
        if isinstance(error, ChatMigrated) and chat is not None:
            log.warning("Nhóm %s đã chuyển sang %s; trả lời lại ở đó", chat.id, error.new_chat_id)
            await self.services.chats.on_moved(None, chat.id, error.new_chat_id, now)
            self.services.redeliver[update.update_id] = UNANSWERED
            return
        if chat is not None and (reason := _refused_chat(error)) is not None:
            log.info("Không trả lời được vào chat %s: %s", chat.id, reason)
            await self.services.chats.on_member_status(None, chat.id, False, reason, now)
            return
        if _transient(error):
            log.warning("Chưa trả lời được update %s, sẽ nhận lại: %s", update.update_id, error)
            self.services.redeliver[update.update_id] = UNANSWERED
            return
        if _storage_unavailable(error):
            log.warning("Chưa lưu được update %s: %s", update.update_id, error)
            await self.tell(update, "bot.not_saved")
            return
        log.error("Lỗi khi xử lý update %s", update.update_id, exc_info=error)
        self.services.redeliver[update.update_id] = FAILED

    async def tell(self, update: Update, key: str) -> None:
        """A short word to the chat the update came from (the apology, "not saved")."""
        chat = update.effective_chat
        if chat is None:
            return
        lang = self.services.language_for_chat(chat.id)
        try:
            await update.get_bot().send_message(chat.id, t(key, lang))
        except TelegramError as exc:
            log.warning("Không gửi được tin tới chat %s: %s", chat.id, exc)


# SQLite's words for "could not write now", as opposed to a bug (e.g. "no such table").
UNAVAILABLE = (
    "database is locked",
    "database or disk is full",
    "disk i/o error",
    "unable to open database file",
    "attempt to write a readonly database",
)


def _storage_unavailable(error: Exception | None) -> bool:
    if not isinstance(error, OperationalError):
        return False
    reason = str(error.orig).lower()
    return any(words in reason for words in UNAVAILABLE)


def _refused_chat(error: Exception | None) -> str | None:
    """The bot is shut out of the chat (removed, blocked, the chat deleted)."""
    if isinstance(error, Forbidden):
        return error.message
    if isinstance(error, BadRequest):
        return unreachable_reason(error.message)
    return None


def _transient(error: Exception | None) -> bool:
    """Telegram unreachable or overloaded, as opposed to refusing the request (BadRequest is
    a NetworkError in PTB, so it is told apart here)."""
    if isinstance(error, RetryAfter | TimedOut):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)
