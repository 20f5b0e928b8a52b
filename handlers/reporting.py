"""Report conversation handlers: parse the update, call the reporting service, send the view."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks
from bot.commands import CANCEL, REPORT, STATUS
from bot.services.container import Services
from bot.services.outcomes import Outcome, StaleButton
from bot.services.people import Chat, Sender, message_key
from bot.services.reporting import File
from bot.telegram_types import Context, TelegramApp
from bot.views import render
from handlers.buttons import on_button
from handlers.replying import message_context, send_view

NEW_MESSAGES = ~filters.UpdateType.EDITED
ATTACHMENTS = filters.PHOTO | filters.Document.ALL | filters.VOICE | filters.VIDEO | filters.AUDIO


def _answers_the_bot(message: Message, chat: Chat, bot_id: int) -> bool:
    """In a group only replies to the bot's own messages are answers; in private, anything."""
    if chat.private:
        return True
    original = message.reply_to_message
    return (
        original is not None and original.from_user is not None and original.from_user.id == bot_id
    )


class ReportingHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.reporting = services.reporting

    async def _reply(
        self, context: Context, message: Message, chat: Chat, outcome: Outcome
    ) -> None:
        view = render(outcome, private=chat.private)
        sent = await send_view(
            context.bot, chat.id, view, private=chat.private, reply_to=message.message_id
        )
        self.services.answered.add(message_key(chat, message.message_id))
        if sent:
            self.reporting.prompt_shown(outcome, sent[-1].message_id)

    async def report(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        outcome = await self.reporting.start(
            chat, message.message_id, sender, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def status(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        outcome = await self.reporting.status(
            chat, message.message_id, sender, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def cancel(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        outcome = await self.reporting.cancel(
            chat, message.message_id, sender, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def text(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        if not _answers_the_bot(message, chat, context.bot.id) or message.text is None:
            return
        replied = message.reply_to_message
        outcome = await self.reporting.receive_text(
            chat, message.message_id, sender, message.text, self.services.clock.now(),
            reply_to=replied.message_id if replied is not None else None,
        )  # fmt: skip
        await self._reply(context, message, chat, outcome)

    async def attachment(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        if not _answers_the_bot(message, chat, context.bot.id):
            return
        if message.photo:
            kind, file_id, name = "photo", message.photo[-1].file_id, None
        elif message.document:
            kind, file_id, name = "document", message.document.file_id, message.document.file_name
        elif message.voice:
            kind, file_id, name = "voice", message.voice.file_id, None
        elif message.video:
            kind, file_id, name = "video", message.video.file_id, message.video.file_name
        elif message.audio:
            kind, file_id, name = "audio", message.audio.file_id, message.audio.file_name
        else:
            return
        file = File(kind, file_id, name, message.caption)
        outcome = await self.reporting.receive_attachment(
            chat, message.message_id, sender, file, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def unsupported(self, update: Update, context: Context) -> None:
        """Stickers and the like: the question is asked again; nothing is stored."""
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        if not _answers_the_bot(message, chat, context.bot.id):
            return
        outcome = await self.reporting.receive_unsupported(
            chat, message.message_id, sender, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def edited(self, update: Update, context: Context) -> None:
        message, user = update.edited_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        chat = Chat(message.chat.id, message.chat.type == ChatType.PRIVATE)
        sender = Sender(user.id, user.full_name, user.username)
        outcome = await self.reporting.edit(
            chat, message.message_id, sender, message.text, self.services.clock.now()
        )
        await self._reply(context, message, chat, outcome)

    async def button(self, update: Update, context: Context) -> None:
        await on_button(
            update, context, self.services, self.dispatch,
            lambda outcome, private: render(outcome, private=private),
        )  # fmt: skip

    async def dispatch(
        self, chat: Chat, query_id: str, sender: Sender, data: callbacks.Callback
    ) -> Outcome:
        now = self.services.clock.now()
        service = self.reporting
        match data.action:
            case callbacks.CHOOSE_ORGANIZATION:
                return await service.choose_organization(
                    chat, query_id, sender, data.int_arg(0), now
                )
            case callbacks.CHOOSE_PERIOD:
                return await service.choose_period(
                    chat, query_id, sender, data.int_arg(0), data.period_arg(1), now
                )
            case callbacks.SKIP:
                return await service.skip(
                    chat, query_id, sender, data.int_arg(0), data.args[1], now
                )
            case callbacks.DONE:
                return await service.finish_text(
                    chat, query_id, sender, data.int_arg(0), data.args[1], now
                )
            case callbacks.CONFIRM:
                return await service.confirm(chat, query_id, sender, data.int_arg(0), now)
            case callbacks.CHANGE:
                return await service.change(
                    chat, query_id, sender, data.int_arg(0), data.args[1], now
                )
            case callbacks.START:
                return await service.start_from_button(chat, query_id, sender, now)
            case callbacks.KEEP:
                return await service.keep(chat, query_id, sender, data.int_arg(0), now)
            case callbacks.FIGURE_RIGHT | callbacks.FIGURE_AGAIN:
                right = data.action == callbacks.FIGURE_RIGHT
                return await service.confirm_figure(
                    chat, query_id, sender, data.int_arg(0), data.args[1], right, now
                )
        return StaleButton(self.services.language_for_chat(chat.id))


def register(application: TelegramApp, services: Services) -> None:
    handlers = ReportingHandlers(services)
    application.add_handler(CommandHandler(REPORT.names, handlers.report, filters=NEW_MESSAGES))
    application.add_handler(CommandHandler(STATUS.names, handlers.status, filters=NEW_MESSAGES))
    application.add_handler(CommandHandler(CANCEL.names, handlers.cancel, filters=NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(handlers.button))


def register_answers(application: TelegramApp, services: Services) -> None:
    """Messages that may be answers; registered after every command handler."""
    handlers = ReportingHandlers(services)
    application.add_handler(
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, handlers.edited)
    )
    application.add_handler(
        MessageHandler(NEW_MESSAGES & filters.TEXT & ~filters.COMMAND, handlers.text)
    )
    application.add_handler(MessageHandler(NEW_MESSAGES & ATTACHMENTS, handlers.attachment))
    application.add_handler(
        MessageHandler(
            NEW_MESSAGES & ~filters.COMMAND & ~filters.StatusUpdate.ALL, handlers.unsupported
        )
    )
