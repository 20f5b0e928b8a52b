"""The one adapter between Telegram's updates and the services.

Every command and every message that may be an answer goes the same way: read who wrote
what where (``Asked``), run the use case, put its outcome on Telegram (files first, then the
view, replying to the person's message), note what was answered. Every button press goes
the same way too: read its typed data, refuse other people's buttons, run the use case,
answer the press, take the old buttons away, show the view.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import CallbackQuery, InputFile, Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.buttons import Press, unpack
from bot.i18n import plain
from bot.services.container import Services
from bot.services.exports import ExportReady, StartPrivateFirst
from bot.services.outcomes import (
    ButtonRefused,
    ChartReady,
    Delivery,
    Duplicate,
    JoinDecided,
    JoinRequested,
    MemberRemoved,
    Outcome,
    StaleButton,
)
from bot.services.people import Chat, Sender, button_key, message_key
from bot.telegram_types import Context
from bot.views import View, render
from bot.views.documents import file_caption
from handlers.replying import deliver, message_context, send_view
from handlers.weekly import deliver_now

log = logging.getLogger(__name__)

Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class Asked:
    """A person's message, as the services take it."""

    message: Message
    chat: Chat
    sender: Sender
    now: datetime
    argument: str  # what follows a command ("" for other messages)

    @property
    def message_id(self) -> int:
        return self.message.message_id

    @property
    def reply_to(self) -> int | None:
        replied = self.message.reply_to_message
        return replied.message_id if replied is not None else None


@dataclass(frozen=True)
class Pressed:
    """A button press, as the services take it."""

    chat: Chat
    query_id: str
    sender: Sender
    now: datetime


UseCase = Callable[[Asked], Awaitable[Outcome | None]]
Dispatch = Callable[[Pressed, Press], Awaitable[Outcome]]


def command(services: Services, use_case: UseCase) -> Callback:
    """A command, or any message a person sends."""

    async def callback(update: Update, context: Context) -> None:
        if (where := message_context(update)) is None:
            return
        message, chat, sender = where
        asked = Asked(message, chat, sender, services.clock.now(), " ".join(context.args or []))
        outcome = await use_case(asked)
        if outcome is not None:
            await reply(services, context, asked, outcome)
            _send_claimed(services, context, outcome)

    return callback


def answer(services: Services, use_case: UseCase) -> Callback:
    """A message that may answer the bot: in a group only a reply to the bot's own message
    is one (the others are people talking to each other); in private, anything."""

    async def callback(update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or not _answers_the_bot(message, context.bot.id):
            return
        await run(update, context)

    run = command(services, use_case)
    return callback


def edited(services: Services, use_case: UseCase) -> Callback:
    """An edited message (a corrected answer)."""

    async def callback(update: Update, context: Context) -> None:
        message, user = update.edited_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        chat = Chat(message.chat.id, message.chat.type == ChatType.PRIVATE)
        sender = Sender(user.id, user.full_name, user.username)
        asked = Asked(message, chat, sender, services.clock.now(), "")
        outcome = await use_case(asked)
        if outcome is not None:
            await reply(services, context, asked, outcome)

    return callback


async def reply(services: Services, context: Context, asked: Asked, outcome: Outcome) -> None:
    """Put ``outcome`` on Telegram as the answer to ``asked``."""
    left = await _send_files(services, context, asked.chat.id, asked.message_id, outcome)
    if left is None:
        return
    view = render(left, private=asked.chat.private)
    sent = await send_view(
        context.bot, asked.chat.id, view, private=asked.chat.private, reply_to=asked.message_id
    )
    services.answered.add(message_key(asked.chat, asked.message_id))
    if sent:
        services.reporting.prompt_shown(left, sent[-1].message_id)


async def _send_files(
    services: Services, context: Context, chat_id: int, reply_to: int | None, outcome: Outcome
) -> Outcome | None:
    """Outcomes that carry a file: the file goes out; what is left to say, if anything."""
    if isinstance(outcome, ChartReady):
        replying = (
            None
            if reply_to is None
            else ReplyParameters(reply_to, allow_sending_without_reply=True)
        )
        await context.bot.send_photo(
            chat_id,
            outcome.png,
            caption=outcome.caption,
            parse_mode=ParseMode.HTML,
            reply_parameters=replying,
        )
        return None
    if isinstance(outcome, ExportReady):
        file = outcome.file
        try:
            await context.bot.send_document(
                outcome.user_id,
                InputFile(io.BytesIO(file.content), filename=file.name),
                caption=file_caption(file, outcome.language),
            )
        except Forbidden as exc:  # blocked since: say so where it was asked
            await services.chats.on_member_status(
                None, outcome.user_id, False, exc.message, services.clock.now()
            )
            return StartPrivateFirst(outcome.language)
    return outcome


def press(services: Services, dispatch: Dispatch) -> Callback:
    """Every button press: decode it, refuse other people's buttons, run the action, answer
    the press, take the old buttons away, show the result, deliver messages for others."""

    async def callback(update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        if query.message is None or query.data is None:
            # A button of an inline message, or one without data: nothing of ours.
            lang = services.language_for_user(query.from_user.id)
            await _answer(query, plain("report.stale_button", lang))
            return
        chat_id = query.message.chat.id
        chat = Chat(chat_id, query.message.chat.type == ChatType.PRIVATE)
        lang = services.language_for_chat(chat_id)
        data = unpack(query.data)
        if data is None:
            # Garbled, forged, or from a layout the bot no longer uses: a short notice.
            await _answer(query, plain("report.stale_button", lang))
            return
        if data.owner_id is not None and data.owner_id != query.from_user.id:
            # Someone else's button: a short notice, and nothing changes.
            await _answer(query, plain("report.wrong_person", lang))
            return
        presser = query.from_user
        sender = Sender(presser.id, presser.full_name, presser.username)
        pressed = Pressed(chat, query.id, sender, services.clock.now())
        outcome = await dispatch(pressed, data)
        # A press may finish what makes a file (the Word report's last heading skipped).
        outcome = await _send_files(services, context, chat.id, None, outcome) or outcome
        await _show_press(services, context, query, chat, data, outcome)
        await deliver(context.bot, _deliveries(outcome), _render, _refused(services))
        _send_claimed(services, context, outcome)

    return callback


def _send_claimed(services: Services, context: Context, outcome: Outcome) -> None:
    """An outcome that claimed messages in the ledger (``outbox``: a direction given, a
    notice about it) has them delivered now, beside the updates, not at the next tick."""
    if getattr(outcome, "outbox", False) is True:
        context.application.create_task(deliver_now(context.bot, services))


async def _show_press(
    services: Services,
    context: Context,
    query: CallbackQuery,
    chat: Chat,
    data: Press,
    outcome: Outcome,
) -> None:
    view = render(outcome, private=chat.private)
    await _answer(query, view.notice)
    if isinstance(outcome, Duplicate | StaleButton | ButtonRefused) or not view.text:
        services.answered.add(button_key(query.id))
        return
    message = query.message
    closes = not data.stays and view.closes_choice
    if closes and isinstance(message, Message) and message.reply_markup:
        await _close_choice(context, message)
    sent = await send_view(context.bot, chat.id, view, private=chat.private)
    services.answered.add(button_key(query.id))
    if sent:
        services.reporting.prompt_shown(outcome, sent[-1].message_id)


async def _close_choice(context: Context, message: Message) -> None:
    """The choice is made: old buttons go, so they cannot be pressed twice. A message the bot
    can no longer edit (too old, already changed) keeps them; the answer matters."""
    try:
        await context.bot.edit_message_reply_markup(
            message.chat.id, message.message_id, reply_markup=None
        )
    except TelegramError as exc:  # cosmetic: the buttons stay, the answer matters
        log.info(
            "Không gỡ được nút của tin %s/%s: %s", message.chat.id, message.message_id, exc.message
        )


async def _answer(query: CallbackQuery, notice: str | None) -> None:
    """Stop the client's spinner. A press Telegram no longer lets the bot answer (it came back
    after a restart, past the time allowed) is still acted on; only the notice is lost."""
    try:
        await query.answer(notice)
    except BadRequest as exc:
        log.info("Không trả lời được lần bấm nút %s: %s", query.id, exc.message)


def _deliveries(outcome: Outcome) -> tuple[Delivery, ...]:
    """Messages for other chats than the one the press came from (the secretariat told of a
    request to join, the person told of the decision)."""
    if isinstance(outcome, JoinRequested | JoinDecided | MemberRemoved):
        return outcome.deliveries
    return ()


def _render(outcome: Outcome, private: bool) -> View:
    return render(outcome, private=private)


def _refused(services: Services) -> Callable[[int, str], Awaitable[None]]:
    async def refused(chat_id: int, reason: str) -> None:
        await services.chats.on_member_status(None, chat_id, False, reason, services.clock.now())

    return refused


def _answers_the_bot(message: Message, bot_id: int) -> bool:
    if message.chat.type == ChatType.PRIVATE:
        return True
    original = message.reply_to_message
    return (
        original is not None and original.from_user is not None and original.from_user.id == bot_id
    )
