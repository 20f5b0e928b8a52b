"""Who may do what: every command and button, for every kind of sender, allowed or refused,
and a refused action changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.local_api.server import BotMessage, Chat, LocalBotApi, User
from tests.e2e.test_membership import ask_in_group
from tests.harness import FARMERS_LEADER_ID, GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID, BotHarness

OTHER_GROUP_ID = -1009999
MEMBER_ID = 500077  # in the group chat, on no roster
STRANGER_ID = 500099
# sender: (user id, where they type)
SENDERS = {
    "secretariat": (SECRETARY_ID, "group"),
    "leader": (YOUTH_LEADER_ID, "group"),  # of Tỉnh đoàn
    "other_leader": (FARMERS_LEADER_ID, "group"),  # of Hội Nông dân, acting on Tỉnh đoàn
    "member": (MEMBER_ID, "group"),
    "stranger": (STRANGER_ID, "private"),
    "other_group": (STRANGER_ID, "other group"),
}

SECRETARIAT_ONLY = "Lệnh này chỉ dành cho Ban Thường trực."
NOT_MEMBER = "Gõ /dangky để đăng ký"
NOT_CONFIGURED = "Nhóm này chưa được cấu hình để dùng Giao Ban."
NOT_A_REPORTER = "không phụ trách báo cáo của tổ chức nào"
OWN_ONLY = "Anh/chị chỉ xem được lịch sử báo cáo của tổ chức mình."
SOMEONE_ELSES = "Nút này dành cho người khác."
REFUSALS = (
    SECRETARIAT_ONLY,
    NOT_MEMBER,
    NOT_CONFIGURED,
    NOT_A_REPORTER,
    OWN_ONLY,
    "Chỉ Ban Thường trực, Văn phòng giao chỉ đạo.",
)
ASK_ORGANIZATION = "Anh/chị báo cáo cho tổ chức nào?"
HELP = "Giao Ban — báo cáo tuần của các tổ chức chính trị - xã hội."
NOTHING_OPEN = "Không có báo cáo nào đang làm dở."
FIRST_QUESTION = "Câu 1/"
STATUS = "tuần 48 (23/11 – 29/11): chưa bắt đầu"
DIRECTIONS_OPEN = "Chỉ đạo đang mở — MTT-CTXH thử nghiệm"
GIVE = "Giao chỉ đạo. Chọn tổ chức nhận chỉ đạo"
NO_SUCH = "Không có chỉ đạo #7."
GIVES_ONLY = "Chỉ Ban Thường trực, Văn phòng giao chỉ đạo."
PLAN_IN_PRIVATE = "Gửi tệp phương án trong tin nhắn riêng với bot"
NO_PLAN = "Nhóm chưa có phương án ứng phó."
SECRETARY_COMMANDS = {
    "/tonghop": "📊 Tình hình báo cáo tuần 48 (23/11 – 29/11)",
    "/bieudo": "📊 MTT-CTXH thử nghiệm: biểu đồ",
    "/xuatbaocao": "Tệp báo cáo được gửi qua tin nhắn riêng.",  # asks to open a private chat
    "/danhsach": "Danh sách nhóm MTT-CTXH thử nghiệm",
    "/xoa": "Không có ai đăng ký thêm để xoá.",
    "/nghi": "Tuần 48 (23/11 – 29/11): cho cả nhóm nghỉ",
}

# command: (secretariat, leader, other_leader, member, stranger, other_group)
MATRIX: dict[str, tuple[str, str, str, str, str, str]] = {
    "/baocao": (NOT_A_REPORTER, FIRST_QUESTION, FIRST_QUESTION, NOT_MEMBER, NOT_MEMBER,
                NOT_CONFIGURED),
    "/tinhhinh": (NOT_A_REPORTER, STATUS, STATUS, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/lichsu": ("📅 Tình hình báo cáo tuần 48", "📅 Tỉnh đoàn — các tuần gần đây",
                "📅 Hội Nông dân tỉnh — các tuần gần đây", NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/lichsu tinh_doan": ("📅 Tỉnh đoàn — các tuần gần đây", "📅 Tỉnh đoàn — các tuần gần đây",
                          OWN_ONLY, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/huy": (NOTHING_OPEN, NOTHING_OPEN, NOTHING_OPEN, NOTHING_OPEN, NOTHING_OPEN,
             NOT_CONFIGURED),
    **{command: (allowed, SECRETARIAT_ONLY, SECRETARIAT_ONLY, NOT_MEMBER, NOT_MEMBER,
                 NOT_CONFIGURED) for command, allowed in SECRETARY_COMMANDS.items()},
    "/chidao": (DIRECTIONS_OPEN, DIRECTIONS_OPEN, DIRECTIONS_OPEN, NOT_MEMBER, NOT_MEMBER,
                NOT_CONFIGURED),
    "/chidao Họp giao ban": (GIVE, GIVES_ONLY, GIVES_ONLY, NOT_MEMBER, NOT_MEMBER,
                             NOT_CONFIGURED),
    "/chidao 7": (NO_SUCH, NO_SUCH, NO_SUCH, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/kehoach": (PLAN_IN_PRIVATE, SECRETARIAT_ONLY, SECRETARIAT_ONLY, NOT_MEMBER, NOT_MEMBER,
                 NOT_CONFIGURED),
    "/tinhhuong": (NO_PLAN, NO_PLAN, NO_PLAN, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/tinhhuong 2": (NO_PLAN, NO_PLAN, NO_PLAN, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/nhiemvu": (NO_PLAN, NO_PLAN, NO_PLAN, NOT_MEMBER, NOT_MEMBER, NOT_CONFIGURED),
    "/dangky": (ASK_ORGANIZATION, ASK_ORGANIZATION, ASK_ORGANIZATION, ASK_ORGANIZATION,
                ASK_ORGANIZATION, NOT_CONFIGURED),
    "/start": ("Xin chào nhóm", "Xin chào nhóm", "Xin chào nhóm", "Xin chào nhóm",
               "Xin chào Người", NOT_CONFIGURED),
    "/trogiup": (HELP, HELP, HELP, HELP, HELP, NOT_CONFIGURED),
}  # fmt: skip
CASES = [
    pytest.param(command, sender, expected, id=f"{command} by {sender}")
    for command, row in MATRIX.items()
    for sender, expected in zip(SENDERS, row, strict=True)
]
# What a refused action must leave as it was (people and handled updates are bookkeeping).
TABLES = (
    "reports",
    "answers",
    "answer_parts",
    "conversations",
    "join_requests",
    "periods",
    "memberships",
    "sent_messages",
    "directions",
    "direction_targets",
    "direction_asks",
    "plans",
    "plan_asks",
)


def state(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def where(api: LocalBotApi, user: User, kind: str) -> Chat:
    if kind == "private":
        return api.private_chat(user)
    if kind == "other group":
        return api.group(OTHER_GROUP_ID, "Nhóm khác")
    return api.group(GROUP_ID, "MTT-CTXH thử nghiệm")


@pytest.mark.parametrize(("command", "sender", "expected"), CASES)
async def test_each_command_for_each_kind_of_sender(
    bot: BotHarness, api: LocalBotApi, db_path: Path, command: str, sender: str, expected: str
) -> None:
    user_id, kind = SENDERS[sender]
    user = api.user(user_id, f"Người {sender}")
    chat = where(api, user, kind)
    before = state(db_path)

    api.send(chat, user, command)
    reply = await bot.only_reply(chat.id)

    assert expected in (reply.plain_text or "")
    if expected in REFUSALS:
        assert state(db_path) == before
    assert [m for m in api.sent if m.chat_id != chat.id] == []  # nothing said elsewhere


async def press_as(
    bot: BotHarness, api: LocalBotApi, message: BotMessage, sender: str, label: str
) -> str:
    """``sender`` presses a button; returns the short notice Telegram shows them."""
    user = api.user(SENDERS[sender][0], f"Người {sender}")
    api.press(message, user, message.button(label))
    await bot.settle()
    return str(api.callback_answers[-1].get("text", ""))


@pytest.mark.parametrize("label", ["Cả nhóm nghỉ", "Miễn: Tỉnh đoàn"])
async def test_the_holiday_and_excuse_buttons_obey_only_the_secretariat(
    bot: BotHarness, api: LocalBotApi, db_path: Path, label: str
) -> None:
    group = where(api, api.user(SECRETARY_ID, "Thư"), "group")
    api.send(group, api.user(SECRETARY_ID, "Thư"), "/nghi")
    menu = await bot.only_reply(group.id)
    before = state(db_path)

    for sender in ("leader", "other_leader", "member"):
        # The menu is the secretary's: nobody else's press counts.
        assert await press_as(bot, api, menu, sender, label) == SOMEONE_ELSES
        assert state(db_path) == before
    assert api.unread(group.id) == []

    await press_as(bot, api, menu, "secretariat", label)
    done = await bot.only_reply(group.id)
    assert "Người secretariat" in (done.plain_text or "")


async def test_a_leaders_report_buttons_obey_only_that_leader(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = where(api, api.user(YOUTH_LEADER_ID, "An"), "group")
    leader = api.user(YOUTH_LEADER_ID, "Người leader")
    api.send(group, leader, "/baocao")
    question = await bot.only_reply(group.id)
    for answer in ("Tuyên truyền 3 buổi.", "xong", "120", "2 triệu", "bỏ qua"):
        api.send(group, leader, answer, reply_to=question)
        question = await bot.only_reply(group.id)
    review, before = question, state(db_path)

    for sender in ("secretariat", "other_leader", "member"):
        for label in ("Gửi báo cáo", "Sửa câu 2"):
            assert await press_as(bot, api, review, sender, label) == SOMEONE_ELSES
        assert state(db_path) == before
    assert api.unread(group.id) == []

    await press_as(bot, api, review, "leader", "Gửi báo cáo")
    assert "Đã nhận báo cáo" in ((await bot.only_reply(group.id)).plain_text or "")


async def test_the_report_now_button_under_the_call_is_for_leaders_only(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = where(api, api.user(SECRETARY_ID, "Thư"), "group")
    await bot.tick()  # Monday 09:00: the call for reports, with its button
    [call] = api.unread(group.id)
    api.mark_read(group.id)

    for sender, expected in (("member", NOT_MEMBER), ("secretariat", NOT_A_REPORTER)):
        before = state(db_path)
        await press_as(bot, api, call, sender, "Báo cáo ngay")
        assert expected in ((await bot.only_reply(group.id)).plain_text or "")
        assert state(db_path) == before
    await press_as(bot, api, call, "leader", "Báo cáo ngay")
    assert FIRST_QUESTION in ((await bot.only_reply(group.id)).plain_text or "")
    assert call.buttons() != []  # shared: it stays for the other leaders


@pytest.mark.parametrize("label", ["Duyệt", "Từ chối"])
async def test_a_join_request_is_decided_by_the_secretariat_only(
    bot: BotHarness, api: LocalBotApi, db_path: Path, label: str
) -> None:
    group = where(api, api.user(MEMBER_ID, "Người member"), "group")
    await ask_in_group(bot, api, api.user(MEMBER_ID, "Người member"), group, "Tỉnh đoàn")
    notice = await bot.only_reply(group.id)
    before = state(db_path)

    for sender in ("leader", "other_leader", "member"):
        refused = await press_as(bot, api, notice, sender, label)
        assert refused == "Chỉ Ban Thường trực mới quyết định việc này."
        assert state(db_path) == before
    assert api.unread(group.id) == []

    await press_as(bot, api, notice, "secretariat", label)
    decided = await bot.only_reply(group.id)
    assert "Người secretariat đã" in (decided.plain_text or "")
