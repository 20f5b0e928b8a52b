"""Button presses, the same way for every feature: who may press, the notice, old buttons."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from bot import callbacks
from bot.i18n import plain
from bot.services.container import Services
from bot.services.outcomes import ButtonRefused, Duplicate, Outcome, StaleButton
from bot.services.people import Chat, Sender, button_key
from bot.telegram_types import Context
from handlers.replying import Render, send_view

log = logging.getLogger(__name__)

Dispatch = Callable[[Chat, str, Sender, callbacks.Callback], Awaitable[Outcome]]


async def on_button(
    update: Update, context: Context, services: Services, dispatch: Dispatch, render: Render
) -> Outcome | None:
    """Decode the press, refuse other people's buttons, run the action, show the result.

    Returns the outcome (None when nothing was run) so the caller can deliver messages
    meant for other chats.
    """
    query = update.callback_query
    if query is None:
        return None
    if query.message is None or query.data is None:
        # A button of an inline message, or one without data: nothing of ours.
        await _answer(query, plain("report.stale_button", services.language_for_user(
            query.from_user.id)))  # fmt: skip
        return None
    chat_id = query.message.chat.id
    chat = Chat(chat_id, query.message.chat.type == ChatType.PRIVATE)
    lang = services.language_for_chat(chat_id)
    data = callbacks.decode(query.data)
    if data is None:
        # Garbled, forged, or from a layout the bot no longer uses: a short notice.
        await _answer(query, plain("report.stale_button", lang))
        return None
    if data.owner is not None and data.owner != query.from_user.id:
        # Someone else's button: a short notice, and nothing changes.
        await _answer(query, plain("report.wrong_person", lang))
        return None
    presser = query.from_user
    sender = Sender(presser.id, presser.full_name, presser.username)
    outcome = await dispatch(chat, query.id, sender, data)
    view = render(outcome, chat.private)
    await _answer(query, view.notice)
    if isinstance(outcome, Duplicate | StaleButton | ButtonRefused) or not view.text:
        services.answered.add(button_key(query.id))
        return outcome
    shared = data.action in callbacks.SHARED  # e.g. "Report now": stays for everyone else
    if (not shared and view.closes_choice and isinstance(query.message, Message)
            and query.message.reply_markup):  # fmt: skip
        # The choice is made: old buttons go, so they cannot be pressed twice. A message the
        # bot can no longer edit (too old, already changed) keeps them; the answer matters.
        try:
            await context.bot.edit_message_reply_markup(
                chat_id, query.message.message_id, reply_markup=None
            )
        except TelegramError as exc:  # cosmetic: the buttons stay, the answer matters
            log.info("Không gỡ được nút của tin %s/%s: %s", chat_id, query.message.message_id,
                     exc.message)  # fmt: skip
    sent = await send_view(context.bot, chat_id, view, private=chat.private)
    services.answered.add(button_key(query.id))
    if sent:
        services.reporting.prompt_shown(outcome, sent[-1].message_id)
    return outcome


async def _answer(query: CallbackQuery, notice: str | None) -> None:
    """Stop the client's spinner. A press Telegram no longer lets the bot answer (it came back
    after a restart, past the time allowed) is still acted on; only the notice is lost."""
    try:
        await query.answer(notice)
    except BadRequest as exc:
        log.info("Không trả lời được lần bấm nút %s: %s", query.id, exc.message)
