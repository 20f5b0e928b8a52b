"""What handlers may use, built once per application by ``bot.app.build_application``."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.clock import Clock
from bot.config import AppConfig
from bot.core.language import DEFAULT_LANGUAGE
from bot.foreground import Foreground
from bot.services.chats import ChatService
from bot.services.directions import DirectionService
from bot.services.exports import ExportService
from bot.services.history import HistoryService
from bot.services.inbox import InboxService
from bot.services.membership import MembershipService
from bot.services.outbox import OutboxService
from bot.services.people import Answered, PeopleService
from bot.services.plans import PlanService
from bot.services.reporting import ReportingService
from bot.services.weekly import WeeklyService
from bot.services.words import WeekWords
from storage.database import Database


@dataclass(frozen=True)
class Services:
    config: AppConfig
    clock: Clock
    db: Database
    people: PeopleService
    reporting: ReportingService
    directions: DirectionService
    plans: PlanService
    membership: MembershipService
    weekly: WeeklyService
    exports: ExportService
    history: HistoryService
    chats: ChatService
    answered: Answered
    inbox: InboxService
    outbox: OutboxService
    # Updates whose answer could not reach Telegram (network trouble): polling asks for them
    # again instead of confirming them, and the duplicate path shows where things stand.
    # Updates from people being handled: the week's background work gives way to them.
    foreground: Foreground = field(default_factory=Foreground)
    # Why (bot.polling's UNANSWERED, FAILED), by update id.
    redeliver: dict[int, str] = field(default_factory=dict)

    def language_for_chat(self, chat_id: int) -> str:
        group = self.config.group(chat_id)
        return group.language if group else DEFAULT_LANGUAGE

    def language_for_user(self, user_id: int) -> str:
        """A person's language in private: that of the first group they belong to."""
        for group in self.config.groups:
            members = set(group.secretariat).union(*(o.leaders for o in group.organizations))
            if user_id in members:
                return group.language
        return DEFAULT_LANGUAGE


def build_services(
    config: AppConfig, *, clock: Clock, database: Database, words: WeekWords
) -> Services:
    """Every service, wired once (for the bot, the service tests and the benchmarks)."""
    foreground = Foreground()
    chat_service = ChatService(database, config, words)
    answered = Answered()
    return Services(
        config=config,
        clock=clock,
        db=database,
        people=PeopleService(database, chat_service),
        reporting=ReportingService(database, config, answered, words),
        directions=DirectionService(database, config, words),
        plans=PlanService(database, config, words),
        membership=MembershipService(database, config),
        weekly=WeeklyService(database, config, words, foreground),
        exports=ExportService(database, config),
        history=HistoryService(database, config),
        chats=chat_service,
        answered=answered,
        foreground=foreground,
        inbox=InboxService(database),
        outbox=OutboxService(database, config, chat_service, foreground),
    )
