"""Catalogue entries: the weekly cycle: calls, reminders, the deadline, the digest; statuses and
the calendar (Telegram HTML).
"""

ENTRIES: dict[str, dict[str, str]] = {
    "time.when": {"vi": "{time} {weekday}, {date}", "en": "{weekday} {date}, {time}"},
    "status.line": {
        "vi": "<b>{organization}</b> · {period}: {state}",
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
    "weekly.bad_period": {
        "vi": "Không hiểu kỳ “{given}”. Ghi: /tonghop (tuần này), /tonghop truoc (tuần "
        "trước) hoặc /tonghop 47 (tuần 47).",
        "en": "Cannot read the period “{given}”. Write /summary (this week), /summary last "
        "or /summary 47 (week 47).",
    },
    "weekly.deadline.secretariat_here": {
        "vi": "{people}: bot chưa nhắn riêng được cho anh/chị (chưa bấm Start hoặc đã chặn "
        "bot), nên gửi danh sách quá hạn ở đây.",
        "en": "{people}: the bot cannot write to you in private (Start not pressed, or the "
        "bot blocked), so the overdue list is here.",
    },
    "weekly.no_such_period": {
        "vi": "Nhóm không có {given}: nhóm theo dõi báo cáo từ {first} đến nay "
        "(tuần này là {current}).",
        "en": "The group has no {given}: it has tracked reports from {first} until "
        "now (this week is {current}).",
    },
    "weekly.skip.choose": {
        "vi": "{period}: cho cả nhóm nghỉ (không nhắc, không ai bị tính quá hạn), hay "
        "miễn báo cáo cho một tổ chức?",
        "en": "{period}: a holiday for the whole group (no reminders, nobody overdue), or "
        "excuse one organization?",
    },
    "weekly.skip.button_period": {
        "vi": "🏖 Cả nhóm nghỉ {period}",
        "en": "🏖 Holiday for everyone in {period}",
    },
    "weekly.skip.button_excuse": {"vi": "Miễn: {organization}", "en": "Excuse: {organization}"},
    "weekly.skip.done": {
        "vi": "🏖 {by} đã cho nghỉ {period}: không nhắc báo cáo, không ai bị tính quá hạn.",
        "en": "🏖 {by} made {period} a holiday: no reminders, nobody overdue.",
    },
    "weekly.excused": {
        "vi": "⚪ {by} đã miễn báo cáo {period} cho {organization}.",
        "en": "⚪ {by} excused {organization} from reporting for {period}.",
    },
    "weekly.leader": {"vi": "lãnh đạo", "en": "leader"},
    # A week as people say it (plain text: buttons, files and charts use it too).
    "week.short": {
        "vi": "tuần {number} ({first} – {last})",
        "en": "week {number} ({first} – {last})",
    },
    "week.long": {
        "vi": "tuần {number}, từ ngày {first} đến ngày {last}",
        "en": "week {number}, from {first} to {last}",
    },
    "week.number": {"vi": "tuần {number}", "en": "week {number}"},
    "weekly.org": {"vi": "• <b>{organization}</b>", "en": "• <b>{organization}</b>"},
    "weekly.org_with_leaders": {
        "vi": "• <b>{organization}</b> — {people}",
        "en": "• <b>{organization}</b> — {people}",
    },
    "weekly.deadline": {"vi": "Hạn nộp: {when}", "en": "Deadline: {when}"},
    "weekly.call.title": {
        "vi": "📣 <b>Giao ban {period}</b>",
        "en": "📣 <b>Weekly report, {period}</b>",
    },
    "weekly.call.how": {
        "vi": "Mời lãnh đạo các tổ chức báo cáo kết quả tuần: gõ /baocao hoặc bấm nút dưới đây.",
        "en": "Organization leaders, please report the week's results: type /report or press "
        "the button below.",
    },
    "weekly.call.button": {"vi": "📝 Báo cáo ngay", "en": "📝 Report now"},
    "weekly.how_to_report": {"vi": "Gõ /baocao để báo cáo.", "en": "Type /report to report."},
    "weekly.reminder.title": {
        "vi": "⏰ <b>Nhắc báo cáo {period}</b> — hạn {when}. Chưa nộp:",
        "en": "⏰ <b>Reminder: report {period}</b> — due {when}. Not yet submitted:",
    },
    "weekly.deadline.all_in": {
        "vi": "✅ Hết hạn báo cáo {period}: tất cả tổ chức đã nộp. Cảm ơn các đồng chí!",
        "en": "✅ The {period} deadline has passed and every organization has reported. Thank you!",
    },
    "weekly.deadline.title": {
        "vi": "⌛ <b>Hết hạn báo cáo {period}</b>",
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
        "vi": "🔔 <b>Quá hạn báo cáo {period}</b> — xin gửi sớm:",
        "en": "🔔 <b>Report {period} overdue</b> — please send it soon:",
    },
    "weekly.secretariat.title": {
        "vi": "📋 {period}, nhóm {group}: các tổ chức quá hạn báo cáo",
        "en": "📋 {period}, group {group}: organizations overdue",
    },
    "weekly.secretariat.line": {
        "vi": "• {organization} (phụ trách: {people})",
        "en": "• {organization} (leaders: {people})",
    },
    "weekly.late.title": {
        "vi": "📥 <b>Bổ sung {period}</b>: {organization} nộp muộn lúc {when}.",
        "en": "📥 <b>Late addition to {period}</b>: {organization} reported {when}.",
    },
    "weekly.digest.title": {
        "vi": "📊 <b>Tổng hợp giao ban {period}</b>",
        "en": "📊 <b>Weekly digest, {period}</b>",
    },
    "weekly.digest.title_so_far": {
        "vi": "📊 <b>Tình hình báo cáo {period}</b>, đến {when}",
        "en": "📊 <b>Reports for {period}</b>, as of {when}",
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
    "rollup.title": {
        "vi": "🏘 <b>Các xã ({children}), {period}</b>",
        "en": "🏘 <b>The communes ({children}), {period}</b>",
    },
    "rollup.counts": {
        "vi": "Đủ báo cáo: {all_in} xã · chưa đủ: {some} xã · chưa có báo cáo: {none} xã",
        "en": "All reported: {all_in} · some: {some} · none yet: {none}",
    },
    "rollup.more": {"vi": " và {count} xã khác", "en": " and {count} more"},
    "rollup.none": {"vi": "Chưa có báo cáo: {names}", "en": "No report yet: {names}"},
    "rollup.overdue": {
        "vi": "Có tổ chức quá hạn: {names}",
        "en": "With organizations overdue: {names}",
    },
    "rollup.figures": {"vi": "<b>Số liệu cộng các xã</b>", "en": "<b>Figures added up</b>"},
    "rollup.figure": {
        "vi": "• {question}: <b>{total}</b> ({children} xã)",
        "en": "• {question}: <b>{total}</b> ({children} communes)",
    },
    "rollup.proposals": {
        "vi": "<b>Kiến nghị của các xã</b>",
        "en": "<b>The communes' proposals</b>",
    },
    "rollup.proposal": {
        "vi": "• {child} — {organization}: {text}",
        "en": "• {child} — {organization}: {text}",
    },
    "rollup.no_children": {
        "vi": "Chưa có nhóm cấp dưới nào nhận nhóm này là cấp trên (khóa parent trong cấu hình).",
        "en": "No group names this one as its parent (the parent key in the configuration).",
    },
    "weekly.digest.since": {
        "vi": " (lũy kế tính từ tuần {week}/{year})",
        "en": " (cumulative from week {week}/{year})",
    },
    "weekly.digest.cumulative": {
        "vi": " · lũy kế: <b>{total}</b>",
        "en": " · to date: <b>{total}</b>",
    },
    "weekly.digest.compared": {
        "vi": " (tính trên {count} tổ chức có số liệu cả hai tuần)",
        "en": " (over the {count} organizations with figures both weeks)",
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
