"""Which of Telegram's refusals mean the bot is shut out of a chat, and which refuse one
message: the first pause the chat's messages, the second fail that message alone."""

from __future__ import annotations

import pytest

from bot.services.chats import unreachable_reason


@pytest.mark.parametrize(
    "description",
    [
        "Forbidden: bot was blocked by the user",
        "Forbidden: bot was kicked from the group chat",
        "Forbidden: bot was kicked from the supergroup chat",
        "Forbidden: bot is not a member of the supergroup chat",
        "Forbidden: the group chat was deleted",
        "Forbidden: user is deactivated",
        "Bad Request: chat not found",
    ],
)
def test_refusals_that_shut_the_bot_out_of_a_chat(description: str) -> None:
    assert unreachable_reason(description) == description


@pytest.mark.parametrize(
    "description",
    [
        "Bad Request: can't parse entities: unsupported start tag",
        "Bad Request: message is too long",
        "Bad Request: message thread not found",
        "Bad Request: group chat was upgraded to a supergroup chat",
        "Bad Request: not enough rights to send photos to the chat",
    ],
)
def test_refusals_of_one_message_leave_the_chat_reachable(description: str) -> None:
    assert unreachable_reason(description) is None
