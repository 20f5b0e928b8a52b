"""Directions where people are: given in the group by replying to the bot, with photos, listed
for a leader and acted on from the list, cancelled, closed, delivered again after a
restart, and counted in the Monday digest."""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.local_api.server import LocalBotApi
from tests.e2e.test_directions import directions, give, history, press, started, targets
from tests.harness import (
    BASE_CONFIG,
    FARMERS_LEADER_ID,
    GROUP_ID,
    SECRETARY_ID,
    YOUTH_LEADER_ID,
    BotHarness,
    make_config,
)


async def test_a_direction_is_given_in_the_group_by_replying_to_the_bots_questions(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Trần Thị Thư")

    api.send(group, secretary, "/chidao")
    choose = await bot.only_reply(group.id)
    chosen = await press(bot, api, choose, secretary, "Tất cả tổ chức")
    asked = await press(bot, api, chosen, secretary, "Tiếp tục")
    assert asked.force_reply  # the reply box opens for the secretary
    assert asked.selective
    api.send(group, secretary, "Họp giao ban đột xuất 14 giờ.")  # not a reply: people talking
    await bot.settle()
    assert api.unread(group.id) == []
    api.send(group, secretary, "Họp giao ban đột xuất 14 giờ.", reply_to=asked)
    more = await bot.only_reply(group.id)
    api.send(group, secretary, "xong", reply_to=more)
    when = await bot.only_reply(group.id)
    review = await press(bot, api, when, secretary, "Hạn báo cáo tới")
    api.press(review, secretary, review.button("Gửi chỉ đạo"))
    await bot.settle()
    given, post = api.unread(group.id)

    assert given.plain_text is not None
    assert given.plain_text.startswith("Đã giao chỉ đạo #1 cho Tỉnh đoàn, Hội Nông dân tỉnh")
    assert post.plain_text is not None
    assert "Nơi nhận: Tỉnh đoàn" in post.plain_text
    assert "Hội Nông dân tỉnh" in post.plain_text
    assert targets(db_path) == [(1, "tinh_doan", "new", None), (1, "hnd", "new", None)]
    assert directions(db_path) == [(1, "open", "Họp giao ban đột xuất 14 giờ.", "2026-11-27")]


async def test_a_photo_sent_with_the_direction_follows_its_post_in_the_group(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary, chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    api.send(chat, secretary, "/chidao")
    choose = await bot.only_reply(chat.id)
    chosen = await press(bot, api, choose, secretary, "Nông dân")
    await press(bot, api, chosen, secretary, "Tiếp tục")
    api.send(chat, secretary, "Kế hoạch ra quân, xem ảnh kèm theo.")
    more = await bot.only_reply(chat.id)
    api.send_photo(chat, secretary, caption="Lịch ra quân")
    await bot.settle()
    api.mark_read(chat.id)
    when = await press(bot, api, more, secretary, "Xong")
    review = await press(bot, api, when, secretary, "Không có hạn")
    assert review.plain_text is not None
    assert "Kèm theo: 1 ảnh/tệp" in review.plain_text
    await press(bot, api, review, secretary, "Gửi chỉ đạo")

    post = await api.next_message(group.id)
    photo = await api.next_message(group.id)

    assert post.plain_text is not None
    assert "Kế hoạch ra quân, xem ảnh kèm theo.\nLịch ra quân" in post.plain_text
    assert "Kèm theo 1 ảnh/tệp" in post.plain_text
    assert photo.kind == "photo"
    assert photo.plain_text == "Kèm chỉ đạo #1: Lịch ra quân"


async def test_a_leader_lists_the_organizations_directions_and_acts_from_the_list(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    await give(bot, api, secretary, secretary_chat, "Tỉnh đoàn", "Ra quân tình nguyện.")
    api.mark_read()

    api.send(farmer_chat, farmer, "/chidao")
    listed = await bot.only_reply(farmer_chat.id)

    assert listed.plain_text is not None
    assert "#1 Rà soát hộ nghèo." in listed.plain_text
    assert "#2" not in listed.plain_text  # another organization's
    detail = await press(bot, api, listed, farmer, "#1")
    assert detail.plain_text is not None
    assert "Hội Nông dân tỉnh: chưa xác nhận đã nhận" in detail.plain_text
    assert [label for label, _ in detail.buttons()] == ["Đã nhận", "Báo cáo kết quả"]
    await press(bot, api, detail, farmer, "Đã nhận")
    assert targets(db_path)[0] == (1, "hnd", "acknowledged", None)


async def test_cancel_drops_the_draft_and_the_bot_stops_waiting(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    api.send(chat, secretary, "/chidao")
    choose = await bot.only_reply(chat.id)
    chosen = await press(bot, api, choose, secretary, "Nông dân")
    await press(bot, api, chosen, secretary, "Tiếp tục")

    api.send(chat, secretary, "/huy")
    cancelled = await bot.only_reply(chat.id)
    api.send(chat, secretary, "Nội dung gõ sau khi hủy")
    after = await bot.only_reply(chat.id)

    assert cancelled.plain_text == "Đã hủy, không gửi gì."
    assert directions(db_path) == []
    assert after.plain_text is not None
    assert "chỉ đạo" not in after.plain_text.lower()  # not taken for a direction any more


async def test_closing_with_no_reason_tells_the_organization_and_ends_the_follow_up(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    _, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    api.mark_read()

    api.send(secretary_chat, secretary, "/chidao 1")
    detail = await bot.only_reply(secretary_chat.id)
    asked = await press(bot, api, detail, secretary, "Đóng")
    closed = await press(bot, api, asked, secretary, "Không ghi lý do")

    assert closed.plain_text == "Đã đóng chỉ đạo #1; đã báo Hội Nông dân tỉnh."
    told = await api.next_message(farmer_chat.id)
    assert told.plain_text == "Chỉ đạo #1 đã kết thúc, không theo dõi nữa (Trần Thị Thư)."
    assert directions(db_path)[0][1] == "closed"
    assert [kind for kind, _, _ in history(db_path, 1)] == ["given", "closed"]


async def test_a_redelivered_chidao_command_starts_one_draft(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")

    api.send(chat, secretary, "/chidao Kiểm tra kho")
    await bot.only_reply(chat.id)
    api.redeliver(api.last_update_id)
    await bot.settle()

    assert len(directions(db_path)) == 1
    assert api.unread(chat.id) == []


async def test_the_monday_digest_has_the_directions_section(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát.", "Cuối tuần này")
    youth = api.user(YOUTH_LEADER_ID, "An")
    del youth
    api.mark_read()

    clock.advance(timedelta(days=7))  # the next Monday, 09:00
    await bot.tick()

    digest = next(
        m.plain_text or "" for m in api.unread(group.id) if "Tổng hợp" in (m.plain_text or "")
    )
    assert "Chỉ đạo\nHoàn thành đúng hạn: 0 · Hoàn thành quá hạn: 0 · " in digest
    assert "Chưa hoàn thành, đã quá hạn: 1" in digest
    assert "#1 Rà soát. — hạn: 27/11/2026 · 0/1 đã xong; quá hạn: Hội Nông dân tỉnh" in digest


async def test_a_leader_out_of_reach_in_private_is_reminded_in_the_group_and_replies_there(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát <b>hộ</b> & nghèo.")
    post = await api.next_message(group.id)
    assert "Rà soát &lt;b&gt;hộ&lt;/b&gt; &amp; nghèo." in (post.text or "")  # escaped
    api.mark_read()

    clock.advance(timedelta(days=1, hours=1))
    await bot.tick()  # (the week's call, claimed at the first tick, comes first)
    [reminder] = [m for m in api.unread(group.id) if "⏰" in (m.plain_text or "")]
    api.mark_read()
    farmer = api.user(FARMERS_LEADER_ID, "Dũng")
    api.send(group, farmer, "rõ ạ", reply_to=reminder)
    acknowledged = await bot.only_reply(group.id)

    assert reminder.plain_text is not None
    assert reminder.plain_text.startswith("⏰ Hội Nông dân tỉnh chưa xác nhận đã nhận chỉ đạo #1")
    assert f'tg://user?id={FARMERS_LEADER_ID}"' in (reminder.text or "")
    assert acknowledged.plain_text == "Đã ghi nhận: Hội Nông dân tỉnh đã nhận chỉ đạo #1."
    assert targets(db_path) == [(1, "hnd", "acknowledged", None)]


async def test_the_secretariat_pressing_received_is_told_it_reports_for_no_organization(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    youth = api.user(YOUTH_LEADER_ID, "An")

    api.press(post, secretary, post.button("Đã nhận"))
    refused = await bot.only_reply(group.id)
    api.send(secretary_chat, secretary, "/chidao 1")
    detail = await bot.only_reply(secretary_chat.id)
    api.press(detail, youth, detail.button("Thu hồi"))
    await bot.settle()

    assert refused.plain_text is not None
    assert "không phụ trách báo cáo của tổ chức nào" in refused.plain_text
    assert api.callback_answers[-1]["text"] == "Nút này dành cho người khác."
    assert targets(db_path) == [(1, "hnd", "new", None)]
    assert directions(db_path)[0][1] == "open"


async def test_in_private_a_leader_in_two_groups_sees_the_group_with_directions_for_them(
    api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    other = copy.deepcopy(BASE_CONFIG["groups"][0])
    other.update(chat_id=-1002000000002, name="MTTQ xã Tân Phú")
    config = make_config(api, db_path, groups=[copy.deepcopy(BASE_CONFIG["groups"][0]), other])
    async with BotHarness(api, config, clock) as bot:
        api.group(-1002000000002, "MTTQ xã Tân Phú")
        secretary = api.user(SECRETARY_ID, "Trần Thị Thư")
        group = api.group(-1002000000002, "MTTQ xã Tân Phú")
        api.send(group, secretary, "/chidao Họp xã", reply_to=None)
        chooser = await bot.only_reply(group.id)
        chosen = await press(bot, api, chooser, secretary, "Nông dân")
        due = await press(bot, api, chosen, secretary, "Tiếp tục")
        review = await press(bot, api, due, secretary, "Không có hạn")
        api.press(review, secretary, review.button("Gửi chỉ đạo"))
        await bot.settle()
        farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")

        api.send(farmer_chat, farmer, "/chidao")
        listed = await bot.only_reply(farmer_chat.id)

        assert listed.plain_text is not None
        assert "Chỉ đạo đang mở — MTTQ xã Tân Phú" in listed.plain_text
        assert "#1 Họp xã" in listed.plain_text
