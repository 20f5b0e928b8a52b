"""The state every part of the local server shares: the world (people and chats), the messages
in it, the queue of updates for the bot, what the bot sent, and the one event that wakes
whoever waits on a change. ``ServerState`` is the base of every part of ``LocalBotApi``."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.local_api.model import (
    JSON,
    ApiCall,
    BotMessage,
    Chat,
    Fault,
    SendingLimits,
    User,
)


class ServerState:
    """The server and the world behind it: users, chats, updates, what the bot sent."""

    def __init__(
        self,
        token: str = "123456789:LOCAL-TEST-TOKEN",
        *,
        bot_id: int = 123456789,
        bot_username: str = "GiaoBanBot",
        bot_name: str = "Giao Ban",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token = token
        self.bot = User(bot_id, bot_name, username=bot_username, is_bot=True, language_code=None)
        self._clock = clock
        self.chats: dict[int, Chat] = {}
        self.users: dict[int, User] = {}
        self.sent: list[BotMessage] = []
        self.calls: list[ApiCall] = []
        self.callback_answers: list[JSON] = []
        self.reactions: list[tuple[int, int, str]] = []  # (chat id, message id, emoji)
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.faults: list[Fault] = []
        self._updates: list[JSON] = []  # not yet confirmed by an offset
        self._update_ids = itertools.count(1)
        self._confirmed_below = 1  # every update with a smaller id has been confirmed
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._messages: dict[tuple[int, int], JSON] = {}  # every message, for replies
        self._callbacks: dict[str, JSON] = {}
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        # What people uploaded, by file id: getFile and the file download serve it.
        self.uploads: dict[str, tuple[str, bytes]] = {}  # file id -> (name, content)
        self.file_paths: dict[str, str] = {}  # a path getFile gave -> its file id
        self.limits: SendingLimits | None = None  # None: any pace is accepted
        self._sends: deque[tuple[float, int]] = deque()  # (when, chat id) of the last minute
        self._unread: dict[int, deque[BotMessage]] = defaultdict(deque)
        self.delivered_log: list[JSON] = []  # every update ever queued, for redelivery
        # Called as a request arrives ("arrived"), once it is done but not yet answered
        # ("done") or refused ("refused"), with the client's port: the crash test kills the
        # bot at such moments.
        self.on_call: Callable[[str, JSON, str, int], None] | None = None
        self._changed = asyncio.Event()
        self._poller: asyncio.Future[None] | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- the world --------------------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
    ) -> User:
        user = User(user_id, first_name, last_name, username)
        self.users[user_id] = user
        return user

    def private_chat(self, user: User, *, started: bool = False) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(user.id, "private", user=user, started=started)
            self.chats[user.id] = chat
        return chat

    def group(
        self, chat_id: int, title: str, *, supergroup: bool = False, forum: bool = False
    ) -> Chat:
        chat = Chat(chat_id, "supergroup" if supergroup else "group", title, is_forum=forum)
        self.chats[chat_id] = chat
        return chat

    # --- messages people send ---------------------------------------------------------------

    def _new_message(self, chat: Chat, user: User, **content: Any) -> JSON:
        message: JSON = {
            "message_id": next(self._message_ids[chat.id]),
            "from": user.to_api(),
            "chat": chat.to_api(),
            "date": int(self._clock()),
            **content,
        }
        self._messages[(chat.id, message["message_id"])] = message
        if chat.type == "private":
            chat.started = True
        return message

    def _reply_to(self, chat: Chat, reply_to: BotMessage | int | None) -> JSON:
        if reply_to is None:
            return {}
        message_id = reply_to.message_id if isinstance(reply_to, BotMessage) else reply_to
        original = self._messages.get((chat.id, message_id))
        if original is None:
            raise LookupError(f"no message {message_id} in chat {chat.id}")
        return {"reply_to_message": {k: v for k, v in original.items() if k != "reply_to_message"}}

    # --- the update queue and waking waiters ------------------------------------------------

    def _push(self, update: JSON) -> int:
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self.delivered_log.append(update)
        self._notify()
        return int(update["update_id"])

    def _notify(self) -> None:
        # Wake every waiter; each re-checks its own condition (see _wait_until).
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, condition: Callable[[], bool]) -> None:
        while not condition():
            await self._changed.wait()
