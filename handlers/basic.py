"""/start, /help and the answer to commands the bot does not have."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import filters

from bot.commands import MENU
from bot.i18n import t
from bot.services.container import Services
from bot.services.people import Sender
from bot.telegram_types import Context
from bot.views.base import ECHO, short


class BasicHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def start(self, update: Update, context: Context) -> None:
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        if message is None or chat is None or user is None:
            return
        if chat.type == ChatType.PRIVATE:
            sender = Sender(user.id, user.full_name, user.username)
            await self.services.people.record_private_start(sender, now=self.services.clock.now())
            lang = self.services.language_for_user(user.id)
            await message.reply_html(t("bot.start_private", lang, name=user.full_name))
            return
        group = self.services.config.group(chat.id)
        if group is None:
            await message.reply_html(t("bot.unknown_chat"))
            return
        await message.reply_html(t("bot.start_group", group.language, group=group.name))

    async def help(self, update: Update, context: Context) -> None:
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        if message is None or chat is None or user is None:
            return
        if chat.type == ChatType.PRIVATE:
            lang = self.services.language_for_user(user.id)
        elif self.services.config.group(chat.id) is None:
            await message.reply_html(t("bot.unknown_chat"))
            return
        else:
            lang = self.services.language_for_chat(chat.id)
        await message.reply_html(t("bot.help", lang))

    async def unknown_command(self, update: Update, context: Context) -> None:
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not message.text:
            return
        if not addressed_to_us(message.text, context.bot.username):
            return  # /summary@OtherBot is for the other bot
        command = short(message.text.split(maxsplit=1)[0].split("@", 1)[0], ECHO)
        if chat.type != ChatType.PRIVATE and self.services.config.group(chat.id) is None:
            await message.reply_html(t("bot.unknown_chat"))
            return
        lang = self.services.language_for_chat(chat.id)
        if chat.type == ChatType.PRIVATE and message.from_user is not None:
            lang = self.services.language_for_user(message.from_user.id)
        await message.reply_html(t("bot.unknown_command", lang, command=command))

    async def anonymous(self, update: Update, context: Context) -> None:
        """A command or a reply to the bot sent anonymously (a group admin who "remains
        anonymous", or on behalf of a channel): the bot cannot tell who it is, so it cannot
        take a report or check a right; it says so instead of keeping silent."""
        message = update.effective_message
        if message is None or message.sender_chat is None or message.is_automatic_forward:
            return
        to_us = (
            message.reply_to_message is not None
            and message.reply_to_message.from_user is not None
            and message.reply_to_message.from_user.id == context.bot.id
        )
        text = message.text or ""
        if text.startswith("/"):
            name = text.split(maxsplit=1)[0][1:].split("@", 1)[0].lower()
            to_us = addressed_to_us(text, context.bot.username) and name in COMMAND_NAMES
        if not to_us:
            return
        lang = self.services.language_for_chat(message.chat.id)
        await message.reply_html(t("bot.anonymous", lang))


def addressed_to_us(text: str, username: str) -> bool:
    """A command with no @, or with this bot's name after it."""
    command = text.split(maxsplit=1)[0] if text.strip() else ""
    _, at, name = command.partition("@")
    return not at or name.lower() == username.lower()


COMMAND_NAMES = frozenset(name for command in MENU for name in command.names)

# An edited "/start" is a correction of an old message, not a new command.
NEW_MESSAGES = ~filters.UpdateType.EDITED
