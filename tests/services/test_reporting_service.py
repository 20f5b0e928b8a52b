"""The report conversation through the reporting service alone: what each call returns, and
what the database holds after it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.clock import FakeClock
from bot.core.conversation import ReportState
from bot.services import outcomes
from bot.services.container import Services
from bot.services.people import Chat, Sender
from tests.harness import FARMERS_LEADER_ID, GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID
from tests.services.conftest import Open

LEADER = Sender(YOUTH_LEADER_ID, "Lê Văn Tuấn", None)
PRIVATE = Chat(YOUTH_LEADER_ID, True)


def rows(tmp_path: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "giaoban.db") as connection:
        return connection.execute(query).fetchall()


async def answer_all(services: Services, clock: FakeClock) -> outcomes.Outcome:
    reporting, now = services.reporting, clock.now()
    first = await reporting.start(PRIVATE, 1, LEADER, now)
    assert isinstance(first, outcomes.Ask)
    report = first.context.report_id
    await reporting.receive_text(PRIVATE, 2, LEADER, "Tổ chức 3 buổi tuyên truyền", now)
    await reporting.finish_text(PRIVATE, "p1", LEADER, report, "tuyen_truyen", now)
    await reporting.receive_text(PRIVATE, 3, LEADER, "12", now)
    await reporting.receive_text(PRIVATE, 4, LEADER, "3 triệu", now)
    return await reporting.skip(PRIVATE, "p2", LEADER, report, "kien_nghi", now)


async def test_a_leader_answers_every_question_and_submits_and_the_report_is_stored(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    review = await answer_all(services, clock)
    assert isinstance(review, outcomes.Review)

    receipt = await services.reporting.confirm(
        PRIVATE, "p3", LEADER, review.context.report_id, clock.now()
    )

    assert isinstance(receipt, outcomes.Submitted)
    assert [(i.question.key, i.display and i.display.value) for i in receipt.figures] == [
        ("ho_kho_khan", "12"),
        ("kinh_phi", "3000000"),
    ]
    assert rows(tmp_path, "SELECT state FROM reports") == [(ReportState.SUBMITTED.value,)]
    stored = rows(tmp_path, "SELECT question_key, value, skipped FROM answers ORDER BY id")
    assert stored == [
        ("tuyen_truyen", None, 0),
        ("ho_kho_khan", "12", 0),
        ("kinh_phi", "3000000", 0),
        ("kien_nghi", None, 1),
    ]


async def test_a_message_delivered_twice_is_stored_once(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    now = clock.now()
    await services.reporting.start(PRIVATE, 1, LEADER, now)
    await services.reporting.receive_text(PRIVATE, 2, LEADER, "Tổ chức 3 buổi", now)
    await services.reporting.finish_text(PRIVATE, "p1", LEADER, 1, "tuyen_truyen", now)
    await services.reporting.receive_text(PRIVATE, 3, LEADER, "12", now)

    again = await services.reporting.receive_text(PRIVATE, 3, LEADER, "12", now)

    assert isinstance(again, outcomes.Ask)  # where the person stands, said again
    assert again.question.key == "kinh_phi"
    assert rows(tmp_path, "SELECT count(*) FROM answers WHERE question_key = 'ho_kho_khan'") == [
        (1,)
    ]


async def test_a_restart_between_two_answers_loses_nothing(
    open_services: Open, clock: FakeClock, tmp_path: Path
) -> None:
    before = await open_services()
    now = clock.now()
    await before.reporting.start(PRIVATE, 1, LEADER, now)
    await before.reporting.receive_text(PRIVATE, 2, LEADER, "Tổ chức 3 buổi", now)
    await before.reporting.finish_text(PRIVATE, "p1", LEADER, 1, "tuyen_truyen", now)

    after = await open_services()  # nothing in memory survives
    asked = await after.reporting.receive_text(PRIVATE, 3, LEADER, "12", now)

    assert isinstance(asked, outcomes.Ask)
    assert asked.question.key == "kinh_phi"
    assert rows(tmp_path, "SELECT question_key, value FROM answers ORDER BY id") == [
        ("tuyen_truyen", None),
        ("ho_kho_khan", "12"),
    ]


async def test_a_figure_read_with_doubt_is_asked_back_and_not_stored(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    now = clock.now()
    await services.reporting.start(PRIVATE, 1, LEADER, now)
    await services.reporting.receive_text(PRIVATE, 2, LEADER, "Tổ chức 3 buổi", now)
    await services.reporting.finish_text(PRIVATE, "p1", LEADER, 1, "tuyen_truyen", now)
    await services.reporting.receive_text(PRIVATE, 3, LEADER, "12", now)

    asked = await services.reporting.receive_text(PRIVATE, 4, LEADER, "2 triệu 500", now)

    assert isinstance(asked, outcomes.ConfirmFigure)
    assert asked.display.value == "2500000"
    assert rows(tmp_path, "SELECT count(*) FROM answers WHERE question_key = 'kinh_phi'") == [(0,)]


async def test_the_secretariat_is_told_it_reports_for_no_organization_and_nothing_is_started(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    secretary = Sender(SECRETARY_ID, "Trần Văn Nam", None)

    refused = await services.reporting.start(Chat(GROUP_ID, False), 7, secretary, clock.now())

    assert refused == outcomes.NotLeader("vi")
    assert rows(tmp_path, "SELECT count(*) FROM reports") == [(0,)]
    assert rows(tmp_path, "SELECT count(*) FROM conversations") == [(0,)]


async def test_status_shows_each_organization_a_leader_reports_for(
    services: Services, clock: FakeClock
) -> None:
    leader = Sender(FARMERS_LEADER_ID, "Phạm Thị Lan", None)

    status = await services.reporting.status(Chat(GROUP_ID, False), 8, leader, clock.now())

    assert isinstance(status, outcomes.StatusReport)
    assert {(line.organization, line.state) for line in status.lines} >= {
        ("Hội Nông dân tỉnh", "not_started")
    }
