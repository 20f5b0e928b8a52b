"""Putting a View on Telegram: split long text, ForceReply in groups, keyboards, reactions."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable

from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReactionTypeEmoji,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.core.splitting import split_html
from bot.services.outcomes import Delivery, Outcome
from bot.services.people import Chat, Sender
from bot.views import View
from bot.views.base import RECEIVED

log = logging.getLogger(__name__)

Render = Callable[[Outcome, bool], View]
Refused = Callable[[int, str], Awaitable[None]]  # the chat, Telegram's words


def keyboard(view: View) -> InlineKeyboardMarkup | None:
    if not view.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in view.buttons]
    )


async def send_view(
    bot: Bot,
    chat_id: int,
    view: View,
    *,
    private: bool,
    reply_to: int | None = None,
) -> list[Message]:
    """Send a view to a chat. ``reply_to`` is the person's message it answers, if any.
    Returns the messages sent (the last holds the question or the buttons)."""
    if view.react and reply_to is not None:
        try:
            await bot.set_message_reaction(chat_id, reply_to, [ReactionTypeEmoji(RECEIVED)])
        except TelegramError as exc:  # cosmetic: the answer is already saved
            log.info("Không thả được cảm xúc vào tin %s/%s: %s", chat_id, reply_to, exc)
    if not view.text:
        return []
    markup: InlineKeyboardMarkup | ForceReply | None = keyboard(view)
    if markup is None and view.expects_answer and not private:
        # Privacy mode: in a group the bot sees replies to its own messages; selective
        # ForceReply opens the reply box only for the person mentioned / replied to.
        markup = ForceReply(selective=True)
    pieces = split_html(view.text)
    sent = []
    for index, piece in enumerate(pieces):
        first, last = index == 0, index == len(pieces) - 1
        message = await bot.send_message(
            chat_id,
            piece,
            parse_mode=ParseMode.HTML,
            reply_parameters=(
                ReplyParameters(reply_to, allow_sending_without_reply=True)
                if first and reply_to is not None
                else None
            ),
            reply_markup=markup if last else None,
        )
        sent.append(message)
    return sent


async def deliver(
    bot: Bot, deliveries: Iterable[Delivery], render: Render, refused: Refused
) -> None:
    """Messages for other chats than the one the action came from. A private chat the bot
    may not write to (the person never pressed Start, or blocked the bot) falls back to
    the delivery's group, so the message is not lost; ``refused`` is told of the chat."""
    for delivery in deliveries:
        view = render(delivery.outcome, delivery.private)
        try:
            await send_view(bot, delivery.chat_id, view, private=delivery.private)
        except (Forbidden, BadRequest) as exc:
            if isinstance(exc, Forbidden):
                await refused(delivery.chat_id, exc.message)
            if delivery.fallback_chat_id is None:
                log.warning("Không gửi được tin tới %s: %s", delivery.chat_id, exc)
                continue
            log.info("Không nhắn riêng được %s (%s); gửi vào nhóm", delivery.chat_id, exc)
            fallback = render(delivery.outcome, False)
            try:
                await send_view(bot, delivery.fallback_chat_id, fallback, private=False)
            except Forbidden as refusal:  # the group is shut to the bot too
                await refused(delivery.fallback_chat_id, refusal.message)


def message_context(update: Update) -> tuple[Message, Chat, Sender] | None:
    """The message, its chat and its sender; None for updates without a human sender."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or user.is_bot:
        return None
    chat = Chat(message.chat.id, message.chat.type == ChatType.PRIVATE)
    return message, chat, Sender(user.id, user.full_name, user.username)
