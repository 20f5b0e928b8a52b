"""The configured roster read and written in bulk: groups' organizations, the people the
config names and their memberships, for bringing thousands of groups in line with the config
at start-up.

Rows come back as tuples, not objects: a unit of work keeps every object it loads until it
ends, and a statement per kind of change replaces a flush per row (1,000 groups of seven
people: 31,000 statements one at a time, about 6 s).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import delete, insert, select, update

from storage.models import Membership, MembershipSource, Organization, Person, Role
from storage.repositories import _Repository

T = TypeVar("T")

CHUNK = 500  # values bound in one IN (...) or one INSERT; well below SQLite's limits


class OrganizationRow(NamedTuple):
    id: int
    group_id: int
    code: str
    name: str
    active: bool


class NewOrganization(NamedTuple):
    group_id: int
    code: str
    name: str


class MembershipRow(NamedTuple):
    id: int
    group_id: int
    person_id: int
    role: Role
    organization_id: int | None
    source: MembershipSource


class NewMembership(NamedTuple):
    group_id: int
    person_id: int
    role: Role
    organization_id: int | None


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class RosterRepository(_Repository):
    async def organizations(self, group_ids: Sequence[int]) -> list[OrganizationRow]:
        """The groups' organizations, active or not, in the order they were added."""
        query = select(
            Organization.id,
            Organization.group_id,
            Organization.code,
            Organization.name,
            Organization.active,
        )
        rows: list[OrganizationRow] = []
        for chunk in _chunks(group_ids):
            found = await self.session.execute(query.where(Organization.group_id.in_(chunk)))
            rows += (OrganizationRow(*row) for row in found)
        return sorted(rows)

    async def add_organizations(self, new: Sequence[NewOrganization]) -> list[int]:
        """Active organizations added; their ids in the order given."""
        ids: list[int] = []
        for chunk in _chunks(new):
            statement = insert(Organization).returning(
                Organization.id, sort_by_parameter_order=True
            )
            added = await self.session.execute(statement, [o._asdict() for o in chunk])
            ids += added.scalars()
        return ids

    async def update_organization(
        self, organization_id: int, *, name: str | None = None, active: bool
    ) -> None:
        values: dict[str, object] = {"active": active}
        if name is not None:
            values["name"] = name
        statement = update(Organization).where(Organization.id == organization_id)
        await self.session.execute(statement.values(values))

    async def person_ids(self, user_ids: Sequence[int]) -> dict[int, int]:
        """The people known among these user ids: person id by user id."""
        found: dict[int, int] = {}
        for chunk in _chunks(user_ids):
            query = select(Person.user_id, Person.id).where(Person.user_id.in_(chunk))
            rows = await self.session.execute(query)
            found.update((user_id, person_id) for user_id, person_id in rows)
        return found

    async def add_people(self, user_ids: Sequence[int]) -> dict[int, int]:
        """People added (no name yet), in the order given: person id by user id."""
        added: dict[int, int] = {}
        for chunk in _chunks(user_ids):
            statement = insert(Person).returning(
                Person.user_id, Person.id, sort_by_parameter_order=True
            )
            rows = await self.session.execute(statement, [{"user_id": u} for u in chunk])
            added.update((user_id, person_id) for user_id, person_id in rows)
        return added

    async def memberships(self, group_ids: Sequence[int]) -> list[MembershipRow]:
        """The groups' memberships, however they came, in the order they were added."""
        query = select(
            Membership.id,
            Membership.group_id,
            Membership.person_id,
            Membership.role,
            Membership.organization_id,
            Membership.source,
        )
        rows: list[MembershipRow] = []
        for chunk in _chunks(group_ids):
            found = await self.session.execute(query.where(Membership.group_id.in_(chunk)))
            rows += (MembershipRow(*row) for row in found)
        return sorted(rows)

    async def add_memberships(
        self, new: Iterable[NewMembership], *, source: MembershipSource, now: datetime
    ) -> None:
        """Memberships added, in the order given."""
        rows = [{**m._asdict(), "source": source, "created_at": now} for m in new]
        for chunk in _chunks(rows):
            await self.session.execute(insert(Membership), chunk)

    async def remove_memberships(self, membership_ids: Sequence[int]) -> None:
        for chunk in _chunks(membership_ids):
            await self.session.execute(delete(Membership).where(Membership.id.in_(chunk)))
