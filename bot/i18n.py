"""The message catalogue: every text a person reads, Vietnamese with English beside it.

``t()`` renders for Telegram's HTML parse mode and escapes every parameter, so user text can
never inject markup; pass ``Html(...)`` for a fragment that is already safe HTML.
``plain()`` renders for a terminal (no escaping, no markup in those entries).
"""

from __future__ import annotations

import html
import string

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


class Html(str):
    """A fragment of HTML that is already escaped and is inserted as is."""

    __slots__ = ()


def escape(text: str) -> Html:
    return Html(html.escape(text, quote=False))


_CATALOGUE: dict[str, dict[str, str]] = {
    # --- configuration (terminal) ------------------------------------------------------
    "config.file_missing": {
        "vi": "không tìm thấy tệp cấu hình",
        "en": "configuration file not found",
    },
    "config.file_unreadable": {
        "vi": "không đọc được tệp cấu hình: {reason}",
        "en": "cannot read the configuration file: {reason}",
    },
    "config.not_utf8": {
        "vi": "tệp cấu hình không được lưu bằng mã UTF-8",
        "en": "the configuration file is not UTF-8",
    },
    "config.syntax": {
        "vi": "sai cú pháp TOML: {reason}",
        "en": "not valid TOML: {reason}",
    },
    "config.missing": {"vi": "thiếu khóa bắt buộc", "en": "required key is missing"},
    "config.empty": {"vi": "không được để trống", "en": "must not be empty"},
    "config.wrong_type": {"vi": "phải là {expected}", "en": "must be {expected}"},
    "config.type.string": {"vi": "chuỗi ký tự", "en": "a string"},
    "config.type.integer": {"vi": "số nguyên", "en": "an integer"},
    "config.type.number": {"vi": "một số", "en": "a number"},
    "config.type.boolean": {"vi": "true hoặc false", "en": "true or false"},
    "config.type.user_ids": {
        "vi": "danh sách user id Telegram (số nguyên dương), ví dụ [123456789]",
        "en": "a list of Telegram user ids (positive integers), e.g. [123456789]",
    },
    "config.type.codes": {
        "vi": 'danh sách mã tổ chức, ví dụ ["doan", "hnd"]',
        "en": 'a list of organization codes, e.g. ["doan", "hnd"]',
    },
    "config.type.texts": {
        "vi": 'danh sách chuỗi, ví dụ ["Như trên;", "Lưu: VP."]',
        "en": 'a list of strings, e.g. ["As above;", "Archive."]',
    },
    "config.type.table": {"vi": "một bảng TOML", "en": "a TOML table"},
    "config.type.tables": {"vi": "một mảng bảng [[...]]", "en": "an array of tables [[...]]"},
    "config.out_of_range": {
        "vi": "phải nằm trong khoảng {low} đến {high}",
        "en": "must be between {low} and {high}",
    },
    "config.unknown_key": {
        "vi": "khóa không được hỗ trợ (có gõ nhầm tên không?)",
        "en": "unknown key (a typo?)",
    },
    "config.one_of": {"vi": "phải là một trong: {choices}", "en": "must be one of: {choices}"},
    "config.bad_url": {
        "vi": "phải là địa chỉ bắt đầu bằng http:// hoặc https://",
        "en": "must be an address starting with http:// or https://",
    },
    "config.bad_db_url": {
        "vi": "phải là URL SQLAlchemy, ví dụ sqlite+aiosqlite:///giaoban.db",
        "en": "must be an SQLAlchemy URL, e.g. sqlite+aiosqlite:///giaoban.db",
    },
    "config.bad_weekly_time": {
        "vi": '“{value}” không hợp lệ; ghi thứ (tiếng Anh) và giờ, ví dụ "friday 17:00"',
        "en": '“{value}” is not valid; write a weekday and a time, e.g. "friday 17:00"',
    },
    "config.deadline_before_call": {
        "vi": "hạn báo cáo phải sau giờ kêu gọi báo cáo trong cùng một tuần",
        "en": "the deadline must come after the call for reports within the week",
    },
    "config.reminder_order": {
        "vi": "giờ nhắc phải từ giờ kêu gọi báo cáo đến trước hạn báo cáo",
        "en": "the reminder must come between the call for reports and the deadline",
    },
    "config.bad_time": {
        "vi": "giờ không hợp lệ: {value} (ví dụ 08:00)",
        "en": "invalid time: {value} (e.g. 08:00)",
    },
    "config.bad_weekday": {
        "vi": "không hiểu thứ {value} (ví dụ monday, tue)",
        "en": "unknown weekday {value} (e.g. monday, tue)",
    },
    "config.bad_holiday": {
        "vi": "ngày nghỉ không hợp lệ: {value} (ghi tuần như 2026-W07 hoặc ngày như 2026-02-17)",
        "en": "invalid holiday: {value} (a week such as 2026-W07 or a date such as 2026-02-17)",
    },
    "config.bad_timezone": {
        "vi": "múi giờ “{value}” không tồn tại (ví dụ đúng: Asia/Ho_Chi_Minh)",
        "en": "time zone “{value}” does not exist (e.g. Asia/Ho_Chi_Minh)",
    },
    "config.bound_numeric_only": {
        "vi": "chỉ đặt được cho câu hỏi kiểu count, number hoặc money",
        "en": "can only be set on a count, number or money question",
    },
    "config.max_below_min": {"vi": "phải lớn hơn hoặc bằng min", "en": "must not be below min"},
    "config.duplicate_value": {"vi": "bị trùng lặp", "en": "is duplicated"},
    "config.bad_code": {
        "vi": "“{value}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu _, "
        "tối đa 24 ký tự",
        "en": "“{value}” is not valid: use lower-case ASCII letters, digits and _, "
        "at most 24 characters",
    },
    "config.no_questions": {
        "vi": "tổ chức này không có câu hỏi nào để báo cáo",
        "en": "this organization has no questions to answer",
    },
    "config.unknown_organization": {
        "vi": "mã tổ chức “{value}” không có trong organizations của nhóm",
        "en": "organization code “{value}” is not among the group's organizations",
    },
    "config.proposals_text_only": {
        "vi": "chỉ câu hỏi kiểu text mới đặt được proposals = true",
        "en": "only text questions can set proposals = true",
    },
    # --- command line (terminal) -------------------------------------------------------
    "cli.config_error": {
        "vi": "Lỗi cấu hình {path}: {error}",
        "en": "Configuration error in {path}: {error}",
    },
    "cli.file_clock": {
        "vi": "Giờ của bot lấy từ tệp {path} (GIAOBAN_CLOCK_FILE), không phải giờ thật: chỉ "
        "dùng để diễn tập hoặc kiểm thử.",
        "en": "The bot's time comes from the file {path} (GIAOBAN_CLOCK_FILE), not the real "
        "clock: for drills and tests only.",
    },
    "cli.demo_instead": {
        "vi": "Chưa có token của bot (biến môi trường TELEGRAM_BOT_TOKEN), nên chạy thử "
        "ngoại tuyến. Khi có token từ @BotFather: TELEGRAM_BOT_TOKEN=... make run",
        "en": "No bot token (TELEGRAM_BOT_TOKEN environment variable), so this is the offline "
        "demo. With a token from @BotFather: TELEGRAM_BOT_TOKEN=... make run",
    },
    "cli.no_token": {
        "vi": "Chưa có token của bot: lấy token từ @BotFather rồi đặt biến môi trường "
        "TELEGRAM_BOT_TOKEN (ví dụ: export TELEGRAM_BOT_TOKEN=123456:ABC...) và chạy lại.",
        "en": "No bot token: get one from @BotFather, set the environment variable "
        "TELEGRAM_BOT_TOKEN (e.g. export TELEGRAM_BOT_TOKEN=123456:ABC...) and run again.",
    },
    "cli.token_rejected": {
        "vi": "Máy chủ Bot API tại {url} từ chối token: kiểm tra lại TELEGRAM_BOT_TOKEN.",
        "en": "The Bot API server at {url} rejected the token: check TELEGRAM_BOT_TOKEN.",
    },
    "cli.api_unreachable": {
        "vi": "Không kết nối được máy chủ Bot API tại {url} ({reason}): kiểm tra mạng "
        "hoặc khóa [telegram] api_base_url.",
        "en": "Cannot reach the Bot API server at {url} ({reason}): check the network "
        "or [telegram] api_base_url.",
    },
    "cli.db_unavailable": {
        "vi": "Không mở được cơ sở dữ liệu {target} ({reason}): kiểm tra khóa [storage] url "
        "và quyền ghi vào thư mục.",
        "en": "Cannot open the database {target} ({reason}): check [storage] url and that "
        "the folder is writable.",
    },
    "cli.started": {
        "vi": "Giao Ban đang chạy với bot @{username}, {groups} nhóm. Nhấn Ctrl+C để dừng.",
        "en": "Giao Ban is running as @{username}, {groups} group(s). Press Ctrl+C to stop.",
    },
    "cli.stopped": {"vi": "Giao Ban đã dừng.", "en": "Giao Ban has stopped."},
    "cli.config_ok": {
        "vi": "Cấu hình hợp lệ: {path}",
        "en": "Configuration is valid: {path}",
    },
    "cli.summary.group": {
        "vi": "Nhóm “{name}” (chat_id {chat_id}, múi giờ {timezone}, ngôn ngữ {language})",
        "en": "Group “{name}” (chat_id {chat_id}, time zone {timezone}, language {language})",
    },
    "cli.summary.secretariat": {
        "vi": "  Ban Thường trực: {count} người",
        "en": "  Secretariat: {count} member(s)",
    },
    "cli.summary.organizations": {
        "vi": "  Tổ chức báo cáo: {count}",
        "en": "  Reporting organizations: {count}",
    },
    "cli.summary.organization": {
        "vi": "    - {name} [{code}]: {leaders} lãnh đạo, {questions} câu hỏi",
        "en": "    - {name} [{code}]: {leaders} leader(s), {questions} question(s)",
    },
    "cli.summary.questions": {
        "vi": "  Câu hỏi: {count} ({shared} chung, {limited} riêng, {required} bắt buộc)",
        "en": "  Questions: {count} ({shared} shared, {limited} limited, {required} required)",
    },
    "cli.summary.schedule": {
        "vi": "  Lịch: kêu gọi {call}; nhắc {reminder}; hạn {deadline}; tổng hợp {digest}",
        "en": "  Schedule: call {call}; reminder {reminder}; deadline {deadline}; digest {digest}",
    },
    "cli.summary.token_env": {
        "vi": "Token: lấy từ biến môi trường TELEGRAM_BOT_TOKEN",
        "en": "Token: from the environment variable TELEGRAM_BOT_TOKEN",
    },
    "cli.summary.token_file": {
        "vi": "Token: lấy từ khóa [telegram] token trong tệp cấu hình",
        "en": "Token: from [telegram] token in the configuration file",
    },
    "cli.summary.token_missing": {
        "vi": "Token: chưa đặt (cần biến môi trường TELEGRAM_BOT_TOKEN để chạy bot)",
        "en": "Token: not set (TELEGRAM_BOT_TOKEN is needed to run the bot)",
    },
    "cli.db_upgraded": {
        "vi": "Cơ sở dữ liệu {target} đã ở phiên bản mới nhất ({revision}).",
        "en": "Database {target} is at the latest revision ({revision}).",
    },
    "cli.backup_done": {
        "vi": "Đã sao lưu {source} vào {out} ({size} byte).",
        "en": "Backed up {source} to {out} ({size} bytes).",
    },
    "cli.backup_not_sqlite": {
        "vi": "Lệnh backup chỉ dùng cho SQLite; với PostgreSQL hãy dùng pg_dump.",
        "en": "backup works for SQLite only; for PostgreSQL use pg_dump.",
    },
    "cli.bad_period": {
        "vi": "Không hiểu tuần {period} (ghi như 2026-W47).",
        "en": "Cannot read the period {period} (write e.g. 2026-W47).",
    },
    "cli.no_such_period": {
        "vi": "Không có tuần {period}: chỉ dùng được các tuần từ {first} đến tuần này ({current}).",
        "en": "There is no week {period} to use: only weeks from {first} to this one ({current}).",
    },
    "cli.unknown_group": {
        "vi": "Nhóm {group} không có trong tệp cấu hình.",
        "en": "Group {group} is not in the configuration.",
    },
    "cli.digest_already_sent": {
        "vi": "Bản tổng hợp tuần {period} đã được gửi trước đó; không gửi lại.",
        "en": "The {period} digest was already sent; not sending it again.",
    },
    "cli.bad_format": {
        "vi": "Không có định dạng {format}: chọn docx, xlsx hoặc csv.",
        "en": "No format {format}: choose docx, xlsx or csv.",
    },
    "cli.write_failed": {
        "vi": "Không ghi được tệp {out}: {reason}.",
        "en": "Cannot write {out}: {reason}.",
    },
    "cli.export_done": {
        "vi": "Đã ghi {out} ({size} byte).",
        "en": "Wrote {out} ({size} bytes).",
    },
    "cli.digest_sent": {
        "vi": "Đã gửi bản tổng hợp tuần {period} vào nhóm.",
        "en": "The {period} digest was posted to the group.",
    },
    "cli.backup_failed": {
        "vi": "Không sao lưu được {source}: {reason}",
        "en": "Backup of {source} failed: {reason}",
    },
    # --- Telegram (HTML) -----------------------------------------------------------------
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
        "Số viết như thường lệ: 8.617; 1,5 triệu; 500k. Câu không bắt buộc: gõ «bỏ qua».\n\n"
        "<b>Người mới</b>\n"
        "/dangky — đăng ký làm người báo cáo của một tổ chức (Ban Thường trực duyệt)\n\n"
        "<b>Ban Thường trực</b>\n"
        "/tonghop — tổng hợp báo cáo tuần này; /tonghop truoc — tuần trước; "
        "/tonghop 2026-W47 — một tuần bất kỳ\n"
        "/bieudo — biểu đồ tỉ lệ báo cáo và các số liệu chính qua các tuần gần đây\n"
        "/xuatbaocao — báo cáo Word gửi cấp ủy (vào tin nhắn riêng); /xuatbaocao xlsx "
        "2026-W40 2026-W48 — bảng Excel nhiều tuần (hoặc csv)\n"
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
        "Numbers as usual: 8.617; 1,5 triệu; 500k. Optional questions: type «skip».\n\n"
        "<b>Newcomers</b>\n"
        "/join — ask to report for an organization (the secretariat approves)\n\n"
        "<b>Secretariat</b>\n"
        "/summary — digest of this week; /summary last — last week; "
        "/summary 2026-W47 — any week\n"
        "/chart — chart of the reporting rate and main figures over recent weeks\n"
        "/export — the Word report for the Party committee (in private); /export xlsx "
        "2026-W40 2026-W48 — a spreadsheet of several weeks (or csv)\n"
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
    # --- reporting (Telegram HTML; button labels are plain text) --------------------------
    "cmd.report": {"vi": "Báo cáo kết quả tuần", "en": "Report this week's results"},
    "cmd.status": {
        "vi": "Tình hình báo cáo của tổ chức",
        "en": "Your organization's report status",
    },
    "cmd.cancel": {"vi": "Tạm dừng, giữ bản nháp", "en": "Pause, keeping the draft"},
    "time.when": {"vi": "{time} {weekday}, {date}", "en": "{weekday} {date}, {time}"},
    "report.not_member": {
        "vi": "Anh/chị chưa có trong danh sách lãnh đạo các tổ chức của nhóm. Gõ /dangky để "
        "đăng ký; Ban Thường trực sẽ duyệt.",
        "en": "You are not on the list of the group's organization leaders. Type /join to "
        "ask; the secretariat will approve.",
    },
    "report.not_leader": {
        "vi": "Anh/chị thuộc Ban Thường trực, không phụ trách báo cáo của tổ chức nào.",
        "en": "You are in the secretariat and report for no organization.",
    },
    "bot.secretariat_only": {
        "vi": "Lệnh này chỉ dành cho Ban Thường trực.",
        "en": "This command is for the secretariat only.",
    },
    "report.no_conversation": {
        "vi": "Hiện không có câu hỏi nào đang chờ trả lời. Gõ /baocao để báo cáo tuần này, "
        "/help để xem các lệnh.",
        "en": "No question is waiting for an answer. Type /report to report this week, "
        "/help for the commands.",
    },
    "report.use_buttons": {
        "vi": "Xin bấm một nút ở tin nhắn phía trên.",
        "en": "Please press one of the buttons above.",
    },
    "report.stale_button": {
        "vi": "Nút này đã cũ. Gõ /baocao để tiếp tục.",
        "en": "This button is out of date. Type /report to go on.",
    },
    "report.wrong_person": {
        "vi": "Nút này dành cho người khác.",
        "en": "This button is for someone else.",
    },
    "report.choose_organization": {
        "vi": "Anh/chị phụ trách nhiều tổ chức. Báo cáo cho tổ chức nào?",
        "en": "You lead several organizations. Which one are you reporting for?",
    },
    "report.choose_period": {
        "vi": "<b>{organization}</b> chưa nộp báo cáo tuần {period} (đã quá hạn). "
        "Anh/chị báo cáo cho tuần nào?",
        "en": "<b>{organization}</b> has not submitted its report for {period} (overdue). "
        "Which week are you reporting for?",
    },
    "report.period_overdue": {"vi": "Tuần {period} (quá hạn)", "en": "{period} (overdue)"},
    "report.period_current": {"vi": "Tuần {period} (tuần này)", "en": "{period} (this week)"},
    "report.header": {
        "vi": "<b>{organization}</b> · báo cáo tuần {period}",
        "en": "<b>{organization}</b> · report for {period}",
    },
    "report.problem": {
        "vi": "⚠️ {problem} Xin trả lời lại.",
        "en": "⚠️ {problem} Please answer again.",
    },
    "report.question": {
        "vi": "<b>Câu {number}/{total}.</b> {text}",
        "en": "<b>Question {number}/{total}.</b> {text}",
    },
    "report.unit": {"vi": "Đơn vị: {unit}", "en": "Unit: {unit}"},
    "report.example": {"vi": "<i>{example}</i>", "en": "<i>{example}</i>"},
    "report.text_hint": {
        "vi": "<i>Có thể gửi nhiều tin nhắn, kèm ảnh hoặc tệp.</i>",
        "en": "<i>You may send several messages, with photos or files.</i>",
    },
    "report.current": {
        "vi": "Câu trả lời hiện tại: {answer}\nXin gửi câu trả lời mới.",
        "en": "Current answer: {answer}\nPlease send the new answer.",
    },
    "report.skip_hint": {
        "vi": "<i>Câu này không bắt buộc: trả lời “bỏ qua” nếu không có.</i>",
        "en": "<i>This question is optional: answer “bỏ qua” to skip it.</i>",
    },
    "report.button.skip": {"vi": "Bỏ qua câu này", "en": "Skip this question"},
    "report.button.done": {"vi": "Xong, sang câu tiếp ➡", "en": "Done, next question ➡"},
    "report.button.submit": {"vi": "✅ Gửi báo cáo", "en": "✅ Submit the report"},
    "report.button.change": {"vi": "✏️ Sửa câu {number}: {text}", "en": "✏️ Change {number}: {text}"},
    "report.button.keep": {"vi": "Giữ nguyên, không sửa", "en": "Keep it as it is"},
    "report.more_text.private": {
        "vi": "Đã ghi. Gửi thêm tin nhắn, ảnh hoặc tệp nếu cần; xong thì bấm nút bên dưới.",
        "en": "Saved. Send more messages, photos or files if needed; then press the button.",
    },
    "report.more_text.group": {
        "vi": "Đã ghi. Trả lời tin này để bổ sung (ảnh, tệp cũng được), hoặc trả lời “xong” "
        "để sang câu tiếp.",
        "en": "Saved. Reply to this message to add more (photos or files too), or reply "
        "“xong” for the next question.",
    },
    "report.deadline": {"vi": "Hạn báo cáo: {when}", "en": "Deadline: {when}"},
    "report.item.question": {"vi": "<b>{number}. {text}</b>", "en": "<b>{number}. {text}</b>"},
    "report.item.answer": {"vi": "   {answer}", "en": "   {answer}"},
    "report.item.skipped": {"vi": "   <i>(bỏ qua)</i>", "en": "   <i>(skipped)</i>"},
    "report.item.missing": {"vi": "   <i>(chưa trả lời)</i>", "en": "   <i>(not answered)</i>"},
    "report.attachments": {
        "vi": "Kèm theo: {count} ảnh/tệp.",
        "en": "Attached: {count} photo(s)/file(s).",
    },
    "report.review.prompt": {
        "vi": "Xin kiểm tra lại rồi bấm <b>Gửi báo cáo</b>, hoặc chọn câu cần sửa.",
        "en": "Please check, then press <b>Submit</b>, or pick an answer to change.",
    },
    "report.review.submitted": {
        "vi": "Đã gửi lúc {when}.",
        "en": "Submitted {when}.",
    },
    "report.review.change_prompt": {
        "vi": "Báo cáo đã gửi. Muốn sửa câu nào? Mọi thay đổi đều được lưu lại lịch sử.",
        "en": "The report is submitted. Which answer do you want to change? Every change is "
        "kept in the history.",
    },
    "report.receipt.on_time": {
        "vi": "✅ Đã nhận báo cáo tuần {period} của <b>{organization}</b> lúc {when} — "
        "<b>đúng hạn</b>.",
        "en": "✅ Received the {period} report of <b>{organization}</b> at {when} — "
        "<b>on time</b>.",
    },
    "report.receipt.late": {
        "vi": "✅ Đã nhận báo cáo tuần {period} của <b>{organization}</b> lúc {when} — "
        "<b>nộp muộn</b>.",
        "en": "✅ Received the {period} report of <b>{organization}</b> at {when} — <b>late</b>.",
    },
    "report.receipt.figures": {"vi": "Số liệu đã ghi:", "en": "Figures recorded:"},
    "report.receipt.figure": {"vi": "• {question}: {answer}", "en": "• {question}: {answer}"},
    "report.receipt.change_hint": {
        "vi": "Cần sửa thì gõ /baocao.",
        "en": "To change something, type /report.",
    },
    "report.changed": {
        "vi": "Đã sửa câu “{question}”: {old} → {new}. Báo cáo vẫn ở trạng thái đã gửi; "
        "thay đổi được lưu vào lịch sử.",
        "en": "Changed “{question}”: {old} → {new}. The report stays submitted; the change "
        "is kept in the history.",
    },
    "report.kept": {"vi": "Đã giữ nguyên báo cáo.", "en": "The report is kept as it is."},
    "report.cancelled": {
        "vi": "Đã tạm dừng. {answered}/{total} câu đã được lưu; gõ /baocao để làm tiếp.",
        "en": "Paused. {answered}/{total} answers are saved; type /report to go on.",
    },
    "report.cancelled_choice": {
        "vi": "Đã tạm dừng. Gõ /baocao khi muốn báo cáo.",
        "en": "Paused. Type /report when you want to report.",
    },
    "report.nothing_to_cancel": {
        "vi": "Không có báo cáo nào đang làm dở.",
        "en": "There is no report in progress.",
    },
    "report.edit_applied": {
        "vi": "Đã cập nhật câu “{question}”: {answer}",
        "en": "Updated “{question}”: {answer}",
    },
    "report.edit_applied_submitted": {
        "vi": "Đã cập nhật câu “{question}” của báo cáo đã gửi: {answer}. Thay đổi được lưu "
        "vào lịch sử.",
        "en": "Updated “{question}” of the submitted report: {answer}. The change is kept in "
        "the history.",
    },
    "report.edit_refused": {
        "vi": "Tin nhắn đã sửa cho câu “{question}” chưa đọc được: {problem} Câu trả lời cũ "
        "vẫn được giữ. {example}",
        "en": "The edited answer to “{question}” could not be read: {problem} The earlier "
        "answer is kept. {example}",
    },
    "answer.unsupported": {
        "vi": "Bot chưa đọc được loại tin nhắn này.",
        "en": "The bot cannot read this kind of message.",
    },
    "answer.use_buttons": {
        "vi": "Bot đang chờ anh/chị bấm nút.",
        "en": "The bot is waiting for a button press.",
    },
    "answer.required": {
        "vi": "Câu này bắt buộc, không bỏ qua được.",
        "en": "This question is required and cannot be skipped.",
    },
    "status.line": {
        "vi": "<b>{organization}</b> · tuần {period}: {state}",
        "en": "<b>{organization}</b> · {period}: {state}",
    },
    "status.line.submitted": {
        "vi": "đã gửi lúc {when}, {status}",
        "en": "submitted {when}, {status}",
    },
    "status.line.draft": {
        "vi": "đang làm dở, đã trả lời {answered}/{total} câu (hạn {deadline})",
        "en": "in progress, {answered}/{total} answered (deadline {deadline})",
    },
    "status.line.draft_overdue": {
        "vi": "đang làm dở, đã trả lời {answered}/{total} câu — <b>quá hạn</b> ({deadline})",
        "en": "in progress, {answered}/{total} answered — <b>overdue</b> ({deadline})",
    },
    "status.line.not_started": {
        "vi": "chưa bắt đầu (hạn {deadline})",
        "en": "not started (deadline {deadline})",
    },
    "status.line.not_started_overdue": {
        "vi": "chưa nộp — <b>quá hạn</b> ({deadline})",
        "en": "not submitted — <b>overdue</b> ({deadline})",
    },
    "status.hint": {"vi": "Gõ /baocao để báo cáo.", "en": "Type /report to report."},
    # --- membership (Telegram HTML; button labels and notices are plain text) ------------
    "cmd.join": {"vi": "Đăng ký làm người báo cáo", "en": "Ask to report for an organization"},
    "cmd.roster": {
        "vi": "Danh sách tổ chức và người báo cáo",
        "en": "Organizations and their leaders",
    },
    "cmd.remove": {"vi": "Xoá người đã đăng ký", "en": "Remove a member who joined"},
    "join.choose": {
        "vi": "Anh/chị báo cáo cho tổ chức nào? Bấm tên tổ chức; Ban Thường trực sẽ duyệt.",
        "en": "Which organization do you report for? Press its name; the secretariat will approve.",
    },
    "join.nothing_left": {
        "vi": "Anh/chị đã có tên trong danh sách báo cáo, không cần đăng ký thêm. Gõ /baocao "
        "để báo cáo.",
        "en": "You are already on the list of reporters; there is nothing to ask for. Type "
        "/report to report.",
    },
    "join.pending": {
        "vi": "Đề nghị báo cáo cho <b>{organization}</b> của anh/chị đang chờ Ban Thường trực "
        "duyệt. Bot sẽ báo khi có kết quả.",
        "en": "Your request to report for <b>{organization}</b> is waiting for the "
        "secretariat. The bot will tell you the outcome.",
    },
    "join.requested": {
        "vi": "Đã gửi đề nghị báo cáo cho <b>{organization}</b> tới Ban Thường trực. Bot sẽ "
        "báo khi có kết quả.",
        "en": "Your request to report for <b>{organization}</b> went to the secretariat. The "
        "bot will tell you the outcome.",
    },
    "join.notice": {
        "vi": "🙋 <b>Đề nghị mới</b>\n{person} xin làm người báo cáo cho <b>{organization}</b> "
        "(nhóm {group}).\nBan Thường trực bấm Duyệt hoặc Từ chối.",
        "en": "🙋 <b>New request</b>\n{person} asks to report for <b>{organization}</b> "
        "(group {group}).\nSecretariat: press Approve or Reject.",
    },
    "join.button.approve": {"vi": "✅ Duyệt", "en": "✅ Approve"},
    "join.button.reject": {"vi": "✖️ Từ chối", "en": "✖️ Reject"},
    "join.secretariat_decides": {
        "vi": "Chỉ Ban Thường trực mới quyết định việc này.",
        "en": "Only the secretariat decides this.",
    },
    "join.decided.approved": {
        "vi": "✅ {by} đã duyệt: {person} là người báo cáo của <b>{organization}</b>.",
        "en": "✅ {by} approved: {person} now reports for <b>{organization}</b>.",
    },
    "join.decided.rejected": {
        "vi": "✖️ {by} đã từ chối đề nghị của {person} (báo cáo cho <b>{organization}</b>).",
        "en": "✖️ {by} rejected the request of {person} (to report for <b>{organization}</b>).",
    },
    "join.decided.approved.notice": {"vi": "Đã duyệt.", "en": "Approved."},
    "join.decided.rejected.notice": {"vi": "Đã từ chối.", "en": "Rejected."},
    "join.already.approved": {
        "vi": "Đề nghị này đã được {by} duyệt rồi.",
        "en": "This request was already approved by {by}.",
    },
    "join.already.rejected": {
        "vi": "Đề nghị này đã bị {by} từ chối rồi.",
        "en": "This request was already rejected by {by}.",
    },
    "join.answer.approved": {
        "vi": "✅ Ban Thường trực đã duyệt: anh/chị là người báo cáo của <b>{organization}</b>. "
        "Gõ /baocao để báo cáo tuần này.",
        "en": "✅ The secretariat approved: you now report for <b>{organization}</b>. Type "
        "/report to report this week.",
    },
    "join.answer.rejected": {
        "vi": "Ban Thường trực chưa duyệt đề nghị báo cáo cho <b>{organization}</b>. Nếu có "
        "nhầm lẫn, xin liên hệ Văn phòng Ủy ban MTTQ.",
        "en": "The secretariat did not approve your request to report for "
        "<b>{organization}</b>. If this is a mistake, please contact the Front's office.",
    },
    "roster.title": {"vi": "<b>Danh sách nhóm {group}</b>", "en": "<b>Roster of {group}</b>"},
    "roster.secretariat": {"vi": "Ban Thường trực: {people}", "en": "Secretariat: {people}"},
    "roster.organization": {
        "vi": "• <b>{organization}</b>: {people}",
        "en": "• <b>{organization}</b>: {people}",
    },
    "roster.organization_empty": {
        "vi": "• <b>{organization}</b>: <i>chưa có người báo cáo</i>",
        "en": "• <b>{organization}</b>: <i>nobody reports yet</i>",
    },
    "roster.person": {"vi": "{name}", "en": "{name}"},
    "roster.mark.joined": {"vi": " (đăng ký)", "en": " (joined)"},
    "roster.pending": {
        "vi": "Đang chờ duyệt ({count}):",
        "en": "Waiting for approval ({count}):",
    },
    "roster.pending_item": {
        "vi": "  – {person} → {organization}",
        "en": "  – {person} → {organization}",
    },
    "roster.not_started_hint": {
        "vi": "⚠️ chưa bấm Start trong tin nhắn riêng với bot, nên bot chưa nhắn riêng được "
        "(nhắc, thông báo sẽ gửi trong nhóm).",
        "en": "⚠️ has not pressed Start in a private chat with the bot, so the bot cannot "
        "message them privately (reminders go to the group).",
    },
    "roster.blocked_hint": {
        "vi": "⛔ đã chặn bot, nên bot không nhắn riêng được (thông báo cho người này sẽ gửi "
        "trong nhóm, có nhắc tên); bỏ chặn và bấm Start để nhận lại tin riêng.",
        "en": "⛔ has blocked the bot, so it cannot message them privately (messages for them "
        "go to the group, mentioning them); unblock it and press Start to get them again.",
    },
    "roster.choose_removal": {
        "vi": "Chọn người cần xoá khỏi danh sách báo cáo. Người có tên trong tệp cấu hình "
        "chỉ xoá được bằng cách sửa tệp cấu hình.",
        "en": "Choose who to remove from the reporters. People listed in the configuration "
        "file are removed by editing that file.",
    },
    "roster.nothing_to_remove": {
        "vi": "Không có ai đăng ký thêm để xoá. Người có tên trong tệp cấu hình chỉ xoá được "
        "bằng cách sửa tệp cấu hình.",
        "en": "Nobody joined by request, so there is nobody to remove here. People listed in "
        "the configuration file are removed by editing that file.",
    },
    "roster.config_member": {
        "vi": "Người này có tên trong tệp cấu hình; hãy sửa tệp cấu hình.",
        "en": "This person is listed in the configuration file; edit that file.",
    },
    "roster.removed": {
        "vi": "Đã xoá {person} khỏi danh sách báo cáo của <b>{organization}</b>.",
        "en": "{person} no longer reports for <b>{organization}</b>.",
    },
    "roster.removed_notice": {
        "vi": "Ban Thường trực đã xoá anh/chị khỏi danh sách báo cáo của <b>{organization}</b>.",
        "en": "The secretariat removed you from the reporters of <b>{organization}</b>.",
    },
    # --- the weekly cycle (Telegram HTML) ------------------------------------------------
    "weekly.bad_period": {
        "vi": "Không hiểu kỳ “{given}”. Ghi: /tonghop (tuần này), /tonghop truoc (tuần "
        "trước) hoặc /tonghop 2026-W47.",
        "en": "Cannot read the period “{given}”. Write /summary (this week), /summary last "
        "or /summary 2026-W47.",
    },
    "weekly.deadline.secretariat_here": {
        "vi": "{people}: bot chưa nhắn riêng được cho anh/chị (chưa bấm Start hoặc đã chặn "
        "bot), nên gửi danh sách quá hạn ở đây.",
        "en": "{people}: the bot cannot write to you in private (Start not pressed, or the "
        "bot blocked), so the overdue list is here.",
    },
    "weekly.no_such_period": {
        "vi": "Nhóm không có tuần {given}: nhóm theo dõi báo cáo từ tuần {first} đến nay "
        "(tuần này là {current}).",
        "en": "The group has no week {given}: it has tracked reports from {first} until "
        "now (this week is {current}).",
    },
    # --- what Telegram does to chats (notices to the secretariat) ------------------------
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
    "weekly.skip.choose": {
        "vi": "Tuần {period}: cho cả nhóm nghỉ (không nhắc, không ai bị tính quá hạn), hay "
        "miễn báo cáo cho một tổ chức?",
        "en": "{period}: a holiday for the whole group (no reminders, nobody overdue), or "
        "excuse one organization?",
    },
    "weekly.skip.button_period": {
        "vi": "🏖 Cả nhóm nghỉ tuần {period}",
        "en": "🏖 Holiday for everyone in {period}",
    },
    "weekly.skip.button_excuse": {"vi": "Miễn: {organization}", "en": "Excuse: {organization}"},
    "weekly.skip.done": {
        "vi": "🏖 {by} đã cho nghỉ tuần {period}: không nhắc báo cáo, không ai bị tính quá hạn.",
        "en": "🏖 {by} made {period} a holiday: no reminders, nobody overdue.",
    },
    "weekly.excused": {
        "vi": "⚪ {by} đã miễn báo cáo tuần {period} cho {organization}.",
        "en": "⚪ {by} excused {organization} from reporting for {period}.",
    },
    "cmd.summary": {"vi": "Tổng hợp báo cáo (Ban Thường trực)", "en": "Digest of the reports"},
    "cmd.export": {
        "vi": "Xuất báo cáo Word/Excel (Ban Thường trực)",
        "en": "Export the report as Word/Excel (secretariat)",
    },
    "export.caption.docx": {
        "vi": "Báo cáo tuần {period} (Word).",
        "en": "Report for week {period} (Word).",
    },
    "export.caption.table": {
        "vi": "Số liệu báo cáo từ tuần {first} đến tuần {last}.",
        "en": "Report figures from week {first} to week {last}.",
    },
    "export.sent_private": {
        "vi": "📎 Đã gửi tệp báo cáo vào tin nhắn riêng cho {name}.",
        "en": "📎 The report file was sent to {name} in a private message.",
    },
    "export.start_private": {
        "vi": "Tệp báo cáo được gửi qua tin nhắn riêng. Vui lòng mở trò chuyện riêng với bot, "
        "bấm Bắt đầu (Start), rồi gõ lại /xuatbaocao.",
        "en": "Report files are sent in a private chat. Please open a private chat with the bot, "
        "press Start, then type /export again.",
    },
    "export.too_many": {
        "vi": "Mỗi lần xuất tối đa {limit} tuần. Vui lòng chọn khoảng ngắn hơn.",
        "en": "At most {limit} weeks per export. Please choose a shorter range.",
    },
    "cmd.history": {
        "vi": "Các tuần gần đây của tổ chức",
        "en": "Your organization's recent weeks",
    },
    "history.overview": {
        "vi": "📅 <b>Tình hình báo cáo các tuần {first} – {last}</b> (cũ → mới)",
        "en": "📅 <b>Reports, weeks {first} – {last}</b> (oldest → newest)",
    },
    "history.overview_row": {"vi": "{marks} {name} ({code})", "en": "{marks} {name} ({code})"},
    "history.legend": {
        "vi": "✅ đúng hạn · 🕓 nộp muộn · ❌ quá hạn · ⚪ được miễn · ⏳ chưa đến hạn",
        "en": "✅ on time · 🕓 late · ❌ missing · ⚪ excused · ⏳ not yet due",
    },
    "history.detail_hint": {
        "vi": "Xem chi tiết một tổ chức: /lichsu mã_tổ_chức (ví dụ /lichsu hnd).",
        "en": "One organization in detail: /history code (e.g. /history hnd).",
    },
    "history.detail": {
        "vi": "📅 <b>{organization}</b> — các tuần gần đây (mới → cũ)",
        "en": "📅 <b>{organization}</b> — recent weeks (newest first)",
    },
    "history.week": {
        "vi": "{mark} {period}: {status}{figures}",
        "en": "{mark} {period}: {status}{figures}",
    },
    "history.unknown": {
        "vi": "Không có tổ chức “{given}”. Chọn một mã: {choices}.",
        "en": "No organization “{given}”. Choose a code: {choices}.",
    },
    "history.own_only": {
        "vi": "Anh/chị chỉ xem được lịch sử báo cáo của tổ chức mình.",
        "en": "You can only see your own organization's history.",
    },
    "chart.title": {
        "vi": "{name}: kết quả báo cáo các tuần gần đây",
        "en": "{name}: reporting in recent weeks",
    },
    "chart.rate": {"vi": "Tỉ lệ tổ chức đã báo cáo", "en": "Organizations that reported"},
    "chart.on_time": {"vi": "Đúng hạn", "en": "On time"},
    "chart.late": {"vi": "Trễ hạn", "en": "Late"},
    "chart.holiday": {"vi": "nghỉ", "en": "holiday"},
    "chart.week": {"vi": "Tuần {week}\n{day}", "en": "Week {week}\n{day}"},
    "chart.caption": {
        "vi": "📊 {name}: biểu đồ báo cáo {weeks} tuần gần đây, đến tuần {period}.",
        "en": "📊 {name}: chart of reporting over the last {weeks} weeks, up to {period}.",
    },
    "cmd.chart": {
        "vi": "Biểu đồ báo cáo các tuần gần đây",
        "en": "Chart of recent weeks' reporting",
    },
    "demo.title": {
        "vi": "Giao Ban — chạy thử ngoại tuyến: một tuần của nhóm {group} (không cần mạng, "
        "không cần token; máy chủ Bot API cục bộ, cơ sở dữ liệu tạm).",
        "en": "Giao Ban — offline demo: a week of the group {group} (no network, no token; "
        "local Bot API server, temporary database).",
    },
    "demo.day": {
        "vi": "━━━━━━━━ {weekday}, {date} ━━━━━━━━",
        "en": "━━━━━━━━ {weekday}, {date} ━━━━━━━━",
    },
    "demo.earlier": {
        "vi": "(Bot đã chạy với nhóm từ tuần 2026-W43; năm tuần trước đó không in ra ở đây.)",
        "en": "(The bot has looked after the group since 2026-W43; those five weeks are not "
        "printed here.)",
    },
    "demo.in_group": {"vi": "[Nhóm]", "en": "[Group]"},
    "demo.in_private": {"vi": "[Riêng · {name}]", "en": "[Private · {name}]"},
    "demo.pressed": {"vi": "bấm nút [{button}]", "en": "presses [{button}]"},
    "demo.photo": {"vi": "🖼 Ảnh biểu đồ ({size})", "en": "🖼 Chart picture ({size})"},
    "demo.document": {"vi": "📎 Tệp {name} ({size})", "en": "📎 File {name} ({size})"},
    "demo.files": {
        "vi": "Các tệp bot đã gửi được ghi vào thư mục {folder}:",
        "en": "The files the bot sent are written to the folder {folder}:",
    },
    "demo.narrate.call": {
        "vi": "8 giờ sáng thứ Hai: bot gửi bản tổng hợp và biểu đồ tuần trước (như ở cuối bản "
        "ghi này), rồi kêu gọi báo cáo tuần mới",
        "en": "Monday 8 a.m.: the bot posts last week's digest and chart (as at the end of "
        "this transcript), then calls for the new week's reports",
    },
    "demo.narrate.bad_number": {
        "vi": "Một lãnh đạo gõ “hơn hai chục”; bot không đoán, hỏi lại con số nó hiểu, và ghi "
        "con số lãnh đạo gõ lại",
        "en": "A leader writes “over twenty”; the bot does not guess but asks back what it "
        "understood, and takes the figure typed again",
    },
    "demo.narrate.reminder": {
        "vi": "Chiều thứ Ba: bot nhắc các tổ chức chưa báo cáo",
        "en": "Tuesday afternoon: the bot reminds those who have not reported",
    },
    "demo.narrate.deadline": {
        "vi": "Hết hạn chiều thứ Tư; sáng thứ Năm nhắc tổ chức quá hạn",
        "en": "The deadline on Wednesday afternoon; on Thursday morning the overdue reminder",
    },
    "demo.narrate.digest": {
        "vi": "Sáng thứ Hai tuần sau: bản tổng hợp, biểu đồ và lời kêu gọi tuần mới",
        "en": "The next Monday morning: the digest, the chart and the new week's call",
    },
    "demo.narrate.summary": {
        "vi": "Văn phòng xem tổng hợp và xuất báo cáo gửi cấp ủy",
        "en": "The office reads the summary and exports the report for the Party committee",
    },
    "cmd.skip": {
        "vi": "Cho nghỉ tuần này hoặc miễn một tổ chức",
        "en": "Holiday this week, or excuse an organization",
    },
    "weekly.leader": {"vi": "lãnh đạo", "en": "leader"},
    "weekly.dates": {"vi": "{first} – {last}", "en": "{first} – {last}"},
    "weekly.org": {"vi": "• <b>{organization}</b>", "en": "• <b>{organization}</b>"},
    "weekly.org_with_leaders": {
        "vi": "• <b>{organization}</b> — {people}",
        "en": "• <b>{organization}</b> — {people}",
    },
    "weekly.deadline": {"vi": "Hạn nộp: {when}", "en": "Deadline: {when}"},
    "weekly.call.title": {
        "vi": "📣 <b>Giao ban tuần {period}</b> ({dates})",
        "en": "📣 <b>Weekly report {period}</b> ({dates})",
    },
    "weekly.call.how": {
        "vi": "Mời lãnh đạo các tổ chức báo cáo kết quả tuần: gõ /baocao hoặc bấm nút dưới đây.",
        "en": "Organization leaders, please report the week's results: type /report or press "
        "the button below.",
    },
    "weekly.call.button": {"vi": "📝 Báo cáo ngay", "en": "📝 Report now"},
    "weekly.how_to_report": {"vi": "Gõ /baocao để báo cáo.", "en": "Type /report to report."},
    "weekly.reminder.title": {
        "vi": "⏰ <b>Nhắc báo cáo tuần {period}</b> — hạn {when}. Chưa nộp:",
        "en": "⏰ <b>Reminder: report {period}</b> — due {when}. Not yet submitted:",
    },
    "weekly.deadline.all_in": {
        "vi": "✅ Hết hạn báo cáo tuần {period}: tất cả tổ chức đã nộp. Cảm ơn các đồng chí!",
        "en": "✅ The {period} deadline has passed and every organization has reported. Thank you!",
    },
    "weekly.deadline.title": {
        "vi": "⌛ <b>Hết hạn báo cáo tuần {period}</b>",
        "en": "⌛ <b>The {period} deadline has passed</b>",
    },
    "weekly.deadline.count": {
        "vi": "Đã nộp: {submitted}/{expected} tổ chức.",
        "en": "Submitted: {submitted} of {expected} organizations.",
    },
    "weekly.overdue_heading": {"vi": "<b>Quá hạn:</b>", "en": "<b>Overdue:</b>"},
    "weekly.late_accepted": {
        "vi": "Báo cáo muộn vẫn được nhận (ghi là nộp muộn): gõ /baocao.",
        "en": "Late reports are still accepted (marked late): type /report.",
    },
    "weekly.overdue.title": {
        "vi": "🔔 <b>Quá hạn báo cáo tuần {period}</b> — xin gửi sớm:",
        "en": "🔔 <b>Report {period} overdue</b> — please send it soon:",
    },
    "weekly.secretariat.title": {
        "vi": "📋 Tuần {period}, nhóm {group}: các tổ chức quá hạn báo cáo",
        "en": "📋 {period}, group {group}: organizations overdue",
    },
    "weekly.secretariat.line": {
        "vi": "• {organization} (phụ trách: {people})",
        "en": "• {organization} (leaders: {people})",
    },
    "weekly.late.title": {
        "vi": "📥 <b>Bổ sung tuần {period}</b>: {organization} nộp muộn lúc {when}.",
        "en": "📥 <b>Late addition to {period}</b>: {organization} reported {when}.",
    },
    "weekly.digest.title": {
        "vi": "📊 <b>Tổng hợp giao ban tuần {period}</b> ({dates})",
        "en": "📊 <b>Weekly digest {period}</b> ({dates})",
    },
    "weekly.digest.title_so_far": {
        "vi": "📊 <b>Tình hình báo cáo tuần {period}</b> ({dates}), đến {when}",
        "en": "📊 <b>Reports for {period}</b> ({dates}), as of {when}",
    },
    "weekly.digest.group": {"vi": "Nhóm: {group}", "en": "Group: {group}"},
    "weekly.digest.rate": {
        "vi": "Đã nộp {submitted}/{expected} tổ chức ({percent}%): {on_time} đúng hạn, "
        "{late} nộp muộn.",
        "en": "Submitted {submitted} of {expected} organizations ({percent}%): {on_time} on "
        "time, {late} late.",
    },
    "weekly.digest.excused_count": {
        "vi": " {count} tổ chức được miễn.",
        "en": " {count} excused.",
    },
    "weekly.digest.organization": {
        "vi": "{mark} <b>{number}. {organization}</b> — {status}",
        "en": "{mark} <b>{number}. {organization}</b> — {status}",
    },
    "weekly.digest.at": {"vi": "lúc {when}", "en": "at {when}"},
    "weekly.digest.answer": {
        "vi": "   • {question}: {answer}",
        "en": "   • {question}: {answer}",
    },
    "weekly.digest.totals": {"vi": "<b>Số liệu tổng hợp</b>", "en": "<b>Totals</b>"},
    "weekly.digest.total": {
        "vi": "• {question}: <b>{total}</b> ({count} tổ chức)",
        "en": "• {question}: <b>{total}</b> ({count} organizations)",
    },
    "weekly.digest.up": {
        "vi": " — tăng {change} so với tuần trước",
        "en": " — up {change} on the week before",
    },
    "weekly.digest.down": {
        "vi": " — giảm {change} so với tuần trước",
        "en": " — down {change} on the week before",
    },
    "weekly.digest.unchanged": {
        "vi": " — không đổi so với tuần trước",
        "en": " — unchanged from the week before",
    },
    "weekly.digest.proposals": {
        "vi": "<b>Khó khăn, kiến nghị</b>",
        "en": "<b>Difficulties and proposals</b>",
    },
    "weekly.digest.proposal": {
        "vi": "• <i>{organization}</i>: {text}",
        "en": "• <i>{organization}</i>: {text}",
    },
    # --- answers ---------------------------------------------------------------------------
    "answer.empty": {"vi": "Câu trả lời đang trống.", "en": "The answer is empty."},
    "answer.not_a_number": {
        "vi": "Chưa đọc được con số trong câu trả lời.",
        "en": "No number could be read in the answer.",
    },
    "answer.number_unclear": {
        "vi": "Con số chưa rõ ràng, xin ghi lại một số duy nhất.",
        "en": "The number is unclear; please write a single number.",
    },
    "answer.negative": {"vi": "Số không được âm.", "en": "The number cannot be negative."},
    "answer.too_large": {
        "vi": "Số quá lớn, có lẽ gõ nhầm.",
        "en": "The number is too large; probably a typo.",
    },
    "answer.count_not_whole": {
        "vi": "Số lượng phải là số nguyên.",
        "en": "A count must be a whole number.",
    },
    "answer.too_precise": {
        "vi": "Chỉ ghi tối đa 3 chữ số sau dấu phẩy.",
        "en": "At most 3 digits after the decimal comma.",
    },
    "answer.money_unclear": {
        "vi": "Chưa đọc được số tiền.",
        "en": "The amount of money could not be read.",
    },
    "answer.money_unit": {
        "vi": "Số tiền chỉ ghi kèm đơn vị tiền (đồng, triệu, nghìn).",
        "en": "Amounts take money units only (đồng, triệu, nghìn).",
    },
    "answer.money_fraction": {
        "vi": "Số tiền phải tròn đồng.",
        "en": "Amounts must be whole đồng.",
    },
    "answer.yesno_unclear": {
        "vi": "Chưa rõ câu trả lời là có hay không.",
        "en": "It is not clear whether the answer is yes or no.",
    },
    "answer.written_before": {
        "vi": "Tin nhắn vừa rồi được gửi trước khi câu hỏi dưới đây hiện ra, nên không ghi "
        "cho câu này. Xin trả lời câu hỏi dưới đây.",
        "en": "Your last message was sent before the question below appeared, so it was not "
        "taken as its answer. Please answer the question below.",
    },
    "answer.earlier_unread": {
        "vi": "Bot chưa đọc được tin nhắn vừa rồi thành câu trả lời cho câu trước; câu trả lời "
        "cũ được giữ nguyên. Xin trả lời câu hỏi dưới đây.",
        "en": "The bot could not read your last message as an answer to the question before; "
        "the earlier answer stays. Please answer the question below.",
    },
    "answer.other_report": {
        "vi": "Tin nhắn này trả lời một câu hỏi của báo cáo khác nên không được ghi. Muốn sửa "
        "báo cáo đó, gõ /baocao.",
        "en": "This message answers a question of another report, so it was not recorded. To "
        "change that report, type /report.",
    },
    "answer.confirm_correction": {
        "vi": "Anh/chị muốn sửa câu “{question}” từ {bound} thành <b>{value}</b> phải không? "
        "(Nếu đây là câu trả lời cho câu hỏi dưới cùng, bấm Nhập lại rồi trả lời câu đó.)",
        "en": "Do you want to change “{question}” from {bound} to <b>{value}</b>? (If this "
        "answers the latest question, press Type again and answer it.)",
    },
    "answer.confirm_copy": {
        "vi": "Anh/chị vừa gửi <b>{value}</b>, giống câu trả lời câu trước. Đây có phải câu "
        "trả lời cho câu “{question}” không?",
        "en": "You just sent <b>{value}</b>, the same as your answer before. Is it the answer "
        "to “{question}”?",
    },
    "answer.correction_dropped": {
        "vi": "Câu trả lời cũ được giữ nguyên.",
        "en": "The earlier answer stays as it was.",
    },
    "answer.copy_dropped": {
        "vi": "Bot không ghi con số đó. Xin trả lời câu hỏi dưới đây.",
        "en": "That figure was not recorded. Please answer the question below.",
    },
    "answer.confirm_below": {
        "vi": "<b>{value}</b> thấp hơn mức tối thiểu {bound} đặt cho câu “{question}”. "
        "Có đúng là {value} không?",
        "en": "<b>{value}</b> is below the minimum {bound} set for “{question}”. Is it "
        "really {value}?",
    },
    "answer.confirm_above": {
        "vi": "<b>{value}</b> cao hơn mức tối đa {bound} đặt cho câu “{question}”. "
        "Có đúng là {value} không?",
        "en": "<b>{value}</b> is above the maximum {bound} set for “{question}”. Is it "
        "really {value}?",
    },
    "answer.confirm_too_many": {
        "vi": "<b>{value}</b> lớn hơn cả dân số cả nước. Có đúng là {value} không?",
        "en": "<b>{value}</b> is more than the country's whole population. Is it really {value}?",
    },
    "answer.confirm_small_sum": {
        "vi": "<b>{value}</b>: chưa đến một nghìn đồng. Có đúng không? (Nếu là nghìn hay "
        "triệu đồng, bấm Nhập lại, ví dụ 500 nghìn, 2 triệu.)",
        "en": "<b>{value}</b>: less than a thousand đồng. Is that right? (If you meant "
        "thousands or millions, press Type again, e.g. 500 nghìn, 2 triệu.)",
    },
    "answer.confirm_unusual": {
        "vi": "<b>{value}</b> lớn hơn mười lần con số cao nhất tổ chức đã báo cáo trước đây "
        "({bound}). Có đúng là {value} không?",
        "en": "<b>{value}</b> is more than ten times the largest figure the organization "
        "reported before ({bound}). Is it really {value}?",
    },
    "answer.retype": {
        "vi": "Mời anh/chị gõ lại con số.",
        "en": "Please type the figure again.",
    },
    "answer.edit_unsure": {
        "vi": "bot chưa chắc đọc đúng con số sửa lại, hoặc con số khác thường",
        "en": "the bot is not sure it read the corrected figure right, or it is unusual",
    },
    "report.corrected": {
        "vi": "✏️ Đã sửa câu “{question}”: {old} → <b>{new}</b>.",
        "en": "✏️ Corrected “{question}”: {old} → <b>{new}</b>.",
    },
    "report.not_your_question": {
        "vi": "Câu hỏi này dành cho {name}, nên câu trả lời của anh/chị không được ghi. "
        "Muốn báo cáo cho tổ chức mình, gõ /baocao.",
        "en": "This question is for {name}, so your answer was not recorded. To report for "
        "your own organization, type /report.",
    },
    "report.button.figure_right": {"vi": "✅ Đúng", "en": "✅ Right"},
    "report.button.figure_again": {"vi": "✏️ Nhập lại", "en": "✏️ Type again"},
    "answer.confirm_reading": {
        "vi": "Bot hiểu là <b>{value}</b>. Có đúng không?",
        "en": "The bot read <b>{value}</b>. Is that right?",
    },
    "answer.example.text": {
        "vi": "Xin gõ nội dung trả lời.",
        "en": "Please type your answer.",
    },
    "answer.example.count": {
        "vi": "Ví dụ: 120 hoặc 8.617",
        "en": "For example: 120 or 8.617",
    },
    "answer.example.number": {
        "vi": "Ví dụ: 12,5 hoặc 1.250",
        "en": "For example: 12,5 or 1.250",
    },
    "answer.example.money": {
        "vi": "Ví dụ: 2 triệu, 1,5 tr, 500k hoặc 1.500.000 đồng",
        "en": "For example: 2 triệu, 1,5 tr, 500k or 1.500.000 đồng",
    },
    "answer.example.yesno": {
        "vi": "Xin trả lời: có / không (hoặc: rồi / chưa)",
        "en": "Please answer: có / không (or: rồi / chưa)",
    },
    "answer.yes": {"vi": "Có", "en": "Yes"},
    "answer.no": {"vi": "Không", "en": "No"},
    # --- statuses and calendar -------------------------------------------------------------
    "doc.nation": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "doc.motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "doc.date": {
        "vi": "ngày {day} tháng {month} năm {year}",
        "en": "{day}/{month}/{year}",
    },
    "doc.title": {"vi": "BÁO CÁO", "en": "REPORT"},
    "doc.title_line": {"vi": "Báo cáo tuần {period}", "en": "Weekly report {period}"},
    "doc.subject": {
        "vi": "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội",
        "en": "Results of the coordinated work of the member organizations",
    },
    "doc.period": {
        "vi": "Tuần {period} (từ ngày {first} đến ngày {last})",
        "en": "Week {period} ({first} to {last})",
    },
    "doc.rate": {
        "vi": "Trong tuần, {submitted}/{expected} tổ chức đã gửi báo cáo ({percent}%). "
        "Ban Thường trực tổng hợp kết quả như sau:",
        "en": "This week {submitted} of {expected} organizations reported ({percent}%). "
        "The results are as follows:",
    },
    "doc.section.results": {
        "vi": "I. KẾT QUẢ THỰC HIỆN CỦA CÁC TỔ CHỨC",
        "en": "I. RESULTS OF THE ORGANIZATIONS",
    },
    "doc.section.figures": {
        "vi": "II. SỐ LIỆU TỔNG HỢP",
        "en": "II. TOTALS",
    },
    "doc.section.proposals": {
        "vi": "III. KHÓ KHĂN, KIẾN NGHỊ, ĐỀ XUẤT",
        "en": "III. DIFFICULTIES AND PROPOSALS",
    },
    "doc.section.missing": {
        "vi": "IV. CÁC TỔ CHỨC CHƯA BÁO CÁO",
        "en": "IV. ORGANIZATIONS THAT DID NOT REPORT",
    },
    "doc.submitted_at": {"vi": "lúc {when}", "en": "at {when}"},
    "doc.no_answers": {"vi": "Không có báo cáo.", "en": "No report."},
    "doc.none": {"vi": "Không có.", "en": "None."},
    "doc.figures.figure": {"vi": "Nội dung", "en": "Figure"},
    "doc.figures.unit": {"vi": "Đơn vị tính", "en": "Unit"},
    "doc.figures.reporting": {"vi": "Số tổ chức báo cáo", "en": "Organizations reporting"},
    "doc.figures.now": {"vi": "Tuần này", "en": "This week"},
    "doc.figures.before": {"vi": "Tuần trước", "en": "Last week"},
    "doc.figures.change": {"vi": "Tăng (+), giảm (-)", "en": "Change"},
    "doc.dong": {"vi": "đồng", "en": "VND"},
    "doc.recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "table.sheet": {"vi": "Báo cáo", "en": "Reports"},
    "table.period": {"vi": "Kỳ báo cáo", "en": "Period"},
    "table.first_day": {"vi": "Từ ngày", "en": "From"},
    "table.last_day": {"vi": "Đến ngày", "en": "To"},
    "table.code": {"vi": "Mã tổ chức", "en": "Code"},
    "table.organization": {"vi": "Tổ chức", "en": "Organization"},
    "table.status": {"vi": "Tình trạng", "en": "Status"},
    "table.submitted": {"vi": "Thời điểm nộp", "en": "Submitted at"},
    "status.pending": {"vi": "chưa nộp", "en": "not yet submitted"},
    "status.on_time": {"vi": "đúng hạn", "en": "on time"},
    "status.late": {"vi": "nộp muộn", "en": "late"},
    "status.missing": {"vi": "quá hạn, chưa nộp", "en": "overdue, missing"},
    "status.excused": {"vi": "được miễn", "en": "excused"},
    "weekday.1": {"vi": "thứ Hai", "en": "Monday"},
    "weekday.2": {"vi": "thứ Ba", "en": "Tuesday"},
    "weekday.3": {"vi": "thứ Tư", "en": "Wednesday"},
    "weekday.4": {"vi": "thứ Năm", "en": "Thursday"},
    "weekday.5": {"vi": "thứ Sáu", "en": "Friday"},
    "weekday.6": {"vi": "thứ Bảy", "en": "Saturday"},
    "weekday.7": {"vi": "Chủ nhật", "en": "Sunday"},
}


def keys() -> frozenset[str]:
    return frozenset(_CATALOGUE)


def template(key: str, lang: str) -> str:
    entry = _CATALOGUE[key]
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> Html:
    """A catalogue entry as Telegram HTML, every parameter escaped unless it is Html."""
    safe = {
        name: value if isinstance(value, Html) else html.escape(str(value), quote=False)
        for name, value in params.items()
    }
    return Html(template(key, lang).format(**safe))


def plain(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """A catalogue entry as plain text for a terminal."""
    return template(key, lang).format(**params)
