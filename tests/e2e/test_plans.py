"""Response plans, end to end: the plan imported from the file the secretariat has (and
refused, by row and column, when it is wrong), the situation switched and announced, each
unit asked about its tasks in its report or with /nhiemvu, and the digest's section."""

from __future__ import annotations

import copy
import io
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from bot.clock import FakeClock
from bot.config import parse_config
from bot.local_api.server import BotMessage, Chat, LocalBotApi, User
from tests.e2e.test_directions import press, started
from tests.harness import (
    BASE_CONFIG,
    FARMERS_LEADER_ID,
    GROUP_ID,
    SECRETARY_ID,
    YOUTH_LEADER_ID,
    BotHarness,
)

OFFICE_ID = 500041  # the Front's Văn phòng: a department's reporter
FRONT_ID = 500051
SOC_TRANG = Path(__file__).parents[2] / "docs" / "plans" / "soc-trang-covid-19.csv"
SMALL = (
    "STT,Nội dung,Cơ quan thực hiện,Phòng ban phụ trách,Cán bộ chỉ đạo,Ghi chú\n"
    "I,Tình huống 1: Bình thường,,,,\n"
    "1,Tuyên truyền phòng dịch,Các tổ chức thành viên,,,\n"
    "2,Trực cơ quan,Ủy ban MTTQ tỉnh,Văn phòng,Đ/c Chủ tịch,\n"
    "II,Tình huống 2: Có ca nhiễm,,,,\n"
    ",Nội dung và phương án thực hiện như tình huống 1,,,,\n"
    "1,Khử khuẩn trụ sở,Hội Nông dân tỉnh,,,\n"
)


def plan_config(api: LocalBotApi, db_path: Path) -> Any:
    data = copy.deepcopy(BASE_CONFIG)
    data["telegram"]["api_base_url"] = api.base_url
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    group = data["groups"][0]
    group["organizations"] = [
        {"code": "mttq", "name": "Ủy ban MTTQ tỉnh", "leaders": [FRONT_ID], "front": True,
         "departments": [{"code": "van_phong", "name": "Văn phòng", "leaders": [OFFICE_ID]},
                         {"code": "ban_pttg", "name": "Ban Phong trào – Tuyên giáo"},
                         {"code": "ban_dttg", "name": "Ban Dân tộc – Tôn giáo"},
                         {"code": "ban_dcpl", "name": "Ban Dân chủ – Pháp luật"}]},
        *group["organizations"],
    ]  # fmt: skip
    group["questions"] = [{"key": "tuyen_truyen", "text": "Kết quả tuyên truyền trong tuần?"}]
    return parse_config(data)


@pytest.fixture
async def bot(api: LocalBotApi, clock: FakeClock, db_path: Path) -> AsyncIterator[BotHarness]:
    harness = BotHarness(api, plan_config(api, db_path), clock)
    await harness.start()
    yield harness
    await harness.stop()


def rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql).fetchall()


def carriers(db_path: Path) -> list[tuple[str, str, str, str | None]]:
    """(task label, unit, state, note) of every active unit carrying a task."""
    found = rows(
        db_path,
        "SELECT t.level || '.' || t.number, c.unit, c.state, c.note FROM plan_carriers c "
        "JOIN plan_tasks t ON t.id = c.task_id WHERE c.active ORDER BY t.position, c.id",
    )
    return [(a, b, c, d) for a, b, c, d in found]


async def imported(
    bot: BotHarness, api: LocalBotApi, content: bytes, name: str = "phuong-an.csv"
) -> tuple[User, Chat, BotMessage]:
    """The secretary sends the plan's file after /kehoach, in private."""
    secretary, chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    api.group(GROUP_ID, "MTT-CTXH")
    api.send(chat, secretary, "/kehoach")
    asked = await bot.only_reply(chat.id)
    assert asked.plain_text is not None
    assert "Gửi tệp phương án (XLSX hoặc CSV) vào đây" in asked.plain_text
    api.send_document(chat, secretary, name, content=content)
    return secretary, chat, await bot.only_reply(chat.id)


async def test_the_soc_trang_plan_is_imported_from_the_file_sent_after_kehoach(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    _, _, answer = await imported(bot, api, SOC_TRANG.read_bytes(), SOC_TRANG.name)

    assert answer.plain_text is not None
    assert answer.plain_text.startswith("Đã nhập phương án từ tệp soc-trang-covid-19.csv.")
    assert "Tình huống đang áp dụng: 1." in answer.plain_text
    assert "• Tình huống 2: Có phát sinh trường hợp" in answer.plain_text
    assert rows(db_path, "SELECT count(*) FROM plan_tasks WHERE active") == [(40,)]
    # Task 1.1: the Front's Văn phòng for the Front, and each member organization.
    assert [(u, s) for label, u, s, _ in carriers(db_path) if label == "1.1"] == [
        ("mttq/van_phong", "not_started"),
        ("tinh_doan", "not_started"),
        ("hnd", "not_started"),
    ]


async def test_a_wrong_file_is_refused_by_row_and_column_and_nothing_is_stored(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    wrong = SMALL.replace("Hội Nông dân tỉnh", "Hội Phụ lão").replace("2,Trực", "1,Trực")

    _, _, answer = await imported(bot, api, wrong.encode())

    assert answer.plain_text is not None
    assert "Chưa nhập phương án từ tệp phuong-an.csv: có 2 chỗ cần sửa." in answer.plain_text
    assert "• Dòng 4, cột “STT”: số thứ tự 1 đã có ở trên" in answer.plain_text
    assert "• Dòng 7, cột “Cơ quan thực hiện”: không nhận ra đơn vị “Hội Phụ lão”" in (
        answer.plain_text
    )
    assert rows(db_path, "SELECT count(*) FROM plans") == [(0,)]


async def test_a_spreadsheet_with_a_formula_is_refused_and_never_computed(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Cơ quan thực hiện"])
    sheet.append(["I", "Tình huống 1: x", ""])
    sheet.append(["1", '=HYPERLINK("http://x","bấm")', "Tỉnh đoàn"])
    content = io.BytesIO()
    book.save(content)

    _, _, answer = await imported(bot, api, content.getvalue(), "phuong-an.xlsx")

    assert answer.plain_text is not None
    assert "• Dòng 3, cột “B”: ô có công thức. Bot không tính công thức" in answer.plain_text
    assert rows(db_path, "SELECT count(*) FROM plans") == [(0,)]


async def test_a_file_too_large_is_refused_before_it_is_read(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    _, _, answer = await imported(bot, api, b"STT,x\n" * 400_000)

    assert answer.plain_text is not None
    assert "tệp quá lớn (tối đa 2 MB)" in answer.plain_text


async def test_a_leader_may_not_import_a_plan(bot: BotHarness, api: LocalBotApi) -> None:
    youth, chat = await started(bot, api, YOUTH_LEADER_ID, "An")

    api.send(chat, youth, "/kehoach")
    refused = await bot.only_reply(chat.id)

    assert refused.plain_text == "Lệnh này chỉ dành cho Ban Thường trực."


async def test_the_situation_is_switched_after_confirmation_and_announced_in_the_group(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, chat, _ = await imported(bot, api, SMALL.encode())
    group = api.chats[GROUP_ID]

    api.send(chat, secretary, "/tinhhuong")
    shown = await bot.only_reply(chat.id)
    confirm = await press(bot, api, shown, secretary, "Chuyển sang tình huống 2")
    switched = await press(bot, api, confirm, secretary, "Xác nhận chuyển")
    announcement = await api.next_message(group.id)

    assert shown.plain_text is not None
    assert "Tình huống 1 đang áp dụng (từ 23/11/2026): Bình thường" in shown.plain_text
    assert "• Văn phòng: 1.2" in shown.plain_text
    assert confirm.plain_text is not None
    assert "Chuyển từ tình huống 1 sang tình huống 2: Có ca nhiễm?" in confirm.plain_text
    assert switched.plain_text == "Đã chuyển sang tình huống 2: Có ca nhiễm. Bot đang báo cả nhóm."
    assert announcement.plain_text is not None
    assert announcement.plain_text.startswith(
        "⚠️ CHUYỂN TÌNH HUỐNG: từ tình huống 1 sang tình huống 2 — Có ca nhiễm (Trần Thị Thư)."
    )
    assert "• Hội Nông dân tỉnh: 2.1, 1.1" in announcement.plain_text
    assert rows(db_path, "SELECT level FROM plans") == [(2,)]
    assert rows(db_path, "SELECT value FROM plan_events WHERE kind = 'level'") == [("1>2",)]


async def test_a_leader_may_see_the_situation_but_not_switch_it(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    await imported(bot, api, SMALL.encode())
    youth, chat = await started(bot, api, YOUTH_LEADER_ID, "An")

    api.send(chat, youth, "/tinhhuong 2")
    shown = await bot.only_reply(chat.id)

    assert shown.plain_text is not None
    assert shown.plain_text.startswith("Tình huống 1 đang áp dụng")
    assert shown.buttons() == []
    assert rows(db_path, "SELECT level FROM plans") == [(1,)]


async def test_the_weekly_report_asks_about_the_units_tasks_and_offers_no_change_next_time(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    await imported(bot, api, SMALL.encode())
    farmer, chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")

    api.send(chat, farmer, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, farmer, "Tuyên truyền 3 buổi")
    more = await bot.only_reply(chat.id)
    task = await press(bot, api, more, farmer, "Xong")
    assert task.plain_text is not None
    assert "Câu 2/2. 1.1. Tuyên truyền phòng dịch" in task.plain_text
    assert [label for label, _ in task.buttons()] == [
        "Đã xong",
        "Đang thực hiện",
        "Chưa thực hiện",
    ]
    pressed = await press(bot, api, task, farmer, "Đang thực hiện")  # a button answers it
    change = await press(bot, api, pressed, farmer, "Sửa câu 2")
    api.send(chat, farmer, "đang làm, đã in 200 tờ rơi")  # typed again, with a note
    review = await bot.only_reply(chat.id)
    await press(bot, api, review, farmer, "Gửi báo cáo")
    assert "Đang thực hiện" in (pressed.plain_text or "")
    assert change.plain_text is not None

    assert [c for c in carriers(db_path) if c[:2] == ("1.1", "hnd")] == [
        ("1.1", "hnd", "in_progress", "đã in 200 tờ rơi")
    ]
    clock.advance(timedelta(days=7))
    api.send(chat, farmer, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, farmer, "Tuyên truyền 2 buổi")
    more = await bot.only_reply(chat.id)
    task = await press(bot, api, more, farmer, "Xong")
    assert task.buttons()[0][0] == "Không đổi: đang thực hiện"


async def test_a_departments_reporter_reports_progress_with_nhiemvu_and_adds_a_note(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    await imported(bot, api, SMALL.encode())
    office, chat = await started(bot, api, OFFICE_ID, "Hoa")

    api.send(chat, office, "/nhiemvu")
    listed = await bot.only_reply(chat.id)
    card = await press(bot, api, listed, office, "1.2")
    recorded = await press(bot, api, card, office, "Đã xong")
    api.send(chat, office, "Đã phân công trực 24/24")
    noted = await bot.only_reply(chat.id)

    assert listed.plain_text is not None
    assert "1.2 Trực cơ quan — Văn phòng: chưa thực hiện" in listed.plain_text
    assert recorded.plain_text is not None
    assert "Đã ghi nhiệm vụ 1.2 (Văn phòng): đã xong." in recorded.plain_text
    assert noted.plain_text is not None
    assert "Ghi chú: Đã phân công trực 24/24" in noted.plain_text
    assert [c for c in carriers(db_path) if c[1] == "mttq/van_phong"] == [
        ("1.2", "mttq/van_phong", "done", "Đã phân công trực 24/24")
    ]


async def test_importing_again_keeps_the_history_of_tasks_that_stay(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, chat, _ = await imported(bot, api, SMALL.encode())
    office = api.user(OFFICE_ID, "Hoa")
    office_chat = api.private_chat(office)
    api.send(office_chat, office, "/nhiemvu")
    listed = await bot.only_reply(office_chat.id)
    card = await press(bot, api, listed, office, "1.2")
    await press(bot, api, card, office, "Đang thực hiện")

    changed = SMALL.replace("Tuyên truyền phòng dịch", "Tuyên truyền phòng dịch bằng loa")
    api.send(chat, secretary, "/kehoach")
    await bot.only_reply(chat.id)
    api.send_document(chat, secretary, "phuong-an-2.csv", content=changed.encode())
    answer = await bot.only_reply(chat.id)

    assert answer.plain_text is not None
    assert "Giữ nguyên 2 nhiệm vụ" in answer.plain_text
    assert "thêm 1; 1 nhiệm vụ không còn trong tệp (vẫn giữ lịch sử)" in answer.plain_text
    assert ("1.2", "mttq/van_phong", "in_progress", None) in carriers(db_path)


async def test_the_digest_shows_the_situation_in_force_and_flags_tasks_without_progress(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock
) -> None:
    await imported(bot, api, SMALL.encode())
    group = api.chats[GROUP_ID]
    api.mark_read()

    clock.advance(timedelta(days=14))  # two weeks on, nobody reported
    await bot.tick()

    digest = next(
        m.plain_text or "" for m in api.unread(group.id) if "Tổng hợp" in (m.plain_text or "")
    )
    assert "Phương án: tình huống 1 — Bình thường (từ 23/11/2026)" in digest
    assert "✅ Đã xong: 0 · ⏳ Đang thực hiện: 0 · ▫️ Chưa thực hiện: 3" in digest
    assert "1.2 Trực cơ quan — Văn phòng ▫️⚠️" in digest
    assert "⚠️ 3 việc 2 kỳ liền chưa có tiến triển." in digest


async def test_a_question_of_situation_2_is_asked_only_once_the_group_is_switched_to_it(
    api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    config = plan_config(api, db_path)
    data = copy.deepcopy(BASE_CONFIG)
    data["telegram"]["api_base_url"] = api.base_url
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    data["groups"][0]["organizations"] = [
        {"code": o.code, "name": o.name, "leaders": list(o.leaders), "front": o.front,
         "departments": [{"code": d.code, "name": d.name, "leaders": list(d.leaders)}
                         for d in o.departments]}
        for o in config.groups[0].organizations
    ]  # fmt: skip
    data["groups"][0]["questions"] = [
        {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền trong tuần?"},
        {"key": "cach_ly", "text": "Số cán bộ đang cách ly", "kind": "count", "levels": [2]},
    ]
    async with BotHarness(api, parse_config(data), clock) as bot:
        secretary, chat, _ = await imported(bot, api, SMALL.encode())
        youth, youth_chat = await started(bot, api, YOUTH_LEADER_ID, "An")
        api.send(youth_chat, youth, "/baocao")
        first = await bot.only_reply(youth_chat.id)
        assert first.plain_text is not None
        assert "Câu 1/2. Kết quả tuyên truyền trong tuần?" in first.plain_text  # and 1.1

        api.send(chat, secretary, "/tinhhuong 2")
        confirm = await bot.only_reply(chat.id)
        await press(bot, api, confirm, secretary, "Xác nhận chuyển")
        api.mark_read()
        api.send(youth_chat, youth, "Tuyên truyền 3 buổi")
        more = await bot.only_reply(youth_chat.id)
        asked = await press(bot, api, more, youth, "Xong")

        assert asked.plain_text is not None
        assert "Câu 2/3. Số cán bộ đang cách ly" in asked.plain_text


async def test_a_department_with_many_tasks_pages_through_them(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary, secretary_chat, _ = await imported(bot, api, SOC_TRANG.read_bytes(), SOC_TRANG.name)
    api.send(secretary_chat, secretary, "/tinhhuong 2")
    confirm = await bot.only_reply(secretary_chat.id)
    await press(bot, api, confirm, secretary, "Xác nhận chuyển")
    office, chat = await started(bot, api, OFFICE_ID, "Hoa")

    api.send(chat, office, "/nhiemvu")
    first = await bot.only_reply(chat.id)
    first_labels = [label for label, _ in first.buttons()]
    following = await press(bot, api, first, office, "Xem tiếp")
    following_labels = [label for label, _ in following.buttons()]
    last = await press(bot, api, following, office, "Xem tiếp")

    # At situation 2 the Văn phòng carries 19 tasks: block B's and, as in situation 1, its.
    assert first_labels[-1] == "Xem tiếp (8/19) ›"
    assert following_labels[-1] == "Xem tiếp (16/19) ›"
    assert len(last.buttons()) == 3  # the 17th to the 19th
    assert "1.17" in (last.plain_text or "")


async def test_a_document_that_is_not_a_spreadsheet_is_not_taken_for_the_plan(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    api.send(chat, secretary, "/kehoach")
    await bot.only_reply(chat.id)

    api.send_document(chat, secretary, "bao-cao.pdf", content=b"%PDF-1.4")
    await bot.settle()

    assert not any("phương án" in (m.plain_text or "") for m in api.unread(chat.id))
    assert rows(db_path, "SELECT count(*) FROM plans") == [(0,)]


async def test_no_change_in_a_report_keeps_what_another_reporter_recorded_meanwhile(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    await imported(bot, api, SMALL.encode())
    farmer, chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    for answer in ("Tuyên truyền", "đang làm, đã in tờ rơi"):
        if answer == "Tuyên truyền":
            api.send(chat, farmer, "/baocao")
            await bot.only_reply(chat.id)
        api.send(chat, farmer, answer)
        more = await bot.only_reply(chat.id)
        if answer == "Tuyên truyền":
            await press(bot, api, more, farmer, "Xong")
    await press(bot, api, more, farmer, "Gửi báo cáo")
    clock.advance(timedelta(days=7))
    api.send(chat, farmer, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, farmer, "Tuyên truyền")
    more = await bot.only_reply(chat.id)
    task = await press(bot, api, more, farmer, "Xong")
    api.press(task, farmer, task.button("Không đổi"))
    review = await bot.only_reply(chat.id)
    with sqlite3.connect(db_path) as connection:  # someone else reports it done meanwhile
        connection.execute(
            "UPDATE plan_carriers SET state = 'done', reported_at = '2026-12-01 00:00:00' "
            "WHERE unit = 'hnd'"
        )

    await press(bot, api, review, farmer, "Gửi báo cáo")

    assert "Không đổi: đang thực hiện" in (review.plain_text or "")
    assert [c[2] for c in carriers(db_path) if c[:2] == ("1.1", "hnd")] == ["done"]


async def test_an_answer_to_a_question_of_situation_2_stays_in_the_report_after_a_switch_back(
    api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    data = copy.deepcopy(BASE_CONFIG)
    data["telegram"]["api_base_url"] = api.base_url
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    data["groups"][0]["questions"] = [
        {"key": "cach_ly", "text": "Số cán bộ đang cách ly", "kind": "count", "levels": [2]},
        {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền trong tuần?"},
    ]
    plan = (
        "STT,Nội dung,Cơ quan thực hiện\nI,Tình huống 1: a,\n1,Việc,Tỉnh đoàn\n"
        "II,Tình huống 2: b,\n1,Việc,Tỉnh đoàn\n"
    )
    async with BotHarness(api, parse_config(data), clock) as bot:
        secretary, chat, _ = await imported(bot, api, plan.encode())
        for level in ("2", "1"):
            api.send(chat, secretary, f"/tinhhuong {level}")
            confirm = await bot.only_reply(chat.id)
            await press(bot, api, confirm, secretary, "Xác nhận chuyển")
            if level == "2":
                farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
                api.send(farmer_chat, farmer, "/baocao")
                asked = await bot.only_reply(farmer_chat.id)
                assert "Số cán bộ đang cách ly" in (asked.plain_text or "")
                api.send(farmer_chat, farmer, "2")
                await bot.only_reply(farmer_chat.id)
        api.mark_read()
        api.send(farmer_chat, farmer, "/baocao")
        shown = await bot.only_reply(farmer_chat.id)

        assert "Câu 2/2. Kết quả tuyên truyền trong tuần?" in (shown.plain_text or "")
