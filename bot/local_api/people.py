"""What people do, injected by tests and the demo: send text, commands, stickers, photos and
documents (replies and forum topics included), edit what they sent, press inline buttons,
and write as an anonymous group administrator. Each becomes an update for the bot."""

from __future__ import annotations

from bot.local_api.chat_events import GROUP_ANONYMOUS_BOT
from bot.local_api.model import JSON, BotMessage, Chat, User
from bot.local_api.state import ServerState
from bot.local_api.telegram_html import utf16_length


class PeopleActions(ServerState):
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
        photo = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "width": 1280,
            "height": 960,
            "file_size": 123456,
        }
        content: JSON = {"photo": [photo], **self._reply_to(chat, reply_to)}
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
        content: bytes = b"",
        mime_type: str = "application/pdf",
    ) -> tuple[int, str]:
        """A person sends a document (``content``: what getFile then serves)."""
        file_id = f"document-{next(self._file_ids)}"
        document = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        self.uploads[file_id] = (file_name, content)
        sent: JSON = {"document": document, **self._reply_to(chat, reply_to)}
        if caption is not None:
            sent["caption"] = caption
        message = self._new_message(chat, user, **sent)
        self._push({"message": message})
        return int(message["message_id"]), file_id

    def send_anonymous(
        self, group: Chat, text: str, *, reply_to: BotMessage | int | None = None
    ) -> int:
        """An administrator who remains anonymous writes: from GroupAnonymousBot, on behalf of
        the group (``sender_chat``)."""
        anonymous = User(
            GROUP_ANONYMOUS_BOT["id"],
            "Group",
            username="GroupAnonymousBot",
            is_bot=True,
            language_code=None,
        )
        content: JSON = {
            "text": text,
            "sender_chat": group.to_api(),
            **self._reply_to(group, reply_to),
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        message = self._new_message(group, anonymous, **content)
        self._push({"message": message})
        return int(message["message_id"])

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
