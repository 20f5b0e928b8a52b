"""A local Telegram Bot API server on 127.0.0.1 (aiohttp).

It speaks enough of the Bot API for python-telegram-bot to run unchanged against it through
``base_url``; it refuses what Telegram refuses (too long, bad HTML, unknown chat, a private
chat whose user never pressed Start) with Telegram's error shape; it can be told to answer
429 or to fail. Tests and the offline demo use it to inject what people do (messages,
commands, replies, edits, button presses) and to read what the bot sent.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import struct
import time
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.local_api.chat_events import (
    GROUP_ANONYMOUS_BOT,
    chat_member_updated,
    chat_refusal,
    unreadable_boost,
)
from bot.local_api.telegram_html import (
    MAX_CAPTION_LENGTH,
    MAX_MESSAGE_LENGTH,
    EntityParseError,
    parse_html,
    utf16_length,
)

JSON = dict[str, Any]

# Parameters PTB sends JSON-encoded; everything else arrives as a plain string.
_JSON_PARAMS = frozenset(
    {
        "reply_markup", "reply_parameters", "entities", "caption_entities", "commands", "scope",
        "link_preview_options", "allowed_updates", "reaction",
    }
)  # fmt: skip
_INT_PARAMS = frozenset(
    {"offset", "limit", "timeout", "message_id", "message_thread_id", "reply_to_message_id"}
)
_BOOL_PARAMS = frozenset(
    {"disable_notification", "protect_content", "show_alert", "drop_pending_updates"}
)
MAX_CALLBACK_DATA_BYTES = 64


class ApiError(Exception):
    """Telegram's error answer; ``parameters`` is its ResponseParameters (``retry_after``
    with 429, ``migrate_to_chat_id`` when a group was upgraded to a supergroup)."""

    def __init__(
        self, code: int, description: str, retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        parameters: JSON = {}
        if self.retry_after is not None:
            parameters["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        if parameters:
            body["parameters"] = parameters
        return body


@dataclass
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "vi"
    is_bot: bool = False

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass
class Chat:
    id: int
    type: str  # "private", "group" or "supergroup"
    title: str | None = None
    user: User | None = None  # the other side of a private chat
    is_forum: bool = False
    # A bot can write in private only after the user pressed Start (sent anything to it).
    started: bool = False
    blocked: bool = False  # a private chat whose user blocked the bot
    bot_status: str = "member"  # the bot in a group: "member", "administrator", "left", "kicked"
    migrated_to: int | None = None  # a group upgraded to a supergroup: its new id

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        if self.type == "private" and self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
        else:
            data["title"] = self.title or ""
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class BotMessage:
    """Something the bot sent, as the server recorded it (after any edits)."""

    chat_id: int
    message_id: int
    date: int
    kind: str  # "text", "document" or "photo"
    text: str | None = None  # as sent, with its HTML
    plain_text: str | None = None  # what a person sees
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    reply_to_message_id: int | None = None
    message_thread_id: int | None = None
    caption: str | None = None
    file_name: str | None = None
    file_size: int = 0
    file_content: bytes | None = None
    edits: list[str] = field(default_factory=list)  # earlier texts, oldest first

    @property
    def force_reply(self) -> bool:
        return bool(self.reply_markup and self.reply_markup.get("force_reply"))

    @property
    def selective(self) -> bool:
        return bool(self.reply_markup and self.reply_markup.get("selective"))

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]

    def button(self, label_part: str) -> str:
        """The callback data of the one button whose label contains ``label_part``."""
        found = [data for label, data in self.buttons() if label_part in label]
        if len(found) != 1:
            raise LookupError(f"{len(found)} buttons match {label_part!r}: {self.buttons()}")
        return found[0]


@dataclass
class ApiCall:
    method: str
    params: JSON
    status: int
    arrived: float = 0.0  # time.monotonic() when the request came in (for rate limits)


@dataclass(frozen=True)
class SendingLimits:
    """Telegram's limits on a bot's messages, enforced when set on the server."""

    per_second: int = 30
    per_group_per_minute: int = 20
    per_chat_per_second: int = 1


SENDING_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument"})


@dataclass
class Fault:
    """Answer the next ``times`` calls of ``method`` (any method if None) with an error."""

    method: str | None
    error_code: int
    description: str
    retry_after: int | None = None
    times: int = 1
    drop: bool = False  # close the connection without an answer, as a network failure would
    delay: float = 0.0  # answer (normally) only after this many seconds, as when overloaded


class LocalBotApi:
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

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host, self.port = host, int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._poller is not None and not self._poller.done():
            self._poller.set_result(None)  # let a pending long poll answer at once
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What goes into ``[telegram] api_base_url`` (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

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

    # --- what people do -------------------------------------------------------------------

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

    def send(
        self,
        chat: Chat,
        user: User,
        text: str,
        *,
        reply_to: BotMessage | int | None = None,
        thread_id: int | None = None,
    ) -> int:
        """A person sends text; a leading /command gets its bot_command entity."""
        content: JSON = {"text": text, **self._reply_to(chat, reply_to)}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        if thread_id is not None:
            content["message_thread_id"] = thread_id
            content["is_topic_message"] = True
        message = self._new_message(chat, user, **content)
        self._push({"message": message})
        return int(message["message_id"])

    def send_sticker(
        self, chat: Chat, user: User, *, reply_to: BotMessage | int | None = None
    ) -> int:
        sticker = {
            "file_id": f"sticker-{next(self._file_ids)}",
            "file_unique_id": f"u-sticker-{next(self._file_ids)}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        message = self._new_message(chat, user, sticker=sticker, **self._reply_to(chat, reply_to))
        self._push({"message": message})
        return int(message["message_id"])

    def send_photo(
        self,
        chat: Chat,
        user: User,
        *,
        caption: str | None = None,
        reply_to: BotMessage | int | None = None,
    ) -> tuple[int, str]:
        """A person sends a photo; returns (message id, file id)."""
        file_id = f"photo-{next(self._file_ids)}"
        content: JSON = {
            "photo": [{"file_id": file_id, "file_unique_id": f"u-{file_id}", "width": 1280,
                       "height": 960, "file_size": 123456}],
            **self._reply_to(chat, reply_to),
        }  # fmt: skip
        if caption is not None:
            content["caption"] = caption
        message = self._new_message(chat, user, **content)
        self._push({"message": message})
        return int(message["message_id"]), file_id

    def send_document(
        self,
        chat: Chat,
        user: User,
        file_name: str,
        *,
        caption: str | None = None,
        reply_to: BotMessage | int | None = None,
    ) -> tuple[int, str]:
        file_id = f"document-{next(self._file_ids)}"
        content: JSON = {
            "document": {"file_id": file_id, "file_unique_id": f"u-{file_id}",
                         "file_name": file_name, "mime_type": "application/pdf"},
            **self._reply_to(chat, reply_to),
        }  # fmt: skip
        if caption is not None:
            content["caption"] = caption
        message = self._new_message(chat, user, **content)
        self._push({"message": message})
        return int(message["message_id"]), file_id

    def edit(self, chat: Chat, user: User, message_id: int, text: str) -> None:
        """A person edits a message they sent earlier."""
        original = self._messages.get((chat.id, message_id))
        if original is None or original["from"]["id"] != user.id:
            raise LookupError(f"{user.id} sent no message {message_id} in chat {chat.id}")
        edited = {**original, "text": text, "edit_date": int(self._clock())}
        self._messages[(chat.id, message_id)] = edited
        self._push({"edited_message": edited})

    def press(self, message: BotMessage, user: User, data: str) -> str:
        """A person presses an inline button of a bot message; returns the query id."""
        query_id = str(next(self._callback_ids))
        query: JSON = {
            "id": query_id,
            "from": user.to_api(),
            "message": self._messages[(message.chat_id, message.message_id)],
            "chat_instance": f"instance-{message.chat_id}",
            "data": data,
        }
        self._callbacks[query_id] = query
        self._push({"callback_query": query})
        return query_id

    # --- what Telegram does to chats ---------------------------------------------------------

    def migrate(self, group: Chat, new_id: int, by: User, *, announce: bool = True) -> Chat:
        """Telegram upgrades a group to a supergroup with a new id. The old id is refused from
        then on with 400 and ``parameters.migrate_to_chat_id``; with ``announce`` the bot gets
        the service messages, ``migrate_to_chat_id`` in the old chat, then
        ``migrate_from_chat_id`` in the new one (sent on behalf of the supergroup)."""
        supergroup = Chat(new_id, "supergroup", group.title, is_forum=group.is_forum,
                          bot_status=group.bot_status)  # fmt: skip
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

    def send_anonymous(
        self, group: Chat, text: str, *, reply_to: BotMessage | int | None = None
    ) -> int:
        """An administrator who remains anonymous writes: from GroupAnonymousBot, on behalf of
        the group (``sender_chat``)."""
        anonymous = User(GROUP_ANONYMOUS_BOT["id"], "Group", username="GroupAnonymousBot",
                         is_bot=True, language_code=None)  # fmt: skip
        content: JSON = {"text": text, "sender_chat": group.to_api(),
                         **self._reply_to(group, reply_to)}  # fmt: skip
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        message = self._new_message(group, anonymous, **content)
        self._push({"message": message})
        return int(message["message_id"])

    def push_unreadable(self, chat: Chat) -> int:
        """An update python-telegram-bot cannot read (a boost source newer than it knows)."""
        return self._push({"chat_boost": unreadable_boost(chat.to_api(), int(self._clock()))})

    def _member_update(self, chat: Chat, by: User, old: str, new: str) -> int:
        body = chat_member_updated(chat.to_api(), by.to_api(), int(self._clock()),
                                   self.bot.to_api(), old, new)  # fmt: skip
        return self._push({"my_chat_member": body})

    def redeliver(self, update_id: int) -> int:
        """Deliver an earlier update again, as Telegram may after a lost confirmation."""
        original = next((u for u in self.delivered_log if u["update_id"] == update_id), None)
        if original is None:
            raise LookupError(f"no update {update_id}")
        self._updates.append(original)
        self._confirmed_below = min(self._confirmed_below, update_id)
        self._notify()
        return update_id

    def push_update(self, update: JSON) -> int:
        """Queue any update dict (its update_id is assigned here)."""
        return self._push(update)

    @property
    def last_update_id(self) -> int:
        return self.delivered_log[-1]["update_id"] if self.delivered_log else 0

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

    # --- what the bot did -------------------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[BotMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def unread(self, chat_id: int) -> list[BotMessage]:
        return list(self._unread[chat_id])

    def mark_read(self, chat_id: int | None = None) -> None:
        for key in [chat_id] if chat_id is not None else list(self._unread):
            self._unread[key].clear()

    async def next_message(self, chat_id: int, timeout: float = 10.0) -> BotMessage:
        """The next message the bot sends to ``chat_id`` that the caller has not read."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: bool(self._unread[chat_id]))
        return self._unread[chat_id].popleft()

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until ``condition`` holds; it is checked whenever the server's state changes."""
        async with asyncio.timeout(timeout):
            await self._wait_until(condition)

    async def wait_polling(self, timeout: float = 10.0) -> None:
        """Wait until a client is in a long poll (so the next update wakes it)."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: self._poller is not None and not self._poller.done())

    async def wait_confirmed(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed ``update_id`` (asked for updates after it)."""
        async with asyncio.timeout(timeout):
            await self._wait_until(lambda: self._confirmed_below > update_id)

    def fail(
        self,
        method: str | None = None,
        *,
        error_code: int = 429,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
        drop: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail like Telegram would (``drop``: the
        connection is cut without an answer; ``delay``: the call is answered normally, but
        only after that many seconds)."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                500: "Internal Server Error",
                502: "Bad Gateway",
                400: "Bad Request",
                403: "Forbidden: bot was blocked by the user",
            }.get(error_code, "Error")
        if error_code == 429 and retry_after is None:
            retry_after = 1
        self.faults.append(Fault(method, error_code, description, retry_after, times, drop, delay))

    # --- HTTP -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        arrived = time.monotonic()
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").payload(), status=401)
        params: JSON = {}
        try:
            params, files = await _read_params(request)
            if self.on_call is not None:
                self.on_call(method, params, "arrived", _client_port(request))
            if (delay := self._delay(method)) > 0:
                await asyncio.sleep(delay)  # the client may give up meanwhile; it still counts
            if self._drops(method):
                self.calls.append(ApiCall(method, params, 0, arrived))
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=500)  # never reaches the client
            self._apply_faults(method)
            if self.limits is not None and method.lower() in SENDING_METHODS:
                self._check_pace(int(params.get("chat_id", 0)), arrived, self.limits)
            handler = self._methods.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(self, params, files)
        except ApiError as error:
            self.calls.append(ApiCall(method, params, error.code, arrived))
            if self.on_call is not None:
                self.on_call(method, params, "refused", _client_port(request))
            return web.json_response(error.payload(), status=error.code)
        self.calls.append(ApiCall(method, params, 200, arrived))
        if self.on_call is not None:
            self.on_call(method, params, "done", _client_port(request))
        return web.json_response({"ok": True, "result": result})

    def _check_pace(self, chat_id: int, now: float, limits: SendingLimits) -> None:
        """Refuse a message over Telegram's limits with 429 and retry_after, as Telegram does."""
        while self._sends and self._sends[0][0] <= now - 60:
            self._sends.popleft()
        last_second = [chat for when, chat in self._sends if when > now - 1]
        in_group = [when for when, chat in self._sends if chat == chat_id] if chat_id < 0 else []
        if (len(last_second) >= limits.per_second
                or last_second.count(chat_id) >= limits.per_chat_per_second):  # fmt: skip
            raise ApiError(429, "Too Many Requests: retry after 1", 1)
        if len(in_group) >= limits.per_group_per_minute:
            wait = max(1, math.ceil(in_group[0] + 60 - now))
            raise ApiError(429, f"Too Many Requests: retry after {wait}", wait)
        self._sends.append((now, chat_id))

    def _delay(self, method: str) -> float:
        for fault in self.faults:
            if fault.delay > 0 and fault.times > 0 and fault.method in (None, method):
                fault.times -= 1
                self.faults = [f for f in self.faults if f.times > 0]
                return fault.delay
        return 0.0

    def _drops(self, method: str) -> bool:
        for fault in self.faults:
            if (
                fault.drop
                and fault.delay == 0
                and fault.times > 0
                and fault.method in (None, method)
            ):
                fault.times -= 1
                self.faults = [f for f in self.faults if f.times > 0]
                return True
        return False

    def _apply_faults(self, method: str) -> None:
        for fault in self.faults:
            if fault.drop or fault.delay > 0:
                continue
            if fault.times > 0 and fault.method in (None, method):
                fault.times -= 1
                self.faults = [f for f in self.faults if f.times > 0]
                raise ApiError(fault.error_code, fault.description, fault.retry_after)

    # --- Bot API methods ----------------------------------------------------------------

    async def _get_me(self, params: JSON, files: JSON) -> JSON:
        return {
            **self.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,  # privacy mode on, as by default
            "supports_inline_queries": False,
        }

    async def _get_updates(self, params: JSON, files: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = float(params.get("timeout") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if offset > self._confirmed_below:
                self._confirmed_below = offset
                self._notify()
        # Like Telegram, a newer long poll ends the older one with 409 Conflict.
        if self._poller is not None and not self._poller.done():
            self._poller.set_exception(
                ApiError(409, "Conflict: terminated by other getUpdates request")
            )
        poller: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._poller = poller
        self._notify()
        try:
            if not self._updates and timeout > 0:
                waiter = asyncio.ensure_future(self._wait_until(lambda: bool(self._updates)))
                try:
                    await asyncio.wait(
                        {waiter, poller}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    waiter.cancel()
                if poller.done() and not poller.cancelled():
                    poller.result()  # raises the 409 if a newer poll took over
        finally:
            if not poller.done():
                poller.cancel()
        return self._updates[:limit]

    def _chat(self, params: JSON) -> Chat:
        try:
            chat_id = int(params.get("chat_id", ""))
        except ValueError:
            raise ApiError(400, "Bad Request: chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        refusal = chat_refusal(chat.type, chat.migrated_to, chat.bot_status, chat.blocked,
                               chat.started)  # fmt: skip
        if refusal is not None:
            raise refusal
        return chat

    def _checked_text(self, text: str | None, parse_mode: str | None, *, caption: bool) -> str:
        limit = MAX_CAPTION_LENGTH if caption else MAX_MESSAGE_LENGTH
        if text is None or (not text.strip() and not caption):
            raise ApiError(400, "Bad Request: message text is empty")
        visible = text
        if parse_mode is not None:
            if parse_mode.upper() != "HTML":
                raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode}")
            try:
                visible = parse_html(text)
            except EntityParseError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        if not caption and not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(visible) > limit:
            what = "message caption is too long" if caption else "message is too long"
            raise ApiError(400, f"Bad Request: {what}")
        return visible

    @staticmethod
    def _checked_markup(markup: Any) -> JSON | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA_BYTES:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed")
        return markup

    def _reply_target(self, chat: Chat, params: JSON) -> int | None:
        reply = params.get("reply_parameters")
        message_id = reply.get("message_id") if isinstance(reply, dict) else None
        message_id = message_id or params.get("reply_to_message_id")
        if message_id is None:
            return None
        if (chat.id, int(message_id)) not in self._messages:
            allow = isinstance(reply, dict) and reply.get("allow_sending_without_reply")
            if allow:
                return None
            raise ApiError(400, "Bad Request: message to be replied not found")
        return int(message_id)

    def _thread(self, chat: Chat, params: JSON) -> int | None:
        thread = params.get("message_thread_id")
        if thread is None:
            return None
        if not chat.is_forum:
            raise ApiError(400, "Bad Request: message thread not found")
        return int(thread)

    def _record(self, chat: Chat, sent: BotMessage, content: JSON) -> JSON:
        message: JSON = {
            "message_id": sent.message_id,
            "from": self.bot.to_api(),
            "chat": chat.to_api(),
            "date": sent.date,
            **content,
        }
        if sent.reply_markup is not None and "inline_keyboard" in sent.reply_markup:
            message["reply_markup"] = sent.reply_markup  # Telegram echoes inline keyboards only
        if sent.reply_to_message_id is not None:
            original = self._messages[(chat.id, sent.reply_to_message_id)]
            message["reply_to_message"] = {
                k: v for k, v in original.items() if k != "reply_to_message"
            }
        if sent.message_thread_id is not None:
            message["message_thread_id"] = sent.message_thread_id
        self._messages[(chat.id, sent.message_id)] = message
        self.sent.append(sent)
        self._unread[chat.id].append(sent)
        self._notify()
        return message

    async def _send_message(self, params: JSON, files: JSON) -> JSON:
        chat = self._chat(params)
        text = params.get("text")
        visible = self._checked_text(text, params.get("parse_mode"), caption=False)
        sent = BotMessage(
            chat_id=chat.id,
            message_id=next(self._message_ids[chat.id]),
            date=int(self._clock()),
            kind="text",
            text=text,
            plain_text=visible,
            parse_mode=params.get("parse_mode"),
            reply_markup=self._checked_markup(params.get("reply_markup")),
            reply_to_message_id=self._reply_target(chat, params),
            message_thread_id=self._thread(chat, params),
        )
        return self._record(chat, sent, {"text": visible})

    async def _send_file(self, params: JSON, files: JSON, kind: str) -> JSON:
        chat = self._chat(params)
        caption = params.get("caption")
        visible = None
        if caption is not None:
            visible = self._checked_text(caption, params.get("parse_mode"), caption=True)
        upload = files.get(kind)
        if upload is None and not params.get(kind):
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        file_name, content = upload if upload is not None else (str(params[kind]), b"")
        file_id = f"{kind}-{next(self._file_ids)}"
        sent = BotMessage(
            chat_id=chat.id,
            message_id=next(self._message_ids[chat.id]),
            date=int(self._clock()),
            kind=kind,
            caption=caption,
            plain_text=visible,
            parse_mode=params.get("parse_mode"),
            reply_markup=self._checked_markup(params.get("reply_markup")),
            reply_to_message_id=self._reply_target(chat, params),
            message_thread_id=self._thread(chat, params),
            file_name=file_name,
            file_size=len(content),
            file_content=content,
        )
        if kind == "photo":
            width, height = _png_size(content) or (1280, 720)
            size: JSON = {"width": width, "height": height, "file_size": len(content)}
            photo = {"file_id": file_id, "file_unique_id": f"u-{file_id}", **size}
            media: JSON = {"photo": [photo]}
        else:
            document = {"file_name": file_name, "file_size": len(content)}
            media = {"document": {"file_id": file_id, "file_unique_id": f"u-{file_id}", **document}}
        if caption is not None:
            media["caption"] = caption
        return self._record(chat, sent, media)

    async def _send_document(self, params: JSON, files: JSON) -> JSON:
        return await self._send_file(params, files, "document")

    async def _send_photo(self, params: JSON, files: JSON) -> JSON:
        return await self._send_file(params, files, "photo")

    def _own_message(self, params: JSON) -> tuple[Chat, BotMessage]:
        chat = self._chat(params)
        message_id = int(params.get("message_id") or 0)
        for sent in self.sent:
            if sent.chat_id == chat.id and sent.message_id == message_id:
                return chat, sent
        raise ApiError(400, "Bad Request: message to edit not found")

    async def _edit_message_text(self, params: JSON, files: JSON) -> JSON:
        chat, sent = self._own_message(params)
        text = params.get("text")
        visible = self._checked_text(text, params.get("parse_mode"), caption=False)
        markup = self._checked_markup(params.get("reply_markup"))
        if text == sent.text and markup == sent.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        sent.edits.append(sent.text or "")
        sent.text, sent.plain_text, sent.reply_markup = text, visible, markup
        sent.parse_mode = params.get("parse_mode")
        return self._edited(chat, sent, {"text": visible})

    async def _edit_message_reply_markup(self, params: JSON, files: JSON) -> JSON:
        chat, sent = self._own_message(params)
        markup = self._checked_markup(params.get("reply_markup"))
        if markup == sent.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified")
        sent.reply_markup = markup
        return self._edited(chat, sent, {})

    def _edited(self, chat: Chat, sent: BotMessage, changes: JSON) -> JSON:
        message = {**self._messages[(chat.id, sent.message_id)], **changes}
        message["edit_date"] = int(self._clock())
        message.pop("reply_markup", None)
        if sent.reply_markup is not None and "inline_keyboard" in sent.reply_markup:
            message["reply_markup"] = sent.reply_markup
        self._messages[(chat.id, sent.message_id)] = message
        self._notify()
        return message

    async def _answer_callback_query(self, params: JSON, files: JSON) -> bool:
        query_id = str(params.get("callback_query_id"))
        if query_id not in self._callbacks:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self.callback_answers.append({"callback_query_id": query_id, **params})
        self._notify()
        return True

    async def _set_message_reaction(self, params: JSON, files: JSON) -> bool:
        chat = self._chat(params)
        message_id = int(params.get("message_id") or 0)
        if (chat.id, message_id) not in self._messages:
            raise ApiError(400, "Bad Request: message to react not found")
        for reaction in params.get("reaction") or []:
            self.reactions.append((chat.id, message_id, str(reaction.get("emoji", ""))))
        self._notify()
        return True

    async def _set_my_commands(self, params: JSON, files: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: commands must be an array")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not (1 <= len(name) <= 32 and name.replace("_", "").isalnum() and name.islower()):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), params.get("language_code") or "")
        self.commands[key] = commands
        return True

    def commands_for(self, language_code: str = "", scope: str = "default") -> list[JSON]:
        key = (json.dumps({"type": scope}, sort_keys=True), language_code)
        return self.commands.get(key, [])

    async def _delete_webhook(self, params: JSON, files: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _get_chat(self, params: JSON, files: JSON) -> JSON:
        chat = self.chats.get(int(params.get("chat_id") or 0))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.migrated_to is not None:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           migrate_to_chat_id=chat.migrated_to)  # fmt: skip
        return {**chat.to_api(), "accent_color_id": 0, "max_reaction_count": 11}

    async def _get_my_commands(self, params: JSON, files: JSON) -> list[JSON]:
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), params.get("language_code") or "")
        return self.commands.get(key, [])

    async def _close(self, params: JSON, files: JSON) -> bool:
        return True

    _methods: Mapping[str, Any] = {
        "getme": _get_me,
        "getupdates": _get_updates,
        "sendmessage": _send_message,
        "editmessagetext": _edit_message_text,
        "editmessagereplymarkup": _edit_message_reply_markup,
        "answercallbackquery": _answer_callback_query,
        "senddocument": _send_document,
        "sendphoto": _send_photo,
        "setmycommands": _set_my_commands,
        "setmessagereaction": _set_message_reaction,
        "getmycommands": _get_my_commands,
        "deletewebhook": _delete_webhook,
        "getchat": _get_chat,
        "close": _close,
        "logout": _close,
    }


def _decode(name: str, value: str) -> Any:
    if name in _JSON_PARAMS:
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None
    if name in _INT_PARAMS:
        try:
            return int(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: invalid {name}") from None
    if name in _BOOL_PARAMS:
        return value.lower() == "true"
    return value


async def _read_params(request: web.Request) -> tuple[JSON, JSON]:
    """Form, multipart or JSON parameters, decoded the way PTB encodes them."""
    params: JSON = {}
    files: JSON = {}
    if request.content_type == "application/json":
        body = await request.json()
        return (dict(body) if isinstance(body, dict) else {}), files
    for name, text in request.query.items():
        params[name] = _decode(name, text)
    if request.can_read_body:
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                files[name] = (value.filename, value.file.read())
            else:
                params[name] = _decode(name, str(value))
    # PTB sends an uploaded file as attach://name in the parameter of the same name.
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            attached = value.removeprefix("attach://")
            if attached in files:
                files[name] = files[attached]
                del params[name]
    return params, files


def _png_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG (from its IHDR chunk, which comes first); None otherwise."""
    if content[:8] != b"\x89PNG\r\n\x1a\n" or content[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", content[16:24])
    return width, height


def _client_port(request: web.Request) -> int:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return int(peer[1]) if peer else 0
