"""Everything a direction sends goes through the ledger: the post in the group, the copy to
each leader, its files, the notices and the reminders. A message is claimed (with its words)
in the same transaction that decides it, under the period the direction was given in, so a
restart, a redelivered update or a second instance never sends it twice, and the outbox
delivers it like every scheduled message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.config import GroupConfig
from bot.services.direction_outcomes import DirectionNotice, DirectionPost
from bot.services.outbox import DIRECTION_FILE
from bot.services.outcomes import Who
from bot.services.people import display_name, reachable_privately
from bot.services.words import WeekWords
from storage.models import (
    DeliveryState,
    Direction,
    DirectionFile,
    Group,
    Organization,
    Person,
    Role,
    SentMessage,
)
from storage.uow import UnitOfWork

POST = "cd"  # the direction itself, in the group and to each leader
FILE = DIRECTION_FILE  # a photo or document sent with it
NOTICE = "cd_note"  # a notice about it (acknowledged, done, a new due date, closed...)
REMINDER = "cd_remind"  # a reminder to an organization's leaders
ONCE = "cd_once"  # the marker that an organization's reminder of one kind was decided
SENDABLE_FILES = frozenset({"photo", "document"})  # sent again by their file id


async def leaders(uow: UnitOfWork, group_id: int, organization_id: int) -> list[Person]:
    memberships = await uow.groups.memberships(group_id)
    ids = [
        m.person_id
        for m in memberships
        if m.role is Role.LEADER and m.organization_id == organization_id
    ]
    return await uow.people.by_ids(ids) if ids else []


def who(person: Person) -> Who:
    return Who(person.user_id, display_name(person))


class Mail:
    """Claims a direction's messages in the ledger, worded by ``words``."""

    def __init__(self, uow: UnitOfWork, words: WeekWords, now: datetime) -> None:
        self._uow, self._words, self._now = uow, words, now

    async def claim(
        self,
        direction: Direction,
        kind: str,
        slot: str,
        chat_id: int,
        outcome: DirectionNotice | DirectionPost | None,
        *,
        private: bool,
        thread_id: int | None = None,
    ) -> bool:
        """One message; None ``outcome``: a marker that something was decided (not sent)."""
        assert direction.period_id is not None, "a draft sends nothing"
        text, markup = self._words.message(outcome, private) if outcome else (None, None)
        entry = SentMessage(
            period_id=direction.period_id,
            kind=kind,
            slot=slot,
            state=DeliveryState.PENDING if text else DeliveryState.SKIPPED,
            chat_id=chat_id,
            thread_id=thread_id,
            text=text,
            markup=markup,
            created_at=self._now,
        )
        return await self._uow.ledger.claim(entry)

    async def post(
        self,
        direction: Direction,
        group: Group,
        config: GroupConfig,
        post: DirectionPost,
        addressed: Sequence[Person],
        files: Sequence[DirectionFile],
    ) -> None:
        """The direction in the group (its digest topic) and to each leader who can be
        reached in private, each followed by its photos and documents."""
        number = direction.number
        chats: list[tuple[int, bool, str]] = [(group.chat_id, False, "g")]
        reachable = await reachable_privately(self._uow, list(addressed))
        chats += [(p.user_id, True, f"u{p.user_id}") for p in reachable]
        for chat_id, private, whom in chats:
            thread = None if private else config.digest_topic
            await self.claim(
                direction,
                POST,
                f"{number}:{whom}",
                chat_id,
                post,
                private=private,
                thread_id=thread,
            )
            for file in files:
                if file.kind not in SENDABLE_FILES:
                    continue
                slot = f"{number}:{file.id}:{whom}"
                await self._file(direction, file, chat_id, thread, slot, config.language)

    async def _file(
        self,
        direction: Direction,
        file: DirectionFile,
        chat_id: int,
        thread: int | None,
        slot: str,
        language: str,
    ) -> None:
        """A file entry: its caption as the text, the file in the markup column."""
        caption, _ = self._words.message(
            DirectionNotice(language, direction.number or 0, "file", text=file.caption or ""),
            False,
        )
        assert direction.period_id is not None
        await self._uow.ledger.claim(
            SentMessage(
                period_id=direction.period_id,
                kind=FILE,
                slot=slot,
                state=DeliveryState.PENDING,
                chat_id=chat_id,
                thread_id=thread,
                text=caption,
                markup=json.dumps({"file": {"kind": file.kind, "file_id": file.file_id}}),
                created_at=self._now,
            )
        )

    async def tell(
        self,
        direction: Direction,
        group: Group,
        config: GroupConfig,
        people: Sequence[Person],
        notice: DirectionNotice,
        slot: str,
        *,
        kind: str = NOTICE,
    ) -> None:
        """A notice for ``people``: in private to those the bot can reach, and in the group,
        naming them, for the others (so nobody is left out)."""
        reachable = await reachable_privately(self._uow, list(people))
        for person in reachable:
            await self.claim(
                direction, kind, f"{slot}:u{person.user_id}", person.user_id, notice, private=True
            )
        elsewhere = tuple(who(p) for p in people if p not in reachable)
        if elsewhere or not people:
            mentioned = replace(notice, mentions=elsewhere)
            await self.claim(
                direction,
                kind,
                f"{slot}:g",
                group.chat_id,
                mentioned,
                private=False,
                thread_id=config.digest_topic,
            )

    async def tell_giver(self, direction: Direction, notice: DirectionNotice, slot: str) -> None:
        """The secretariat member who gave the direction, in private (if the bot can write to
        them there; otherwise the group has seen the step already)."""
        giver = await self._uow.people.by_ids([direction.given_by])
        for person in await reachable_privately(self._uow, giver):
            await self.claim(
                direction, NOTICE, f"{slot}:u{person.user_id}", person.user_id, notice, private=True
            )

    async def tell_organizations(
        self,
        direction: Direction,
        group: Group,
        config: GroupConfig,
        organizations: Sequence[Organization],
        notice: DirectionNotice,
        slot: str,
    ) -> None:
        people: list[Person] = []
        for organization in organizations:
            people += [
                p for p in await leaders(self._uow, group.id, organization.id) if p not in people
            ]
        await self.tell(direction, group, config, people, notice, slot)
