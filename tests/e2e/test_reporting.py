"""The weekly report conversation, end to end through PTB's HTTP stack and a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.local_api.server import LocalBotApi
from tests.harness import (
    YOUTH_LEADER_ID,
    BotHarness,
)


def answers(db_path: Path, organization: str) -> dict[str, tuple[str, str | None, int]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT a.question_key, a.text, a.value, a.skipped FROM answers a "
            "JOIN reports r ON r.id = a.report_id "
            "JOIN organizations o ON o.id = r.organization_id WHERE o.code = ?",
            (organization,),
        ).fetchall()
    return {key: (text, value, skipped) for key, text, value, skipped in rows}


def report_row(db_path: Path, organization: str) -> tuple[str, str | None] | None:
    with sqlite3.connect(db_path) as connection:
        row: tuple[str, str | None] | None = connection.execute(
            "SELECT r.state, r.submitted_at FROM reports r "
            "JOIN organizations o ON o.id = r.organization_id WHERE o.code = ?",
            (organization,),
        ).fetchone()
    return row


async def test_a_full_report_in_private(bot: BotHarness, api: LocalBotApi, db_path: Path) -> None:
    leader = api.user(YOUTH_LEADER_ID, "Nguyễn Văn An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/baocao")
    q1 = await bot.only_reply(chat.id)
    assert q1.plain_text is not None
    assert "Tỉnh đoàn · báo cáo tuần 2026-W48" in q1.plain_text
    assert "Câu 1/4. Kết quả tuyên truyền trong tuần?" in q1.plain_text

    api.send(chat, leader, "Tổ chức 3 buổi tuyên truyền tại xã Tân Hòa.")
    more = await bot.only_reply(chat.id)
    assert more.plain_text is not None
    assert more.plain_text.startswith("Đã ghi.")
    api.send(chat, leader, "Phát 2.000 tờ rơi.")
    await bot.settle()
    assert api.unread(chat.id) == []
    assert api.reactions[-1][2] == "👍"
    api.press(more, leader, more.button("Xong"))
    q2 = await bot.only_reply(chat.id)
    assert q2.plain_text is not None
    assert "Câu 2/4. Số hộ khó khăn được hỗ trợ" in q2.plain_text

    api.send(chat, leader, "8.617 hộ")
    q3 = await bot.only_reply(chat.id)
    assert q3.plain_text is not None
    assert "Câu 3/4. Kinh phí hỗ trợ" in q3.plain_text
    api.send(chat, leader, "2tr5")
    q4 = await bot.only_reply(chat.id)
    assert q4.plain_text is not None
    assert "Câu 4/4. Kiến nghị, đề xuất" in q4.plain_text
    api.press(q4, leader, q4.button("Bỏ qua"))
    review = await bot.only_reply(chat.id)
    assert review.plain_text is not None
    assert "8.617 hộ" in review.plain_text
    assert "2.500.000 đ" in review.plain_text
    assert "(bỏ qua)" in review.plain_text

    api.press(review, leader, review.button("Gửi báo cáo"))
    receipt = await bot.only_reply(chat.id)

    assert receipt.plain_text is not None
    assert receipt.plain_text.startswith(
        "✅ Đã nhận báo cáo tuần 2026-W48 của Tỉnh đoàn lúc 09:00 thứ Hai, 23/11/2026 — đúng hạn."
    )
    assert "• Số hộ khó khăn được hỗ trợ: 8.617 hộ" in receipt.plain_text
    assert "• Kinh phí hỗ trợ: 2.500.000 đ" in receipt.plain_text
    assert report_row(db_path, "tinh_doan") == ("submitted", "2026-11-23 02:00:00.000000")
    assert answers(db_path, "tinh_doan") == {
        "tuyen_truyen": (
            "Tổ chức 3 buổi tuyên truyền tại xã Tân Hòa.\nPhát 2.000 tờ rơi.",
            None,
            0,
        ),
        "ho_kho_khan": ("8.617 hộ", "8617", 0),
        "kinh_phi": ("2tr5", "2500000", 0),
        "kien_nghi": ("", None, 1),
    }
    assert review.buttons() == []  # pressed buttons are removed
