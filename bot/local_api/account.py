"""The Bot API methods about the bot itself and what it may ask of a chat: getMe, the command
menus (setMyCommands, getMyCommands, with ``commands_for`` for tests), getChat, and close /
logOut."""

from __future__ import annotations

import json

from bot.local_api.errors import ApiError
from bot.local_api.model import JSON
from bot.local_api.state import ServerState


class AccountMethods(ServerState):
    async def _get_me(self, params: JSON, files: JSON) -> JSON:
        return {
            **self.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,  # privacy mode on, as by default
            "supports_inline_queries": False,
        }

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

    async def _get_my_commands(self, params: JSON, files: JSON) -> list[JSON]:
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), params.get("language_code") or "")
        return self.commands.get(key, [])

    async def _get_chat(self, params: JSON, files: JSON) -> JSON:
        chat = self.chats.get(int(params.get("chat_id") or 0))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=chat.migrated_to,
            )
        return {**chat.to_api(), "accent_color_id": 0, "max_reaction_count": 11}

    async def _close(self, params: JSON, files: JSON) -> bool:
        return True
