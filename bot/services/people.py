"""People the bot has met."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from storage.database import Database
from storage.models import Group, Person, Role
from storage.uow import UnitOfWork

if TYPE_CHECKING:  # chats uses this module's helpers
    from bot.services.chats import ChatService


@dataclass(frozen=True)
class Chat:
    """Where a message came from."""

    id: int
    private: bool


def message_key(chat: Chat, message_id: int) -> str:
    """The key under which an incoming message is marked handled (Telegram may deliver the
    same message again under a new update id)."""
    return f"m:{chat.id}:{message_id}"


def button_key(query_id: str) -> str:
    """The key under which a button press is marked handled."""
    return f"cb:{query_id}"


class Answered:
    """The updates (by handled key) whose reply reached Telegram in this run of the bot.

    An update handled before comes back when its reply could not be sent (it is fetched
    again), or after a restart (Telegram had not been told it was handled). In the first case
    the person still needs the reply; a key here says the reply went out, so nothing is said
    twice. After a restart nothing is known, and the reply is given again: at most once more
    per crash, rather than never. Bounded: only recent updates come back.
    """

    def __init__(self, size: int = 20_000) -> None:
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def add(self, key: str) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self._size:
            self._keys.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        return key in self._keys


@dataclass(frozen=True)
class Sender:
    """Who sent an update, independent of the chat platform."""

    user_id: int
    full_name: str
    username: str | None = None


class PeopleService:
    def __init__(self, db: Database, chats: ChatService) -> None:
        self._db = db
        self._chats = chats

    async def record_private_start(self, sender: Sender, *, now: datetime) -> None:
        """The person pressed Start in private: from now on the bot may message them (again,
        if they had blocked it)."""
        async with self._db.unit_of_work() as uow:
            await self._chats.reachable(uow, sender.user_id, now)
            person = await uow.people.by_user_id(sender.user_id)
            if person is None:
                person = await uow.people.add(Person(user_id=sender.user_id, full_name=""))
            person.full_name = sender.full_name
            person.username = sender.username
            if person.private_chat_started_at is None:
                person.private_chat_started_at = now
            await uow.commit()


async def known_person(
    uow: UnitOfWork, sender: Sender, chat: Chat | None = None, now: datetime | None = None
) -> Person:
    """The sender as a stored person, created on first contact, name kept up to date.

    Writing to the bot in private (not only pressing Start) lets the bot write back.
    """
    person = await uow.people.by_user_id(sender.user_id)
    if person is None:
        person = await uow.people.add(Person(user_id=sender.user_id, full_name=sender.full_name))
    if sender.full_name and person.full_name != sender.full_name:
        person.full_name = sender.full_name
    if sender.username and person.username != sender.username:
        person.username = sender.username
    if chat is not None and chat.private and now is not None:
        person.private_chat_started_at = person.private_chat_started_at or now
        await uow.chats.mark_reachable(sender.user_id)  # writing to the bot: not blocked
    return person


async def secretariat_of(uow: UnitOfWork, group: Group) -> list[Person]:
    ids = [
        m.person_id for m in await uow.groups.memberships(group.id) if m.role is Role.SECRETARIAT
    ]
    return sorted(await uow.people.by_ids(ids), key=lambda p: p.user_id)


async def reachable_privately(uow: UnitOfWork, people: list[Person]) -> list[Person]:
    """Those the bot may write to in private: they pressed Start (or wrote to it) and have
    not blocked it since."""
    started = [p for p in people if p.private_chat_started_at is not None]
    blocked = await uow.chats.unreachable_ids([p.user_id for p in started])
    return [p for p in started if p.user_id not in blocked]


def display_name(person: Person) -> str:
    """How a person is named to others: their name, else @username, else their id."""
    return person.full_name or (f"@{person.username}" if person.username else str(person.user_id))
