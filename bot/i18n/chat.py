"""Catalogue entries: what the bot says about itself and its commands, and notices about chats
(Telegram HTML).
"""

ENTRIES: dict[str, dict[str, str]] = {
    "bot.start_private": {
        "vi": "Xin chào {name}! Tôi là <b>Giao Ban</b>, trợ lý giao ban hằng tuần của Ủy ban "
        "MTTQ và các tổ chức chính trị - xã hội.\n\n"
        "Mỗi tuần tôi hỏi lãnh đạo từng tổ chức vài câu ngắn về kết quả thực hiện, lưu lại, "
        "nhắc khi sắp đến hạn và gửi bản tổng hợp vào sáng thứ Hai.\n\n"
        "Anh/chị đã bấm Bắt đầu nên từ nay tôi có thể nhắn riêng cho anh/chị. "
        "Gõ /help để xem các lệnh.",
        "en": "Hello {name}! I am <b>Giao Ban</b>, the weekly coordination assistant of the "
        "Fatherland Front committee and its member organizations.\n\n"
        "Every week I ask each organization's leader a few short questions about the week's "
        "results, keep them, remind before the deadline and post a digest on Monday morning.\n\n"
        "Since you pressed Start I can now message you in private. Type /help for the "
        "commands.",
    },
    "bot.start_group": {
        "vi": "Xin chào nhóm <b>{group}</b>! Tôi là <b>Giao Ban</b>: mỗi tuần tôi thu báo "
        "cáo kết quả của các tổ chức, nhắc trước hạn và gửi bản tổng hợp vào sáng thứ Hai.\n"
        "Gõ /help để xem các lệnh.",
        "en": "Hello <b>{group}</b>! I am <b>Giao Ban</b>: every week I collect each "
        "organization's results, remind before the deadline and post a digest on Monday "
        "morning.\nType /help for the commands.",
    },
    "bot.help": {
        "vi": "<b>Giao Ban</b> — báo cáo tuần của các tổ chức chính trị - xã hội.\n\n"
        "<b>Lãnh đạo tổ chức</b>\n"
        "/baocao — báo cáo kết quả tuần (bot hỏi từng câu; trong nhóm, trả lời bằng cách "
        "bấm Trả lời vào câu hỏi)\n"
        "/tinhhinh — tình hình báo cáo của tổ chức mình\n"
        "/lichsu — các tuần gần đây của tổ chức mình\n"
        "/huy — tạm dừng, giữ bản nháp; gõ /baocao để làm tiếp\n"
        "/chidao — chỉ đạo đang giao cho tổ chức mình; bấm «Đã nhận», «Báo cáo kết quả» "
        "dưới chỉ đạo, hoặc trả lời tin chỉ đạo\n"
        "/nhiemvu — nhiệm vụ của tổ chức (hoặc phòng, ban) mình theo phương án ứng phó; bấm "
        "để báo tiến độ\n"
        "/tinhhuong — tình huống đang áp dụng và nhiệm vụ từng đơn vị\n"
        "Số viết như thường lệ: 8.617; 1,5 triệu; 500k. Câu không bắt buộc: gõ «bỏ qua».\n\n"
        "<b>Người mới</b>\n"
        "/dangky — đăng ký làm người báo cáo của một tổ chức (Ban Thường trực duyệt)\n\n"
        "<b>Ban Thường trực</b>\n"
        "/tonghop — tổng hợp báo cáo tuần này; /tonghop truoc — tuần trước; "
        "/tonghop 47 — tuần 47 (hoặc 2026-W47); /tonghop xa — các xã cộng lại (nhóm cấp tỉnh)\n"
        "/bieudo — biểu đồ tỉ lệ báo cáo và các số liệu chính qua các tuần gần đây\n"
        "/xuatbaocao — báo cáo Word gửi cấp ủy (vào tin nhắn riêng); /xuatbaocao xlsx "
        "40 48 — bảng Excel từ tuần 40 đến tuần 48 (hoặc csv)\n"
        "/chidao — các chỉ đạo đang mở, và giao chỉ đạo mới cho tổ chức (trả lời /chidao vào "
        "tin về một tổ chức để chọn sẵn tổ chức đó); /chidao 12 — chi tiết, đổi hạn, đóng, "
        "thu hồi\n"
        "/kehoach — nhập phương án ứng phó (gửi tệp XLSX/CSV trong tin nhắn riêng); "
        "/tinhhuong 2 — chuyển sang tình huống 2\n"
        "/nghi — cho cả nhóm nghỉ tuần này, hoặc miễn báo cáo cho một tổ chức\n"
        "/danhsach — danh sách tổ chức, người báo cáo, người chưa bấm Start\n"
        "/xoa — xoá người đã đăng ký khỏi danh sách báo cáo\n\n"
        "<b>Mọi người</b>\n"
        "/start — giới thiệu; bấm trong tin nhắn riêng để bot được nhắn riêng cho anh/chị\n"
        "/trogiup — danh sách lệnh này",
        "en": "<b>Giao Ban</b> — weekly reports of the member organizations.\n\n"
        "<b>Organization leaders</b>\n"
        "/report — report the week's results (the bot asks one question at a time; in the "
        "group, answer by replying to the question)\n"
        "/status — where your organization's report stands\n"
        "/history — your organization's recent weeks\n"
        "/cancel — pause, keeping the draft; /report continues it\n"
        "/directive — the directions given to your organization; press “Received”, “Report "
        "result” under a direction, or reply to it\n"
        "/tasks — your organization's (or department's) tasks under the response plan; press "
        "one to report progress\n"
        "/level — the situation in force and each unit's tasks\n"
        "Numbers as usual: 8.617; 1,5 triệu; 500k. Optional questions: type «skip».\n\n"
        "<b>Newcomers</b>\n"
        "/join — ask to report for an organization (the secretariat approves)\n\n"
        "<b>Secretariat</b>\n"
        "/summary — digest of this week; /summary last — last week; "
        "/summary 47 — week 47 (or 2026-W47); /summary communes — the communes added up "
        "(a province's group)\n"
        "/chart — chart of the reporting rate and main figures over recent weeks\n"
        "/export — the Word report for the Party committee (in private); /export xlsx "
        "40 48 — a spreadsheet of weeks 40 to 48 (or csv)\n"
        "/directive — the open directions, and a new one for organizations (reply "
        "/directive to a message about one organization to choose it); /directive 12 — "
        "details, change the due date, close, withdraw\n"
        "/plan — import the response plan (send the XLSX/CSV file in private); /level 2 — "
        "switch to situation 2\n"
        "/skip — a holiday for the whole group this week, or excuse one organization\n"
        "/roster — organizations, their reporters, who has not pressed Start\n"
        "/remove — remove a member who joined by request\n\n"
        "<b>Everyone</b>\n"
        "/start — introduction; press it in a private chat so the bot may message you\n"
        "/help — this list",
    },
    "bot.polling_failed": {
        "vi": "Không lấy được tin nhắn mới từ Telegram ({reason}); sẽ thử lại.",
        "en": "Could not fetch new messages from Telegram ({reason}); will retry.",
    },
    "bot.not_saved": {
        "vi": "⚠️ Chưa lưu được tin nhắn này: cơ sở dữ liệu của bot đang bận hoặc hết chỗ. "
        "Chưa có gì được ghi lại; anh/chị vui lòng gửi lại sau ít phút.",
        "en": "⚠️ This message could not be saved: the bot's database is busy or full. "
        "Nothing was recorded; please send it again in a few minutes.",
    },
    "bot.error_apology": {
        "vi": "Xin lỗi, bot gặp lỗi khi xử lý tin nhắn này. Lỗi đã được ghi lại; "
        "anh/chị vui lòng thử lại sau ít phút.",
        "en": "Sorry, something went wrong while handling this message. It has been "
        "logged; please try again in a few minutes.",
    },
    "bot.unknown_chat": {
        "vi": "Nhóm này chưa được cấu hình để dùng Giao Ban. Xin liên hệ Văn phòng Ủy ban "
        "MTTQ để được thêm vào.",
        "en": "This group is not configured for Giao Ban. Please ask the Front's office to add it.",
    },
    "bot.unknown_command": {
        "vi": "Bot chưa có lệnh {command}. Gõ /help để xem các lệnh.",
        "en": "There is no command {command}. Type /help for the commands.",
    },
    "bot.anonymous": {
        "vi": "Tin này được gửi ẩn danh (quản trị viên ẩn danh hoặc thay mặt một kênh), nên bot "
        "không biết ai gửi. Anh/chị vui lòng tắt “Ẩn danh” (Remain anonymous) trong quyền "
        "quản trị của mình hoặc nhắn riêng cho bot, rồi gửi lại.",
        "en": "This was sent anonymously (an anonymous admin, or on behalf of a channel), so "
        "the bot cannot tell who sent it. Please turn off “Remain anonymous” in your admin "
        "rights, or write to the bot in private, and send it again.",
    },
    "cmd.start": {"vi": "Giới thiệu bot", "en": "About this bot"},
    "cmd.help": {"vi": "Danh sách lệnh", "en": "List of commands"},
    "cmd.report": {"vi": "Báo cáo kết quả tuần", "en": "Report this week's results"},
    "cmd.status": {
        "vi": "Tình hình báo cáo của tổ chức",
        "en": "Your organization's report status",
    },
    "cmd.cancel": {"vi": "Tạm dừng, giữ bản nháp", "en": "Pause, keeping the draft"},
    "bot.secretariat_only": {
        "vi": "Lệnh này chỉ dành cho Ban Thường trực.",
        "en": "This command is for the secretariat only.",
    },
    "cmd.join": {"vi": "Đăng ký làm người báo cáo", "en": "Ask to report for an organization"},
    "cmd.roster": {
        "vi": "Danh sách tổ chức và người báo cáo",
        "en": "Organizations and their leaders",
    },
    "cmd.remove": {"vi": "Xoá người đã đăng ký", "en": "Remove a member who joined"},
    "chats.moved": {
        "vi": "🔁 Telegram đã nâng cấp nhóm <b>{group}</b> thành siêu nhóm (mã nhóm mới "
        "<code>{new}</code>). Bot vẫn theo dõi nhóm như cũ: lịch sử, các kỳ báo cáo và những "
        "tin đang chờ gửi đều được giữ. Ai đang trả lời báo cáo dở trong nhóm, gõ /baocao để "
        "tiếp tục. Có thể sửa chat_id trong tệp cấu hình thành {new} (không bắt buộc).",
        "en": "🔁 Telegram upgraded the group <b>{group}</b> to a supergroup (new chat id "
        "<code>{new}</code>). The bot carries on as before: the history, the periods and the "
        "messages waiting to be sent are kept. Anyone in the middle of a report in the group: "
        "type /report to go on. chat_id in the configuration may be changed to {new} "
        "(not required).",
    },
    "chats.removed": {
        "vi": "⚠️ Bot không còn gửi được tin vào nhóm <b>{group}</b> (bot bị xóa khỏi nhóm, "
        "bị hạn chế, hoặc nhóm không còn). Các tin theo lịch của nhóm tạm dừng, không gửi "
        "lặp lại. Thêm lại bot vào nhóm để tiếp tục; những tin còn ý nghĩa sẽ được gửi bù.",
        "en": "⚠️ The bot can no longer post in the group <b>{group}</b> (it was removed or "
        "restricted, or the group is gone). The group's scheduled messages are paused, not "
        "retried. Add the bot back to carry on; what still makes sense will be sent then.",
    },
    "chats.back": {
        "vi": "✅ Bot đã trở lại nhóm <b>{group}</b>. Các tin theo lịch tiếp tục; những tin "
        "bị lỡ mà còn ý nghĩa sẽ được gửi bù.",
        "en": "✅ The bot is back in the group <b>{group}</b>. Scheduled messages resume; "
        "those missed that still make sense will be sent now.",
    },
    "cmd.summary": {"vi": "Tổng hợp báo cáo (Ban Thường trực)", "en": "Digest of the reports"},
    "cmd.export": {
        "vi": "Xuất báo cáo Word/Excel (Ban Thường trực)",
        "en": "Export the report as Word/Excel (secretariat)",
    },
    "cmd.history": {
        "vi": "Các tuần gần đây của tổ chức",
        "en": "Your organization's recent weeks",
    },
    "cmd.directive": {
        "vi": "Chỉ đạo: giao, theo dõi kết quả",
        "en": "Directions: give them, follow them up",
    },
    "cmd.plan": {"vi": "Phương án ứng phó: nhập, xem", "en": "Response plan: import, show"},
    "cmd.situation": {"vi": "Tình huống đang áp dụng", "en": "The situation in force"},
    "cmd.tasks": {"vi": "Nhiệm vụ theo phương án", "en": "Tasks under the plan"},
    "cmd.chart": {
        "vi": "Biểu đồ báo cáo các tuần gần đây",
        "en": "Chart of recent weeks' reporting",
    },
    "cmd.skip": {
        "vi": "Cho nghỉ tuần này hoặc miễn một tổ chức",
        "en": "Holiday this week, or excuse an organization",
    },
}
