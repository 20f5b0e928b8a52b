"""Updates given up on: recorded, with what they said, for someone to look at."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.models import SetAsideUpdate


class InboxService:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def set_aside(
        self,
        update_id: int,
        kind: str,
        chat_id: int | None,
        reason: str,
        payload: str,
        now: datetime,
    ) -> bool:
        """Keep an update that could not be read or handled; False if it already was kept."""
        async with self._db.unit_of_work() as uow:
            kept = await uow.chats.set_aside(
                SetAsideUpdate(
                    update_id=update_id,
                    kind=kind,
                    chat_id=chat_id,
                    reason=reason,
                    payload=payload,
                    set_aside_at=now,
                )
            )
            await uow.commit()
        return kept
