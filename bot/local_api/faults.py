"""Failures on demand and Telegram's pace: ``fail`` makes the next calls of a method answer
an error (429 with retry_after, 5xx, 403...), be cut without an answer, or be answered late;
with ``limits`` set, messages over Telegram's sending limits are refused with 429."""

from __future__ import annotations

import math

from bot.local_api.errors import ApiError
from bot.local_api.model import Fault, SendingLimits
from bot.local_api.state import ServerState

SENDING_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument"})


class Faults(ServerState):
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

    def _check_pace(self, chat_id: int, now: float, limits: SendingLimits) -> None:
        """Refuse a message over Telegram's limits with 429 and retry_after, as Telegram does."""
        while self._sends and self._sends[0][0] <= now - 60:
            self._sends.popleft()
        last_second = [chat for when, chat in self._sends if when > now - 1]
        in_group = [when for when, chat in self._sends if chat == chat_id] if chat_id < 0 else []
        if (
            len(last_second) >= limits.per_second
            or last_second.count(chat_id) >= limits.per_chat_per_second
        ):
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
