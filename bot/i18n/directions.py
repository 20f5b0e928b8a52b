"""Catalogue entries: directions (chỉ đạo) — giving them, delivering them, acknowledging and
reporting on them, reminders, lists and the digest's section (Telegram HTML)."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- giving -----------------------------------------------------------------------------
    "direction.choose_targets": {
        "vi": "<b>Giao chỉ đạo.</b> Chọn tổ chức nhận chỉ đạo (bấm để chọn hoặc bỏ chọn), "
        "rồi bấm «Tiếp tục».",
        "en": "<b>New direction.</b> Choose the organizations it is for (press to choose or "
        "unchoose), then press “Continue”.",
    },
    "direction.no_targets": {
        "vi": "Chưa chọn tổ chức nào.",
        "en": "No organization is chosen yet.",
    },
    "direction.button.all": {"vi": "Tất cả tổ chức", "en": "All organizations"},
    "direction.button.continue": {"vi": "Tiếp tục ›", "en": "Continue ›"},
    "direction.button.cancel": {"vi": "Hủy", "en": "Cancel"},
    "direction.ask_text": {
        "vi": "<b>Chỉ đạo cho:</b> {organizations}\nNhập nội dung chỉ đạo (có thể gửi nhiều "
        "tin, kèm ảnh hoặc tệp).",
        "en": "<b>Direction for:</b> {organizations}\nType the direction (several messages, "
        "photos or documents are fine).",
    },
    "direction.ask_more": {
        "vi": "Đã ghi. Còn nữa thì gửi tiếp; đủ rồi thì bấm «Xong» hoặc gõ “xong”.",
        "en": "Saved. Send more if there is; when it is complete press “Done” or type “xong”.",
    },
    "direction.empty_text": {
        "vi": "Chưa có nội dung chỉ đạo. Xin nhập nội dung.",
        "en": "The direction has no text yet. Please type it.",
    },
    "direction.button.done": {"vi": "Xong", "en": "Done"},
    "direction.typing_hint.text": {
        "vi": "<i>Trả lời tin này để nhập; gõ “xong” khi đã đủ nội dung, /huy để hủy.</i>",
        "en": "<i>Reply to this message to type; “xong” when it is complete, /cancel to "
        "cancel.</i>",
    },
    "direction.typing_hint.none": {
        "vi": "<i>Trả lời tin này để nhập; gõ “không” nếu không có gì để ghi, /huy để hủy.</i>",
        "en": "<i>Reply to this message to type; “không” when there is nothing to write, /cancel "
        "to cancel.</i>",
    },
    "direction.too_long": {
        "vi": "Tin vừa gửi chưa được ghi: nội dung chỉ đạo tối đa {limit} ký tự. Xin gửi ngắn "
        "hơn, hoặc gửi văn bản dài dưới dạng tệp; đủ rồi thì bấm «Xong» hoặc gõ “xong”.",
        "en": "That message was not taken: a direction is at most {limit} characters. Please send "
        "it shorter, or send a long text as a document; when it is complete press “Done” or type "
        "“xong”.",
    },
    "direction.ask_due": {
        "vi": "<b>Hạn thực hiện?</b> Bấm một nút, hoặc gõ ngày (ví dụ: 15/12).",
        "en": "<b>Due by?</b> Press a button, or type a day (for example: 15/12).",
    },
    "direction.ask_new_due": {
        "vi": "<b>Hạn mới của chỉ đạo #{number}?</b> Bấm một nút, hoặc gõ ngày (ví dụ: 15/12).",
        "en": "<b>New due date for direction #{number}?</b> Press a button, or type a day "
        "(for example: 15/12).",
    },
    "direction.due.unread": {
        "vi": "Không đọc được ngày. Xin gõ ngày/tháng, ví dụ: 15/12.",
        "en": "Cannot read the day. Please type day/month, for example: 15/12.",
    },
    "direction.due.no_such_day": {
        "vi": "Không có ngày này trong lịch. Xin gõ lại, ví dụ: 15/12.",
        "en": "There is no such day. Please type it again, for example: 15/12.",
    },
    "direction.due.past": {
        "vi": "Ngày này đã qua. Xin chọn một ngày từ hôm nay trở đi.",
        "en": "That day has passed. Please choose today or a later day.",
    },
    "direction.button.no_due": {"vi": "Không có hạn", "en": "No due date"},
    "direction.button.end_of_week": {
        "vi": "Cuối tuần này ({date})",
        "en": "End of this week ({date})",
    },
    "direction.button.next_deadline": {
        "vi": "Hạn báo cáo tới ({date})",
        "en": "Next report deadline ({date})",
    },
    "direction.review": {
        "vi": "<b>Xem lại chỉ đạo trước khi gửi</b>\nNơi nhận: {organizations}\nHạn: "
        "{due}{files}\n\n{text}",
        "en": "<b>Check the direction before sending</b>\nTo: {organizations}\nDue: "
        "{due}{files}\n\n{text}",
    },
    "direction.review.files": {
        "vi": "\nKèm theo: {count} ảnh/tệp",
        "en": "\nAttached: {count} photos/files",
    },
    "direction.button.send": {"vi": "✅ Gửi chỉ đạo", "en": "✅ Send direction"},
    "direction.given": {
        "vi": "Đã giao <b>chỉ đạo #{number}</b> cho {organizations} (hạn: {due}). Bot đang gửi "
        "vào nhóm và nhắn riêng lãnh đạo từng tổ chức.",
        "en": "<b>Direction #{number}</b> is given to {organizations} (due: {due}). The bot is "
        "posting it in the group and sending it to each organization's leaders in private.",
    },
    "direction.dropped": {
        "vi": "Đã hủy, không gửi gì.",
        "en": "Cancelled; nothing was sent.",
    },
    "direction.no_due": {
        "vi": "không",
        "en": "none",
    },
    # --- the direction as delivered --------------------------------------------------------
    "direction.post": {
        "vi": "📌 <b>CHỈ ĐẠO #{number}</b> — {group}\nNgười giao: {by}\nNơi nhận: "
        "{addressed}\nHạn: {due}\n\n{text}",
        "en": "📌 <b>DIRECTION #{number}</b> — {group}\nFrom: {by}\nTo: {addressed}\nDue: "
        "{due}\n\n{text}",
    },
    "direction.post.files": {
        "vi": "\n\n<i>Kèm theo {count} ảnh/tệp (gửi ngay sau tin này).</i>",
        "en": "\n\n<i>With {count} photos/files (sent right after this message).</i>",
    },
    "direction.post.other_files": {
        "vi": "\n<i>Kèm {count} tệp ghi âm/video, đã lưu cùng chỉ đạo.</i>",
        "en": "\n<i>{count} voice notes/videos are kept with it.</i>",
    },
    "direction.post.hint": {
        "vi": "\n\nBấm «Đã nhận», rồi «Báo cáo kết quả» khi có kết quả (hoặc trả lời tin này: "
        "“đã nhận”, “xong …”, “đang làm …”).",
        "en": "\n\nPress “Received”, then “Report result” when there is one (or reply to this "
        "message: “đã nhận”, “xong …”, “đang làm …”).",
    },
    "direction.file_caption": {
        "vi": "Kèm chỉ đạo #{number}",
        "en": "With direction #{number}",
    },
    "direction.button.acknowledge": {"vi": "Đã nhận", "en": "Received"},
    "direction.button.report": {"vi": "Báo cáo kết quả", "en": "Report result"},
    # --- acknowledging and reporting --------------------------------------------------------
    "direction.acknowledged": {
        "vi": "Đã ghi nhận: {organizations} đã nhận chỉ đạo #{number}.",
        "en": "Noted: {organizations} received direction #{number}.",
    },
    "direction.acknowledged.already": {
        "vi": "{organizations} đã báo nhận chỉ đạo #{number} trước đó.",
        "en": "{organizations} already acknowledged direction #{number}.",
    },
    "direction.not_addressed": {
        "vi": "Chỉ đạo #{number} không giao cho tổ chức do anh/chị phụ trách.",
        "en": "Direction #{number} is not for an organization you report for.",
    },
    "direction.choose_result_organization": {
        "vi": "Báo cáo kết quả chỉ đạo #{number} cho tổ chức nào?",
        "en": "Report the result of direction #{number} for which organization?",
    },
    "direction.choose_result": {
        "vi": "<b>{organization}</b> — kết quả thực hiện chỉ đạo #{number}?",
        "en": "<b>{organization}</b> — the result of direction #{number}?",
    },
    "direction.result.done": {"vi": "Đã xong", "en": "Done"},
    "direction.result.in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "direction.result.not_started": {"vi": "Chưa thực hiện", "en": "Not started"},
    "direction.ask_note": {
        "vi": "Đã ghi: <b>{result}</b>. Có ghi chú về kết quả thì gõ vào đây (có thể gửi ảnh).",
        "en": "Saved: <b>{result}</b>. If there is a note on the result, type it here (photos are "
        "fine).",
    },
    "direction.button.no_note": {"vi": "Không có ghi chú", "en": "No note"},
    "direction.recorded": {
        "vi": "Đã ghi kết quả chỉ đạo #{number} của {organization}: <b>{result}</b>.",
        "en": "Recorded for direction #{number}, {organization}: <b>{result}</b>.",
    },
    "direction.recorded.note": {"vi": "\nGhi chú: {note}", "en": "\nNote: {note}"},
    "direction.reply_unclear": {
        "vi": "Chưa rõ anh/chị báo gì về chỉ đạo #{number}. Gõ “đã nhận”, hoặc kết quả: "
        "“xong …”, “đang làm …”, “chưa làm …”; hoặc bấm nút.",
        "en": "It is not clear what this says about direction #{number}. Type “đã nhận”, or a "
        "result: “xong …”, “đang làm …”, “chưa làm …”; or press a button.",
    },
    "direction.file_kept": {
        "vi": "Đã lưu vào kết quả chỉ đạo #{number} của {organization}.",
        "en": "Kept with {organization}'s result of direction #{number}.",
    },
    "direction.not_open": {
        "vi": "Chỉ đạo #{number} {state}.",
        "en": "Direction #{number} {state}.",
    },
    "direction.state.closed": {"vi": "đã đóng", "en": "is closed"},
    "direction.state.withdrawn": {"vi": "đã thu hồi", "en": "is withdrawn"},
    "direction.state.done": {"vi": "đã được báo xong", "en": "is reported done"},
    "direction.no_such": {
        "vi": "Không có chỉ đạo #{number}. Gõ /chidao để xem danh sách.",
        "en": "There is no direction #{number}. Type /directive for the list.",
    },
    # --- notices ----------------------------------------------------------------------------
    "direction.notice.acknowledged": {
        "vi": "✔️ {organization} đã nhận chỉ đạo #{number} ({by}).",
        "en": "✔️ {organization} received direction #{number} ({by}).",
    },
    "direction.notice.done": {
        "vi": "✅ {organization} báo đã xong chỉ đạo #{number} ({by}).",
        "en": "✅ {organization} reports direction #{number} done ({by}).",
    },
    "direction.notice.due": {
        "vi": "🗓 Chỉ đạo #{number}: hạn mới là {due} ({by}).",
        "en": "🗓 Direction #{number}: the new due date is {due} ({by}).",
    },
    "direction.notice.closed": {
        "vi": "Chỉ đạo #{number} đã kết thúc, không theo dõi nữa ({by}).",
        "en": "Direction #{number} is closed and no longer followed up ({by}).",
    },
    "direction.notice.withdrawn": {
        "vi": "Chỉ đạo #{number} đã được thu hồi ({by}), không phải thực hiện nữa.",
        "en": "Direction #{number} is withdrawn ({by}); nothing more is to be done.",
    },
    "direction.notice.reason": {"vi": "\nLý do: {reason}", "en": "\nReason: {reason}"},
    "direction.notice.note": {"vi": "\nGhi chú: {note}", "en": "\nNote: {note}"},
    "direction.remind.unacked": {
        "vi": "⏰ {organization} chưa xác nhận đã nhận <b>chỉ đạo #{number}</b>: {text}\nXin bấm "
        "«Đã nhận» hoặc trả lời tin này “đã nhận”.",
        "en": "⏰ {organization} has not acknowledged <b>direction #{number}</b>: {text}\nPlease "
        "press “Received” or reply “đã nhận” to this message.",
    },
    "direction.remind.due": {
        "vi": "⏰ <b>Chỉ đạo #{number}</b> đến hạn ngày mai ({due}): {text}\nXin báo kết quả "
        "của {organization}.",
        "en": "⏰ <b>Direction #{number}</b> is due tomorrow ({due}): {text}\nPlease report "
        "{organization}'s result.",
    },
    "direction.remind.overdue": {
        "vi": "⚠️ <b>Chỉ đạo #{number}</b> đã quá hạn ({due}) mà {organization} chưa báo "
        "xong: {text}\nXin báo kết quả.",
        "en": "⚠️ <b>Direction #{number}</b> is overdue ({due}) and {organization} has not "
        "reported it done: {text}\nPlease report the result.",
    },
    # --- managing ---------------------------------------------------------------------------
    "direction.ask_reason.closed": {
        "vi": "Đóng chỉ đạo #{number} (kết thúc, không theo dõi nữa): xin gõ lý do.",
        "en": "Closing direction #{number} (no longer followed up): please type the reason.",
    },
    "direction.ask_reason.withdrawn": {
        "vi": "Thu hồi chỉ đạo #{number} (không phải thực hiện nữa): xin gõ lý do.",
        "en": "Withdrawing direction #{number} (nothing more to be done): please type the reason.",
    },
    "direction.button.no_reason": {"vi": "Không ghi lý do", "en": "No reason"},
    "direction.changed.due": {
        "vi": "Đã đổi hạn chỉ đạo #{number} thành {due}; đã báo {organizations}.",
        "en": "Direction #{number} is now due {due}; {organizations} are told.",
    },
    "direction.changed.closed": {
        "vi": "Đã đóng chỉ đạo #{number}; đã báo {organizations}.",
        "en": "Direction #{number} is closed; {organizations} are told.",
    },
    "direction.changed.withdrawn": {
        "vi": "Đã thu hồi chỉ đạo #{number}; đã báo {organizations}.",
        "en": "Direction #{number} is withdrawn; {organizations} are told.",
    },
    "direction.button.change_due": {"vi": "Đổi hạn", "en": "Change due date"},
    "direction.button.close": {"vi": "Đóng", "en": "Close"},
    "direction.button.withdraw": {"vi": "Thu hồi", "en": "Withdraw"},
    # --- lists, detail, the digest's section ----------------------------------------------------
    "direction.list.title": {
        "vi": "<b>Chỉ đạo đang mở</b> — {group}",
        "en": "<b>Open directions</b> — {group}",
    },
    "direction.list.none": {
        "vi": "Không có chỉ đạo nào đang mở.",
        "en": "No direction is open.",
    },
    "direction.list.hint": {
        "vi": "<i>Gõ /chidao và số (ví dụ /chidao {number}) để xem chi tiết.</i>",
        "en": "<i>Type /directive and a number (for example /directive {number}) for details.</i>",
    },
    "direction.line": {
        "vi": "<b>#{number}</b> {text} — hạn: {due} · {states}",
        "en": "<b>#{number}</b> {text} — due: {due} · {states}",
    },
    "direction.line.done": {"vi": "{done}/{total} đã xong", "en": "{done}/{total} done"},
    "direction.line.late": {"vi": "; quá hạn: {names}", "en": "; overdue: {names}"},
    "direction.line.target": {
        "vi": "   • {organization}: {state}",
        "en": "   • {organization}: {state}",
    },
    "direction.line.note": {"vi": " ({note})", "en": " ({note})"},
    "direction.progress.new": {
        "vi": "chưa xác nhận đã nhận",
        "en": "not acknowledged",
    },
    "direction.progress.acknowledged": {"vi": "đã nhận", "en": "acknowledged"},
    "direction.progress.in_progress": {"vi": "đang thực hiện", "en": "in progress"},
    "direction.progress.done": {"vi": "đã xong", "en": "done"},
    "direction.overdue_mark": {"vi": " — <b>quá hạn</b>", "en": " — <b>overdue</b>"},
    "direction.detail.title": {
        "vi": "📌 <b>Chỉ đạo #{number}</b> ({state})\nNgười giao: {by}, ngày {given}\nHạn: {due}"
        "\n\n{text}",
        "en": "📌 <b>Direction #{number}</b> ({state})\nFrom: {by}, on {given}\nDue: {due}"
        "\n\n{text}",
    },
    "direction.detail.organizations": {"vi": "<b>Tổ chức</b>", "en": "<b>Organizations</b>"},
    "direction.detail.history": {"vi": "<b>Diễn biến</b>", "en": "<b>History</b>"},
    "direction.detail.state.open": {"vi": "đang mở", "en": "open"},
    "direction.detail.state.closed": {"vi": "đã đóng", "en": "closed"},
    "direction.detail.state.withdrawn": {"vi": "đã thu hồi", "en": "withdrawn"},
    "direction.detail.state.draft": {"vi": "bản nháp", "en": "draft"},
    "direction.history.given": {"vi": "{at} — {who} giao", "en": "{at} — given by {who}"},
    "direction.history.acknowledged": {
        "vi": "{at} — {organization} đã nhận ({who})",
        "en": "{at} — {organization} acknowledged ({who})",
    },
    "direction.history.result": {
        "vi": "{at} — {organization}: {result} ({who})",
        "en": "{at} — {organization}: {result} ({who})",
    },
    "direction.history.note": {
        "vi": "{at} — {organization} ghi chú ({who})",
        "en": "{at} — {organization} added a note ({who})",
    },
    "direction.history.due": {
        "vi": "{at} — {who} đổi hạn thành {due}",
        "en": "{at} — {who} changed the due date to {due}",
    },
    "direction.history.closed": {"vi": "{at} — {who} đóng", "en": "{at} — closed by {who}"},
    "direction.history.withdrawn": {
        "vi": "{at} — {who} thu hồi",
        "en": "{at} — withdrawn by {who}",
    },
    "direction.history.text": {"vi": ": {text}", "en": ": {text}"},
    "direction.history.report": {"vi": " (trong báo cáo tuần)", "en": " (in the weekly report)"},
    "direction.section": {"vi": "<b>Chỉ đạo</b>", "en": "<b>Directions</b>"},
    "direction.section.counts": {
        "vi": "Hoàn thành đúng hạn: {done_on_time} · Hoàn thành quá hạn: {done_late} · Chưa hoàn "
        "thành, còn trong hạn: {open_in_time} · Chưa hoàn thành, đã quá hạn: {open_overdue}",
        "en": "Done on time: {done_on_time} · Done late: {done_late} · Not done, within time: "
        "{open_in_time} · Not done, overdue: {open_overdue}",
    },
    "direction.section.given": {
        "vi": "<i>Giao trong kỳ:</i> {numbers}",
        "en": "<i>Given this period:</i> {numbers}",
    },
    "direction.section.open": {"vi": "<i>Đang mở:</i>", "en": "<i>Open:</i>"},
    "direction.section.more": {
        "vi": "… và {count} chỉ đạo khác (gõ /chidao để xem).",
        "en": "… and {count} more (type /directive to see them).",
    },
    "direction.late": {
        "vi": "Chỉ đạo quá hạn chưa xong: {items}",
        "en": "Directions overdue and not done: {items}",
    },
    "direction.late.item": {
        "vi": "#{number} {organization} (hạn {due})",
        "en": "#{number} {organization} (due {due})",
    },
    "direction.follow_up": {
        "vi": "Kết quả thực hiện chỉ đạo #{number}: {text}",
        "en": "Result of direction #{number}: {text}",
    },
    "answer.progress_unclear": {
        "vi": "Chưa rõ là đã xong, đang thực hiện hay chưa thực hiện.",
        "en": "It is not clear whether it is done, in progress or not started.",
    },
    "answer.example.progress": {
        "vi": "Bấm một nút, hoặc gõ kèm ghi chú, ví dụ: “đang làm, đã họp 3 thôn”",
        "en": "Press a button, or type it with a note, for example: “đang làm, đã họp 3 thôn”",
    },
    "direction.only_secretariat_gives": {
        "vi": "Chỉ Ban Thường trực, Văn phòng giao chỉ đạo. Gõ /chidao để xem chỉ đạo của tổ "
        "chức mình.",
        "en": "Only the secretariat gives directions. Type /directive to see your organization's.",
    },
}
