"""People first: the week's background work gives way to updates being handled.

On a Monday the tick composes forty digests and the outbox reads forty charts' weeks, on the
same event loop (and SQLite connection) that answers people. Each of those steps is short,
but back to back they held 200 leaders' replies up by half. So before each step the
background work waits for a quiet moment: no update being handled for ``SETTLE``. While
people keep writing it still moves on, one step every ``LONGEST`` at most: steps are let
through one at a time (the outbox serves 32 chats at once; let through together after a
moment's pause between two people's messages, they were a burst as long as the wait was
meant to avoid).
"""

from __future__ import annotations

import asyncio
import contextlib


class Foreground:
    LONGEST = 0.2  # seconds a background step waits for a quiet moment
    SETTLE = 0.05  # how long no update must have been handled for the moment to be quiet

    def __init__(self) -> None:
        self._active = 0
        self._quiet = asyncio.Event()
        self._quiet.set()
        self._quiet_since = float("-inf")
        self._lane = asyncio.Lock()

    def started(self) -> None:
        """An update from a person is being handled."""
        self._active += 1
        self._quiet.clear()

    def finished(self) -> None:
        self._active = max(0, self._active - 1)
        if not self._active:
            self._quiet_since = asyncio.get_running_loop().time()
            self._quiet.set()

    async def give_way(self) -> None:
        """Wait for a quiet moment (for ``LONGEST`` at most, one step at a time)."""
        if self._settled():
            return
        loop = asyncio.get_running_loop()
        async with self._lane:
            deadline = loop.time() + self.LONGEST
            while not self._settled() and (left := deadline - loop.time()) > 0:
                if self._active:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._quiet.wait(), left)
                else:
                    calm = self.SETTLE - (loop.time() - self._quiet_since)
                    await asyncio.sleep(max(0.0, min(calm, left)))

    def _settled(self) -> bool:
        if self._active:
            return False
        return asyncio.get_running_loop().time() - self._quiet_since >= self.SETTLE
