"""The one place that wires the application: config, clock, database, handlers, jobs.

Used by ``giaoban run``, by the end-to-end tests and by the offline demo.
"""

from __future__ import annotations

import os
import weakref

from telegram import BotCommand
from telegram.ext import ApplicationBuilder, ExtBot

from bot.clock import Clock
from bot.commands import MENU
from bot.config import AppConfig
from bot.foreground import Foreground
from bot.i18n import LANGUAGES, plain
from bot.services.chats import ChatService
from bot.services.container import Services
from bot.services.exports import ExportService
from bot.services.history import HistoryService
from bot.services.inbox import InboxService
from bot.services.membership import MembershipService
from bot.services.outbox import OutboxService
from bot.services.people import Answered, PeopleService
from bot.services.reporting import ReportingService
from bot.services.weekly import WeeklyService
from bot.telegram_bot import MovingBot
from bot.telegram_types import TelegramApp
from handlers import basic, chats, errors, exports, membership, reporting, weekly
from storage.database import Database

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
    foreground = Foreground()
    weekly_service = WeeklyService(database, config, foreground)
    export_service = ExportService(database, config)
    chat_service = ChatService(database, config)
    answered = Answered()
    services = Services(
        config=config,
        clock=clock,
        db=database,
        people=PeopleService(database, chat_service),
        reporting=ReportingService(database, config, answered),
        membership=MembershipService(database, config),
        weekly=weekly_service,
        exports=export_service,
        history=HistoryService(database, config),
        chats=chat_service,
        answered=answered,
        foreground=foreground,
        inbox=InboxService(database),
        outbox=OutboxService(database, config, chat_service, foreground),
    )
    # What Telegram says about chats, in a group of its own (before all others).
    chats.register(application, services)
    # Order matters within PTB's handler group: commands first, then messages that may be
    # answers, then the explanation for unknown commands.
    basic.register(application, services)
    membership.register(application, services)
    weekly.register(application, services)
    exports.register(application, services)
    reporting.register(application, services)
    reporting.register_answers(application, services)
    basic.register_fallback(application, services)
    errors.register(application, services)
    _SERVICES[application] = services
    return application


async def _register_commands(application: TelegramApp) -> None:
    """The command menu: Vietnamese by default, English for English-language clients."""
    for lang in LANGUAGES:
        commands = [BotCommand(c.name, plain(c.description_key, lang)) for c in MENU]
        language_code = None if lang == "vi" else lang
        await application.bot.set_my_commands(commands, language_code=language_code)
