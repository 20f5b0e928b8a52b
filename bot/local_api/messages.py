"""The Bot API methods on messages — sendMessage, editMessageText, editMessageReplyMarkup,
answerCallbackQuery, setMessageReaction — and the checks Telegram makes on what a bot sends:
a chat it may write to, text within the limits and valid HTML, a well-formed inline
keyboard, an existing message to reply to, a forum topic. Files reuse these checks."""

from __future__ import annotations

from typing import Any

from bot.local_api.chat_events import chat_refusal
from bot.local_api.errors import ApiError
from bot.local_api.model import JSON, BotMessage, Chat
from bot.local_api.state import ServerState
from bot.local_api.telegram_html import (
    MAX_CAPTION_LENGTH,
    MAX_MESSAGE_LENGTH,
    EntityParseError,
    parse_html,
    utf16_length,
)

MAX_CALLBACK_DATA_BYTES = 64


class MessageMethods(ServerState):
    # --- what Telegram checks ---------------------------------------------------------------

    def _chat(self, params: JSON) -> Chat:
        try:
            chat_id = int(params.get("chat_id", ""))
        except ValueError:
            raise ApiError(400, "Bad Request: chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        refusal = chat_refusal(
            chat.type, chat.migrated_to, chat.bot_status, chat.blocked, chat.started
        )
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

    # --- sending and editing ----------------------------------------------------------------

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

    # --- answering people -------------------------------------------------------------------

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
