"""Storage on a real SQLite file in a temporary folder."""

from __future__ import annotations

import asyncio
import copy
import io
import os
import sqlite3
import stat
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from bot.config import parse_config
from bot.core.conversation import ReportState
from bot.services.roster import sync_roster
from storage.backup import backup_sqlite
from storage.database import Database, alembic_config, head_revision
from storage.models import (
    Base,
    DeliveryState,
    Group,
    Membership,
    MembershipSource,
    Organization,
    Period,
    Person,
    Report,
    Role,
    SentMessage,
)
from storage.sqlite_driver import LoopConnection
from tests.unit.test_config import MINIMAL

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'giaoban.db'}", busy_timeout_ms=1500)
    await database.upgrade()
    yield database
    await database.dispose()


async def add_group(db: Database, chat_id: int = -1001) -> tuple[int, int]:
    """A group with one organization; returns (group id, organization id)."""
    async with db.unit_of_work() as uow:
        group = await uow.groups.add(
            Group(
                chat_id=chat_id,
                name="Nhóm",
                timezone="Asia/Ho_Chi_Minh",
                language="vi",
                created_at=NOW,
            )
        )
        org = await uow.groups.add_organization(
            Organization(group_id=group.id, code="doan", name="Tỉnh đoàn")
        )
        await uow.commit()
        return group.id, org.id


async def add_period(db: Database, group_id: int, key: str = "2026-W48") -> int:
    async with db.unit_of_work() as uow:
        period = await uow.reports.add_period(
            Period(
                group_id=group_id,
                key=key,
                starts_at=NOW,
                ends_at=NOW + timedelta(days=7),
                deadline_at=NOW + timedelta(days=4),
            )
        )
        await uow.commit()
        return period.id


async def test_migrations_from_empty_reach_the_newest_revision_and_match_the_models(
    db: Database,
) -> None:
    assert await db.current_revision() == head_revision()
    async with db.engine.connect() as connection:
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    assert diff == []


async def test_upgrading_an_up_to_date_database_changes_nothing(db: Database) -> None:
    group_id, _ = await add_group(db)
    assert await db.upgrade() == head_revision()
    async with db.unit_of_work() as uow:
        assert await uow.groups.by_chat_id(-1001) is not None
    assert group_id


async def test_every_connection_enforces_foreign_keys_and_uses_wal(db: Database) -> None:
    async with db.engine.connect() as connection:
        pragmas = [
            (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
            for name in ("foreign_keys", "journal_mode")
        ]
    assert pragmas == [1, "wal"]


async def test_a_commit_is_synced_to_disk_unless_normal_is_asked_for(tmp_path: Path) -> None:
    found = []
    for asked in ("full", "normal"):
        database = Database(f"sqlite+aiosqlite:///{tmp_path / asked}.db", synchronous=asked)
        async with database.engine.connect() as connection:
            found.append((await connection.exec_driver_sql("PRAGMA synchronous")).scalar())
        await database.dispose()
    assert found == [2, 1]  # FULL, NORMAL


async def test_the_database_runs_on_the_private_driver_on_the_loops_own_thread(
    db: Database,
) -> None:
    # Falling back to aiosqlite would still pass the lock tests below; this would fail.
    threads = threading.active_count()
    async with db.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        await connection.exec_driver_sql("SELECT 1")

        assert isinstance(raw.driver_connection, LoopConnection)
    assert threading.active_count() == threads  # no thread per connection, as aiosqlite's


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another connection (as another process would) holding the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def test_a_unit_of_work_waits_for_a_lock_held_elsewhere_while_the_loop_serves_others(
    db: Database,
) -> None:
    assert db.path is not None
    other = _hold_write_lock(db.path)
    beats = 0

    async def heartbeat() -> None:
        nonlocal beats
        while True:
            beats += 1
            await asyncio.sleep(0.01)

    async def release_later() -> None:
        await asyncio.sleep(0.3)
        other.rollback()

    beating = asyncio.create_task(heartbeat())
    releasing = asyncio.create_task(release_later())
    try:
        group_id, _ = await add_group(db)
    finally:
        beating.cancel()
        await releasing
        other.close()
    assert group_id
    assert beats >= 10  # the loop ran other work while the unit of work waited


async def test_a_lock_held_past_the_busy_timeout_fails_the_unit_of_work(db: Database) -> None:
    assert db.path is not None
    other = _hold_write_lock(db.path)
    try:
        with pytest.raises(OperationalError, match="database is locked"):
            await add_group(db)
    finally:
        other.close()
    assert await add_group(db)


async def test_the_database_file_is_readable_by_its_owner_only(db: Database) -> None:
    assert db.path is not None
    assert stat.S_IMODE(os.stat(db.path).st_mode) == 0o600


async def test_times_come_back_as_the_same_instant_in_aware_utc(db: Database) -> None:
    hanoi = timezone(timedelta(hours=7))
    submitted = datetime(2026, 11, 27, 16, 59, 30, 123456, tzinfo=hanoi)
    group_id, org_id = await add_group(db)
    period_id = await add_period(db, group_id)
    async with db.unit_of_work() as uow:
        person = await uow.people.add(Person(user_id=42, full_name="An"))
        await uow.reports.add_report(
            Report(
                period_id=period_id,
                organization_id=org_id,
                state=ReportState.SUBMITTED,
                submitted_at=submitted,
                submitted_by=person.id,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        await uow.commit()
    async with db.unit_of_work() as uow:
        report = await uow.reports.report(period_id, org_id)
    assert report is not None
    assert report.submitted_at == submitted
    assert report.submitted_at.tzinfo == UTC
    assert report.submitted_at.hour == 9


async def test_a_naive_time_is_refused_before_it_reaches_the_database(db: Database) -> None:
    async with db.unit_of_work() as uow:
        uow.session.add(
            Group(
                chat_id=-1,
                name="x",
                timezone="UTC",
                language="vi",
                created_at=datetime(2026, 11, 23, 9, 0),
            )
        )
        with pytest.raises(StatementError, match="naive datetime"):
            await uow.session.flush()


async def test_chat_ids_keep_all_64_bits(db: Database) -> None:
    await add_group(db, chat_id=-(2**62) - 12345)
    async with db.unit_of_work() as uow:
        assert await uow.groups.by_chat_id(-(2**62) - 12345) is not None


async def test_an_organization_code_is_unique_within_its_group(db: Database) -> None:
    group_id, _ = await add_group(db)
    async with db.unit_of_work() as uow:
        with pytest.raises(IntegrityError):
            await uow.groups.add_organization(
                Organization(group_id=group_id, code="doan", name="Trùng")
            )


async def test_one_report_per_organization_per_period(db: Database) -> None:
    group_id, org_id = await add_group(db)
    period_id = await add_period(db, group_id)
    draft = {
        "period_id": period_id,
        "organization_id": org_id,
        "state": ReportState.DRAFT,
        "created_at": NOW,
        "updated_at": NOW,
    }
    async with db.unit_of_work() as uow:
        await uow.reports.add_report(Report(**draft))
        with pytest.raises(IntegrityError):
            await uow.reports.add_report(Report(**draft))


async def test_a_report_must_belong_to_an_existing_period(db: Database) -> None:
    _, org_id = await add_group(db)
    async with db.unit_of_work() as uow:
        with pytest.raises(IntegrityError):
            await uow.reports.add_report(
                Report(
                    period_id=999,
                    organization_id=org_id,
                    state=ReportState.DRAFT,
                    created_at=NOW,
                    updated_at=NOW,
                )
            )


async def test_a_submitted_report_must_say_who_submitted_it_and_when(db: Database) -> None:
    group_id, org_id = await add_group(db)
    period_id = await add_period(db, group_id)
    async with db.unit_of_work() as uow:
        with pytest.raises(IntegrityError, match=r"submitted_has_who_and_when|CHECK"):
            await uow.reports.add_report(
                Report(
                    period_id=period_id,
                    organization_id=org_id,
                    state=ReportState.SUBMITTED,
                    created_at=NOW,
                    updated_at=NOW,
                )
            )


async def test_a_person_is_in_the_secretariat_of_a_group_once(db: Database) -> None:
    group_id, _ = await add_group(db)
    async with db.unit_of_work() as uow:
        person = await uow.people.add(Person(user_id=7, full_name="Bình"))
        row = {
            "group_id": group_id,
            "person_id": person.id,
            "role": Role.SECRETARIAT,
            "source": MembershipSource.CONFIG,
            "created_at": NOW,
        }
        await uow.groups.add_membership(Membership(**row))
        with pytest.raises(IntegrityError):
            await uow.groups.add_membership(Membership(**row))


async def test_a_leader_must_lead_an_organization(db: Database) -> None:
    group_id, _ = await add_group(db)
    async with db.unit_of_work() as uow:
        person = await uow.people.add(Person(user_id=8, full_name="Cường"))
        with pytest.raises(IntegrityError):
            await uow.groups.add_membership(
                Membership(
                    group_id=group_id,
                    person_id=person.id,
                    role=Role.LEADER,
                    source=MembershipSource.CONFIG,
                    created_at=NOW,
                )
            )


async def test_leaving_a_unit_of_work_without_commit_keeps_nothing(db: Database) -> None:
    async with db.unit_of_work() as uow:
        await uow.people.add(Person(user_id=9, full_name="Dũng"))
    async with db.unit_of_work() as uow:
        assert await uow.people.by_user_id(9) is None


async def test_a_failure_inside_a_unit_of_work_rolls_everything_back(db: Database) -> None:
    async def add_then_fail() -> None:
        async with db.unit_of_work() as uow:
            await uow.people.add(Person(user_id=10, full_name="Em"))
            await uow.session.flush()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await add_then_fail()
    async with db.unit_of_work() as uow:
        assert await uow.people.by_user_id(10) is None


async def test_statements_run_below_the_session_belong_to_the_unit_of_work(db: Database) -> None:
    """``storage/compiled.py``: rolled back with the unit of work, committed with it, after
    what the session had not yet flushed."""
    async with db.unit_of_work() as uow:
        assert await uow.handled.mark("m:1:1", NOW)  # below the session, then no commit
    async with db.unit_of_work() as uow:
        person = Person(user_id=11, full_name="Giang")
        uow.session.add(person)
        assert await uow.handled.mark("m:1:1", NOW)
        assert person.id is not None  # the pending object was flushed first
        await uow.commit()
        assert not await uow.handled.mark("m:1:1", NOW)  # a new transaction, same unit of work
        await uow.commit()
    async with db.unit_of_work() as uow:
        assert not await uow.handled.mark("m:1:1", NOW)
        assert await uow.people.by_user_id(11) is not None


async def test_a_scheduled_message_can_be_claimed_only_once_per_period_kind_and_slot(
    db: Database,
) -> None:
    group_id, _ = await add_group(db)
    period_id = await add_period(db, group_id)

    def entry(kind: str, slot: str = "") -> SentMessage:
        return SentMessage(
            period_id=period_id,
            kind=kind,
            slot=slot,
            state=DeliveryState.PENDING,
            chat_id=-100,
            text="x",
            created_at=NOW,
        )

    async with db.unit_of_work() as uow:
        first = await uow.ledger.claim(entry("digest"))
        await uow.commit()
    async with db.unit_of_work() as uow:
        again = await uow.ledger.claim(entry("digest"))
        other_slot = await uow.ledger.claim(entry("reminder", "2026-11-26"))
        await uow.commit()
    assert (first, again, other_slot) == (True, False, True)
    async with db.unit_of_work() as uow:
        assert [e.kind for e in await uow.ledger.deliverable(NOW)] == ["digest", "reminder"]


def roster_config(**group_changes: Any) -> Any:
    data = copy.deepcopy(MINIMAL)
    data["groups"][0].update(group_changes)
    return parse_config(data)


async def memberships(db: Database) -> set[tuple[int, str, str | None, str]]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            select(Person.user_id, Membership.role, Organization.code, Membership.source)
            .join(Person, Person.id == Membership.person_id)
            .outerjoin(Organization, Organization.id == Membership.organization_id)
        )
        return {(r[0], r[1].value, r[2], r[3].value) for r in rows}


async def test_configured_secretariat_and_leaders_are_members_from_the_start(
    db: Database,
) -> None:
    await sync_roster(db, roster_config(), now=NOW)
    assert await memberships(db) == {
        (1, "secretariat", None, "config"),
        (2, "leader", "doan", "config"),
    }


async def test_resyncing_follows_the_config_but_keeps_people_who_joined(db: Database) -> None:
    await sync_roster(db, roster_config(), now=NOW)
    async with db.unit_of_work() as uow:
        group = await uow.groups.by_chat_id(-100123)
        assert group is not None
        (org,) = await uow.groups.organizations(group.id)
        joined = await uow.people.add(Person(user_id=99, full_name="Giang"))
        await uow.groups.add_membership(
            Membership(
                group_id=group.id,
                person_id=joined.id,
                role=Role.LEADER,
                organization_id=org.id,
                source=MembershipSource.JOINED,
                created_at=NOW,
            )
        )
        await uow.commit()

    changed = roster_config(
        organizations=[{"code": "hnd", "name": "Hội Nông dân", "leaders": [3]}],
        secretariat=[1, 4],
    )
    await sync_roster(db, changed, now=NOW)
    await sync_roster(db, changed, now=NOW)  # start-up twice: no duplicates

    assert await memberships(db) == {
        (1, "secretariat", None, "config"),
        (4, "secretariat", None, "config"),
        (3, "leader", "hnd", "config"),
        (99, "leader", "doan", "joined"),
    }
    async with db.unit_of_work() as uow:
        group = await uow.groups.by_chat_id(-100123)
        assert group is not None
        active = [o.code for o in await uow.groups.organizations(group.id)]
        every = [o.code for o in await uow.groups.organizations(group.id, active_only=False)]
    assert active == ["hnd"]
    assert every == ["doan", "hnd"]


async def test_a_backup_of_a_live_database_holds_what_was_committed_and_nothing_else(
    db: Database, tmp_path: Path
) -> None:
    await add_group(db, chat_id=-1001)
    assert db.path is not None
    # Another writer is mid-transaction while the backup runs.
    writer = sqlite3.connect(db.path, isolation_level=None, timeout=5)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO groups (chat_id, name, timezone, language, created_at) "
        "VALUES (-2002, 'chưa lưu', 'UTC', 'vi', '2026-11-23 02:00:00')"
    )
    out = tmp_path / "backup.db"
    size = backup_sqlite(db.path, out)
    writer.execute("ROLLBACK")
    writer.close()

    assert size == out.stat().st_size > 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with sqlite3.connect(out) as copy_:
        assert copy_.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy_.execute("SELECT chat_id FROM groups").fetchall() == [(-1001,)]
    assert not (tmp_path / "backup.db-wal").exists()


def test_backing_up_a_missing_database_fails_without_creating_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        backup_sqlite(tmp_path / "absent.db", tmp_path / "out.db")
    assert not (tmp_path / "absent.db").exists()
    assert not (tmp_path / "out.db").exists()


def test_the_migrations_render_for_postgresql() -> None:
    config = alembic_config("postgresql://giaoban@localhost/giaoban")
    output = io.StringIO()
    config.output_buffer = output
    command.upgrade(config, "head", sql=True)
    sql = output.getvalue()
    assert "CREATE TABLE groups" in sql
    assert "chat_id BIGINT NOT NULL" in sql
    assert "TIMESTAMP WITH TIME ZONE" in sql
    assert "active BOOLEAN DEFAULT true NOT NULL" in sql
    assert "WHERE role = 'secretariat'" in sql


async def test_the_database_refuses_a_report_state_it_does_not_know(db: Database) -> None:
    group_id, org_id = await add_group(db)
    period_id = await add_period(db, group_id)
    async with db.unit_of_work() as uow:
        with pytest.raises(IntegrityError):
            await uow.session.execute(
                text(
                    "INSERT INTO reports (period_id, organization_id, state, created_at, "
                    "updated_at) VALUES (:p, :o, 'lost', '2026-11-23', '2026-11-23')"
                ),
                {"p": period_id, "o": org_id},
            )
