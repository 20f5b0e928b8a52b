"""/export: the secretariat's Word, Excel or CSV file, sent in the private chat; /history."""

from __future__ import annotations

import io

from telegram import InputFile, Update
from telegram.error import Forbidden
from telegram.ext import CommandHandler, filters

from bot.commands import EXPORT, HISTORY
from bot.export_views import render_export
from bot.services.container import Services
from bot.services.exports import ExportReady, StartPrivateFirst
from bot.telegram_types import Context, TelegramApp
from handlers.replying import message_context, send_view

NEW_MESSAGES = ~filters.UpdateType.EDITED


class ExportHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def export(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        argument = " ".join(context.args or [])
        outcome = await self.services.exports.export(
            chat, message.message_id, sender, argument, self.services.clock.now()
        )
        if isinstance(outcome, ExportReady):
            try:
                await context.bot.send_document(
                    outcome.user_id,
                    InputFile(io.BytesIO(outcome.file.content), filename=outcome.file.name),
                    caption=outcome.file.caption,
                )
            except Forbidden as exc:  # blocked since: say so where it was asked
                await self.services.chats.on_member_status(
                    None, outcome.user_id, False, exc.message, self.services.clock.now()
                )
                outcome = StartPrivateFirst(outcome.language)
        view = render_export(outcome, private=chat.private, name=sender.full_name)
        await send_view(context.bot, chat.id, view, private=chat.private,
                        reply_to=message.message_id)  # fmt: skip

    async def history(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        argument = " ".join(context.args or [])
        outcome = await self.services.history.history(
            chat, message.message_id, sender, argument, self.services.clock.now()
        )
        await send_view(context.bot, chat.id, render_export(outcome, private=chat.private),
                        private=chat.private, reply_to=message.message_id)  # fmt: skip


def register(application: TelegramApp, services: Services) -> None:
    handlers = ExportHandlers(services)
    application.add_handler(CommandHandler(HISTORY.names, handlers.history, filters=NEW_MESSAGES))
    application.add_handler(CommandHandler(EXPORT.names, handlers.export, filters=NEW_MESSAGES))
