"""Telegram's error answer (``{"ok": false, "error_code": ..., "description": ...}``), raised by
any part of the local server and turned into the HTTP answer by the routing."""

from __future__ import annotations

from bot.local_api.model import JSON


class ApiError(Exception):
    """Telegram's error answer; ``parameters`` is its ResponseParameters (``retry_after``
    with 429, ``migrate_to_chat_id`` when a group was upgraded to a supergroup)."""

    def __init__(
        self,
        code: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
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
