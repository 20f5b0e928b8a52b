"""The words around the secretariat's files (the files themselves are bot/exports), and
/history."""

from __future__ import annotations

from bot.core.digest import OrganizationLine
from bot.core.formatting import format_value
from bot.core.periods import PeriodKey
from bot.exports.tables import NUMERIC
from bot.i18n import Html, plain, t
from bot.services.exports import (
    ExportFile,
    ExportFormat,
    ExportReady,
    StartPrivateFirst,
    TooManyPeriods,
)
from bot.services.history import (
    HistoryDetail,
    HistoryOverview,
    OwnOrganizationOnly,
    UnknownOrganization,
)
from bot.services.outcomes import Outcome
from bot.views.base import ECHO, View, short, yes_no
from bot.views.weekly import STATUS_MARK


def render_documents(outcome: Outcome, private: bool) -> View | None:
    """What is said where the command was typed (the file itself goes in private)."""
    match outcome:
        case ExportReady(language=lang, name=name, asked_in_group=True):
            return View(t("export.sent_private", lang, name=name))
        case ExportReady():
            return View()
        case StartPrivateFirst(language=lang):
            return View(t("export.start_private", lang))
        case TooManyPeriods(language=lang, limit=limit):
            return View(t("export.too_many", lang, limit=limit))
        case HistoryOverview(language=lang, weeks=weeks, rows=rows):
            lines = [t("history.overview", lang, first=weeks[0], last=weeks[-1])]
            lines += [
                t(
                    "history.overview_row",
                    lang,
                    code=code,
                    name=name,
                    marks="".join(STATUS_MARK[s] for s in statuses),
                )
                for code, name, statuses in rows
            ]
            lines += [Html(""), t("history.legend", lang), t("history.detail_hint", lang)]
            return View(Html("\n".join(lines)))
        case HistoryDetail(language=lang, organization=organization, weeks=weeks):
            lines = [t("history.detail", lang, organization=organization)]
            lines += [_week(key, line, lang) for key, line in weeks]
            return View(Html("\n".join(lines)))
        case UnknownOrganization(language=lang, given=given, codes=codes):
            choices = ", ".join(f"{code} ({name})" for code, name in codes)
            return View(t("history.unknown", lang, given=short(given, ECHO), choices=choices))
        case OwnOrganizationOnly(language=lang):
            return View(t("history.own_only", lang))
    return None


def file_caption(file: ExportFile, lang: str) -> str:
    """The caption under a file sent to the secretariat."""
    request = file.request
    if request.format is ExportFormat.DOCX:
        return plain("export.caption.docx", lang, period=request.last)
    return plain("export.caption.table", lang, first=request.first, last=request.last)


def _week(key: PeriodKey, line: OrganizationLine, lang: str) -> Html:
    figures = "; ".join(
        f"{q.text}: {format_value(q.kind, a.text, a.value, q.unit, lang, yes_no(lang))}"
        for q, a in line.answers
        if q.kind in NUMERIC
    )
    status = plain(f"status.{line.status.value}", lang)
    return t(
        "history.week",
        lang,
        period=key,
        mark=STATUS_MARK[line.status],
        status=status,
        figures=f" — {figures}" if figures else "",
    )
