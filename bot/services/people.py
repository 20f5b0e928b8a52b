"""People the bot has met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database
from storage.models import Group, Person, Role
from storage.uow import UnitOfWork


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
    return person


async def secretariat_of(uow: UnitOfWork, group: Group) -> list[Person]:
    ids = [m.person_id for m in await uow.groups.memberships(group.id)
           if m.role is Role.SECRETARIAT]  # fmt: skip
    return sorted(await uow.people.by_ids(ids), key=lambda p: p.user_id)


async def reachable_privately(uow: UnitOfWork, people: list[Person]) -> list[Person]:
    """Those the bot may write to in private: they pressed Start (or wrote to it) and have
    not blocked it since."""
    started = [p for p in people if p.private_chat_started_at is not None]
    blocked = await uow.chats.unreachable_ids([p.user_id for p in started])
    return [p for p in started if p.user_id not in blocked]
