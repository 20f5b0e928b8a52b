"""Repositories: queries and additions within the caller's session. They never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Answer,
    AnswerRevision,
    DeliveryState,
    Group,
    Membership,
    Organization,
    Period,
    Person,
    Report,
    SentMessage,
)


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session


class GroupRepository(_Repository):
    async def by_chat_id(self, chat_id: int) -> Group | None:
        result = await self.session.scalars(select(Group).where(Group.chat_id == chat_id))
        return result.one_or_none()

    async def add(self, group: Group) -> Group:
        self.session.add(group)
        await self.session.flush()
        return group

    async def organizations(self, group_id: int, *, active_only: bool = True) -> list[Organization]:
        query = select(Organization).where(Organization.group_id == group_id)
        if active_only:
            query = query.where(Organization.active.is_(True))
        return list(await self.session.scalars(query.order_by(Organization.id)))

    async def add_organization(self, organization: Organization) -> Organization:
        self.session.add(organization)
        await self.session.flush()
        return organization

    async def memberships(self, group_id: int) -> list[Membership]:
        query = select(Membership).where(Membership.group_id == group_id).order_by(Membership.id)
        return list(await self.session.scalars(query))

    async def memberships_of(self, group_id: int, person_id: int) -> list[Membership]:
        query = select(Membership).where(
            Membership.group_id == group_id, Membership.person_id == person_id
        )
        return list(await self.session.scalars(query.order_by(Membership.id)))

    async def add_membership(self, membership: Membership) -> Membership:
        self.session.add(membership)
        await self.session.flush()
        return membership

    async def remove_membership(self, membership: Membership) -> None:
        await self.session.delete(membership)
        await self.session.flush()


class PeopleRepository(_Repository):
    async def by_user_id(self, user_id: int) -> Person | None:
        result = await self.session.scalars(select(Person).where(Person.user_id == user_id))
        return result.one_or_none()

    async def by_ids(self, ids: Sequence[int]) -> list[Person]:
        if not ids:
            return []
        return list(await self.session.scalars(select(Person).where(Person.id.in_(ids))))

    async def add(self, person: Person) -> Person:
        self.session.add(person)
        await self.session.flush()
        return person


class ReportRepository(_Repository):
    async def period(self, group_id: int, key: str) -> Period | None:
        query = select(Period).where(Period.group_id == group_id, Period.key == key)
        return (await self.session.scalars(query)).one_or_none()

    async def add_period(self, period: Period) -> Period:
        self.session.add(period)
        await self.session.flush()
        return period

    async def report(self, period_id: int, organization_id: int) -> Report | None:
        query = select(Report).where(
            Report.period_id == period_id, Report.organization_id == organization_id
        )
        return (await self.session.scalars(query)).one_or_none()

    async def reports_of_period(self, period_id: int) -> list[Report]:
        query = select(Report).where(Report.period_id == period_id).order_by(Report.id)
        return list(await self.session.scalars(query))

    async def add_report(self, report: Report) -> Report:
        self.session.add(report)
        await self.session.flush()
        return report

    async def answers(self, report_id: int) -> list[Answer]:
        query = select(Answer).where(Answer.report_id == report_id).order_by(Answer.id)
        return list(await self.session.scalars(query))

    async def add_answer(self, answer: Answer) -> Answer:
        self.session.add(answer)
        await self.session.flush()
        return answer

    async def add_revision(self, revision: AnswerRevision) -> AnswerRevision:
        self.session.add(revision)
        await self.session.flush()
        return revision

    async def revisions(self, answer_id: int) -> list[AnswerRevision]:
        query = (
            select(AnswerRevision)
            .where(AnswerRevision.answer_id == answer_id)
            .order_by(AnswerRevision.id)
        )
        return list(await self.session.scalars(query))


class LedgerRepository(_Repository):
    async def claim(self, period_id: int, kind: str, slot: str, now: datetime) -> bool:
        """Record that (period, kind, slot) is about to be sent; False if it already was.

        An INSERT ... ON CONFLICT DO NOTHING, so two instances racing for the same message
        cannot both win, on SQLite as on PostgreSQL.
        """
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = (
            insert(SentMessage)
            .values(
                period_id=period_id,
                kind=kind,
                slot=slot,
                state=DeliveryState.PENDING,
                attempts=0,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["period_id", "kind", "slot"])
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def entry(self, period_id: int, kind: str, slot: str = "") -> SentMessage | None:
        query = select(SentMessage).where(
            SentMessage.period_id == period_id, SentMessage.kind == kind, SentMessage.slot == slot
        )
        return (await self.session.scalars(query)).one_or_none()

    async def pending(self) -> list[SentMessage]:
        query = select(SentMessage).where(SentMessage.state == DeliveryState.PENDING)
        return list(await self.session.scalars(query.order_by(SentMessage.id)))
