"""What Telegram tells the bot about chats: a group upgraded to a supergroup (service messages
in the old and the new chat), and the bot's own membership (``my_chat_member``: removed from
a group or added back, blocked or unblocked by a person)."""

from __future__ import annotations

from telegram import ChatMember, ChatMemberRestricted, Update

from bot.services.container import Services
from bot.telegram_types import Context

# Handled before everything else: a service message is nobody's answer or command.
GROUP = -1

WRITABLE = frozenset({ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER})


def can_write(member: ChatMember) -> bool:
    """Whether the bot may post in the chat with this membership."""
    if isinstance(member, ChatMemberRestricted):
        return member.is_member and member.can_send_messages
    return member.status in WRITABLE


class ChatHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def migrated(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None:
            return
        if message.migrate_to_chat_id is not None:  # in the old group
            old, new = message.chat.id, message.migrate_to_chat_id
        elif message.migrate_from_chat_id is not None:  # in the new supergroup
            old, new = message.migrate_from_chat_id, message.chat.id
        else:
            return
        key = f"m:{message.chat.id}:{message.message_id}"
        await self.services.chats.on_moved(key, old, new, self.services.clock.now())

    async def membership(self, update: Update, context: Context) -> None:
        changed = update.my_chat_member
        if changed is None:
            return
        new = changed.new_chat_member
        status = new.status
        key = f"cm:{changed.chat.id}:{int(changed.date.timestamp())}:{status}"
        reason = f"my_chat_member: {status}"
        await self.services.chats.on_member_status(
            key, changed.chat.id, can_write(new), reason, self.services.clock.now()
        )
