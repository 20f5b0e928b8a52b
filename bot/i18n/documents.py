"""Catalogue entries: the secretariat's files, /history and the chart (Word, spreadsheets,
captions).
"""

ENTRIES: dict[str, dict[str, str]] = {
    "export.caption.docx": {
        "vi": "Báo cáo {period} (Word).",
        "en": "Report for {period} (Word).",
    },
    "export.caption.table": {
        "vi": "Số liệu báo cáo từ {first} đến {last}.",
        "en": "Report figures from {first} to {last}.",
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
    "export.note.assessment": {
        "vi": "📝 <b>Báo cáo {period}</b> gửi cấp ủy.\n<b>Đánh giá chung</b>: anh/chị gõ vào đây "
        "(một tin, có thể nhiều dòng), hoặc bấm «Bỏ qua» để để trống và ghi sau trong văn bản.",
        "en": "📝 <b>Report for {period}</b> to the Party committee.\n<b>General assessment</b>: "
        "type it here (one message, several lines if you like), or press «Skip» to leave it "
        "empty and write it into the document later.",
    },
    "export.note.plan_ahead": {
        "vi": "<b>Phương hướng, nhiệm vụ tuần tới</b>: anh/chị gõ vào đây, hoặc bấm «Bỏ qua».",
        "en": "<b>Plans and tasks for the week ahead</b>: type them here, or press «Skip».",
    },
    "export.note.skip": {"vi": "Bỏ qua", "en": "Skip"},
    "history.overview_one": {
        "vi": "📅 <b>Tình hình báo cáo {period}</b>",
        "en": "📅 <b>Reports for {period}</b>",
    },
    "history.overview": {
        "vi": "📅 <b>Tình hình báo cáo từ {first} đến {last}</b> (cũ → mới)",
        "en": "📅 <b>Reports from {first} to {last}</b> (oldest → newest)",
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
    # The chart's words are the digest's: "Đã nộp 5/6 tổ chức", "đúng hạn", "nộp muộn" (the
    # statuses' own entries), the weeks as people say them.
    "chart.subtitle": {"vi": "từ {first} đến {last}", "en": "from {first} to {last}"},
    "chart.rate": {"vi": "Tỉ lệ tổ chức đã nộp", "en": "Share of organizations that submitted"},
    "chart.holiday": {"vi": "nghỉ", "en": "holiday"},
    "chart.caption": {
        "vi": "📊 {name}: biểu đồ báo cáo {weeks} tuần gần đây, đến {period}.",
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
    "doc.title_line": {"vi": "Báo cáo {week}", "en": "Report, {week}"},
    "doc.subject": {
        "vi": "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội",
        "en": "Results of the coordinated work of the member organizations",
    },
    "doc.opening": {
        "vi": "{basis}, Ban Thường trực báo cáo kết quả thực hiện công tác phối hợp trong tuần "
        "như sau:",
        "en": "{basis}, the Standing Committee reports the results of the week as follows:",
    },
    "doc.opening_plain": {
        "vi": "Ban Thường trực báo cáo kết quả thực hiện công tác phối hợp trong tuần như sau:",
        "en": "The Standing Committee reports the results of the week as follows:",
    },
    "doc.rate": {
        "vi": "Trong tuần, {submitted}/{expected} tổ chức đã gửi báo cáo ({percent}%).",
        "en": "This week {submitted} of {expected} organizations reported ({percent}%).",
    },
    "doc.section.results": {
        "vi": "KẾT QUẢ THỰC HIỆN CỦA CÁC TỔ CHỨC",
        "en": "RESULTS OF THE ORGANIZATIONS",
    },
    "doc.section.figures": {"vi": "SỐ LIỆU TỔNG HỢP", "en": "TOTALS"},
    "doc.section.missing": {
        "vi": "CÁC TỔ CHỨC CHƯA BÁO CÁO",
        "en": "ORGANIZATIONS THAT DID NOT REPORT",
    },
    "doc.section.assessment": {"vi": "ĐÁNH GIÁ CHUNG", "en": "GENERAL ASSESSMENT"},
    "doc.section.plan": {
        "vi": "PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI",
        "en": "DIRECTIONS AND TASKS FOR NEXT WEEK",
    },
    "doc.section.proposals": {
        "vi": "KHÓ KHĂN, KIẾN NGHỊ, ĐỀ XUẤT",
        "en": "DIFFICULTIES AND PROPOSALS",
    },
    "doc.compared_note": {
        "vi": "Mức tăng (+), giảm (-) chỉ so sánh các tổ chức có số liệu cả hai tuần ({details}).",
        "en": "The change (+/-) compares only the organizations with a figure in both weeks "
        "({details}).",
    },
    "doc.compared_item": {
        "vi": "{figure}: {count} tổ chức",
        "en": "{figure}: {count} organizations",
    },
    "doc.submitted": {"vi": "nộp ngày {day}", "en": "submitted on {day}"},
    "doc.submitted.on_time": {
        "vi": "nộp ngày {day}, đúng hạn",
        "en": "submitted on {day}, on time",
    },
    "doc.submitted.late": {"vi": "nộp muộn ngày {day}", "en": "submitted late, on {day}"},
    "doc.no_answers": {"vi": "Không có báo cáo.", "en": "No report."},
    "doc.none": {"vi": "Không có.", "en": "None."},
    "doc.figures.figure": {"vi": "Nội dung", "en": "Figure"},
    "doc.figures.unit": {"vi": "Đơn vị tính", "en": "Unit"},
    "doc.figures.reporting": {"vi": "Số tổ chức báo cáo", "en": "Organizations reporting"},
    "doc.figures.now": {"vi": "Tuần này", "en": "This week"},
    "doc.figures.before": {"vi": "Tuần trước", "en": "Last week"},
    "doc.figures.change": {"vi": "Tăng (+), giảm (-)", "en": "Change"},
    "doc.section.communes": {
        "vi": "TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ ({count} XÃ)",
        "en": "THE COMMUNES' REPORTS ({count} COMMUNES)",
    },
    "doc.communes.name": {"vi": "Xã", "en": "Commune"},
    "doc.communes.reported": {"vi": "Đã báo cáo", "en": "Reported"},
    "doc.communes.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "doc.figures.cumulative": {
        "vi": "Lũy kế từ tuần {week}/{year}",
        "en": "To date, from week {week}/{year}",
    },
    "doc.section.directions": {
        "vi": "Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN",
        "en": "DIRECTIONS AND THEIR RESULTS",
    },
    "doc.directions.counts": {
        "vi": "Tính theo từng tổ chức được giao, đến ngày {day}: hoàn thành đúng hạn "
        "{done_on_time}; hoàn thành quá hạn {done_late}; chưa hoàn thành, còn trong hạn "
        "{open_in_time}; chưa hoàn thành, đã quá hạn {open_overdue}.",
        "en": "Counted per organization, as of {day}: done on time {done_on_time}; done late "
        "{done_late}; not done, within time {open_in_time}; not done, overdue {open_overdue}.",
    },
    "doc.directions.index": {"vi": "STT", "en": "No."},
    "doc.directions.direction": {"vi": "Chỉ đạo", "en": "Direction"},
    "doc.directions.organizations": {"vi": "Tổ chức thực hiện", "en": "Organizations"},
    "doc.directions.due": {"vi": "Hạn", "en": "Due"},
    "doc.directions.result": {"vi": "Kết quả", "en": "Result"},
    "doc.directions.label": {"vi": "Số {number}, ngày {day}", "en": "No. {number}, {day}"},
    "doc.directions.no_due": {"vi": "Không có hạn", "en": "None"},
    "doc.directions.progress.new": {"vi": "chưa báo nhận", "en": "not acknowledged"},
    "doc.directions.progress.acknowledged": {
        "vi": "đã nhận, chưa thực hiện",
        "en": "received, not started",
    },
    "doc.directions.progress.in_progress": {"vi": "đang thực hiện", "en": "in progress"},
    "doc.directions.progress.done": {"vi": "đã hoàn thành", "en": "done"},
    "doc.directions.done_on_time": {
        "vi": "đã hoàn thành ngày {day}",
        "en": "done on {day}",
    },
    "doc.directions.done_late": {
        "vi": "hoàn thành quá hạn, ngày {day}",
        "en": "done late, on {day}",
    },
    "doc.directions.overdue": {"vi": "{state}, quá hạn", "en": "{state}, overdue"},
    "doc.directions.of": {"vi": "{organization}: {state}", "en": "{organization}: {state}"},
    "doc.directions.closed": {"vi": "Đã đóng ngày {day}", "en": "Closed on {day}"},
    "doc.directions.withdrawn": {"vi": "Đã thu hồi ngày {day}", "en": "Withdrawn on {day}"},
    "doc.section.response_plan": {"vi": "PHƯƠNG ÁN ỨNG PHÓ", "en": "RESPONSE PLAN"},
    "doc.plan.in_force": {
        "vi": "Tình huống đang áp dụng: tình huống {level} – {title} (từ ngày {since}).",
        "en": "Situation in force: situation {level} – {title} (since {since}).",
    },
    "doc.plan.in_force_untitled": {
        "vi": "Tình huống đang áp dụng: tình huống {level} (từ ngày {since}).",
        "en": "Situation in force: situation {level} (since {since}).",
    },
    "doc.plan.switched": {
        "vi": "Ngày {day} chuyển từ tình huống {old} sang tình huống {new}.",
        "en": "On {day}, switched from situation {old} to situation {new}.",
    },
    "doc.plan.counts": {
        "vi": "Đã xong {done}; đang thực hiện {in_progress}; chưa thực hiện {not_started} "
        "(tính theo từng đơn vị được giao nhiệm vụ của tình huống {level}, đến ngày {day}).",
        "en": "Done {done}; in progress {in_progress}; not started {not_started} (counted per "
        "unit carrying a task of situation {level}, as of {day}).",
    },
    "doc.plan.index": {"vi": "STT", "en": "No."},
    "doc.plan.task": {"vi": "Nội dung", "en": "Task"},
    "doc.plan.units": {"vi": "Đơn vị thực hiện", "en": "Carried out by"},
    "doc.plan.progress": {"vi": "Tiến độ", "en": "Progress"},
    "doc.plan.of": {"vi": "{unit}: {state}", "en": "{unit}: {state}"},
    "doc.plan.stale": {
        "vi": "{state}, chưa tiến triển sau {periods} kỳ",
        "en": "{state}, no progress for {periods} periods",
    },
    "doc.dong": {"vi": "đồng", "en": "VND"},
    "doc.recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "table.sheet": {"vi": "Báo cáo", "en": "Reports"},
    "table.communes_sheet": {"vi": "Các xã", "en": "Communes"},
    "table.communes.expected": {"vi": "Số tổ chức phải báo cáo", "en": "Organizations expected"},
    "table.period": {"vi": "Kỳ báo cáo", "en": "Period"},
    "table.first_day": {"vi": "Từ ngày", "en": "From"},
    "table.last_day": {"vi": "Đến ngày", "en": "To"},
    "table.code": {"vi": "Mã tổ chức", "en": "Code"},
    "table.organization": {"vi": "Tổ chức", "en": "Organization"},
    "table.status": {"vi": "Tình trạng", "en": "Status"},
    "table.submitted": {"vi": "Thời điểm nộp", "en": "Submitted at"},
    "table.directions_sheet": {"vi": "Chỉ đạo", "en": "Directions"},
    "table.direction.number": {"vi": "Số", "en": "No."},
    "table.direction.given_on": {"vi": "Ngày giao", "en": "Given on"},
    "table.direction.given_by": {"vi": "Người giao", "en": "Given by"},
    "table.direction.text": {"vi": "Nội dung", "en": "Direction"},
    "table.direction.due": {"vi": "Hạn", "en": "Due"},
    "table.direction.state": {"vi": "Trạng thái", "en": "State"},
    "table.direction.progress": {"vi": "Tiến độ", "en": "Progress"},
    "table.direction.done_on": {"vi": "Ngày xong", "en": "Done on"},
    "table.direction.note": {"vi": "Ghi chú", "en": "Note"},
    "table.steps_sheet": {"vi": "Diễn biến chỉ đạo", "en": "Direction history"},
    "table.step.at": {"vi": "Thời điểm", "en": "At"},
    "table.step.who": {"vi": "Người", "en": "Person"},
    "table.step.kind": {"vi": "Việc", "en": "Step"},
    "table.step.value": {"vi": "Giá trị", "en": "Value"},
    # A step's kind (DirectionEvent.kind, its ":" written "_").
    "table.step.given": {"vi": "giao chỉ đạo", "en": "given"},
    "table.step.acknowledged": {"vi": "báo đã nhận", "en": "acknowledged"},
    "table.step.result": {"vi": "báo kết quả", "en": "result reported"},
    "table.step.result_report": {
        "vi": "báo kết quả (trong báo cáo tuần)",
        "en": "result reported (in the weekly report)",
    },
    "table.step.note": {"vi": "thêm ghi chú", "en": "note added"},
    "table.step.due": {"vi": "đổi hạn", "en": "due date changed"},
    "table.step.closed": {"vi": "đóng chỉ đạo", "en": "closed"},
    "table.step.withdrawn": {"vi": "thu hồi chỉ đạo", "en": "withdrawn"},
    "table.plan_sheet": {"vi": "Nhiệm vụ phương án", "en": "Plan tasks"},
    "table.plan.level": {"vi": "Tình huống", "en": "Situation"},
    "table.plan.number": {"vi": "Số", "en": "No."},
    "table.plan.task": {"vi": "Nội dung", "en": "Task"},
    "table.plan.unit": {"vi": "Đơn vị", "en": "Unit"},
    "table.plan.updated": {"vi": "Cập nhật lúc", "en": "Updated at"},
    "table.plan_steps_sheet": {"vi": "Diễn biến phương án", "en": "Plan history"},
    "table.plan.subject": {"vi": "Tình huống, nhiệm vụ", "en": "Situation, task"},
    "table.plan.source": {"vi": "Nguồn", "en": "Source"},
    # A step of the plan's history (PlanEvent.kind), and where a progress came from.
    "table.plan.imported": {"vi": "nhập phương án", "en": "plan imported"},
    "table.plan.level_switched": {"vi": "chuyển tình huống", "en": "situation switched"},
    "table.plan.progress": {"vi": "báo tiến độ", "en": "progress reported"},
    "table.plan.switch": {"vi": "{old} → {new}", "en": "{old} → {new}"},
    "table.plan.from_report": {"vi": "báo cáo tuần", "en": "weekly report"},
    "table.plan.from_tasks": {"vi": "/nhiemvu", "en": "/tasks"},
    # The printed pages' footer: &P is the page's number, &N how many there are.
    "table.page": {"vi": "Trang &P/&N", "en": "Page &P of &N"},
}
