"""Catalogue entries: the configuration check, the command line and the offline demo (terminal
text, no markup).
"""

ENTRIES: dict[str, dict[str, str]] = {
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
    "config.type.levels": {
        "vi": "danh sách số tình huống từ 1 đến 9, ví dụ [2, 3]",
        "en": "a list of situation numbers from 1 to 9, e.g. [2, 3]",
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
    "config.bad_date": {
        "vi": "“{value}” không phải một ngày (ghi như 2026-01-01)",
        "en": "“{value}” is not a date (write e.g. 2026-01-01)",
    },
    "config.unknown_template": {
        "vi": "không có mẫu câu hỏi “{value}” (các mẫu: {names})",
        "en": "no question template “{value}” (templates: {names})",
    },
    "config.unknown_parent": {
        "vi": "không có nhóm cấp trên chat_id {value} trong tệp cấu hình",
        "en": "no parent group with chat_id {value} in the configuration",
    },
    "config.parent_cycle": {
        "vi": "các nhóm cấp trên vòng lại chính nhóm này",
        "en": "the chain of parent groups comes back to this group",
    },
    "config.rollup_mismatch": {
        "vi": "số liệu “{key}” khác loại hoặc đơn vị với nhóm “{other}” cùng cấp trên, nên "
        "không cộng dồn được",
        "en": "figure “{key}” differs in kind or unit from group “{other}” under the same "
        "parent, so it cannot be added up",
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
    "config.reserved_key": {
        "vi": "“{value}”: khóa bắt đầu bằng “{prefix}” dành cho câu hỏi của bot về chỉ đạo, "
        "nhiệm vụ, xin đặt tên khác",
        "en": "“{value}”: keys beginning with “{prefix}” are the bot's questions about "
        "directions and tasks; please choose another",
    },
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
    "demo.assessment": {
        "vi": "Các tổ chức báo cáo đầy đủ, đúng hạn; công tác hỗ trợ hộ khó khăn được "
        "triển khai kịp thời.",
        "en": "The organizations reported in full and on time; support to households in "
        "difficulty went out promptly.",
    },
    "cli.digest_already_sent": {
        "vi": "Bản tổng hợp {period} đã được gửi trước đó; không gửi lại.",
        "en": "The digest of {period} was already sent; not sending it again.",
    },
    "cli.bad_format": {
        "vi": "Không có định dạng {format}: chọn docx, xlsx hoặc csv.",
        "en": "No format {format}: choose docx, xlsx or csv.",
    },
    "cli.summary.level_questions": {
        "vi": "  Câu hỏi chỉ hỏi ở một số tình huống của phương án: {count}",
        "en": "  Questions asked only at some situations of the plan: {count}",
    },
    "cli.read_failed": {
        "vi": "Không đọc được {path}: {reason}",
        "en": "Cannot read {path}: {reason}",
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
        "vi": "Đã gửi bản tổng hợp {period} vào nhóm.",
        "en": "The digest of {period} was posted to the group.",
    },
    "cli.backup_failed": {
        "vi": "Không sao lưu được {source}: {reason}",
        "en": "Backup of {source} failed: {reason}",
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
}
