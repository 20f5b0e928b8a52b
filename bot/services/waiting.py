"""Who the bot waits on, in which chat, for what and since when: a direction's text or note,
a plan's file or a task's note. The question itself is a row (a restart loses nothing); who
is waited on is also kept in memory, so that every other message costs no look-up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime

from storage.database import Database
from storage.uow import UnitOfWork

Asked = tuple[str, datetime]  # what is asked, since when
Everyone = Callable[[UnitOfWork], Awaitable[Iterable[tuple[int, int, str, datetime]]]]
One = Callable[[UnitOfWork, int, int], Awaitable[Asked | None]]  # (chat id, person id)


class Waiting:
    def __init__(self, db: Database, everyone: Everyone, one: One) -> None:
        self._db = db
        self._everyone = everyone  # (chat id, user id, what, since) of every question open
        self._one = one  # the question open for a person (by id) in a chat
        self._asked: dict[tuple[int, int], Asked] | None = None  # loaded on first use

    async def get(self, chat_id: int, user_id: int) -> Asked | None:
        if self._asked is None:
            async with self._db.unit_of_work() as uow:
                found = await self._everyone(uow)
            self._asked = {(c, u): (what, at) for c, u, what, at in found}
        return self._asked.get((chat_id, user_id))

    async def follow(self, chat_id: int, user_id: int) -> None:
        """After a unit of work that may have asked or answered: as the database has it."""
        async with self._db.unit_of_work() as uow:
            person = await uow.people.by_user_id(user_id)
            asked = await self._one(uow, chat_id, person.id) if person else None
        if self._asked is None:
            return
        if asked is None:
            self._asked.pop((chat_id, user_id), None)
        else:
            self._asked[(chat_id, user_id)] = asked
