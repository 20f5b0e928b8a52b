"""Views shared by every feature: silence, refusals, stale buttons."""

from __future__ import annotations

from bot.i18n import plain, t
from bot.services.outcomes import (
    ButtonRefused,
    Duplicate,
    Ignored,
    NoConversation,
    NotConfigured,
    NotLeader,
    NotMember,
    Outcome,
    Received,
    SecretariatOnly,
    StaleButton,
    UseButtons,
)
from bot.views.base import View


def render_common(outcome: Outcome, private: bool) -> View | None:
    match outcome:
        case Duplicate() | Ignored():
            return View()
        case Received():
            return View(react=True)
        case NotConfigured():
            return View(t("bot.unknown_chat"))
        case NotMember(language=lang):
            return View(t("report.not_member", lang))
        case NotLeader(language=lang):
            return View(t("report.not_leader", lang))
        case SecretariatOnly(language=lang):
            return View(t("bot.secretariat_only", lang))
        case NoConversation(language=lang):
            return View(t("report.no_conversation", lang))
        case UseButtons(language=lang):
            return View(t("report.use_buttons", lang))
        case StaleButton(language=lang):
            return View(notice=plain("report.stale_button", lang))
        case ButtonRefused(language=lang, reason=reason):
            return View(notice=plain(reason, lang))
    return None
