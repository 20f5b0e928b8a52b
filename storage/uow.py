"""The unit of work: one session, one transaction, committed here and nowhere else."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.directions import DirectionRepository
from storage.plans import PlanRepository
from storage.repositories import (
    ChatRepository,
    ConversationRepository,
    GroupRepository,
    HandledUpdateRepository,
    JoinRequestRepository,
    LedgerRepository,
    PeopleRepository,
    PromptRepository,
    ReportNoteRepository,
    ReportRepository,
)
from storage.roster import RosterRepository


class UnitOfWork:
    """``async with db.unit_of_work() as uow: ...; await uow.commit()``.

    Leaving the block without ``commit()`` (or with an exception) rolls everything back.
    """

    session: AsyncSession
    groups: GroupRepository
    people: PeopleRepository
    reports: ReportRepository
    ledger: LedgerRepository
    conversations: ConversationRepository
    handled: HandledUpdateRepository
    joins: JoinRequestRepository
    chats: ChatRepository
    prompts: PromptRepository
    notes: ReportNoteRepository
    roster: RosterRepository  # the configured roster in bulk, at start-up
    directions: DirectionRepository
    plans: PlanRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        # The identity map holds objects weakly: one read, dropped by its caller, was read
        # again by the next lookup (three times per answer). Holding every object loaded for
        # the life of the unit of work makes repeated lookups free.
        kept: list[object] = []
        event.listen(self.session.sync_session, "loaded_as_persistent",
                     lambda _session, instance: kept.append(instance))  # fmt: skip
        self.groups = GroupRepository(self.session)
        self.people = PeopleRepository(self.session)
        self.reports = ReportRepository(self.session)
        self.ledger = LedgerRepository(self.session)
        self.conversations = ConversationRepository(self.session)
        self.handled = HandledUpdateRepository(self.session)
        self.joins = JoinRequestRepository(self.session)
        self.chats = ChatRepository(self.session)
        self.prompts = PromptRepository(self.session)
        self.notes = ReportNoteRepository(self.session)
        self.roster = RosterRepository(self.session)
        self.directions = DirectionRepository(self.session)
        self.plans = PlanRepository(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed; unlike rollback() it does not expire
        # the objects read, so results of a read-only unit of work stay usable afterwards.
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()
