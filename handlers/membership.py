"""Membership handlers: /join, the secretariat's Approve / Reject, /roster, /remove."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import callbacks
from bot.commands import JOIN, REMOVE, ROSTER
from bot.membership_views import render_membership
from bot.services.container import Services
from bot.services.outcomes import (
    Delivery,
    JoinDecided,
    JoinRequested,
    MemberRemoved,
    Outcome,
    StaleButton,
)
from bot.services.people import Chat, Sender
from bot.telegram_types import Context, TelegramApp
from bot.views import View
from handlers.buttons import on_button
from handlers.replying import deliver, message_context, send_view

NEW_MESSAGES = ~filters.UpdateType.EDITED
BUTTONS = rf"^[{callbacks.JOIN}{callbacks.APPROVE}{callbacks.REJECT}{callbacks.REMOVE}]:"


def _view(outcome: Outcome, private: bool) -> View:
    return render_membership(outcome, private=private)


def _deliveries(outcome: Outcome | None) -> tuple[Delivery, ...]:
    if isinstance(outcome, JoinRequested | JoinDecided | MemberRemoved):
        return outcome.deliveries
    return ()


class MembershipHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.membership = services.membership

    async def _reply(
        self, context: Context, message: Message, chat: Chat, outcome: Outcome
    ) -> None:
        await send_view(
            context.bot, chat.id, _view(outcome, chat.private), private=chat.private,
            reply_to=message.message_id,
        )  # fmt: skip

    async def _refused(self, chat_id: int, reason: str) -> None:
        now = self.services.clock.now()
        await self.services.chats.on_member_status(None, chat_id, False, reason, now)

    async def join(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        now = self.services.clock.now()
        outcome = await self.membership.ask_to_join(chat, message.message_id, sender, now)
        await self._reply(context, message, chat, outcome)

    async def roster(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        now = self.services.clock.now()
        outcome = await self.membership.roster(chat, message.message_id, sender, now)
        await self._reply(context, message, chat, outcome)

    async def remove(self, update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        now = self.services.clock.now()
        outcome = await self.membership.ask_removal(chat, message.message_id, sender, now)
        await self._reply(context, message, chat, outcome)

    async def button(self, update: Update, context: Context) -> None:
        outcome = await on_button(update, context, self.services, self.dispatch, _view)
        await deliver(context.bot, _deliveries(outcome), _view, self._refused)

    async def dispatch(
        self, chat: Chat, query_id: str, sender: Sender, data: callbacks.Callback
    ) -> Outcome:
        now = self.services.clock.now()
        service = self.membership
        match data.action:
            case callbacks.JOIN:
                return await service.request(chat, query_id, sender, data.int_arg(0), now)
            case callbacks.APPROVE | callbacks.REJECT:
                approve = data.action == callbacks.APPROVE
                return await service.decide(chat, query_id, sender, data.int_arg(0), approve, now)
            case callbacks.REMOVE:
                return await service.remove(chat, query_id, sender, data.int_arg(0), now)
        return StaleButton(self.services.language_for_chat(chat.id))


def register(application: TelegramApp, services: Services) -> None:
    """Register before the reporting handlers: their button handler takes every other press."""
    handlers = MembershipHandlers(services)
    for command, callback in (
        (JOIN, handlers.join),
        (ROSTER, handlers.roster),
        (REMOVE, handlers.remove),
    ):
        application.add_handler(CommandHandler(command.names, callback, filters=NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(handlers.button, pattern=BUTTONS))
