"""The words around the secretariat's files (the files themselves are bot/exports), and
/history."""

from __future__ import annotations

from bot import buttons
from bot.core.digest import OrganizationLine
from bot.core.formatting import format_value
from bot.core.periods import PeriodKey
from bot.exports.tables import NUMERIC
from bot.i18n import Html, plain, t
from bot.i18n.weeks import first_up, week
from bot.services.exports import (
    AskNote,
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
from bot.views.base import ECHO, Button, View, lead, short, yes_no
from bot.views.weekly import STATUS_MARK


def render_documents(outcome: Outcome, private: bool) -> View | None:
    """What is said where the command was typed (the file itself goes in private)."""
    match outcome:
        case AskNote(language=lang, who=who, note_id=note_id, period=period, step=step):
            key = f"export.note.{step.value}"
            skip = Button(plain("export.note.skip", lang), buttons.SkipNote(who.user_id, note_id))
            text = Html(lead(who, private) + t(key, lang, period=week(period, lang)))
            return View(text, ((skip,),), expects_answer=True)
        case ExportReady(language=lang, name=name, asked_in_group=True):
            return View(t("export.sent_private", lang, name=name))
        case ExportReady():
            return View()
        case StartPrivateFirst(language=lang):
            return View(t("export.start_private", lang))
        case TooManyPeriods(language=lang, limit=limit):
            return View(t("export.too_many", lang, limit=limit))
        case HistoryOverview(language=lang, weeks=weeks, rows=rows):
            first, last = week(weeks[0], lang), week(weeks[-1], lang)
            if weeks[0] == weeks[-1]:
                lines = [t("history.overview_one", lang, period=first)]
            else:
                lines = [t("history.overview", lang, first=first, last=last)]
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
        return plain("export.caption.docx", lang, period=week(request.last, lang))
    return plain(
        "export.caption.table", lang, first=week(request.first, lang), last=week(request.last, lang)
    )


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
        period=first_up(week(key, lang)),
        mark=STATUS_MARK[line.status],
        status=status,
        figures=f" — {figures}" if figures else "",
    )
