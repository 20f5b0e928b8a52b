"""The ritual every use case shares, written once.

A command or a button press is one unit of work: mark the update handled (a redelivered one
changes nothing), find the person and the groups the chat is about with their configuration
and language, check the sender's standing against the policy (``bot.core.policy``), run the
use case and commit. A refusal is decided and worded here, and only here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.config import AppConfig, GroupConfig
from bot.core.language import DEFAULT_LANGUAGE
from bot.core.policy import Action, Refusal, Standing, access
from bot.services.outcomes import (
    ButtonRefused,
    Duplicate,
    NotConfigured,
    NotLeader,
    NotMember,
    Outcome,
    SecretariatOnly,
)
from bot.services.people import Chat, Sender, known_person
from storage.database import Database
from storage.models import Group, Membership, Person, Role
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Place:
    """A group the chat is about, with the sender's memberships in it."""

    group: Group
    config: GroupConfig
    memberships: tuple[Membership, ...]

    @property
    def standings(self) -> frozenset[Standing]:
        return standings_of(self.memberships)

    @property
    def secretariat(self) -> bool:
        return Standing.SECRETARIAT in self.standings

    @property
    def led(self) -> frozenset[int]:
        """The organizations (ids) the sender leads here."""
        return frozenset(
            m.organization_id
            for m in self.memberships
            if m.role is Role.LEADER and m.organization_id is not None
        )


@dataclass(frozen=True)
class Acting:
    """Everything a use case starts from."""

    uow: UnitOfWork
    chat: Chat
    sender: Sender
    person: Person
    now: datetime
    places: tuple[Place, ...]  # where the action is allowed, in the configuration's order
    language: str  # of the chat's group; in private, of the first group allowed

    @property
    def place(self) -> Place:
        """The group the action is about: the chat's, or in private the first allowed."""
        return self.places[0]


class Refuse(Exception):
    """Raised by a use case, before it changes anything, to answer ``outcome`` instead:
    the update stays handled, and the refusal is returned from the one place."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome)
        self.outcome = outcome


Work = Callable[[Acting], Awaitable[Outcome]]
Again = Callable[[UnitOfWork], Awaitable[Outcome]]


class UseCases:
    def __init__(self, db: Database, config: AppConfig) -> None:
        self._db = db
        self._config = config

    async def run(
        self,
        chat: Chat,
        sender: Sender,
        now: datetime,
        work: Work,
        *,
        handled: str | None,
        action: Action | None = None,
        button: bool = False,
        again: Again | None = None,
    ) -> Outcome:
        """Run ``work`` as ``sender`` in ``chat``. ``handled``: the update's key (a second
        time: ``again``, else nothing is said); ``action``: what the policy must allow (None:
        open to all in a configured chat); ``button``: a refusal is a short notice."""
        async with self._db.unit_of_work() as uow:
            if handled is not None and not await uow.handled.mark(handled, now):
                return await again(uow) if again is not None else Duplicate()
            try:
                outcome = await self._run(uow, chat, sender, now, work, action, button)
            except Refuse as refusal:
                outcome = refusal.outcome
            await uow.commit()
            return outcome

    async def _run(
        self,
        uow: UnitOfWork,
        chat: Chat,
        sender: Sender,
        now: datetime,
        work: Work,
        action: Action | None,
        button: bool,
    ) -> Outcome:
        person = await known_person(uow, sender, chat, now)
        places = await self._places(uow, chat, person, action)
        if places is None:
            return NotConfigured()
        if action is not None:
            allowed = tuple(p for p in places if _access(action, p) is None)
            if not allowed:
                standings = frozenset[Standing]().union(*(p.standings for p in places))
                refusal = access(action, standings)
                assert refusal is not None
                return refused(refusal, self.language_of(chat), button)
            places = allowed
        language = places[0].config.language if places else self.language_of(chat)
        return await work(Acting(uow, chat, sender, person, now, places, language))

    def language_of(self, chat: Chat) -> str:
        """The language of a chat's group; in private, of the first group configured."""
        config = self._config.group(chat.id)
        if config is None and chat.private and self._config.groups:
            config = self._config.groups[0]
        return config.language if config is not None else DEFAULT_LANGUAGE

    async def _places(
        self, uow: UnitOfWork, chat: Chat, person: Person, action: Action | None
    ) -> tuple[Place, ...] | None:
        """The groups the chat is about: its own in a group chat (None: not configured); in
        private every configured group, or for an action only those the sender stands in."""
        memberships = await uow.groups.memberships_of_person(person.id)
        if not chat.private:
            config = self._config.group(chat.id)
            group = await uow.groups.by_chat_id(chat.id) if config is not None else None
            if config is None or group is None:
                return None
            return (Place(group, config, _of(memberships, group)),)
        if action is None:
            groups = await uow.groups.all()
        else:
            ids = sorted({m.group_id for m in memberships})
            groups = [g for i in ids if (g := await uow.groups.by_id(i)) is not None]
        order = {config.chat_id: n for n, config in enumerate(self._config.groups)}
        places = [
            Place(group, config, _of(memberships, group))
            for group in groups
            if (config := self._config.group(group.chat_id)) is not None
        ]
        return tuple(sorted(places, key=lambda p: order[p.config.chat_id]))


async def refusal_in(
    uow: UnitOfWork, person: Person, group: Group, action: Action
) -> Refusal | None:
    """Why ``person`` may not do ``action`` in ``group`` (one a button's data names, not
    the chat it was pressed in); None if they may."""
    memberships = await uow.groups.memberships_of(group.id, person.id)
    return access(action, standings_of(memberships))


def refused(refusal: Refusal, language: str, button: bool = False) -> Outcome:
    if button and refusal is not Refusal.NOT_LEADER:
        return ButtonRefused(language, "bot.secretariat_only")
    match refusal:
        case Refusal.NOT_MEMBER:
            return NotMember(language)
        case Refusal.SECRETARIAT_ONLY:
            return SecretariatOnly(language)
    return NotLeader(language)


def standings_of(memberships: Iterable[Membership]) -> frozenset[Standing]:
    return frozenset(
        Standing.SECRETARIAT if m.role is Role.SECRETARIAT else Standing.LEADER for m in memberships
    )


def _access(action: Action, place: Place) -> Refusal | None:
    return access(action, place.standings, opened=place.config.summary_for_members)


def _of(memberships: list[Membership], group: Group) -> tuple[Membership, ...]:
    return tuple(m for m in memberships if m.group_id == group.id)
