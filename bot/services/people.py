"""People the bot has met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database
from storage.models import Person


@dataclass(frozen=True)
class Sender:
    """Who sent an update, independent of the chat platform."""

    user_id: int
    full_name: str
    username: str | None = None


class PeopleService:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record_private_start(self, sender: Sender, *, now: datetime) -> None:
        """The person pressed Start in private: from now on the bot may message them."""
        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(sender.user_id)
            if person is None:
                person = await uow.people.add(Person(user_id=sender.user_id, full_name=""))
            person.full_name = sender.full_name
            person.username = sender.username
            if person.private_chat_started_at is None:
                person.private_chat_started_at = now
            await uow.commit()
