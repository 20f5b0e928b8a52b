"""Directions and what follows them: their organizations, history, files, and what the bot
waits for about them. Queries and additions within the caller's session; never a commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.directions import DirectionState, Progress
from storage import statements
from storage.compiled import run
from storage.models import (
    Direction,
    DirectionAsk,
    DirectionEvent,
    DirectionFile,
    DirectionTarget,
    Organization,
    Person,
)


class DirectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, row: object) -> None:
        self.session.add(row)
        await self.session.flush()

    # --- directions ----------------------------------------------------------------------

    async def add(self, direction: Direction) -> Direction:
        await self._add(direction)
        return direction

    async def get(self, direction_id: int) -> Direction | None:
        return await self.session.get(Direction, direction_id)

    async def by_number(self, group_id: int, number: int) -> Direction | None:
        query = select(Direction).where(Direction.group_id == group_id, Direction.number == number)
        return (await self.session.scalars(query)).one_or_none()

    async def next_number(self, group_id: int) -> int:
        query = select(func.max(Direction.number)).where(Direction.group_id == group_id)
        return int((await self.session.scalar(query)) or 0) + 1

    async def of_group(
        self, group_id: int, states: Sequence[DirectionState] | None = None
    ) -> list[Direction]:
        query = select(Direction).where(
            Direction.group_id == group_id, Direction.state != DirectionState.DRAFT
        )
        if states is not None:
            query = query.where(Direction.state.in_(states))
        return list(await self.session.scalars(query.order_by(Direction.number)))

    async def open_targets(self) -> list[tuple[Direction, DirectionTarget]]:
        """Every organization's direction still open, in every group: what reminders read."""
        query = (
            select(Direction, DirectionTarget)
            .join(DirectionTarget, DirectionTarget.direction_id == Direction.id)
            .where(
                Direction.state == DirectionState.OPEN, DirectionTarget.progress != Progress.DONE
            )
            .order_by(Direction.id, DirectionTarget.id)
        )
        return [(d, t) for d, t in await self.session.execute(query)]

    async def sent_about(self, chat_id: int, message_id: int) -> tuple[int, int] | None:
        """(group id, number) of the direction a message the bot sent in ``chat_id`` was
        about: the direction itself, its file, a reminder or a notice; None otherwise."""
        values = {"chat_id": chat_id, "message_id": message_id}
        found = await run(self.session, statements.SENT_ABOUT, values)
        if not found.rows:
            return None
        group_id, slot = found.rows[0]
        number = str(slot).split(":", 1)[0]
        return (int(group_id), int(number)) if number.isdigit() else None

    async def directed(self, organization_id: int) -> bool:
        """Whether the organization was ever given a direction (a compiled look-up: every
        turn of a report asks it)."""
        found = await run(self.session, statements.DIRECTED, {"organization_id": organization_id})
        return bool(found.rows)

    async def for_organization(
        self, organization_id: int, *, open_only: bool = True
    ) -> list[tuple[Direction, DirectionTarget]]:
        query = (
            select(Direction, DirectionTarget)
            .join(DirectionTarget, DirectionTarget.direction_id == Direction.id)
            .where(DirectionTarget.organization_id == organization_id)
        )
        if open_only:
            query = query.where(
                Direction.state == DirectionState.OPEN, DirectionTarget.progress != Progress.DONE
            )
        else:
            query = query.where(Direction.state != DirectionState.DRAFT)
        return [(d, t) for d, t in await self.session.execute(query.order_by(Direction.number))]

    # --- organizations addressed ---------------------------------------------------------

    async def targets(self, direction_id: int) -> list[tuple[DirectionTarget, Organization]]:
        query = (
            select(DirectionTarget, Organization)
            .join(Organization, Organization.id == DirectionTarget.organization_id)
            .where(DirectionTarget.direction_id == direction_id)
            .order_by(Organization.id)
        )
        return [(t, o) for t, o in await self.session.execute(query)]

    async def targets_of(
        self, direction_ids: Sequence[int]
    ) -> list[tuple[DirectionTarget, Organization]]:
        query = (
            select(DirectionTarget, Organization)
            .join(Organization, Organization.id == DirectionTarget.organization_id)
            .where(DirectionTarget.direction_id.in_(direction_ids))
            .order_by(DirectionTarget.direction_id, Organization.id)
        )
        return [(t, o) for t, o in await self.session.execute(query)]

    async def target(self, direction_id: int, organization_id: int) -> DirectionTarget | None:
        query = select(DirectionTarget).where(
            DirectionTarget.direction_id == direction_id,
            DirectionTarget.organization_id == organization_id,
        )
        return (await self.session.scalars(query)).one_or_none()

    async def add_target(self, target: DirectionTarget) -> None:
        await self._add(target)

    async def remove_target(self, target: DirectionTarget) -> None:
        await self.session.delete(target)
        await self.session.flush()

    # --- history and files -----------------------------------------------------------------

    async def add_event(self, event: DirectionEvent) -> None:
        await self._add(event)

    async def events(
        self, direction_ids: Sequence[int]
    ) -> list[tuple[DirectionEvent, Person | None, Organization | None]]:
        query = (
            select(DirectionEvent, Person, Organization)
            .outerjoin(Person, Person.id == DirectionEvent.person_id)
            .outerjoin(Organization, Organization.id == DirectionEvent.organization_id)
            .where(DirectionEvent.direction_id.in_(direction_ids))
            .order_by(DirectionEvent.direction_id, DirectionEvent.id)
        )
        return [(e, p, o) for e, p, o in await self.session.execute(query)]

    async def add_file(self, file: DirectionFile) -> None:
        await self._add(file)

    async def file_at(self, chat_id: int, message_id: int) -> DirectionFile | None:
        query = select(DirectionFile).where(
            DirectionFile.chat_id == chat_id, DirectionFile.message_id == message_id
        )
        return (await self.session.scalars(query)).one_or_none()

    async def files(
        self, direction_id: int, organization_id: int | None = None
    ) -> list[DirectionFile]:
        query = select(DirectionFile).where(DirectionFile.direction_id == direction_id)
        if organization_id is None:
            query = query.where(DirectionFile.organization_id.is_(None))
        else:
            query = query.where(DirectionFile.organization_id == organization_id)
        return list(await self.session.scalars(query.order_by(DirectionFile.id)))

    # --- what the bot waits for ------------------------------------------------------------

    async def ask(self, chat_id: int, person_id: int) -> DirectionAsk | None:
        query = select(DirectionAsk).where(
            DirectionAsk.chat_id == chat_id, DirectionAsk.person_id == person_id
        )
        return (await self.session.scalars(query)).one_or_none()

    async def asks(self) -> list[tuple[int, int, str, datetime]]:
        """(chat id, user id, what is asked, since when) of everyone the bot waits on about
        a direction."""
        query = select(
            DirectionAsk.chat_id, Person.user_id, DirectionAsk.step, DirectionAsk.updated_at
        ).join(Person, Person.id == DirectionAsk.person_id)
        return [(c, u, step, at) for c, u, step, at in await self.session.execute(query)]

    async def set_ask(self, ask: DirectionAsk) -> None:
        await self.session.execute(
            delete(DirectionAsk).where(
                DirectionAsk.chat_id == ask.chat_id, DirectionAsk.person_id == ask.person_id
            )
        )
        await self._add(ask)

    async def drop_ask(self, chat_id: int, person_id: int) -> None:
        await self.session.execute(
            delete(DirectionAsk).where(
                DirectionAsk.chat_id == chat_id, DirectionAsk.person_id == person_id
            )
        )

    async def drop_drafts(self, person_id: int, chat_id: int) -> None:
        """A person's unfinished draft in a chat, when they start another."""
        await self.session.execute(
            delete(Direction).where(
                Direction.given_by == person_id,
                Direction.chat_id == chat_id,
                Direction.state == DirectionState.DRAFT,
            )
        )
