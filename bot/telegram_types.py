"""Type aliases for python-telegram-bot's generic Application as ``build_application`` makes it
(default context types; ``ExtBot[int]`` because of the rate limiter)."""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram.ext import Application, ContextTypes, ExtBot, JobQueue

Context: TypeAlias = ContextTypes.DEFAULT_TYPE
TelegramApp: TypeAlias = Application[
    ExtBot[int], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]
]
