"""The weekly report conversation, end to end through PTB's HTTP stack and a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.local_api.server import Chat, LocalBotApi, User
from tests.e2e.reports import answers, private_report_until_question_2, report_row, start_in_group
from tests.harness import (
    FARMERS_LEADER_ID,
    GROUP_ID,
    YOUTH_LEADER_ID,
    BotHarness,
)


async def test_a_full_report_in_private(bot: BotHarness, api: LocalBotApi, db_path: Path) -> None:
    leader = api.user(YOUTH_LEADER_ID, "Nguyễn Văn An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/baocao")
    q1 = await bot.only_reply(chat.id)
    assert q1.plain_text is not None
    assert "Tỉnh đoàn · báo cáo tuần 48 (23/11 – 29/11)" in q1.plain_text
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
        "✅ Đã nhận báo cáo tuần 48 (23/11 – 29/11) của Tỉnh đoàn lúc 09:00 thứ Hai, 23/11/2026"
        " — đúng hạn."
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


async def test_a_full_report_in_a_group_uses_selective_force_reply(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    leader = api.user(FARMERS_LEADER_ID, "Lê Thị Hoa")

    command = api.send(group, leader, "/baocao@GiaoBanBot")
    prompt = await bot.only_reply(group.id)
    assert prompt.force_reply
    assert prompt.selective
    assert prompt.reply_to_message_id == command
    assert prompt.text is not None
    assert f'<a href="tg://user?id={FARMERS_LEADER_ID}">Lê Thị Hoa</a>' in prompt.text
    assert prompt.plain_text is not None
    assert "Hội Nông dân tỉnh · báo cáo tuần 48 (23/11 – 29/11)" in prompt.plain_text

    api.send(group, leader, "Vận động hội viên tiêu thụ nông sản.", reply_to=prompt)
    more = await bot.only_reply(group.id)
    assert more.force_reply
    api.send(group, leader, "xong", reply_to=more)
    prompt = await bot.only_reply(group.id)
    api.send(group, leader, "35", reply_to=prompt)
    prompt = await bot.only_reply(group.id)
    api.send(group, leader, "1,5 triệu", reply_to=prompt)
    prompt = await bot.only_reply(group.id)
    assert prompt.plain_text is not None
    assert "Câu 4/5. Nông sản đã tiêu thụ" in prompt.plain_text
    assert "Đơn vị: tấn" in prompt.plain_text
    api.send(group, leader, "12,5 tấn", reply_to=prompt)
    prompt = await bot.only_reply(group.id)
    assert prompt.plain_text is not None
    assert "trả lời “bỏ qua”" in prompt.plain_text
    api.send(group, leader, "Bỏ qua", reply_to=prompt)
    review = await bot.only_reply(group.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    receipt = await bot.only_reply(group.id)

    assert receipt.plain_text is not None
    assert "Hội Nông dân tỉnh" in receipt.plain_text
    assert "• Nông sản đã tiêu thụ: 12,5 tấn" in receipt.plain_text
    assert answers(db_path, "hnd")["nong_san"] == ("12,5 tấn", "12.5", 0)
    assert report_row(db_path, "hnd") is not None


async def test_two_leaders_answer_in_the_same_group_at_once_without_mixing(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    youth, youth_prompt = await start_in_group(bot, api, YOUTH_LEADER_ID, "An")
    farmers, farmers_prompt = await start_in_group(bot, api, FARMERS_LEADER_ID, "Hoa")
    group = api.chats[GROUP_ID]

    # Interleaved: each replies to the question that was asked of them.
    api.send(group, farmers, "Nông dân: tuyên truyền qua loa.", reply_to=farmers_prompt)
    api.send(group, youth, "Đoàn: ra quân tình nguyện.", reply_to=youth_prompt)
    await bot.settle()
    farmers_more, youth_more = api.unread(group.id)
    api.mark_read(group.id)
    assert farmers_more.text is not None
    assert f"tg://user?id={FARMERS_LEADER_ID}" in farmers_more.text
    api.send(group, youth, "xong", reply_to=youth_more)
    api.send(group, farmers, "xong", reply_to=farmers_more)
    await bot.settle()
    youth_q2, farmers_q2 = api.unread(group.id)
    api.mark_read(group.id)
    api.send(group, farmers, "70", reply_to=farmers_q2)
    api.send(group, youth, "12", reply_to=youth_q2)
    await bot.settle()

    assert answers(db_path, "tinh_doan") == {
        "tuyen_truyen": ("Đoàn: ra quân tình nguyện.", None, 0),
        "ho_kho_khan": ("12", "12", 0),
    }
    assert answers(db_path, "hnd") == {
        "tuyen_truyen": ("Nông dân: tuyên truyền qua loa.", None, 0),
        "ho_kho_khan": ("70", "70", 0),
    }


async def test_other_peoples_messages_in_the_group_do_not_disturb_a_report(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, prompt = await start_in_group(bot, api, YOUTH_LEADER_ID, "An")
    group = api.chats[GROUP_ID]
    bystander = api.user(999001, "Người ngoài")

    api.send(group, bystander, "Tôi trả lời hộ nhé", reply_to=prompt)
    api.send(group, leader, "Tin nhắn không trả lời bot")  # not a reply: not an answer
    await bot.settle()

    # The bystander's reply to An's question is nobody's answer; he is told whose it was.
    [told] = api.unread(group.id)
    assert told.plain_text == (
        "Câu hỏi này dành cho An, nên câu trả lời của anh/chị không "
        "được ghi. Muốn báo cáo cho tổ chức mình, gõ /baocao."
    )
    api.mark_read(group.id)
    assert answers(db_path, "tinh_doan") == {}
    api.send(group, leader, "Kết quả thật.", reply_to=prompt)
    await bot.only_reply(group.id)
    assert answers(db_path, "tinh_doan") == {"tuyen_truyen": ("Kết quả thật.", None, 0)}


async def test_a_number_that_cannot_be_read_is_asked_again_with_an_example(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)

    api.send(chat, leader, "nhiều hộ lắm")
    again = await bot.only_reply(chat.id)

    assert again.plain_text is not None
    assert again.plain_text.count("\n") >= 2
    assert "⚠️ Chưa đọc được con số trong câu trả lời. Xin trả lời lại." in again.plain_text
    assert "Câu 2/4. Số hộ khó khăn được hỗ trợ" in again.plain_text
    assert "Ví dụ: 120 hoặc 8.617" in again.plain_text
    assert "ho_kho_khan" not in answers(db_path, "tinh_doan")
    api.send(chat, leader, "1,5")
    again = await bot.only_reply(chat.id)
    assert again.plain_text is not None
    assert "Số lượng phải là số nguyên." in again.plain_text
    api.send(chat, leader, "120")
    next_question = await bot.only_reply(chat.id)
    assert next_question.plain_text is not None
    assert "Câu 3/4" in next_question.plain_text
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)


async def test_a_required_question_cannot_be_skipped(bot: BotHarness, api: LocalBotApi) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "bỏ qua")
    again = await bot.only_reply(chat.id)
    assert again.plain_text is not None
    assert "Câu này bắt buộc, không bỏ qua được." in again.plain_text
    assert again.buttons() == []  # no Skip button on a required question


async def test_cancel_keeps_the_draft_and_report_continues_it(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "45")
    await bot.only_reply(chat.id)

    api.send(chat, leader, "/huy")
    paused = await bot.only_reply(chat.id)
    api.send(chat, leader, "500k")  # no question is waiting now
    hint = await bot.only_reply(chat.id)
    api.send(chat, leader, "/baocao")
    resumed = await bot.only_reply(chat.id)

    assert paused.plain_text == "Đã tạm dừng. 2/4 câu đã được lưu; gõ /baocao để làm tiếp."
    assert hint.plain_text is not None
    assert hint.plain_text.startswith("Hiện không có câu hỏi nào đang chờ trả lời.")
    assert resumed.plain_text is not None
    assert "Câu 3/4. Kinh phí hỗ trợ" in resumed.plain_text
    assert "kinh_phi" not in answers(db_path, "tinh_doan")


async def test_a_restart_in_the_middle_of_a_conversation_loses_nothing(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "45")
    await bot.only_reply(chat.id)

    await bot.restart()
    api.send(chat, leader, "3 triệu")
    after_restart = await bot.only_reply(chat.id)

    assert after_restart.plain_text is not None
    assert "Câu 4/4. Kiến nghị, đề xuất" in after_restart.plain_text
    assert answers(db_path, "tinh_doan")["kinh_phi"] == ("3 triệu", "3000000", 0)
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("45", "45", 0)


async def test_a_restart_in_a_group_conversation_continues_with_the_reply_to_the_old_question(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, prompt = await start_in_group(bot, api, YOUTH_LEADER_ID, "An")
    await bot.restart()
    api.send(api.chats[GROUP_ID], leader, "Sau khởi động lại.", reply_to=prompt)
    more = await bot.only_reply(GROUP_ID)
    assert more.plain_text is not None
    assert "Đã ghi." in more.plain_text
    assert answers(db_path, "tinh_doan") == {"tuyen_truyen": ("Sau khởi động lại.", None, 0)}


async def submit_youth_report(bot: BotHarness, api: LocalBotApi) -> tuple[User, Chat, list[int]]:
    """A submitted report in private; returns the message ids of the four answers."""
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)
    ids = [api.send(chat, leader, "Tuyên truyền.")]
    more = await bot.only_reply(chat.id)
    api.press(more, leader, more.button("Xong"))
    await bot.only_reply(chat.id)
    ids.append(api.send(chat, leader, "120"))
    await bot.only_reply(chat.id)
    ids.append(api.send(chat, leader, "2 triệu"))
    await bot.only_reply(chat.id)
    ids.append(api.send(chat, leader, "Đề nghị hỗ trợ khẩu trang."))
    more = await bot.only_reply(chat.id)
    api.press(more, leader, more.button("Xong"))
    review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    await bot.only_reply(chat.id)
    return leader, chat, ids


def revisions(db_path: Path) -> list[tuple[str, str | None, str, str | None, int]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT rv.old_text, rv.old_value, rv.new_text, rv.new_value, p.user_id "
            "FROM answer_revisions rv JOIN people p ON p.id = rv.changed_by ORDER BY rv.id"
        ).fetchall()


async def test_editing_an_answer_before_submission_updates_the_draft(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    answer_id = api.send(chat, leader, "120")
    await bot.only_reply(chat.id)

    api.edit(chat, leader, answer_id, "150")
    confirmation = await bot.only_reply(chat.id)
    api.edit(chat, leader, answer_id, "một ít")
    refusal = await bot.only_reply(chat.id)

    assert confirmation.plain_text == "Đã cập nhật câu “Số hộ khó khăn được hỗ trợ”: 150 hộ"
    assert refusal.plain_text is not None
    assert "chưa đọc được" in refusal.plain_text
    assert "Câu trả lời cũ vẫn được giữ" in refusal.plain_text
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("150", "150", 0)
    assert revisions(db_path) == []


async def test_editing_an_answer_after_submission_is_kept_as_a_revision(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, ids = await submit_youth_report(bot, api)

    api.edit(chat, leader, ids[1], "130")
    confirmation = await bot.only_reply(chat.id)

    assert confirmation.plain_text is not None
    assert "của báo cáo đã gửi: 130 hộ" in confirmation.plain_text
    assert revisions(db_path) == [("120", "120", "130", "130", YOUTH_LEADER_ID)]
    assert report_row(db_path, "tinh_doan") == ("submitted", "2026-11-23 02:00:00.000000")


async def test_report_again_after_submission_offers_to_change_an_answer_with_history(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await submit_youth_report(bot, api)

    api.send(chat, leader, "/baocao")
    menu = await bot.only_reply(chat.id)
    assert menu.plain_text is not None
    assert "Đã gửi lúc 09:00 thứ Hai, 23/11/2026." in menu.plain_text
    api.press(menu, leader, menu.button("Sửa câu 3"))
    question = await bot.only_reply(chat.id)
    assert question.plain_text is not None
    assert "Câu trả lời hiện tại: 2.000.000 đ" in question.plain_text
    api.send(chat, leader, "2,5 triệu")
    changed = await bot.only_reply(chat.id)

    assert changed.plain_text is not None
    assert changed.plain_text.startswith("Đã sửa câu “Kinh phí hỗ trợ”: 2.000.000 đ → 2.500.000 đ.")
    assert revisions(db_path) == [("2 triệu", "2000000", "2,5 triệu", "2500000", YOUTH_LEADER_ID)]
    assert report_row(db_path, "tinh_doan") == ("submitted", "2026-11-23 02:00:00.000000")

    api.send(chat, leader, "/baocao")
    menu = await bot.only_reply(chat.id)
    api.press(menu, leader, menu.button("Giữ nguyên"))
    kept = await bot.only_reply(chat.id)
    assert kept.plain_text == "Đã giữ nguyên báo cáo."


async def test_last_weeks_report_is_still_accepted_after_the_deadline_and_marked_late(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    bot.clock.advance(timedelta(days=7))  # Monday of the next week, 09:00
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/baocao")
    choice = await bot.only_reply(chat.id)
    assert choice.plain_text is not None
    assert "chưa nộp báo cáo tuần 48 (23/11 – 29/11) (đã quá hạn)" in choice.plain_text
    assert [label for label, _ in choice.buttons()] == [
        "Tuần 48 (23/11 – 29/11) — quá hạn",
        "Tuần 49 (30/11 – 06/12) — tuần này",
    ]
    api.press(choice, leader, choice.button("Tuần 48"))
    first = await bot.only_reply(chat.id)
    assert first.plain_text is not None
    assert "báo cáo tuần 48 (23/11 – 29/11)" in first.plain_text
    api.send(chat, leader, "Tuyên truyền.")
    more = await bot.only_reply(chat.id)
    api.press(more, leader, more.button("Xong"))
    await bot.only_reply(chat.id)
    api.send(chat, leader, "10")
    await bot.only_reply(chat.id)
    api.send(chat, leader, "0")
    skip = await bot.only_reply(chat.id)
    api.press(skip, leader, skip.button("Bỏ qua"))
    review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    receipt = await bot.only_reply(chat.id)

    assert receipt.plain_text is not None
    assert (
        "Đã nhận báo cáo tuần 48 (23/11 – 29/11) của Tỉnh đoàn lúc 09:00 thứ Hai, 30/11/2026"
        in (receipt.plain_text)
    )
    assert "— nộp muộn." in receipt.plain_text
    api.send(chat, leader, "/baocao")  # now only this week is open
    this_week = await bot.only_reply(chat.id)
    assert this_week.plain_text is not None
    assert "báo cáo tuần 49 (30/11 – 06/12)" in this_week.plain_text


async def test_status_tells_a_leader_where_their_report_stands(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/tinhhinh")
    not_started = await bot.only_reply(chat.id)
    await private_report_until_question_2(bot, api)
    api.send(chat, leader, "/status")
    draft = await bot.only_reply(chat.id)

    assert not_started.plain_text == (
        "Tỉnh đoàn · tuần 48 (23/11 – 29/11): chưa bắt đầu (hạn 17:00 thứ Sáu, 27/11/2026)\n"
        "Gõ /baocao để báo cáo."
    )
    assert draft.plain_text is not None
    assert draft.plain_text.startswith(
        "Tỉnh đoàn · tuần 48 (23/11 – 29/11): đang làm dở, đã trả lời 1/4 câu"
    )


async def test_status_after_submission_says_when_and_whether_on_time(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader, chat, _ = await submit_youth_report(bot, api)
    api.send(chat, leader, "/tinhhinh")
    status = await bot.only_reply(chat.id)
    assert status.plain_text == (
        "Tỉnh đoàn · tuần 48 (23/11 – 29/11): đã gửi lúc 09:00 thứ Hai, 23/11/2026, đúng hạn"
    )


def attachments(db_path: Path) -> list[tuple[str, str, str | None, str | None, str | None]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT kind, file_id, file_name, caption, question_key FROM attachments ORDER BY id"
        ).fetchall()
    return [(kind, fid, name, caption, key) for kind, fid, name, caption, key in rows]


async def test_photos_and_documents_are_kept_with_the_report_by_file_id(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    leader = api.user(YOUTH_LEADER_ID, "An")
    api.send(group, leader, "/baocao")
    prompt = await bot.only_reply(group.id)

    _, photo_id = api.send_photo(group, leader, caption="Buổi tuyên truyền ở xã", reply_to=prompt)
    more = await bot.only_reply(group.id)
    assert more.force_reply  # the caption is the first part of the answer; more may follow
    document_message, document_id = api.send_document(group, leader, "biên bản.pdf", reply_to=more)
    await bot.settle()
    assert api.unread(group.id) == []  # acknowledged with a reaction only
    assert api.reactions[-1][1:] == (document_message, "👍")
    # A photo that answers nothing (not a reply to the bot) is somebody else's business.
    api.send_photo(group, api.user(500099, "Người khác"))
    await bot.settle()
    assert api.unread(group.id) == []

    api.send(group, leader, "xong", reply_to=more)
    prompt = await bot.only_reply(group.id)
    for answer in ("120", "2 triệu", "bỏ qua"):
        api.send(group, leader, answer, reply_to=prompt)
        prompt = await bot.only_reply(group.id)
    assert prompt.plain_text is not None
    assert "Kèm theo: 2 ảnh/tệp." in prompt.plain_text
    api.press(prompt, leader, prompt.button("Gửi báo cáo"))
    receipt = await bot.only_reply(group.id)

    assert receipt.plain_text is not None
    assert "Kèm theo: 2 ảnh/tệp." in receipt.plain_text
    assert attachments(db_path) == [
        ("photo", photo_id, None, "Buổi tuyên truyền ở xã", "tuyen_truyen"),
        ("document", document_id, "biên bản.pdf", None, "tuyen_truyen"),
    ]
    assert answers(db_path, "tinh_doan")["tuyen_truyen"] == ("Buổi tuyên truyền ở xã", None, 0)


async def test_a_photo_in_private_with_no_report_open_is_explained(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)

    api.send_photo(chat, leader)
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Hiện không có câu hỏi nào đang chờ trả lời.")
    assert attachments(db_path) == []
