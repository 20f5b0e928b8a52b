"""The data the local Bot API server keeps: people (``User``), chats (``Chat``), what the bot
sent (``BotMessage``), the calls it made (``ApiCall``), Telegram's sending limits
(``SendingLimits``) and the failures a test asked for (``Fault``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


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
