"""What Telegram does to chats: a group upgraded to a supergroup (a new chat id), the bot
removed from a group or added back, a person blocking the bot or coming back.

A moved group carries on under its new id with everything it had: the row keeps its history,
pending messages and conversations are re-addressed, and the old id still names it (updates
sent before the move, a config that was not edited). A chat the bot cannot write to is marked
unreachable: nothing is sent to it in a loop, the tick claims nothing for it, and when the bot
is back, what it missed and still makes sense is sent by the rules that apply after a restart.
The secretariat is told of each change once: the notices are claimed in the ledger.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from bot.core.periods import PeriodKey
from bot.core.schedule import EventKind, still_due
from bot.services.people import reachable_privately, secretariat_of
from bot.services.periods import ensure_period
from bot.services.week_overview import DIGEST_CHART, LATE, OVERDUE_LIST
from bot.services.words import WeekWords
from storage.database import Database
from storage.models import DeliveryState, Group, Period, SentMessage
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

# Ledger kinds of the notices to the secretariat (one per member and event).
CHAT_MOVED = "chat_moved"
BOT_REMOVED = "bot_removed"
BOT_BACK = "bot_back"

# Messages that follow a scheduled event make sense as long as it does.
_FOLLOWS = {
    DIGEST_CHART: EventKind.DIGEST,
    LATE: EventKind.DIGEST,
    OVERDUE_LIST: EventKind.DEADLINE,
}
_EXPIRED = "hết hạn trong khi bot không nhắn được vào đây (expired while unreachable)"


@dataclass(frozen=True)
class Unreachable:
    """Why a chat cannot be written to, as Telegram said it."""

    chat_id: int
    reason: str


def unreachable_reason(description: str) -> str | None:
    """Whether Telegram's refusal means the bot cannot write to the chat at all (removed,
    blocked, chat deleted) as opposed to refusing this one request; the reason if so."""
    text = description.lower()
    # Not "not enough rights to send photos": a group's permissions refuse that kind of
    # message, and the message fails alone (a restricted bot gets my_chat_member anyway).
    words = (
        "blocked by the user",
        "kicked from",
        "not a member",
        "chat was deleted",
        "user is deactivated",
        "chat not found",
        "can't initiate conversation",
    )
    return description if any(w in text for w in words) else None


class ChatService:
    def __init__(self, db: Database, config: AppConfig, words: WeekWords) -> None:
        self._db = db
        self._config = config
        self._words = words

    # --- events, each its own unit of work ---------------------------------------------------

    async def on_moved(self, handled_key: str | None, old: int, new: int, now: datetime) -> None:
        """A service message says the group moved (``migrate_to_chat_id`` in the old chat,
        ``migrate_from_chat_id`` in the new one), or a reply to the old id was refused."""
        async with self._db.unit_of_work() as uow:
            if handled_key is not None and not await uow.handled.mark(handled_key, now):
                return
            await self.moved(uow, old, new, now)
            await uow.commit()

    async def on_member_status(
        self, handled_key: str | None, chat_id: int, can_write: bool, reason: str, now: datetime
    ) -> None:
        """The bot's own membership of a chat changed (``my_chat_member``), or Telegram
        refused a message because the bot is not in the chat or is blocked."""
        async with self._db.unit_of_work() as uow:
            if handled_key is not None and not await uow.handled.mark(handled_key, now):
                return
            if can_write:
                if chat_id > 0:  # a person unblocked the bot: as good as pressing Start
                    person = await uow.people.by_user_id(chat_id)
                    if person is not None and person.private_chat_started_at is None:
                        person.private_chat_started_at = now
                await self.reachable(uow, chat_id, now)
            else:
                await self.unreachable(uow, chat_id, reason, now)
            await uow.commit()

    # --- a group upgraded to a supergroup ---------------------------------------------------

    async def moved(self, uow: UnitOfWork, old: int, new: int, now: datetime) -> bool:
        """Telegram moved chat ``old`` to ``new`` (from the service messages in either chat,
        or the error a send to the old id gets). True if this call applied it."""
        if old == new or old > 0 or new > 0:
            return False  # only groups move; a person's chat is the person
        group = await uow.groups.by_chat_id(old) or await uow.groups.by_chat_id(new)
        if group is None:
            return False  # not a group of ours: nothing to carry over
        await uow.chats.record_move(old, new, now)
        self._config.moves.record(old, new)
        if group.chat_id == new:
            return False  # already applied (the other service message, a redelivery)
        await uow.chats.readdress(old, new)
        group.chat_id = new
        log.warning("Nhóm %s (%s) đã chuyển sang mã mới %s", group.name, old, new)
        config = self._config.group(new)
        if config is not None:
            text = self._words.chat_moved(config.name, config.language, new)
            await self._tell_secretariat(
                uow, group, config, CHAT_MOVED, str(old), text, now, or_group=True
            )
        return True

    # --- the bot removed, blocked, added back ------------------------------------------------

    async def unreachable(self, uow: UnitOfWork, chat_id: int, reason: str, now: datetime) -> bool:
        """The bot cannot write to ``chat_id`` any more. True if this is news."""
        group = await uow.groups.by_chat_id(chat_id) if chat_id < 0 else None
        if group is not None and group.chat_id != chat_id:
            return False  # news of the chat the group moved from: not of the group now
        if not await uow.chats.mark_unreachable(chat_id, reason, now):
            return False
        if group is None:
            log.info("Không nhắn được cho %s nữa: %s", chat_id, reason)
            if "can't initiate" in reason.lower():  # never pressed Start, after all
                person = await uow.people.by_user_id(chat_id)
                if person is not None:
                    person.private_chat_started_at = None
            return True
        log.warning("Bot không gửi được vào nhóm %s (%s): %s", group.name, chat_id, reason)
        await self._tell_of_change(uow, group, BOT_REMOVED, self._words.chat_removed, now)
        return True

    async def reachable(self, uow: UnitOfWork, chat_id: int, now: datetime) -> bool:
        """The bot can write to ``chat_id`` again (added back, unblocked). What waited for it
        and no longer makes sense is dropped; the rest goes out with the next delivery, and
        the next tick claims what is due now. True if this is news."""
        group = await uow.groups.by_chat_id(chat_id) if chat_id < 0 else None
        if group is not None and group.chat_id != chat_id:
            return False  # news of the chat the group moved from: not of the group now
        if not await uow.chats.mark_reachable(chat_id):
            return False
        for entry, period in await uow.ledger.pending_for(chat_id):
            if not await self._still_makes_sense(uow, entry, period, now):
                entry.state, entry.last_error = DeliveryState.FAILED, _EXPIRED
        if group is None:
            return True
        log.warning("Bot đã trở lại nhóm %s (%s)", group.name, chat_id)
        await self._tell_of_change(uow, group, BOT_BACK, self._words.chat_back, now)
        return True

    # --- internals -------------------------------------------------------------------------

    async def _still_makes_sense(
        self, uow: UnitOfWork, entry: SentMessage, period: Period, now: datetime
    ) -> bool:
        kind = _FOLLOWS.get(entry.kind) or next((k for k in EventKind if k == entry.kind), None)
        if kind is None:
            return True  # a notice, not tied to the week's schedule
        group = await uow.groups.by_id(period.group_id)
        config = self._config.group(group.chat_id) if group is not None else None
        if group is None or config is None:
            return False
        slot = entry.slot if kind is EventKind.OVERDUE and entry.kind == kind else ""
        return still_due(
            config.schedule,
            config.timezone,
            now,
            kind,
            PeriodKey.parse(period.key),
            slot,
            tracking_since=group.created_at,
        )

    async def _tell_of_change(
        self,
        uow: UnitOfWork,
        group: Group,
        kind: str,
        words: Callable[[str, str], str],
        now: datetime,
    ) -> None:
        """Tell a group's secretariat in private that the bot left it or is back (nobody in
        the group could read it)."""
        config = self._config.group(group.chat_id)
        if config is not None:
            slot = f"{int(now.timestamp())}"  # once per change: marking is insert-if-absent
            await self._tell_secretariat(
                uow,
                group,
                config,
                kind,
                slot,
                words(config.name, config.language),
                now,
                or_group=False,
            )

    async def _tell_secretariat(
        self,
        uow: UnitOfWork,
        group: Group,
        config: GroupConfig,
        kind: str,
        event: str,
        text: str,
        now: datetime,
        *,
        or_group: bool,
    ) -> None:
        """Claim a notice to each secretariat member who can be written to in private, once
        per event; to the group itself when none can and the group can be written to."""
        period = await ensure_period(uow, group, config, PeriodKey.at(now, config.timezone))
        members = await reachable_privately(uow, await secretariat_of(uow, group))
        targets = [(p.user_id, f"{event}:{p.user_id}") for p in members]
        if not targets and or_group:
            targets = [(group.chat_id, event)]
        for chat_id, slot in targets:
            await uow.ledger.claim(
                SentMessage(
                    period_id=period.id,
                    kind=kind,
                    slot=slot[:32],
                    state=DeliveryState.PENDING,
                    chat_id=chat_id,
                    text=text,
                    created_at=now,
                )
            )
