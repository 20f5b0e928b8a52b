"""What Telegram does to chats, as the bot sees it: a group upgraded to a supergroup (a new
id, the old one refused), the bot removed from or added back to a group, a person who
blocks or unblocks the bot, and an update too new for the library to read. The shapes of
these updates and refusals are in ``chat_events``."""

from __future__ import annotations

from bot.local_api.chat_events import GROUP_ANONYMOUS_BOT, chat_member_updated, unreadable_boost
from bot.local_api.model import Chat, User
from bot.local_api.state import ServerState


class ChatChanges(ServerState):
    def migrate(self, group: Chat, new_id: int, by: User, *, announce: bool = True) -> Chat:
        """Telegram upgrades a group to a supergroup with a new id. The old id is refused from
        then on with 400 and ``parameters.migrate_to_chat_id``; with ``announce`` the bot gets
        the service messages, ``migrate_to_chat_id`` in the old chat, then
        ``migrate_from_chat_id`` in the new one (sent on behalf of the supergroup)."""
        supergroup = Chat(
            new_id, "supergroup", group.title, is_forum=group.is_forum, bot_status=group.bot_status
        )
        self.chats[new_id] = supergroup
        group.migrated_to = new_id
        if announce:
            old_message = self._new_message(group, by, migrate_to_chat_id=new_id)
            self._push({"message": old_message})
            new_message = self._new_message(
                supergroup, by, migrate_from_chat_id=group.id, sender_chat=supergroup.to_api()
            )
            new_message["from"] = dict(GROUP_ANONYMOUS_BOT)
            self._push({"message": new_message})
        return supergroup

    def remove_bot(self, chat: Chat, by: User, *, announce: bool = True) -> None:
        """An administrator removes the bot from a group (banned in a supergroup: "kicked";
        in a basic group: "left"). Messages to it are then refused with 403."""
        old = chat.bot_status
        chat.bot_status = "kicked" if chat.type == "supergroup" else "left"
        if announce:
            self._member_update(chat, by, old, chat.bot_status)

    def add_bot(self, chat: Chat, by: User, *, announce: bool = True) -> None:
        """The bot is added back to a group."""
        old, chat.bot_status = chat.bot_status, "member"
        if announce:
            self._member_update(chat, by, old, "member")

    def block(self, user: User, *, announce: bool = True) -> None:
        """The person blocks the bot: its messages to them get 403 from then on."""
        chat = self.private_chat(user)
        chat.blocked = True
        if announce:
            self._member_update(chat, user, "member", "kicked")

    def unblock(self, user: User) -> None:
        """The person unblocks the bot (Telegram's clients restart it: the bot may write)."""
        chat = self.private_chat(user)
        chat.blocked, chat.started = False, True
        self._member_update(chat, user, "kicked", "member")

    def push_unreadable(self, chat: Chat) -> int:
        """An update python-telegram-bot cannot read (a boost source newer than it knows)."""
        return self._push({"chat_boost": unreadable_boost(chat.to_api(), int(self._clock()))})

    def _member_update(self, chat: Chat, by: User, old: str, new: str) -> int:
        body = chat_member_updated(
            chat.to_api(), by.to_api(), int(self._clock()), self.bot.to_api(), old, new
        )
        return self._push({"my_chat_member": body})
