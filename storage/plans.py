"""A group's response plan: its sections, tasks, the units carrying them and its history.
Queries and additions within the caller's session; never a commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import statements
from storage.compiled import run
from storage.models import Person, Plan, PlanAsk, PlanCarrier, PlanEvent, PlanSection, PlanTask


class PlanRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, row: object) -> None:
        self.session.add(row)
        await self.session.flush()

    async def of_group(self, group_id: int) -> Plan | None:
        query = select(Plan).where(Plan.group_id == group_id)
        return (await self.session.scalars(query)).one_or_none()

    async def get(self, plan_id: int) -> Plan | None:
        return await self.session.get(Plan, plan_id)

    async def add(self, plan: Plan) -> Plan:
        await self._add(plan)
        return plan

    async def sections(self, plan_id: int) -> list[PlanSection]:
        query = select(PlanSection).where(PlanSection.plan_id == plan_id)
        return list(await self.session.scalars(query.order_by(PlanSection.position)))

    async def replace_sections(self, plan_id: int, sections: Sequence[PlanSection]) -> None:
        await self.session.execute(delete(PlanSection).where(PlanSection.plan_id == plan_id))
        self.session.add_all(sections)
        await self.session.flush()

    async def tasks(self, plan_id: int, *, active_only: bool = True) -> list[PlanTask]:
        query = select(PlanTask).where(PlanTask.plan_id == plan_id)
        if active_only:
            query = query.where(PlanTask.active)
        return list(await self.session.scalars(query.order_by(PlanTask.position, PlanTask.id)))

    async def add_task(self, task: PlanTask) -> PlanTask:
        await self._add(task)
        return task

    async def carriers(self, task_ids: Sequence[int]) -> list[PlanCarrier]:
        if not task_ids:
            return []
        query = select(PlanCarrier).where(PlanCarrier.task_id.in_(task_ids))
        return list(await self.session.scalars(query.order_by(PlanCarrier.id)))

    async def carrier(self, carrier_id: int) -> PlanCarrier | None:
        return await self.session.get(PlanCarrier, carrier_id)

    async def task(self, task_id: int) -> PlanTask | None:
        return await self.session.get(PlanTask, task_id)

    async def add_carrier(self, carrier: PlanCarrier) -> PlanCarrier:
        await self._add(carrier)
        return carrier

    async def add_event(self, event: PlanEvent) -> None:
        await self._add(event)

    async def events(self, plan_id: int) -> list[tuple[PlanEvent, Person | None]]:
        query = (
            select(PlanEvent, Person)
            .outerjoin(Person, Person.id == PlanEvent.person_id)
            .where(PlanEvent.plan_id == plan_id)
            .order_by(PlanEvent.id)
        )
        return [(e, p) for e, p in await self.session.execute(query)]

    async def carried_by(self, unit: str) -> bool:
        """Whether ``unit`` carries any active task (a compiled look-up: every turn of a
        report asks it)."""
        found = await run(self.session, statements.CARRIES, {"unit": unit})
        return bool(found.rows)

    # --- what the bot waits for ---------------------------------------------------------------

    async def ask(self, chat_id: int, person_id: int) -> PlanAsk | None:
        query = select(PlanAsk).where(PlanAsk.chat_id == chat_id, PlanAsk.person_id == person_id)
        return (await self.session.scalars(query)).one_or_none()

    async def asks(self) -> list[tuple[int, int, str, datetime]]:
        """(chat id, user id, what is asked, since when) of everyone the bot waits on about
        a plan."""
        query = select(PlanAsk.chat_id, Person.user_id, PlanAsk.what, PlanAsk.updated_at).join(
            Person, Person.id == PlanAsk.person_id
        )
        return [(c, u, what, at) for c, u, what, at in await self.session.execute(query)]

    async def set_ask(self, ask: PlanAsk) -> None:
        await self.drop_ask(ask.chat_id, ask.person_id)
        await self._add(ask)

    async def drop_ask(self, chat_id: int, person_id: int) -> None:
        await self.session.execute(
            delete(PlanAsk).where(PlanAsk.chat_id == chat_id, PlanAsk.person_id == person_id)
        )
