"""Catalogue entries: joining, the roster and removing members (Telegram HTML; button labels and
notices are plain text).
"""

ENTRIES: dict[str, dict[str, str]] = {
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
}
