"""The week through the weekly service alone: what a tick claims, exactly once, and what the
secretariat's summary holds."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.services import outcomes
from bot.services.container import Services
from bot.services.people import Chat, Sender
from tests.harness import GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID
from tests.services.conftest import Open


def claimed(tmp_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "giaoban.db") as connection:
        return connection.execute(
            "SELECT kind, slot, chat_id FROM sent_messages WHERE state != 'skipped' ORDER BY id"
        ).fetchall()


async def test_a_tick_claims_the_call_for_reports_once_across_a_restart(
    open_services: Open, clock: FakeClock, tmp_path: Path
) -> None:
    first = await open_services()
    await first.weekly.tick(clock.now())
    once = claimed(tmp_path)

    second = await open_services()
    again = await second.weekly.tick(clock.now())

    assert ("call", "", GROUP_ID) in once
    assert again == 0
    assert claimed(tmp_path) == once


async def test_the_claimed_call_names_who_owes_a_report_in_the_groups_words(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    await services.weekly.tick(clock.now())

    with sqlite3.connect(tmp_path / "giaoban.db") as connection:
        text, markup = connection.execute(
            "SELECT text, markup FROM sent_messages WHERE kind = 'call'"
        ).fetchone()

    assert "Tỉnh đoàn" in text
    assert "Hội Nông dân tỉnh" in text
    assert '"callback_data": "b"' in markup  # "Report now", in the layout chats already hold


async def test_the_secretariats_summary_reads_the_period_as_it_stands(
    services: Services, clock: FakeClock
) -> None:
    secretary = Sender(SECRETARY_ID, "Trần Văn Nam", None)
    later = clock.now() + timedelta(days=5)  # past Friday's deadline

    summary = await services.weekly.summary(Chat(GROUP_ID, False), 1, secretary, "", later)

    assert isinstance(summary, outcomes.Summary)
    assert summary.audience.mentions is False  # read, not a call to act: nobody is pinged
    assert [line.code for line in summary.digest.overdue] == ["tinh_doan", "hnd"]


async def test_a_leader_asking_for_the_summary_is_refused_and_nothing_is_read(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    leader = Sender(YOUTH_LEADER_ID, "Lê Văn Tuấn", None)

    refused = await services.weekly.summary(Chat(GROUP_ID, False), 1, leader, "", clock.now())

    assert refused == outcomes.SecretariatOnly("vi")
    with sqlite3.connect(tmp_path / "giaoban.db") as connection:
        assert connection.execute("SELECT count(*) FROM periods").fetchone() == (0,)
