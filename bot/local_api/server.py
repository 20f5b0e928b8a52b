"""A local Telegram Bot API server on 127.0.0.1 (aiohttp).

It speaks enough of the Bot API for python-telegram-bot to run unchanged against it through
``base_url``; it refuses what Telegram refuses (too long, bad HTML, unknown chat, a private
chat whose user never pressed Start) with Telegram's error shape; it can be told to answer
429 or to fail. Tests and the offline demo use it to inject what people do (messages,
commands, replies, edits, button presses) and to read what the bot sent.

This module assembles ``LocalBotApi`` from its parts and is where the rest of the project
imports it (and its data classes) from:

- ``model``: users, chats, what the bot sent, calls, sending limits, faults (data classes);
- ``errors``: ``ApiError``, Telegram's error answer;
- ``state``: the state the parts share, the world's people and chats, the update queue;
- ``people``: what people do (messages, files, edits, button presses);
- ``chat_changes``: what Telegram does to chats (upgrades, removals, blocks);
- ``updates``: getUpdates, deleteWebhook, redelivery;
- ``messages`` and ``files``: the methods that send and edit, with Telegram's checks;
- ``account``: getMe, command menus, getChat, close;
- ``faults``: failures on demand and Telegram's sending limits;
- ``routing``: the HTTP server, parameter decoding, and the dispatch to the methods;
- ``bot_output``: reading and waiting on what the bot did.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from bot.local_api.account import AccountMethods
from bot.local_api.bot_output import BotOutput
from bot.local_api.chat_changes import ChatChanges
from bot.local_api.errors import ApiError
from bot.local_api.faults import SENDING_METHODS
from bot.local_api.files import FileMethods
from bot.local_api.messages import MAX_CALLBACK_DATA_BYTES, MessageMethods
from bot.local_api.model import JSON, ApiCall, BotMessage, Chat, Fault, SendingLimits, User
from bot.local_api.people import PeopleActions
from bot.local_api.routing import Routing
from bot.local_api.updates import UpdateMethods

__all__ = [
    "JSON",
    "MAX_CALLBACK_DATA_BYTES",
    "SENDING_METHODS",
    "ApiCall",
    "ApiError",
    "BotMessage",
    "Chat",
    "Fault",
    "LocalBotApi",
    "SendingLimits",
    "User",
]


class LocalBotApi(
    PeopleActions,
    ChatChanges,
    UpdateMethods,
    FileMethods,
    MessageMethods,
    AccountMethods,
    Routing,
    BotOutput,
):
    """The server and the world behind it: users, chats, updates, what the bot sent."""

    async def __aenter__(self) -> LocalBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    _methods: ClassVar[Mapping[str, Any]] = {
        "getme": AccountMethods._get_me,
        "getupdates": UpdateMethods._get_updates,
        "sendmessage": MessageMethods._send_message,
        "editmessagetext": MessageMethods._edit_message_text,
        "editmessagereplymarkup": MessageMethods._edit_message_reply_markup,
        "answercallbackquery": MessageMethods._answer_callback_query,
        "senddocument": FileMethods._send_document,
        "sendphoto": FileMethods._send_photo,
        "getfile": FileMethods._get_file,
        "setmycommands": AccountMethods._set_my_commands,
        "setmessagereaction": MessageMethods._set_message_reaction,
        "getmycommands": AccountMethods._get_my_commands,
        "deletewebhook": UpdateMethods._delete_webhook,
        "getchat": AccountMethods._get_chat,
        "close": AccountMethods._close,
        "logout": AccountMethods._close,
    }
