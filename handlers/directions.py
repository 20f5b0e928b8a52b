"""What a message means to the directions: the bot message it replies to, if any."""

from __future__ import annotations

from telegram import Message

from bot.services.container import Services
from bot.services.direction_steps import Replied
from bot.services.outcomes import Outcome
from handlers.adapter import Asked, UseCase


def replied_to(message: Message, bot_id: int) -> Replied | None:
    """The message replied to, with its text (or caption) and whether the bot wrote it."""
    original = message.reply_to_message
    if original is None:
        return None
    text = original.text or original.caption or ""
    author = original.from_user
    return Replied(text, author is not None and author.id == bot_id, original.message_id)


def command(services: Services) -> UseCase:
    """/chidao [12 | text], perhaps in reply to a message about one organization."""

    async def use(asked: Asked) -> Outcome | None:
        replied = replied_to(asked.message, asked.message.get_bot().id)
        return await services.directions.command(
            asked.chat, asked.message_id, asked.sender, asked.argument, replied, asked.now
        )

    return use
