"""Catalogue entries: the secretariat's files, /history and the chart (Word, spreadsheets,
captions).
"""

ENTRIES: dict[str, dict[str, str]] = {
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
}
