"""Telegram's sending limits, all three: 30 messages a second overall, 20 a minute per group,
and one a second per chat (python-telegram-bot's AIORateLimiter has no per-chat limit).

They are kept as sliding windows ("at most N in any T seconds"), checked together and
recorded at the moment a message is let go. AIORateLimiter's leaky buckets, one after the
other, let bursts through that a sliding count refuses (a local Bot API server enforcing
the limits answered 45 of 200 Monday messages with 429), and a message that had its turn in
one bucket could still wait in the next and then reach a chat too soon after another.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram._utils.types import JSONDict
from telegram.ext import AIORateLimiter

from bot.config import RateLimits

# Sending methods: what Telegram counts. Edits, button answers and reactions are not paced.
PACED = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "copyMessage", "forwardMessage"}
)
# Each window is kept a tenth longer than Telegram's: requests reach it some milliseconds
# apart from when they left (more when many chats are served at once).
MARGIN = 1.1
_KEEP = 512  # idle chat windows are dropped past this many


class Window:
    """At most ``count`` events in any ``seconds``."""

    def __init__(self, count: int, seconds: float) -> None:
        self.count, self.seconds = count, seconds
        self._times: deque[float] = deque()

    def delay(self, now: float) -> float:
        """How long until one more event fits (0: now)."""
        while self._times and self._times[0] <= now - self.seconds:
            self._times.popleft()
        return 0.0 if len(self._times) < self.count else self._times[0] + self.seconds - now

    def record(self, now: float) -> None:
        self._times.append(now)

    def moved_to(self, now: float) -> None:
        """The last event counts from ``now`` instead (it took until then)."""
        if self._times:
            self._times[-1] = max(self._times[-1], now)

    def idle(self, now: float) -> bool:
        return self.delay(now) == 0.0 and not self._times


class Pacer:
    """The three windows, waited for together and taken together."""

    def __init__(
        self,
        limits: RateLimits,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock, self._sleep = clock, sleep
        # Overall, one message every 1/rate seconds rather than up to `rate` at once: a burst
        # of 30 reaches Telegram spread over the time it takes to serve them, and the next
        # burst, let go a window later, then meets the tail of the last one (9 429s in 2,000
        # Monday messages, none once spaced).
        self._overall = Window(1, MARGIN / limits.messages_per_second)
        per_group = max(1, int(limits.group_messages_per_minute))
        self._group_window = (per_group, MARGIN * 60 * per_group / limits.group_messages_per_minute)
        # One message per 1/rate seconds: no bursts within a chat.
        self._chat_window = (1, MARGIN / limits.chat_messages_per_second)
        self._chats: dict[int, Window] = {}
        self._groups: dict[int, Window] = {}

    async def wait_turn(self, chat_id: int) -> None:
        # The windows are looked up again after every wait: while this message waited, its
        # chat's window, still empty, could be dropped as idle by another chat's lookup, and
        # a message recorded in a dropped window let the chat's next one go at once (1,000
        # groups: the 513th group's call 75 ms after its digest, refused with 429).
        while (delay := max(w.delay(self._clock()) for w in self._windows(chat_id))) > 0:
            # Waiting for time to pass, not for an event: the windows only open with the clock.
            await self._sleep(delay)
        now = self._clock()
        for window in self._windows(chat_id):
            window.record(now)

    def _windows(self, chat_id: int) -> list[Window]:
        windows = [self._overall, self._window(self._chats, chat_id, self._chat_window)]
        if chat_id < 0:  # groups, supergroups and channels have negative ids
            windows.append(self._window(self._groups, chat_id, self._group_window))
        return windows

    def answered(self, chat_id: int) -> None:
        """A message to the chat has been answered: the chat's next one is counted from now.
        A message held up after it left (the loop busy for a second) reached Telegram less
        than a second before the next one; counted from its answer, it cannot have."""
        if (window := self._chats.get(chat_id)) is not None:
            window.moved_to(self._clock())

    def _window(self, windows: dict[int, Window], chat_id: int, shape: tuple[int, float]) -> Window:
        if len(windows) > _KEEP:
            now = self._clock()
            for key, window in list(windows.items()):
                if key != chat_id and window.idle(now):
                    del windows[key]
        if chat_id not in windows:
            windows[chat_id] = Window(*shape)
        return windows[chat_id]


class ChatRateLimiter(AIORateLimiter):
    """Sending paced by ``Pacer``; AIORateLimiter's own buckets are off, and what is kept of
    it is the handling of 429s: wait ``retry_after``, hold other requests, retry."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(overall_max_rate=0, group_max_rate=0, max_retries=limits.max_retries)
        self._pacer = Pacer(limits, clock)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = _chat_id(data.get("chat_id"))
        if endpoint not in PACED or chat_id is None:
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        pacer = self._pacer

        async def paced(*call_args: Any, **call_kwargs: Any) -> bool | JSONDict | list[JSONDict]:
            await pacer.wait_turn(chat_id)  # every attempt, retries included
            try:
                return await callback(*call_args, **call_kwargs)
            finally:
                pacer.answered(chat_id)

        return await super().process_request(paced, args, kwargs, endpoint, data, rate_limit_args)


def _chat_id(value: object) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None  # "@channelname": not paced here
