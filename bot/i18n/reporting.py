"""Catalogue entries: the report conversation and how answers are read back (Telegram HTML; button
labels are plain text).
"""

ENTRIES: dict[str, dict[str, str]] = {
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
        "vi": "<b>{organization}</b> chưa nộp báo cáo {period} (đã quá hạn). "
        "Anh/chị báo cáo cho tuần nào?",
        "en": "<b>{organization}</b> has not submitted its report for {period} (overdue). "
        "Which week are you reporting for?",
    },
    "report.period_overdue": {"vi": "{period} — quá hạn", "en": "{period} — overdue"},
    "report.period_current": {"vi": "{period} — tuần này", "en": "{period} — this week"},
    "report.header": {
        "vi": "<b>{organization}</b> · báo cáo {period}",
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
        "vi": "✅ Đã nhận báo cáo {period} của <b>{organization}</b> lúc {when} — <b>đúng hạn</b>.",
        "en": "✅ Received the report for {period} of <b>{organization}</b> at {when} — "
        "<b>on time</b>.",
    },
    "report.receipt.late": {
        "vi": "✅ Đã nhận báo cáo {period} của <b>{organization}</b> lúc {when} — <b>nộp muộn</b>.",
        "en": "✅ Received the report for {period} of <b>{organization}</b> at {when} — "
        "<b>late</b>.",
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
}
