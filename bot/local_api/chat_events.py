"""What Telegram does to chats, in the shapes its Bot API documentation gives: the refusals a
bot gets for a chat it cannot write to, ``my_chat_member`` updates (ChatMemberUpdated), the
service messages of a group upgraded to a supergroup, and an update newer than the library.

Used by ``LocalBotApi``; kept apart so that the server's own file stays readable.
"""

from __future__ import annotations

from typing import Any

from bot.local_api.errors import ApiError

JSON = dict[str, Any]

# Telegram's account that speaks for an anonymous group administrator (sender_chat is the group).
GROUP_ANONYMOUS_BOT: JSON = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


def chat_refusal(
    chat_type: str, migrated_to: int | None, bot_status: str, blocked: bool, started: bool
) -> ApiError | None:
    """The error Telegram answers a message to this chat with, or None if it takes it."""
    if migrated_to is not None:
        return ApiError(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=migrated_to,
        )
    if chat_type == "private":
        if blocked:
            return ApiError(403, "Forbidden: bot was blocked by the user")
        if not started:
            return ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return None
    if bot_status == "kicked" or (bot_status == "left" and chat_type == "group"):
        # A basic group has no bans: a bot removed from it is "left", and told "kicked".
        return ApiError(403, f"Forbidden: bot was kicked from the {chat_type} chat")
    if bot_status == "left":
        return ApiError(403, f"Forbidden: bot is not a member of the {chat_type} chat")
    return None


def chat_member(status: str, user: JSON) -> JSON:
    """A ChatMember of the given status, with the fields the Bot API requires for it."""
    member: JSON = {"status": status, "user": user}
    if status == "kicked":
        member["until_date"] = 0  # banned for ever
    if status == "administrator":
        member.update(
            {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": False,
                "can_manage_video_chats": False,
                "can_restrict_members": False,
                "can_promote_members": False,
                "can_change_info": False,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        )
    return member


def chat_member_updated(
    chat: JSON, by: JSON, date: int, bot: JSON, old_status: str, new_status: str
) -> JSON:
    """The body of a ``my_chat_member`` update: the bot's own membership changed."""
    return {
        "chat": chat,
        "from": by,
        "date": date,
        "old_chat_member": chat_member(old_status, bot),
        "new_chat_member": chat_member(new_status, bot),
    }


def unreadable_boost(chat: JSON, date: int) -> JSON:
    """A ``chat_boost`` update from a newer API than the library's: its ChatBoostSource
    ("gift_code") leaves out ``user``, which python-telegram-bot 22 requires. A field made
    optional (or a type changed) is how a bot meets an update it cannot read when Telegram
    extends the API."""
    return {
        "chat": chat,
        "boost": {
            "boost_id": f"boost-{date}",
            "add_date": date,
            "expiration_date": date + 30 * 86400,
            "source": {"source": "gift_code"},
        },
    }
