"""Catalogue entries: response plans (phương án ứng phó) — importing, the situation in force,
units' tasks and their progress, the digest's section (Telegram HTML)."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- importing ----------------------------------------------------------------------------
    "plan.shown": {
        "vi": "<b>Phương án ứng phó</b> — {group}\nTệp: {file} (nhập lúc {when})\nTình huống "
        "đang áp dụng: <b>{level}</b>",
        "en": "<b>Response plan</b> — {group}\nFile: {file} (imported {when})\nSituation in "
        "force: <b>{level}</b>",
    },
    "plan.level_line": {
        "vi": "• Tình huống {level}: {title} — {count} nhiệm vụ",
        "en": "• Situation {level}: {title} — {count} tasks",
    },
    "plan.none": {
        "vi": "Nhóm {group} chưa có phương án ứng phó.",
        "en": "Group {group} has no response plan yet.",
    },
    "plan.send_file": {
        "vi": "Gửi tệp phương án (XLSX hoặc CSV) vào đây. Bảng gồm các cột: STT; Nội dung, biện "
        "pháp; Cơ quan, đơn vị thực hiện; Phòng, ban phụ trách; Cán bộ chỉ đạo; Ghi chú. Mỗi tình "
        "huống mở đầu bằng một dòng có STT là I, II…, nội dung “Tình huống 1: …”. Nhập lại thì "
        "phương án mới thay phương án cũ; nhiệm vụ giữ nguyên số và nội dung thì giữ quá trình "
        "theo dõi.",
        "en": "Send the plan's file (XLSX or CSV) here. Its columns: STT; Nội dung, biện pháp; Cơ "
        "quan, đơn vị thực hiện; Phòng, ban phụ trách; Cán bộ chỉ đạo; Ghi chú. Each situation "
        "starts with a row numbered I, II… whose content is “Tình huống 1: …”. Importing again "
        "replaces the plan; tasks with the same number and content keep their history.",
    },
    "plan.in_group": {
        "vi": "Gửi tệp phương án trong tin nhắn riêng với bot: gõ /kehoach ở đó.",
        "en": "Send the plan's file in a private chat with the bot: type /plan there.",
    },
    "plan.refused": {
        "vi": "Chưa nhập phương án từ tệp {file}: có {count} chỗ cần sửa. Sửa rồi gửi lại cả "
        "tệp (chưa có gì được lưu).",
        "en": "The plan in {file} is not imported: {count} things to correct. Correct them and "
        "send the whole file again (nothing was stored).",
    },
    "plan.problem.cell": {
        "vi": "• Dòng {row}, cột “{column}”: {problem}",
        "en": "• Row {row}, column “{column}”: {problem}",
    },
    "plan.problem.row": {"vi": "• Dòng {row}: {problem}", "en": "• Row {row}: {problem}"},
    "plan.problem.file": {"vi": "• {problem}", "en": "• {problem}"},
    "plan.more_problems": {
        "vi": "… và {count} chỗ khác.",
        "en": "… and {count} more.",
    },
    "plan.too_many_rows": {
        "vi": "bảng dài quá {limit} dòng.",
        "en": "the table is longer than {limit} rows.",
    },
    "plan.no_heading": {
        "vi": "không thấy dòng tiêu đề ở trang tính đầu tiên (cần các cột STT, Nội dung, Cơ "
        "quan/đơn vị thực hiện).",
        "en": "no heading row on the first sheet (the columns STT, Nội dung, Cơ quan/đơn vị thực "
        "hiện are needed).",
    },
    "plan.cell_too_long": {
        "vi": "ô dài quá {limit} ký tự.",
        "en": "the cell is longer than {limit} characters.",
    },
    "plan.bad_level": {
        "vi": "tình huống phải là một số từ 1 đến 9.",
        "en": "a situation is a number from 1 to 9.",
    },
    "plan.bad_situation_row": {
        "vi": "dòng đánh số La Mã (I, II…) phải có nội dung “Tình huống N: …”.",
        "en": "a row numbered in Roman numerals (I, II…) must read “Tình huống N: …”.",
    },
    "plan.no_situation": {
        "vi": "dòng này đứng trước mọi tình huống.",
        "en": "this row comes before any situation.",
    },
    "plan.bad_number": {
        "vi": "số thứ tự “{value}” không đọc được (cần 1, 2, 3…; “I”, “II” cho tình huống; "
        "“A”, “B” cho nhóm việc).",
        "en": "the number “{value}” cannot be read (1, 2, 3…; “I”, “II” for situations; “A”, "
        "“B” for blocks).",
    },
    "plan.number_twice": {
        "vi": "số thứ tự {value} đã có ở trên, trong cùng tình huống.",
        "en": "number {value} is already used above, in the same situation.",
    },
    "plan.empty_content": {
        "vi": "chưa có nội dung nhiệm vụ.",
        "en": "the task has no content.",
    },
    "plan.no_units": {
        "vi": "chưa ghi đơn vị thực hiện nào của nhóm.",
        "en": "no unit of the group is named to carry it.",
    },
    "plan.unknown_unit": {
        "vi": "không nhận ra đơn vị “{value}”. Các tổ chức của nhóm: {known}.",
        "en": "unknown unit “{value}”. The group's organizations: {known}.",
    },
    "plan.unknown_department": {
        "vi": "không nhận ra phòng, ban “{value}” trong các tổ chức thực hiện của dòng này. "
        "Các phòng, ban: {known}.",
        "en": "“{value}” is not a department of this row's organizations. The departments: "
        "{known}.",
    },
    "plan.no_tasks": {
        "vi": "bảng chưa có nhiệm vụ nào.",
        "en": "the table has no task.",
    },
    "plan.same_as_unknown": {
        "vi": "ghi “như tình huống {level}” nhưng tình huống {level} không có nhiệm vụ nào.",
        "en": "“as in situation {level}”, but situation {level} has no task.",
    },
    "plan.file_too_big": {
        "vi": "tệp quá lớn (tối đa {limit} MB).",
        "en": "the file is too large (at most {limit} MB).",
    },
    "plan.unsupported": {
        "vi": "tệp “{name}” không phải XLSX hoặc CSV (tệp .xls cũ: mở bằng Excel và lưu lại "
        "thành .xlsx).",
        "en": "“{name}” is not XLSX or CSV (an old .xls: open it in Excel and save it as .xlsx).",
    },
    "plan.unreadable": {
        "vi": "không đọc được tệp (hỏng, hoặc không phải bảng tính).",
        "en": "the file cannot be read (damaged, or not a spreadsheet).",
    },
    "plan.formula": {
        "vi": "ô có công thức. Bot không tính công thức: xin chép giá trị vào (Dán đặc biệt → "
        "Giá trị).",
        "en": "the cell holds a formula. The bot computes nothing: please paste the value "
        "instead (Paste special → Values).",
    },
    "plan.not_fetched": {
        "vi": "bot chưa tải được tệp về (Telegram chỉ cho tải tệp đến 20 MB, hoặc mạng lỗi); "
        "xin gửi lại.",
        "en": "the bot could not fetch the file (Telegram lets a bot fetch files up to 20 MB, "
        "or the network failed); please send it again.",
    },
    "plan.encoding": {
        "vi": "tệp CSV không phải UTF-8: lưu lại bằng “CSV UTF-8”, hoặc gửi tệp .xlsx.",
        "en": "the CSV file is not UTF-8: save it again as “CSV UTF-8”, or send the .xlsx file.",
    },
    "plan.imported": {
        "vi": "Đã nhập phương án từ tệp {file}. Giữ nguyên {kept} nhiệm vụ (cùng số, cùng nội "
        "dung: giữ quá trình theo dõi), thêm {added}; {dropped} nhiệm vụ không còn trong tệp (vẫn "
        "giữ lịch sử). Tình huống đang áp dụng: <b>{level}</b>.",
        "en": "The plan in {file} is imported. {kept} tasks kept (same number and content: their "
        "history goes on), {added} added; {dropped} no longer in the file (their history is "
        "kept). Situation in force: <b>{level}</b>.",
    },
    "plan.level_reset": {
        "vi": "⚠️ Tệp mới không còn tình huống {old}: tình huống đang áp dụng chuyển về {new}. "
        "Nếu cần, gõ /tinhhuong để chuyển.",
        "en": "⚠️ The new file has no situation {old}: situation {new} is now in force. Type "
        "/level to switch if needed.",
    },
    "plan.no_plan": {
        "vi": "Nhóm chưa có phương án ứng phó. Ban Thường trực gõ /kehoach trong tin nhắn riêng "
        "để nhập.",
        "en": "The group has no response plan. The secretariat types /plan in private to "
        "import one.",
    },
    # --- the situation in force ---------------------------------------------------------------
    "level.shown": {
        "vi": "<b>Tình huống {level} đang áp dụng</b> (từ {since}): {title}",
        "en": "<b>Situation {level} is in force</b> (since {since}): {title}",
    },
    "level.units": {"vi": "<b>Nhiệm vụ từng đơn vị:</b>", "en": "<b>Each unit's tasks:</b>"},
    "level.unit": {"vi": "• {unit}: {labels}", "en": "• {unit}: {labels}"},
    "level.switch_hint": {
        "vi": "<i>Chuyển tình huống: bấm nút, hoặc gõ /tinhhuong 2.</i>",
        "en": "<i>To switch: press a button, or type /level 2.</i>",
    },
    "level.button.switch": {
        "vi": "Chuyển sang tình huống {level}",
        "en": "Switch to situation {level}",
    },
    "level.confirm": {
        "vi": "Chuyển từ tình huống {current} sang <b>tình huống {level}</b>: {title}?\nCả nhóm "
        "sẽ được báo; báo cáo từ nay hỏi nhiệm vụ của tình huống mới; báo cáo, bản nháp đã có "
        "giữ nguyên.",
        "en": "Switch from situation {current} to <b>situation {level}</b>: {title}?\nThe "
        "whole group is told; reports ask about the new situation's tasks from now on; reports "
        "and drafts already made stay as they are.",
    },
    "level.button.confirm": {"vi": "Xác nhận chuyển", "en": "Confirm"},
    "level.button.keep": {"vi": "Không chuyển", "en": "Keep it"},
    "level.no_such": {
        "vi": "Không có tình huống “{given}”. Phương án có các tình huống: {levels}.",
        "en": "There is no situation “{given}”. The plan's situations: {levels}.",
    },
    "level.switched": {
        "vi": "Đã chuyển sang tình huống {new}: {title}. Bot đang báo cả nhóm.",
        "en": "Switched to situation {new}: {title}. The bot is telling the group.",
    },
    "level.already": {
        "vi": "Tình huống {new} đang được áp dụng rồi.",
        "en": "Situation {new} is already in force.",
    },
    "level.announcement": {
        "vi": "⚠️ <b>CHUYỂN TÌNH HUỐNG</b>: từ tình huống {old} sang <b>tình huống {new}</b> — "
        "{title} ({by}).\nTừ nay báo cáo hỏi về nhiệm vụ của tình huống {new}; báo cáo và bản "
        "nháp đã có giữ nguyên.",
        "en": "⚠️ <b>SITUATION SWITCHED</b>: from situation {old} to <b>situation {new}</b> — "
        "{title} ({by}).\nReports ask about situation {new}'s tasks from now on; reports and "
        "drafts already made stay as they are.",
    },
    "level.tasks": {"vi": "<b>Các nhiệm vụ:</b>", "en": "<b>The tasks:</b>"},
    "level.task": {"vi": "{label}. {content}", "en": "{label}. {content}"},
    # --- tasks ----------------------------------------------------------------------------------
    "tasks.title": {
        "vi": "<b>Nhiệm vụ</b> — tình huống {level}: {title}",
        "en": "<b>Tasks</b> — situation {level}: {title}",
    },
    "tasks.item": {
        "vi": "<b>{label}</b> {content} — {unit}: {state}",
        "en": "<b>{label}</b> {content} — {unit}: {state}",
    },
    "tasks.stale": {
        "vi": " ⚠️ 2 kỳ liền chưa có tiến triển",
        "en": " ⚠️ no progress for 2 periods",
    },
    "tasks.button.more": {
        "vi": "Xem tiếp ({shown}/{total}) ›",
        "en": "More ({shown}/{total}) ›",
    },
    "tasks.hint": {
        "vi": "<i>Bấm một nhiệm vụ để báo tiến độ.</i>",
        "en": "<i>Press a task to report its progress.</i>",
    },
    "tasks.none": {
        "vi": "Không có nhiệm vụ nào của đơn vị anh/chị ở tình huống {level}.",
        "en": "Your unit has no task at situation {level}.",
    },
    "task.card": {
        "vi": "<b>Nhiệm vụ {label}</b> ({unit}): {content}\nTiến độ: <b>{state}</b>",
        "en": "<b>Task {label}</b> ({unit}): {content}\nProgress: <b>{state}</b>",
    },
    "task.note": {"vi": "\nGhi chú: {note}", "en": "\nNote: {note}"},
    "task.recorded": {
        "vi": "Đã ghi nhiệm vụ {label} ({unit}): <b>{state}</b>.",
        "en": "Recorded, task {label} ({unit}): <b>{state}</b>.",
    },
    "task.ask_note": {
        "vi": "Nếu cần ghi chú cho nhiệm vụ {label}, anh/chị gõ vào đây.",
        "en": "If task {label} needs a note, type it here.",
    },
    "task.button.no_note": {"vi": "Không có ghi chú", "en": "No note"},
    "plan.state.not_started": {"vi": "chưa thực hiện", "en": "not started"},
    "plan.state.in_progress": {"vi": "đang thực hiện", "en": "in progress"},
    "plan.state.done": {"vi": "đã xong", "en": "done"},
    "plan.no_change": {"vi": "Không đổi: {state}", "en": "No change: {state}"},
    # --- the digest's section -------------------------------------------------------------------
    "plan.section": {
        "vi": "<b>Phương án: tình huống {level}</b> — {title} (từ {since})",
        "en": "<b>Plan: situation {level}</b> — {title} (since {since})",
    },
    "plan.section.counts": {
        "vi": "✅ Đã xong: {done} · ⏳ Đang thực hiện: {in_progress} · ▫️ Chưa thực hiện: "
        "{not_started}",
        "en": "✅ Done: {done} · ⏳ In progress: {in_progress} · ▫️ Not started: {not_started}",
    },
    "plan.section.task": {"vi": "<b>{label}</b> {content} — ", "en": "<b>{label}</b> {content} — "},
    "plan.section.unit": {"vi": "{unit} {mark}", "en": "{unit} {mark}"},
    "plan.section.note": {"vi": " ({note})", "en": " ({note})"},
    "plan.section.stale": {
        "vi": "⚠️ {count} việc 2 kỳ liền chưa có tiến triển.",
        "en": "⚠️ {count} with no progress for 2 periods.",
    },
    "plan.section.more": {
        "vi": "… và {count} nhiệm vụ khác (đủ trong báo cáo /xuatbaocao).",
        "en": "… and {count} more tasks (all of them in /export).",
    },
}
