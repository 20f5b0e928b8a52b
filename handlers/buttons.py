"""Button presses, the same way for every feature: who may press, the notice, old buttons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Message, Update
from telegram.constants import ChatType

from bot import callbacks
from bot.i18n import plain
from bot.services.container import Services
from bot.services.outcomes import ButtonRefused, Duplicate, Outcome, StaleButton
from bot.services.people import Chat, Sender
from bot.telegram_types import Context
from handlers.replying import Render, send_view

Dispatch = Callable[[Chat, str, Sender, callbacks.Callback], Awaitable[Outcome]]


async def on_button(
    update: Update, context: Context, services: Services, dispatch: Dispatch, render: Render
) -> Outcome | None:
    """Decode the press, refuse other people's buttons, run the action, show the result.

    Returns the outcome (None when nothing was run) so the caller can deliver messages
    meant for other chats.
    """
    query = update.callback_query
    if query is None or query.data is None or query.message is None:
        return None
    chat_id = query.message.chat.id
    chat = Chat(chat_id, query.message.chat.type == ChatType.PRIVATE)
    lang = services.language_for_chat(chat_id)
    data = callbacks.decode(query.data)
    if data is None:
        await query.answer(plain("report.stale_button", lang))
        return None
    if data.owner is not None and data.owner != query.from_user.id:
        # Someone else's button: a short notice, and nothing changes.
        await query.answer(plain("report.wrong_person", lang))
        return None
    presser = query.from_user
    sender = Sender(presser.id, presser.full_name, presser.username)
    outcome = await dispatch(chat, query.id, sender, data)
    view = render(outcome, chat.private)
    await query.answer(view.notice)
    if isinstance(outcome, Duplicate | StaleButton | ButtonRefused) or not view.text:
        return outcome
    shared = data.action in callbacks.SHARED  # e.g. "Report now": stays for everyone else
    if not shared and isinstance(query.message, Message) and query.message.reply_markup:
        # The choice is made: old buttons go, so they cannot be pressed twice.
        await context.bot.edit_message_reply_markup(
            chat_id, query.message.message_id, reply_markup=None
        )
    await send_view(context.bot, chat_id, view, private=chat.private)
    return outcome
