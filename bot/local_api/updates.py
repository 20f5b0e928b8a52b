"""Updates for the bot: queuing any update or delivering an earlier one again (as Telegram may
after a lost confirmation), and the Bot API methods that hand them out — getUpdates (long
polling, confirmation by offset, 409 Conflict for an older poll) and deleteWebhook."""

from __future__ import annotations

import asyncio

from bot.local_api.errors import ApiError
from bot.local_api.model import JSON
from bot.local_api.state import ServerState


class UpdateMethods(ServerState):
    def redeliver(self, update_id: int) -> int:
        """Deliver an earlier update again, as Telegram may after a lost confirmation."""
        original = next((u for u in self.delivered_log if u["update_id"] == update_id), None)
        if original is None:
            raise LookupError(f"no update {update_id}")
        self._updates.append(original)
        self._confirmed_below = min(self._confirmed_below, update_id)
        self._notify()
        return update_id

    def push_update(self, update: JSON) -> int:
        """Queue any update dict (its update_id is assigned here)."""
        return self._push(update)

    @property
    def last_update_id(self) -> int:
        return self.delivered_log[-1]["update_id"] if self.delivered_log else 0

    async def _get_updates(self, params: JSON, files: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = float(params.get("timeout") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if offset > self._confirmed_below:
                self._confirmed_below = offset
                self._notify()
        # Like Telegram, a newer long poll ends the older one with 409 Conflict.
        if self._poller is not None and not self._poller.done():
            self._poller.set_exception(
                ApiError(409, "Conflict: terminated by other getUpdates request")
            )
        poller: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._poller = poller
        self._notify()
        try:
            if not self._updates and timeout > 0:
                waiter = asyncio.ensure_future(self._wait_until(lambda: bool(self._updates)))
                try:
                    await asyncio.wait(
                        {waiter, poller}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    waiter.cancel()
                if poller.done() and not poller.cancelled():
                    poller.result()  # raises the 409 if a newer poll took over
        finally:
            if not poller.done():
                poller.cancel()
        return self._updates[:limit]

    async def _delete_webhook(self, params: JSON, files: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True
