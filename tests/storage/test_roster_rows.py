"""The roster repository: organizations, people and memberships read as rows and written in
bulk, on a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from storage import roster
from storage.database import Database
from storage.models import Group, Membership, MembershipSource, Organization, Person, Role
from storage.roster import MembershipRow, NewMembership, NewOrganization, OrganizationRow

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'giaoban.db'}")
    await database.upgrade()
    yield database
    await database.dispose()


async def add_groups(db: Database, count: int) -> list[int]:
    async with db.unit_of_work() as uow:
        groups = [
            Group(
                chat_id=-1000 - n,
                name=f"Nhóm {n}",
                timezone="Asia/Ho_Chi_Minh",
                language="vi",
                created_at=NOW,
            )
            for n in range(count)
        ]
        uow.session.add_all(groups)
        await uow.commit()
        return [g.id for g in groups]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two values per IN (...) and per INSERT, so that every call spans several chunks."""
    monkeypatch.setattr(roster, "CHUNK", 2)


@pytest.mark.usefixtures("small_chunks")
async def test_organizations_are_added_in_order_and_read_back_as_rows(db: Database) -> None:
    first, second, other = await add_groups(db, 3)
    new = [
        NewOrganization(first, "doan", "Tỉnh đoàn"),
        NewOrganization(second, "hoi", "Hội"),
        NewOrganization(first, "cd", "Công đoàn"),
        NewOrganization(other, "x", "X"),
    ]
    async with db.unit_of_work() as uow:
        ids = await uow.roster.add_organizations(new)
        await uow.commit()
    assert ids == sorted(ids)

    async with db.unit_of_work() as uow:
        await uow.roster.update_organization(ids[0], name="Đoàn TN", active=True)
        await uow.roster.update_organization(ids[2], active=False)
        await uow.commit()
    async with db.unit_of_work() as uow:
        rows = await uow.roster.organizations([second, first])
    assert rows == [
        OrganizationRow(ids[0], first, "doan", "Đoàn TN", True),
        OrganizationRow(ids[1], second, "hoi", "Hội", True),
        OrganizationRow(ids[2], first, "cd", "Công đoàn", False),
    ]


@pytest.mark.usefixtures("small_chunks")
async def test_people_are_found_by_user_id_and_added_without_a_name(db: Database) -> None:
    async with db.unit_of_work() as uow:
        uow.session.add(Person(user_id=7, full_name="Chị Lan"))
        await uow.commit()
    async with db.unit_of_work() as uow:
        known = await uow.roster.person_ids([5, 7, 9])
        added = await uow.roster.add_people([9, 5, 11])
        await uow.commit()
    assert list(known) == [7]
    assert list(added) == [9, 5, 11]
    assert sorted(added.values()) == list(added.values())  # ids in the order given
    async with db.unit_of_work() as uow:
        assert await uow.roster.person_ids([5, 7, 9, 11, 13]) == known | added
        people = {p.user_id: p for p in await uow.session.scalars(select(Person))}
    assert (people[5].full_name, people[5].username, people[7].full_name) == ("", None, "Chị Lan")


@pytest.mark.usefixtures("small_chunks")
async def test_memberships_are_added_read_back_and_removed(db: Database) -> None:
    first, second = await add_groups(db, 2)
    async with db.unit_of_work() as uow:
        (org,) = await uow.roster.add_organizations([NewOrganization(first, "doan", "Đoàn")])
        person = await uow.roster.add_people([1, 2, 3])
        await uow.roster.add_memberships(
            [
                NewMembership(first, person[1], Role.SECRETARIAT, None),
                NewMembership(first, person[2], Role.LEADER, org),
                NewMembership(second, person[3], Role.SECRETARIAT, None),
            ],
            source=MembershipSource.CONFIG,
            now=NOW,
        )
        uow.session.add(
            Membership(
                group_id=first,
                person_id=person[3],
                role=Role.LEADER,
                organization_id=org,
                source=MembershipSource.JOINED,
                created_at=NOW,
            )
        )
        await uow.commit()

    async with db.unit_of_work() as uow:
        rows = await uow.roster.memberships([first])
    assert [(r.person_id, r.role, r.organization_id, r.source) for r in rows] == [
        (person[1], Role.SECRETARIAT, None, MembershipSource.CONFIG),
        (person[2], Role.LEADER, org, MembershipSource.CONFIG),
        (person[3], Role.LEADER, org, MembershipSource.JOINED),
    ]
    assert all(isinstance(r, MembershipRow) for r in rows)

    async with db.unit_of_work() as uow:
        await uow.roster.remove_memberships([rows[0].id, rows[2].id])
        await uow.roster.remove_memberships([])
        await uow.commit()
    async with db.unit_of_work() as uow:
        left = await uow.roster.memberships([first, second])
        stored = await uow.session.get(Membership, left[0].id)
    assert stored is not None
    assert [(r.group_id, r.person_id) for r in left] == [(first, person[2]), (second, person[3])]
    assert stored.created_at == NOW


async def test_nothing_to_read_or_write_makes_no_statement(db: Database) -> None:
    async with db.unit_of_work() as uow:
        assert await uow.roster.organizations([]) == []
        assert await uow.roster.add_organizations([]) == []
        assert await uow.roster.person_ids([]) == {}
        assert await uow.roster.add_people([]) == {}
        assert await uow.roster.memberships([]) == []
        await uow.roster.add_memberships([], source=MembershipSource.CONFIG, now=NOW)
        await uow.roster.remove_memberships([])
        assert list(await uow.session.scalars(select(Organization))) == []
