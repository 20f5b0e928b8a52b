"""The one place that wires the application: config, clock, database, handlers, jobs.

Used by ``giaoban run``, by the end-to-end tests and by the offline demo.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from functools import partial

from telegram import BotCommand, Update
from telegram.ext import (
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ExtBot,
    MessageHandler,
    filters,
)

from bot.clock import Clock
from bot.commands import (
    CANCEL,
    CHART,
    DIRECTIVE,
    EXPORT,
    HELP,
    HISTORY,
    JOIN,
    MENU,
    PLAN,
    REMOVE,
    REPORT,
    ROSTER,
    SITUATION,
    SKIP,
    START,
    STATUS,
    SUMMARY,
    TASKS,
    Command,
)
from bot.config import AppConfig
from bot.i18n import LANGUAGES, plain
from bot.services.container import Services, build_services
from bot.telegram_bot import MovingBot
from bot.telegram_types import Context, TelegramApp
from bot.views.weekly import WeekTexts
from handlers import basic, chats, directions, errors, presses, reporting, weekly
from handlers.adapter import UseCase, answer, command, edited, press
from storage.database import Database

EARLY = -1  # before every other handler
# An edited "/start" is a correction of an old message, not a new command.
NEW_MESSAGES = ~filters.UpdateType.EDITED
EDITED_TEXT = filters.UpdateType.EDITED_MESSAGE & filters.TEXT
ANONYMOUS = filters.SenderChat.ALL & NEW_MESSAGES & ~filters.StatusUpdate.ALL

_SERVICES: weakref.WeakKeyDictionary[TelegramApp, Services] = weakref.WeakKeyDictionary()


def services_of(application: TelegramApp) -> Services:
    """The services an application was built with (for jobs, the CLI and tests)."""
    return _SERVICES[application]


def build_application(
    config: AppConfig, *, token: str, clock: Clock, database: Database
) -> TelegramApp:
    # Opt in now to PTB's coming behaviour: durations such as RetryAfter.retry_after are
    # timedeltas, so our code handles one type and PTB emits no deprecation warnings.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    bot: ExtBot[int] = MovingBot(config, token)
    application: TelegramApp = ApplicationBuilder().bot(bot).post_init(_register_commands).build()
    services = build_services(config, clock=clock, database=database, words=WeekTexts())
    for handler, group in routes(services):
        application.add_handler(handler, group=group)
    application.add_error_handler(errors.ErrorHandler(services).on_error)
    weekly.schedule(application, services)
    _SERVICES[application] = services
    return application


def routes(s: Services) -> list[tuple[BaseHandler[Update, Context, None], int]]:
    """Every handler, in the order PTB tries them: within a group the first that matches
    takes the update. Group -1 runs before all others: what Telegram says about chats, and
    anonymous senders (every later handler takes a message only from a person)."""
    basics, chat_events = basic.BasicHandlers(s), chats.ChatHandlers(s)
    r, m, w = s.reporting, s.membership, s.weekly

    def cmd(names: Command, use: UseCase) -> CommandHandler[Context, None]:
        return CommandHandler(names.names, command(s, use), filters=NEW_MESSAGES)

    return [
        (MessageHandler(filters.StatusUpdate.MIGRATE, chat_events.migrated), EARLY),
        (ChatMemberHandler(chat_events.membership, ChatMemberHandler.MY_CHAT_MEMBER), EARLY),
        (MessageHandler(ANONYMOUS, basics.anonymous), EARLY),
        (CommandHandler(START.names, basics.start, filters=NEW_MESSAGES), 0),
        (CommandHandler(HELP.names, basics.help, filters=NEW_MESSAGES), 0),
        (cmd(REPORT, reporting.start(s)), 0),
        (cmd(STATUS, lambda a: r.status(a.chat, a.message_id, a.sender, a.now)), 0),
        (cmd(CANCEL, reporting.cancel(s)), 0),
        (cmd(DIRECTIVE, directions.command(s)), 0),
        (cmd(PLAN, lambda a: s.plans.command(a.chat, a.message_id, a.sender, a.now)), 0),
        (
            cmd(
                SITUATION,
                lambda a: s.plans.situation(a.chat, a.message_id, a.sender, a.argument, a.now),
            ),
            0,
        ),
        (cmd(TASKS, lambda a: s.plans.tasks(a.chat, a.message_id, a.sender, a.now)), 0),
        (cmd(JOIN, lambda a: m.ask_to_join(a.chat, a.message_id, a.sender, a.now)), 0),
        (cmd(ROSTER, lambda a: m.roster(a.chat, a.message_id, a.sender, a.now)), 0),
        (cmd(REMOVE, lambda a: m.ask_removal(a.chat, a.message_id, a.sender, a.now)), 0),
        (cmd(SUMMARY, lambda a: w.summary(a.chat, a.message_id, a.sender, a.argument, a.now)), 0),
        (cmd(CHART, lambda a: w.chart(a.chat, a.message_id, a.sender, a.argument, a.now)), 0),
        (cmd(SKIP, lambda a: w.skip_menu(a.chat, a.message_id, a.sender, a.now)), 0),
        (
            cmd(
                HISTORY,
                lambda a: s.history.history(a.chat, a.message_id, a.sender, a.argument, a.now),
            ),
            0,
        ),
        (
            cmd(
                EXPORT,
                lambda a: s.exports.export(a.chat, a.message_id, a.sender, a.argument, a.now),
            ),
            0,
        ),
        (CallbackQueryHandler(press(s, partial(presses.dispatch, s))), 0),
        # Messages that may be answers, after every command.
        (MessageHandler(EDITED_TEXT, edited(s, reporting.edit(s))), 0),
        (
            MessageHandler(
                NEW_MESSAGES & filters.TEXT & ~filters.COMMAND, answer(s, reporting.text(s))
            ),
            0,
        ),
        (
            MessageHandler(
                NEW_MESSAGES & reporting.ATTACHMENTS, answer(s, reporting.attachment(s))
            ),
            0,
        ),
        # Stickers and the like: the question is asked again; nothing is stored.
        (
            MessageHandler(
                NEW_MESSAGES & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
                answer(s, lambda a: r.receive_unsupported(a.chat, a.message_id, a.sender, a.now)),
            ),
            0,
        ),
        # Last: commands no other handler took.
        (MessageHandler(filters.COMMAND & NEW_MESSAGES, basics.unknown_command), 0),
    ]


async def _register_commands(application: TelegramApp) -> None:
    """The command menu: Vietnamese by default, English for English-language clients."""
    # Both languages at once: one round trip before polling starts, not two.
    await asyncio.gather(
        *(
            application.bot.set_my_commands(
                [BotCommand(c.name, plain(c.description_key, lang)) for c in MENU],
                language_code=None if lang == "vi" else lang,
            )
            for lang in LANGUAGES
        )
    )
