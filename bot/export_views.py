"""The words around the secretariat's files (the files themselves are bot/exports)."""

from __future__ import annotations

from bot.i18n import t
from bot.services.exports import ExportReady, StartPrivateFirst, TooManyPeriods
from bot.services.outcomes import Outcome
from bot.views import View
from bot.weekly_views import render_weekly


def render_export(outcome: Outcome, *, private: bool, name: str = "") -> View:
    """What is said where the command was typed (the file itself goes in private)."""
    match outcome:
        case ExportReady(language=lang, asked_in_group=True):
            return View(t("export.sent_private", lang, name=name))
        case ExportReady():
            return View()
        case StartPrivateFirst(language=lang):
            return View(t("export.start_private", lang))
        case TooManyPeriods(language=lang, limit=limit):
            return View(t("export.too_many", lang, limit=limit))
    return render_weekly(outcome, private=private)
